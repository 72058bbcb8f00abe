// One model trained headlessly, from text to final metrics and problems. No file system here:
// the CLI reads files and passes their text; the example tests call this directly.

import { createTrainer, EngineError, makeDataset, type Dataset, type Metrics, type Trainer, type WeightsFile } from '../engine/index';
import { checkAgainstData, checkCsv, liveProblems, parseModel, toTrainerInputs, type ParseResult, type Problem } from '../model/index';
import { problem } from '../model/semantic';
import type { HistoryPoint } from '../protocol/snapshot';
import { toHistoryPoint } from '../training/views';

export interface RunOptions {
  /** The CSV's text when the model reads one (read by the caller, relative to the model file). */
  csvText?: string;
  /** Overrides the model's `training.epochs`. */
  epochs?: number;
  /** Overrides the model's `seed`. */
  seed?: number;
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

/** An engine refusal (bad data, shapes) as a problem on the data section. */
function engineProblem(parse: ParseResult, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  return problem({ locations: parse.locations }, error instanceof EngineError ? `engine-${error.code}` : 'engine-error', 'error', 'parse', message, 'data');
}

/** Parses and builds the data and the trainer, stopping at the first stage with errors. */
export function prepare(text: string, options: RunOptions = {}): Prepared {
  const parse = parseModel(text);
  const problems = [...parse.problems];
  const spec = parse.spec;
  if (spec === undefined) return { parse, problems, epochs: 0 };
  const epochs = options.epochs ?? spec.training.epochs;
  if (spec.data.kind === 'csv' && options.csvText !== undefined) {
    for (const problem of checkCsv(parse, options.csvText)) problems.push(problem);
    if (hasErrors(problems)) return { parse, problems, epochs };
  }
  let trainer: Trainer;
  let dataset: Dataset;
  try {
    const inputs = toTrainerInputs({ ...spec, seed: options.seed ?? spec.seed, training: { ...spec.training, epochs } }, options.csvText);
    dataset = makeDataset(inputs.data, inputs.dataOptions, inputs.options.seed);
    // For a CSV, checkCsv has already run these checks on the same data: keep one of each.
    for (const p of checkAgainstData(parse, dataset)) {
      if (!problems.some((q) => q.code === p.code && q.range.offset === p.range.offset && q.layer === p.layer)) problems.push(p);
    }
    if (hasErrors(problems) || options.buildTrainer === false) return { parse, problems, dataset, epochs };
    trainer = createTrainer(inputs.options, dataset);
  } catch (error) {
    problems.push(engineProblem(parse, error));
    return { parse, problems, epochs };
  }
  if (options.weights !== undefined) {
    try {
      trainer.importWeights(options.weights);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push(problem({ locations: parse.locations }, 'weights-mismatch', 'warning', 'parse', `The saved weights were not loaded: ${reason} Training starts from the init.`, 'layers'));
    }
  }
  return { parse, problems, trainer, dataset, epochs };
}

/** Trains for the model's epochs (or the override); stops early when training diverges. */
export function run(text: string, options: RunOptions = {}): RunResult {
  const prepared = prepare(text, options);
  const history: HistoryPoint[] = [];
  const { trainer, parse } = prepared;
  if (trainer === undefined || hasErrors(prepared.problems)) return { ...prepared, history, diverged: false };
  let diverged = false;
  for (let epoch = 1; epoch <= prepared.epochs; epoch++) {
    const report = trainer.trainEpoch();
    const point = toHistoryPoint(report);
    history.push(point);
    options.onEpoch?.(epoch, prepared.epochs, point);
    if (report.nonFinite !== undefined || !Number.isFinite(report.train.cost)) {
      diverged = true;
      break;
    }
  }
  const live = history.length > 0 ? liveProblems({ parse, health: trainer.health(), history }) : [];
  // After a divergence the parameters hold NaN/Inf: report the last epoch's numbers as they were.
  const last = history[history.length - 1];
  const train: Metrics | undefined = diverged
    ? { cost: last.trainCost, regularization: last.trainRegularization, objective: last.trainObjective, ...(last.trainAccuracy !== undefined ? { accuracy: last.trainAccuracy } : {}) }
    : trainer.evaluate('train');
  const test = trainer.data.test.n > 0 && !diverged ? trainer.evaluate('test') : null;
  return { ...prepared, problems: [...prepared.problems, ...live], history, train, test, diverged };
}
