// Theory §4: without a non-linearity, (X·W_h + b_h)·W_o + b_o = X·(W_h·W_o) + (b_h·W_o + b_o),
// so stacked linear layers are one linear map whatever their widths.

import { t } from '../../../shared/l10n';
import { compactFixes, setActivationFix } from '../../fixes';
import { problem } from '../../semantic';
import type { StaticRule } from '../rule';

export const linearCollapse: StaticRule = {
  code: 'linear-collapse',
  severity: 'warning',
  summary: 'A hidden layer with a linear activation: stacked linear layers collapse into one linear map.',
  check({ spec, locations, src }) {
    const last = spec.layers.length - 1;
    return spec.layers.flatMap((layer, i) => {
      if (i === last || layer.activation !== 'linear') return [];
      const next = spec.layers[i + 1];
      const args = { layer: i + 1, next: i + 2, units: layer.units };
      const message =
        next.activation === 'linear' && i + 1 === last
          ? t(`Hidden layer {layer} is linear, so it adds no expressive power: (X·W{layer} + b{layer})·W{next} + b{next} = X·(W{layer}·W{next}) + (b{layer}·W{next} + b{next}) is a single linear layer, and its {units} units only add parameters. A non-linear activation (tanh, relu) lets hidden layers bend the decision boundary; as written, the whole network is linear regression.`, args)
          : t(`Hidden layer {layer} is linear, so it adds no expressive power: (X·W{layer} + b{layer})·W{next} + b{next} = X·(W{layer}·W{next}) + (b{layer}·W{next} + b{next}) is a single linear layer, and its {units} units only add parameters. A non-linear activation (tanh, relu) lets hidden layers bend the decision boundary.`, args);
      const path = locations.values[`layers.${i}.activation`] !== undefined ? `layers.${i}.activation` : `layers.${i}`;
      return [problem({ locations }, 'linear-collapse', 'warning', 'static', message, path, { layer: i, fixes: compactFixes(setActivationFix(src, i, 'tanh'), setActivationFix(src, i, 'relu')) })];
    });
  },
};
