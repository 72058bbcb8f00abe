// What measuring the theory numbers while training costs: samples per second of the worker's loop
// (src/worker/training-loop.ts, driven directly, no thread) with the measurements on and with them
// switched off, alternating, on the spiral lesson and on a wider model whose evaluation is dearer.
// Usage: node scripts/theory-cost.mjs [seconds per run, default 6] (bundles this file with the wasm kernels, then runs it)

import { createRng } from '../src/engine/index';
import type { FromWorker, SessionInit } from '../src/shared/protocol/worker-messages';
import { TrainingLoop } from '../src/worker/training-loop';

const seconds = Number(process.argv[2] ?? 6);

const spiral: SessionInit = {
  options: {
    network: { inputSize: 2, layers: [{ units: 16, activation: 'tanh' }, { units: 16, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'cross-entropy', init: { distribution: 'xavier' } },
    training: { optimizer: 'adam', learningRate: 0.01, batchSize: 10, epochs: 1_000_000, regularization: { type: 'none', lambda: 0 }, dropoutMode: 'inverted' },
    seed: 2,
  },
  data: { kind: 'generator', generator: 'spiral', samples: 400, noise: 0.05 },
  dataOptions: { testFraction: 0.25 },
  snapshotIntervalMs: 50,
  diagramParameterLimit: 0,
  boundaryResolution: 0,
};

function wide(): SessionInit {
  const rng = createRng(11);
  const inputs = Array.from({ length: 2000 }, () => Array.from({ length: 64 }, () => rng.normal()));
  return {
    ...spiral,
    options: { ...spiral.options, network: { inputSize: 64, layers: [{ units: 64, activation: 'relu' }, { units: 3, activation: 'softmax' }], loss: 'cross-entropy', init: { distribution: 'he' } }, training: { ...spiral.options.training, batchSize: 32 } },
    data: { kind: 'inline', inputs, targets: inputs.map((x) => [x[0] + x[1] > 0.5 ? 2 : x[0] > 0 ? 1 : 0]), task: 'classification' },
  };
}

const measure = Reflect.get(TrainingLoop.prototype, 'measureTheory') as (run: unknown) => void;

async function once(init: SessionInit, theory: boolean): Promise<{ samplesPerSecond: number; measurements: number; spentMs: number }> {
  let spentMs = 0;
  // Only the measurements while training: the one at the start (before Train) costs training nothing.
  let training = false;
  const timed = function (this: unknown, run: unknown): void {
    const started = performance.now();
    measure.call(this, run);
    if (training) spentMs += performance.now() - started;
  };
  Reflect.set(TrainingLoop.prototype, 'measureTheory', theory ? timed : (run: { theoryCurrent: boolean }) => void (run.theoryCurrent = true));
  const rates: number[] = [];
  const ids = new Set<number>();
  const loop = new TrainingLoop((message: FromWorker) => {
    if (message.type !== 'snapshot') return;
    if (message.snapshot.state === 'training' && message.snapshot.samplesPerSecond > 0) rates.push(message.snapshot.samplesPerSecond);
    if (message.snapshot.theoryId !== undefined) ids.add(message.snapshot.theoryId);
  });
  loop.handle({ type: 'init', init });
  training = true;
  loop.handle({ type: 'train' });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  loop.dispose();
  // The first second warms the engine up: the rate is the mean over the rest.
  const kept = rates.slice(Math.floor(rates.length / seconds));
  return { samplesPerSecond: kept.reduce((a, b) => a + b, 0) / Math.max(1, kept.length), measurements: ids.size, spentMs };
}

async function main(): Promise<void> {
for (const [name, init] of [['spiral lesson (400 samples, 2-16-16-1)', spiral], ['wide (2,000 samples, 64-64-3)', wide()]] as const) {
  const results: Record<'on' | 'off', number[]> = { on: [], off: [] };
  let measurements = 0;
  let spentMs = 0;
  for (let round = 0; round < 3; round++) {
    for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const r = await once(init, mode === 'on');
      results[mode].push(r.samplesPerSecond);
      if (mode === 'on') {
        measurements += r.measurements;
        spentMs += r.spentMs;
      }
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const off = mean(results.off);
  const on = mean(results.on);
  console.log(`${name}: off ${Math.round(off)} samples/s [${results.off.map(Math.round).join(', ')}], on ${Math.round(on)} samples/s [${results.on.map(Math.round).join(', ')}], ${((on / off - 1) * 100).toFixed(1)}%, ${(measurements / (3 * seconds)).toFixed(1)} measurements/s taking ${((spentMs / (3 * seconds * 1000)) * 100).toFixed(2)}% of the time`);
}
}

void main();
