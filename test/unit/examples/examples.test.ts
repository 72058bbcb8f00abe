// Each example trains to the result its name promises. The models are trained headlessly by the
// same code as the CLI (src/run/headless-run.ts) and judged by the theory's predictions: a
// perceptron cannot pass 75% on XOR, a hidden layer can; zero init keeps units identical; L2 and
// dropout narrow the train–test gap; a deep sigmoid net's gradients vanish.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run, type RunResult } from '../../../src/run/headless-run';
import { liveProblems, parseModel } from '../../../src/model/index';
import type { Problem, TextFix } from '../../../src/model/spec';

const dir = join(__dirname, '../../../examples');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

function train(name: string): RunResult {
  const result = run(read(name));
  expect(result.problems.filter((p) => p.severity === 'error' && p.source !== 'live'), name).toEqual([]);
  return result;
}

const codes = (r: RunResult) => r.problems.map((p) => p.code);
const testAccuracy = (r: RunResult) => r.test?.accuracy ?? NaN;
/** Train–test gap in loss after training, dropout off for both (evaluate). */
const gap = (r: RunResult) => (r.test?.cost ?? NaN) - (r.train?.cost ?? NaN);

function applyFix(text: string, fix: TextFix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.range.offset - a.range.offset)) out = out.slice(0, e.range.offset) + e.newText + out.slice(e.range.offset + e.range.length);
  return out;
}

test('every example parses without errors, names its lesson and is listed in the README', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.nn.json'));
  expect(files.length).toBeGreaterThanOrEqual(18);
  const readme = read('README.md');
  for (const file of files) {
    const parse = parseModel(read(file));
    expect(parse.problems.filter((p) => p.severity === 'error'), file).toEqual([]);
    expect(parse.spec?.name.length, file).toBeGreaterThan(20);
    expect(readme, file).toContain(`(${file})`);
  }
});

