// What the extension host spends its time on, counted only when the soak probe is on
// (src/editor/soak-probe.ts): messages from the worker and to the webview, their size, and the
// time spent in the handlers that run for them (the session's, the lens provider's, the
// diagnostics'). With the probe off (every real use) `counting` is false and each call returns at
// once. Pure, so the session can count in any host (Node, or a browser's worker host).

export interface CounterTotals {
  /** How many times each named thing happened since the host started. */
  counts: Record<string, number>;
  /** Milliseconds spent in each named handler since the host started. */
  ms: Record<string, number>;
  /** Characters (JSON) of each named message stream since the host started. */
  chars: Record<string, number>;
}

let counting = false;
const totals: CounterTotals = { counts: {}, ms: {}, chars: {} };

/** Turns counting on (the probe does, once). */
export function startCounting(): void {
  counting = true;
}

export function isCounting(): boolean {
  return counting;
}

export function count(name: string, times = 1): void {
  if (counting) totals.counts[name] = (totals.counts[name] ?? 0) + times;
}

/** Counts a message and its size as JSON (the cost of measuring it is paid only while counting). */
export function countMessage(name: string, message: unknown): void {
  if (!counting) return;
  totals.counts[name] = (totals.counts[name] ?? 0) + 1;
  totals.chars[name] = (totals.chars[name] ?? 0) + (JSON.stringify(message)?.length ?? 0);
}

/** Runs `body`, adding its time to `name` (and one to its count) while counting. */
export function timed<T>(name: string, body: () => T): T {
  if (!counting) return body();
  const started = performance.now();
  try {
    return body();
  } finally {
    totals.ms[name] = (totals.ms[name] ?? 0) + (performance.now() - started);
    totals.counts[name] = (totals.counts[name] ?? 0) + 1;
  }
}

/** A copy of the totals so far. */
export function counterTotals(): CounterTotals {
  return { counts: { ...totals.counts }, ms: { ...totals.ms }, chars: { ...totals.chars } };
}
