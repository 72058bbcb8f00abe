// The sweep (parsing, what each setting changes) and the editor's worker-thread pool: the real
// experiment worker bundle trains the runs on two threads and must give the CLI loop's figures.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentCancelled, runInWorkers, runningExperimentThreads } from '../../../src/editor/experiment-pool';
import { assembleReport, experimentTasks, measure } from '../../../src/experiments/report';
import { parseSweep, withSetting } from '../../../src/experiments/sweep';
import { parseModel, toTrainerInputs } from '../../../src/model/index';
import { countParameters } from '../../../src/run/spec-diff';
import { buildWorker } from '../training/session-harness';

const inputs = toTrainerInputs(
  parseModel(
    '{ "seed": 4, "data": { "generator": "sine", "samples": 30, "noise": 0.25, "testFraction": 0 }, "layers": [{ "units": 3, "activation": "tanh" }, { "units": 3, "activation": "tanh" }, { "units": 1, "activation": "linear" }], "training": { "optimizer": "adam", "learningRate": 0.02, "epochs": 15, "batchSize": 10, "regularization": { "type": "l1", "lambda": 0.01 } } }',
  ).spec!,
);

describe('sweep', () => {
  it('parses SETTING=V1,V2 and refuses anything else with a sentence', () => {
    expect(parseSweep('units=2,4,8')).toEqual({ setting: 'units', values: [2, 4, 8] });
    expect(parseSweep(' lambda = 0, 1e-3 ,0.1')).toEqual({ setting: 'lambda', values: [0, 0.001, 0.1] });
    expect(parseSweep('depth=1,17')).toEqual({ error: expect.stringMatching(/"17" is not allowed for depth: the number of hidden layers is a whole number from 1 to 16/) });
    expect(parseSweep('units=2,,4')).toEqual({ error: expect.stringMatching(/"" is not allowed/) });
    expect(parseSweep('units')).toEqual({ error: expect.stringMatching(/SETTING=V1,V2/) });
    expect(parseSweep('epochs=1,2,3,4,5,6,7,8,9,10,11,12,13')).toEqual({ error: expect.stringMatching(/at most 12 values, got 13/) });
  });

  it('changes only the setting it names: every hidden width, the depth, an L2 λ, the epochs', () => {
    const wide = withSetting(inputs, 'units', 10).options.network;
    expect(wide.layers.map((l) => l.units)).toEqual([10, 10, 1]);
    expect(countParameters(wide.inputSize, wide.layers)).toBe(1 * 10 + 10 + 10 * 10 + 10 + 10 * 1 + 1);
    expect(withSetting(inputs, 'depth', 4).options.network.layers.map((l) => `${l.units}${l.activation}`)).toEqual(['3tanh', '3tanh', '3tanh', '3tanh', '1linear']);
    expect(withSetting(inputs, 'lambda', 0.5).options.training.regularization).toEqual({ type: 'l2', lambda: 0.5 });
    expect(withSetting(inputs, 'lambda', 0).options.training.regularization).toEqual({ type: 'none', lambda: 0 });
    expect(withSetting(inputs, 'epochs', 7).options.training.epochs).toBe(7);
    // The inputs given are left as they were.
    expect(inputs.options.network.layers.map((l) => l.units)).toEqual([3, 3, 1]);
    expect(inputs.options.training.regularization).toEqual({ type: 'l1', lambda: 0.01 });
  });

  it('refuses a sweep over the hidden layers of a model that has none', () => {
    const linear = toTrainerInputs(parseModel('{ "data": { "generator": "sine" }, "layers": [{ "units": 1, "activation": "linear" }] }').spec!);
    expect(() => withSetting(linear, 'units', 4)).toThrow(/has none: add a hidden layer first/);
  });
});

describe('experiment pool (worker threads)', () => {
  let worker: Awaited<ReturnType<typeof buildWorker>>;
  beforeAll(async () => {
    worker = await buildWorker(join(__dirname, '../../../src/worker/experiment-worker.ts'));
  });
  afterAll(() => worker?.cleanup());

  it('trains a sweep on two threads to the same figures as the one-thread loop, with progress for every run', async () => {
    const sweep = { setting: 'units' as const, values: [1, 4] };
    const tasks = experimentTasks(inputs, 5, sweep);
    const progress: number[] = [];
    const outputs = await runInWorkers(tasks, { workerPath: worker.path, threads: 2, onRun: (done, total) => progress.push(done / total) });
    const parallel = assembleReport('m', tasks, outputs, sweep);
    expect(parallel).toEqual(measure('m', inputs, 5, sweep));
    expect(progress).toHaveLength(10);
    expect(progress.at(-1)).toBe(1);
  }, 60_000);

  it('cancels: rejects with ExperimentCancelled and ends its threads', async () => {
    const tasks = experimentTasks(withSetting(inputs, 'epochs', 3000), 10);
    const abort = new AbortController();
    const running = runInWorkers(tasks, { workerPath: worker.path, threads: 2, signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    await expect(running).rejects.toBeInstanceOf(ExperimentCancelled);
    for (let i = 0; i < 100 && runningExperimentThreads > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runningExperimentThreads).toBe(0);
  }, 60_000);
});