describe('neurons and perceptrons', () => {
  test('the McCulloch-Pitts neuron computes AND and OR with hand-set weights and thresholds, learning nothing', () => {
    const r = train('mp-neuron.nn.json');
    expect(r.history).toHaveLength(0);
    const inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const out = Array.from(r.trainer!.predict(Float64Array.from(inputs.flat()), inputs.length));
    // Unit 1 is AND, unit 2 is OR: the truth tables, row by row.
    const and = inputs.map(([a, b]) => (a === 1 && b === 1 ? 1 : 0));
    const or = inputs.map(([a, b]) => (a === 1 || b === 1 ? 1 : 0));
    expect(out).toEqual(inputs.flatMap((_, i) => [and[i], or[i]]));
    expect(r.train?.cost).toBe(0);
    // The weights are those written in the file, not drawn or learnt.
    expect(Array.from(r.trainer!.layerParameters(0).weights)).toEqual([1, 1, 1, 1]);
    expect(Array.from(r.trainer!.layerParameters(0).biases)).toEqual([-2, -1]);
  });

  test('the perceptron learns AND', () => {
    expect(train('perceptron-and.nn.json').train?.accuracy).toBe(1);
  });

  test('the perceptron cannot learn XOR, is told why, and the quick fixes make it learn', () => {
    const text = read('perceptron-xor.nn.json');
    const r = train('perceptron-xor.nn.json');
    expect(r.train?.accuracy).toBeLessThanOrEqual(0.75);
    const warning = r.problems.find((p) => p.code === 'not-linearly-separable');
    expect(warning?.fixes?.[0].title).toMatch(/hidden layer/);
    // The fix adds a hidden layer (and sgd, sigmoid, random init); the perceptron's lr = 1 is then
    // flagged as too high for gradient descent, and its fix lowers it: now XOR is learnt.
    const withHidden = applyFix(text, warning!.fixes![0]);
    const high = parseModel(withHidden).problems.find((p) => p.code === 'learning-rate-high');
    expect(high?.fixes?.[0].title).toMatch(/1 → 0\.1/);
    const fixed = run(applyFix(withHidden, high!.fixes![0]), { epochs: 300 });
    expect(fixed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(fixed.train?.accuracy).toBe(1);
  });

  test('XOR with a hidden layer reaches at least 95% test accuracy', () => {
    expect(testAccuracy(train('xor.nn.json'))).toBeGreaterThanOrEqual(0.95);
  });
});

test('linear hidden layers collapse: no better than a line on the circle, until tanh', () => {
  const text = read('linear-collapse.nn.json');
  const r = train('linear-collapse.nn.json');
  expect(testAccuracy(r)).toBeLessThanOrEqual(0.7);
  const warnings = r.problems.filter((p) => p.code === 'linear-collapse');
  expect(warnings).toHaveLength(2);
  // Apply the "use tanh" fix of each warning in turn, re-parsing in between as the editor does.
  let fixed = text;
  for (const layer of [0, 1]) {
    const warning = parseModel(fixed).problems.find((p) => p.code === 'linear-collapse' && p.layer === layer);
    fixed = applyFix(fixed, warning!.fixes![0]);
  }
  expect(parseModel(fixed).problems).toEqual([]);
  expect(testAccuracy(run(fixed))).toBeGreaterThanOrEqual(0.9);
});

test('with x1² and x2² as its inputs, a network with no hidden layer separates the circle; on x1 and x2 it cannot', () => {
  const text = read('circle-features.nn.json');
  const r = train('circle-features.nn.json');
  expect(r.trainer!.options.network.layers).toHaveLength(1);
  expect(r.dataset?.featureNames).toEqual(['x1^2', 'x2^2']);
  expect(testAccuracy(r)).toBeGreaterThanOrEqual(0.95);
  // The same model fed the plain coordinates: one line, which cannot enclose the disc.
  const plain = run(text.replace('"inputFeatures": ["x1^2", "x2^2"]', '"inputFeatures": ["x1", "x2"]'));
  expect(plain.dataset?.featureNames).toEqual(['x1', 'x2']);
  expect(testAccuracy(plain)).toBeLessThanOrEqual(0.75);
  // The boundary it draws is a circle: inside the disc (the origin) one class, far out the other.
  const grid = r.trainer!.outputGrid(21);
  const centre = grid.values[10 * 21 + 10];
  const corner = grid.values[0];
  expect(Math.round(centre)).not.toBe(Math.round(corner));
  expect(Math.round(grid.values[20 * 21 + 20])).toBe(Math.round(corner));
});

describe('deep nets: sigmoid vs tanh vs ReLU', () => {
  const sigmoid = train('deep-sigmoid.nn.json');
  const tanh = train('deep-tanh.nn.json');
  const relu = train('deep-relu.nn.json');

  test('the deep sigmoid net shows vanishing gradients (or saturation) live', () => {
    expect(codes(sigmoid).some((c) => c === 'vanishing-gradient' || c === 'sigmoid-saturation')).toBe(true);
    const vanishing = sigmoid.problems.filter((p) => p.code === 'vanishing-gradient');
    // The first layer is among those starved, and each problem sits on its layer's text.
    expect(vanishing.map((p) => p.layer)).toContain(0);
    expect(codes(relu)).not.toContain('vanishing-gradient');
  });

  test('tanh and ReLU learn what sigmoid cannot in the same epochs', () => {
    expect(testAccuracy(sigmoid)).toBeLessThan(0.7);
    expect(testAccuracy(tanh)).toBeGreaterThanOrEqual(0.9);
    expect(testAccuracy(relu)).toBeGreaterThanOrEqual(0.9);
  });
});

test('a learning rate of 20 diverges, and the live problem names it', () => {
  const r = train('learning-rate-too-high.nn.json');
  expect(r.diverged).toBe(true);
  // It stops early: the cost overflows within a few of its 100 epochs.
  expect(r.history.length).toBeLessThan(10);
  expect(codes(r)).toContain('divergence');
  expect(codes(r)).toContain('learning-rate-high');
  // Two tenfold cuts (the quick fix, twice) bring it to 0.2: it trains.
  const lowered = read('learning-rate-too-high.nn.json').replace('"learningRate": 20', '"learningRate": 0.2');
  const healthy = run(lowered);
  expect(healthy.diverged).toBe(false);
  expect(healthy.test?.cost).toBeLessThan(0.05);
});

test('cross-entropy rescues confidently wrong sigmoid outputs that MSE leaves stuck', () => {
  const mse = train('loss-mse.nn.json');
  const ce = train('loss-cross-entropy.nn.json');
  expect(codes(mse)).toContain('mse-sigmoid');
  expect(testAccuracy(ce)).toBeGreaterThanOrEqual(0.95);
  expect(testAccuracy(ce) - testAccuracy(mse)).toBeGreaterThanOrEqual(0.05);
  expect(ce.train!.accuracy! - mse.train!.accuracy!).toBeGreaterThanOrEqual(0.05);
});

test('through a softmax too, cross-entropy rescues the confidently wrong outputs that MSE leaves stuck', () => {
  // softmax with mse trains (it was refused, on the data line); the lint still says why it is slow.
  const mse = train('softmax-mse.nn.json');
  const ce = train('softmax-cross-entropy.nn.json');
  expect(mse.history).toHaveLength(60);
  expect(codes(mse)).toContain('softmax-mse');
  expect(codes(ce)).not.toContain('softmax-mse');
  expect(testAccuracy(ce)).toBeGreaterThanOrEqual(0.95);
  expect(testAccuracy(ce) - testAccuracy(mse)).toBeGreaterThanOrEqual(0.2);
  expect(ce.train!.accuracy! - mse.train!.accuracy!).toBeGreaterThanOrEqual(0.2);
  // MSE does learn, only slowly: its training cost falls from where it started.
  expect(mse.history[mse.history.length - 1].trainCost).toBeLessThan(mse.history[0].trainCost);
});

test('softmax on iris classifies the three species', () => {
  const r = train('iris-softmax.nn.json');
  expect(r.dataset?.classes).toBe(3);
  expect(testAccuracy(r)).toBeGreaterThanOrEqual(0.9);
});

describe('zero vs Gaussian init', () => {
  test('zero init keeps every hidden unit identical, and learns nothing', () => {
    const r = train('init-zeros.nn.json');
    expect(codes(r)).toContain('zero-init-symmetry');
    const { weights, biases } = r.trainer!.layerParameters(0);
    const units = 4;
    for (let i = 0; i < weights.length / units; i++) {
      for (let j = 1; j < units; j++) expect(weights[i * units + j]).toBe(weights[i * units]);
    }
    for (let j = 1; j < units; j++) expect(biases[j]).toBe(biases[0]);
    expect(testAccuracy(r)).toBeLessThan(0.7);
  });

  test('Gaussian init breaks the symmetry and learns the circle', () => {
    const r = train('init-gaussian.nn.json');
    const { weights } = r.trainer!.layerParameters(0);
    expect(new Set(Array.from(weights)).size).toBe(weights.length);
    expect(testAccuracy(r)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('overfitting vs L2 vs dropout', () => {
  const base = train('overfitting.nn.json');
  const l2 = train('overfitting-l2.nn.json');
  const dropout = train('overfitting-dropout.nn.json');

  test('the large net memorises: near-zero training loss, far higher test loss, flagged live', () => {
    expect(base.train!.cost).toBeLessThan(0.05);
    expect(gap(base)).toBeGreaterThan(1);
    expect(codes(base)).toContain('overfitting');
  });

  /** Whether overfitting is shown after each epoch, the live rules carrying the previous list as the editor's session does. */
  function overfittingShown(r: RunResult): boolean[] {
    let previous: Problem[] = [];
    const health = r.trainer!.health();
    return r.history.map((_, i) => {
      previous = liveProblems({ parse: r.parse, health, history: r.history.slice(0, i + 1), previous });
      return previous.some((p) => p.code === 'overfitting');
    });
  }

  test('the overfitting warning, once raised on the lesson, stays on: no flicker from one noisy epoch', () => {
    const shown = overfittingShown(base);
    const first = shown.indexOf(true);
    expect(first).toBeGreaterThan(30);
    expect(shown.slice(first).every(Boolean)).toBe(true);
  });

  test('L2 keeps the test cost near its best; dropout slows the overfitting without stopping it, as its comment says', () => {
    expect(codes(l2)).not.toContain('overfitting');
    expect(overfittingShown(l2).some(Boolean)).toBe(false);
    // The dropout lesson's comment: the test cost still climbs from its best to well above it, and
    // the editor keeps the warning on to the end.
    const shown = overfittingShown(dropout);
    expect(shown.at(-1)).toBe(true);
    expect(shown.slice(shown.indexOf(true)).every(Boolean)).toBe(true);
    expect(read('overfitting-dropout.nn.json')).toMatch(/dropout alone does not stop the overfitting/);
  });

  test('L2 and dropout each narrow the train–test gap and test better', () => {
    expect(gap(l2)).toBeLessThan(gap(base) / 3);
    expect(gap(dropout)).toBeLessThan(gap(base) / 2);
    expect(testAccuracy(l2)).toBeGreaterThan(testAccuracy(base));
    expect(testAccuracy(dropout)).toBeGreaterThan(testAccuracy(base));
  });
});

test('the spiral is learnt within its epochs', () => {
  const r = train('spiral.nn.json');
  expect(testAccuracy(r)).toBeGreaterThanOrEqual(0.9);
  // The boundary is already a spiral well before the end (the panel shows it within ~150 epochs).
  const at150 = r.history[149];
  expect(at150.testAccuracy).toBeGreaterThanOrEqual(0.85);
});
