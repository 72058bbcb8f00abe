// The editor's path for data without a generator: the real experiment worker bundle trains the
// bootstrap runs of a CSV model on two threads and must give the CLI loop's figures exactly (each
// thread rebuilds the plan, its held-out split and its noise estimate from the inputs alone).

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInWorkers } from '../../../src/editor/experiment-pool';
import { assembleReport, experimentTasks, measure } from '../../../src/experiments/report';
import { parseModel, toTrainerInputs } from '../../../src/model/index';
import { buildWorker } from '../training/session-harness';

const csv = ['x,y', ...Array.from({ length: 48 }, (_, i) => {
  const x = -2 + (4 * i) / 47;
  return `${x},${(x * x - 1 + 0.3 * Math.cos(7.3 * i)).toFixed(5)}`;
})].join('\n');
const spec = parseModel('{ "seed": 6, "data": { "csv": "d.csv", "target": "y", "testFraction": 0.25 }, "layers": [{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "linear" }], "training": { "optimizer": "adam", "learningRate": 0.03, "epochs": 15, "batchSize": 12 } }').spec!;
const inputs = toTrainerInputs(spec, csv);

describe('bootstrap runs in the worker pool', () => {
  let worker: Awaited<ReturnType<typeof buildWorker>>;
  beforeAll(async () => {
    worker = await buildWorker(join(__dirname, '../../../src/worker/experiment-worker.ts'));
  });
  afterAll(() => worker?.cleanup());

  it('gives the one-thread loop\'s figures for a CSV model, a sweep included, and they add up', async () => {
    const sweep = { setting: 'units' as const, values: [2, 6] };
    const tasks = experimentTasks(inputs, 5, sweep);
    const outputs = await runInWorkers(tasks, { workerPath: worker.path, threads: 2 });
    const parallel = assembleReport('m', tasks, outputs, sweep);
    expect(parallel).toEqual(measure('m', inputs, 5, sweep));
    for (const point of parallel.points) {
      expect(point.result.sampling).toEqual({ kind: 'bootstrap', trainingSize: 36, noiseSamples: 48 });
      if (point.result.kind !== 'regression') throw new Error('expected regression');
      const d = point.result.decomposition;
      expect(d.bias2 + d.variance + d.noise).toBeCloseTo(point.result.measured, 12);
    }
  }, 60_000);
});
