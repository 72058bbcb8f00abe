import { applyEdits, findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { hyperparameterEdit } from '../../../src/editor/panel/hyperparameter-edit';
import type { SourceRange, SpecLocations } from '../../../src/model/spec';

/** Locations as the parser reports them, found independently with jsonc-parser's tree. */
function locate(text: string, paths: string[]): SpecLocations {
  const tree = parseTree(text);
  const values: Record<string, SourceRange> = {};
  for (const p of paths) {
    const node = tree && findNodeAtLocation(tree, p.split('.'));
    if (node) {
      values[p] = { offset: node.offset, length: node.length, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    }
  }
  const root = { offset: 0, length: text.length, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { root, layers: [], values, keys: {} };
}

const PATHS = ['training.learningRate', 'training.batchSize', 'training.regularization.type', 'training.regularization.lambda'];

function apply(text: string, field: Parameters<typeof hyperparameterEdit>[2], value: number | string, locations = locate(text, PATHS)) {
  const r = hyperparameterEdit(text, locations, field, value);
  if (!r.ok) throw new Error(r.reason);
  return { text: applyEdits(text, r.edits.map((e) => ({ offset: e.offset, length: e.length, content: e.newText }))), edits: r.edits };
}

const MODEL = `{
  "name": "xor",
  // comments survive
  "layers": [{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }],
  "training": {
    "learningRate": 0.1,
    "batchSize": 8,
    "regularization": { "type": "none", "lambda": 0 }
  }
}`;

const json = (t: string) => JSON.parse(t.replace(/\/\/.*$/gm, ''));

describe('hyperparameterEdit', () => {
  it('replaces exactly the located value and nothing else', () => {
    const { text, edits } = apply(MODEL, 'learningRate', 0.003);
    expect(edits).toHaveLength(1);
    expect(text).toBe(MODEL.replace('"learningRate": 0.1', '"learningRate": 0.003'));
  });

  it('writes each field where the parser finds it', () => {
    let text = MODEL;
    text = apply(text, 'batchSize', 32).text;
    text = apply(text, 'regularization.type', 'l2').text;
    text = apply(text, 'regularization.lambda', 1e-4).text;
    const t = json(text).training;
    expect(t).toEqual({ learningRate: 0.1, batchSize: 32, regularization: { type: 'l2', lambda: 1e-4 } });
    expect(text).toContain('// comments survive');
  });

  it('returns no edit when the file already holds the value', () => {
    expect(apply(MODEL, 'learningRate', 0.1).edits).toEqual([]);
  });

  it('inserts a missing key, keeping the JSON valid and the indentation', () => {
    const noBatch = MODEL.replace('    "batchSize": 8,\n', '');
    const { text } = apply(noBatch, 'batchSize', 16);
    expect(json(text).training.batchSize).toBe(16);
    expect(text).toMatch(/\n {4}"batchSize": 16/);
  });

  it('creates the training and regularization objects when absent', () => {
    const bare = '{\n\t"name": "m",\n\t"layers": []\n}';
    const { text } = apply(bare, 'regularization.lambda', 0.01, locate(bare, []));
    expect(json(text)).toEqual({ name: 'm', layers: [], training: { regularization: { lambda: 0.01 } } });
    expect(text).toContain('\n\t"training"');
  });

  it('does not trust a location that no longer matches the text', () => {
    const stale = locate(MODEL, PATHS);
    const edited = MODEL.replace('"name": "xor"', '"name": "xor with a longer name"');
    const { text } = apply(edited, 'learningRate', 0.5, stale);
    expect(json(text).training.learningRate).toBe(0.5);
    expect(json(text).name).toBe('xor with a longer name');
  });

  it('explains instead of corrupting when the parent is not an object', () => {
    const odd = '{ "training": { "regularization": "l2" } }';
    const r = hyperparameterEdit(odd, locate(odd, PATHS), 'regularization.lambda', 0.1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('training.regularization');
  });
});

describe('hyperparameterEdit with a location that points at another value', () => {
  it('falls back to finding the key itself', () => {
    const locations = locate(MODEL, PATHS);
    // A stale parse could point learningRate's range at the batch size: it must not be overwritten.
    locations.values['training.learningRate'] = locations.values['training.batchSize'] as SourceRange;
    const { text } = apply(MODEL, 'learningRate', 0.2, locations);
    expect(json(text).training).toMatchObject({ learningRate: 0.2, batchSize: 8 });
  });
});
