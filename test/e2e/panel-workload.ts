// Benchmark workload (b) as a model file the extension can open: 784-128-64-10 ReLU, softmax
// cross-entropy, batch 64, on the bench's own synthetic MNIST-shaped data (bench/workloads.ts),
// written as a CSV beside it. The panel's performance figures are measured on this file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkloads } from '../../bench/workloads';

export const WORKLOAD_B_MODEL = 'workload-b.nn.json';

/** Writes workload-b.nn.json and workload-b.csv into `dir`; returns the model's path. */
export function writeWorkloadB(dir: string, epochs = 1000): string {
  const [w] = makeWorkloads(['b']);
  if (!w) throw new Error('bench workload (b) is missing');
  const { data } = w;
  const lines = [[...data.featureNames, 'label'].join(',')];
  for (let r = 0; r < data.train.n; r++) {
    const row: string[] = [];
    for (let j = 0; j < data.inputSize; j++) row.push(data.train.x[r * data.inputSize + j]!.toFixed(3));
    row.push(`c${data.train.y[r]}`);
    lines.push(row.join(','));
  }
  writeFileSync(join(dir, 'workload-b.csv'), lines.join('\n') + '\n');
  const model = {
    name: 'Benchmark workload (b): 784-128-64-10 ReLU',
    seed: 2025,
    data: { csv: 'workload-b.csv', target: 'label', testFraction: 0 },
    layers: [...w.hidden.map((units) => ({ units, activation: w.hiddenActivation })), { units: w.output.units, activation: w.output.activation }],
    loss: w.output.loss,
    init: { distribution: w.init },
    training: { optimizer: 'sgd', learningRate: w.learningRate, batchSize: w.batchSize, epochs },
  };
  const path = join(dir, WORKLOAD_B_MODEL);
  writeFileSync(path, JSON.stringify(model, null, 2) + '\n');
  return path;
}
