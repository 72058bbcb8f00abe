// One path for every run, headless or in the editor. The headless run (headless-run.ts: the CLI and
// the export) and the training worker (training-loop.ts, through the session's run-inputs.ts) both call these:
//   planRun     a parsed model → trainer inputs, after the CSV's columns and the parameter cap are
//               checked (the cap from the spec alone, before anything is allocated);
//   buildData / buildTrainer   those inputs → the dataset and the trainer (the allocation);
//   trainStep   part of an epoch, and at the epoch's end the divergence rule (its one call site);
//   liveRunProblems / divergedProblems   the live rules on the latest health and recent epochs.
// So the same model stops at the same epoch with the same problems wherever it trains. Pure: no
// vscode, Node or DOM (ESLint holds this file to the engine's rules).

import { createTrainer, makeDataset, type Dataset } from '../engine/index';
import type { HealthReport } from '../engine/health-types';
import type { BatchesResult, Trainer } from '../engine/trainer-api';
// The model's own files rather than its index, which would bring the parser into the worker.
import { checkCsv, csvInputSize } from '../model/check-data';
import { dataFacts, isEmptyPlane } from '../model/data-facts';
import { liveProblems } from '../model/rules/live';
import { toTrainerInputs, type TrainerInputs } from '../model/to-trainer-inputs';
import type { ModelSpec, ParseResult, Problem } from '../model/spec';
import type { HistoryPoint } from '../shared/protocol/snapshot';
import { costHasDiverged, divergenceMessage } from './divergence';
import { dataProblem, divergenceProblem, noPointsProblem, tooManyParametersProblem } from './problems';
import { countParameters, layerParameterCounts } from './spec-diff';
import { toHistoryPoint } from './views';
import { errorMessage } from '../shared/l10n';

export { errorMessage };

/**
 * Models above this many parameters (weights and biases) are refused before anything is allocated:
 * the default of the `nnPlayground.maxParameters` setting and of the CLI's `--max-parameters`.
 */
export const DEFAULT_MAX_PARAMETERS = 5_000_000;

/**
 * Live rules read at most this many recent epochs: running them on a million-epoch history would
 * make each judgement grow with the run.
 */
export const LIVE_HISTORY_WINDOW = 4096;

export interface PlanOptions {
  /** The CSV's text when the model reads one (read by the caller: the host, or the CLI's files). */
  csvText?: string;
  maxParameters: number;
}

export type RunPlan =
  | { ok: true; inputs: TrainerInputs; parameterCount: number }
  | { ok: false; problems: Problem[]; parameterCount?: number };

const isError = (problem: Problem) => problem.severity === 'error';

/**
 * What a run of `spec` (from `parse`) will be, or why there can be none: a CSV column that does not
 * exist, a network over the parameter cap (counted from the spec: nothing is allocated), data that
 * cannot be turned into trainer inputs. Apply overrides (epochs, seed) to `spec` before.
 */
export function planRun(spec: ModelSpec, parse: ParseResult, options: PlanOptions): RunPlan {
  const { csvText } = options;
  // A plane waiting for its first point: nothing to train on, and nothing wrong.
  if (isEmptyPlane(spec.data)) return { ok: false, problems: [noPointsProblem(parse.locations)] };
  if (spec.data.kind === 'csv' && csvText !== undefined) {
    // A misspelt column is reported on its name in the model, with the columns that do exist.
    // Its other findings are the data checks, made once the data is built (checkAgainstData).
    const columns = checkCsv(parse, csvText);
    if (columns.some(isError)) return { ok: false, problems: columns.filter(isError) };
  }

  const inputSize = inputWidth(spec, csvText);
  if (inputSize !== undefined) {
    const parameterCount = countParameters(inputSize, spec.layers);
    if (parameterCount > options.maxParameters) {
      const perLayer = layerParameterCounts(inputSize, spec.layers);
      return { ok: false, parameterCount, problems: [tooManyParametersProblem(parameterCount, options.maxParameters, parse.locations, { inputSize, perLayer, units: spec.layers.map((layer) => layer.units) })] };
    }
  }

  let inputs: TrainerInputs;
  try {
    inputs = toTrainerInputs(spec, csvText);
  } catch (error) {
    return { ok: false, problems: [dataProblem(errorMessage(error), parse.locations)] };
  }
  const { network } = inputs.options;
  return { ok: true, inputs, parameterCount: countParameters(network.inputSize, network.layers) };
}

