// Each static rule: a model that must trigger it (on the exact value, with numbers the theory
// predicts) and healthy models that must not. Fixes are applied and the rule must go quiet.

import { describe, expect, test } from 'vitest';
import { layerInits, STATIC_RULES, THRESHOLDS } from '../../../src/model/index';
import { erfc, twoSidedTail } from '../../../src/model/stats';
import { SATURATION_THRESHOLD } from '../../../src/model/vocabulary';
import { applyFix, codes, expectRangeAt, model, only, parse, XOR_TEXT } from './helpers';

const HEALTHY = [
  XOR_TEXT,
  model({ data: { generator: 'spiral', samples: 300 }, layers: [{ units: 16, activation: 'tanh' }, { units: 16, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], training: { optimizer: 'adam', learningRate: 0.01 } }),
  model({ data: { dataset: 'iris' }, layers: [{ units: 8, activation: 'relu', init: 'he' }, { units: 3, activation: 'softmax' }], loss: 'cross-entropy' }),
  model({ data: { generator: 'sine' }, layers: [{ units: 16, activation: 'tanh' }, { units: 1, activation: 'linear' }], loss: 'mse' }),
  model({ data: { generator: 'gaussian' }, layers: [{ units: 1, activation: 'sign' }], init: 'zeros', training: { optimizer: 'perceptron', learningRate: 1 } }),
  model({ data: { generator: 'circle' }, layers: [{ units: 8, dropout: 0.2 }, { units: 1 }], training: { regularization: { type: 'l2', lambda: 0.001 } } }),
];

test('healthy models raise no static problem', () => {
  for (const text of HEALTHY) expect(parse(text).problems, text).toEqual([]);
});

test('every rule has a distinct code and a summary', () => {
  const ruleCodes = STATIC_RULES.map((r) => r.code);
  expect(new Set(ruleCodes).size).toBe(ruleCodes.length);
  for (const rule of STATIC_RULES) expect(rule.summary.length).toBeGreaterThan(20);
});

/** Applies the named fix and checks the rule no longer fires and the model still trains. */
function expectFixResolves(text: string, code: string, title: RegExp): string {
  const p = only(parse(text), code);
  const fix = p.fixes?.find((f) => title.test(f.title));
  expect(fix, `a fix matching ${title} among ${JSON.stringify(p.fixes?.map((f) => f.title))}`).toBeDefined();
  const fixed = applyFix(text, fix!);
  const after = parse(fixed);
  expect(codes(after)).not.toContain(code);
  expect(after.spec, fixed).toBeDefined();
  return fixed;
}

describe('linear-collapse', () => {
  const text = model({ data: { generator: 'xor' }, layers: [{ units: 4, activation: 'linear' }, { units: 1, activation: 'sigmoid' }] });
  test('triggers on a linear hidden layer, at its activation', () => {
    const p = only(parse(text), 'linear-collapse');
    expectRangeAt(text, p.range, '"linear"');
    expect(p.message).toMatch(/X·\(W1·W2\)/);
  });
  test('a linear output layer is fine', () => {
    expect(codes(parse(model({ data: { generator: 'sine' }, layers: [{ units: 8 }, { units: 1, activation: 'linear' }] })))).toEqual([]);
  });
  test('fix: tanh', () => {
    expect(expectFixResolves(text, 'linear-collapse', /tanh/)).toContain('{"units":4,"activation":"tanh"}');
  });
});

describe('not-linearly-separable', () => {
  test.each(['xor', 'circle', 'spiral', 'moons'])('%s without a hidden layer', (generator) => {
    const text = model({ data: { generator }, layers: [{ units: 1, activation: 'sigmoid' }] });
    const p = only(parse(text), 'not-linearly-separable');
    expectRangeAt(text, p.range, '[\n    {"units":1,"activation":"sigmoid"}\n  ]');
  });
  test('linearly separable generators are fine', () => {
    expect(codes(parse(model({ data: { generator: 'gaussian' }, layers: [{ units: 1 }] })))).toEqual([]);
  });
  test('inline truth tables: XOR triggers, AND does not', () => {
    const inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
    expect(codes(parse(model({ data: { inputs, targets: [[0], [1], [1], [0]] }, layers: [{ units: 1 }] })))).toEqual(['not-linearly-separable']);
    expect(codes(parse(model({ data: { inputs, targets: [[0], [0], [0], [1]] }, layers: [{ units: 1 }] })))).toEqual([]);
  });
  test('fix: a hidden layer, inserted on its own line; a perceptron becomes sgd + sigmoid', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 1, activation: 'sign' }], training: { optimizer: 'perceptron' } });
    const fixed = expectFixResolves(text, 'not-linearly-separable', /hidden layer/);
    expect(fixed).toContain('"layers": [\n    { "units": 4, "activation": "tanh" },\n    {"units":1,"activation":"sigmoid"}\n  ]');
    expect(fixed).toContain('"optimizer":"sgd"');
    expect(parse(fixed).problems).toEqual([]);
  });
});

