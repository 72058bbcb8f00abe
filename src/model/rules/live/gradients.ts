// Theory §7: backpropagation multiplies the gradient layer by layer (∂L/∂z = ∂L/∂h ⊙ φ'(z), then
// by Wᵀ). When the factors are mostly below 1 the gradient reaching the first layers vanishes;
// when they are above 1 it explodes. Compared with mean |∂L/∂W|, which does not grow with width.

import { compactFixes, lowerLearningRateFix, setActivationFix } from '../../fixes';
import { formatNumber, t } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import type { LiveRule } from '../rule';
import { epochsTrained, finite, hasLearnt, healthOf, layerName, layerProblem, limit, wasActive } from './helpers';

/** The perceptron rule has no gradient chain: gradient statistics say nothing about it. */
const usesGradients = (ctx: { spec: { training: { optimizer: string } } }) => ctx.spec.training.optimizer !== 'perceptron';

export const vanishingGradient: LiveRule = {
  code: 'vanishing-gradient',
  severity: 'warning',
  summary: 'A layer\'s gradient is orders of magnitude smaller than a later layer\'s: it barely learns.',
  check(ctx) {
    if (epochsTrained(ctx) < THRESHOLDS.liveWarmupEpochs || !usesGradients(ctx)) return [];
    const layers = healthOf(ctx);
    return layers.flatMap((h) => {
      const active = wasActive(ctx, 'vanishing-gradient', h.layer);
      if (hasLearnt(ctx, active)) return [];
      // Compared with the strongest gradient after it: the shrinking compounds over layers, so
      // neighbours may differ by 4× each while the first layer gets 1/1000 of the last.
      const later = layers.filter((n) => n.layer > h.layer && finite(n.gradMeanAbs));
      if (later.length === 0 || !finite(h.gradMeanAbs)) return [];
      const next = later.reduce((a, b) => (b.gradMeanAbs > a.gradMeanAbs ? b : a));
      if (next.gradMeanAbs < THRESHOLDS.negligibleGradient) return [];
      const ratio = h.gradMeanAbs / next.gradMeanAbs;
      if (ratio >= limit(active, THRESHOLDS.vanishingRatio, THRESHOLDS.vanishingRatioRelease)) return [];
      const activation = ctx.spec.layers[h.layer].activation;
      const args = { layer: layerName(ctx, h.layer), ratio: formatNumber(ratio), next: next.layer + 1, mean: formatNumber(h.gradMeanAbs), nextMean: formatNumber(next.gradMeanAbs) };
      const message =
        activation === 'sigmoid'
          ? t(`The gradient reaching {layer} is {ratio} times layer {next}'s (mean |∂L/∂W| {mean} vs {nextMean}): each sigmoid layer multiplies the backpropagated gradient by σ'(z) ≤ 0.25, less in the saturation zones, so this layer learns orders of magnitude slower than the ones after it (vanishing gradient). relu keeps the factor at 1 for active units.`, args)
          : activation === 'tanh'
            ? t(`The gradient reaching {layer} is {ratio} times layer {next}'s (mean |∂L/∂W| {mean} vs {nextMean}): tanh'(z) falls towards 0 in the saturation zones (|z| > 3), so this layer learns orders of magnitude slower than the ones after it (vanishing gradient). relu keeps the factor at 1 for active units.`, args)
            : t(`The gradient reaching {layer} is {ratio} times layer {next}'s (mean |∂L/∂W| {mean} vs {nextMean}): the weights and derivatives on the way back shrink it, so this layer learns orders of magnitude slower than the ones after it (vanishing gradient). relu keeps the factor at 1 for active units.`, args);
      const src = ctx.src;
      const fixes = src !== undefined && (activation === 'sigmoid' || activation === 'tanh') ? compactFixes(setActivationFix(src, h.layer, 'relu')) : [];
      return [layerProblem(ctx, 'vanishing-gradient', 'warning', message, h.layer, fixes)];
    });
  },
};

