// Inline text labels are classes, as the README says ("text labels are classes"): they were
// refused as a wrong type before. Numbered in the order they first appear.
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/engine/index';
import { parseModel, toTrainerInputs } from '../../../src/model/index';

const labelled = (targets: string, task = '') =>
  `{ "data": { "inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": ${targets}${task}, "testFraction": 0 }, "layers": [{ "units": 4, "activation": "tanh" }, { "units": 3, "activation": "softmax" }] }`;

describe('inline text labels', () => {
  it('become classes in the order they first appear, and the model trains on them', () => {
    const parsed = parseModel(labelled('[["cat"], ["dog"], ["bird"], ["dog"]]'));
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed.facts?.task).toBe('classification');
    expect(parsed.facts?.classes).toBe(3);
    const inputs = toTrainerInputs(parsed.spec!);
    const data = makeDataset(inputs.data, { testFraction: 0, standardize: false }, 1);
    expect(Array.from(data.train.y).sort()).toEqual([0, 1, 1, 2]);
  });

  it('mixed text and numbers, or text with "task": "regression", is a located error', () => {
    const mixed = labelled('[["cat"], [1], ["bird"], ["dog"]]');
    const problem = parseModel(mixed).problems.find((p) => p.severity === 'error');
    expect(problem?.code).toBe('wrong-type');
    expect(problem?.range.offset).toBe(mixed.indexOf('[1], ["bird"]') + 1);
    const regression = labelled('[["cat"], ["dog"], ["bird"], ["dog"]]', ', "task": "regression"');
    const mismatch = parseModel(regression).problems.find((p) => p.severity === 'error');
    expect(mismatch?.code).toBe('task-mismatch');
    expect(mismatch?.range.offset).toBe(regression.indexOf('"regression"'));
  });
});
