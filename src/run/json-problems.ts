// The JSON shape of a problem (1-based line and column, as editors and CI read them), shared by
// `check --json`, `train --json` and the export's plan.

import type { Problem } from '../model/index';

export interface JsonProblem {
  code: string;
  severity: Problem['severity'];
  message: string;
  line: number;
  column: number;
}

export function jsonProblems(problems: readonly Problem[]): JsonProblem[] {
  return problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, line: p.range.start.line + 1, column: p.range.start.character + 1 }));
}
