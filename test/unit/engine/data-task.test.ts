// The data section's "task" override, as the engine's data builders read it: a numeric CSV or
// inline target becomes classes (each distinct whole number one class, in increasing order) or
// stays numbers, whatever the automatic rule would have said. Labels are checked row by row
// against the feature that generated them, so a wrong class order cannot pass.

import { describe, expect, test } from 'vitest';
import { EngineError } from '../../../src/engine/errors';
import { makeDataset, MAX_NUMERIC_CLASSES, type DataSource, type Dataset } from '../../../src/engine/index';

const RAW = { testFraction: 0, standardize: false };

/** Every (feature row, label) of a dataset's training split. */
function rows(d: Dataset): { x: number[]; y: number }[] {
  return Array.from({ length: d.train.n }, (_, r) => ({ x: Array.from(d.train.x.subarray(r * d.inputSize, (r + 1) * d.inputSize)), y: d.train.y[r] }));
}

/** A CSV whose column `id` identifies the row, so each built row can be traced back to its label. */
function csv(labels: string[]): string {
  return `id,label\n${labels.map((l, i) => `${i},${l}`).join('\n')}\n`;
}

function thrown(run: () => unknown): EngineError & { field?: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError & { field?: string };
  }
  throw new Error('expected the data builder to refuse');
}

describe('CSV target column', () => {
  const labels = ['0', '1', '1', '0', '1', '0'];

  test('a 0/1 column is a regression unless "task" says classification', () => {
    const auto = makeDataset({ kind: 'csv', text: csv(labels), target: 'label' }, RAW, 1);
    expect(auto.kind).toBe('regression');
    const classes = makeDataset({ kind: 'csv', text: csv(labels), target: 'label', task: 'classification' }, RAW, 1);
    expect(classes.kind).toBe('classification');
    expect(classes.classes).toBe(2);
    expect(classes.classNames).toEqual(['0', '1']);
    expect(classes.targetSize).toBe(1);
    for (const { x, y } of rows(classes)) expect(y).toBe(Number(labels[x[0]]));
  });

  test('numeric classes are numbered in increasing order of value, not as first seen or as text', () => {
    // First seen: 10, 2, −1; as text "10" < "2". Numerically: −1, 2, 10.
    const values = ['10', '2', '-1', '2', '10', '-1', '10'];
    const d = makeDataset({ kind: 'csv', text: csv(values), target: 'label', task: 'classification' }, RAW, 3);
    expect(d.classNames).toEqual(['-1', '2', '10']);
    const expected: Record<string, number> = { '-1': 0, '2': 1, '10': 2 };
    for (const { x, y } of rows(d)) expect(y).toBe(expected[values[x[0]]]);
  });

  test('text labels with "classification" are read as without it', () => {
    const text = csv(['cat', 'dog', 'cat', 'bird']);
    const auto = makeDataset({ kind: 'csv', text, target: 'label' }, RAW, 1);
    const told = makeDataset({ kind: 'csv', text, target: 'label', task: 'classification' }, RAW, 1);
    expect(told.classNames).toEqual(['cat', 'dog', 'bird']);
    expect(rows(told)).toEqual(rows(auto));
  });

  test('"regression" keeps numbers as they are and refuses a text label, naming its line', () => {
    const d = makeDataset({ kind: 'csv', text: csv(['0.5', '1', '2']), target: 'label', task: 'regression' }, RAW, 1);
    expect(d.kind).toBe('regression');
    expect(rows(d).map((r) => r.y).sort()).toEqual([0.5, 1, 2]);
    const error = thrown(() => makeDataset({ kind: 'csv', text: csv(['0.5', 'cat', '2']), target: 'label', task: 'regression' }, RAW, 1));
    // Header on line 1, so the second sample is on line 3.
    expect(error.message).toMatch(/^CSV line 3, column "label": "cat" is not a number, but "task": "regression" predicts a number/);
    expect(error.field).toBe('task');
  });

  test('a number that is not whole is refused, on its line', () => {
    const error = thrown(() => makeDataset({ kind: 'csv', text: csv(['0', '1', '2.5', '1']), target: 'label', task: 'classification' }, RAW, 1));
    expect(error.message).toMatch(/^CSV line 4, column "label": "2\.5" is not a whole number, but "task": "classification" makes each value of the target a class/);
    expect(error.field).toBe('task');
  });

  test(`at most ${MAX_NUMERIC_CLASSES} distinct numbers become classes`, () => {
    const many = (k: number) => Array.from({ length: k }, (_, i) => String(i * 3));
    const ok = makeDataset({ kind: 'csv', text: csv(many(MAX_NUMERIC_CLASSES)), target: 'label', task: 'classification' }, RAW, 1);
    expect(ok.classes).toBe(MAX_NUMERIC_CLASSES);
    const error = thrown(() => makeDataset({ kind: 'csv', text: csv(many(MAX_NUMERIC_CLASSES + 1)), target: 'label', task: 'classification' }, RAW, 1));
    expect(error.message).toBe(
      `CSV target column "label" holds ${MAX_NUMERIC_CLASSES + 1} distinct numbers, but "task": "classification" allows at most ${MAX_NUMERIC_CLASSES} classes (one per value): a column with that many values is a quantity, use "task": "regression"`,
    );
    expect(error.field).toBe('task');
  });

  test('a single value is not two classes', () => {
    expect(thrown(() => makeDataset({ kind: 'csv', text: csv(['1', '1', '1']), target: 'label', task: 'classification' }, RAW, 1)).message).toMatch(/single value 1/);
  });

  test('other data errors carry no field: they are fixed in the file', () => {
    expect(thrown(() => makeDataset({ kind: 'csv', text: 'id,label\n0,\n', target: 'label', task: 'classification' }, RAW, 1)).field).toBeUndefined();
  });
});

