import { describe, expect, it } from 'vitest';
import { makeDataset, PLANE } from '../../../src/engine/data';
import { EngineError } from '../../../src/engine/errors';
import { GENERATORS, type DataSource, type GeneratorName } from '../../../src/engine/types';
import { countLabels } from './helpers';

// Raw coordinates (no standardisation, no test split) so geometry can be checked directly.
const raw = { testFraction: 0, standardize: false };
const gen = (generator: GeneratorName, samples = 400, noise = 0, classes?: number): DataSource => ({
  kind: 'generator',
  generator,
  samples,
  noise,
  ...(classes === undefined ? {} : { classes }),
});

describe('generators: determinism and shape', () => {
  it.each(GENERATORS)('%s: same seed gives identical arrays, another seed differs', (name) => {
    const a = makeDataset(gen(name, 200, 0.1), { testFraction: 0.25 }, 7);
    const b = makeDataset(gen(name, 200, 0.1), { testFraction: 0.25 }, 7);
    const c = makeDataset(gen(name, 200, 0.1), { testFraction: 0.25 }, 8);
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(Array.from(a.train.y)).toEqual(Array.from(b.train.y));
    expect(Array.from(a.test.x)).toEqual(Array.from(b.test.x));
    expect(Array.from(a.train.x)).not.toEqual(Array.from(c.train.x));
  });

  it.each(GENERATORS)('%s: shapes agree with the declared sizes', (name) => {
    const d = makeDataset(gen(name, 301, 0.05), { testFraction: 0.2 }, 1);
    expect(d.train.n + d.test.n).toBe(301);
    expect(d.test.n).toBe(60);
    expect(d.train.x.length).toBe(d.train.n * d.inputSize);
    expect(d.test.x.length).toBe(d.test.n * d.inputSize);
    expect(d.train.y.length).toBe(d.train.n * d.targetSize);
    expect(d.featureNames).toHaveLength(d.inputSize);
    expect(d.inputSize).toBe(name === 'sine' ? 1 : 2);
    expect(d.targetSize).toBe(1);
    for (const v of [...d.train.x, ...d.train.y, ...d.test.x, ...d.test.y]) expect(Number.isFinite(v)).toBe(true);
    if (d.kind === 'classification') {
      expect(d.classNames).toHaveLength(d.classes);
      for (const label of [...d.train.y, ...d.test.y]) expect(Number.isInteger(label) && label >= 0 && label < d.classes).toBe(true);
    } else {
      expect(d.classes).toBe(0);
    }
  });

  it('classification generators are balanced across classes', () => {
    for (const [name, classes] of [['xor', 2], ['circle', 2], ['gaussian', 2], ['moons', 2], ['spiral', 3], ['blobs', 5]] as const) {
      const d = makeDataset(gen(name, 600, 0.1, name === 'spiral' || name === 'blobs' ? classes : undefined), raw, 3);
      expect(d.classes).toBe(classes);
      expect(countLabels(d.train.y, classes)).toEqual(new Array(classes).fill(600 / classes));
    }
  });
});