describe('zero-init-symmetry', () => {
  const text = model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1 }], init: 'zeros' });
  test('triggers with zeros before and after a hidden layer', () => {
    const p = only(parse(text), 'zero-init-symmetry');
    expectRangeAt(text, p.range, '"zeros"');
    expect(p.message).toMatch(/all 4 units compute the same value/);
  });
  test('a Gaussian with std 0 is the same trap', () => {
    expect(codes(parse(model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1 }], init: { distribution: 'gaussian', std: 0 } })))).toContain('zero-init-symmetry');
  });
  test('zeros on a single layer (the classic perceptron start) is fine', () => {
    expect(codes(parse(model({ data: { generator: 'gaussian' }, layers: [{ units: 1 }], init: 'zeros' })))).toEqual([]);
  });
  test('zeros on the hidden layer only: random outgoing weights break the symmetry', () => {
    expect(codes(parse(model({ data: { generator: 'xor' }, layers: [{ units: 4, init: 'zeros' }, { units: 1 }] })))).toEqual([]);
  });
  test('fix: xavier', () => {
    expect(expectFixResolves(text, 'zero-init-symmetry', /xavier/)).toContain('"init": "xavier"');
  });
});

describe('init-saturation', () => {
  // σ'(z) = 0.01 where σ(z) = 0.5 + √0.24, computed here rather than taken from the engine.
  const SIGMOID_ZONE = Math.log((0.5 + Math.sqrt(0.24)) / (0.5 - Math.sqrt(0.24)));
  test('compares against the zone where σ\' falls below 0.01, not its rounding', () => {
    expect(SATURATION_THRESHOLD.sigmoid).toBeCloseTo(SIGMOID_ZONE, 9);
  });
  const text = model({
    data: { generator: 'xor' },
    layers: [{ units: 16, activation: 'sigmoid' }, { units: 16, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }],
    init: { distribution: 'gaussian', std: 4 },
  });
  test('predicts the saturated share from z ~ N(0, fan_in·σ²·E[x²]), told for the worst layer', () => {
    const p = only(parse(text), 'init-saturation');
    expectRangeAt(text, p.range, '{"distribution":"gaussian","std":4}');
    const inits = layerInits(parse(text).spec!, parse(text).facts!, true)!;
    // Layer 1: fan-in 2 (xor's inputs), standardised, σ_z = 4√2; P(|z| > 4.585) = erfc(4.585 / 8) ≈ 41.8%.
    expect(inits[0].zStd).toBeCloseTo(4 * Math.SQRT2, 10);
    expect(twoSidedTail(SIGMOID_ZONE, inits[0].zStd)).toBeCloseTo(0.4176, 3);
    // Layer 2 (fan-in 16) saturates more, so the message quotes it and names the others.
    const share2 = twoSidedTail(SIGMOID_ZONE, inits[1].zStd);
    expect(share2).toBeGreaterThan(0.4176);
    expect(p.message).toContain('|z| > 4.6, the sigmoid saturation zone');
    expect(p.message).toContain(`fan-in 16 and layer 1's outputs as inputs`);
    expect(p.message).toContain(`about ${Math.round(share2 * 100)}%`);
    // The output layer is exempt under cross-entropy (∂L/∂z = ŷ − y does not vanish).
    expect(p.message).toMatch(/Layer 1 is affected too\.$/);
    expect(p.layer).toBe(1);
  });
  test('deeper layers see the previous layer\'s outputs: E[h²] agrees with a Monte Carlo estimate', () => {
    const inits = layerInits(parse(text).spec!, parse(text).facts!, true)!;
    // E[σ(z)²] for z ~ N(0, 32), by sampling (an estimate independent of the quadrature).
    const random = (() => {
      let a = 12345;
      return () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296);
    })();
    let sum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()) * Math.sqrt(32);
      sum += (1 / (1 + Math.exp(-z))) ** 2;
    }
    expect(inits[1].inputSecondMoment).toBeCloseTo(sum / n, 2);
    expect(inits[1].zStd).toBeCloseTo(Math.sqrt(16 * 16 * inits[1].inputSecondMoment), 10);
  });
  test('uses the data\'s input width as the first layer\'s fan-in', () => {
    // iris: fan-in 4, tanh, std 2 → σ_z = 4, P(|z| > 3) ≈ 45%.
    const iris = model({ data: { dataset: 'iris' }, layers: [{ units: 8, activation: 'tanh', init: { distribution: 'gaussian', std: 2 } }, { units: 3, activation: 'softmax' }] });
    const p = only(parse(iris), 'init-saturation');
    expect(p.message).toMatch(/fan-in 4/);
    expect(p.message).toMatch(/about 45%/);
    expectRangeAt(iris, p.range, '{"distribution":"gaussian","std":2}');
  });
  test('below the threshold share it stays quiet', () => {
    // fan-in 2, std 1, tanh: σ_z = 1.41, P(|z| > 3) ≈ 3.4% < 10%.
    expect(twoSidedTail(3, Math.SQRT2)).toBeLessThan(THRESHOLDS.initSaturationShare);
    expect(codes(parse(model({ data: { generator: 'xor' }, layers: [{ units: 4, activation: 'tanh' }, { units: 1 }], init: { distribution: 'gaussian', std: 1 } })))).toEqual([]);
  });
  test('erfc agrees with known values', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.157299207, 6);
    expect(erfc(-1)).toBeCloseTo(1.842700793, 6);
    // The 3σ rule: 99.73% within ±3σ.
    expect(1 - twoSidedTail(3, 1)).toBeCloseTo(0.9973, 4);
  });
  test('fix: xavier', () => {
    expectFixResolves(text, 'init-saturation', /xavier/);
  });
});

