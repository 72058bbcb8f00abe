// What every view of the panel provides. The app owns the layout (one collapsible section per
// view), the state and the render loop; a view turns state into pixels and a text summary.

import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import type { TextSummary } from '../dom';
import type { Palette } from '../theme';

export interface View {
  /** Stable id: the section's DOM id and the key its open/closed state is kept under. */
  readonly id: string;
  readonly title: string;
  readonly body: HTMLElement;
  readonly summary: TextSummary;
  /**
   * Redraws what `changes` affect. Called from the render loop only while the view is open;
   * after opening (or a theme change) with every change.
   */
  render(state: PanelState, changes: ReadonlySet<Change>, palette: Palette): void;
  /** Drops what was drawn with the old palette (theme change): the next render rebuilds it. */
  destroy(): void;
}

export { ALL_CHANGES } from '../../src/shared/view-models/panel-state';

/** The model to lay views out by: the current one, or the last that parsed while the text has errors. */
export const layoutModel = (s: PanelState) => s.model ?? s.lastModel;
