// The model's, the engine's and the run's messages read in Chinese when the UI is Chinese: the
// cross-field problems of broken models (src/model/semantic.ts), the engine's validation, the
// reasons a run is reset (src/run/spec-diff.ts, src/session/session.ts) and the gradient check's
// verdict. A message left out of the Chinese bundle comes out in English and fails here; the same
// checks run in English first, so the English detector can be seen to fire.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineToTable } from '../../../src/engine/data/inline';
import { validateNetwork } from '../../../src/engine/validate';
import type { GradientCheckResult } from '../../../src/engine/trainer-api';
import { judgeGradientCheck } from '../../../src/run/gradient-check';
import { diffSpecs } from '../../../src/run/spec-diff';
import { pausedForErrors, resetReason } from '../../../src/session/session';
import { configureL10n } from '../../../src/shared/l10n';
import { model, parse } from '../model/helpers';
import { xorSpec } from '../helpers/xor-spec';

const zh = JSON.parse(readFileSync(join(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

afterEach(() => configureL10n({ locale: 'en' }));

/** Three English words in a row (what scripts/lib/l10n-messages.ts counts as prose), or none. */
const ENGLISH = /[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}/;
const CHINESE = /[\u4e00-\u9fff]/;

/** Models each broken in one way the cross-field checks report, with the code they must report. */
const BROKEN: [code: string, text: string][] = [
  ['output-width', model({ data: { generator: 'moons' }, layers: [{ units: 8, activation: 'tanh' }, { units: 3, activation: 'softmax' }] })],
  ['output-width', model({ data: { dataset: 'iris' }, layers: [{ units: 5 }, { units: 2, activation: 'softmax' }] })],
  ['output-width', model({ data: { generator: 'sine' }, layers: [{ units: 8 }, { units: 2 }] })],
  ['output-task', model({ data: { generator: 'plane' }, layers: [{ units: 1, activation: 'softmax' }], loss: 'mse' })],
  ['loss-task', model({ data: { generator: 'plane' }, layers: [{ units: 1, activation: 'sigmoid' }], loss: 'cross-entropy' })],
  ['loss-activation', model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1, activation: 'linear' }], loss: 'cross-entropy' })],
  ['softmax-hidden', model({ data: { generator: 'xor' }, layers: [{ units: 4, activation: 'softmax' }, { units: 1, activation: 'sigmoid' }] })],
  ['threshold-needs-perceptron', model({ data: { generator: 'xor' }, layers: [{ units: 4, activation: 'step' }, { units: 1, activation: 'sigmoid' }] })],
  ['perceptron-hidden-layers', model({ data: { generator: 'gaussian' }, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sign' }], loss: 'mse', training: { optimizer: 'perceptron' } })],
  ['softmax-single-unit', model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1, activation: 'softmax' }] })],
];

function semanticMessages(): string[] {
  return BROKEN.map(([code, text]) => {
    const found = parse(text).problems.find((p) => p.code === code);
    expect(found, `${code} in ${text}`).toBeDefined();
    return found!.message;
  });
}

const spec = xorSpec;

const gradientResult: GradientCheckResult = {
  maxRelativeError: 2e-5,
  parameters: 2040,
  totalParameters: 4417,
  kinks: 8,
  worst: { layer: 0, kind: 'bias', index: 3, analytic: 0.5, numeric: 0.50001 },
};

function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected an error');
}

/** Messages of the engine, the run and the session, one of each kind. */
function otherMessages(): string[] {
  const before = spec();
  const change = diffSpecs(before, spec({ seed: 2, layers: [{ units: 8, activation: 'relu' }, ...before.layers] }));
  return [
    thrown(() => validateNetwork({ inputSize: 2, layers: [{ units: 2, activation: 'softmax' }, { units: 1, activation: 'sigmoid' }], loss: 'mse', init: { distribution: 'xavier' } })),
    thrown(() => inlineToTable([[0], [1], [2]], [[0], [1]])),
    // The engine's own range checks (src/engine/errors.ts), reached when a caller skips the parser.
    thrown(() => validateNetwork({ inputSize: 2, layers: [{ units: 0, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'mse', init: { distribution: 'xavier' } })),
    thrown(() => validateNetwork({ inputSize: 2, layers: [{ units: 4, activation: 'tanh', dropout: -0.5 }, { units: 1, activation: 'sigmoid' }], loss: 'mse', init: { distribution: 'xavier' } })),
    change.kind === 'structure' ? resetReason(change.reasons) : 'no structural change',
    pausedForErrors(),
    judgeGradientCheck(gradientResult, ['step', 'sigmoid']).text,
  ];
}

describe('model, engine and run messages in the UI language', () => {
  it('in English they are English (so the check below can fail)', () => {
    for (const message of [...semanticMessages(), ...otherMessages()]) expect(message).toMatch(ENGLISH);
  });

  it('in Chinese every one is translated: Chinese text, no English sentence left', () => {
    configureL10n({ locale: 'zh-cn', contents: zh });
    const messages = [...semanticMessages(), ...otherMessages()];
    expect(messages.filter((message) => !CHINESE.test(message) || ENGLISH.test(message))).toEqual([]);
    // Placeholders are filled, not left as {name}.
    expect(messages.filter((message) => /\{\w+\}/.test(message))).toEqual([]);
    expect(messages[0]).toBe('输出层有 3 个单元，但数据有 2 个类别：请用一个 sigmoid 单元（类别 2 的概率）或 2 个 softmax 单元（每个类别一个概率）。');
  });
});