describe('learning-rate-high', () => {
  const text = XOR_TEXT.replace('"learningRate": 0.1', '"learningRate": 3');
  test('triggers at 1 and above', () => {
    const p = only(parse(text), 'learning-rate-high');
    expectRangeAt(text, p.range, '3', '"learningRate": ');
    expect(p.message).toMatch(/usually below 1/);
    expect(codes(parse(XOR_TEXT.replace('"learningRate": 0.1', '"learningRate": 1')))).toEqual(['learning-rate-high']);
    expect(codes(parse(XOR_TEXT.replace('"learningRate": 0.1', '"learningRate": 0.9')))).toEqual([]);
  });
  test('adam is held to 0.1', () => {
    expect(codes(parse(XOR_TEXT.replace('"sgd"', '"adam"').replace('"learningRate": 0.1', '"learningRate": 0.5')))).toEqual(['learning-rate-high']);
  });
  test('the perceptron rule is exempt', () => {
    expect(codes(parse(model({ data: { generator: 'gaussian' }, layers: [{ units: 1, activation: 'sign' }], training: { optimizer: 'perceptron', learningRate: 5 } })))).toEqual([]);
  });
  test('fix: 10× lower, written as a person would', () => {
    expect(expectFixResolves(text, 'learning-rate-high', /10×/)).toContain('"learningRate": 0.3,');
  });
});

