// The worker's loop on an epoch much longer than a slice: it reports progress inside the epoch,
// pauses in the middle of one, steps to the next whole epoch, and none of that changes the run
// (the same numbers as the trainer trained epoch by epoch). And a fast model's snapshots carry
// epoch-end health samples for the panel's timelines. The loop is driven directly, without a thread.

import { afterEach, describe, expect, it } from 'vitest';
import { createRng, createTrainer, makeDataset } from '../../../src/engine/index';
import type { Snapshot } from '../../../src/shared/protocol/snapshot';
import type { FromWorker, SessionInit } from '../../../src/shared/protocol/worker-messages';
import { TARGET_SAMPLES } from '../../../src/worker/health-samples';
import { TrainingLoop } from '../../../src/worker/training-loop';
import { xorInit } from './fixtures/xor-init';

const loops: TrainingLoop[] = [];
afterEach(() => {
  for (const loop of loops.splice(0)) loop.dispose();
});

function wideData(rows: number, inputs: number): { inputs: number[][]; targets: number[][] } {
  const rng = createRng(11);
  const x = Array.from({ length: rows }, () => Array.from({ length: inputs }, () => rng.normal()));
  return { inputs: x, targets: x.map((row) => [row[0] + row[1] > 0 ? 1 : 0]) };
}

/** 2,000 samples in minibatches of 1 through a 200-64-1 network: an epoch is many slices long. */
const LONG_EPOCH: SessionInit = {
  options: {
    network: { inputSize: 200, layers: [{ units: 64, activation: 'relu', dropout: 0.2 }, { units: 1, activation: 'sigmoid' }], loss: 'cross-entropy', init: { distribution: 'he' } },
    training: { optimizer: 'sgd', learningRate: 0.01, batchSize: 1, epochs: 10, regularization: { type: 'none', lambda: 0 }, dropoutMode: 'inverted' },
    seed: 4,
  },
  data: { kind: 'inline', ...wideData(2000, 200) },
  dataOptions: { testFraction: 0.1 },
  snapshotIntervalMs: 50,
  diagramParameterLimit: 0,
  boundaryResolution: 0,
};

const XOR_300 = xorInit(300);

