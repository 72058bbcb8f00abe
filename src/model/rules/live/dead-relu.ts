// Theory §6: relu'(z) = 0 for z < 0. A unit whose pre-activation is negative for every sample
// outputs 0 and gets no gradient, so nothing will ever revive it: it is dead. Large learning
// rates and negative biases kill units; leaky-relu keeps a small slope for z < 0.

import { compactFixes, lowerLearningRateFix, setActivationFix } from '../../fixes';
import { formatPercent, t } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import type { LiveRule } from '../rule';
import { epochsTrained, healthOf, layerName, layerProblem, limit, wasActive } from './helpers';

export const deadRelu: LiveRule = {
  code: 'dead-relu',
  severity: 'warning',
  summary: 'Most of a relu layer\'s units never activate: they output 0 and get no gradient.',
  check(ctx) {
    if (epochsTrained(ctx) < 1) return [];
    return healthOf(ctx).flatMap((h) => {
      if (ctx.spec.layers[h.layer].activation !== 'relu' || h.deadFraction === null) return [];
      const units = ctx.spec.layers[h.layer].units;
      // Never below half a unit: on a layer of 3 or fewer units the unit margin alone would give a
      // release at or under 0, and a shown problem could never clear.
      const release = Math.max(0.5 / units, Math.min(THRESHOLDS.deadReluShareRelease, THRESHOLDS.deadReluShare - THRESHOLDS.deadReluShareReleaseUnits / units));
      if (h.deadFraction < limit(wasActive(ctx, 'dead-relu', h.layer), THRESHOLDS.deadReluShare, release)) return [];
      const dead = Math.round(h.deadFraction * units);
      const message = t(
        `{share} of {layer}'s units ({dead} of {units}) were never positive over the last epoch: relu outputs 0 there and its derivative is 0, so they get no gradient and cannot recover (dead relu). leaky-relu keeps a small slope for z < 0; a lower learning rate avoids knocking units into the dead zone.`,
        { share: formatPercent(h.deadFraction), layer: layerName(ctx, h.layer), dead, units },
      );
      const fixes = ctx.src !== undefined ? compactFixes(setActivationFix(ctx.src, h.layer, 'leaky-relu'), lowerLearningRateFix(ctx.src, ctx.spec)) : [];
      return [layerProblem(ctx, 'dead-relu', 'warning', message, h.layer, fixes)];
    });
  },
};
