import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, pacedSignal, throttle, type Scheduled } from '../../../src/editor/timing';

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
 * A consumer that debounces signals the way VS Code's CodeLens controller does. Its RunOnceScheduler:
 * every signal cancels the pending read and starts `readDelayMs` again; a read asks the provider for
 * the lenses. The answer is drawn only after a second debounce (`drawDelayMs`, the resolve step),
 * which the next answer starts again.
 */
function debouncingConsumer(readDelayMs: number, drawDelayMs: number, read: () => void, draw: () => void) {
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  let drawTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    signal() {
      if (readTimer !== undefined) clearTimeout(readTimer);
      readTimer = setTimeout(() => {
        readTimer = undefined;
        read();
        if (drawTimer !== undefined) clearTimeout(drawTimer);
        drawTimer = setTimeout(() => {
          drawTimer = undefined;
          draw();
        }, drawDelayMs);
      }, readDelayMs);
    },
    /** The editor lost focus: VS Code drops the pending read. */
    cancel() {
      if (readTimer !== undefined) clearTimeout(readTimer);
      readTimer = undefined;
    },
  };
}

type Signal = Scheduled & { acknowledge?(): void };

/** A producer that changes every 50 ms (snapshots while training) for `ms`; the longest time without a fresh drawing. */
function longestGapBetweenDraws(makeSignal: (fire: () => void) => Signal, readDelayMs: number, ms: number, blurEveryMs?: number, drawDelayMs = 250): number {
  const draws: number[] = [];
  const holder: { signal?: Signal } = {};
  const consumer = debouncingConsumer(
    readDelayMs,
    drawDelayMs,
    () => holder.signal?.acknowledge?.(),
    () => draws.push(Date.now()),
  );
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
  return Math.max(...times.slice(1).map((t, i) => t - times[i]!));
}

const PACING = { minGapMs: 500, ackTimeoutMs: 2000, settleMs: 300 };

describe('pacedSignal', () => {
  it('a throttle as often as the consumer\'s delay starves a debouncing consumer (the bug it replaces)', () => {
    expect(longestGapBetweenDraws((fire) => throttle(fire, 250), 300, 20_000)).toBe(20_000);
  });

  it('without a pause after the answer, a quick consumer\'s second debounce is starved', () => {
    expect(longestGapBetweenDraws((fire) => pacedSignal(fire, { ...PACING, minGapMs: 0, settleMs: 0 }), 250, 20_000)).toBe(20_000);
  });

  it('lets a debouncing consumer draw at least every gap + delays while the producer changes every 50 ms', () => {
    for (const delay of [250, 375, 450, 1200]) {
      const gap = longestGapBetweenDraws((fire) => pacedSignal(fire, PACING), delay, 20_000);
      expect(gap, `consumer delay ${delay} ms`).toBeLessThanOrEqual(Math.max(PACING.minGapMs, PACING.settleMs + delay) + 250 + 1);
    }
  });

  it('learns a consumer delay longer than its timeout instead of starving it (a loaded extension host)', () => {
    const gap = longestGapBetweenDraws((fire) => pacedSignal(fire, PACING), 3000, 60_000);
    expect(gap).toBeLessThan(10_000);
  });

  it('sends again when the consumer dropped a signal (focus left the editor)', () => {
    const gap = longestGapBetweenDraws((fire) => pacedSignal(fire, PACING), 250, 20_000, 1700);
    // Worst case: dropped just after a signal, so the next read waits for the timeout.
    expect(gap).toBeLessThanOrEqual(PACING.settleMs + PACING.ackTimeoutMs + 250 + 250);
  });

  it('fires at once when idle, then not before the answer, the settling time and the gap', () => {
    let fired = 0;
    const signal = pacedSignal(() => fired++, PACING);
    signal.schedule();
    expect(fired).toBe(1);
    signal.schedule();
    vi.advanceTimersByTime(600);
    expect(fired).toBe(1); // no answer yet
    signal.acknowledge();
    expect(fired).toBe(1); // answered: it settles first
    vi.advanceTimersByTime(300);
    expect(fired).toBe(2);
    signal.acknowledge();
    signal.schedule();
    vi.advanceTimersByTime(499);
    expect(fired).toBe(2);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(3);
    // No answer within the timeout: sent again; after retry(), without waiting for the timeout.
    signal.schedule();
    vi.advanceTimersByTime(2000);
    expect(fired).toBe(4);
    signal.schedule();
    signal.retry();
    vi.advanceTimersByTime(500);
    expect(fired).toBe(5);
    signal.dispose();
    signal.schedule();
    expect(vi.getTimerCount()).toBe(0);
  });
});
