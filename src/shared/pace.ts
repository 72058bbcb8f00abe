// The pace of training, in epochs a second, defined once: the `nnPlayground.pace` setting's bounds
// (package.json holds the same numbers, checked by a unit test), the panel's choices, the worker's
// wait between epochs. 0 means "as fast as possible", the worker's unpaced loop, unchanged.
// Pure: the extension host, the worker and the webview import it.

/** As fast as possible: no wait between epochs (the default). */
export const FASTEST_PACE = 0;
/** The fastest pace that waits: about one epoch per frame of a 60 Hz screen. */
export const MAX_PACE = 60;
/** The slowest pace a setting may ask for: one epoch every ten seconds. */
export const MIN_PACE = 0.1;
export const DEFAULT_PACE = FASTEST_PACE;
/** What the panel offers, fastest first. */
export const PACE_CHOICES: readonly number[] = [FASTEST_PACE, 60, 20, 5, 1];

/** The pace a value from settings.json or a webview message stands for (the schema does not enforce). */
export function paceFrom(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return DEFAULT_PACE;
  return Math.min(MAX_PACE, Math.max(MIN_PACE, value));
}

/** Milliseconds from the start of one paced epoch to the start of the next (0 when unpaced). */
export function epochIntervalMs(epochsPerSecond: number): number {
  return epochsPerSecond > 0 ? 1000 / epochsPerSecond : 0;
}

/**
 * When the next epoch may begin. The loop calls `began` as an epoch starts and asks `waitMs` before
 * starting another: epochs start every interval, and an epoch slower than that is followed at once
 * (a run that cannot keep the pace goes as fast as it can, never catching up in a burst).
 */
export class PaceClock {
  private nextStartAt = -Infinity;

  constructor(private epochsPerSecond: number = FASTEST_PACE) {}

  get paced(): boolean {
    return this.epochsPerSecond > 0;
  }

  get pace(): number {
    return this.epochsPerSecond;
  }

  /** A new pace applies to the next epoch, counted from the start of the one under way. */
  set(epochsPerSecond: number): void {
    const previous = epochIntervalMs(this.epochsPerSecond);
    this.epochsPerSecond = paceFrom(epochsPerSecond);
    if (Number.isFinite(this.nextStartAt)) this.nextStartAt += epochIntervalMs(this.epochsPerSecond) - previous;
  }

  /**
   * An epoch begins. On time or a little late (a timer fires a millisecond after it was due), the
   * cadence is kept, so 60 a second stays 60 and not 1000/17; more than an interval late (a slow
   * epoch, a Step or a pause in between), it starts again from now.
   */
  began(now: number): void {
    const interval = epochIntervalMs(this.epochsPerSecond);
    const due = this.nextStartAt;
    this.nextStartAt = (Number.isFinite(due) && now - due < interval ? due : now) + interval;
  }

  waitMs(now: number): number {
    return this.paced ? Math.max(0, this.nextStartAt - now) : 0;
  }

  /** Forget the last epoch's start (a Step or a pause in between: the next epoch may begin now). */
  clear(): void {
    this.nextStartAt = -Infinity;
  }
}
