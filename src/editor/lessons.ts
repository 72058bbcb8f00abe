// The theory the hovers teach (../shared/notes/theory.md, claim by claim), tied to the numbers of
// the model being edited. All lesson text lives here, so the wording is written once and the
// arithmetic behind each "here, this means …" sentence is unit-tested. Pure: no vscode.
// Every sentence goes through t()/tn() (src/shared/l10n): the theory paragraphs as one message
// each, every "Here: …"/"Now: …" line as a whole sentence with its live numbers as placeholders
// (one message per variant, never glued from pieces). Measured values come formatted
// (formatNumber, markdownPercent), so the English reads as before; counts go in as numbers.

import { ACTIVATION_INFO, activationRecord, isActivationName } from '../engine/activations';
import type { HealthReport, LayerHealth } from '../engine/health-types';
import type { InitSpec } from '../engine/types';
import { layerInits, predictedSaturation } from '../model/index';
import type { DataFacts, ModelSpec } from '../model/spec';
import { SATURATION_THRESHOLD } from '../model/vocabulary';
import type { HistoryPoint } from '../shared/protocol/snapshot';
import { joinList, t, tn } from '../shared/l10n';
import { codeSpanText, formatNumber, markdownPercent } from './format';

/** The keys of a `.nn.json` file that have a lesson. */
export const LESSON_KEYS = ['activation', 'loss', 'init', 'dropout', 'regularization', 'learningRate'] as const;
export type LessonKey = (typeof LESSON_KEYS)[number];

/**
 * |z| beyond which the derivative is below 0.01 (theory claim 6; the engine finds it by bisection):
 * 4.6 for sigmoid, 3.0 for tanh. For tanh that is 1% of its maximum; for sigmoid ~4% of its
 * maximum 0.25, so lessons say "below 0.01". Null for activations without saturation zones.
 */
export function saturationThreshold(activation: string): number | null {
  return isActivationName(activation) ? (ACTIVATION_INFO[activation].saturation?.threshold ?? null) : null;
}

/** Derivative of an activation at z; a softmax unit against a rival at 0 is a sigmoid. */
export function activationDerivative(activation: string, z: number): number {
  if (!isActivationName(activation)) return Number.NaN;
  return activationRecord(activation).derivative(z);
}

/**
 * The activation's definition for a layer hover, from the activation table: its formula and, when
 * torch.nn has one, the PyTorch module that computes the same function.
 */
export function activationDefinition(activation: string): string | null {
  if (!isActivationName(activation)) return null;
  const record = activationRecord(activation);
  return record.pytorch === null
    ? t('The activation is `{formula}`; PyTorch has no module for it.', { formula: record.formula })
    : t('The activation is `{formula}`, in PyTorch `{module}`.', { formula: record.formula, module: record.pytorch });
}

/** What a lesson can tie its theory to. Every field may be missing: before training, or on a broken file. */
export interface LessonContext {
  spec?: ModelSpec;
  /** What the text (or the built data) says about the inputs: their width, feature names. */
  facts?: DataFacts;
  health?: HealthReport | null;
  last?: HistoryPoint;
  /** The layer the hovered key belongs to, for per-layer keys. */
  layer?: number;
}

/** What any activation needs, for a name the table does not know (read when shown, in the UI's language). */
function whyActivations(): string {
  return t('An activation should be continuous and differentiable (a few points excepted) for gradient descent, simple with a simple derivative, and have a derivative neither too large nor too small for stable training.');
}

function layerHealth(context: LessonContext): LayerHealth | undefined {
  if (context.layer === undefined) return undefined;
  return context.health?.layers.find((entry) => entry.layer === context.layer);
}


/**
 * The predicted saturated share at init for one layer, as a sentence, or null when it does not
 * apply. The prediction is the model rules' own (init-scale.ts: z ~ N(0, fan_in·E[w²]·E[x²]), with
 * E[x²] propagated layer by layer), so the hover and the `init-saturation` problem quote one number.
 */
