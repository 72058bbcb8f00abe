import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, pacedSignal, throttle, type PacedSignal, type Scheduled } from '../../../src/editor/timing';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('debounce', () => {
  it('runs once after a burst, and flush runs a pending call now', () => {
    let runs = 0;
    const edits = debounce(() => runs++, 300);
    edits.schedule();
    vi.advanceTimersByTime(200);
    edits.schedule();
    vi.advanceTimersByTime(200);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(100);
    expect(runs).toBe(1);
    edits.schedule();
    edits.flush();
    expect(runs).toBe(2);
    edits.flush();
    expect(runs).toBe(2);
  });

  it('leaves no timer behind after dispose', () => {
    let runs = 0;
    const edits = debounce(() => runs++, 300);
    edits.schedule();
    edits.dispose();
    edits.schedule();
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(runs).toBe(0);
  });
});

describe('throttle', () => {
  it('runs the first request at once and folds the rest into one trailing run', () => {
    let runs = 0;
    const refresh = throttle(() => runs++, 250);
    refresh.schedule();
    expect(runs).toBe(1);
    for (let i = 0; i < 10; i++) refresh.schedule();
    expect(runs).toBe(1);
    vi.advanceTimersByTime(250);
    expect(runs).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(2);
  });

  it('leaves no timer behind after dispose', () => {
    const refresh = throttle(() => undefined, 250);
    refresh.schedule();
    refresh.schedule();
    refresh.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

/**
 * A consumer that debounces signals the way VS Code's CodeLens controller does (1.100): every signal
 * cancels the pending read and starts `readDelayMs` again; a read asks the provider for the lenses
 * (`provided`), whose answer lands `latencyMs` later. The answer is drawn only after a second
 * debounce (`drawDelayMs(k)` for the k-th, the resolve step, which asks the provider to resolve:
 * `resolved`), and the next answer to land starts that one again.
 */
function debouncingConsumer(readDelayMs: number, drawDelayMs: (k: number) => number, latencyMs: number, signal: () => PacedSignal | undefined, draw: () => void) {
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  let drawTimer: ReturnType<typeof setTimeout> | undefined;
  let answers = 0;
  return {
    signal() {
      if (readTimer !== undefined) clearTimeout(readTimer);
      readTimer = setTimeout(() => {
        readTimer = undefined;
        signal()?.provided();
        setTimeout(() => {
          if (drawTimer !== undefined) clearTimeout(drawTimer);
          drawTimer = setTimeout(() => {
            drawTimer = undefined;
            signal()?.resolved();
            draw();
          }, drawDelayMs(answers++));
        }, latencyMs);
      }, readDelayMs);
    },
    /** The editor lost focus: VS Code drops the pending read. */
    cancel() {
      if (readTimer !== undefined) clearTimeout(readTimer);
      readTimer = undefined;
    },
  };
}

interface Run {
  readDelayMs: number;
  drawDelayMs: number | ((k: number) => number);
  latencyMs?: number;
  ms?: number;
  blurEveryMs?: number;
  /** Gaps that end before this are not counted (the pacer learns the delays in the first rounds). */
  warmUpMs?: number;
}

/** A producer that changes every 50 ms (snapshots while training); the longest time without a fresh drawing. */
function longestGapBetweenDraws(makeSignal: (fire: () => void) => Scheduled, run: Run): number {
  const { readDelayMs, drawDelayMs, latencyMs = 0, ms = 20_000, blurEveryMs, warmUpMs = 0 } = run;
  const draws: number[] = [];
  const holder: { signal?: Scheduled } = {};
  const paced = () => (holder.signal && 'provided' in holder.signal ? (holder.signal as PacedSignal) : undefined);
  const consumer = debouncingConsumer(readDelayMs, typeof drawDelayMs === 'number' ? () => drawDelayMs : drawDelayMs, latencyMs, paced, () => draws.push(Date.now()));
  const signal = makeSignal(() => consumer.signal());
  holder.signal = signal;
  const start = Date.now();
  const producer = setInterval(() => signal.schedule(), 50);
  const blur = blurEveryMs ? setInterval(() => consumer.cancel(), blurEveryMs) : undefined;
  vi.advanceTimersByTime(ms);
  clearInterval(producer);
  if (blur) clearInterval(blur);
  signal.dispose();
  const times = [start, ...draws, start + ms];
  const gaps = times.slice(1).map((t, i) => ({ end: t, gap: t - times[i]! }));
  return Math.max(...gaps.filter((g) => g.end - start >= warmUpMs).map((g) => g.gap));
}

const PACING = { minGapMs: 250, ackTimeoutMs: 2000, marginMs: 100 };

describe('pacedSignal', () => {
  it("a throttle as often as the consumer's delay starves a debouncing consumer (the bug it replaces)", () => {
    expect(longestGapBetweenDraws((fire) => throttle(fire, 250), { readDelayMs: 300, drawDelayMs: 250 })).toBe(20_000);
  });

  it('overlaps the two delays: a drawing at least every longer delay + margin, not both delays in series', () => {
    for (const [read, draw, latency] of [
      [250, 250, 0],
      [250, 250, 40],
      [375, 250, 20],
      [250, 450, 20],
      [1200, 250, 0],
      [250, 1200, 60],
    ] as const) {
      const gap = longestGapBetweenDraws((fire) => pacedSignal(fire, PACING), { readDelayMs: read, drawDelayMs: draw, latencyMs: latency, warmUpMs: 5000 });
      // Waiting for the resolve before the next signal drew every read + draw + latency at best (500 ms and more).
      expect(gap, `read ${read} ms, draw ${draw} ms, latency ${latency} ms`).toBeLessThanOrEqual(Math.max(read, draw + latency) + PACING.marginMs + 1);
      expect(gap, `read ${read} ms, draw ${draw} ms: no longer both in series`).toBeLessThan(read + draw + latency);
    }
  });

  it('is not starved by a resolve delay that varies (it leaves more room after a read that landed too soon)', () => {
    const gap = longestGapBetweenDraws((fire) => pacedSignal(fire, PACING), { readDelayMs: 250, drawDelayMs: (k) => 250 + (k % 3) * 200, latencyMs: 30, warmUpMs: 2000 });
    expect(gap).toBeLessThan(1500);
  });

  it('learns a consumer delay longer than its timeout instead of starving it (a loaded extension host)', () => {
    const gap = longestGapBetweenDraws((fire) => pacedSignal(fire, PACING), { readDelayMs: 3000, drawDelayMs: 250, ms: 60_000 });
    expect(gap).toBeLessThan(10_000);
  });

  it('sends again when the consumer dropped a signal (focus left the editor)', () => {
    const gap = longestGapBetweenDraws((fire) => pacedSignal(fire, PACING), { readDelayMs: 250, drawDelayMs: 250, blurEveryMs: 1700 });
    // Worst case: dropped just after a signal, so the next read waits for the timeout.
    expect(gap).toBeLessThanOrEqual(PACING.ackTimeoutMs + 250 + 250 + PACING.marginMs);
  });

  it('fires at once when idle, then after the read at the predicted resolve minus the read delay', () => {
    let fired = 0;
    const signal = pacedSignal(() => fired++, PACING);
    signal.schedule();
    expect(fired).toBe(1);
    signal.schedule();
    vi.advanceTimersByTime(300);
    expect(fired).toBe(1); // not read yet
    signal.provided(); // read 300 ms after the signal
    vi.advanceTimersByTime(1000);
    expect(fired).toBe(1); // no resolve seen yet: how long it takes is unknown, so it waits for it
    vi.advanceTimersByTime(400);
    signal.resolved(); // resolved 1400 ms after the read
    expect(fired).toBe(2); // at once: the gap has long passed
    vi.advanceTimersByTime(300);
    signal.provided(); // read 300 ms after the signal again
    signal.schedule();
    // Next: 1400 − 300 + 100 ms after this read (the smoothed delays), so that its read lands after this resolve.
    vi.advanceTimersByTime(1199);
    expect(fired).toBe(2);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(3);
    // No read within the timeout: sent again; after retry(), without waiting for the timeout.
    signal.schedule();
    vi.advanceTimersByTime(2000);
    expect(fired).toBe(4);
    signal.schedule();
    signal.retry();
    vi.advanceTimersByTime(250);
    expect(fired).toBe(5);
    signal.dispose();
    signal.schedule();
    expect(vi.getTimerCount()).toBe(0);
  });
});
