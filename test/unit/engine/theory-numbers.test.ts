// The theory's numbers of a trained model (training/theory-report.ts): checked against hand counts
// and hand computations, and the identity H(p, q) = H(p) + KL(p‖q) on the model's own outputs.

import { describe, expect, it } from 'vitest';
import { run } from '../../../src/run/headless-run';
import { informationNumbers } from '../../../src/engine/theory-numbers';
import { theoryReport } from '../../../src/run/theory-report';

const model = (parts: Record<string, unknown>) => JSON.stringify(parts);

describe('on a hand-set classifier, against a hand count', () => {
  // One sigmoid unit, weight 1 and bias 0 on the raw input: class 1 exactly when x > 0.
  const xs = [-2, -1, 1, 2, 3];
  const labels = [0, 1, 1, 0, 0];
  const text = model({
    data: { inputs: xs.map((x) => [x]), targets: labels.map((t) => [t]), task: 'classification', testFraction: 0, standardize: false },
    layers: [{ units: 1, activation: 'sigmoid', weights: [[1]], bias: 0, trainable: false }],
    training: { epochs: 0 },
  });
  const r = run(text);
  const report = theoryReport(r.trainer!);

  it('counts the confusion matrix as a person would', () => {
    // Predicted: −2 → 0, −1 → 0, 1 → 1, 2 → 1, 3 → 1. Actual 0 (−2, 2, 3): one taken for 0, two for 1;
    // actual 1 (−1, 1): one taken for 0, one for 1. Rows are the actual class.
    expect(report.train.confusion).toEqual([
      [1, 2],
      [1, 1],
    ]);
    expect(report.test).toBeNull();
  });

  it('spreads the per-sample losses whose mean is the cost', () => {
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    const losses = xs.map((x, i) => -(labels[i] * Math.log(sigmoid(x)) + (1 - labels[i]) * Math.log(1 - sigmoid(x)))).sort((a, b) => a - b);
    expect(report.train.losses.min).toBeCloseTo(losses[0], 12);
    expect(report.train.losses.median).toBeCloseTo(losses[2], 12);
    expect(report.train.losses.max).toBeCloseTo(losses[4], 12);
    expect(report.train.losses.mean).toBeCloseTo(losses.reduce((s, v) => s + v, 0) / 5, 12);
    expect(report.train.cost).toBeCloseTo(report.train.losses.mean, 12);
    expect(report.train.objective).toBe(report.train.cost + report.train.regularization);
  });

  it('reads one sigmoid unit as the distribution [1 − ŷ, ŷ]', () => {
    const q = xs.map((x) => 1 / (1 + Math.exp(-x)));
    const entropy = q.map((v) => -(v * Math.log(v) + (1 - v) * Math.log(1 - v))).reduce((s, v) => s + v, 0) / 5;
    expect(report.train.information?.predictionEntropy).toBeCloseTo(entropy, 12);
  });
});

describe('information numbers on a trained softmax model', () => {
  const text = model({ seed: 3, data: { dataset: 'iris', testFraction: 0.3 }, layers: [{ units: 6 }, { units: 3, activation: 'softmax' }], training: { epochs: 20 } });
  const r = run(text);
  const trainer = r.trainer!;

  it('H(p, q) = H(p) + KL(p‖q) on the model\'s outputs, for one-hot and for soft p', () => {
    const report = theoryReport(trainer);
    const info = report.test!.information!;
    // One-hot labels: H(p) = 0, so the cross-entropy is the KL divergence, and both are the test cost.
    expect(info.labelEntropy).toBe(0);
    expect(info.crossEntropy).toBeCloseTo(info.labelEntropy + info.kl, 12);
    expect(info.crossEntropy).toBeCloseTo(report.test!.cost, 10);
    // A soft p (labels smoothed towards uniform) against the same outputs q.
    const { probabilities } = trainer.evaluateSamples('test');
    const n = trainer.data.test.n;
    const p = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) p[i * 3 + c] = 0.1 / 3 + (trainer.data.test.y[i] === c ? 0.9 : 0);
    const soft = informationNumbers(p, probabilities!, n, 3);
    expect(soft.labelEntropy).toBeGreaterThan(0.1);
    expect(soft.crossEntropy).toBeCloseTo(soft.labelEntropy + soft.kl, 12);
    // By hand for the first sample: −Σ p log q.
    const hand = -[0, 1, 2].reduce((s, c) => s + p[c] * Math.log(probabilities![c]), 0);
    expect(informationNumbers(p.subarray(0, 3), probabilities!.subarray(0, 3), 1, 3).crossEntropy).toBeCloseTo(hand, 14);
  });

  it('the confusion matrix sums to the split and its diagonal is the accuracy', () => {
    const confusion = theoryReport(trainer).test!.confusion!;
    const total = confusion.flat().reduce((s, v) => s + v, 0);
    const right = confusion.reduce((s, row, i) => s + row[i], 0);
    expect(total).toBe(trainer.data.test.n);
    expect(right / total).toBeCloseTo(r.test!.accuracy!, 12);
  });
});

it('the share of the initial weights inside ±3σ, counted from the weights the run starts with', () => {
  const text = model({ seed: 5, data: { generator: 'xor' }, layers: [{ units: 400, init: { distribution: 'gaussian', std: 0.5 } }, { units: 1 }], training: { epochs: 0 } });
  const r = run(text);
  const start = r.trainer!.exportWeights().layers[0].weights;
  const inside = start.filter((w) => Math.abs(w) <= 1.5).length / start.length;
  const [first, second] = theoryReport(r.trainer!).initialWeights;
  expect(first.std).toBe(0.5);
  expect(first.within3Sigma).toBe(inside);
  // 800 draws of a Gaussian: near the 99.73% of the 3σ rule.
  expect(first.within3Sigma).toBeGreaterThan(0.99);
  // Xavier's default is uniform with limit √3·σ: every weight is inside.
  expect(second.within3Sigma).toBe(1);
});
