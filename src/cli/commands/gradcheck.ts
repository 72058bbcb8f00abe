// `gradcheck <file>`: backpropagation's gradients against central finite differences, on the
// model's initial weights (or its saved ones).

import { jsonProblems, problemLines } from '../render';
import type { Output } from '../output';
import { loadFiles, prepareLoaded } from '../load';
import { num } from '../../model/stats';

export function gradcheck(file: string, json: boolean, io: Output, allowDataOutside = false): number {
  const prepared = prepareLoaded(loadFiles(file, { weights: true, allowDataOutside }));
  const errors = prepared.problems.filter((p) => p.severity === 'error');
  if (prepared.trainer === undefined || errors.length > 0) {
    if (json) io.out(JSON.stringify({ problems: jsonProblems(errors) }));
    else io.out(problemLines(file, errors));
    return 1;
  }
  const result = prepared.trainer.gradientCheck();
  if (json) {
    io.out(JSON.stringify({ maxRelativeError: result.maxRelativeError, parameters: result.parameters }));
  } else {
    const w = result.worst;
    io.out(`max relative error ${num(result.maxRelativeError)} over ${result.parameters} parameters`);
    io.out(`worst: layer ${w.layer + 1} ${w.kind} ${w.index}: backprop ${num(w.analytic)}, finite differences ${num(w.numeric)}`);
  }
  return 0;
}
