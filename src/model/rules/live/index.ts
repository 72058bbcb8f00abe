// The live rules, and the one function the training session calls after each snapshot.

import type { HealthReport } from '../../../engine/health-types';
import type { HistoryPoint } from '../../../shared/protocol/snapshot';
import { fixSourceOf } from '../../fixes';
import type { ParseResult, Problem } from '../../spec';
import type { LiveContext, LiveRule, PreviousLiveProblem } from '../rule';
import { deadRelu } from './dead-relu';
import { divergence } from './divergence';
import { explodingGradient, vanishingGradient } from './gradients';
import { overfitting } from './overfitting';
import { saturation } from './saturation';
import { updateRatio } from './update-ratio';

export const LIVE_RULES: readonly LiveRule[] = [divergence, saturation, vanishingGradient, explodingGradient, deadRelu, updateRatio, overfitting];

/** Every code a live rule can report (saturation reports one of two). */
export const LIVE_CODES = ['divergence', 'sigmoid-saturation', 'tanh-saturation', 'vanishing-gradient', 'exploding-gradient', 'dead-relu', 'update-ratio', 'overfitting'] as const;

export interface LiveInput {
  parse: ParseResult;
  health: HealthReport;
  history: readonly HistoryPoint[];
  /**
   * The live problems this function returned for the previous snapshot of the same run (the
   * session's last list may be passed as is). With it, a problem already shown stays until its
   * measure is back a clear margin inside the trigger (hysteresis), so a borderline measure does
   * not flicker; without it, every problem is judged afresh against its trigger.
   */
  previous?: readonly PreviousLiveProblem[];
}

/**
 * Problems read off the latest health statistics and the loss history, each on its layer's
 * range (or the value to change). Empty when the parse has no spec (the text does not train).
 * Once training diverged, only the divergence is reported: every other statistic is then noise.
 */
export function liveProblems(input: LiveInput): Problem[] {
  const spec = input.parse.spec;
  if (spec === undefined) return [];
  const ctx: LiveContext = {
    spec,
    locations: input.parse.locations,
    src: input.parse.text !== undefined ? fixSourceOf(input.parse.text) : undefined,
    health: input.health,
    history: input.history,
    previous: input.previous ?? [],
  };
  const diverged = divergence.check(ctx);
  if (diverged.length > 0) return diverged;
  return LIVE_RULES.filter((rule) => rule !== divergence).flatMap((rule) => rule.check(ctx));
}
