// Theory §6-7: backpropagation multiplies the gradient by φ'(z) at every layer, and sigmoid's
// derivative is at most 0.25, so through n sigmoid layers at most 0.25ⁿ of it reaches the first
// (vanishing gradients). tanh (max 1) and relu (1 for z > 0) do not shrink it by design.

import type { Edit } from '../../text/json-edits';
import { setValueEdit } from '../../fixes';
import { problem } from '../../semantic';
import { formatNumber, t } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import type { StaticRule } from '../rule';

export const deepSigmoid: StaticRule = {
  code: 'deep-sigmoid',
  severity: 'info',
  summary: 'Several sigmoid hidden layers: each multiplies the gradient by at most 0.25 (vanishing gradients).',
  check({ spec, locations, src }) {
    const last = spec.layers.length - 1;
    const sigmoidLayers = spec.layers.flatMap((layer, i) => (i < last && layer.activation === 'sigmoid' ? [i] : []));
    if (sigmoidLayers.length < THRESHOLDS.deepSigmoidLayers) return [];
    const n = sigmoidLayers.length;
    const message = t(
      `{n} hidden layers use sigmoid, whose derivative σ'(z) = σ(z)(1 − σ(z)) is at most 0.25: backpropagation multiplies the gradient by it once per layer, so at most 0.25^{n} ≈ {share} of it reaches layer {layer}, and the first layers learn far slower than the last. tanh (derivative up to 1) or relu (1 for z > 0) keep it alive.`,
      { n, share: formatNumber(0.25 ** n), layer: sigmoidLayers[0] + 1 },
    );
    const edits = sigmoidLayers.map((i) => setValueEdit(src, ['layers', i, 'activation'], '"relu"'));
    const fixes = edits.every((e) => e !== undefined) ? [{ title: t('Use relu in every sigmoid hidden layer'), edits: edits as Edit[] }] : [];
    return [problem({ locations }, 'deep-sigmoid', 'info', 'static', message, `layers.${sigmoidLayers[0]}.activation`, { layer: sigmoidLayers[0], fixes })];
  },
};
