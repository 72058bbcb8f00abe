// How often the panel may redraw. The webview's document runs on the same thread as the workbench
// that shows it (code-server in Chromium: one renderer for both), so every millisecond the charts
// take is one the editor's CodeLens, status bar and typing wait for. Measured on a 2-core machine
// while a long model trained: the charts took 600 ms of every second and the lens fell 30-60 s
// behind the status bar (scripts/host-load.ts). So the heavy views redraw at most as often as
// keeps their share of the thread at RENDER_TIME_SHARE; what a person must see at once (a state
// change, a notice, the counters of a new snapshot) is drawn at the next frame, alone.

import type { Change } from './panel-state';

/** The share of the thread the panel's drawing may take while training: at most one fifth. */
export const RENDER_TIME_SHARE = 0.2;

/**
 * Changes drawn at the next frame whatever the budget: they are cheap and say what just happened.
 * `snapshot` alone redraws only the toolbar's counters (epoch, speed), which must agree with the
 * status bar; the charts redraw on `history`, `health` and `diagram`, within the budget. (Problems
 * are not urgent: live rules re-word them a few times a second, and the gradient view redraws with
 * them.)
 */
export const URGENT_CHANGES: ReadonlySet<Change> = new Set<Change>(['state', 'notice', 'snapshot']);

/**
 * Milliseconds until a frame may draw everything, given when the last whole frame started and what
 * it cost: that frame's cost is RENDER_TIME_SHARE of the time from its start to the next one.
 */
export function framePause(now: number, lastStart: number, lastCostMs: number): number {
  return Math.max(0, lastStart + lastCostMs / RENDER_TIME_SHARE - now);
}

/** The changes of `pending` that are drawn at once; the rest wait for the budget. */
export function urgentPart(pending: ReadonlySet<Change>): Set<Change> {
  return new Set([...pending].filter((change) => URGENT_CHANGES.has(change)));
}
