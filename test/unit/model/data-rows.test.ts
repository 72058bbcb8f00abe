// Data by hand, the text side: one sample added or removed changes exactly that row of `inputs` and
// `targets`. Each case is judged against the parser (the edited text parses to the old data plus or
// minus the one point) and against the text outside the two arrays, which must not change a byte.

import { describe, expect, test } from 'vitest';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { parseModel, addPointEdit, removePointEdit } from '../../../src/model/index';
import { addSampleEdit, applyRowEdits, removeSampleEdit } from '../../../src/model/text/data-rows';

const model = (data: string) => `// a model\n{\n  "data": ${data},\n  "layers": [{ "units": 2, "activation": "softmax" }] // out\n}\n`;

function dataOf(text: string): { inputs: number[][]; targets: number[][] } {
  const parse = parseModel(text, { lint: false });
  expect(parse.problems.filter((p) => p.severity === 'error'), text).toEqual([]);
  const data = parse.spec?.data;
  if (data?.kind !== 'inline') throw new Error('not inline');
  return { inputs: data.inputs, targets: data.targets };
}

/** The text with both arrays cut out: what no edit may touch. */
function outside(text: string): string {
  const tree = parseTree(text, [], { allowTrailingComma: true })!;
  const inputs = findNodeAtLocation(tree, ['data', 'inputs'])!;
  const targets = findNodeAtLocation(tree, ['data', 'targets'])!;
  const [a, b] = [inputs, targets].sort((x, y) => x.offset - y.offset) as [typeof inputs, typeof inputs];
  return text.slice(0, a.offset) + '⟨A⟩' + text.slice(a.offset + a.length, b.offset) + '⟨B⟩' + text.slice(b.offset + b.length);
}

function add(text: string, input: number[], target: number[]): string {
  const edit = addSampleEdit(text, input, target);
  if (!edit.ok) throw new Error(edit.reason);
  return applyRowEdits(text, edit.edits);
}

function remove(text: string, index: number): string {
  const edit = removeSampleEdit(text, index);
  if (!edit.ok) throw new Error(edit.reason);
  return applyRowEdits(text, edit.edits);
}

const CASES: Record<string, string> = {
  'rows one per line': model('{\n    "inputs": [\n      [0, 0],\n      [1, 1]\n    ],\n    "targets": [\n      [1, 0],\n      [0, 1]\n    ]\n  }'),
  'rows on one line': model('{ "inputs": [[0, 0], [1, 1]], "targets": [[1, 0], [0, 1]] }'),
  'trailing commas': model('{\n    "inputs": [\n      [0, 0],\n      [1, 1],\n    ],\n    "targets": [[1, 0], [0, 1],],\n  }'),
  'comments after rows and between them': model('{\n    "inputs": [\n      [0, 0], // first\n      // the second, on its own:\n      [1, 1] /* last */\n    ],\n    "targets": [\n      [1, 0],\n      [0, 1] // last\n    ]\n  }'),
  'no spaces, CRLF': model('{\r\n    "inputs": [\r\n      [0,0],\r\n      [1,1]\r\n    ],\r\n    "targets": [\r\n      [1,0],\r\n      [0,1]\r\n    ]\r\n  }').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
  'closing bracket on the last row\'s line': model('{ "inputs": [[0, 0],\n      [1, 1]], "targets": [[1, 0],\n      [0, 1]] }'),
};

