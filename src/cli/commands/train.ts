// `train <file>`: trains headlessly with a progress bar, then prints the results table and the
// problems (static and live), or one JSON object with --json.

import type { Problem } from '../../model/index';
import { saveWeights } from '../files';
import { trainPrepared } from '../../run/headless-run';
import { loadFiles, prepareLoaded } from '../load';
import type { Output } from '../output';
import { theoryReport } from '../../run/theory-report';
import { t, tn } from '../../shared/l10n';
import { jsonMetrics, jsonProblems, problemLines, progressBar, resultsTable } from '../render';

export interface TrainArgs {
  file: string;
  epochs?: number;
  seed?: number;
  maxParameters?: number;
  json: boolean;
  saveWeights: boolean;
  allowDataOutside?: boolean;
}

/** Redraws at most this often: a terminal does not need 3,000 frames a second. */
const PROGRESS_INTERVAL_MS = 100;

export function train(args: TrainArgs, io: Output): number {
  const loaded = loadFiles(args.file, { weights: true, allowDataOutside: args.allowDataOutside === true });
  const overrides = {
    ...(args.epochs !== undefined ? { epochs: args.epochs } : {}),
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    ...(args.maxParameters !== undefined ? { maxParameters: args.maxParameters } : {}),
  };
  const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

  const prepared = prepareLoaded(loaded, overrides);
  if (prepared.trainer === undefined || hasErrors(prepared.problems)) {
    if (args.json) io.out(JSON.stringify({ epochs: 0, train: null, test: null, problems: jsonProblems(prepared.problems) }));
    else io.out(problemLines(args.file, prepared.problems));
    return 1;
  }

  const showProgress = io.interactive && !args.json && io.progress !== undefined;
  let lastDraw = 0;
  const result = trainPrepared(prepared, {
    onEpoch: showProgress
      ? (epoch, epochs, point) => {
          const now = Date.now();
          if (now - lastDraw < PROGRESS_INTERVAL_MS && epoch < epochs) return;
          lastDraw = now;
          io.progress?.(progressBar(epoch, epochs, point.trainCost));
        }
      : undefined,
  });
  if (showProgress) io.progress?.(`${progressBar(result.history.length, result.epochs, result.history.at(-1)?.trainCost ?? NaN)}\n`);

  const classification = result.dataset?.kind === 'classification';
  const problems = result.problems;
  let savedTo: string | undefined;
  if (args.saveWeights && result.trainer !== undefined && !result.diverged) savedTo = saveWeights(args.file, result.trainer.exportWeights());

  if (args.json) {
    io.out(
      JSON.stringify({
        epochs: result.history.length,
        train: jsonMetrics(result.train, classification),
        test: jsonMetrics(result.test, classification),
        problems: jsonProblems(problems),
        // After a divergence the weights may be NaN: the numbers would say nothing.
        theory: result.trainer !== undefined && !result.diverged ? theoryReport(result.trainer) : null,
      }),
    );
  } else {
    const epochs = result.history.length;
    io.out(
      result.diverged
        ? tn(epochs, '{file}: {count} epoch (stopped: training diverged)', '{file}: {count} epochs (stopped: training diverged)', { file: args.file })
        : tn(epochs, '{file}: {count} epoch', '{file}: {count} epochs', { file: args.file }),
    );
    io.out(resultsTable([{ split: 'train', metrics: result.train }, { split: 'test', metrics: result.test }], classification));
    if (problems.length > 0) io.out(`\n${problemLines(args.file, problems)}`);
    if (savedTo !== undefined) io.out(`\n${t('weights saved to {file}', { file: savedTo })}`);
  }
  return hasErrors(problems) ? 1 : 0;
}
