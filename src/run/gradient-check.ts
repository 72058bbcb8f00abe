// What a gradient check found, in words: one verdict against one tolerance, shared by the editor's
// Verify Gradients command and the CLI's `gradcheck`, so both say the same thing about the same
// numbers. Pure: no `vscode`, no Node.

import { ACTIVATION_INFO } from '../engine/activations';
import type { GradientCheckResult } from '../engine/trainer-api';
import type { ActivationName } from '../engine/types';
import { THRESHOLDS } from '../model/thresholds';
import { formatCount, formatNumber, joinList, t, tn } from '../shared/l10n';

export interface GradientCheckVerdict {
  /** The max relative error is within `tolerance`, and no step or sign unit makes the check meaningless. */
  pass: boolean;
  tolerance: number;
  /** Whole sentences: what was checked, the error and where, the verdict, and any caveat. */
  text: string;
}

/**
 * Why step and sign units cannot be gradient-checked (said whenever the model has them, whatever
 * the error): backpropagation gets 0 through a threshold, finite differences get a jump.
 */
export function nonDifferentiableMessage(layers: readonly string[]): string {
  return t(
    'Step and sign units cannot be gradient-checked: their derivative is 0 wherever it exists and undefined at the threshold, so backpropagation passes no gradient through {layers}, while finite differences jump whenever a small change moves a sample across the threshold.',
    { layers: joinList(layers) },
  );
}

/** `activations`: each layer's activation, in order (the check's layers). */
export function judgeGradientCheck(result: GradientCheckResult, activations: readonly string[]): GradientCheckVerdict {
  const tolerance = THRESHOLDS.gradientTolerance;
  const error = result.maxRelativeError;
  const sampled = result.parameters + (result.kinks ?? 0);
  const w = result.worst;
  // The numbers are written once here, as every gradient-check figure is (3 significant digits).
  const args = {
    sampled: formatCount(sampled),
    total: formatCount(result.totalParameters),
    error: formatNumber(error),
    layer: w.layer + 1,
    // The parameter as the worst entry names it: "weight 3", "bias 0".
    parameter: w.kind === 'weight' ? t('weight {index}', { index: String(w.index) }) : t('bias {index}', { index: String(w.index) }),
    analytic: formatNumber(w.analytic),
    numeric: formatNumber(w.numeric),
  };
  let summary =
    sampled < result.totalParameters
      ? t('Gradient check of {sampled} of the {total} parameters (an evenly spaced subset across every layer): max relative error {error}, worst at layer {layer} {parameter} (backpropagation {analytic}, finite differences {numeric}).', args)
      : t('Gradient check of all {total} parameters: max relative error {error}, worst at layer {layer} {parameter} (backpropagation {analytic}, finite differences {numeric}).', args);
  if (result.kinks) summary = sentences(summary, tn(result.kinks, '{count} of them sat exactly on a kink and was left out.', '{count} of them sat exactly on a kink and were left out.'));
  const thresholdLayers = activations.flatMap((a, i) => (a in ACTIVATION_INFO && !ACTIVATION_INFO[a as ActivationName].differentiable ? [t('layer {layer} ({activation})', { layer: i + 1, activation: a })] : []));
  const within = error <= tolerance;
  // Through a step or sign unit both sides are usually 0: agreeing then verifies nothing.
  const pass = within && thresholdLayers.length === 0;
  const limit = { tolerance: formatNumber(tolerance) };
  const verdict = !within
    ? t('Fail: above the tolerance of {tolerance}; the analytic gradients disagree with finite differences.', limit)
    : !pass
      ? t('Fail: the error is within the tolerance of {tolerance}, but with step or sign units that verifies nothing.', limit)
      : error < THRESHOLDS.gradientAgrees
        ? t('Pass: within the tolerance of {tolerance}; backpropagation agrees with finite differences.', limit)
        : t('Pass: within the tolerance of {tolerance}; a kink (ReLU at 0) near a sample can explain this much.', limit);
  const text = sentences(summary, verdict);
  return { pass, tolerance, text: thresholdLayers.length > 0 ? sentences(text, nonDifferentiableMessage(thresholdLayers)) : text };
}

/** One sentence after another: a space in English, none in Chinese. */
function sentences(first: string, second: string): string {
  return t('{first} {second}', { first, second });
}
