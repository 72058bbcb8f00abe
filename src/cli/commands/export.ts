// `export <file> --to pytorch|notebook`: writes the model as a PyTorch script or notebook that
// reproduces its run. Exit 1 when the model cannot be exported (its errors, a layer backpropagation
// cannot train, trained weights that do not fit), 2 for files: a missing sidecar, an output that
// exists without --force, a path that cannot be written.

import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXPORT_MESSAGES, EXPORT_TARGET_NAMES, exportFileName, exportModel, type ExportDtype, type ExportTarget, type ExportWeights } from '../../export/index';
import { FileError, weightsPath, writeText } from '../files';
import { loadFiles } from '../load';
import type { Output } from '../output';
import { problemLines } from '../render';

export interface ExportArgs {
  file: string;
  to: ExportTarget;
  out?: string;
  weights: ExportWeights;
  dtype: ExportDtype;
  force: boolean;
  allowDataOutside?: boolean;
}

/** Where the export goes when --out is not given: beside the model, named after it. */
export function defaultExportPath(modelPath: string, to: ExportTarget): string {
  return join(dirname(modelPath), exportFileName(basename(modelPath), to));
}

export function exportCommand(args: ExportArgs, io: Output): number {
  const loaded = loadFiles(args.file, { weights: args.weights === 'trained', allowDataOutside: args.allowDataOutside === true });
  if (loaded.readProblems.length > 0) {
    io.out(problemLines(args.file, loaded.readProblems));
    io.err(`nn-playground: ${EXPORT_MESSAGES.hasErrors(basename(args.file), loaded.readProblems.length)}`);
    return 1;
  }
  if (args.weights === 'trained' && loaded.weights === undefined) {
    throw new FileError(EXPORT_MESSAGES.noTrainedWeights(basename(args.file), weightsPath(args.file)));
  }
  const out = args.out ?? defaultExportPath(args.file, args.to);
  // Checked before the work: a refusal to overwrite should not wait for the export.
  if (existsSync(out) && !args.force) throw new FileError(EXPORT_MESSAGES.outputExists(out));
  const result = exportModel({
    text: loaded.text,
    source: basename(args.file),
    to: args.to,
    dtype: args.dtype,
    ...(loaded.csvText !== undefined ? { csvText: loaded.csvText } : {}),
    ...(loaded.weights !== undefined ? { trained: loaded.weights } : {}),
  });
  if (!result.ok) {
    if (result.problems.length > 0) io.out(problemLines(args.file, result.problems));
    io.err(`nn-playground: ${result.reason}`);
    return 1;
  }
  writeText(out, result.content, EXPORT_TARGET_NAMES[args.to]);
  io.out(EXPORT_MESSAGES.written(EXPORT_TARGET_NAMES[args.to], out));
  if (result.problems.length > 0) io.out(problemLines(args.file, result.problems));
  return 0;
}
