// What a gradient check found, in words: one verdict against one tolerance, shared by the editor's
// Verify Gradients command and the CLI's `gradcheck`, so both say the same thing about the same
// numbers. Pure: no `vscode`, no Node.

import { ACTIVATION_INFO } from '../engine/activations';
import type { GradientCheckResult } from '../engine/trainer-api';
import type { ActivationName } from '../engine/types';
import { formatNumber } from '../shared/l10n';
import { THRESHOLDS } from '../model/thresholds';
import { formatCount } from '../shared/l10n';

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
  return (
    `Step and sign units cannot be gradient-checked: their derivative is 0 wherever it exists and undefined at the threshold, ` +
    `so backpropagation passes no gradient through ${layers.join(', ')}, while finite differences jump whenever a small change moves a sample across the threshold.`
  );
}

/** `activations`: each layer's activation, in order (the check's layers). */
export function judgeGradientCheck(result: GradientCheckResult, activations: readonly string[]): GradientCheckVerdict {
  const tolerance = THRESHOLDS.gradientTolerance;
  const error = result.maxRelativeError;
  const sampled = result.parameters + (result.kinks ?? 0);
  const scope =
    sampled < result.totalParameters
      ? `Gradient check of ${formatCount(sampled)} of the ${formatCount(result.totalParameters)} parameters (an evenly spaced subset across every layer)`
      : `Gradient check of all ${formatCount(result.totalParameters)} parameters`;
  const kinks = result.kinks ? ` ${formatCount(result.kinks)} of them sat exactly on a kink and were left out.` : '';
  const w = result.worst;
  const summary = `${scope}: max relative error ${formatNumber(error)}, worst at layer ${w.layer + 1} ${w.kind} ${w.index} (backpropagation ${formatNumber(w.analytic)}, finite differences ${formatNumber(w.numeric)}).${kinks}`;
  const thresholdLayers = activations.flatMap((a, i) => (a in ACTIVATION_INFO && !ACTIVATION_INFO[a as ActivationName].differentiable ? [`layer ${i + 1} (${a})`] : []));
  const within = error <= tolerance;
  // Through a step or sign unit both sides are usually 0: agreeing then verifies nothing.
  const pass = within && thresholdLayers.length === 0;
  const verdict = !within
    ? `Fail: above the tolerance of ${formatNumber(tolerance)}; the analytic gradients disagree with finite differences.`
    : !pass
      ? `Fail: the error is within the tolerance of ${formatNumber(tolerance)}, but with step or sign units that verifies nothing.`
      : error < THRESHOLDS.gradientAgrees
        ? `Pass: within the tolerance of ${formatNumber(tolerance)}; backpropagation agrees with finite differences.`
        : `Pass: within the tolerance of ${formatNumber(tolerance)}; a kink (ReLU at 0) near a sample can explain this much.`;
  const caveat = thresholdLayers.length > 0 ? ` ${nonDifferentiableMessage(thresholdLayers)}` : '';
  return { pass, tolerance, text: `${summary} ${verdict}${caveat}` };
}
