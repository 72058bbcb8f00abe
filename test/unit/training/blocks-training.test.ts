// Which errors keep Train from running: those of the text and its data, not those the run met.
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/model';
import { blocksTraining, divergenceProblem, runStartProblem, trainingErrorProblem } from '../../../src/run/problems';

const valid = parseModel('{ "data": { "generator": "xor" }, "layers": [{ "units": 4, "activation": "tanh" }, { "units": 1 }] }');

describe('blocksTraining', () => {
  it('blocks on errors in the text', () => {
    const broken = parseModel('{ "data": { "generator": "xor" }, "layers": [{ "units": -4 }] }');
    const errors = broken.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every(blocksTraining)).toBe(true);
  });

  it('does not block on what the run met, which training again answers', () => {
    expect(blocksTraining(divergenceProblem('The loss overflowed at epoch 5.', valid.locations))).toBe(false);
    expect(blocksTraining(trainingErrorProblem('worker exited', valid.locations))).toBe(false);
    expect(blocksTraining(runStartProblem('out of memory', valid.locations))).toBe(false);
  });

  it('never blocks on warnings or advice', () => {
    expect(valid.problems.filter(blocksTraining)).toEqual([]);
    expect(blocksTraining({ ...divergenceProblem('x', valid.locations), severity: 'warning', source: 'static' })).toBe(false);
    expect(blocksTraining({ ...divergenceProblem('x', valid.locations), source: 'static' })).toBe(true);
  });
});