describe('softmax-mse', () => {
  const text = model({ data: { dataset: 'iris' }, layers: [{ units: 8 }, { units: 3, activation: 'softmax' }], loss: 'mse' });
  test('triggers on the loss', () => {
    expectRangeAt(text, only(parse(text), 'softmax-mse').range, '"mse"');
  });
  test('fix: cross-entropy', () => {
    expectFixResolves(text, 'softmax-mse', /cross-entropy/);
  });
});

describe('dropout-on-output', () => {
  const text = model({ data: { generator: 'xor' }, layers: [{ units: 8 }, { units: 1, dropout: 0.5 }] });
  test('triggers on the output dropout value', () => {
    expectRangeAt(text, only(parse(text), 'dropout-on-output').range, '0.5');
  });
  test('fix: remove it', () => {
    expectFixResolves(text, 'dropout-on-output', /Remove/);
  });
});

describe('extra lessons', () => {
  test('mse-sigmoid: information, not a warning', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1, activation: 'sigmoid' }], loss: 'mse' });
    const p = only(parse(text), 'mse-sigmoid');
    expect(p.severity).toBe('info');
    expectRangeAt(text, p.range, '"mse"');
  });

  test('deep-sigmoid: 0.25ⁿ', () => {
    const text = model({ data: { generator: 'xor' }, layers: [...Array(4).fill({ units: 8, activation: 'sigmoid' }), { units: 1 }] });
    const p = only(parse(text), 'deep-sigmoid');
    expect(p.message).toMatch(/0\.25\^4 ≈ 0\.00391/);
    const fixed = applyFix(text, p.fixes![0]);
    expect(fixed.match(/"relu"/g)).toHaveLength(4);
    expect(codes(parse(fixed))).toEqual([]);
  });

  test('dropout-high: fewer than 2 units survive', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 4, dropout: 0.7 }, { units: 1 }] });
    expect(only(parse(text), 'dropout-high').message).toMatch(/only about 1\.2 survive/);
    expect(codes(parse(model({ data: { generator: 'xor' }, layers: [{ units: 16, dropout: 0.7 }, { units: 1 }] })))).toEqual([]);
  });

  test('init-too-small: N(0, 0.01) through three layers', () => {
    const text = model({ data: { generator: 'spiral' }, layers: [{ units: 16 }, { units: 16 }, { units: 1 }], init: { distribution: 'gaussian', std: 0.01 } });
    const p = only(parse(text), 'init-too-small');
    expect(p.severity).toBe('info');
    expect(p.message).toMatch(/0\.0141 × 0\.04 × 0\.04/);
    expectFixResolves(text, 'init-too-small', /xavier/);
  });

  test('batch-exceeds-data: only for a batch size that was written', () => {
    const text = model({ data: { generator: 'xor', samples: 20, testFraction: 0.5 }, layers: [{ units: 4 }, { units: 1 }], training: { batchSize: 32 } });
    const p = only(parse(text), 'batch-exceeds-data');
    expect(p.message).toMatch(/10 training samples/);
    expectRangeAt(text, p.range, '32');
  });

  test('bounded-output: a sigmoid cannot reach negative targets', () => {
    const text = model({ data: { generator: 'sine' }, layers: [{ units: 8 }, { units: 1, activation: 'sigmoid' }], loss: 'mse' });
    expectFixResolves(text, 'bounded-output', /linear/);
    const inside = model({ data: { inputs: [[0], [1], [2]], targets: [[0.2], [0.5], [0.7]] }, layers: [{ units: 4 }, { units: 1, activation: 'sigmoid' }], loss: 'mse' });
    expect(codes(parse(inside))).toEqual([]);
  });
});