/** The input layer's width, known from the spec (or a CSV's header) without building the data. */
function inputWidth(spec: ModelSpec, csvText: string | undefined): number | undefined {
  const data = spec.data;
  if (data.inputFeatures !== undefined) return data.inputFeatures.length;
  if (data.kind !== 'csv') return dataFacts(data).inputSize;
  if (data.features !== undefined) return data.features.length;
  return csvText !== undefined ? csvInputSize(csvText, data.features, data.target) : undefined;
}

/** The dataset of a planned run. Throws (an EngineError naming the bad value) when the data cannot be built. */
export function buildData(inputs: Pick<TrainerInputs, 'data' | 'dataOptions' | 'options'>): Dataset {
  return makeDataset(inputs.data, inputs.dataOptions, inputs.options.seed);
}

/** The trainer of a planned run: this is where the network's memory is allocated. */
export function buildTrainer(inputs: Pick<TrainerInputs, 'options'>, data: Dataset): Trainer {
  return createTrainer(inputs.options, data);
}

/** A failure to build the data or the trainer, as the problem both paths show. */
export function buildProblem(error: unknown, parse: Pick<ParseResult, 'locations'>): Problem {
  return dataProblem(errorMessage(error), parse.locations);
}

/** The train cost before the first epoch: the yardstick the divergence rule measures a blow-up by. */
export function initialCost(trainer: Trainer): number {
  return trainer.evaluate('train').cost;
}

export type StepResult =
  | { epochDone: false; batches: BatchesResult }
  | {
      epochDone: true;
      batches: BatchesResult;
      /** The finished epoch, as the history keeps it. */
      point: HistoryPoint;
      /** Set when the run diverged at this epoch and must stop: the sentence that says so. */
      divergence?: string;
    };

/**
 * Up to `maxBatches` minibatches (Infinity: the rest of the epoch). At the end of an epoch the
 * divergence rule decides whether the run goes on; this is the only place it is asked.
 */
export function trainStep(trainer: Trainer, startCost: number, maxBatches: number): StepResult {
  const batches = trainer.trainBatches(maxBatches);
  if (!batches.epochDone) return { epochDone: false, batches };
  const report = batches.report;
  const point = toHistoryPoint(report);
  if (!report.nonFinite && !costHasDiverged(report.train.cost, startCost)) return { epochDone: true, batches, point };
  const { network, training } = trainer.options;
  const divergence = divergenceMessage({
    epoch: report.epoch,
    cost: report.train.cost,
    initialCost: startCost,
    learningRate: training.learningRate,
    network,
    health: healthOrNull(trainer),
  });
  return { epochDone: true, batches, point, divergence };
}

/** Health statistics, or null when there are none to compute (nothing trained yet, or they fail). */
export function healthOrNull(trainer: Trainer): HealthReport | null {
  try {
    return trainer.health();
  } catch {
    return null;
  }
}

export interface LiveRunInput {
  parse: ParseResult;
  health: HealthReport;
  /** The run's epochs, at most the last LIVE_HISTORY_WINDOW of them. */
  recent: readonly HistoryPoint[];
  /** The live problems shown at the previous judgement of this run (hysteresis while it trains). */
  previous?: readonly Problem[];
  /**
   * The run is over (finished or diverged): it is judged afresh, without hysteresis, so that its
   * final problems depend only on its weights and history, not on when it was last looked at.
   */
  over: boolean;
}

export function liveRunProblems(input: LiveRunInput): Problem[] {
  return liveProblems({
    parse: input.parse,
    health: input.health,
    history: input.recent,
    ...(input.over || input.previous === undefined ? {} : { previous: input.previous }),
  });
}

/**
 * Once the run has stopped as diverged, only the divergence is reported (every other statistic is
 * then noise): in the live rule's words when it has said so, else in the stop's `message`.
 */
export function divergedProblems(live: readonly Problem[], message: string, parse: Pick<ParseResult, 'locations'>): Problem[] {
  const said = live.filter((problem) => problem.code === 'divergence');
  return said.length > 0 ? said : [divergenceProblem(message, parse.locations)];
}

