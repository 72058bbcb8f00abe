// Theory §12: initial weights should be small, but not so small that the signal dies. In the
// linear zone each layer scales the signal's spread by √(fan_in·E[w²]); over several layers the
// product can leave the output (and, symmetrically, the gradients reaching the first layer) almost
// zero, so training starts very slowly. N(0, 0.01) is the theory's example scale: fine on 2-input
// toys with one layer, tiny once the net has depth.

import { compactFixes, replaceInitFix } from '../../fixes';
import { describeInit, layerInits } from '../../init-scale';
import { problem } from '../../semantic';
import { formatNumber, t } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import type { StaticRule } from '../rule';

export const initTooSmall: StaticRule = {
  code: 'init-too-small',
  severity: 'info',
  summary: 'The init scale shrinks the signal through the layers so much that training starts very slowly.',
  check({ spec, facts, locations, src }) {
    if (spec.layers.length < 2) return [];
    const inits = layerInits(spec, facts, locations.values['init'] !== undefined);
    if (inits === undefined || inits.some((e) => e.constant)) return [];
    const gains = inits.map((e) => Math.sqrt(e.fanIn * e.secondMoment));
    const total = gains.reduce((a, b) => a * b, 1);
    if (total >= THRESHOLDS.initSignalGain) return [];
    const smallest = inits.reduce((a, b) => (Math.sqrt(b.fanIn * b.secondMoment) < Math.sqrt(a.fanIn * a.secondMoment) ? b : a));
    const path = smallest.path ?? 'init';
    const message = t(
      `With {init}, each layer scales the signal's spread by √(fan_in·E[w²]) ({gains}), so the output starts at about {total} of the input's spread and the gradients reaching the first layer are just as small: training starts very slowly. A fan-in-scaled init (xavier) keeps each factor near 1.`,
      { init: describeInit(smallest.init), gains: gains.map((g) => formatNumber(g)).join(' × '), total: formatNumber(total) },
    );
    const fixPath = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return [problem({ locations }, 'init-too-small', 'info', 'static', message, path, { layer: smallest.layer, fixes: compactFixes(replaceInitFix(src, fixPath, 'xavier')) })];
  },
};