export const explodingGradient: LiveRule = {
  code: 'exploding-gradient',
  severity: 'warning',
  summary: 'A layer\'s gradient is huge, or orders of magnitude larger than the next layer\'s.',
  check(ctx) {
    if (epochsTrained(ctx) < 1 || !usesGradients(ctx)) return [];
    const layers = healthOf(ctx);
    return layers.flatMap((h) => {
      if (!finite(h.gradNorm) || !finite(h.gradMeanAbs)) return [];
      const next = layers.find((n) => n.layer === h.layer + 1);
      const ratio = next !== undefined && finite(next.gradMeanAbs) && next.gradMeanAbs > THRESHOLDS.negligibleGradient ? h.gradMeanAbs / next.gradMeanAbs : undefined;
      const active = wasActive(ctx, 'exploding-gradient', h.layer);
      const huge = h.gradNorm > limit(active, THRESHOLDS.explodingNorm, THRESHOLDS.explodingNormRelease);
      const growing = ratio !== undefined && ratio > limit(active, THRESHOLDS.explodingRatio, THRESHOLDS.explodingRatioRelease);
      if (!huge && !growing) return [];
      const name = layerName(ctx, h.layer);
      const detail = huge
        ? t('{Layer}: its gradient norm ‖∂L/∂W‖ is {norm}.', { Layer: capitalised(name), norm: formatNumber(h.gradNorm) })
        : t(`{Layer}: its gradient is {ratio} times the next layer's (mean |∂L/∂W| {mean} vs {nextMean}).`, {
            Layer: capitalised(name),
            ratio: formatNumber(ratio as number),
            mean: formatNumber(h.gradMeanAbs),
            nextMean: formatNumber((next as { gradMeanAbs: number }).gradMeanAbs),
          });
      // Each sentence states what its measurement shows: the chain of mean |∂L/∂W| from this layer
      // to the output, and the step lr·‖∂L/∂W‖ against ‖W‖.
      const chain = layers.filter((n) => n.layer >= h.layer);
      const means = chain.map((n) => formatNumber(n.gradMeanAbs)).join(', ');
      const grows = chain.length >= 2 && chain.every((n, i) => i === chain.length - 1 || (finite(n.gradMeanAbs) && finite(chain[i + 1].gradMeanAbs) && n.gradMeanAbs > THRESHOLDS.explodingGrowthPerLayer * chain[i + 1].gradMeanAbs));
      const growth =
        chain.length < 2
          ? t('No layer lies between it and the loss, so nothing has multiplied it on the way back.')
          : grows
            ? t('On the way back from the output it grows layer by layer (mean |∂L/∂W| from this layer to the output: {means}): gradients multiplied by large weights compound (exploding gradient).', { means })
            : t('It does not grow layer by layer on the way back (mean |∂L/∂W| from this layer to the output: {means}), so the size does not come from compounding between layers.', { means });
      const lr = ctx.spec.training.learningRate;
      const step = h.weightNorm > 0 ? (lr * h.gradNorm) / h.weightNorm : Infinity;
      const large = step > THRESHOLDS.updateRatioHigh;
      const stepSentence = large
        ? t(`With lr = {lr} a step lr·‖∂L/∂W‖ is {step} times the weights' norm ‖W‖ = {norm}: it throws the weights far away. A smaller learning rate or init keeps steps bounded.`, { lr: String(lr), step: formatNumber(step), norm: formatNumber(h.weightNorm) })
        : t(`With lr = {lr} a step lr·‖∂L/∂W‖ is only {step} times the weights' norm ‖W‖ = {norm}, so the steps stay small; a smaller init or standardised data keep the gradient itself smaller.`, { lr: String(lr), step: formatNumber(step), norm: formatNumber(h.weightNorm) });
      // Three whole sentences, each translated on its own.
      const message = `${detail} ${growth} ${stepSentence}`;
      const fixes = large && ctx.src !== undefined ? compactFixes(lowerLearningRateFix(ctx.src, ctx.spec)) : [];
      return [layerProblem(ctx, 'exploding-gradient', 'warning', message, h.layer, fixes)];
    });
  },
};

/** English starts a sentence with a capital; other scripts are left as they are. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
