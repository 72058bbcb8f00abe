// What the bias-variance experiment says to a person, in one place: the CLI, the editor command,
// the panel's view and the tests read these. Whole sentences with named placeholders ({name}), so
// that the localisation can translate each one as a unit; `fillMessage` puts the values in.

import { t } from '../shared/l10n/index';

export const BV_MESSAGES = {
  needsGenerator: 'The bias-variance experiment draws {runs} fresh training sets from the generator, so the model needs generated data ("data": { "generator": … }); {source} data has no generator to draw from.',
  runsRange: 'The number of runs must be a whole number from {min} to {max}, got "{value}".',
  sweepSyntax: 'A sweep is written SETTING=V1,V2,… with SETTING one of {settings}, e.g. units=2,4,8,16,32; got "{value}".',
  sweepValue: 'The sweep value "{value}" is not allowed for {setting}: {rule}.',
  sweepTooFew: 'A sweep needs at least 2 and at most {max} values, got {count}.',
  ruleUnits: 'hidden units are whole numbers from 1 to 4096',
  ruleDepth: 'the number of hidden layers is a whole number from 1 to 16',
  ruleLambda: 'λ is a number from 0 to 10',
  ruleEpochs: 'epochs are whole numbers from 1 to 100000',
  sweepTooLarge: 'At {setting} = {value} the network has {parameters} weights and biases, over the cap of {max}: sweep to smaller values or raise the cap.',
  sweepNeedsHidden: 'A sweep over {setting} changes the hidden layers, but this model has none: add a hidden layer first.',
  regressionLine: 'Regression over {runs} runs on {points} evaluation points: bias² {bias2} + variance {variance} + noise {noise} = {sum}; measured expected error {measured}.',
  noiseKnown: 'The noise is known exactly: the generator adds Gaussian noise of standard deviation {sigma} to the target, so noise = σ² = {noise}.',
  classificationLine: 'Classification over {runs} runs on {points} evaluation points: bias {bias} + net variance {netVariance} = {sum}; measured 0-1 error {measured}.',
  classificationSource: 'Decomposition of the 0-1 loss after Domingos (2000), "A Unified Bias-Variance Decomposition": bias is the error of the runs\' majority vote; variance is how often a run disagrees with it ({variance}), counted against the error where the vote is right ({unbiased}) and for it where the vote is wrong ({biased}). The evaluation labels are noise-free, so the noise term is 0.',
  sweepRow: '{setting} = {value}: bias² {bias2} + variance {variance} + noise {noise} = {sum}.',
  sweepRowClassification: '{setting} = {value}: bias {bias} + net variance {netVariance} = {sum}.',
  sweepBest: 'Lowest expected error at {setting} = {value} ({sum}).',
  identityBroken: 'The decomposition does not add up: {sum} against the measured {measured}. Please report this with the model file.',
  progressRun: 'Run {done} of {total}.',
  sweepNeedsValue: '--sweep needs a value, e.g. --sweep units=2,4,8,16,32',
  pickTitle: 'NN Playground: Measure Bias and Variance',
  desktopOnly: 'Measure Bias and Variance runs only in the desktop VS Code for now: its runs train in a pool of Node worker threads, which the browser build does not have yet. Open the model in the desktop VS Code, or run nn-playground bias-variance in a terminal.',
  logRuns: '{model}: {total} bias-variance runs on {threads} threads in {seconds} s.',
  progressTitle: 'Measuring bias and variance of {model}',
  cancelled: 'The bias-variance measurement of {model} was cancelled after {done} of {total} runs.',
  failed: 'The bias-variance measurement of {model} failed: {reason}',
  hasErrors: '{model} has errors to fix before its bias and variance can be measured.',
  noModel: 'Open a .nn.json model to measure its bias and variance.',
  pickSweep: 'Measure once, or sweep one capacity setting to draw the U curve.',
  pickRuns: 'How many training sets (runs) to draw, from {min} to {max}.',
  pickOnce: 'Measure once with the model as written',
  pickCustom: 'Custom sweep…',
  customPrompt: 'A sweep, e.g. units=2,4,8,16,32 (units, depth, lambda or epochs).',
  viewTitle: 'Bias and variance',
  viewEmpty: 'Run "NN Playground: Measure Bias and Variance" to train the model on many training sets and split its error into bias², variance and noise.',
  viewFitsCaption: 'The {runs} fitted curves (thin) and their mean (thick), with {setting} = {value}; the truth is dashed.',
  viewFitsCaptionOnce: 'The {runs} fitted curves (thin) and their mean (thick); the truth is dashed.',
  viewBoundariesCaption: 'The {runs} decision boundaries (thin) and the majority vote\'s (thick), with {setting} = {value}.',
  viewBoundariesCaptionOnce: 'The {runs} decision boundaries (thin) and the majority vote\'s (thick).',
  viewNoFits: 'The fits are drawn for data with one input (regression) or two inputs (classification).',
  viewSweepCaption: 'Bias², variance and their sum against {setting}; the best setting is marked.',
  viewSweepCaptionClassification: 'Bias, net variance and the error against {setting}; the best setting is marked.',
  viewShowSetting: 'Show the fits for {setting} = {value}.',
  viewBarRegression: 'bias² {bias2}, variance {variance}, noise {noise}',
  viewBarClassification: 'bias {bias}, net variance {netVariance}',
  legendRuns: 'each run',
  legendMean: 'mean of the runs',
  legendTruth: 'truth',
  legendBias2: 'bias²',
  legendBias: 'bias',
  legendVariance: 'variance',
  legendNetVariance: 'net variance',
  legendNoise: 'noise',
  legendSum: 'bias² + variance',
  legendSumClassification: 'bias + net variance',
  legendBest: 'best setting',
  settingUnits: 'hidden units',
  settingDepth: 'hidden layers',
  settingLambda: 'λ (L2)',
  settingEpochs: 'epochs',
} as const;

