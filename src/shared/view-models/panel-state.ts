// The webview's whole state, and how each message from the extension changes it. Pure, so the
// message handling is tested without a browser; the views only read this state.

import type { DataView, HistoryPoint, SessionState, Snapshot } from '../protocol/snapshot';
import type { ComparedRun, HealthSample, ModelSummary, ProblemView, SnapshotUpdate, ToWebview } from '../protocol/webview-messages';
import { appendSample, snapshotSamples } from './health-timeline';
import { GapWidening } from './loss-view';

export interface PanelState {
  sessionKey: string | null;
  model: ModelSummary | null;
  /** The last model that parsed: the views keep their layout while the text has errors. */
  lastModel: ModelSummary | null;
  history: HistoryPoint[];
  /** Whether the train/test gap widens at each epoch of `history`, judged once per epoch. */
  gap: GapWidening;
  snapshot: Snapshot | null;
  state: SessionState;
  /** Why training stopped, when it diverged. */
  message: string | null;
  /** What the session last did on its own, and why (a reset for an edit, a pause for errors). */
  notice: string | null;
  data: DataView | null;
  problems: ProblemView[];
  timeline: HealthSample[];
  /** The runs pinned side by side (they outlive the shown model: a `full` message keeps them). */
  comparison: ComparedRun[];
  /** The session's pace, epochs a second (0: as fast as possible). */
  pace: number;
}

/**
 * What a message changed, so only the affected views redraw. `snapshot`: a snapshot arrived (the
 * counters moved); `health`, `diagram`, `theory` and `timeline`: it brought a new health report,
 * new diagrams, new theory numbers, or new samples over time. Most snapshots while training repeat the last health report
 * and diagrams (the worker recomputes them only while that is cheap): redrawing the charts drawn
 * from them would repaint the same picture at the price of the training's CPU.
 */
export type Change = 'model' | 'history' | 'snapshot' | 'health' | 'diagram' | 'theory' | 'timeline' | 'state' | 'data' | 'problems' | 'notice' | 'comparison';

export const ALL_CHANGES: ReadonlySet<Change> = new Set<Change>(['model', 'history', 'snapshot', 'health', 'diagram', 'theory', 'timeline', 'state', 'data', 'problems', 'notice', 'comparison']);

export function emptyState(): PanelState {
  return {
    sessionKey: null,
    model: null,
    lastModel: null,
    history: [],
    gap: new GapWidening(),
    snapshot: null,
    state: 'idle',
    message: null,
    notice: null,
    data: null,
    problems: [],
    timeline: [],
    comparison: [],
    pace: 0,
  };
}

/**
 * Appends epochs in place; an epoch at or before the last one means a reset happened in between.
 * Returns whether epochs were dropped for that reason.
 */
export function appendHistory(history: HistoryPoint[], points: readonly HistoryPoint[]): boolean {
  const first = points[0];
  if (!first) return false;
  let dropped = false;
  while (history.length > 0 && (history.at(-1) as HistoryPoint).epoch >= first.epoch) {
    history.pop();
    dropped = true;
  }
  for (const p of points) history.push(p);
  return dropped;
}

/**
 * The worker attaches the diagram (parameters, boundary grid) to a snapshot only every few hundred
 * milliseconds; in between, the last ones still hold.
 */
export function withDiagrams(next: Snapshot, previous: Snapshot | null): Snapshot {
  if (!previous || (next.parameters && next.boundary) || next.epoch < previous.epoch) return next;
  const parameters = next.parameters ?? previous.parameters;
  const boundary = next.boundary ?? previous.boundary;
  const diagramId = next.parameters || next.boundary ? next.diagramId : previous.diagramId;
  return { ...next, ...(parameters ? { parameters } : {}), ...(boundary ? { boundary } : {}), ...(diagramId !== undefined ? { diagramId } : {}) };
}

