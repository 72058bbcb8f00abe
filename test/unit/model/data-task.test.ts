// "task" in the data section: parsed for inline and CSV data, refused where it cannot hold (on the
// exact value to change), and carried to the engine, whose dataset must then have that task.

import { describe, expect, test } from 'vitest';
import { makeDataset, MAX_NUMERIC_CLASSES } from '../../../src/engine/index';
import { checkCsv, toTrainerInputs } from '../../../src/model/index';
import { codes, expectRangeAt, model, only, parse } from './helpers';

const sigmoidOut = [{ units: 4 }, { units: 1, activation: 'sigmoid' }];
const LABELS_01 = 'x1,x2,label\n0.1,0.2,0\n0.3,0.1,1\n0.9,0.8,0\n0.5,0.4,1\n0.2,0.7,1\n0.6,0.6,0\n';

function dataset(text: string, csvText?: string) {
  const r = parse(text);
  expect(r.spec, JSON.stringify(r.problems)).toBeDefined();
  const inputs = toTrainerInputs(r.spec!, csvText);
  return { r, inputs, built: makeDataset(inputs.data, inputs.dataOptions, inputs.options.seed) };
}

describe('parsing "task"', () => {
  test('absent, the spec has no task and the targets decide, as before', () => {
    const r = parse(model({ data: { inputs: [[0], [1], [2]], targets: [[3], [7], [3]] }, layers: [{ units: 1, activation: 'linear' }] }));
    expect(r.spec?.data).not.toHaveProperty('task');
    expect(r.facts?.task).toBe('regression');
  });

  test('inline "classification" makes 3/7 labels two classes, statically and in the engine', () => {
    const text = model({ data: { inputs: [[0], [1], [2], [3]], targets: [[3], [7], [7], [3]], task: 'classification', testFraction: 0 }, layers: sigmoidOut });
    const { r, inputs, built } = dataset(text);
    expect(r.spec?.data).toMatchObject({ kind: 'inline', task: 'classification' });
    expect(r.facts).toMatchObject({ task: 'classification', classes: 2 });
    expect(inputs.data).toMatchObject({ kind: 'inline', task: 'classification' });
    expect([built.kind, built.classes, built.classNames]).toEqual(['classification', 2, ['3', '7']]);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('inline "regression" keeps 0/1 targets numbers, and the facts say so', () => {
    const text = model({ data: { inputs: [[0], [1], [2], [3]], targets: [[0], [1], [1], [0]], task: 'regression' }, layers: [{ units: 4 }, { units: 1, activation: 'linear' }], loss: 'mse' });
    const { r, built } = dataset(text);
    expect(r.facts).toMatchObject({ task: 'regression', targetSize: 1 });
    expect(built.kind).toBe('regression');
  });

  test('CSV: the spec and the engine source carry it', () => {
    const text = model({ data: { csv: 'labels.csv', target: 'label', task: 'classification' }, layers: sigmoidOut });
    const { r, inputs, built } = dataset(text, LABELS_01);
    expect(r.spec?.data).toEqual({ kind: 'csv', path: 'labels.csv', target: 'label', task: 'classification', testFraction: 0.2, standardize: true });
    expect(inputs.data).toMatchObject({ kind: 'csv', task: 'classification' });
    expect([built.kind, built.classes, built.classNames]).toEqual(['classification', 2, ['0', '1']]);
  });

  test('an unknown task: on the value, with a did-you-mean', () => {
    const text = model({ data: { csv: 'labels.csv', target: 'label', task: 'clasification' }, layers: sigmoidOut });
    const r = parse(text);
    const p = only(r, 'unknown-task');
    expectRangeAt(text, p.range, '"clasification"');
    expect(p.message).toMatch(/^Unknown task "clasification"\. Did you mean "classification"\?/);
    expect(r.spec).toBeUndefined();
  });

  test('a task that is not text: on the value', () => {
    const text = model({ data: { inputs: [[0], [1]], targets: [[0], [1]], task: 2 }, layers: sigmoidOut });
    expectRangeAt(text, only(parse(text), 'wrong-type').range, '2', '"task":');
  });

  test('a generator decides its own task: "task" there is an unknown field, on its key', () => {
    const text = model({ data: { generator: 'xor', task: 'regression' }, layers: sigmoidOut });
    const p = only(parse(text), 'unknown-field');
    expectRangeAt(text, p.range, '"task"');
  });
});

describe('inline "classification" refused where the targets make no classes, on the value to change', () => {
  test('a label that is not a whole number: on that cell', () => {
    const text = model({ data: { inputs: [[0], [1], [2]], targets: [[0], [1], [2.5]], task: 'classification' }, layers: sigmoidOut });
    const r = parse(text);
    const p = only(r, 'task-mismatch');
    expectRangeAt(text, p.range, '2.5');
    expect(p.message).toMatch(/^Row 3 of "targets" holds 2\.5, not a whole number, but "task": "classification" makes each target value a class/);
    expect(r.spec).toBeUndefined();
  });

  test('several columns that are not one-hot: on the row', () => {
    const text = model({ data: { inputs: [[0], [1], [2]], targets: [[1, 0], [1, 1], [0, 1]], task: 'classification' }, layers: sigmoidOut });
    const p = only(parse(text), 'task-mismatch');
    expectRangeAt(text, p.range, '[1,1]');
    expect(p.message).toMatch(/^Row 2 of "targets" is not one-hot/);
  });

  test(`more than ${MAX_NUMERIC_CLASSES} distinct labels: on the task`, () => {
    const n = MAX_NUMERIC_CLASSES + 1;
    const text = model({ data: { inputs: Array.from({ length: n }, (_, i) => [i]), targets: Array.from({ length: n }, (_, i) => [i * 2]), task: 'classification' }, layers: sigmoidOut });
    const p = only(parse(text), 'task-mismatch');
    expectRangeAt(text, p.range, '"classification"');
    expect(p.message).toMatch(new RegExp(`holds ${n} distinct values; at most ${MAX_NUMERIC_CLASSES} classes`));
    // One fewer is accepted.
    const fewer = model({ data: { inputs: Array.from({ length: n - 1 }, (_, i) => [i]), targets: Array.from({ length: n - 1 }, (_, i) => [i * 2]), task: 'classification' }, layers: [{ units: n - 1, activation: 'softmax' }] });
    expect(codes(parse(fewer))).not.toContain('task-mismatch');
  });

  test('a single label: on the task', () => {
    const text = model({ data: { inputs: [[0], [1]], targets: [[4], [4]], task: 'classification' }, layers: sigmoidOut });
    const p = only(parse(text), 'task-mismatch');
    expectRangeAt(text, p.range, '"classification"');
    expect(p.message).toMatch(/Every target is 4/);
  });
});

describe('CSV "task" checked against the file, on the task', () => {
  const text = (task: string) => model({ data: { csv: 'labels.csv', target: 'label', task }, layers: sigmoidOut });

  test('a 0/1 label column: "classification" fits a single sigmoid output', () => {
    expect(checkCsv(parse(text('classification')), LABELS_01)).toEqual([]);
  });

  test('"classification" of a column holding 2.5: the file line, on "task"', () => {
    const written = text('classification');
    const problems = checkCsv(parse(written), LABELS_01.replace('0.9,0.8,0', '0.9,0.8,2.5'));
    expect(codes(problems)).toEqual(['task-mismatch']);
    expectRangeAt(written, problems[0].range, '"classification"');
    expect(problems[0].message).toMatch(/^The CSV file "labels\.csv": CSV line 4, column "label": "2\.5" is not a whole number/);
  });

  test('"regression" of a column with text: the file line, on "task"', () => {
    const written = text('regression');
    const problems = checkCsv(parse(written), LABELS_01.replace('0.3,0.1,1', '0.3,0.1,yes'));
    expect(codes(problems)).toEqual(['task-mismatch']);
    expectRangeAt(written, problems[0].range, '"regression"');
    expect(problems[0].message).toMatch(/CSV line 3, column "label": "yes" is not a number/);
  });

  test('a bad feature cell is still the file\'s problem, on "csv"', () => {
    const written = text('classification');
    const problems = checkCsv(parse(written), LABELS_01.replace('0.3,0.1,1', '0.3,oops,1'));
    expect(codes(problems)).toEqual(['csv-invalid']);
    expectRangeAt(written, problems[0].range, '"labels.csv"');
  });
});
