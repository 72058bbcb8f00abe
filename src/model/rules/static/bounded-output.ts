// Theory §6: sigmoid's outputs lie in (0, 1). A regression target outside that range (the sine
// and plane generators go negative) can never be reached, so the loss has a floor above zero.

import { t } from '../../../shared/l10n';
import { compactFixes, setActivationFix } from '../../fixes';
import { problem } from '../../semantic';
import type { StaticRule } from '../rule';

export const boundedOutput: StaticRule = {
  code: 'bounded-output',
  severity: 'warning',
  summary: 'A sigmoid output on a regression task: predictions cannot leave (0, 1).',
  check({ spec, facts, locations, src }) {
    const last = spec.layers.length - 1;
    if (facts.task !== 'regression' || spec.layers[last].activation !== 'sigmoid') return [];
    const outside = spec.data.kind === 'inline' ? spec.data.targets.flat().filter((y) => y <= 0 || y >= 1).length : undefined;
    if (outside === 0) return [];
    // Generators' regression targets go negative; a CSV's are unknown until read, so say only what is sure.
    const message =
      outside !== undefined
        ? t(`A sigmoid output can only predict values in (0, 1), but {outside} of this data's targets lie outside it: the network cannot reach them and the loss keeps a floor above 0. Use a linear output.`, { outside })
        : spec.data.kind === 'generator'
          ? t(`A sigmoid output can only predict values in (0, 1), but this data has targets below 0: the network cannot reach them and the loss keeps a floor above 0. Use a linear output.`)
          : t(`A sigmoid output can only predict values in (0, 1), but regression targets are not confined to that range: the network cannot reach them and the loss keeps a floor above 0. Use a linear output.`);
    return [problem({ locations }, 'bounded-output', 'warning', 'static', message, `layers.${last}.activation`, { layer: last, fixes: compactFixes(setActivationFix(src, last, 'linear')) })];
  },
};
