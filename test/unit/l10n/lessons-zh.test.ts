// The hover lessons, the activation table's prose and the bias-variance reports in Chinese: every
// line a hover builds for a broken model (sigmoid layers initialised too large, so the model has an
// init-saturation problem; with dropout, L2, training numbers and layer health, so each "Here: …"
// and "Now: …" sentence is built) reads in Chinese, with no English sentence left. A message added
// or changed in English without its translation falls back to English here and fails the test.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activationDefinition, activationLesson, dropoutLesson, initLesson, learningRateLesson, lossLesson, regularizationLesson } from '../../../src/editor/lessons';
import type { LessonContext } from '../../../src/editor/lessons';
import { ACTIVATIONS, activationRecord } from '../../../src/engine/activations';
import type { LayerHealth } from '../../../src/engine/health-types';
import { BV_MESSAGES, BV_DATA_MESSAGES, bvMessage, type BvMessage } from '../../../src/experiments/messages';
import { parseModel } from '../../../src/model/index';
import { configureL10n } from '../../../src/shared/l10n';

const zh = JSON.parse(readFileSync(join(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

afterEach(() => configureL10n({ locale: 'en' }));

const HAN = /[\u4e00-\u9fff]/;
/** Three English words in a row (the untranslated-literal finder's test): an English sentence or a piece of one. */
const ENGLISH = /[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}/;

/** What may stay English inside a Chinese line: code spans, and the paper title the report cites. */
function prose(line: string): string {
  return line.replace(/`[^`]*`/g, '').replace('A Unified Bias-Variance Decomposition', '');
}

/** The lines that are not Chinese: no Han character, or an English sentence left among them. */
function english(lines: readonly string[]): string[] {
  return lines.filter((line) => !HAN.test(prose(line)) || ENGLISH.test(prose(line)));
}

const BROKEN = JSON.stringify({
  name: 'too large an init',
  data: { generator: 'circle', samples: 200, noise: 0.1 },
  init: { distribution: 'gaussian', std: 1 },
  layers: [
    { units: 64, activation: 'sigmoid', dropout: 0.25 },
    { units: 64, activation: 'sigmoid' },
    { units: 1, activation: 'sigmoid' },
  ],
  loss: 'cross-entropy',
  training: { learningRate: 1.5, regularization: { type: 'l2', lambda: 0.001 } },
});

function layerHealth(layer: number, activation: string): LayerHealth {
  const distribution = { count: 10, mean: 0, std: 0.8, percentiles: [-3, -2, -1, -0.5, 0.2, 0.5, 1, 2, 3], histogram: { min: -3, max: 3, counts: [1, 2, 1] } };
  return { layer, activation, units: 8, weights: distribution, biases: distribution, preActivations: distribution, activations: distribution, gradMeanAbs: 0.01, gradNorm: 0.1, weightNorm: 2, updateRatio: 0.003, saturatedFraction: 0.42, deadFraction: activation === 'relu' ? 0.25 : null };
}

/** Every line the hovers of the broken model show, over its layers and keys, and its problems. */
function hoverLines(): string[] {
  const parse = parseModel(BROKEN);
  expect(parse.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['init-saturation', 'learning-rate-high']));
  const spec = parse.spec!;
  const health = { layers: spec.layers.map((l, i) => layerHealth(i, l.activation)), nonFinite: null };
  const last = { epoch: 40, trainCost: 0.21, trainObjective: 0.25, trainRegularization: 0.04, testCost: 0.38 };
  const lines = parse.problems.map((p) => p.message);
  for (let layer = 0; layer < spec.layers.length; layer++) {
    const context: LessonContext = { spec, facts: parse.facts, health, last, layer };
    lines.push(activationDefinition(spec.layers[layer].activation)!, ...activationLesson(spec.layers[layer].activation, context));
    lines.push(...initLesson(spec.init, context), ...dropoutLesson(0.25, context, 'inverted'));
  }
  const context: LessonContext = { spec, facts: parse.facts, health, last };
  lines.push(...initLesson({ distribution: 'zeros' }, context), ...initLesson(spec.init, context));
  for (const type of ['l2', 'l1', 'none']) lines.push(...regularizationLesson(type, 0.001, 1.5, context));
  lines.push(...learningRateLesson(1.5, context), ...learningRateLesson(0.1, context));
  lines.push(...lossLesson('cross-entropy', { ...context, spec: { ...spec, layers: [...spec.layers.slice(0, -1), { units: 3, activation: 'softmax' }] } }), ...lossLesson('mse', context));
  lines.push(...dropoutLesson(0.5, { spec, layer: 2 }, undefined), ...activationLesson('not-an-activation', context));
  return lines;
}

/** The activation table's prose, and what the bias-variance experiment says, filled with values. */
function tableAndReports(): string[] {
  const lines = ACTIVATIONS.flatMap((name) => [activationRecord(name).theory, activationLesson(name, {})[0]]);
  const values = { runs: 20, source: 'dataset', min: 5, max: 50, value: '4', settings: 'units, depth', setting: 'units', rule: 'x', count: 1, parameters: 12289, points: 200, bias2: '0.1', variance: '0.2', noise: '0.04', sum: '0.34', measured: '0.34', sigma: 0.2, bias: '0.1', netVariance: '0.2', unbiased: '0.1', biased: '0.05', done: 3, total: 20, model: 'm.nn.json', threads: 4, seconds: '1.2', reason: 'x' };
  const keys = Object.keys(BV_MESSAGES) as BvMessage[];
  // 'λ (L2)' is the same in both languages; the other texts are translated.
  lines.push(...keys.filter((key) => key !== 'settingLambda').map((key) => bvMessage(key, values)));
  lines.push(BV_DATA_MESSAGES.needsHeldOut('csv'), BV_DATA_MESSAGES.bootstrapSets(20, 60, 40), BV_DATA_MESSAGES.noiseEstimated('0.04', 80), BV_DATA_MESSAGES.classificationHeldOut('0.2', '0.1', '0.05'));
  return lines;
}

describe('the lessons and reports in Chinese', () => {
  it('every line of the hovers of a broken model reads in Chinese, with no English sentence left', () => {
    configureL10n({ locale: 'zh-cn', contents: zh });
    const lines = hoverLines();
    expect(lines.length).toBeGreaterThan(30);
    expect(english(lines)).toEqual([]);
    // Terms of l10n/glossary.md and the live numbers, in place.
    const text = lines.join('\n');
    expect(text).toContain('饱和区');
    expect(text).toContain('保留概率 0.75，每步约有 48 个单元处于活动状态（共 64 个）');
    expect(text).toContain('按 3σ 准则，99.73% 的初始权重落在 (-3, 3) 之内');
    expect(text).toContain('1 − LR·λ = 0.998500');
  });

  it('the activation table and the bias-variance reports read in Chinese', () => {
    configureL10n({ locale: 'zh-cn', contents: zh });
    expect(english(tableAndReports())).toEqual([]);
    expect(bvMessage('sweepTooLarge', { setting: BV_MESSAGES.settingUnits, value: 4096, parameters: 12289, max: 1000 })).toBe('在 隐藏单元数 = 4096 时，网络有 12289 个权重和偏置，超过了上限 1000：请扫描更小的值，或提高上限。');
  });

  it('the check can fail: in English every line is found, and the English text is as before', () => {
    configureL10n({ locale: 'en' });
    const lines = hoverLines();
    expect(english(lines)).toHaveLength(lines.length);
    expect(english(tableAndReports()).length).toBeGreaterThan(60);
    expect(bvMessage('sweepTooLarge', { setting: BV_MESSAGES.settingUnits, value: 4096, parameters: 12289, max: 1000 })).toBe(
      'At hidden units = 4096 the network has 12289 weights and biases, over the cap of 1000: sweep to smaller values or raise the cap.',
    );
  });
});
