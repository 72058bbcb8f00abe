// Theory §6: in the saturation zones (sigmoid |z| > 4.6, tanh |z| > 3.0; precisely the engine's
// 4.585… and 2.993…, which its saturatedFraction counts) the derivative is below 0.01 (1% of
// tanh's peak, 4% of sigmoid's), so a unit stuck there passes almost no gradient back: it has
// stopped learning.
// An output unit scored by cross-entropy is exempt: confident outputs are the goal there, and
// ∂L/∂z = ŷ − y does not vanish. So is a classifier that already gets its training samples right.

import { compactFixes, replaceInitFix, setActivationFix } from '../../fixes';
import { formatPercent, t } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import { SATURATION_THRESHOLD, saturationLabel } from '../../vocabulary';
import type { LiveRule } from '../rule';
import { epochsTrained, hasLearnt, healthOf, layerName, layerProblem, limit, wasActive } from './helpers';

export const saturation: LiveRule = {
  code: 'sigmoid-saturation',
  severity: 'warning',
  summary: 'Most of a sigmoid/tanh layer\'s pre-activations sit in the saturation zone (code sigmoid-saturation or tanh-saturation).',
  check(ctx) {
    if (epochsTrained(ctx) < 1) return [];
    const last = ctx.spec.layers.length - 1;
    return healthOf(ctx).flatMap((h) => {
      const activation = ctx.spec.layers[h.layer].activation;
      const threshold = SATURATION_THRESHOLD[activation];
      if (threshold === undefined || h.saturatedFraction === null) return [];
      const code = activation === 'sigmoid' ? 'sigmoid-saturation' : 'tanh-saturation';
      const active = wasActive(ctx, code, h.layer);
      if (hasLearnt(ctx, active) || h.saturatedFraction < limit(active, THRESHOLDS.saturatedShare, THRESHOLDS.saturatedShareRelease)) return [];
      if (h.layer === last && ctx.spec.loss !== 'mse') return [];
      const derivative = activation === 'sigmoid' ? "σ'(z)" : "tanh'(z)";
      const args = {
        share: formatPercent(h.saturatedFraction),
        layer: layerName(ctx, h.layer),
        threshold: saturationLabel(threshold),
        derivative,
        low: h.preActivations.percentiles[0]?.toFixed(1) ?? '',
        high: h.preActivations.percentiles[h.preActivations.percentiles.length - 1]?.toFixed(1) ?? '',
      };
      const message =
        activation === 'sigmoid'
          ? t(`{share} of {layer}'s pre-activations have |z| > {threshold}, the saturation zone where {derivative} < 0.01 (4% of its 0.25 peak): those units pass almost no gradient back and have stopped learning (pre-activations now range {low} … {high}). tanh saturates later and is zero-centred; relu does not saturate for z > 0.`, args)
          : t(`{share} of {layer}'s pre-activations have |z| > {threshold}, the saturation zone where {derivative} < 0.01 (1% of its peak): those units pass almost no gradient back and have stopped learning (pre-activations now range {low} … {high}). relu does not saturate for z > 0; a smaller init or learning rate keeps z in the linear zone.`, args);
      const src = ctx.src;
      // Offer xavier only when an explicit, differently scaled init is in force.
      const layerInit = ctx.spec.layers[h.layer].init;
      const init = layerInit ?? ctx.spec.init;
      const initPath = layerInit !== undefined ? ['layers', h.layer, 'init'] : ctx.locations.values['init'] !== undefined ? ['init'] : undefined;
      const fixes =
        src === undefined
          ? []
          : compactFixes(
              activation === 'sigmoid' && h.layer < last ? setActivationFix(src, h.layer, 'tanh') : undefined,
              h.layer < last ? setActivationFix(src, h.layer, 'relu') : undefined,
              initPath !== undefined && init.distribution !== 'xavier' ? replaceInitFix(src, initPath, 'xavier') : undefined,
            );
      return [layerProblem(ctx, code, 'warning', message, h.layer, fixes)];
    });
  },
};