export function initSaturationSentence(spec: ModelSpec, layer: number, facts: DataFacts | undefined): string | null {
  const config = spec.layers[layer];
  const threshold = config ? SATURATION_THRESHOLD[config.activation] : undefined;
  if (!config || threshold === undefined || facts?.inputSize === undefined) return null;
  const entry = layerInits(spec, facts, true)?.[layer];
  if (!entry) return null;
  const { std, share } = predictedSaturation(entry.fanIn, entry.secondMoment, threshold, entry.inputSecondMoment);
  // The same three descriptions of the inputs as the init-saturation problem's (one translation each).
  const inputs =
    layer === 0
      ? entry.inputSecondMoment === 1
        ? t('standardised inputs, E[x²] = 1')
        : t('inputs with E[x²] = {moment}', { moment: formatNumber(entry.inputSecondMoment) })
      : t("layer {layer}'s outputs as inputs, E[h²] ≈ {moment}", { layer, moment: formatNumber(entry.inputSecondMoment) });
  return t('At init ({init}, fan-in {fanIn}, {inputs}), z ~ N(0, fan_in·E[w²]·E[x²]) has σ_z ≈ {std}: predicted **{share} saturated** (|z| > {threshold}).', {
    init: describeInit(entry.init),
    fanIn: entry.fanIn,
    inputs,
    std: formatNumber(std),
    share: markdownPercent(share),
    threshold: formatNumber(threshold),
  });
}

export function describeInit(init: InitSpec): string {
  switch (init.distribution) {
    case 'gaussian':
      return t('N({mean}, {std}), std not variance', { mean: formatNumber(init.mean ?? 0), std: formatNumber(init.std ?? 0.01) });
    case 'uniform':
      return `U(−${formatNumber(init.limit ?? 0.05)}, ${formatNumber(init.limit ?? 0.05)})`;
    default:
      return init.distribution;
  }
}

/** Lesson on `activation`: the function's theory, then what it means for this layer now. */
export function activationLesson(activation: string, context: LessonContext): string[] {
  const lines = [t('**Activation `{name}`.** {lesson}', { name: codeSpanText(activation), lesson: isActivationName(activation) ? activationRecord(activation).lesson : whyActivations() })];
  const health = layerHealth(context);
  if (health) {
    const median = health.preActivations.percentiles[4];
    if (health.saturatedFraction !== null) {
      lines.push(t("Now: {share} of this layer's pre-activations are in the saturation zone.", { share: markdownPercent(health.saturatedFraction) }));
    }
    if (health.deadFraction !== null) lines.push(t('Now: {share} of its units never activated in the last epoch (dead).', { share: markdownPercent(health.deadFraction) }));
    if (median !== undefined && Number.isFinite(median)) {
      lines.push(t('At the median pre-activation z = {z}, f′(z) = {slope}.', { z: formatNumber(median), slope: formatNumber(activationDerivative(activation, median)) }));
    }
  }
  if (context.spec && context.layer !== undefined) {
    const sentence = initSaturationSentence(context.spec, context.layer, context.facts);
    if (sentence) lines.push(sentence);
  }
  return lines;
}

