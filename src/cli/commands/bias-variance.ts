// `bias-variance <file> [--runs K] [--sweep units=2,4,8] [--json]`: the model trained on K
// training sets (fresh generator draws, or bootstrap resamples of data without a generator) and its
// expected error split into bias², variance and noise (src/experiments), once or at each value of
// one capacity setting. Exit 0 with the figures; 1 when the model has errors, holds out no samples
// to evaluate bootstrap runs on, or when the figures would not add up (a bug).

import { bvMessage, BV_DATA_MESSAGES, formatFigure } from '../../experiments/messages';
import { measure } from '../../experiments/report';
import { ExperimentError, type ExperimentResult } from '../../experiments/run-experiment';
import { settingName } from '../../experiments/sweep';
import type { BiasVarianceReport } from '../../shared/protocol/experiment';
import { DEFAULT_MAX_PARAMETERS, planRun } from '../../run/run-core';
import type { Command } from '../args';
import { loadFiles, prepareLoaded } from '../load';
import type { Output } from '../output';
import { jsonProblems, problemLines } from '../render';

type BiasVarianceCommand = Extract<Command, { command: 'bias-variance' }>;

/** The sum of the terms, and whether it matches the error measured directly (to rounding of doubles). */
export function figures(result: ExperimentResult): { sum: number; adds: boolean } {
  const sum = result.kind === 'regression' ? result.decomposition.bias2 + result.decomposition.variance + result.decomposition.noise : result.decomposition.bias + result.decomposition.netVariance;
  return { sum, adds: Math.abs(sum - result.measured) <= 1e-9 * Math.max(1, Math.abs(result.measured)) };
}

function jsonResult(value: number | undefined, result: ExperimentResult) {
  const { sum } = figures(result);
  const common = { value: value ?? null, sum, measured: result.measured, diverged: result.diverged };
  if (result.kind === 'regression') {
    const d = result.decomposition;
    return { ...common, bias2: d.bias2, variance: d.variance, noise: d.noise };
  }
  const d = result.decomposition;
  return { ...common, bias: d.bias, variance: d.variance, unbiasedVariance: d.unbiasedVariance, biasedVariance: d.biasedVariance, netVariance: d.netVariance, noise: 0 };
}

/**
 * How the noise figure was obtained. Generated data: known (the generator's σ²). Without a
 * generator, regression: estimated (nearest neighbours), and bias² is the measured remainder;
 * classification: 0 by convention, the held-out labels taken as the truth.
 */
function noiseJson(result: ExperimentResult) {
  if (result.sampling?.kind !== 'bootstrap') return result.kind === 'regression' ? { known: true, sigma: result.noise, variance: result.decomposition.noise } : { known: true, sigma: 0, variance: 0 };
  if (result.kind === 'regression') {
    return { known: false, estimator: 'nearest-neighbour', samples: result.sampling.noiseSamples, sigma: result.noise, variance: result.decomposition.noise, measured: ['measured', 'variance'], remainder: 'bias2' };
  }
  return { known: false, estimator: 'held-out-labels', sigma: 0, variance: 0 };
}