describe('inline targets', () => {
  const inputs = [[0], [1], [2], [3], [4], [5]];
  const build = (targets: number[][], task?: 'classification' | 'regression') =>
    makeDataset({ kind: 'inline', inputs, targets, ...(task !== undefined ? { task } : {}) } as DataSource, RAW, 1);

  test('"regression" keeps a 0/1 column and one-hot rows as numbers', () => {
    const zeroOne = build([[0], [1], [1], [0], [1], [0]], 'regression');
    expect([zeroOne.kind, zeroOne.targetSize]).toEqual(['regression', 1]);
    const oneHot = build([[1, 0], [0, 1], [0, 1], [1, 0], [0, 1], [1, 0]], 'regression');
    expect([oneHot.kind, oneHot.targetSize]).toEqual(['regression', 2]);
    for (const { x } of rows(oneHot)) expect(x.length).toBe(1);
    expect(Array.from(oneHot.train.y).filter((v) => v === 1)).toHaveLength(6);
  });

  test('"classification" makes labels 3 and 7 two classes, which the automatic rule calls a regression', () => {
    const targets = [[3], [7], [7], [3], [7], [3]];
    expect(build(targets).kind).toBe('regression');
    const d = build(targets, 'classification');
    expect([d.kind, d.classes, d.classNames]).toEqual(['classification', 2, ['3', '7']]);
    for (const { x, y } of rows(d)) expect(y).toBe(targets[x[0]][0] === 7 ? 1 : 0);
  });

  test('"classification" reads 0…K−1 and −1/1 exactly as the automatic rule does', () => {
    for (const targets of [[[0], [1], [2], [2], [1], [0]], [[-1], [1], [1], [-1], [1], [-1]]]) {
      const auto = build(targets);
      const told = build(targets, 'classification');
      expect([told.classes, told.classNames]).toEqual([auto.classes, auto.classNames]);
      expect(rows(told)).toEqual(rows(auto));
    }
  });

  test('"classification" refuses rows that are not one-hot and labels that are not whole', () => {
    const notOneHot = thrown(() => build([[1, 0], [0, 1], [1, 1], [1, 0], [0, 1], [1, 0]], 'classification'));
    expect(notOneHot.message).toMatch(/targets row 3 \(targets\[2\]\) is not one-hot/);
    expect(notOneHot.field).toBe('task');
    expect(thrown(() => build([[0], [1], [0.5], [0], [1], [0]], 'classification')).message).toMatch(/targets row 3 \(targets\[2\]\) is 0\.5, not a whole number/);
  });
});