export type BvMessage = keyof typeof BV_MESSAGES;

/**
 * What the experiment says about data without a generator (bootstrap resamples, the estimated
 * noise), through the bundles. Figures come formatted (formatFigure), counts as numbers.
 */
export const BV_DATA_MESSAGES = {
  needsHeldOut: (source: string) =>
    t('The bias-variance experiment on {source} data trains on bootstrap resamples of the training split and evaluates every run on the held-out split, but this model holds out no samples ("testFraction" is 0): set "testFraction" above 0, e.g. 0.2.', { source }),
  bootstrapSets: (runs: number, size: number, points: number) =>
    t("The {runs} training sets are bootstrap resamples: {size} samples each, drawn with replacement from the model's {size} training samples (run k with seed + k); every run is evaluated on the {points} held-out samples, which no resample contains.", { runs, size, points }),
  noiseEstimated: (noise: string, samples: number) =>
    t("The noise is estimated, not known (the data has no generator): noise = {noise} is the nearest-neighbour estimate of Pi & Peterson (1994), half the mean squared difference between the target of each of {samples} samples and that of its nearest neighbour in the standardised inputs. Measured: the expected error (the runs' squared error on the held-out labels) and the variance; bias² = measured − variance − noise is the remainder, so it absorbs what the estimate misses.", { noise, samples }),
  classificationHeldOut: (variance: string, unbiased: string, biased: string) =>
    t('Decomposition of the 0-1 loss after Domingos (2000), "A Unified Bias-Variance Decomposition": bias is the error of the runs\' majority vote; variance is how often a run disagrees with it ({variance}), counted against the error where the vote is right ({unbiased}) and for it where the vote is wrong ({biased}). The data has no generator, so the held-out labels stand in for the truth: the noise term is 0 and any label noise is counted in the bias.', { variance, unbiased, biased }),
} as const;

/** The template with each {name} replaced by its value; a placeholder without a value stays as written. */
export function fillMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `BV_MESSAGES[key]` filled with `values`. */
export function bvMessage(key: BvMessage, values: Readonly<Record<string, string | number>> = {}): string {
  return fillMessage(BV_MESSAGES[key], values);
}

/** Decimals of every figure of a decomposition: one fixed count, so the terms and their sum read across. */
export const FIGURE_DECIMALS = 4;

/** A decomposition figure as shown (CLI text, progress, panel): fixed decimals, so the shown terms add to the shown sum up to the last digit. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '−∞';
  return value.toFixed(FIGURE_DECIMALS);
}