describe('generators: label geometry', () => {
  it('xor: without noise the label is the sign of x1·x2', () => {
    const d = makeDataset(gen('xor', 1000), raw, 11);
    for (let i = 0; i < d.train.n; i++) {
      const product = d.train.x[2 * i] * d.train.x[2 * i + 1];
      expect(d.train.y[i]).toBe(product > 0 ? 1 : 0);
    }
  });

  it('xor: with noise, points well away from the axes still follow the sign rule', () => {
    const noise = 0.05;
    const d = makeDataset(gen('xor', 2000, noise), raw, 12);
    let checked = 0;
    let flipped = 0;
    for (let i = 0; i < d.train.n; i++) {
      const [a, b] = [d.train.x[2 * i], d.train.x[2 * i + 1]];
      if (Math.abs(a) < 6 * noise || Math.abs(b) < 6 * noise) continue;
      checked++;
      if (d.train.y[i] !== (a * b > 0 ? 1 : 0)) flipped++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(flipped).toBe(0);
    // and the noise does move points: some land near or across an axis
    const nearAxis = Array.from({ length: d.train.n }, (_, i) => Math.min(Math.abs(d.train.x[2 * i]), Math.abs(d.train.x[2 * i + 1])));
    expect(Math.min(...nearAxis)).toBeLessThan(0.01);
  });

  it('circle: class 1 lies in the disc (r ≤ 0.5), class 0 on the ring (0.7 ≤ r ≤ 1)', () => {
    const d = makeDataset(gen('circle', 1000), raw, 5);
    for (let i = 0; i < d.train.n; i++) {
      const r = Math.hypot(d.train.x[2 * i], d.train.x[2 * i + 1]);
      if (d.train.y[i] === 1) expect(r).toBeLessThanOrEqual(0.5);
      else {
        expect(r).toBeGreaterThanOrEqual(0.7);
        expect(r).toBeLessThanOrEqual(1);
      }
    }
  });

  it('circle: the disc is filled uniformly by area (half its points within r = 0.5/√2)', () => {
    const d = makeDataset(gen('circle', 4000), raw, 6);
    const radii: number[] = [];
    for (let i = 0; i < d.train.n; i++) if (d.train.y[i] === 1) radii.push(Math.hypot(d.train.x[2 * i], d.train.x[2 * i + 1]));
    const inside = radii.filter((r) => r < 0.5 / Math.SQRT2).length / radii.length;
    expect(inside).toBeGreaterThan(0.45);
    expect(inside).toBeLessThan(0.55);
  });

  it('gaussian: the two blobs sit on either side of the line x1 + x2 = 0', () => {
    const d = makeDataset(gen('gaussian', 1000), raw, 9);
    let wrongSide = 0;
    for (let i = 0; i < d.train.n; i++) {
      const side = d.train.x[2 * i] + d.train.x[2 * i + 1] > 0 ? 1 : 0;
      if (side !== d.train.y[i]) wrongSide++;
    }
    // centres at ±(0.5, 0.5), spread 0.15 per axis: the distance to the line is 0.707/0.15 ≈ 4.7σ
    expect(wrongSide).toBeLessThanOrEqual(1);
  });

  it('spiral: every arm winds outwards, each point at angle 2π(1.75·r + k/K) for its arm k', () => {
    const classes = 3;
    const d = makeDataset(gen('spiral', 600, 0, classes), raw, 4);
    for (let i = 0; i < d.train.n; i++) {
      const [a, b] = [d.train.x[2 * i], d.train.x[2 * i + 1]];
      const r = Math.hypot(a, b);
      if (r < 1e-6) continue;
      const expected = 2 * Math.PI * (1.75 * r + d.train.y[i] / classes);
      // compare directions, which is independent of how many turns were made
      expect(Math.cos(expected) * a + Math.sin(expected) * b).toBeCloseTo(r, 9);
    }
  });

  it('moons: without noise each point lies on its own unit half circle', () => {
    const d = makeDataset(gen('moons', 500), raw, 2);
    for (let i = 0; i < d.train.n; i++) {
      const [a, b] = [d.train.x[2 * i], d.train.x[2 * i + 1]];
      if (d.train.y[i] === 0) {
        expect(Math.hypot(a + 0.5, b + 0.25)).toBeCloseTo(1, 9);
        expect(b + 0.25).toBeGreaterThanOrEqual(0);
      } else {
        expect(Math.hypot(a - 0.5, b - 0.25)).toBeCloseTo(1, 9);
        expect(b - 0.25).toBeLessThanOrEqual(0);
      }
    }
  });

  it('blobs: each cluster is centred near its point on the unit circle', () => {
    const classes = 4;
    const d = makeDataset(gen('blobs', 4000, 0, classes), raw, 8);
    for (let k = 0; k < classes; k++) {
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (let i = 0; i < d.train.n; i++) {
        if (d.train.y[i] !== k) continue;
        sx += d.train.x[2 * i];
        sy += d.train.x[2 * i + 1];
        count++;
      }
      const angle = (2 * Math.PI * k) / classes;
      expect(sx / count).toBeCloseTo(Math.cos(angle), 1);
      expect(sy / count).toBeCloseTo(Math.sin(angle), 1);
    }
  });

  it('plane: without noise the target is exactly the documented linear function', () => {
    const d = makeDataset(gen('plane', 200), raw, 1);
    for (let i = 0; i < d.train.n; i++) {
      expect(d.train.y[i]).toBeCloseTo(PLANE.w1 * d.train.x[2 * i] + PLANE.w2 * d.train.x[2 * i + 1] + PLANE.bias, 12);
    }
  });

  it('plane: noise is added to the target with the requested standard deviation', () => {
    const noise = 0.3;
    const d = makeDataset(gen('plane', 20000, noise), raw, 1);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < d.train.n; i++) {
      const residual = d.train.y[i] - (PLANE.w1 * d.train.x[2 * i] + PLANE.w2 * d.train.x[2 * i + 1] + PLANE.bias);
      sum += residual;
      sumSq += residual * residual;
    }
    expect(Math.abs(sum / d.train.n)).toBeLessThan(0.01);
    expect(Math.sqrt(sumSq / d.train.n)).toBeCloseTo(noise, 2);
  });

  it('sine: y = sin(x) over [−π, π] without noise', () => {
    const d = makeDataset(gen('sine', 300), raw, 1);
    expect(d.kind).toBe('regression');
    for (let i = 0; i < d.train.n; i++) {
      expect(Math.abs(d.train.x[i])).toBeLessThanOrEqual(Math.PI);
      expect(d.train.y[i]).toBeCloseTo(Math.sin(d.train.x[i]), 12);
    }
  });
});

describe('generators: bad parameters', () => {
  const bad = (source: DataSource) => () => makeDataset(source, { testFraction: 0.2 }, 1);
  it('rejects wrong sample counts, negative noise and impossible class counts with EngineError', () => {
    expect(bad(gen('xor', 0))).toThrow(EngineError);
    expect(bad(gen('xor', 10.5))).toThrow(/samples/);
    expect(bad(gen('xor', 100, -0.1))).toThrow(/noise/);
    expect(bad(gen('xor', 100, Number.NaN))).toThrow(/noise/);
    expect(bad(gen('xor', 100, 0, 3))).toThrow(/xor.*2 classes/);
    expect(bad(gen('spiral', 100, 0, 1))).toThrow(/classes/);
    expect(bad(gen('sine', 100, 0, 2))).toThrow(/regression/);
    expect(bad({ kind: 'generator', generator: 'nope' as GeneratorName, samples: 10, noise: 0 })).toThrow(/unknown generator "nope"/);
  });
});