/** A snapshot without `health` repeats the last report (the panel sends each report once). */
export function withHealth(next: SnapshotUpdate, previous: Snapshot | null): Snapshot {
  if (next.health !== undefined) return next as Snapshot;
  return { ...next, health: previous?.health ?? null, ...(previous?.healthId !== undefined ? { healthId: previous.healthId } : {}) };
}

/**
 * A snapshot without `theory` keeps the last numbers (the panel sends each measurement once),
 * stamped with their own epoch; a run that went back (a reset) keeps none of the old run's.
 */
export function withTheory(next: Snapshot, previous: Snapshot | null): Snapshot {
  if (next.theory !== undefined || !previous?.theory || next.epoch < previous.epoch) return next;
  return { ...next, theory: previous.theory, ...(previous.theoryId !== undefined ? { theoryId: previous.theoryId } : {}) };
}

/**
 * Whether a snapshot's health report or diagrams differ from the previous snapshot's: by their
 * numbers when both have one; a report without a number counts as new.
 */
function isNew(value: unknown, id: number | undefined, previousValue: unknown, previousId: number | undefined): boolean {
  if (value === undefined || value === null) return previousValue !== undefined && previousValue !== null;
  return id === undefined || id !== previousId;
}

/** Applies a message (mutating `state` for speed: histories grow long) and says what changed. */
export function applyMessage(state: PanelState, message: Exclude<ToWebview, { type: 'unit-grid' } | { type: 'bias-variance' }>): Set<Change> {
  switch (message.type) {
    case 'full': {
      Object.assign(state, emptyState(), {
        sessionKey: message.sessionKey ?? null,
        model: message.model,
        lastModel: message.model ?? (message.sessionKey === state.sessionKey ? state.lastModel : null),
        history: [...message.history],
        gap: new GapWidening(),
        snapshot: message.snapshot,
        state: message.state ?? message.snapshot?.state ?? 'idle',
        message: message.snapshot?.message ?? null,
        notice: message.notice ?? null,
        data: message.data,
        problems: message.problems,
        timeline: [...(message.timeline ?? [])],
        comparison: state.comparison,
        pace: message.pace ?? 0,
      });
      state.gap.push(state.history);
      return new Set<Change>(ALL_CHANGES);
    }
    case 'snapshot': {
      const previous = state.snapshot;
      const s = withHealth(message.snapshot, previous);
      if (appendHistory(state.history, s.points)) state.gap.rebuild(state.history);
      else state.gap.push(s.points);
      const samples = snapshotSamples(s);
      for (const sample of samples) appendSample(state.timeline, sample);
      const next = withTheory(withDiagrams(s, previous), previous);
      state.snapshot = next;
      // A snapshot from the middle of an epoch brings no epochs: the loss chart need not redraw.
      const changes = new Set<Change>(s.points.length > 0 ? ['snapshot', 'history'] : ['snapshot']);
      if (isNew(next.health, next.healthId, previous?.health, previous?.healthId)) changes.add('health');
      if (isNew(next.parameters ?? next.boundary, next.diagramId, previous?.parameters ?? previous?.boundary, previous?.diagramId)) changes.add('diagram');
      if (isNew(next.theory, next.theoryId, previous?.theory, previous?.theoryId)) changes.add('theory');
      if (samples.length > 0) changes.add('timeline');
      if (s.state !== state.state) {
        state.state = s.state;
        changes.add('state');
      }
      state.message = s.message ?? null;
      return changes;
    }
    case 'state':
      state.state = message.state;
      state.message = message.message ?? null;
      return new Set<Change>(['state']);
    case 'model':
      state.model = message.model;
      if (message.model) state.lastModel = message.model;
      return new Set<Change>(['model']);
    case 'problems':
      state.problems = message.problems;
      return new Set<Change>(['problems']);
    case 'notice':
      state.notice = message.notice;
      return new Set<Change>(['notice']);
    case 'data':
      state.data = message.data;
      return new Set<Change>(['data']);
    case 'comparison':
      state.comparison = message.runs;
      return new Set<Change>(['comparison']);
  }
}
