// What the bias-variance experiment says to a person, in one place: the CLI, the editor command,
// the panel's view and the tests read these. Whole sentences with named placeholders ({name}), so
// that the localisation can translate each one as a unit; `bvMessage` puts the values in.
// Each entry of BV_MESSAGES is a getter that reads its text through t() when it is used, not when
// this module loads, so it is in the language configureL10n set (the CLI, the host and the webview
// configure it after their imports). The values are filled as written (String), so a count reads
// the same in every language and the English text stays what the CLI's users and tests know.

import { fillPlaceholders, t } from '../shared/l10n/index';

export const BV_MESSAGES = {
  get needsGenerator() {
    return t('The bias-variance experiment draws {runs} fresh training sets from the generator, so the model needs generated data ("data": { "generator": … }); {source} data has no generator to draw from.');
  },
  get runsRange() {
    return t('The number of runs must be a whole number from {min} to {max}, got "{value}".');
  },
  get sweepSyntax() {
    return t('A sweep is written SETTING=V1,V2,… with SETTING one of {settings}, e.g. units=2,4,8,16,32; got "{value}".');
  },
  get sweepValue() {
    return t('The sweep value "{value}" is not allowed for {setting}: {rule}.');
  },
  get sweepTooFew() {
    return t('A sweep needs at least 2 and at most {max} values, got {count}.');
  },
  get ruleUnits() {
    return t('hidden units are whole numbers from 1 to 4096');
  },
  get ruleDepth() {
    return t('the number of hidden layers is a whole number from 1 to 16');
  },
  get ruleLambda() {
    return t('λ is a number from 0 to 10');
  },
  get ruleEpochs() {
    return t('epochs are whole numbers from 1 to 100000');
  },
  get sweepTooLarge() {
    return t('At {setting} = {value} the network has {parameters} weights and biases, over the cap of {max}: sweep to smaller values or raise the cap.');
  },
  get sweepNeedsHidden() {
    return t('A sweep over {setting} changes the hidden layers, but this model has none: add a hidden layer first.');
  },
  get regressionLine() {
    return t('Regression over {runs} runs on {points} evaluation points: bias² {bias2} + variance {variance} + noise {noise} = {sum}; measured expected error {measured}.');
  },
  get noiseKnown() {
    return t('The noise is known exactly: the generator adds Gaussian noise of standard deviation {sigma} to the target, so noise = σ² = {noise}.');
  },
  get classificationLine() {
    return t('Classification over {runs} runs on {points} evaluation points: bias {bias} + net variance {netVariance} = {sum}; measured 0-1 error {measured}.');
  },
  get classificationSource() {
    return t('Decomposition of the 0-1 loss after Domingos (2000), "A Unified Bias-Variance Decomposition": bias is the error of the runs\' majority vote; variance is how often a run disagrees with it ({variance}), counted against the error where the vote is right ({unbiased}) and for it where the vote is wrong ({biased}). The evaluation labels are noise-free, so the noise term is 0.');
  },
  get sweepRow() {
    return t('{setting} = {value}: bias² {bias2} + variance {variance} + noise {noise} = {sum}.');
  },
  get sweepRowClassification() {
    return t('{setting} = {value}: bias {bias} + net variance {netVariance} = {sum}.');
  },
  get sweepBest() {
    return t('Lowest expected error at {setting} = {value} ({sum}).');
  },
  get identityBroken() {
    return t('The decomposition does not add up: {sum} against the measured {measured}. Please report this with the model file.');
  },
  get progressRun() {
    return t('Run {done} of {total}.');
  },
  get sweepNeedsValue() {
    return t('--sweep needs a value, e.g. --sweep units=2,4,8,16,32');
  },
  get pickTitle() {
    return t('NN Playground: Measure Bias and Variance');
  },
  get desktopOnly() {
    return t('Measure Bias and Variance runs only in the desktop VS Code for now: its runs train in a pool of Node worker threads, which the browser build does not have yet. Open the model in the desktop VS Code, or run nn-playground bias-variance in a terminal.');
  },
  get logRuns() {
    return t('{model}: {total} bias-variance runs on {threads} threads in {seconds} s.');
  },
  get progressTitle() {
    return t('Measuring bias and variance of {model}');
  },
  get cancelled() {
    return t('The bias-variance measurement of {model} was cancelled after {done} of {total} runs.');
  },
  get failed() {
    return t('The bias-variance measurement of {model} failed: {reason}');
  },
  get hasErrors() {
    return t('{model} has errors to fix before its bias and variance can be measured.');
  },
  get noModel() {
    return t('Open a .nn.json model to measure its bias and variance.');
  },
  get pickSweep() {
    return t('Measure once, or sweep one capacity setting to draw the U curve.');
  },
  get pickRuns() {
    return t('How many training sets (runs) to draw, from {min} to {max}.');
  },
  get pickOnce() {
    return t('Measure once with the model as written');
  },
  get pickCustom() {
    return t('Custom sweep…');
  },
  get customPrompt() {
    return t('A sweep, e.g. units=2,4,8,16,32 (units, depth, lambda or epochs).');
  },
  get viewTitle() {
    return t('Bias and variance');
  },
  get viewEmpty() {
    return t('Run "NN Playground: Measure Bias and Variance" to train the model on many training sets and split its error into bias², variance and noise.');
  },
  get viewFitsCaption() {
    return t('The {runs} fitted curves (thin) and their mean (thick), with {setting} = {value}; the truth is dashed.');
  },
  get viewFitsCaptionOnce() {
    return t('The {runs} fitted curves (thin) and their mean (thick); the truth is dashed.');
  },
  get viewBoundariesCaption() {
    return t('The {runs} decision boundaries (thin) and the majority vote\'s (thick), with {setting} = {value}.');
  },
  get viewBoundariesCaptionOnce() {
    return t('The {runs} decision boundaries (thin) and the majority vote\'s (thick).');
  },
  get viewNoFits() {
    return t('The fits are drawn for data with one input (regression) or two inputs (classification).');
  },
  get viewSweepCaption() {
    return t('Bias², variance and their sum against {setting}; the best setting is marked.');
  },
  get viewSweepCaptionClassification() {
    return t('Bias, net variance and the error against {setting}; the best setting is marked.');
  },
  get viewShowSetting() {
    return t('Show the fits for {setting} = {value}.');
  },
  get viewBarRegression() {
    return t('bias² {bias2}, variance {variance}, noise {noise}');
  },
  get viewBarClassification() {
    return t('bias {bias}, net variance {netVariance}');
  },
  get legendRuns() {
    return t('each run');
  },
  get legendMean() {
    return t('mean of the runs');
  },
  get legendTruth() {
    return t('truth');
  },
  get legendBias2() {
    return t('bias²');
  },
  get legendBias() {
    return t('bias');
  },
  get legendVariance() {
    return t('variance');
  },
  get legendNetVariance() {
    return t('net variance');
  },
  get legendNoise() {
    return t('noise');
  },
  get legendSum() {
    return t('bias² + variance');
  },
  get legendSumClassification() {
    return t('bias + net variance');
  },
  get legendBest() {
    return t('best setting');
  },
  get settingUnits() {
    return t('hidden units');
  },
  get settingDepth() {
    return t('hidden layers');
  },
  get settingLambda() {
    return t('λ (L2)');
  },
  get settingEpochs() {
    return t('epochs');
  },
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
/** `BV_MESSAGES[key]` filled with `values`. */
export function bvMessage(key: BvMessage, values: Readonly<Record<string, string | number>> = {}): string {
  // Values as written (String), not locale-formatted: see the header.
  const asText = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
  return fillPlaceholders(BV_MESSAGES[key], asText);
}

/** Decimals of every figure of a decomposition: one fixed count, so the terms and their sum read across. */
export const FIGURE_DECIMALS = 4;

/** A decomposition figure as shown (CLI text, progress, panel): fixed decimals, so the shown terms add to the shown sum up to the last digit. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '−∞';
  return value.toFixed(FIGURE_DECIMALS);
}
