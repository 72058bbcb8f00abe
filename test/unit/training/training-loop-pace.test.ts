// The worker's loop at a pace: epochs begin on a timer, one interval apart, each ending with a
// snapshot that carries fresh diagrams; pause and Step stay prompt; a new pace applies at once.
// And Step by one minibatch. The clock is faked (setTimeout, setImmediate and performance.now
// together), so the timing is checked exactly, without wall-clock assertions.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTrainer, makeDataset } from '../../../src/engine/index';
import type { Snapshot } from '../../../src/shared/protocol/snapshot';
import type { FromWorker, SessionInit } from '../../../src/shared/protocol/worker-messages';
import type { WeightsFile } from '../../../src/engine/trainer-api';
import { PaceClock, paceFrom, MAX_PACE, MIN_PACE } from '../../../src/shared/pace';
import { TrainingLoop } from '../../../src/worker/training-loop';
import { xorInit } from './fixtures/xor-init';

/** XOR with diagrams (a boundary grid), in minibatches of one sample: four per epoch. */
function init(epochs: number): SessionInit {
  const base = xorInit(epochs);
  return { ...base, options: { ...base.options, training: { ...base.options.training, batchSize: 1 } }, diagramParameterLimit: 2000, boundaryResolution: 8 };
}

let loop: TrainingLoop | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
});
afterEach(() => {
  loop?.dispose();
  loop = null;
  vi.useRealTimers();
});

function start(session: SessionInit) {
  const snapshots: Snapshot[] = [];
  const weights: WeightsFile[] = [];
  loop = new TrainingLoop((message: FromWorker) => {
    if (message.type === 'error') throw new Error(message.message);
    if (message.type === 'snapshot') snapshots.push(message.snapshot);
    if (message.type === 'weights') weights.push(message.file);
  });
  loop.handle({ type: 'init', init: session });
  const latest = () => snapshots.at(-1)!;
  return { loop, snapshots, weights, latest };
}

describe('PaceClock', () => {
  it('lets an epoch begin one interval after the previous one began, and at once when the epoch took longer', () => {
    const clock = new PaceClock(5);
    expect(clock.waitMs(0)).toBe(0);
    clock.began(1000);
    expect(clock.waitMs(1010)).toBe(190);
    expect(clock.waitMs(1200)).toBe(0);
    // A start a little late keeps the cadence: the next is due at 1400, not 1400.5.
    clock.began(1200.5);
    expect(clock.waitMs(1300)).toBe(100);
    expect(clock.waitMs(1500)).toBe(0);
    // More than an interval late: counted again from then.
    clock.began(1700);
    expect(clock.waitMs(1800)).toBe(100);
    clock.began(1900);
    clock.set(1);
    // Counted from the start of the epoch under way: it began at 1900, the next at 2900.
    expect(clock.waitMs(2400)).toBe(500);
    clock.clear();
    expect(clock.waitMs(2400)).toBe(0);
    clock.set(0);
    clock.began(2000);
    expect(clock.paced).toBe(false);
    expect(clock.waitMs(2000)).toBe(0);
  });

  it('holds paces from settings and messages to its bounds', () => {
    expect(paceFrom(0)).toBe(0);
    expect(paceFrom(5)).toBe(5);
    expect(paceFrom(500)).toBe(MAX_PACE);
    expect(paceFrom(0.01)).toBe(MIN_PACE);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined]) expect(paceFrom(bad), String(bad)).toBe(0);
  });
});

