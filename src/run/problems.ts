// The session's list of problems: what the parser and static rules found, what the session itself
// found (a network too big to train, data that cannot be read or built, a diverged run), and what
// the live rules read from training statistics; filtered by the user's rule families and
// deduplicated so that the same finding never shows twice on the same range.

import type { Problem, SourceRange, SpecLocations } from '../model/spec';
import { formatCount, formatNumber, t } from '../shared/l10n';
import { noPointsYetMessage } from '../shared/view-models/hand-points';

export interface ProblemSources {
  /** From parseModel: syntax, schema and static rules. */
  parse: readonly Problem[];
  /** Found by the session: size limit, data that cannot be read or built, saved weights. */
  session: readonly Problem[];
  /** Model and data disagreeing (output width vs classes, …), known once the data is built. */
  data: readonly Problem[];
  /** From training statistics. */
  live: readonly Problem[];
}

export function combineProblems(sources: ProblemSources, families: { static: boolean; live: boolean }): Problem[] {
  const seen = new Set<string>();
  const result: Problem[] = [];
  for (const problem of [...sources.parse, ...sources.session, ...sources.data, ...sources.live]) {
    if (!shown(problem, families)) continue;
    const key = `${problem.code}@${problem.range.offset}+${problem.range.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(problem);
  }
  return result;
}

/**
 * Turning a rule family off hides its advice, never an error: an error is why Train does nothing,
 * and hiding it would leave a person with a silent button.
 */
export function shown(problem: Problem, families: { static: boolean; live: boolean }): boolean {
  if (problem.severity === 'error' || problem.source === 'parse') return true;
  return problem.source === 'live' ? families.live : families.static;
}

/**
 * Whether a problem keeps Train, Step and Reset from running: an error in the text or its data.
 * Errors the run itself met (live: divergence, a worker error) and a start that failed are
 * answered by training again, which is what the session does on Train.
 */
export function blocksTraining(problem: Problem): boolean {
  return problem.severity === 'error' && problem.source !== 'live' && problem.code !== 'run-start-failed';
}

/** A cheap identity of a problem list, to tell listeners only when something actually changed. */
export function problemsSignature(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.code}|${p.severity}|${p.range.offset}|${p.range.length}|${p.message}`).join('\n');
}

/** Bytes a parameter costs while training: weight, gradient and up to two optimiser moments, as float64. */
const BYTES_PER_PARAMETER = 8 * 4;

/** Where a network's parameters are: per layer, fan-in × units + units (see layerParameterCounts). */
export interface ParameterBreakdown {
  inputSize: number;
  units: readonly number[];
  perLayer: readonly number[];
}

/**
 * A network over the parameter cap. With the breakdown, the problem sits on the layer that holds
 * the most parameters (the one to make narrower) and says how many it holds; without, on `layers`.
 */
export function tooManyParametersProblem(count: number, limit: number, locations: SpecLocations, breakdown?: ParameterBreakdown): Problem {
  const gigabytes = (count * BYTES_PER_PARAMETER) / 1e9;
  const memory = gigabytes >= 1 ? `${formatNumber(gigabytes, 2)} GB` : `${formatCount(gigabytes * 1000)} MB`;
  const largest = breakdown ? largestLayer(breakdown.perLayer) : -1;
  const range = (largest >= 0 ? locations.layers[largest] : undefined) ?? locations.keys['layers'] ?? locations.values['layers'] ?? locations.root;
  let where = '';
  if (breakdown && largest >= 0) {
    const fanIn = largest === 0 ? breakdown.inputSize : breakdown.units[largest - 1];
    where = ` ${t('Most of them, {inLayer}, are in layers[{index}]: {units} units, each with {fanIn} weights and a bias.', { inLayer: breakdown.perLayer[largest], index: String(largest), units: breakdown.units[largest], fanIn })}`;
  }
  return {
    code: 'too-many-parameters',
    severity: 'error',
    message: `${t('This network has {count} parameters, above the limit of {limit}: training it would need about {memory} for weights, gradients and optimiser state.', { count, limit, memory })}${where} ${t('Use fewer or narrower layers, or raise the limit: the nnPlayground.maxParameters setting in the editor, --max-parameters on the command line.')}`,
    range,
    source: 'static',
    ...(largest >= 0 ? { layer: largest } : {}),
  };
}

function largestLayer(perLayer: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < perLayer.length; i++) if (best < 0 || perLayer[i] > perLayer[best]) best = i;
  return best;
}

/** The code of the problem a plane with no points yet is reported by (see noPointsProblem). */
export const NO_POINTS_CODE = 'no-points-yet';

/** Whether these problems say the plane has no points yet (so there is no run, and nothing is wrong). */
export const waitsForPoints = (problems: readonly Problem[]): boolean => problems.some((problem) => problem.code === NO_POINTS_CODE);

/**
 * A fixed plane with no points yet: not an error (it is how a lesson of data by hand starts), but
 * nothing to train on, so no run is made; said on "inputs", where the rows will go.
 */
export function noPointsProblem(locations: SpecLocations): Problem {
  return { code: NO_POINTS_CODE, severity: 'info', message: noPointsYetMessage(), range: locations.values['data.inputs'] ?? dataRange(locations), source: 'static', path: 'data.inputs' };
}

/** The data could not be read (missing CSV) or built (bad column, too few samples, …). */
export function dataProblem(message: string, locations: SpecLocations): Problem {
  return {
    code: 'data-unavailable',
    severity: 'error',
    message: t('The data could not be prepared: {reason}', { reason: message }),
    range: dataRange(locations),
    source: 'static',
  };
}

/**
 * The worker built the data and trainer but could not start the run (in practice: out of memory
 * for the first evaluation). No run exists, so the message says what Train will do. It sits on
 * `layers`, the usual reason a run needs more memory than there is.
 */
export function runStartProblem(message: string, locations: SpecLocations): Problem {
  return {
    code: 'run-start-failed',
    severity: 'error',
    message: t('The run could not be started: {reason}. Train tries again.', { reason: message.replace(/\.$/, '') }),
    range: locations.keys['layers'] ?? locations.root,
    source: 'static',
  };
}

/** Saved weights that do not fit the model: training starts from the seed instead. */
export function weightsProblem(message: string, locations: SpecLocations): Problem {
  return {
    code: 'weights-not-loaded',
    severity: 'info',
    message: t('The saved weights were not loaded, training starts from the seed: {reason}', { reason: message }),
    range: locations.keys['layers'] ?? locations.root,
    source: 'static',
  };
}

/** The worker stopped on an error while training; the message says which. */
export function trainingErrorProblem(message: string, locations: SpecLocations): Problem {
  return {
    code: 'training-error',
    severity: 'error',
    message: t('Training stopped: {reason}', { reason: message }),
    range: locations.keys['training'] ?? locations.root,
    source: 'live',
  };
}

/** The worker stopped a diverged run (when no live rule has said so in its own words). */
export function divergenceProblem(message: string, locations: SpecLocations): Problem {
  return {
    code: 'divergence',
    severity: 'error',
    message,
    range: locations.values['training.learningRate'] ?? locations.keys['layers'] ?? locations.root,
    source: 'live',
    path: 'training.learningRate',
  };
}

export function dataRange(locations: SpecLocations): SourceRange {
  return locations.values['data.csv'] ?? locations.keys['data'] ?? locations.values['data'] ?? locations.root;
}