/** Lesson on `init`: degenerate zeros, the 3σ rule with this model's numbers, saturation at init. */
export function initLesson(init: InitSpec, context: LessonContext): string[] {
  const lines = [
    t(
      '**Weight initialisation.** Good initialisation eases training. All zeros makes the network degenerate: every unit of a layer computes the same output and receives the same gradient, so the units stay identical. A Gaussian N(μ, σ) is common; the scale must keep initial pre-activations out of the saturation zone. xavier (variance 2/(fan-in + fan-out)) suits tanh/sigmoid, he (variance 2/fan-in) suits ReLU.',
    ),
  ];
  if (init.distribution === 'zeros') {
    lines.push(t('Here: every weight starts at 0, so each layer behaves like a single unit — training cannot break the symmetry.'));
  } else if (init.distribution === 'gaussian') {
    const mean = init.mean ?? 0;
    const std = init.std ?? 0.01;
    const args = { mean: formatNumber(mean), std: formatNumber(std), low: formatNumber(mean - 3 * std), high: formatNumber(mean + 3 * std) };
    lines.push(t('Here: N({mean}, {std}), σ = {std} read as the standard deviation (not the variance). 3σ rule: 99.73% of initial weights lie in ({low}, {high}).', args));
  }
  const spec = context.spec;
  if (spec) {
    const layers = context.layer !== undefined ? [context.layer] : spec.layers.map((_, index) => index);
    for (const layer of layers) {
      const sentence = initSaturationSentence(spec, layer, context.facts);
      if (sentence) lines.push(t('Layer {layer} ({activation}): {sentence}', { layer: layer + 1, activation: spec.layers[layer].activation, sentence }));
    }
    const health = context.health;
    if (health && health.layers.length > 0) {
      const stds = health.layers
        .filter((entry) => context.layer === undefined || entry.layer === context.layer)
        .map((entry) => t('layer {layer}: {value}', { layer: entry.layer + 1, value: formatNumber(entry.weights.std) }));
      if (stds.length > 0) lines.push(t('Weight std now — {list}.', { list: joinList(stds) }));
    }
  }
  return lines;
}

/** Lesson on `dropout`: what it does, keep probability, test-time scaling, and the current gap. */
export function dropoutLesson(probability: number, context: LessonContext, mode: string | undefined): string[] {
  const keep = 1 - probability;
  const lines = [
    t(
      "**Dropout.** While training, each output of this layer is dropped (set to 0) with probability p, so the network cannot rely on any single unit; this reduces overfitting (variance). At test time nothing is dropped, so the scale must match: multiply by the keep probability 1 − p at test time ('scale-at-test'), or divide kept outputs by 1 − p while training ('inverted'); the two are equal in expectation.",
    ),
  ];
  const units = context.spec && context.layer !== undefined ? context.spec.layers[context.layer]?.units : undefined;
  const args = { p: formatNumber(probability), keep: formatNumber(keep), mode: mode ?? '' };
  if (units === undefined) {
    lines.push(mode ? t("Here: p = {p}, keep probability {keep}, mode '{mode}'.", args) : t('Here: p = {p}, keep probability {keep}.', args));
  } else {
    const active = formatNumber(units * keep);
    lines.push(
      mode
        ? tn(units, "Here: p = {p}, keep probability {keep}, about {active} of {count} unit active per step, mode '{mode}'.", "Here: p = {p}, keep probability {keep}, about {active} of {count} units active per step, mode '{mode}'.", { ...args, active })
        : tn(units, 'Here: p = {p}, keep probability {keep}, about {active} of {count} unit active per step.', 'Here: p = {p}, keep probability {keep}, about {active} of {count} units active per step.', { ...args, active }),
    );
  }
  return lines.concat(gapSentence(context.last));
}

function gapSentence(last: HistoryPoint | undefined): string[] {
  if (!last || last.testCost === null) return [];
  const gap = last.testCost - last.trainCost;
  const args = { train: formatNumber(last.trainCost), test: formatNumber(last.testCost), gap: formatNumber(gap) };
  return [
    gap > 0
      ? t('Now: train cost {train}, test cost {test} — a gap of {gap} (the larger it grows, the more the model overfits).', args)
      : t('Now: train cost {train}, test cost {test}.', args),
  ];
}

