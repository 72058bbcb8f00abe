// The panel's updates to its webview carry each health report and diagram once and a bounded
// number of epochs, and the webview, applying them, ends with the state it had when every snapshot
// carried everything (the same latest report and diagrams, the same shading of the gap).
import { describe, expect, it } from 'vitest';
import { MAX_POINTS_PER_UPDATE, newPoints, sentWithFull, snapshotUpdate, type SentReports } from '../../../src/editor/panel/snapshot-update';
import { gapWidening } from '../../../src/shared/view-models/loss-view';
import { applyMessage, emptyState } from '../../../src/shared/view-models/panel-state';
import type { HistoryPoint, Snapshot } from '../../../src/shared/protocol/snapshot';

const point = (epoch: number): HistoryPoint => {
  const trainCost = 1 / (1 + epoch / 10);
  // The test cost turns up after epoch 80: the gap widens (the overfitting picture).
  const testCost = epoch < 80 ? trainCost + 0.05 : 1 / 9 + 0.05 + (epoch - 80) * 0.004;
  return { epoch, trainCost, trainObjective: trainCost, trainRegularization: 0, testCost };
};
const grid = (value: number) => ({ size: 1, xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: [value] });
const health = (id: number) => ({ nonFinite: null, layers: [], id }) as unknown as Snapshot['health'];

/** A stream of worker snapshots: a new report every 3rd, new diagrams every 5th. */
function stream(count: number, epochsEach: number): Snapshot[] {
  return Array.from({ length: count }, (_, i) => {
    const epochs = Array.from({ length: epochsEach }, (_, k) => i * epochsEach + k + 1);
    const reportId = 1 + Math.floor(i / 3);
    const diagramId = 1000 + Math.floor(i / 5);
    return {
      state: 'training',
      epoch: epochs.at(-1) ?? 0,
      epochs: 1_000_000,
      samplesPerSecond: 1,
      points: epochs.map(point),
      health: health(reportId),
      healthId: reportId,
      boundary: grid(diagramId),
      diagramId,
    };
  });
}

describe('snapshotUpdate', () => {
  it('sends a report and diagrams once, and the webview still shows the latest of each', () => {
    const snapshots = stream(20, 10);
    const history: HistoryPoint[] = [];
    const state = emptyState();
    let sent: SentReports = sentWithFull(null);
    let withBoundary = 0;
    let withHealth = 0;
    for (const snapshot of snapshots) {
      const from = history.length;
      history.push(...snapshot.points);
      const update = snapshotUpdate({ ...snapshot, points: [] }, newPoints(history, from), sent);
      sent = update.sent;
      if (update.snapshot.boundary) withBoundary++;
      if (update.snapshot.health !== undefined) withHealth++;
      applyMessage(state, { type: 'snapshot', snapshot: update.snapshot });
      // After every update the webview holds the worker's latest report and diagrams.
      expect(state.snapshot?.healthId).toBe(snapshot.healthId);
      expect(state.snapshot?.health).toEqual(snapshot.health);
      expect(state.snapshot?.boundary).toEqual(snapshot.boundary);
    }
    expect(withHealth).toBe(7); // reports 1..7
    expect(withBoundary).toBe(4); // diagrams 1000..1003
    expect(state.history.map((p) => p.epoch)).toEqual(history.map((p) => p.epoch));
  });

  it('thins a burst of epochs to at most MAX_POINTS_PER_UPDATE, keeping the last', () => {
    const history = Array.from({ length: 5000 }, (_, i) => point(i + 1));
    const points = newPoints(history, 1000);
    expect(points.length).toBeLessThanOrEqual(MAX_POINTS_PER_UPDATE);
    expect(points[0]?.epoch).toBe(1001);
    expect(points.at(-1)?.epoch).toBe(5000);
    expect(newPoints(history, 4990).map((p) => p.epoch)).toEqual([4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998, 4999, 5000]);
  });
});

describe("the webview's gap shading, judged once per epoch", () => {
  it('equals the whole-history judgement after every update, and after a reset', () => {
    const state = emptyState();
    applyMessage(state, { type: 'full', model: null, history: [point(1), point(2)], snapshot: null, data: null, problems: [] });
    for (let from = 3; from <= 200; from += 7) {
      const points = Array.from({ length: 7 }, (_, k) => point(from + k));
      applyMessage(state, { type: 'snapshot', snapshot: { ...stream(1, 1)[0]!, epoch: from + 6, points } });
      expect(state.gap.flags).toEqual(gapWidening(state.history));
    }
    expect(state.gap.flags.at(-1)).toBe(true);
    // Epochs that start again: the history and its shading restart with them.
    applyMessage(state, { type: 'snapshot', snapshot: { ...stream(1, 1)[0]!, epoch: 1, points: [point(1)] } });
    expect(state.gap.flags).toEqual([false]);
  });
});
