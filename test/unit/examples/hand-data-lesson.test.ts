// Lesson 25 to its promise, driven as a student drives it: points are added through the same edit
// the panel's clicks make (src/model/hand-data.ts), then the model is trained headlessly. A corner
// of class 1 is cut off by the one softmax layer (a line); XOR placed by hand is not (a line leaves
// one corner's points on the wrong side); with the hidden layer the first comment suggests, it is.
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
    const edit = addPointEdit(out, parseModel(out).spec?.data, [x1, x2], k);
    if (!edit.ok) throw new Error(`no edit for ${x1}, ${x2}: ${edit.reason}`);
    out = applyRowEdits(out, edit.edits);
  }
  return out;
}

const errors = (text: string) => parseModel(text).problems.filter((p) => p.severity === 'error');

describe.each(['en', 'zh-cn'])('the hand-data lesson (%s)', (language) => {
  const start = read(language);
  /** A few class-1 points near the top-left corner (step 1 of the lesson). */
  const topLeft: [number, number, number][] = [[-0.8, 0.8, 1], [-0.6, 0.9, 1], [-0.9, 0.5, 1], [-0.5, 0.6, 1]];
  /** And near the bottom-right corner (step 2: XOR with the two class-0 corners). */
  const bottomRight: [number, number, number][] = [[0.8, -0.8, 1], [0.6, -0.9, 1], [0.9, -0.5, 1], [0.5, -0.6, 1]];

  test('starts nearly empty: two class-0 points in the corners, both classes offered', () => {
    expect(errors(start)).toEqual([]);
    const data = parseModel(start).spec?.data;
    expect(data).toMatchObject({ kind: 'inline', inputs: [[-1, -1], [1, 1]], targets: [[1, 0], [1, 0]], standardize: false, testFraction: 0 });
    expect(handDataView(data)).toEqual({ offered: true, classes: ['0', '1'] });
    expect(run(start).train?.accuracy).toBe(1);
  });

  test('step 1: class 1 in one corner, and one line (the softmax layer) cuts it off', () => {
    const text = place(start, topLeft);
    expect(parseModel(text).spec?.data).toMatchObject({ inputs: { length: 6 }, targets: { length: 6 } });
    // The first new row is written as class 1 is: one-hot, spaced like the file's rows.
    expect(text).toContain('[0, 1]');
    expect(errors(text)).toEqual([]);
    expect(run(text).train?.accuracy).toBe(1);
  });

  test('step 2: XOR placed by hand, one line does not separate it; step 3: a hidden layer does', () => {
    const xor = place(start, [...topLeft, ...bottomRight]);
    const oneLine = run(xor);
    // The class-0 corners lie on either side of the class-1 band x1 + x2 ≈ 0: a line leaves one out.
    expect(oneLine.train?.accuracy).toBeLessThan(1);
    const hidden = xor.replace('{ "units": 2, "activation": "softmax" }', '{ "units": 8, "activation": "tanh" },\n    { "units": 2, "activation": "softmax" }');
    expect(hidden).not.toBe(xor);
    expect(errors(hidden)).toEqual([]);
    expect(run(hidden).train?.accuracy).toBe(1);
  });
});
