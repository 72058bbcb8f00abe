// `gradcheck <file>`: backpropagation's gradients against central finite differences, on the
// model's initial weights (or its saved ones), with the verdict the editor's Verify Gradients
// command gives (src/run/gradient-check.ts). Exit 1 when the check fails.

import { jsonProblems, problemLines } from '../render';
import type { Output } from '../output';
import { loadFiles, prepareLoaded } from '../load';
import { judgeGradientCheck } from '../../run/gradient-check';

export function gradcheck(file: string, json: boolean, io: Output, maxParameters?: number, allowDataOutside = false): number {
  const prepared = prepareLoaded(loadFiles(file, { weights: true, allowDataOutside }), maxParameters !== undefined ? { maxParameters } : {});
  const errors = prepared.problems.filter((p) => p.severity === 'error');
  if (prepared.trainer === undefined || errors.length > 0) {
    if (json) io.out(JSON.stringify({ problems: jsonProblems(errors) }));
    else io.out(problemLines(file, errors));
    return 1;
  }
  const result = prepared.trainer.gradientCheck();
  const verdict = judgeGradientCheck(result, prepared.parse.spec?.layers.map((layer) => layer.activation) ?? []);
  if (json) {
    io.out(
      JSON.stringify({
        maxRelativeError: result.maxRelativeError,
        parameters: result.parameters,
        totalParameters: result.totalParameters,
        tolerance: verdict.tolerance,
        pass: verdict.pass,
        message: verdict.text,
      }),
    );
  } else {
    io.out(verdict.text);
  }
  return verdict.pass ? 0 : 1;
}