function textLines(report: BiasVarianceReport): string[] {
  const lines: string[] = [];
  const first = report.points[0].result;
  if (report.setting !== undefined) {
    const setting = settingName(report.setting);
    for (const point of report.points) {
      const r = point.result;
      const sum = formatFigure(figures(r).sum);
      if (r.kind === 'regression') lines.push(bvMessage('sweepRow', { setting, value: point.value ?? '', bias2: formatFigure(r.decomposition.bias2), variance: formatFigure(r.decomposition.variance), noise: formatFigure(r.decomposition.noise), sum }));
      else lines.push(bvMessage('sweepRowClassification', { setting, value: point.value ?? '', bias: formatFigure(r.decomposition.bias), netVariance: formatFigure(r.decomposition.netVariance), sum }));
    }
    const best = report.points[report.best];
    lines.push(bvMessage('sweepBest', { setting, value: best.value ?? '', sum: formatFigure(best.result.measured) }));
  }
  const shown = report.setting !== undefined ? report.points[report.best].result : first;
  if (shown.kind === 'regression') {
    const d = shown.decomposition;
    lines.push(bvMessage('regressionLine', { runs: shown.runs, points: shown.points, bias2: formatFigure(d.bias2), variance: formatFigure(d.variance), noise: formatFigure(d.noise), sum: formatFigure(figures(shown).sum), measured: formatFigure(shown.measured) }));
    if (shown.sampling?.kind === 'bootstrap') lines.push(BV_DATA_MESSAGES.noiseEstimated(formatFigure(d.noise), shown.sampling.noiseSamples));
    else lines.push(bvMessage('noiseKnown', { sigma: shown.noise, noise: formatFigure(d.noise) }));
  } else {
    const d = shown.decomposition;
    lines.push(bvMessage('classificationLine', { runs: shown.runs, points: shown.points, bias: formatFigure(d.bias), netVariance: formatFigure(d.netVariance), sum: formatFigure(figures(shown).sum), measured: formatFigure(shown.measured) }));
    if (shown.sampling?.kind === 'bootstrap') lines.push(BV_DATA_MESSAGES.classificationHeldOut(formatFigure(d.variance), formatFigure(d.unbiasedVariance), formatFigure(d.biasedVariance)));
    else lines.push(bvMessage('classificationSource', { variance: formatFigure(d.variance), unbiased: formatFigure(d.unbiasedVariance), biased: formatFigure(d.biasedVariance) }));
  }
  if (shown.sampling?.kind === 'bootstrap') lines.push(BV_DATA_MESSAGES.bootstrapSets(shown.runs, shown.sampling.trainingSize, shown.points));
  return lines;
}

export function biasVariance(command: BiasVarianceCommand, io: Output): number {
  const { file, json, runs, sweep } = command;
  const maxParameters = command.maxParameters ?? DEFAULT_MAX_PARAMETERS;
  const loaded = loadFiles(file, { weights: false, allowDataOutside: command.allowDataOutside });
  const prepared = prepareLoaded(loaded, { buildTrainer: false, maxParameters });
  const errors = prepared.problems.filter((p) => p.severity === 'error');
  const spec = prepared.parse.spec;
  const plan = spec !== undefined && errors.length === 0 ? planRun(spec, prepared.parse, { maxParameters, ...(loaded.csvText !== undefined ? { csvText: loaded.csvText } : {}) }) : undefined;
  if (plan === undefined || !plan.ok || spec === undefined) {
    const shown = plan !== undefined && !plan.ok ? plan.problems : errors;
    if (json) io.out(JSON.stringify({ problems: jsonProblems(shown) }));
    else io.out(problemLines(file, shown));
    return 1;
  }
  let report: BiasVarianceReport;
  try {
    const progress = io.interactive && io.progress && !json ? io.progress : undefined;
    report = measure(spec.name, plan.inputs, runs, sweep, progress ? (done, total) => progress(bvMessage('progressRun', { done, total })) : undefined, maxParameters);
    if (progress) progress('\n');
  } catch (error) {
    if (!(error instanceof ExperimentError)) throw error;
    io.err(`nn-playground: ${error.message}`);
    return 1;
  }
  for (const point of report.points) {
    const { sum, adds } = figures(point.result);
    if (!adds) {
      io.err(`nn-playground: ${bvMessage('identityBroken', { sum, measured: point.result.measured })}`);
      return 1;
    }
  }
  if (json) {
    const best = report.points[report.best];
    const first = report.points[0].result;
    io.out(
      JSON.stringify({
        model: report.model,
        kind: first.kind,
        runs: report.runs,
        points: first.points,
        setting: report.setting ?? null,
        results: report.points.map((point) => jsonResult(point.value, point.result)),
        best: { index: report.best, value: best.value ?? null, measured: best.result.measured },
        noise: noiseJson(first),
        ...(first.sampling?.kind === 'bootstrap' ? { sampling: { kind: 'bootstrap', trainingSize: first.sampling.trainingSize, evaluationSet: 'held-out' } } : {}),
        decomposition: first.kind === 'regression' ? 'squared loss: bias² + variance + noise' : 'Domingos (2000), 0-1 loss: bias + net variance',
      }),
    );
  } else {
    io.out(textLines(report).join('\n'));
  }
  return 0;
}
