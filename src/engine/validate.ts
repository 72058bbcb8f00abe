// Argument checks for everything a trainer is built from. Each failure names the field and the
// value, so the model loader and the CLI can show it as is (they add the file position).

import { ACTIVATIONS, DROPOUT_MODES, LOSSES, OPTIMIZERS, type Dataset, type LayerConfig, type NetworkConfig, type Split, type TrainingConfig } from './types';
import { EngineError, requireInteger, requireRate } from './errors';
import { validateInit } from './init';
import { validateRegularization } from './regularization';
import { resolveLossKernel } from './losses';
import { firstNonFinite } from './distribution';
import { HAND_SET_MESSAGES } from './hand-set-messages';
import { t } from '../shared/l10n';

/** Largest layer width and input size accepted (a guard against typos like 1e9 units). */
export const MAX_UNITS = 1 << 20;

export function validateNetwork(config: NetworkConfig): void {
  if (!config || typeof config !== 'object') throw new EngineError('invalid-config', t('network config is missing.'));
  requireInteger(config.inputSize, 'inputSize', 1, MAX_UNITS);
  if (!Array.isArray(config.layers) || config.layers.length === 0) {
    throw new EngineError('invalid-config', t('The network needs at least one layer (the output layer).'));
  }
  validateInit(config.init, t('network'));
  const last = config.layers.length - 1;
  config.layers.forEach((layer, i) => {
    // `name` is the layer as a person reads it, in the UI's language.
    const name = i === last ? t('output layer (layer {layer})', { layer: i }) : t('layer {layer}', { layer: i });
    requireInteger(layer.units, t('{layer} units', { layer: name }), 1, MAX_UNITS);
    if (!(ACTIVATIONS as readonly string[]).includes(layer.activation)) {
      throw new EngineError('invalid-config', t('{layer}: activation must be one of {names}, got {found}.', { layer: name, names: ACTIVATIONS.join(', '), found: String(layer.activation) }));
    }
    if (layer.activation === 'softmax' && i !== last) {
      throw new EngineError('invalid-config', t('{layer}: softmax is only allowed on the output layer.', { layer: name }));
    }
    if (layer.dropout !== undefined && layer.dropout !== 0) {
      if (i === last) throw new EngineError('invalid-config', t('{layer}: dropout applies to hidden layers, not to the output layer.', { layer: name }));
      requireRate(layer.dropout, t('{layer} dropout', { layer: name }), 0, 1);
      if (layer.dropout >= 1) throw new EngineError('invalid-rate', t('{layer} dropout must be below 1 (it is the probability of dropping a unit), got {found}.', { layer: name, found: String(layer.dropout) }));
    }
    if (layer.init !== undefined) validateInit(layer.init, name);
    validateHandSet(layer, name, i === 0 ? config.inputSize : config.layers[i - 1].units);
  });
  if (!(LOSSES as readonly string[]).includes(config.loss)) {
    throw new EngineError('invalid-config', t('loss must be one of {names}, got {found}.', { names: LOSSES.join(', '), found: String(config.loss) }));
  }
  resolveLossKernel(config.loss, config.layers[last].activation);
}

/** Hand-set weights (units rows of fan-in numbers), biases (units numbers) and the trainable flag. */
function validateHandSet(layer: LayerConfig, name: string, inputs: number): void {
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (layer.weights !== undefined) {
    const w: unknown = layer.weights;
    const ok = Array.isArray(w) && w.length === layer.units && w.every((row: unknown) => Array.isArray(row) && row.length === inputs && row.every(finite));
    if (!ok) throw new EngineError('invalid-shape', HAND_SET_MESSAGES.engineWeightsShape({ layer: name, units: layer.units, inputs }));
  }
  if (layer.biases !== undefined) {
    const b: unknown = layer.biases;
    if (!(Array.isArray(b) && b.length === layer.units && b.every(finite))) {
      throw new EngineError('invalid-shape', HAND_SET_MESSAGES.engineBiasShape({ layer: name, units: layer.units }));
    }
  }
  if (layer.trainable !== undefined && typeof layer.trainable !== 'boolean') {
    throw new EngineError('invalid-config', HAND_SET_MESSAGES.engineTrainable({ layer: name, found: String(layer.trainable) }));
  }
}

