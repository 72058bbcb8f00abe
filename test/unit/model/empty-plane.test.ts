// A fixed "plane" and the empty start it allows (lesson 25): what the parser accepts and refuses
// (each refusal on the value to change), the first point written into empty brackets and taken
// back byte for byte, the classes an empty plane offers, and the plane the engine's grid covers.

import { describe, expect, test } from 'vitest';
import { makeDataset } from '../../../src/engine/index';
import { addPointEdit, handDataView, parseModel, removePointEdit } from '../../../src/model/index';
import { applyRowEdits } from '../../../src/model/text/data-rows';
import { emptyPlaneViews } from '../../../src/shared/view-models/hand-points';

const model = (data: string, output = '{ "units": 2, "activation": "softmax" }') =>
  `{\n  "data": ${data},\n  "layers": [${output}],\n  "loss": "cross-entropy",\n  "training": { "optimizer": "adam", "learningRate": 0.05, "epochs": 5 }\n}\n`;
const EMPTY = '{ "plane": { "x1": [-1, 1], "x2": [-2, 2] }, "inputs": [], "targets": [], "standardize": false }';

const problems = (text: string) => parseModel(text).problems.filter((p) => p.severity === 'error').map((p) => ({ code: p.code, text: text.slice(p.range.offset, p.range.offset + p.range.length) }));

describe('the parser', () => {
  test('takes an empty plane, and no rows only with a plane', () => {
    expect(problems(model(EMPTY))).toEqual([]);
    expect(parseModel(model(EMPTY)).spec?.data).toMatchObject({ kind: 'inline', inputs: [], targets: [], plane: { x1: [-1, 1], x2: [-2, 2] } });
    expect(problems(model('{ "inputs": [], "targets": [] }'))).toEqual([
      { code: 'inline-shape', text: '[]' },
      { code: 'inline-shape', text: '[]' },
    ]);
  });

  test('refuses a bad plane on the value to change', () => {
    expect(problems(model('{ "plane": [-1, 1], "inputs": [], "targets": [] }'))).toEqual([{ code: 'wrong-type', text: '[-1, 1]' }]);
    expect(problems(model('{ "plane": { "x1": [1, -1], "x2": [0, 1] }, "inputs": [], "targets": [] }'))).toEqual([{ code: 'plane-range', text: '[1, -1]' }]);
    expect(problems(model('{ "plane": { "x1": [0, 1, 2], "x2": [0, 1] }, "inputs": [], "targets": [] }'))).toEqual([{ code: 'wrong-type', text: '[0, 1, 2]' }]);
    expect(problems(model('{ "plane": { "x1": [0, 1] }, "inputs": [], "targets": [] }')).map((p) => p.code)).toEqual(['missing-field']);
    expect(parseModel(model('{ "plane": { "x1": [0, 1], "x2": [0, 1], "x3": [0, 1] }, "inputs": [], "targets": [] }')).problems.map((p) => p.code)).toContain('unknown-field');
    expect(problems(model('{ "plane": { "x1": [0, 1], "x2": [0, 1] }, "inputs": [[1, 2, 3]], "targets": [[1, 0]] }'))).toEqual([{ code: 'plane-inputs', text: '"plane"' }]);
  });

  test('an empty plane needs a softmax output to name its classes', () => {
    const sigmoid = model(EMPTY, '{ "units": 1, "activation": "sigmoid" }');
    expect(problems(sigmoid)).toEqual([{ code: 'empty-plane-output', text: '"sigmoid"' }]);
    expect(handDataView(parseModel(sigmoid.replace('"cross-entropy"', '"mse"')).spec?.data, { units: 1, activation: 'sigmoid' })).toMatchObject({ offered: false });
  });
});

describe('points on an empty plane', () => {
  test('the classes are the softmax units, and the plane is the file\'s', () => {
    const spec = parseModel(model(EMPTY, '{ "units": 3, "activation": "softmax" }')).spec;
    const view = handDataView(spec?.data, spec?.layers.at(-1));
    expect(view).toEqual({ offered: true, classes: ['0', '1', '2'], points: 0, plane: { xMin: -1, xMax: 1, yMin: -2, yMax: 2 } });
    const drawn = emptyPlaneViews(view);
    expect(drawn?.grid).toMatchObject({ xMin: -1, xMax: 1, yMin: -2, yMax: 2, values: [] });
    expect(drawn?.data).toMatchObject({ kind: 'classification', classes: 3, classNames: ['0', '1', '2'], train: { x: [] }, test: { x: [] } });
    expect(emptyPlaneViews({ ...view, points: 1 } as typeof view)).toBeUndefined();
  });

  test('the first point goes on its own line between brackets on lines of their own, after a comment, with CRLF, and Undo gives the text back', () => {
    const text = model('{\r\n    "plane": { "x1": [-1, 1], "x2": [-1, 1] },\r\n    "inputs": [ // your points\r\n    ],\r\n    "targets": [\r\n    ],\r\n    "standardize": false\r\n  }').replace(/(?<!\r)\n/g, '\r\n');
    const spec = parseModel(text).spec;
    const edit = addPointEdit(text, spec?.data, [0.5, -0.5], 1, spec?.layers.at(-1));
    if (!edit.ok) throw new Error(edit.reason);
    const one = applyRowEdits(text, edit.edits);
    expect(one).toContain('"inputs": [ // your points\r\n      [0.5, -0.5]\r\n    ],');
    expect(one).toContain('"targets": [\r\n      [0, 1]\r\n    ],');
    expect(parseModel(one).spec?.data).toMatchObject({ inputs: [[0.5, -0.5]], targets: [[0, 1]] });
    const removed = removePointEdit(one, parseModel(one).spec?.data, [0.5, -0.5], 1e-6, 1);
    if (!removed.ok) throw new Error(removed.reason);
    expect(applyRowEdits(one, removed.edits)).toBe(text);
  });

  test('brackets on one line take the first point between them', () => {
    const text = model(EMPTY);
    const spec = parseModel(text).spec;
    const edit = addPointEdit(text, spec?.data, [0.25, 1], 0, spec?.layers.at(-1));
    if (!edit.ok) throw new Error(edit.reason);
    expect(applyRowEdits(text, edit.edits)).toContain('"inputs": [[0.25, 1]], "targets": [[1, 0]]');
    expect(addPointEdit(text, spec?.data, [0, 0], 2, spec?.layers.at(-1))).toEqual({ ok: false, reason: 'no-such-class' });
  });
});

describe("the engine's grid over a fixed plane", () => {
  const source = { kind: 'inline' as const, inputs: [[0, 0], [2, 4]], targets: [[1, 0], [0, 1]] };
  const plane = { x1: [-1, 3] as const, x2: [-2, 6] as const };

  test('raw values when the inputs are not standardised', () => {
    expect(makeDataset(source, { testFraction: 0, standardize: false, plane }, 1).gridExtent).toEqual({ xMin: -1, xMax: 3, yMin: -2, yMax: 6 });
  });

  test("the network's coordinates when they are: (v − mean) / std of the training split", () => {
    // x1: mean 1, std 1; x2: mean 2, std 2.
    expect(makeDataset(source, { testFraction: 0, standardize: true, plane }, 1).gridExtent).toEqual({ xMin: -2, xMax: 2, yMin: -2, yMax: 2 });
  });

  test('no plane, no fixed extent', () => {
    expect(makeDataset(source, { testFraction: 0, standardize: false }, 1).gridExtent).toBeUndefined();
  });
});
