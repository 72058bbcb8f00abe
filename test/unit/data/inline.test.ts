import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/engine/data';
import { EngineError } from '../../../src/engine/errors';

const make = (inputs: number[][], targets: number[][]) => makeDataset({ kind: 'inline', inputs, targets }, { testFraction: 0, standardize: false }, 1);
const XOR_INPUTS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** Label of each input row, read back through the shuffle by matching rows. */
function labelsByInput(d: ReturnType<typeof make>, inputs: number[][]): number[] {
  return inputs.map((row) => {
    for (let i = 0; i < d.train.n; i++) {
      if (row.every((v, j) => d.train.x[i * row.length + j] === v)) return d.train.y[i];
    }
    throw new Error('row lost');
  });
}

describe('inline data: task detection', () => {
  it('single 0/1 labels are two classes', () => {
    const d = make(XOR_INPUTS, [[0], [1], [1], [0]]);
    expect(d.kind).toBe('classification');
    expect(d.classes).toBe(2);
    expect(d.targetSize).toBe(1);
    expect(labelsByInput(d, XOR_INPUTS)).toEqual([0, 1, 1, 0]);
  });

  it('one-hot rows are classes by the position of the 1', () => {
    const d = make(XOR_INPUTS.slice(0, 3), [
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(d.kind).toBe('classification');
    expect(d.classes).toBe(3);
    expect(labelsByInput(d, XOR_INPUTS.slice(0, 3))).toEqual([2, 0, 1]);
  });

  it('−1/+1 labels (the perceptron convention) are two classes, −1 first', () => {
    const d = make(XOR_INPUTS, [[-1], [-1], [-1], [1]]);
    expect(d.kind).toBe('classification');
    expect(d.classNames).toEqual(['-1', '1']);
    expect(labelsByInput(d, XOR_INPUTS)).toEqual([0, 0, 0, 1]);
  });

  it('whole-number labels 0..K−1 with every class present are K classes', () => {
    const d = make(XOR_INPUTS, [[2], [0], [1], [2]]);
    expect(d.kind).toBe('classification');
    expect(d.classes).toBe(3);
  });

  it('anything else is regression: fractions, gaps in the labels, several non-one-hot columns', () => {
    expect(make(XOR_INPUTS, [[0.5], [1], [1], [0]]).kind).toBe('regression');
    expect(make(XOR_INPUTS, [[0], [1], [4], [9]]).kind).toBe('regression');
    expect(make(XOR_INPUTS, [[3], [3], [3], [3]]).kind).toBe('regression');
    const multi = make(XOR_INPUTS, [
      [0, 1],
      [1, 1],
      [0.5, 0],
      [2, 3],
    ]);
    expect(multi.kind).toBe('regression');
    expect(multi.targetSize).toBe(2);
    expect(multi.train.y.length).toBe(8);
  });
});

describe('inline data: validation names the row and column', () => {
  it('ragged rows', () => {
    expect(() => make([[0, 0], [1]], [[0], [1]])).toThrow(/inputs row 2 \(inputs\[1\]\) has 1 value, but row 1 has 2/);
    expect(() => make([[0], [1]], [[0], [1, 2]])).toThrow(/targets row 2/);
  });

  it('non-finite numbers', () => {
    expect(() => make([[0, Number.NaN]], [[1]])).toThrow(/inputs row 1, column 2 \(inputs\[0\]\[1\]\) is not a finite number: NaN/);
    expect(() => make([[0]], [[Number.POSITIVE_INFINITY]])).toThrow(/targets row 1, column 1/);
    expect(() => make([[0, 'a' as unknown as number]], [[1]])).toThrow(EngineError);
  });

  it('mismatched counts and empty arrays', () => {
    expect(() => make([[0], [1]], [[0]])).toThrow(/2 input rows but 1 target row/);
    expect(() => make([], [])).toThrow(/"inputs" is empty/);
    expect(() => make([[]], [[1]])).toThrow(/inputs row 1 \(inputs\[0\]\) is empty/);
  });
});
