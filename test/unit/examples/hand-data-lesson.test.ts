// Lesson 25 to its promise, driven as a student drives it: from an empty plane, points are added
// through the same edit the panel's clicks make (src/model/hand-data.ts), then the model is trained
// headlessly. Two classes in two corners are split by the one softmax layer (a line); XOR placed by
// hand is not (a line leaves a corner's points on the wrong side); with the hidden layer the
// lesson's comment suggests, it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../../src/run/headless-run';
import { addPointEdit, handDataView, parseModel } from '../../../src/model/index';
import { applyRowEdits } from '../../../src/model/text/data-rows';

const read = (language: string) => readFileSync(join(__dirname, '../../../examples', language === 'en' ? '' : language, 'hand-data.nn.json'), 'utf8');

/** Adds each [x1, x2, class] as the panel does on a click, one edit after the other. */
function place(text: string, points: [number, number, number][]): string {
  let out = text;
  for (const [x1, x2, k] of points) {
    const spec = parseModel(out).spec;
    const edit = addPointEdit(out, spec?.data, [x1, x2], k, spec?.layers.at(-1));
    if (!edit.ok) throw new Error(`no edit for ${x1}, ${x2}: ${edit.reason}`);
    out = applyRowEdits(out, edit.edits);
  }
  return out;
}

const errors = (text: string) => parseModel(text).problems.filter((p) => p.severity === 'error');

describe.each(['en', 'zh-cn'])('the hand-data lesson (%s)', (language) => {
  const start = read(language);
  /** Step 1: class 0 near the bottom-left corner, class 1 near the top-left. */
  const left: [number, number, number][] = [[-0.8, -0.8, 0], [-0.6, -0.9, 0], [-0.9, -0.5, 0], [-0.8, 0.8, 1], [-0.6, 0.9, 1], [-0.9, 0.5, 1]];
  /** Step 2: class 0 near the top-right too, class 1 near the bottom-right: XOR. */
  const right: [number, number, number][] = [[0.8, 0.8, 0], [0.6, 0.9, 0], [0.9, 0.5, 0], [0.8, -0.8, 1], [0.6, -0.9, 1], [0.9, -0.5, 1]];

  test('starts from an empty plane: no rows, no error, both classes offered, nothing to train yet', () => {
    const parse = parseModel(start);
    expect(errors(start)).toEqual([]);
    const spec = parse.spec;
    expect(spec?.data).toMatchObject({ kind: 'inline', inputs: [], targets: [], plane: { x1: [-1, 1], x2: [-1, 1] }, standardize: false, testFraction: 0 });
    expect(handDataView(spec?.data, spec?.layers.at(-1))).toEqual({ offered: true, classes: ['0', '1'], points: 0, plane: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 } });
    // Headless, as `nn-playground train` runs it: no run and one info, the sentence the panel says.
    const result = run(start);
    expect(result.history).toEqual([]);
    expect(result.trainer).toBeUndefined();
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['no-points-yet', 'info']]);
    expect(result.problems[0]?.range.start.line).toBe(start.split('\n').findIndex((line) => /^\s*"inputs": \[/.test(line)));
  });

  test('the first point is written between the empty brackets, on a line of its own, and one more after it', () => {
    const one = place(start, [[-0.8, -0.8, 0]]);
    expect(one).toContain('"inputs": [\n      [-0.8, -0.8]\n    ],');
    expect(one).toContain('"targets": [\n      [1, 0]\n    ],');
    const two = place(one, [[-0.8, 0.8, 1]]);
    expect(two).toContain('"inputs": [\n      [-0.8, -0.8],\n      [-0.8, 0.8]\n    ],');
    expect(two).toContain('"targets": [\n      [1, 0],\n      [0, 1]\n    ],');
    // One point is enough to train on, and the plane stays the file's, not the point's box.
    const trained = run(one);
    expect(trained.history).toHaveLength(300);
    expect(trained.trainer?.outputGrid(5)).toMatchObject({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
  });

  test('step 1: two classes in two corners, and one line (the softmax layer) separates them', () => {
    const text = place(start, left);
    expect(parseModel(text).spec?.data).toMatchObject({ inputs: { length: 6 }, targets: { length: 6 } });
    expect(errors(text)).toEqual([]);
    expect(run(text).train?.accuracy).toBe(1);
  });

  test('step 2: XOR placed by hand, one line does not separate it; step 3: a hidden layer does', () => {
    const xor = place(start, [...left, ...right]);
    const oneLine = run(xor);
    expect(oneLine.train?.accuracy).toBeLessThan(1);
    const hidden = xor.replace('{ "units": 2, "activation": "softmax" }', '{ "units": 8, "activation": "tanh" },\n    { "units": 2, "activation": "softmax" }');
    expect(hidden).not.toBe(xor);
    expect(errors(hidden)).toEqual([]);
    expect(run(hidden).train?.accuracy).toBe(1);
  });
});