describe.each(Object.entries(CASES))('adding a sample, %s', (_, text) => {
  test('the text re-parses to the old data plus the point, and nothing outside the arrays moves', () => {
    const before = dataOf(text);
    const after = add(text, [0.25, -0.5], [0, 1]);
    expect(dataOf(after)).toEqual({ inputs: [...before.inputs, [0.25, -0.5]], targets: [...before.targets, [0, 1]] });
    expect(outside(after)).toBe(outside(text));
    // The comments are all still there, each once.
    for (const comment of text.match(/\/\/[^\r\n]*|\/\*.*?\*\//g) ?? []) expect(after.split(comment).length, comment).toBe(text.split(comment).length);
  });

  test('removing it again gives back the text byte for byte', () => {
    const after = add(text, [0.25, -0.5], [0, 1]);
    expect(remove(after, 2)).toBe(text);
  });

  test('removing the first row removes exactly that sample', () => {
    const before = dataOf(text);
    const after = remove(text, 0);
    expect(dataOf(after)).toEqual({ inputs: before.inputs.slice(1), targets: before.targets.slice(1) });
    expect(outside(after)).toBe(outside(text));
  });
});

describe('shapes', () => {
  test('a new row on its own line is indented like the rows above', () => {
    const after = add(CASES['rows one per line'] as string, [0.5, 0.5], [1, 0]);
    expect(after).toContain('      [1, 1],\n      [0.5, 0.5]\n    ]');
  });

  test('rows on one line stay on one line, spaced like the first row', () => {
    expect(add(CASES['rows on one line'] as string, [2, 3], [1, 0])).toContain('"inputs": [[0, 0], [1, 1], [2, 3]]');
    expect(add(CASES['no spaces, CRLF'] as string, [2, 3], [1, 0])).toContain('[1,1],\r\n      [2,3]\r\n');
  });

  test('a trailing comma style keeps its comma on the new row', () => {
    const after = add(CASES['trailing commas'] as string, [2, 3], [1, 0]);
    expect(after).toContain('[1, 1],\n      [2, 3],\n    ]');
    expect(after).toContain('"targets": [[1, 0], [0, 1], [1, 0],]');
  });

  test('a comment after the last row stays on that row', () => {
    const after = add(CASES['comments after rows and between them'] as string, [2, 3], [1, 0]);
    expect(after).toContain('[1, 1], /* last */\n      [2, 3]\n');
    expect(after).toContain('[0, 1], // last\n      [1, 0]\n');
  });

  test('an empty array gets its first row; removing the only row empties it', () => {
    const text = '{ "data": { "inputs": [], "targets": [] } }';
    const after = add(text, [1, 2], [1]);
    expect(after).toBe('{ "data": { "inputs": [[1, 2]], "targets": [[1]] } }');
    expect(remove(after, 0)).toBe(text);
  });

  test('removing the last row of one-per-line rows takes the comma before it too', () => {
    const text = CASES['rows one per line'] as string;
    expect(remove(text, 1)).toContain('"inputs": [\n      [0, 0]\n    ]');
  });

  test('no inline data, no edit', () => {
    expect(addSampleEdit('{ "data": { "generator": "xor" } }', [0, 0], [1]).ok).toBe(false);
    expect(removeSampleEdit(CASES['rows on one line'] as string, 5).ok).toBe(false);
  });
});

describe('points of a class', () => {
  const perceptron = '{\n  "data": {\n    "inputs": [[0, 0], [0, 1], [1, 1]],\n    "targets": [[-1], [-1], [1]],\n    "standardize": false\n  },\n  "layers": [{ "units": 1, "activation": "tanh" }],\n  "loss": "mse"\n}';
  const data = () => parseModel(perceptron).spec?.data;

  test('a class is written as the file writes it: ±1 for the perceptron', () => {
    const edit = addPointEdit(perceptron, data(), [0.5, 0.25], 1);
    expect(edit.ok).toBe(true);
    const after = applyRowEdits(perceptron, edit.ok ? edit.edits : []);
    expect(after).toContain('"targets": [[-1], [-1], [1], [1]]');
    expect(after).toContain('"inputs": [[0, 0], [0, 1], [1, 1], [0.5, 0.25]]');
    const minus = addPointEdit(perceptron, data(), [2, 2], 0);
    const first = applyRowEdits(perceptron, minus.ok ? minus.edits : []);
    expect(first).toContain('[[-1], [-1], [1], [-1]]');
  });

  test('a class the data does not have is refused', () => {
    expect(addPointEdit(perceptron, data(), [0, 0], 2)).toEqual({ ok: false, reason: 'no-such-class' });
  });

  test('shift-click removes the row at that place, and nothing when no row is there', () => {
    const edit = removePointEdit(perceptron, data(), [0, 1 + 1e-12], 1e-6, 0);
    expect(edit.ok).toBe(true);
    expect(applyRowEdits(perceptron, edit.ok ? edit.edits : [])).toContain('"inputs": [[0, 0], [1, 1]],\n    "targets": [[-1], [1]]');
    expect(removePointEdit(perceptron, data(), [0.5, 0.5], 1e-6)).toEqual({ ok: false, reason: 'no-point-there' });
  });

  test('generated and CSV data are not offered', () => {
    const generated = parseModel('{ "data": { "generator": "xor" }, "layers": [{ "units": 1, "activation": "sigmoid" }] }').spec?.data;
    expect(addPointEdit('{}', generated, [0, 0], 0)).toEqual({ ok: false, reason: 'not-offered' });
  });
});
