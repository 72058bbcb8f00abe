// Theory §15: dropout keeps each unit with probability 1 − p. On a narrow layer a high p leaves
// on average fewer than a couple of units alive per step: the layer cannot carry the signal.

import { problem } from '../../semantic';
import { formatNumber, t } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import type { StaticRule } from '../rule';

export const dropoutHigh: StaticRule = {
  code: 'dropout-high',
  severity: 'warning',
  summary: 'Dropout so high that on average fewer than 2 units of the layer survive each step.',
  check({ spec, locations }) {
    const last = spec.layers.length - 1;
    return spec.layers.flatMap((layer, i) => {
      const p = layer.dropout ?? 0;
      if (i === last || p <= 0) return [];
      const kept = layer.units * (1 - p);
      if (kept >= THRESHOLDS.dropoutMinKeptUnits) return [];
      const message = t(
        `Dropout {p} keeps each of layer {layer}'s {units} units with probability {keep}, so only about {kept} survive each step: too few to carry the signal, and training becomes mostly noise. Use a lower drop probability (0.2–0.5 is usual) or a wider layer.`,
        { p: formatNumber(p), layer: i + 1, units: layer.units, keep: formatNumber(1 - p), kept: formatNumber(kept) },
      );
      return [problem({ locations }, 'dropout-high', 'warning', 'static', message, `layers.${i}.dropout`, { layer: i })];
    });
  },
};
