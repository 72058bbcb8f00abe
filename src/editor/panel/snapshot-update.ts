// What the panel sends its webview for one batch of snapshots: the new epochs (at most
// MAX_POINTS_PER_UPDATE of them, thinned evenly, the last always kept), and the health report,
// diagrams and theory numbers only when they are new. Every snapshot used to carry the last diagrams again (the
// decision-boundary grid alone is ~40 KB of JSON) and every epoch since the last batch (a fast
// model finishes thousands a second): ~850 KB a second to parse on the thread the workbench draws
// with, on a small model (scripts/host-load.ts). The session keeps every epoch; the webview draws.

import type { HistoryPoint, Snapshot } from '../../shared/protocol/snapshot';
import type { SnapshotUpdate } from '../../shared/protocol/webview-messages';
import { strideIndices } from '../../shared/view-models/decimate';

/** Epochs one update carries at most: at 20 updates a second, more than the charts' 600 points a run. */
export const MAX_POINTS_PER_UPDATE = 100;

/** The numbers of the health report, diagrams and theory numbers the webview was last sent. */
export interface SentReports {
  healthId?: number;
  diagramId?: number;
  theoryId?: number;
}

/** The epochs of `history` from index `from` on, thinned to MAX_POINTS_PER_UPDATE (only those are read). */
export function newPoints(history: readonly HistoryPoint[], from: number): HistoryPoint[] {
  return strideIndices(Math.max(0, history.length - from), MAX_POINTS_PER_UPDATE).map((i) => history[from + i] as HistoryPoint);
}

/** `latest` with its diagrams (withDiagrams), `points` the epochs to send (newPoints). */
export function snapshotUpdate(latest: Snapshot, points: HistoryPoint[], sent: SentReports): { snapshot: SnapshotUpdate; sent: SentReports } {
  const { health, healthId, parameters, boundary, diagramId, theory, theoryId, ...rest } = latest;
  const snapshot: SnapshotUpdate = { ...rest, points };
  const healthIsNew = healthId === undefined || healthId !== sent.healthId;
  if (healthIsNew) {
    snapshot.health = health;
    if (healthId !== undefined) snapshot.healthId = healthId;
  }
  const diagramsAreNew = diagramId === undefined || diagramId !== sent.diagramId;
  if (diagramsAreNew) {
    if (parameters) snapshot.parameters = parameters;
    if (boundary) snapshot.boundary = boundary;
    if (diagramId !== undefined) snapshot.diagramId = diagramId;
  }
  const theoryIsNew = theory !== undefined && (theoryId === undefined || theoryId !== sent.theoryId);
  if (theoryIsNew) {
    snapshot.theory = theory;
    if (theoryId !== undefined) snapshot.theoryId = theoryId;
  }
  return {
    snapshot,
    sent: { healthId: healthIsNew ? healthId : sent.healthId, diagramId: diagramsAreNew ? diagramId : sent.diagramId, theoryId: theoryIsNew ? theoryId : sent.theoryId },
  };
}

/** What a `full` message told the webview. */
export function sentWithFull(snapshot: Snapshot | null): SentReports {
  return snapshot ? { healthId: snapshot.healthId, diagramId: snapshot.diagramId, theoryId: snapshot.theoryId } : {};
}
