// The panel's redraw budget: whole frames keep to RENDER_TIME_SHARE of the thread; a state change,
// a notice or a snapshot's counters are drawn at once, alone.
import { describe, expect, it } from 'vitest';
import { framePause, RENDER_TIME_SHARE, urgentPart } from '../../../src/shared/view-models/render-budget';

describe('framePause', () => {
  it('spaces whole frames so that their cost is RENDER_TIME_SHARE of the time between their starts', () => {
    // A 40 ms frame that started at t = 1000: the next may start at 1000 + 40 / share.
    const next = 1000 + 40 / RENDER_TIME_SHARE;
    expect(framePause(1000, 1000, 40)).toBe(next - 1000);
    expect(framePause(next - 10, 1000, 40)).toBe(10);
    expect(framePause(next, 1000, 40)).toBe(0);
    expect(framePause(0, -Infinity, 0)).toBe(0);
    // Over a run of frames of the same cost, the share of the thread they take is the budget.
    let t = 0;
    let busy = 0;
    for (let frame = 0; frame < 100; frame++) {
      const start = t;
      busy += 25;
      t = start + framePause(start, start, 25);
    }
    expect(busy / t).toBeCloseTo(RENDER_TIME_SHARE, 10);
  });
});

describe('urgentPart', () => {
  it('takes the state, the notice and the counters, and leaves the charts for the budget', () => {
    expect([...urgentPart(new Set(['history', 'health', 'state', 'notice', 'diagram', 'problems', 'snapshot']))].sort()).toEqual(['notice', 'snapshot', 'state']);
    expect(urgentPart(new Set(['history', 'timeline'])).size).toBe(0);
  });
});