/** Lesson on `regularization`: objective = cost + term; L2 as weight decay with this model's factor. */
export function regularizationLesson(type: string, lambda: number, learningRate: number | undefined, context: LessonContext): string[] {
  const lines = [
    t(
      '**Regularisation.** Objective = cost + a term that limits the model’s complexity, against overfitting (high variance: good on training data, bad on test data). L2 adds (λ/2)·Σw²; its gradient λw makes it **weight decay**: w ← w(1 − LR·λ) − LR·∂Loss/∂w. L1 adds λ·Σ|w|, which pushes small weights to exactly 0.',
    ),
  ];
  if (type === 'l2' && learningRate !== undefined) {
    // The factor keeps six significant digits (0.999000): a decay of 1e-4 per step must stay visible.
    lines.push(
      t('Here: λ = {lambda}, LR = {lr}: each step multiplies every weight by 1 − LR·λ = {factor} before the gradient step.', {
        lambda: formatNumber(lambda),
        lr: formatNumber(learningRate),
        factor: (1 - learningRate * lambda).toPrecision(6),
      }),
    );
  } else if (type === 'l1') {
    lines.push(t('Here: λ = {lambda}: each step moves every weight towards 0 by LR·λ (plus the gradient step).', { lambda: formatNumber(lambda) }));
  } else if (type === 'none') {
    lines.push(t('Here: none — the objective is the cost alone.'));
  }
  const last = context.last;
  if (last && last.trainObjective > 0 && type !== 'none') {
    lines.push(
      t('Now: regularisation term {term}, {share} of the objective {objective}.', {
        term: formatNumber(last.trainRegularization),
        share: markdownPercent(last.trainRegularization / last.trainObjective),
        objective: formatNumber(last.trainObjective),
      }),
    );
  }
  return lines.concat(gapSentence(last));
}

/** Lesson on `learningRate`: the update rule and each layer's update ratio now. */
export function learningRateLesson(learningRate: number, context: LessonContext): string[] {
  const lr = formatNumber(learningRate);
  const lines = [
    t(
      '**Learning rate.** Gradient descent moves each weight against its gradient (the direction of steepest increase of the loss): w ← w − LR·∂L/∂w. The learning rate sets the step: too small and learning crawls, too large and the steps overshoot — the loss grows and can diverge to NaN. It is usually below 1.',
    ),
    learningRate >= 1 ? t('Here: LR = {lr} — at or above 1, a large step for most networks.', { lr }) : t('Here: LR = {lr}.', { lr }),
  ];
  const health = context.health;
  if (health && health.layers.length > 0) {
    const ratios = health.layers.map((entry) => t('layer {layer}: {value}', { layer: entry.layer + 1, value: formatNumber(entry.updateRatio) }));
    lines.push(t('Update ratio LR·‖∇W‖/‖W‖ now (healthy near 1e-3) — {list}.', { list: joinList(ratios) }));
  }
  return lines;
}

/** Lesson on `loss`: loss/cost/objective, the formula, and the current cost against chance. */
export function lossLesson(loss: string, context: LessonContext): string[] {
  const lines = [t('**Loss, cost, objective.** The loss is the gap for one sample, f(ŷ, y); the cost is its mean over the N samples; the objective is the cost plus the regularisation term.')];
  if (loss === 'mse') {
    lines.push(t('**MSE** = Σ(yᵢ − ŷᵢ)²/n, the mean squared gap: for regression.'));
  } else {
    lines.push(
      t(
        '**Cross-entropy** H(p, q) = −Σ p(xᵢ)·log q(xᵢ), p the true distribution (the label), q the model’s (softmax or sigmoid output): for classification. Cross-entropy = entropy + KL divergence D_KL(p‖q); with certain labels the entropy is 0, so minimising it brings q to p.',
      ),
    );
  }
  const last = context.last;
  const classes = classCount(context);
  if (last) {
    const cost = formatNumber(last.trainCost);
    lines.push(
      loss !== 'mse' && classes !== undefined && classes >= 2
        ? t('Now: train cost {cost}; guessing uniformly over {classes} classes would score ln {classes} = {chance}.', { cost, classes, chance: formatNumber(Math.log(classes)) })
        : t('Now: train cost {cost}.', { cost }),
    );
  }
  return lines;
}

function classCount(context: LessonContext): number | undefined {
  const spec = context.spec;
  if (!spec || spec.layers.length === 0) return undefined;
  const output = spec.layers[spec.layers.length - 1];
  if (output.units === 1) return 2;
  return output.units;
}
