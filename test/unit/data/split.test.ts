import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/engine/data';
import { EngineError } from '../../../src/engine/errors';
import type { DataSource } from '../../../src/engine/types';
import { column, countLabels, mean, populationStd } from './helpers';

const spiral: DataSource = { kind: 'generator', generator: 'spiral', samples: 500, noise: 0.1, classes: 2 };

const rowsOf = (x: Float64Array, width: number, y: Float64Array, targetWidth: number) =>
  Array.from({ length: x.length / width }, (_, i) => [...x.subarray(i * width, (i + 1) * width), ...y.subarray(i * targetWidth, (i + 1) * targetWidth)].join(','));

describe('train/test split', () => {
  it('sizes follow testFraction (rounded) and the two splits partition the samples', () => {
    const whole = makeDataset(spiral, { testFraction: 0, standardize: false }, 3);
    for (const fraction of [0, 0.1, 0.25, 0.333, 0.5, 0.9]) {
      const d = makeDataset(spiral, { testFraction: fraction, standardize: false }, 3);
      expect(d.test.n).toBe(Math.round(500 * fraction));
      expect(d.train.n).toBe(500 - d.test.n);
      // the same samples, only divided: the multiset of rows is unchanged
      const together = [...rowsOf(d.train.x, 2, d.train.y, 1), ...rowsOf(d.test.x, 2, d.test.y, 1)].sort();
      expect(together).toEqual(rowsOf(whole.train.x, 2, whole.train.y, 1).sort());
    }
  });

  it('keeps the class balance in both splits (stratified)', () => {
    const d = makeDataset({ kind: 'dataset', dataset: 'iris' }, { testFraction: 0.2 }, 42);
    expect(countLabels(d.test.y, 3)).toEqual([10, 10, 10]);
    expect(countLabels(d.train.y, 3)).toEqual([40, 40, 40]);
  });

  it('depends on the seed: another seed puts other samples in the test split', () => {
    const a = makeDataset({ kind: 'dataset', dataset: 'iris' }, { testFraction: 0.2, standardize: false }, 1);
    const b = makeDataset({ kind: 'dataset', dataset: 'iris' }, { testFraction: 0.2, standardize: false }, 2);
    expect(rowsOf(a.test.x, 4, a.test.y, 1).sort()).not.toEqual(rowsOf(b.test.x, 4, b.test.y, 1).sort());
  });

  it('shuffles the training split so classes are interleaved', () => {
    const d = makeDataset({ kind: 'dataset', dataset: 'iris' }, { testFraction: 0 }, 5);
    const firstFifty = countLabels(d.train.y.subarray(0, 50), 3);
    for (const count of firstFifty) expect(count).toBeGreaterThan(5);
  });

  it('rejects a testFraction outside [0, 1) and one that leaves no training sample', () => {
    for (const bad of [-0.1, 1, 1.5, Number.NaN]) {
      expect(() => makeDataset(spiral, { testFraction: bad }, 1)).toThrow(EngineError);
    }
    const tiny: DataSource = { kind: 'generator', generator: 'xor', samples: 2, noise: 0 };
    expect(() => makeDataset(tiny, { testFraction: 0.8 }, 1)).toThrow(/no training samples/);
  });
});

describe('standardisation', () => {
  it('gives every feature mean 0 and standard deviation 1 on the training split', () => {
    const d = makeDataset({ kind: 'dataset', dataset: 'iris' }, { testFraction: 0.3 }, 9);
    for (let j = 0; j < 4; j++) {
      const values = column(d.train, 4, j);
      expect(mean(values)).toBeCloseTo(0, 12);
      expect(populationStd(values)).toBeCloseTo(1, 12);
    }
  });

  it('applies the training statistics to the test split (not its own)', () => {
    const raw = makeDataset({ kind: 'dataset', dataset: 'iris' }, { testFraction: 0.3, standardize: false }, 9);
    const std = makeDataset({ kind: 'dataset', dataset: 'iris' }, { testFraction: 0.3 }, 9);
    for (let j = 0; j < 4; j++) {
      const trainRaw = column(raw.train, 4, j);
      const [m, s] = [mean(trainRaw), populationStd(trainRaw)];
      const testRaw = column(raw.test, 4, j);
      const testStd = column(std.test, 4, j);
      testRaw.forEach((v, i) => expect(testStd[i]).toBeCloseTo((v - m) / s, 12));
      expect(std.standardization?.mean[j]).toBeCloseTo(m, 12);
      expect(std.standardization?.std[j]).toBeCloseTo(s, 12);
    }
  });

  it('leaves the targets alone', () => {
    const raw = makeDataset({ kind: 'generator', generator: 'plane', samples: 100, noise: 0 }, { testFraction: 0.2, standardize: false }, 4);
    const std = makeDataset({ kind: 'generator', generator: 'plane', samples: 100, noise: 0 }, { testFraction: 0.2 }, 4);
    expect(Array.from(std.train.y)).toEqual(Array.from(raw.train.y));
    expect(std.standardization).toBeDefined();
    expect(raw.standardization).toBeUndefined();
  });

  it('centres a constant column without dividing by zero', () => {
    const inputs = Array.from({ length: 20 }, (_, i) => [i, 7]);
    const targets = inputs.map(([a]) => [a * 0.5]);
    const d = makeDataset({ kind: 'inline', inputs, targets }, { testFraction: 0 }, 1);
    expect(column(d.train, 2, 1).every((v) => v === 0)).toBe(true);
    expect(populationStd(column(d.train, 2, 0))).toBeCloseTo(1, 12);
  });
});
