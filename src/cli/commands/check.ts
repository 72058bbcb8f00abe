// `check <file>`: parse, read the CSV if any, run the static rules. No training.

import { t } from '../../shared/l10n';
import { jsonProblems, problemLines } from '../render';
import type { Output } from '../output';
import { loadFiles, prepareLoaded } from '../load';

export function check(file: string, json: boolean, io: Output, maxParameters?: number, allowDataOutside = false): number {
  const prepared = prepareLoaded(loadFiles(file, { weights: false, allowDataOutside }), { buildTrainer: false, ...(maxParameters !== undefined ? { maxParameters } : {}) });
  const problems = prepared.problems;
  if (json) io.out(JSON.stringify({ problems: jsonProblems(problems) }));
  else io.out(problems.length > 0 ? problemLines(file, problems) : t('{file}: no problems', { file }));
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}
