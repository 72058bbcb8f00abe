// The shape of a rule. Static rules read the spec and the text; live rules also read the
// engine's health statistics and the loss history. Codes are stable: settings, tests and the
// README refer to them.

import type { HealthReport } from '../../engine/health-types';
import type { HistoryPoint } from '../../shared/protocol/snapshot';
import type { FixSource } from '../fixes';
import type { CheckContext } from '../semantic';
import type { ModelSpec, Problem, Severity, SpecLocations } from '../spec';

export interface StaticRule {
  code: string;
  severity: Severity;
  /** One line: what the rule catches, for the README and settings. */
  summary: string;
  check(ctx: CheckContext): Problem[];
}

/** A live problem reported at the last snapshot: what hysteresis needs to know of it. */
export type PreviousLiveProblem = Pick<Problem, 'code' | 'layer'> & { severity?: Severity };

export interface LiveContext {
  spec: ModelSpec;
  locations: SpecLocations;
  /** Present when the parse kept its text: fixes that insert text need it. */
  src: FixSource | undefined;
  health: HealthReport;
  history: readonly HistoryPoint[];
  /**
   * The live problems reported last time (see `wasActive`). Optional so that code calling one
   * rule directly (the panel's overfitting shading) judges afresh, as before hysteresis.
   */
  previous?: readonly PreviousLiveProblem[];
}

export interface LiveRule {
  code: string;
  severity: Severity;
  summary: string;
  check(ctx: LiveContext): Problem[];
}
