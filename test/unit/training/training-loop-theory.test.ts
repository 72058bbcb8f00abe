// The worker's loop sends the theory numbers (theoryReport, the CLI's `train --json` `theory`) in
// its snapshots, stamped with the epoch they were measured at: at the start, after a Step, at the
// end of a run, and again after an edit while paused. Checked against theoryReport of a trainer
// trained independently to the same epoch. The loop is driven directly, without a thread.

import { afterEach, describe, expect, it } from 'vitest';
import { createTrainer, makeDataset } from '../../../src/engine/index';
import { theoryReport } from '../../../src/run/theory-report';
import type { Snapshot } from '../../../src/shared/protocol/snapshot';
import type { FromWorker, SessionInit } from '../../../src/shared/protocol/worker-messages';
import { TrainingLoop } from '../../../src/worker/training-loop';

const loops: TrainingLoop[] = [];
afterEach(() => {
  for (const loop of loops.splice(0)) loop.dispose();
});

/** Iris, 3 classes, softmax, with a test split: every number of the report is there. */
const IRIS: SessionInit = {
  options: {
    network: { inputSize: 4, layers: [{ units: 6, activation: 'tanh' }, { units: 3, activation: 'softmax' }], loss: 'cross-entropy', init: { distribution: 'gaussian', std: 0.5 } },
    training: { optimizer: 'adam', learningRate: 0.02, batchSize: 8, epochs: 12, regularization: { type: 'none', lambda: 0 }, dropoutMode: 'inverted' },
    seed: 5,
  },
  data: { kind: 'dataset', dataset: 'iris' },
  dataOptions: { testFraction: 0.3 },
  snapshotIntervalMs: 50,
  diagramParameterLimit: 0,
  boundaryResolution: 0,
};

/** A loop whose snapshots are kept; `next` waits for the first one after the last it returned that matches. */
function start(init: SessionInit) {
  const snapshots: Snapshot[] = [];
  let read = 0;
  let waiting: { test: (s: Snapshot) => boolean; resolve: () => void } | null = null;
  const loop = new TrainingLoop((message: FromWorker) => {
    if (message.type === 'error') throw new Error(message.message);
    if (message.type !== 'snapshot') return;
    snapshots.push(message.snapshot);
    if (waiting?.test(message.snapshot)) waiting.resolve();
  });
  loops.push(loop);
  loop.handle({ type: 'init', init });
  const next = (test: (s: Snapshot) => boolean, what: string): Promise<Snapshot> =>
    new Promise((resolve, reject) => {
      const take = () => {
        const at = snapshots.findIndex((s, i) => i >= read && test(s));
        if (at < 0) return false;
        read = at + 1;
        waiting = null;
        clearTimeout(timer);
        resolve(snapshots[at] as Snapshot);
        return true;
      };
      const timer = setTimeout(() => reject(new Error(`no snapshot: ${what}`)), 30_000);
      if (!take()) waiting = { test, resolve: () => void take() };
    });
  return { loop, snapshots, next };
}

/** theoryReport of a trainer of its own, trained `epochs` epochs with `patch` applied first. */
function independentReport(init: SessionInit, epochs: number, patch: Parameters<ReturnType<typeof createTrainer>['updateTraining']>[0] = {}) {
  const trainer = createTrainer(init.options, makeDataset(init.data, init.dataOptions, init.options.seed));
  for (let e = 0; e < epochs; e++) trainer.trainEpoch();
  trainer.updateTraining(patch);
  return theoryReport(trainer);
}

describe('training loop: the theory numbers', () => {
  it('are measured at the start, after a Step and at the end, each stamped with its epoch and equal to theoryReport there', async () => {
    const { loop, snapshots, next } = start(IRIS);
    const first = await next((s) => s.theory !== undefined, 'the numbers at the start');
    expect(first.theory?.epoch).toBe(0);
    expect(first.theory?.epochFraction).toBeUndefined();
    expect(first.theory?.report).toEqual(independentReport(IRIS, 0));

    loop.handle({ type: 'step' });
    const stepped = await next((s) => s.state === 'paused' && s.epoch === 1, 'the step');
    expect(stepped.theory?.epoch).toBe(1);
    expect(stepped.theory?.report).toEqual(independentReport(IRIS, 1));
    expect(stepped.theoryId).not.toBe(first.theoryId);

    loop.handle({ type: 'train' });
    const finished = await next((s) => s.state === 'finished', 'the end of the run');
    expect(finished.theory?.epoch).toBe(12);
    const report = independentReport(IRIS, 12);
    expect(finished.theory?.report).toEqual(report);
    // What the CLI prints: a confusion matrix over every test sample, rows the actual class.
    expect(finished.theory?.report.test?.confusion?.flat().reduce((a, b) => a + b, 0)).toBe(makeDataset(IRIS.data, IRIS.dataOptions, IRIS.options.seed).test.n);
    // Every snapshot carries the latest numbers, and the same numbers keep their number.
    const byId = new Map<number, string>();
    for (const s of snapshots) {
      expect(s.theory).toBeDefined();
      const text = JSON.stringify(s.theory);
      const seen = byId.get(s.theoryId as number);
      if (seen !== undefined) expect(text).toBe(seen);
      byId.set(s.theoryId as number, text);
    }
  }, 60_000);

  it('are measured again when an edit changes the objective while paused', async () => {
    const { loop, next } = start(IRIS);
    loop.handle({ type: 'step' });
    const stepped = await next((s) => s.state === 'paused' && s.epoch === 1, 'the step');
    expect(stepped.theory?.report.train.regularization).toBe(0);
    loop.handle({ type: 'update-training', patch: { regularization: { type: 'l2', lambda: 0.1 } } });
    const edited = await next((s) => s.theoryId !== stepped.theoryId, 'numbers for the new term');
    expect(edited.theory?.epoch).toBe(1);
    const expected = independentReport(IRIS, 1, { regularization: { type: 'l2', lambda: 0.1 } });
    expect(edited.theory?.report).toEqual(expected);
    expect(edited.theory?.report.train.regularization).toBeGreaterThan(0);
    expect(edited.theory?.report.train.objective).toBe(edited.theory!.report.train.cost + edited.theory!.report.train.regularization);
  }, 60_000);
});
