// The perceptron trace against a hand computation of Rosenblatt's rule on the AND lesson
// (examples/perceptron-and.nn.json: zeros init, lr 1, batch size 1, sign with sign(0) = +1). The
// order of the samples is the engine's seeded shuffle, read from the trace; everything else (each
// sample's target, the unit's output, the weights after each update) is computed here, by hand.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PerceptronUpdate } from '../../../src/engine/perceptron-trace';
import { parseModel } from '../../../src/model';
import { toTrainerInputs } from '../../../src/model/to-trainer-inputs';
import { buildData, buildTrainer } from '../../../src/run/run-core';
import { updateLine, ringedSamples } from '../../../src/shared/view-models/perceptron-view';
import { configureL10n } from '../../../src/shared/l10n';

const EXAMPLES = join(__dirname, '../../../examples');

function trainerOf(file: string, patch: Record<string, unknown> = {}) {
  const parse = parseModel(readFileSync(join(EXAMPLES, file), 'utf8'));
  const spec = parse.spec!;
  const inputs = toTrainerInputs({ ...spec, training: { ...spec.training, ...patch } });
  return buildTrainer(inputs, buildData(inputs));
}

/** AND with −1/+1 targets, as the lesson writes it: +1 only for (1, 1). */
const andTarget = (x: readonly number[]) => (x[0] === 1 && x[1] === 1 ? 1 : -1);
const sign = (z: number) => (z >= 0 ? 1 : -1);

/** Rosenblatt's rule by hand over the samples in the order given: w ← w + lr·(y − ŷ)·x, b ← b + lr·(y − ŷ). */
function byHand(order: readonly (readonly number[])[], lr: number) {
  let w = [0, 0];
  let b = 0;
  return order.map((x) => {
    const y = andTarget(x);
    const yHat = sign(w[0]! * x[0]! + w[1]! * x[1]! + b);
    const before = { w, b };
    w = [w[0]! + lr * (y - yHat) * x[0]!, w[1]! + lr * (y - yHat) * x[1]!];
    b = b + lr * (y - yHat);
    return { x, y, yHat, before, after: { w, b } };
  });
}

describe('perceptron trace', () => {
  it("lists the first epoch's four AND updates with the numbers of a hand computation", () => {
    const trainer = trainerOf('perceptron-and.nn.json');
    trainer.tracePerceptron(true);
    trainer.trainEpoch();
    const trace = trainer.takePerceptronTrace();
    expect(trace).toHaveLength(4);
    // The shuffle visits each corner of the square once.
    const order = trace.map((u) => u.samples[0]!.x);
    expect(order.map((x) => x.join(',')).sort()).toEqual(['0,0', '0,1', '1,0', '1,1']);
    const hand = byHand(order, 1);
    trace.forEach((update, i) => {
      const step = hand[i]!;
      expect(update.epoch).toBe(1);
      expect(update.batch).toBe(i + 1);
      expect(update.rows).toBe(1);
      expect(update.samples[0]).toMatchObject({ position: i + 1, y: step.y, yHat: step.yHat, point: step.x });
      expect(update.wrong).toBe(step.y === step.yHat ? 0 : 1);
      expect(update.weightsBefore).toEqual(step.before.w);
      expect(update.biasBefore).toBe(step.before.b);
      expect(update.weightsAfter).toEqual(step.after.w);
      expect(update.biasAfter).toBe(step.after.b);
    });
    // The trace is the network's weights, not a copy that could drift: they agree at the end.
    const last = hand.at(-1)!.after;
    expect(trainer.exportWeights().layers[0]).toEqual({ weights: last.w, biases: [last.b] });
    // Taken once: a second take is empty until more updates happen.
    expect(trainer.takePerceptronTrace()).toEqual([]);
  });

  it('writes each update as the rule reads, with "no change" for a sample already right', () => {
    configureL10n({ locale: 'en', contents: {} });
    const update: PerceptronUpdate = {
      epoch: 1, batch: 3, learningRate: 1, rows: 1, wrong: 1,
      samples: [{ position: 3, x: [1, 0], point: [1, 0], y: -1, yHat: 1 }],
      weightsBefore: [0, 0], weightsAfter: [-2, 0], biasBefore: 0, biasAfter: -2,
    };
    expect(updateLine(update)).toBe('epoch 1, sample 3: x = (1, 0), y = -1, ŷ = +1 → w ← w + 1·(-1 − (+1))·x: (0, 0) → (-2, 0), b 0 → -2');
    const right: PerceptronUpdate = { ...update, wrong: 0, samples: [{ ...update.samples[0]!, yHat: -1 }], weightsAfter: [0, 0], biasAfter: 0 };
    expect(updateLine(right)).toBe('epoch 1, sample 3: x = (1, 0), y = -1, ŷ = -1: right, no change');
    expect(ringedSamples([right, update])).toEqual(update.samples);
  });

  it('sums the rule over a minibatch as the engine does: the mean of (y − ŷ)·x, and says so', () => {
    configureL10n({ locale: 'en', contents: {} });
    const trainer = trainerOf('perceptron-and.nn.json', { batchSize: 4 });
    trainer.tracePerceptron(true);
    trainer.trainEpoch();
    const [update] = trainer.takePerceptronTrace();
    // From w = 0, b = 0 every output is sign(0) = +1: the three samples of −1 are wrong, each
    // contributes (−1 − 1)·x, and the engine takes the mean over the 4 samples.
    expect(update!.rows).toBe(4);
    expect(update!.wrong).toBe(3);
    const sum = [0, 0];
    let biasSum = 0;
    for (const s of update!.samples) {
      const error = andTarget(s.x) - 1;
      sum[0] += error * s.x[0]!;
      sum[1] += error * s.x[1]!;
      biasSum += error;
    }
    expect(update!.weightsAfter).toEqual([sum[0]! / 4, sum[1]! / 4]);
    expect(update!.biasAfter).toBe(biasSum / 4);
    expect(updateLine(update!)).toBe('epoch 1, samples 1–4: 3 of 4 wrong → w ← w + 1·(1/4)·Σ(y − ŷ)·x: (0, 0) → (-0.5, -0.5), b 0 → -1.5');
    expect(ringedSamples([update!]).map((s) => s.x.join(',')).sort()).toEqual(['0,0', '0,1', '1,0']);
  });

  it('records nothing unless asked, nor for networks trained by gradients', () => {
    const untraced = trainerOf('perceptron-and.nn.json');
    untraced.trainEpoch();
    expect(untraced.takePerceptronTrace()).toEqual([]);
    const xor = trainerOf('xor.nn.json');
    xor.tracePerceptron(true);
    xor.trainEpoch();
    expect(xor.takePerceptronTrace()).toEqual([]);
  });
});