/** A loop whose snapshots are kept, with a way to wait for one that matches. */
function start(init: SessionInit) {
  const snapshots: Snapshot[] = [];
  const waiting: { test: (s: Snapshot) => boolean; resolve: (s: Snapshot) => void }[] = [];
  const loop = new TrainingLoop((message: FromWorker) => {
    if (message.type === 'error') throw new Error(message.message);
    if (message.type !== 'snapshot') return;
    snapshots.push(message.snapshot);
    for (const w of [...waiting]) {
      if (w.test(message.snapshot)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(message.snapshot);
      }
    }
  });
  loops.push(loop);
  loop.handle({ type: 'init', init });
  const next = (test: (s: Snapshot) => boolean, what: string): Promise<Snapshot> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no snapshot: ${what}`)), 30_000);
      waiting.push({ test, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  return { loop, snapshots, next };
}

describe('training loop: an epoch longer than a slice', () => {
  it('reports progress inside the epoch, pauses in it, steps to the next whole epoch, and trains the same run as trainEpoch', async () => {
    const { loop, snapshots, next } = start(LONG_EPOCH);
    loop.handle({ type: 'train' });
    const partway = await next((s) => s.state === 'training' && s.epoch === 0 && s.progress !== undefined, 'progress in the first epoch');
    expect(partway.progress?.epochFraction).toBeGreaterThan(0);
    expect(partway.progress?.epochFraction).toBeLessThan(1);
    expect(Number.isFinite(partway.progress?.runningCost)).toBe(true);
    expect(partway.health).not.toBeNull();

    loop.handle({ type: 'pause' });
    const paused = await next((s) => s.state === 'paused', 'paused');
    expect(paused.epoch).toBe(0);
    expect(paused.progress?.epochFraction).toBeGreaterThan(0);

    loop.handle({ type: 'step' });
    const stepped = await next((s) => s.state === 'paused' && s.epoch === 1, 'the step to epoch 1');
    expect(stepped.progress).toBeUndefined();
    loop.handle({ type: 'step' });
    loop.handle({ type: 'step' });
    await next((s) => s.state === 'paused' && s.epoch === 3, 'two more steps');

    const points = snapshots.flatMap((s) => s.points);
    expect(points.map((p) => p.epoch)).toEqual([1, 2, 3]);
    const trainer = createTrainer(LONG_EPOCH.options, makeDataset(LONG_EPOCH.data, LONG_EPOCH.dataOptions, LONG_EPOCH.options.seed));
    for (const point of points) {
      const report = trainer.trainEpoch();
      expect(point.trainCost).toBe(report.train.cost);
      expect(point.testCost).toBe(report.test?.cost);
    }
  }, 60_000);

  it('numbers its health reports: a repeated report keeps its number, a recomputed one gets a new one', async () => {
    const { loop, snapshots, next } = start(LONG_EPOCH);
    loop.handle({ type: 'train' });
    await next((s) => s.epoch >= 1, 'the first epoch');
    loop.handle({ type: 'pause' });
    await next((s) => s.state === 'paused', 'paused');
    const withHealth = snapshots.filter((s) => s.health !== null);
    expect(withHealth.every((s) => typeof s.healthId === 'number')).toBe(true);
    const byId = new Map<number, string>();
    for (const s of withHealth) {
      const text = JSON.stringify(s.health);
      const seen = byId.get(s.healthId as number);
      if (seen !== undefined) expect(text).toBe(seen);
      byId.set(s.healthId as number, text);
    }
    // Numbers only grow (a reader compares with the last one it saw) …
    const ids = withHealth.map((s) => s.healthId as number);
    expect(ids.every((id, i) => i === 0 || id >= (ids[i - 1] as number))).toBe(true);
    // … and a run that trained between two reports numbered them apart. (How many repeat depends
    // on how dear a report is against the machine's speed: not asserted.)
    expect(byId.size).toBeGreaterThan(1);
  }, 60_000);

  it('a pause during a step ends it in the middle of the epoch', async () => {
    const { loop, next } = start(LONG_EPOCH);
    loop.handle({ type: 'step' });
    await next((s) => s.progress !== undefined, 'progress of the step');
    loop.handle({ type: 'pause' });
    const paused = await next((s) => s.state === 'idle' || s.state === 'paused', 'the pause');
    expect(paused.epoch).toBe(0);
    expect(paused.progress?.epochFraction).toBeGreaterThan(0);
  }, 60_000);
});

describe('training loop: health samples for the timelines', () => {
  it('a 300-epoch XOR run brings a sample every ceil(300 / TARGET_SAMPLES) epochs, from 0 to the last', async () => {
    const { loop, snapshots, next } = start(XOR_300);
    loop.handle({ type: 'train' });
    await next((s) => s.state === 'finished', 'the end of the run');
    const epochs = snapshots.flatMap((s) => s.healthSamples ?? []).map((s) => s.epoch);
    const stride = Math.ceil(300 / TARGET_SAMPLES);
    // Every stride-th epoch from the start to the last; on a machine slow enough to use up the
    // sampling budget a few may be skipped, but never the first or the last.
    expect(epochs[0]).toBe(0);
    expect(epochs.at(-1)).toBe(300);
    expect(epochs.length).toBeGreaterThan(100);
    expect(epochs.length).toBeLessThanOrEqual(300 / stride + 1);
    expect(epochs.every((e, i) => (e % stride === 0 || e === 300) && (i === 0 || e > (epochs[i - 1] as number)))).toBe(true);
    const last = snapshots.flatMap((s) => s.healthSamples ?? []).at(-1);
    expect(last?.layers).toHaveLength(2);
    expect(last?.layers[0].weightPercentiles).toHaveLength(9);
    expect(last?.layers[0].gradMeanAbs).toBeGreaterThan(0);
  });
});
