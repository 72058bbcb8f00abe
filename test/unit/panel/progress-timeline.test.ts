// The panel's side of sliced training: the epoch counter shows progress inside a long epoch, and
// the health timeline grows by the worker's epoch-end samples (many per snapshot on a fast run)
// rather than by one sample per snapshot.

import { describe, expect, it } from 'vitest';
import { samplesSince, snapshotSamples } from '../../../src/shared/view-models/health-timeline';
import { applyMessage, emptyState } from '../../../src/shared/view-models/panel-state';
import { epochText } from '../../../src/shared/view-models/status-view';
import type { HealthSample, Snapshot } from '../../../src/shared/protocol/snapshot';

const sample = (epoch: number): HealthSample => ({ epoch, layers: [{ weightPercentiles: [epoch], gradMeanAbs: 1 / epoch }] });
const snapshot = (patch: Partial<Snapshot>): Snapshot => ({ state: 'training', epoch: 0, epochs: 300, samplesPerSecond: 0, points: [], health: null, ...patch });

describe('epoch counter', () => {
  it('reads whole epochs, and tenths of the epoch under way, rounded down', () => {
    expect(epochText(snapshot({ epoch: 12 }), undefined)).toBe('epoch 12 / 300');
    expect(epochText(snapshot({ epoch: 12, progress: { epochFraction: 0.43, runningCost: 1 } }), undefined)).toBe('epoch 12.4 / 300');
    expect(epochText(snapshot({ epoch: 12, progress: { epochFraction: 0.999, runningCost: 1 } }), undefined)).toBe('epoch 12.9 / 300');
    expect(epochText(snapshot({ epoch: 12, progress: { epochFraction: 0.05, runningCost: 1 } }), undefined)).toBe('epoch 12 / 300');
    expect(epochText(null, 50)).toBe('epoch 0 / 50');
  });
});

describe('health timeline from epoch-end samples', () => {
  it('appends every sample a snapshot carries, and none from a mid-epoch report', () => {
    const state = emptyState();
    const health = { nonFinite: null, layers: [] };
    applyMessage(state, { type: 'snapshot', snapshot: snapshot({ epoch: 40, health, healthId: 3, healthSamples: [0, 10, 20, 30, 40].map(sample) }) });
    const changes = applyMessage(state, { type: 'snapshot', snapshot: snapshot({ epoch: 40, health, healthId: 3, progress: { epochFraction: 0.5, runningCost: 1 }, healthSamples: [] }) });
    expect(state.timeline.map((s) => s.epoch)).toEqual([0, 10, 20, 30, 40]);
    // No epochs, no new samples, the same health report: only the counter moves.
    expect([...changes]).toEqual(['snapshot']);
    // Samples that restart the epochs belong to a new run.
    applyMessage(state, { type: 'snapshot', snapshot: snapshot({ epoch: 1, healthSamples: [sample(0), sample(1)] }) });
    expect(state.timeline.map((s) => s.epoch)).toEqual([0, 1]);
  });

  it('falls back to one sample from the report when a snapshot has no samples field', () => {
    const weights = { count: 1, mean: 0, std: 0, percentiles: [1, 2], histogram: { min: 0, max: 0, counts: [] } };
    const layer = { layer: 0, activation: 'tanh', units: 1, weights, biases: weights, preActivations: weights, activations: weights, gradMeanAbs: 0.25, gradNorm: 0, weightNorm: 0, updateRatio: 0, saturatedFraction: 0, deadFraction: null };
    expect(snapshotSamples(snapshot({ epoch: 7, health: { nonFinite: null, layers: [layer] } }))).toEqual([{ epoch: 7, layers: [{ weightPercentiles: [1, 2], gradMeanAbs: 0.25 }] }]);
    expect(snapshotSamples(snapshot({ epoch: 7 }))).toEqual([]);
  });
});

describe('samples a panel has not sent yet', () => {
  const timeline: HealthSample[] = [1, 2, 4, 8].map((epoch) => ({ epoch, layers: [] }));
  it('are those after the last epoch sent, oldest first', () => {
    expect(samplesSince(timeline, 2).map((s) => s.epoch)).toEqual([4, 8]);
    expect(samplesSince(timeline, 3).map((s) => s.epoch)).toEqual([4, 8]);
    expect(samplesSince(timeline, -1).map((s) => s.epoch)).toEqual([1, 2, 4, 8]);
    expect(samplesSince(timeline, 8)).toEqual([]);
  });
});