describe('training loop: paced', () => {
  it('trains 5 epochs a second on a timer, each epoch ending in a snapshot with a fresh boundary', () => {
    const { loop, snapshots, latest } = start(init(100));
    loop.handle({ type: 'set-pace', epochsPerSecond: 5 });
    loop.handle({ type: 'train' });
    // The first epoch begins at once (its snapshot at 50 ms, the snapshots' floor after the
    // init's); the second waits for its turn.
    vi.advanceTimersByTime(60);
    expect(latest().epoch).toBe(1);
    vi.advanceTimersByTime(100);
    expect(latest().epoch).toBe(1);
    // While it waits, nothing spins: one timer for the next epoch (and at most one for a snapshot).
    expect(vi.getTimerCount()).toBeLessThanOrEqual(2);
    vi.advanceTimersByTime(841);
    // Epochs began at 0, 200, 400, 600, 800 and 1000 ms.
    expect(latest().epoch).toBe(6);
    expect(latest().state).toBe('training');
    // Samples a second as the run goes, waits included: 4 samples an epoch, 5 epochs a second.
    expect(latest().samplesPerSecond).toBe(20);
    const ends = new Map<number, Snapshot>();
    for (const s of snapshots) if (s.boundary && s.progress === undefined) ends.set(s.epoch, s);
    for (let epoch = 1; epoch <= 6; epoch++) {
      expect(ends.get(epoch)?.boundary, `epoch ${epoch}`).toBeDefined();
    }
    const ids = [...ends.values()].map((s) => s.diagramId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pauses at once while waiting, Steps without waiting, and takes a new pace from the epoch under way', () => {
    const { loop, latest } = start(init(100));
    loop.handle({ type: 'set-pace', epochsPerSecond: 1 });
    loop.handle({ type: 'train' });
    vi.advanceTimersByTime(60);
    expect(latest().epoch).toBe(1);
    loop.handle({ type: 'pause' });
    vi.advanceTimersByTime(100);
    expect(latest().state).toBe('paused');
    vi.advanceTimersByTime(5000);
    expect(latest().epoch).toBe(1);
    // Step is not paced: two Steps, two epochs, in no time.
    loop.handle({ type: 'step' });
    loop.handle({ type: 'step' });
    vi.advanceTimersByTime(100);
    expect(latest().epoch).toBe(3);
    // Train again: the next epoch begins now, then one a second… until the pace is raised to 20.
    loop.handle({ type: 'train' });
    vi.advanceTimersByTime(60);
    expect(latest().epoch).toBe(4);
    loop.handle({ type: 'set-pace', epochsPerSecond: 20 });
    vi.advanceTimersByTime(100);
    expect(latest().epoch).toBe(6);
  });

  it('as fast as possible sets no timer between epochs', async () => {
    vi.useRealTimers();
    const { loop, latest } = start(init(50));
    loop.handle({ type: 'train' });
    const startedAt = performance.now();
    while (latest().state !== 'finished') await new Promise((resolve) => setTimeout(resolve, 5));
    expect(latest().epoch).toBe(50);
    // 50 epochs of 4 samples: paced at even 60 a second this would take over 800 ms.
    expect(performance.now() - startedAt).toBeLessThan(800);
  });
});

describe('training loop: Step by one minibatch', () => {
  it('trains one minibatch: the counter moves by a quarter epoch and the weights are those of one engine minibatch', () => {
    const session = init(100);
    const { loop, latest, weights } = start(session);
    loop.handle({ type: 'step-batch' });
    vi.advanceTimersByTime(100);
    expect(latest().state).toBe('paused');
    expect(latest().epoch).toBe(0);
    expect(latest().progress?.epochFraction).toBe(0.25);
    expect(latest().boundary).toBeDefined();
    loop.handle({ type: 'export-weights', id: 1 });
    // The same run trained directly by the engine, one minibatch.
    const trainer = createTrainer(session.options, makeDataset(session.data, session.dataOptions, session.options.seed));
    const result = trainer.trainBatches(1);
    expect(result.progress).toMatchObject({ batches: 1, totalBatches: 4 });
    expect(weights[0]).toEqual(trainer.exportWeights());
    // Three more finish the epoch, exactly as the engine's trainEpoch does.
    for (let i = 0; i < 3; i++) loop.handle({ type: 'step-batch' });
    vi.advanceTimersByTime(100);
    expect(latest().epoch).toBe(1);
    expect(latest().progress).toBeUndefined();
    trainer.trainEpoch();
    loop.handle({ type: 'export-weights', id: 2 });
    expect(weights[1]).toEqual(trainer.exportWeights());
  });
});
