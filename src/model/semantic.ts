// Checks across fields, run once every field is valid on its own: does the output layer fit the
// data, does the loss fit the output, can the chosen optimiser train these activations at all?
// These are errors (training would fail or be meaningless), reported on the value to change.

import type { ModelSpec, DataFacts, Problem, SourceRange, SpecLocations } from './spec';
import { compactFixes, setActivationFix, setLossFix, setOptimizerFix, setUnitsFix, type FixSource } from './fixes';
import { THRESHOLD_ACTIVATIONS } from './vocabulary';
import { HAND_SET_MESSAGES } from '../engine/hand-set-messages';
import { emptyPlaneOutputMessage } from './hand-data';
import { isEmptyPlane } from './data-facts';
import { t, tn } from '../shared/l10n';

export interface CheckContext {
  spec: ModelSpec;
  facts: DataFacts;
  locations: SpecLocations;
  src: FixSource;
}

/**
 * The range of a value by JSON path. A value that was not written (a default) falls back to its
 * layer, then to the key of the nearest written ancestor (`"training"`), then to the model's
 * opening brace: never the whole file, which would underline everything.
 */
export function rangeAt(locations: SpecLocations, path: string, layer?: number): SourceRange {
  const direct = locations.values[path] ?? (layer !== undefined ? locations.layers[layer] : undefined);
  if (direct !== undefined) return direct;
  const segments = path.split('.');
  for (let n = segments.length - 1; n >= 1; n--) {
    const key = locations.keys[segments.slice(0, n).join('.')];
    if (key !== undefined) return key;
  }
  const root = locations.root;
  const end = root.length > 0 ? { line: root.start.line, character: root.start.character + 1 } : root.start;
  return { offset: root.offset, length: Math.min(1, root.length), start: root.start, end };
}

export function problem(
  ctx: Pick<CheckContext, 'locations'>,
  code: string,
  severity: Problem['severity'],
  source: Problem['source'],
  message: string,
  path: string,
  extras: { layer?: number; fixes?: Problem['fixes'] } = {},
): Problem {
  const p: Problem = { code, severity, message, range: rangeAt(ctx.locations, path, extras.layer), source, path };
  if (extras.layer !== undefined) p.layer = extras.layer;
  if (extras.fixes !== undefined && extras.fixes.length > 0) p.fixes = extras.fixes;
  return p;
}

/**
 * The output-width problem as one whole sentence per case: the output's unit count, what the data
 * has (classes, or target values) and the width to use all sit in the same message. A wrong width
 * for 2 classes or 1 target value is never 1 unit (1 fits them), so those take no singular.
 */
function outputWidthMessage(facts: DataFacts, units: number, want: number): string {
  if (facts.task === 'classification') {
    const classes = facts.classes ?? want;
    return classes === 2
      ? t('The output layer has {count} units but the data has {classes} classes: use one sigmoid unit (the probability of class 2) or 2 softmax units (one probability per class).', { count: units, classes })
      : tn(units, 'The output layer has {count} unit but the data has {classes} classes: use {want} softmax units, one probability per class.', 'The output layer has {count} units but the data has {classes} classes: use {want} softmax units, one probability per class.', { classes, want });
  }
  const targets = facts.targetSize ?? want;
  return targets === 1
    ? t('The output layer has {count} units but the data has {targets} target value: use {want} linear unit, one per target value.', { count: units, targets, want })
    : tn(units, 'The output layer has {count} unit but the data has {targets} target values: use {want} linear units, one per target value.', 'The output layer has {count} units but the data has {targets} target values: use {want} linear units, one per target value.', { targets, want });
}

/**
 * The output widths the data allows. Classification with 2 classes: one unit (sigmoid, sign,
 * step: the probability or side of one class) or one unit per class; k > 2 classes: k units.
 * Regression: one unit per target column.
 */
