// `training`: the optimiser and its hyperparameters, all optional. These are the values the
// session may change on the fly while a network trains (see src/session and src/worker).

import type { Node } from 'jsonc-parser';
import { DROPOUT_MODES, OPTIMIZERS, REGULARIZATIONS, type OptimizerName, type RegularizationSpec, type TrainingConfig } from '../../engine/types';
import { DEFAULTS, defaultLearningRate } from '../defaults';
import { REGULARIZATION_KEYS, TRAINING_KEYS } from '../vocabulary';
import type { ParseContext } from './context';
import { describeValue, readObject, reportUnknownName } from './object-view';
import { t } from '../../shared/l10n/index';

/** The most epochs a model may ask for; the CLI's --epochs has the same limit. */
export const MAX_EPOCHS = 1_000_000;

/** Which optimiser reads which extra hyperparameter. */
const OPTIMIZER_PARAMETERS: Record<string, OptimizerName> = { momentum: 'momentum', beta1: 'adam', beta2: 'adam', epsilon: 'adam' };

const regularizationExplain = (): string => t('l2 adds (λ/2)Σw² to the objective (weight decay: w ← w(1 − lr·λ) − lr·∂L/∂w); l1 adds λΣ|w|, pushing weights to exactly 0.');

function readRegularization(ctx: ParseContext, node: Node): RegularizationSpec | undefined {
  const path = 'training.regularization';
  if (node.type === 'string') {
    const written = node.value as string;
    if (!(REGULARIZATIONS as readonly string[]).includes(written)) {
      reportUnknownName(ctx, node, written, REGULARIZATIONS, 'unknown-regularization', 'regularization', { path, explain: regularizationExplain() });
      return undefined;
    }
    return written === 'none' ? { type: 'none', lambda: 0 } : { type: written as RegularizationSpec['type'], lambda: DEFAULTS.training.lambda };
  }
  if (node.type !== 'object') {
    ctx.error('wrong-type', t('"regularization" must be "none", "l1", "l2" or an object like { "type": "l2", "lambda": 0.001 }; found {found}.', { found: describeValue(node) }), node, { path });
    return undefined;
  }
  const view = readObject(ctx, node, path, REGULARIZATION_KEYS, t('the regularization'));
  if (view === undefined) return undefined;
  const type = view.name('type', REGULARIZATIONS, 'unknown-regularization', 'regularization', { explain: regularizationExplain() });
  const lambda = view.number('lambda', { min: 0, rangeCode: 'rate-out-of-range', meaning: t('the regularisation strength λ') });
  if (!view.has('type')) {
    ctx.missing(t('Say which regularization: "type": "l2" (weight decay) or "l1"; "none" turns it off.'), node, { path });
    return undefined;
  }
  if (type === undefined) return undefined;
  if (type === 'none') return { type, lambda: 0 };
  return { type, lambda: lambda ?? DEFAULTS.training.lambda };
}

export function readTraining(ctx: ParseContext, node: Node | undefined): TrainingConfig | undefined {
  const d = DEFAULTS.training;
  if (node === undefined) {
    return { optimizer: d.optimizer, learningRate: d.learningRate, batchSize: d.batchSize, epochs: d.epochs, regularization: { ...d.regularization }, dropoutMode: d.dropoutMode };
  }
  const view = readObject(ctx, node, 'training', TRAINING_KEYS, t('the training settings'));
  if (view === undefined) return undefined;
  const optimizer = view.name('optimizer', OPTIMIZERS, 'unknown-optimizer', 'optimizer', {
    explain: t('sgd: w ← w − lr·g; momentum and adam smooth the steps; perceptron: Rosenblatt\'s rule for a single layer of sign/step units.'),
  });
  const learningRate = view.number('learningRate', {
    min: 0,
    minExclusive: true,
    rangeCode: 'rate-out-of-range',
    meaning: t('the step size in w ← w − lr·∂L/∂w'),
    why: t('Gradient descent moves against the gradient by lr times its size; with lr ≤ 0 it stands still or climbs.'),
  });
  const batchSize = view.number('batchSize', { integer: true, min: 1, rangeCode: 'non-positive-size', meaning: t('samples averaged per weight update') });
  // 0 is allowed: a hand-set network (theory §1) is evaluated as written, with no pass of training.
  const epochs = view.number('epochs', { integer: true, min: 0, max: MAX_EPOCHS, rangeCode: 'non-positive-size', meaning: t('passes over the training data') });
  const fraction = (meaning: string) => ({ min: 0, max: 1, maxExclusive: true, rangeCode: 'rate-out-of-range', meaning });
  const momentum = view.number('momentum', fraction(t('the share of the previous step kept in the next')));
  const beta1 = view.number('beta1', fraction(t('adam\'s decay of the running mean of gradients')));
  const beta2 = view.number('beta2', fraction(t('adam\'s decay of the running mean of squared gradients')));
  const epsilon = view.number('epsilon', { min: 0, minExclusive: true, rangeCode: 'rate-out-of-range', meaning: t('adam\'s guard against dividing by 0') });
  const regularizationNode = view.value('regularization');
  const regularization = regularizationNode !== undefined ? readRegularization(ctx, regularizationNode) : { ...d.regularization };
  const dropoutMode = view.name('dropoutMode', DROPOUT_MODES, 'unknown-dropout-mode', 'dropout mode', {
    explain: t('inverted divides kept activations by the keep probability while training; scale-at-test multiplies by it at test time. Equal in expectation.'),
  });

  const chosen = optimizer ?? d.optimizer;
  for (const [key, owner] of Object.entries(OPTIMIZER_PARAMETERS)) {
    const field = view.field(key);
    if (field !== undefined && optimizer !== undefined && owner !== chosen) {
      ctx.warning('optimizer-parameter-ignored', t('"{key}" is a setting of the {owner} optimizer and is ignored by {chosen}.', { key, owner, chosen }), field.keyNode, { path: field.path });
    }
  }
  if (regularization === undefined) return undefined;
  const config: TrainingConfig = {
    optimizer: chosen,
    learningRate: learningRate ?? defaultLearningRate(chosen),
    batchSize: batchSize ?? d.batchSize,
    epochs: epochs ?? d.epochs,
    regularization,
    dropoutMode: dropoutMode ?? d.dropoutMode,
  };
  if (chosen === 'momentum') config.momentum = momentum ?? d.momentum;
  if (chosen === 'adam') {
    config.beta1 = beta1 ?? d.beta1;
    config.beta2 = beta2 ?? d.beta2;
    config.epsilon = epsilon ?? d.epsilon;
  }
  return config;
}
