// Theory §6 and §10: with mse, ∂L/∂z = (ŷ − y)·σ'(z), and σ'(z) ≤ 0.25 goes to 0 in the saturation
// zones, so a unit that is confidently wrong barely learns. Binary cross-entropy cancels σ'(z):
// ∂L/∂z = ŷ − y. Information only: mse on a sigmoid does train, just more slowly (a lesson).

import { t } from '../../../shared/l10n';
import { compactFixes, setLossFix } from '../../fixes';
import { problem } from '../../semantic';
import type { StaticRule } from '../rule';

export const mseSigmoid: StaticRule = {
  code: 'mse-sigmoid',
  severity: 'info',
  summary: 'Classification with a sigmoid output scored by mse: gradients shrink by σ\'(z) ≤ 0.25.',
  check({ spec, facts, locations, src }) {
    const last = spec.layers.length - 1;
    if (facts.task !== 'classification' || spec.layers[last].activation !== 'sigmoid' || spec.loss !== 'mse') return [];
    const message = t("With mse, the output's gradient is (ŷ − y)·σ'(z), and σ'(z) ≤ 0.25 is nearly 0 when |z| > 4.6: a confidently wrong output learns slowest. Cross-entropy −[y·log ŷ + (1 − y)·log(1 − ŷ)] cancels σ'(z), leaving ∂L/∂z = ŷ − y.");
    return [problem({ locations }, 'mse-sigmoid', 'info', 'static', message, locations.values['loss'] ? 'loss' : `layers.${last}.activation`, { layer: last, fixes: compactFixes(setLossFix(src, 'cross-entropy')) })];
  },
};
