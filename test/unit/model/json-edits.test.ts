// Quick-fix edits keep the JSON valid and shaped like its surroundings.

import { describe, expect, test } from 'vitest';
import { parseTree } from 'jsonc-parser';
import { LineIndex } from '../../../src/model/index';
import { compactJson, formatNumber, insertArrayElementEdit, insertPropertyEdit } from '../../../src/model/text/json-edits';
import { applyFix, positionOf } from './helpers';

function src(text: string) {
  return { text, lines: new LineIndex(text), tree: parseTree(text)! };
}

function insertProperty(text: string, path: (string | number)[], key: string, value: string): string {
  const s = src(text);
  let node = s.tree;
  for (const segment of path) {
    node = typeof segment === 'number' ? node.children![segment] : node.children!.find((p) => p.children![0].value === segment)!.children![1];
  }
  return applyFix(text, { title: '', edits: [insertPropertyEdit(s, node, key, value)] });
}

describe('insertPropertyEdit', () => {
  test('a one-line object stays on one line', () => {
    expect(insertProperty('{ "layers": [{ "units": 4 }] }', ['layers', 0], 'activation', '"tanh"')).toBe('{ "layers": [{ "units": 4, "activation": "tanh" }] }');
  });
  test('a multi-line object gets a new line indented like its neighbours', () => {
    const text = '{\n    "data": 1,\n    "layers": []\n}';
    expect(insertProperty(text, [], 'training', '{ "learningRate": 0.01 }')).toBe('{\n    "data": 1,\n    "layers": [],\n    "training": { "learningRate": 0.01 }\n}');
  });
  test('tabs and CRLF are kept', () => {
    const text = '{\r\n\t"a": 1\r\n}';
    expect(insertProperty(text, [], 'b', '2')).toBe('{\r\n\t"a": 1,\r\n\t"b": 2\r\n}');
  });
  test('a trailing comma stays valid', () => {
    const out = insertProperty('{\n  "a": 1,\n}', [], 'b', '2');
    expect(out).toBe('{\n  "a": 1,\n  "b": 2,\n}');
  });
  test('empty objects', () => {
    expect(insertProperty('{ "t": {} }', ['t'], 'a', '1')).toBe('{ "t": { "a": 1 } }');
    expect(insertProperty('{\n  "t": {\n  }\n}', ['t'], 'a', '1')).toBe('{\n  "t": {\n    "a": 1\n  }\n}');
  });
});

describe('insertArrayElementEdit', () => {
  test('before an element of a multi-line array', () => {
    const text = '{\n  "layers": [\n    { "units": 1 }\n  ]\n}';
    const s = src(text);
    const array = s.tree.children![0].children![1];
    expect(applyFix(text, { title: '', edits: [insertArrayElementEdit(s, array, 0, '{ "units": 4 }')] })).toBe('{\n  "layers": [\n    { "units": 4 },\n    { "units": 1 }\n  ]\n}');
  });
  test('inline arrays stay inline', () => {
    const text = '{ "layers": [{ "units": 1 }] }';
    const s = src(text);
    const array = s.tree.children![0].children![1];
    expect(applyFix(text, { title: '', edits: [insertArrayElementEdit(s, array, 0, '{ "units": 4 }')] })).toBe('{ "layers": [{ "units": 4 }, { "units": 1 }] }');
  });
});

test('compactJson and formatNumber', () => {
  expect(compactJson({ type: 'l2', lambda: 0.001 })).toBe('{ "type": "l2", "lambda": 0.001 }');
  expect(compactJson([1, [2, 3]])).toBe('[1, [2, 3]]');
  expect(formatNumber(0.1 / 10)).toBe('0.01');
  expect(formatNumber(0.3 / 10)).toBe('0.03');
  expect(formatNumber(1e-7)).toBe('1e-7');
});

test('LineIndex agrees with splitting the text', () => {
  const text = 'a\nbc\r\nd\re\n\nf';
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    // Between the \r and \n of a CRLF is no position an editor can have.
    if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
    expect(lines.position(offset)).toEqual(positionOf(text, offset));
  }
  expect(lines.range(-5, 1000)).toMatchObject({ offset: 0, length: text.length });
});