export function allowedOutputUnits(facts: DataFacts): number[] | undefined {
  if (facts.task === 'classification' && facts.classes !== undefined) return facts.classes === 2 ? [1, 2] : [facts.classes];
  if (facts.task === 'regression' && facts.targetSize !== undefined) return [facts.targetSize];
  return undefined;
}

export function checkOutputAgainstFacts(ctx: CheckContext): Problem[] {
  const { spec, facts, src } = ctx;
  const problems: Problem[] = [];
  const last = spec.layers.length - 1;
  const output = spec.layers[last];
  const allowed = allowedOutputUnits(facts);
  if (allowed !== undefined && !allowed.includes(output.units)) {
    const want = allowed[allowed.length - 1];
    problems.push(
      problem(ctx, 'output-width', 'error', 'parse', outputWidthMessage(facts, output.units, want), `layers.${last}.units`, {
        layer: last,
        fixes: compactFixes(setUnitsFix(src, last, facts.task === 'classification' && facts.classes === 2 && output.activation !== 'softmax' ? 1 : want)),
      }),
    );
  }
  if (isEmptyPlane(spec.data) && facts.task === 'classification' && !(output.activation === 'softmax' && output.units >= 2)) {
    // With no target rows the classes can only be the output's units (model/hand-data.ts).
    problems.push(
      problem(ctx, 'empty-plane-output', 'error', 'parse', emptyPlaneOutputMessage(), `layers.${last}.activation`, {
        layer: last,
        fixes: compactFixes(setActivationFix(src, last, 'softmax'), output.units < 2 ? setUnitsFix(src, last, 2) : undefined),
      }),
    );
  }
  if (facts.task === 'regression') {
    // Hand-set threshold units kept out of training compute truth values (AND, OR) as numbers 0/1.
    const handSetThreshold = THRESHOLD_ACTIVATIONS.includes(output.activation) && output.trainable === false;
    if (output.activation === 'softmax' || (THRESHOLD_ACTIVATIONS.includes(output.activation) && !handSetThreshold)) {
      problems.push(
        problem(
          ctx,
          'output-task',
          'error',
          'parse',
          output.activation === 'softmax'
            ? t('This data is a regression (the network predicts numbers), but a {activation} output can only say how probable each class is (its outputs sum to 1). Use a linear output.', { activation: output.activation })
            : t('This data is a regression (the network predicts numbers), but a {activation} output can only say one of two values. Use a linear output.', { activation: output.activation }),
          `layers.${last}.activation`,
          { layer: last, fixes: compactFixes(setActivationFix(src, last, 'linear')) },
        ),
      );
    }
    if (spec.loss !== 'mse') {
      problems.push(
        problem(ctx, 'loss-task', 'error', 'parse', t('Cross-entropy compares probability distributions over classes, but this data is a regression (numbers to predict): use "mse", the mean squared error Σ(y − ŷ)²/n.'), 'loss', {
          fixes: compactFixes(setLossFix(src, 'mse')),
        }),
      );
    }
  }
  return problems;
}

