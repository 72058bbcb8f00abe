// Theory §4: without a non-linearity, (X·W_h + b_h)·W_o + b_o = X·(W_h·W_o) + (b_h·W_o + b_o),
// so stacked linear layers are one linear map whatever their widths.

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
      const message =
        `Hidden layer ${i + 1} is linear, so it adds no expressive power: (X·W${i + 1} + b${i + 1})·W${i + 2} + b${i + 2} = X·(W${i + 1}·W${i + 2}) + (b${i + 1}·W${i + 2} + b${i + 2}) is a single ` +
        `linear layer, and its ${layer.units} units only add parameters. A non-linear activation (tanh, relu) lets hidden layers bend the decision boundary` +
        (next.activation === 'linear' && i + 1 === last ? '; as written, the whole network is linear regression.' : '.');
      const path = locations.values[`layers.${i}.activation`] !== undefined ? `layers.${i}.activation` : `layers.${i}`;
      return [problem({ locations }, 'linear-collapse', 'warning', 'static', message, path, { layer: i, fixes: compactFixes(setActivationFix(src, i, 'tanh'), setActivationFix(src, i, 'relu')) })];
    });
  },
};
