// Theory §10-11: softmax makes a probability distribution, and cross-entropy is the loss that
// compares distributions. Squared error through softmax is scored by the softmax Jacobian, whose
// entries ŷᵢ(δᵢⱼ − ŷⱼ) go to 0 when a class is confidently (even wrongly) predicted; with
// cross-entropy they cancel and ∂L/∂z = ŷ − y.

import { t } from '../../../shared/l10n';
import { compactFixes, setLossFix } from '../../fixes';
import { problem } from '../../semantic';
import type { StaticRule } from '../rule';

export const softmaxMse: StaticRule = {
  code: 'softmax-mse',
  severity: 'warning',
  summary: 'Softmax output scored with mean squared error instead of cross-entropy.',
  check({ spec, locations, src }) {
    const last = spec.layers.length - 1;
    if (spec.layers[last].activation !== 'softmax' || spec.loss !== 'mse') return [];
    const message = t(
      'A softmax output is a probability distribution, and cross-entropy H(p, q) = −Σ p·log q is the loss that compares distributions. With mse the gradient passes through the softmax Jacobian ŷᵢ(δᵢⱼ − ŷⱼ), which goes to 0 when the network is confidently wrong, so it learns slowly exactly when it is most wrong; with cross-entropy ∂L/∂z = ŷ − y.',
    );
    const path = locations.values['loss'] !== undefined ? 'loss' : `layers.${last}.activation`;
    return [problem({ locations }, 'softmax-mse', 'warning', 'static', message, path, { layer: last, fixes: compactFixes(setLossFix(src, 'cross-entropy')) })];
  },
};
