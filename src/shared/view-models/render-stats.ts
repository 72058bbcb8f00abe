// What the panel's render loop counts (webview/render-loop.ts): frames, their cost, and where it
// goes. Read by the e2e test and the README's performance figures, so the type lives where both
// the webview and the tests can import it.

import type { Change } from './panel-state';

export interface RenderStats {
  /** Frames that redrew something. */
  frames: number;
  /** Total and worst time spent drawing, in ms. */
  totalMs: number;
  maxMs: number;
  /** performance.now() of the first counted frame. */
  since: number;
  /** Snapshots received. */
  snapshots: number;
  /** Time each view spent drawing, in ms, by view id: where a frame's cost goes. */
  viewMs: Record<string, number>;
  /** Frames that drew each kind of change: how often each view had something new to show. */
  changes: Partial<Record<Change, number>>;
}
