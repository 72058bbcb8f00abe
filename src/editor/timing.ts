// Debounce and throttle with an explicit dispose, so no timer outlives the adapter that made it.

export interface Scheduled {
  /** Asks for a run (later, per the policy). */
  schedule(): void;
  /** Runs now if a run is pending (e.g. before reading state that the pending run would update). */
  flush(): void;
  /** Drops a pending run and stops scheduling. */
  dispose(): void;
  readonly pending: boolean;
}

/** Runs `action` once `delayMs` after the last `schedule()` (edits typed in a burst parse once). */
export function debounce(action: () => void, delayMs: number): Scheduled {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const run = () => {
    timer = undefined;
    action();
  };
  return {
    schedule() {
      if (disposed) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    },
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      run();
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}

/**
 * Runs `action` at most once per `intervalMs`: the first request runs at once, requests during the
 * interval fold into one trailing run (so the last state is always shown, never dropped).
 */
export function throttle(action: () => void, intervalMs: number): Scheduled {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let requested = false;
  let disposed = false;
  let last = -Infinity;
  const run = () => {
    timer = undefined;
    requested = false;
    last = Date.now();
    action();
  };
  return {
    schedule() {
      if (disposed) return;
      requested = true;
      if (timer !== undefined) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    flush() {
      if (!requested) return;
      if (timer !== undefined) clearTimeout(timer);
      run();
    },
    dispose() {
      disposed = true;
      requested = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    get pending() {
      return requested;
    },
  };
}
