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
  /** The consumer acted on the last signal (it asked for the new state): the next one may go. */
  acknowledge(): void;
  /** The consumer may have dropped the last signal (focus moved): a pending one need not wait for its answer. */
  retry(): void;
}

export interface PacedSignalOptions {
  /** Signals are at least this far apart, however often they are asked for. */
  minGapMs: number;
  /** A signal the consumer did not act on within this long (it dropped it) is sent again. */
  ackTimeoutMs: number;
  /**
   * The next signal waits this long after an answer: the consumer is still using it (VS Code
   * renders the lenses it got, then resolves them after another debounce that a new read cancels).
   */
  settleMs?: number;
}

/**
 * For a consumer that debounces the signals it gets, such as VS Code's CodeLens controller: it
 * re-reads lenses a delay (250 ms or more, adapted to how long the provider takes) after the last
 * `onDidChangeCodeLenses`, and each new signal starts that delay again. Signals every 250 ms, as a
 * plain throttle sends while training, can starve it for seconds. So: fire, then wait for the
 * consumer to act (`acknowledge`, called when it asks for the lenses) and for `minGapMs` to pass
 * (and `settleMs` after the answer) before firing again, so a signal never lands while the consumer's
 * delay runs. A signal that got no
 * answer within `ackTimeoutMs` (or twice the usual time to an answer, if longer; doubled after each
 * unanswered one) is sent again: the consumer cancels its pending read when the editor loses focus.
 */
/** Slower answers than this are not counted in pacedSignal's estimate of the consumer's delay. */
const MAX_ANSWER_MS = 5000;

export function pacedSignal(fire: () => void, options: PacedSignalOptions): PacedSignal {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let requested = false;
  let awaiting = false;
  let disposed = false;
  let lastFire = -Infinity;
  let lastAnswer = -Infinity;
  /** Smoothed time from a signal to its answer: the consumer's delay grows with its provider's round trips. */
  let answerMs = 0;
  /** How long a signal waits for its answer: doubled after each one that went unanswered. */
  let timeout = options.ackTimeoutMs;
  const send = () => {
    requested = false;
    awaiting = true;
    lastFire = Date.now();
    fire();
  };
  const arm = () => {
    if (disposed || timer !== undefined || !requested) return;
    const due = awaiting ? lastFire + timeout : Math.max(lastFire + options.minGapMs, lastAnswer + (options.settleMs ?? 0));
    const wait = due - Date.now();
    if (wait <= 0) send();
    else
      timer = setTimeout(() => {
        timer = undefined;
        // The timeout passed without an answer: the signal was dropped, or the consumer's delay is
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
    acknowledge() {
      if (disposed) return;
      const took = Date.now() - lastFire;
      // Answers to a signal sent while nobody showed the lenses (an hour later) say nothing of the delay.
      if (awaiting && took <= MAX_ANSWER_MS) answerMs = answerMs === 0 ? took : 0.7 * answerMs + 0.3 * took;
      timeout = Math.max(options.ackTimeoutMs, 2 * answerMs);
      awaiting = false;
      lastAnswer = Date.now();
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
