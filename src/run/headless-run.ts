// One model trained headlessly, from text to final metrics and problems, by the same code as the
// editor's worker (src/run/run-core.ts): the same plan (CSV columns, parameter cap), the same
// per-epoch step and divergence rule, the same live rules and the same problem list. No file
// system here: the CLI reads files and passes their text; the example tests call this directly.

import { type Dataset, type Metrics, type Trainer, type WeightsFile } from '../engine/index';
import { checkAgainstData, parseModel, type ParseResult, type Problem } from '../model/index';
import { problem } from '../model/semantic';
import type { HistoryPoint } from '../shared/protocol/snapshot';
import { t } from '../shared/l10n';
import { combineProblems } from './problems';
import {
  buildData,
  buildProblem,
  buildTrainer,
  DEFAULT_MAX_PARAMETERS,
  divergedProblems,
  healthOrNull,
  initialCost,
  LIVE_HISTORY_WINDOW,
  liveRunProblems,
  planRun,
  trainStep,
} from './run-core';

export interface RunOptions {
  /** The CSV's text when the model reads one (read by the caller, relative to the model file). */
  csvText?: string;
  /** Overrides the model's `training.epochs`. */
  epochs?: number;
  /** Overrides the model's `seed`. */
  seed?: number;
  /** Models above this many parameters are refused before anything is allocated (default 5,000,000). */
  maxParameters?: number;
  /** Trained weights to start from (the sidecar); ignored, with a warning, when the shape differs. */
  weights?: WeightsFile;
  /** Called after every epoch (progress display). */
  onEpoch?: (epoch: number, epochs: number, point: HistoryPoint) => void;
  /** Build the trainer (default true); `check` only needs the data, not the network's memory. */
  buildTrainer?: boolean;
}

export interface Prepared {
  parse: ParseResult;
  /** Parse, CSV and data problems so far; training is possible only without errors. */
  problems: Problem[];
  trainer?: Trainer;
  dataset?: Dataset;
  epochs: number;
}

export interface RunResult extends Prepared {
  history: HistoryPoint[];
  train?: Metrics;
  test?: Metrics | null;
  diverged: boolean;
}

const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');
const EVERY_FAMILY = { static: true, live: true };

/** The problem list as the editor's session combines it: by source, each finding once per range. */
function combine(parse: ParseResult, found: { session?: Problem[]; data?: Problem[]; live?: Problem[] }): Problem[] {
  return combineProblems({ parse: parse.problems, session: found.session ?? [], data: found.data ?? [], live: found.live ?? [] }, EVERY_FAMILY);
}

/** Parses, plans and builds the data and the trainer, stopping at the first stage with errors. */
export function prepare(text: string, options: RunOptions = {}): Prepared {
  const parse = parseModel(text);
  const parsed = parse.spec;
  if (parsed === undefined) return { parse, problems: combine(parse, {}), epochs: 0 };
  const spec = { ...parsed, seed: options.seed ?? parsed.seed, training: { ...parsed.training, epochs: options.epochs ?? parsed.training.epochs } };
  const epochs = spec.training.epochs;
  if (hasErrors(parse.problems)) return { parse, problems: combine(parse, {}), epochs };
  const plan = planRun(spec, parse, { ...(options.csvText !== undefined ? { csvText: options.csvText } : {}), maxParameters: options.maxParameters ?? DEFAULT_MAX_PARAMETERS });
  if (!plan.ok) return { parse, problems: combine(parse, { session: plan.problems }), epochs };
  let dataset: Dataset;
  let trainer: Trainer;
  try {
    dataset = buildData(plan.inputs);
  } catch (error) {
    return { parse, problems: combine(parse, { session: [buildProblem(error, parse)] }), epochs };
  }
  const data = checkAgainstData(parse, dataset);
  if (hasErrors(data) || options.buildTrainer === false) return { parse, problems: combine(parse, { data }), dataset, epochs };
  try {
    trainer = buildTrainer(plan.inputs, dataset);
  } catch (error) {
    return { parse, problems: combine(parse, { session: [buildProblem(error, parse)], data }), dataset, epochs };
  }
  const session: Problem[] = [];
  if (options.weights !== undefined) {
    try {
      trainer.importWeights(options.weights);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      session.push(problem({ locations: parse.locations }, 'weights-mismatch', 'warning', 'parse', t('The saved weights were not loaded: {reason} Training starts from the init.', { reason }), 'layers'));
    }
  }
  return { parse, problems: combine(parse, { session, data }), trainer, dataset, epochs };
}

/** Trains for the model's epochs (or the override); stops early when training diverges. */
export function run(text: string, options: RunOptions = {}): RunResult {
  return trainPrepared(prepare(text, options), options);
}

/** Trains what `prepare` built, epoch by epoch through the shared step, then judges the run. */
export function trainPrepared(prepared: Prepared, options: Pick<RunOptions, 'onEpoch'> = {}): RunResult {
  const history: HistoryPoint[] = [];
  const { trainer, parse } = prepared;
  if (trainer === undefined || hasErrors(prepared.problems)) return { ...prepared, history, diverged: false };
  const startCost = initialCost(trainer);
  let divergence: string | undefined;
  while (history.length < prepared.epochs && divergence === undefined) {
    // A whole epoch per step: trainBatches with no limit is trainEpoch, bit for bit.
    const step = trainStep(trainer, startCost, Number.POSITIVE_INFINITY);
    if (!step.epochDone) continue;
    history.push(step.point);
    options.onEpoch?.(history.length, prepared.epochs, step.point);
    divergence = step.divergence;
  }
  const diverged = divergence !== undefined;
  const health = history.length > 0 ? healthOrNull(trainer) : null;
  let live = health !== null ? liveRunProblems({ parse, health, recent: history.slice(-LIVE_HISTORY_WINDOW), over: true }) : [];
  if (divergence !== undefined) live = divergedProblems(live, divergence, parse);
  // After a divergence the parameters may hold NaN/Inf: report the last epoch's numbers as they were.
  const last = history[history.length - 1];
  const train: Metrics | undefined = diverged
    ? { cost: last.trainCost, regularization: last.trainRegularization, objective: last.trainObjective, ...(last.trainAccuracy !== undefined ? { accuracy: last.trainAccuracy } : {}) }
    : trainer.evaluate('train');
  const test = trainer.data.test.n > 0 && !diverged ? trainer.evaluate('test') : null;
  return { ...prepared, problems: combineProblems({ parse: prepared.problems, session: [], data: [], live }, EVERY_FAMILY), history, train, test, diverged };
}
