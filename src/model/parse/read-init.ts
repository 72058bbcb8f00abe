// `init`: a name (`"xavier"`) or an object (`{ "distribution": "gaussian", "std": 0.5 }`),
// network-wide or per layer. Parameters that do not apply to the chosen distribution are reported
// rather than silently dropped, since a student who writes `"std"` next to xavier expects it to act.

import type { Node } from 'jsonc-parser';
import { INIT_DISTRIBUTIONS, type InitDistribution, type InitSpec } from '../../engine/types';
import { DEFAULTS } from '../defaults';
import { INIT_KEYS } from '../vocabulary';
import type { ParseContext } from './context';
import { describeValue, readObject, reportUnknownName } from './object-view';
import { t } from '../../shared/l10n/index';

const PARAMETERS_OF: Record<InitDistribution, readonly string[]> = {
  gaussian: ['mean', 'std'],
  uniform: ['limit'],
  xavier: [],
  he: [],
  zeros: [],
};

const HOW_SCALED: Record<InitDistribution, () => string> = {
  gaussian: () => t('N(mean, std) takes "mean" and "std"'),
  uniform: () => t('U(−limit, limit) takes "limit"'),
  xavier: () => t('Xavier picks its own scale from the layer\'s fan-in and fan-out'),
  he: () => t('He picks its own scale from the layer\'s fan-in'),
  zeros: () => t('zeros sets every weight to 0'),
};

const initExplain = (): string => t('gaussian: N(mean, std); uniform: U(−limit, limit); xavier: U(±√(6/(fan_in+fan_out))), std √(2/(fan_in+fan_out)); he: N(0, √(2/fan_in)); zeros: all 0 (every unit stays identical).');

/** Completes an init with the defaults of its distribution. */
export function completeInit(distribution: InitDistribution, given: { mean?: number; std?: number; limit?: number }): InitSpec {
  switch (distribution) {
    case 'gaussian':
      return { distribution, mean: given.mean ?? DEFAULTS.gaussian.mean, std: given.std ?? DEFAULTS.gaussian.std };
    case 'uniform':
      return { distribution, limit: given.limit ?? DEFAULTS.uniform.limit };
    default:
      return { distribution };
  }
}

export function readInit(ctx: ParseContext, node: Node, path: string, layer?: number): InitSpec | undefined {
  if (node.type === 'string') {
    const written = node.value as string;
    if ((INIT_DISTRIBUTIONS as readonly string[]).includes(written)) return completeInit(written as InitDistribution, {});
    reportUnknownName(ctx, node, written, INIT_DISTRIBUTIONS, 'unknown-init', 'initialisation', { layer, path, explain: initExplain() });
    return undefined;
  }
  if (node.type !== 'object') {
    ctx.error(
      'wrong-type',
      t('"init" must be a name such as "xavier" or an object like { "distribution": "gaussian", "std": 0.5 }; found {found}.', { found: describeValue(node) }),
      node,
      { layer, path },
    );
    return undefined;
  }
  const view = readObject(ctx, node, path, INIT_KEYS, t('an init'), { layer });
  if (view === undefined) return undefined;
  if (!view.has('distribution')) {
    ctx.missing(t('This init needs a "distribution": one of {names}.', { names: INIT_DISTRIBUTIONS.join(', ') }), node, { layer, path });
    return undefined;
  }
  const distribution = view.name('distribution', INIT_DISTRIBUTIONS, 'unknown-init', 'initialisation', { layer, explain: initExplain() });
  const mean = view.number('mean', { rangeCode: 'rate-out-of-range', meaning: t('the centre of the weights\' Gaussian') }, { layer });
  const std = view.number(
    'std',
    { min: 0, rangeCode: 'rate-out-of-range', meaning: t('the standard deviation σ of the weights; by the 3σ rule 99.73% fall within mean ± 3σ') },
    { layer },
  );
  const limit = view.number('limit', { min: 0, rangeCode: 'rate-out-of-range', meaning: t('weights are drawn from U(−limit, limit)') }, { layer });
  if (distribution === undefined) return undefined;
  for (const key of ['mean', 'std', 'limit']) {
    const field = view.field(key);
    if (field !== undefined && !PARAMETERS_OF[distribution].includes(key)) {
      ctx.warning('init-parameter-ignored', t('"{key}" does not apply to {distribution} and is ignored: {why}.', { key, distribution, why: HOW_SCALED[distribution]() }), field.keyNode, {
        layer,
        path: field.path,
      });
    }
  }
  return completeInit(distribution, { mean, std, limit });
}
