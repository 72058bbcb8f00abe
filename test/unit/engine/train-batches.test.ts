// An epoch trained in parts (trainBatches) must be the same epoch as one trained whole: the worker
// slices long epochs to stay responsive, and a run must not depend on how it was sliced or on what
// was looked at between the slices.

import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../../src/engine/trainer';
import type { EpochReport } from '../../../src/engine/health-types';
import type { Trainer } from '../../../src/engine/trainer-api';
import { network, options, randomData } from './helpers';

const data = randomData(90, 4, { classes: 3 }, 7);
const net = network(
  4,
  [
    { units: 10, activation: 'relu', dropout: 0.3 },
    { units: 6, activation: 'tanh', dropout: 0.2 },
    { units: 3, activation: 'softmax' },
  ],
  'cross-entropy',
  { init: { distribution: 'he' } },
);
const make = (): Trainer => createTrainer(options(net, { batchSize: 8, optimizer: 'adam', learningRate: 0.01, regularization: { type: 'l2', lambda: 1e-3 } }, 5), data);
const EPOCHS = 4;

function whole(): { reports: EpochReport[]; weights: unknown } {
  const trainer = make();
  const reports = Array.from({ length: EPOCHS }, () => trainer.trainEpoch());
  return { reports, weights: trainer.exportWeights() };
}

/** Trains EPOCHS epochs `perCall` batches at a time, reading health, grids and checks in between. */
function sliced(perCall: number, peek: boolean): { reports: EpochReport[]; weights: unknown; calls: number } {
  const trainer = make();
  const reports: EpochReport[] = [];
  let calls = 0;
  while (reports.length < EPOCHS) {
    const result = trainer.trainBatches(perCall);
    calls++;
    if (result.epochDone) reports.push(result.report);
    if (peek) {
      trainer.health();
      trainer.outputGrid(6);
      trainer.gradientCheck({ samples: 3, maxParameters: 40 });
      trainer.evaluate('train');
      trainer.predict(data.test.n > 0 ? data.test.x : data.train.x, 2);
    }
  }
  return { reports, weights: trainer.exportWeights(), calls };
}

describe('trainBatches: an epoch in parts', () => {
  const reference = whole();

  it.each([1, 2, 3, 5, 11, 12, Number.POSITIVE_INFINITY])('%s batch(es) per call gives bit-identical weights and reports, with dropout on and health read mid-epoch', (perCall) => {
    const run = sliced(perCall, true);
    expect(run.weights).toEqual(reference.weights);
    expect(run.reports).toEqual(reference.reports);
    // 90 rows in batches of 8 is 12 batches an epoch.
    expect(run.calls).toBe(EPOCHS * Math.ceil(12 / Math.min(perCall, 12)));
  });

  it('reports progress within the epoch, and counts only whole epochs', () => {
    const trainer = make();
    const first = trainer.trainBatches(5);
    expect(first.epochDone).toBe(false);
    expect(first.progress.batches).toBe(5);
    expect(first.progress.totalBatches).toBe(12);
    expect(Number.isFinite(first.progress.runningCost)).toBe(true);
    expect(trainer.epoch).toBe(0);
    expect(trainer.epochInProgress).toBe(true);
    const second = trainer.trainBatches(100);
    expect(second.epochDone).toBe(true);
    expect(second.progress).toMatchObject({ batches: 12, totalBatches: 12 });
    // The running cost over the whole epoch is the epoch's train cost.
    expect(second.progress.runningCost).toBe(second.report?.train.cost);
    expect(trainer.epoch).toBe(1);
    expect(trainer.epochInProgress).toBe(false);
  });

  it('trainEpoch finishes an epoch begun in parts; reset and importWeights drop it', () => {
    const a = make();
    a.trainBatches(4);
    expect(a.trainEpoch()).toEqual(reference.reports[0]);
    const b = make();
    b.trainBatches(4);
    b.reset();
    expect(b.epochInProgress).toBe(false);
    expect(b.trainEpoch()).toEqual(reference.reports[0]);
    const c = make();
    const start = c.exportWeights();
    c.trainBatches(3);
    c.importWeights(start);
    expect(c.epochInProgress).toBe(false);
    expect(c.trainBatches(1).progress.batches).toBe(1);
  });

  it('health mid-epoch judges dead ReLUs by the last whole epoch, not the partial one', () => {
    const trainer = make();
    trainer.trainEpoch();
    const atEnd = trainer.health().layers[0].deadFraction;
    trainer.trainBatches(1);
    expect(trainer.health().layers[0].deadFraction).toBe(atEnd);
  });

  it('a learning-rate edit applies from the next minibatch', () => {
    const slow = make();
    const fast = make();
    slow.trainBatches(3);
    fast.trainBatches(3);
    fast.updateTraining({ learningRate: 0.1 });
    slow.trainBatches(1);
    fast.trainBatches(1);
    expect(fast.exportWeights()).not.toEqual(slow.exportWeights());
  });

  it('rejects fewer than one batch', () => {
    expect(() => make().trainBatches(0)).toThrow(/at least 1 batch/);
  });
});