export function validateTraining(training: TrainingConfig, network: NetworkConfig): void {
  if (!training || typeof training !== 'object') throw new EngineError('invalid-config', t('training config is missing.'));
  if (!(OPTIMIZERS as readonly string[]).includes(training.optimizer)) {
    throw new EngineError('invalid-config', t('optimizer must be one of {names}, got {found}.', { names: OPTIMIZERS.join(', '), found: String(training.optimizer) }));
  }
  requireRate(training.learningRate, 'learningRate', 0, 1e9, true);
  requireInteger(training.batchSize, 'batchSize', 1, 1 << 24);
  requireInteger(training.epochs, 'epochs', 0);
  if (training.momentum !== undefined) requireRate(training.momentum, 'momentum', 0, 0.999999);
  if (training.beta1 !== undefined) requireRate(training.beta1, 'beta1', 0, 0.999999);
  if (training.beta2 !== undefined) requireRate(training.beta2, 'beta2', 0, 0.999999999);
  if (training.epsilon !== undefined) requireRate(training.epsilon, 'epsilon', 0, 1, true);
  validateRegularization(training.regularization);
  if (!(DROPOUT_MODES as readonly string[]).includes(training.dropoutMode)) {
    throw new EngineError('invalid-config', t('dropoutMode must be one of {names}, got {found}.', { names: DROPOUT_MODES.join(', '), found: String(training.dropoutMode) }));
  }
  if (training.optimizer === 'perceptron') {
    const output = network.layers[network.layers.length - 1];
    if (network.layers.length !== 1 || (output.activation !== 'sign' && output.activation !== 'step')) {
      throw new EngineError(
        'invalid-config',
        t('The perceptron rule trains a single layer of sign or step units (no hidden layers); use sgd, momentum or adam with differentiable activations for a multilayer network.'),
      );
    }
  }
}

function validateSplit(split: Split, name: string, data: Dataset, labelCount: number): void {
  if (!split || !Number.isInteger(split.n) || split.n < 0) throw new EngineError('invalid-data', `${name} split: n must be a whole number ≥ 0.`);
  if (!(split.x instanceof Float64Array) || split.x.length < split.n * data.inputSize) {
    throw new EngineError('invalid-shape', `${name} split: x must be a Float64Array of n × inputSize = ${split.n * data.inputSize} values.`);
  }
  if (!(split.y instanceof Float64Array) || split.y.length < split.n * labelCount) {
    throw new EngineError('invalid-shape', `${name} split: y must be a Float64Array of ${split.n * labelCount} values.`);
  }
  const badX = firstNonFinite(split.x, split.n * data.inputSize);
  if (badX >= 0) {
    throw new EngineError('non-finite-input', t('{split} split: sample {sample}, feature {feature} is {value}; inputs must be finite numbers.', { split: name, sample: Math.floor(badX / data.inputSize), feature: badX % data.inputSize, value: String(split.x[badX]) }));
  }
  const badY = firstNonFinite(split.y, split.n * labelCount);
  if (badY >= 0) throw new EngineError('non-finite-input', t('{split} split: target of sample {sample} is {value}; targets must be finite numbers.', { split: name, sample: Math.floor(badY / labelCount), value: String(split.y[badY]) }));
  if (data.kind === 'classification') {
    for (let r = 0; r < split.n; r++) {
      const label = split.y[r];
      if (!Number.isInteger(label) || label < 0 || label >= data.classes) {
        throw new EngineError('invalid-data', t('{split} split: sample {sample} has class {label}, but classes are 0 … {last}.', { split: name, sample: r, label: String(label), last: data.classes - 1 }));
      }
    }
  }
}

export function validateData(data: Dataset, network: NetworkConfig): void {
  if (!data || typeof data !== 'object') throw new EngineError('invalid-data', t('dataset is missing.'));
  if (data.inputSize !== network.inputSize) {
    throw new EngineError('invalid-shape', t('The network expects {inputs} input(s) but the data has {features} feature(s).', { inputs: network.inputSize, features: data.inputSize }));
  }
  if (data.kind === 'classification') {
    requireInteger(data.classes, 'dataset classes', 1);
    if (data.targetSize !== 1) throw new EngineError('invalid-shape', t('Classification data must have targetSize 1 (a class index per sample), got {found}.', { found: String(data.targetSize) }));
  } else if (data.kind === 'regression') {
    requireInteger(data.targetSize, 'dataset targetSize', 1);
  } else {
    throw new EngineError('invalid-data', t('dataset kind must be classification or regression, got {found}.', { found: String((data as Dataset).kind) }));
  }
  validateSplit(data.train, 'train', data, data.targetSize);
  validateSplit(data.test, 'test', data, data.targetSize);
  if (data.train.n === 0) throw new EngineError('invalid-data', t('The training split is empty.'));
}
