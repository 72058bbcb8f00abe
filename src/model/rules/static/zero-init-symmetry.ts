// Theory §12: all-zero (or all-equal) weights make every unit of a hidden layer compute the same
// thing and receive the same gradient, so they stay identical forever. A single layer is fine
// (the perceptron classically starts at 0): the symmetry needs a hidden layer whose incoming and
// outgoing weights both start equal.

import { t } from '../../../shared/l10n';
import { compactFixes, replaceInitFix } from '../../fixes';
import { describeInit, layerInits } from '../../init-scale';
import { problem } from '../../semantic';
import type { StaticRule } from '../rule';

export const zeroInitSymmetry: StaticRule = {
  code: 'zero-init-symmetry',
  severity: 'warning',
  summary: 'Hidden units start with identical weights (zeros), so they stay identical: the layer acts as one unit.',
  check({ spec, facts, locations, src }) {
    const inits = layerInits(spec, facts, locations.values['init'] !== undefined);
    if (inits === undefined) return [];
    const reported = new Set<string>();
    return inits.flatMap((entry, i) => {
      const next = inits[i + 1];
      if (next === undefined || !entry.constant || !next.constant) return [];
      const path = entry.path ?? next.path ?? 'init';
      if (reported.has(path)) return [];
      reported.add(path);
      const units = spec.layers[i].units;
      const message = t(
        'Layer {layer} starts with every weight equal ({init}), and so does the layer after it: all {units} units compute the same value and receive the same gradient, so they stay identical copies and the layer works like a single unit. Random init (e.g. xavier or N(0, 0.5)) breaks the symmetry.',
        { layer: i + 1, init: describeInit(entry.init), units },
      );
      const fixPath = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      return [problem({ locations }, 'zero-init-symmetry', 'warning', 'static', message, path, { layer: i, fixes: compactFixes(replaceInitFix(src, fixPath, 'xavier')) })];
    });
  },
};
