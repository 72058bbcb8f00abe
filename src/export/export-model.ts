// The export's one entry point: model text (and what it refers to) → the file's content, or a
// refusal that says why. Pure: the CLI and the editor command read and write the files.

import { EngineError, type WeightsFile } from '../engine/index';
import type { Problem } from '../model/index';
import { prepare } from '../run/headless-run';
import { jsonProblems } from '../run/json-problems';
import { NO_POINTS_CODE } from '../run/problems';
import { EXPORT_MESSAGES } from './messages';
import { pytorchNotebook } from './notebook';
import { makePlan, type ExportDtype, type ExportTarget } from './plan';
import { pytorchScript } from './pytorch-script';

export interface ExportRequest {
  /** The model's text. */
  text: string;
  /** The model file's name (`spiral.nn.json`), named in the script's header. */
  source: string;
  to: ExportTarget;
  dtype?: ExportDtype;
  /** The CSV's text when the model reads one. */
  csvText?: string;
  /** Trained weights to start from; absent: the initial weights drawn from the seed. */
  trained?: WeightsFile;
}

export type ExportResult =
  | { ok: true; content: string; problems: Problem[] }
  /** `problems` holds the model's errors when those are the reason. */
  | { ok: false; reason: string; problems: Problem[] };

/**
 * Step and sign units trained by gradients need no check here: the model's own rule
 * (threshold-needs-perceptron) makes them an error, so they are refused with that problem; the
 * perceptron rule is exported as its update loop.
 */
export function exportModel(request: ExportRequest): ExportResult {
  // With the trainer built, what only the engine refuses (say dropout on the output layer) is a problem here too.
  const prepared = prepare(request.text, request.csvText !== undefined ? { csvText: request.csvText } : {});
  const errors = prepared.problems.filter((p) => p.severity === 'error');
  const spec = prepared.parse.spec;
  if (errors.length > 0 || spec === undefined) {
    return { ok: false, reason: EXPORT_MESSAGES.hasErrors(request.source, Math.max(1, errors.length)), problems: errors };
  }
  const noPoints = prepared.problems.find((p) => p.code === NO_POINTS_CODE);
  if (noPoints !== undefined) return { ok: false, reason: EXPORT_MESSAGES.noPoints(request.source, noPoints.message), problems: [noPoints] };
  let plan: ReturnType<typeof makePlan>;
  try {
    plan = makePlan({
      spec,
      ...(request.csvText !== undefined ? { csvText: request.csvText } : {}),
      ...(request.trained !== undefined ? { trained: request.trained } : {}),
      problems: jsonProblems(prepared.problems),
      dtype: request.dtype ?? 'float64',
      source: request.source,
    });
  } catch (error) {
    if (request.trained !== undefined && error instanceof EngineError) {
      return { ok: false, reason: EXPORT_MESSAGES.weightsDoNotFit(request.source, error.message), problems: [] };
    }
    throw error;
  }
  const content = request.to === 'notebook' ? pytorchNotebook(plan) : pytorchScript(plan);
  return { ok: true, content, problems: prepared.problems };
}

/** `models/spiral.nn.json` → `models/spiral.py` or `models/spiral.ipynb`. */
export function exportFileName(modelFileName: string, to: ExportTarget): string {
  const stem = modelFileName.replace(/\.nn\.json$/i, '').replace(/\.json$/i, '');
  return `${stem}.${to === 'notebook' ? 'ipynb' : 'py'}`;
}
