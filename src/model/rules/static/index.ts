// The static rules, in the order their problems are listed. Each file holds one rule and the
// theory it teaches; this table is what the parser runs and what the README documents.

import type { CheckContext } from '../../semantic';
import type { Problem } from '../../spec';
import type { StaticRule } from '../rule';
import { batchExceedsData } from './batch-exceeds-data';
import { boundedOutput } from './bounded-output';
import { deepSigmoid } from './deep-sigmoid';
import { dropoutHigh } from './dropout-high';
import { dropoutOnOutput } from './dropout-on-output';
import { initSaturation } from './init-saturation';
import { initTooSmall } from './init-too-small';
import { learningRateHigh } from './learning-rate-high';
import { linearCollapse } from './linear-collapse';
import { mseSigmoid } from './mse-sigmoid';
import { notLinearlySeparable } from './not-linearly-separable';
import { softmaxMse } from './softmax-mse';
import { zeroInitSymmetry } from './zero-init-symmetry';

export const STATIC_RULES: readonly StaticRule[] = [
  notLinearlySeparable,
  linearCollapse,
  zeroInitSymmetry,
  initSaturation,
  initTooSmall,
  deepSigmoid,
  learningRateHigh,
  softmaxMse,
  mseSigmoid,
  boundedOutput,
  dropoutOnOutput,
  dropoutHigh,
  batchExceedsData,
];

export function runStaticRules(ctx: CheckContext): Problem[] {
  return STATIC_RULES.flatMap((rule) => rule.check(ctx));
}
