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

export interface PacedSignal extends Scheduled {
  /** The consumer asked for the new state (VS Code read the lenses): its first delay is over. */
  provided(): void;
  /** The consumer used what it read (VS Code resolved the lenses): its second delay is over. */
  resolved(): void;
  /** The consumer may have dropped the last signal (focus moved): a pending one need not wait for its answer. */
  retry(): void;
}

export interface PacedSignalOptions {
  /** Signals are at least this far apart, however often they are asked for. */
  minGapMs: number;
  /** A signal the consumer did not act on within this long (it dropped it) is sent again. */
  ackTimeoutMs: number;
  /**
   * How much later than the predicted use of the last read the next read may land: room for the
   * jitter of a loaded machine. Grows by this much each time a read still landed first.
   */
  marginMs: number;
}

/** Slower answers than this are not counted in pacedSignal's estimates of the consumer's delays. */
const MAX_ANSWER_MS = 5000;
/** The margin grows, after reads that landed too soon, to at most this. */
const MAX_MARGIN_MS = 1000;

/**
 * For a consumer that debounces the signals it gets twice, as VS Code's CodeLens controller does
 * (codelensController.ts, 1.100): a signal (`onDidChangeCodeLenses`) restarts a RunOnceScheduler
 * whose delay is the average time its provider took (250 ms at least); the read's answer is drawn
 * only when a second RunOnceScheduler, of the resolve's average time (250 ms at least), runs, and
 * every new read's answer restarts that one. A plain throttle starves the first delay; waiting for
 * the resolve before the next signal (the old pacing) costs both delays in series, 600 ms and more
 * a round, and the lens was over a second behind. So the next signal goes as soon as the read it
 * starts lands after the last read's resolve: `provided` and `resolved` say when the consumer
 * acted, the pacer learns the two delays (signal to read, read to resolve) and fires at the last
 * read + (read to resolve − signal to read) + a margin. The two delays overlap and a round costs
 * about one of them. Until a resolve has been seen, and after a read that landed before the last
 * resolve (the margin then grows), it waits for the resolve itself. A signal not read within
 * `ackTimeoutMs` (or twice the usual time, if longer; doubled after each unanswered one) is sent
 * again: the consumer cancels its pending read when the editor loses focus.
 */
export function pacedSignal(fire: () => void, options: PacedSignalOptions): PacedSignal {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let requested = false;
  /** A signal was sent and not read yet. */
  let awaiting = false;
  let disposed = false;
  let lastFire = -Infinity;
  let lastRead = -Infinity;
  /** The last read was resolved (or there was none): a new read cannot restart its resolve. */
  let resolvedSinceRead = true;
  /** Smoothed times from a signal to its read, and from a read to its resolve (0: none seen yet). */
  let toRead = 0;
  let toResolve = 0;
  let margin = options.marginMs;
  /** How long a signal waits for its read: doubled after each one that went unanswered. */
  let timeout = options.ackTimeoutMs;
  const smooth = (average: number, sample: number) => (average === 0 ? sample : 0.7 * average + 0.3 * sample);
  const send = () => {
    requested = false;
    awaiting = true;
    lastFire = Date.now();
    fire();
  };
  const due = (): number => {
    if (awaiting) return lastFire + timeout;
    const gap = lastFire + options.minGapMs;
    if (resolvedSinceRead) return gap;
    // The next read must land after the last one's resolve; unknown yet: wait for it (or the timeout).
    const wait = toResolve > 0 ? Math.max(0, toResolve - toRead) + margin : timeout;
    return Math.max(gap, lastRead + wait);
  };
  const arm = () => {
    if (disposed || timer !== undefined || !requested) return;
    const wait = due() - Date.now();
    if (wait <= 0) send();
    else
      timer = setTimeout(() => {
        timer = undefined;
        // The timeout passed without a read: the signal was dropped, or the consumer's delay is
        // longer than we knew (sent again too soon, a signal only starts that delay again).
        if (awaiting && Date.now() - lastFire >= timeout) {
          awaiting = false;
          timeout = Math.min(2 * timeout, 2 * MAX_ANSWER_MS);
        }
        arm();
      }, wait);
  };
  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule() {
      if (disposed) return;
      requested = true;
      arm();
    },
    provided() {
      if (disposed) return;
      const now = Date.now();
      const took = now - lastFire;
      // Reads of a signal sent while nobody showed the lenses (an hour later) say nothing of the delay.
      if (awaiting && took <= MAX_ANSWER_MS) toRead = smooth(toRead, took);
      timeout = Math.max(options.ackTimeoutMs, 2 * toRead);
      // This read landed before the last one was resolved: it restarted that resolve. Leave more room.
      if (!resolvedSinceRead && lastRead > -Infinity) margin = Math.min(MAX_MARGIN_MS, margin + options.marginMs);
      awaiting = false;
      lastRead = now;
      resolvedSinceRead = false;
      clear();
      arm();
    },
    resolved() {
      if (disposed || resolvedSinceRead) return;
      const took = Date.now() - lastRead;
      if (took <= MAX_ANSWER_MS) toResolve = smooth(toResolve, took);
      // A round that went as predicted gives back a little of the room added after a bad one.
      margin = Math.max(options.marginMs, margin - options.marginMs / 4);
      resolvedSinceRead = true;
      clear();
      arm();
    },
    retry() {
      if (disposed || !awaiting) return;
      awaiting = false;
      clear();
      arm();
    },
    flush() {
      if (!requested || disposed) return;
      clear();
      send();
    },
    dispose() {
      disposed = true;
      requested = false;
      clear();
    },
    get pending() {
      return requested;
    },
  };
}