/** Checks that need no data facts: the architecture, loss and optimiser among themselves. */
export function checkArchitecture(ctx: CheckContext): Problem[] {
  const { spec, src } = ctx;
  const problems: Problem[] = [];
  const last = spec.layers.length - 1;
  const output = spec.layers[last];
  const perceptron = spec.training.optimizer === 'perceptron';

  spec.layers.forEach((layer, i) => {
    if (i < last && layer.activation === 'softmax') {
      problems.push(
        problem(ctx, 'softmax-hidden', 'error', 'parse', t('Softmax turns a layer into a probability distribution over classes, which belongs on the output layer only; hidden layer {layer} needs an element-wise activation such as tanh or relu.', { layer: i + 1 }), `layers.${i}.activation`, {
          layer: i,
          fixes: compactFixes(setActivationFix(src, i, 'tanh'), setActivationFix(src, i, 'relu')),
        }),
      );
    }
    // A hand-set layer kept out of training (theory §1) needs no gradient: its step is as written.
    if (THRESHOLD_ACTIVATIONS.includes(layer.activation) && !perceptron && layer.trainable !== false) {
      problems.push(
        problem(
          ctx,
          'threshold-needs-perceptron',
          'error',
          'parse',
          t('{activation}\'s derivative is 0 everywhere (except at 0, where it is undefined), so backpropagation multiplies every gradient by 0 and {optimizer} never changes a weight. Train a single {activation} layer with "optimizer": "perceptron", or use a differentiable activation such as {differentiable}.', {
            activation: layer.activation,
            optimizer: spec.training.optimizer,
            differentiable: i === last ? 'sigmoid' : 'tanh',
          }),
          `layers.${i}.activation`,
          { layer: i, fixes: compactFixes(setActivationFix(src, i, i === last ? 'sigmoid' : 'tanh'), spec.layers.length === 1 ? setOptimizerFix(src, 'perceptron') : undefined) },
        ),
      );
    }
  });

  if (spec.layers[0].weights !== undefined && spec.data.standardize) {
    problems.push(problem(ctx, 'hand-set-standardized', 'warning', 'parse', HAND_SET_MESSAGES.handSetStandardized(), 'layers.0.weights', { layer: 0 }));
  }

  if (perceptron && spec.layers.length > 1) {
    problems.push(
      problem(
        ctx,
        'perceptron-hidden-layers',
        'error',
        'parse',
        t('The perceptron rule updates a single layer from its own error (w ← w + lr·(y − ŷ)·x); it cannot tell hidden units how to change. That is what backpropagation does: use "sgd" (or "momentum", "adam") with differentiable activations.'),
        'training.optimizer',
        { fixes: compactFixes(setOptimizerFix(src, 'sgd')) },
      ),
    );
  } else if (perceptron && !THRESHOLD_ACTIVATIONS.includes(output.activation)) {
    problems.push(
      problem(ctx, 'perceptron-output', 'error', 'parse', t('The perceptron rule trains threshold units: the output needs "sign" (or "step") so that ŷ is a class, f(x) = sign(w·x + b).'), `layers.${last}.activation`, {
        layer: last,
        fixes: compactFixes(setActivationFix(src, last, 'sign')),
      }),
    );
  }

  if (spec.loss !== 'mse' && !perceptron) {
    const probabilistic = output.activation === 'softmax' || output.activation === 'sigmoid';
    if (!probabilistic) {
      problems.push(
        problem(
          ctx,
          'loss-activation',
          'error',
          'parse',
          t('Cross-entropy H(p, q) = −Σ p·log q needs the output q to be probabilities, but a {activation} output can be negative or above 1. Use a softmax output (or sigmoid for one unit), or the mse loss.', { activation: output.activation }),
          'loss',
          { fixes: compactFixes(setActivationFix(src, last, output.units === 1 ? 'sigmoid' : 'softmax'), setLossFix(src, 'mse')) },
        ),
      );
    } else if (spec.loss === 'binary-cross-entropy' && output.activation === 'softmax') {
      problems.push(
        problem(ctx, 'loss-activation', 'error', 'parse', t('Binary cross-entropy scores independent sigmoid outputs; a softmax output is scored with "cross-entropy".'), 'loss', {
          fixes: compactFixes(setLossFix(src, 'cross-entropy')),
        }),
      );
    }
  }
  if (output.activation === 'softmax' && output.units === 1) {
    problems.push(
      problem(ctx, 'softmax-single-unit', 'error', 'parse', t('Softmax over one unit is always e^z / e^z = 1, whatever the input: nothing to learn. For two classes use one sigmoid unit (or two softmax units).'), `layers.${last}.activation`, {
        layer: last,
        fixes: compactFixes(setActivationFix(src, last, 'sigmoid')),
      }),
    );
  }
  return problems;
}
