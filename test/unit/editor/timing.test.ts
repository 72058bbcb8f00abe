import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, throttle } from '../../../src/editor/timing';

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
