// The trainer: one network, one dataset, one seeded generator, and the loop that ties them
// together (shuffle, minibatches, forward, loss, backward, regularise, update). It implements
// `Trainer` from trainer-api.ts, which the training worker, the CLI, the bench and the tests call.
//
// Reproducibility: the generator created from `seed` draws, in order, the initial weights, then
// per epoch the shuffle and the dropout masks. Nothing else draws from it (health samples and the
// gradient check use deterministic rows and their own generator), so the same options and data
// give a bit-identical run however often the caller looks at health or grids.

import { EngineError, requireInteger } from './errors';
import { firstNonFinite } from './distribution';
import { checkGradients } from './gradcheck';
import { computeHealth, HEALTH_SAMPLE_ROWS, locateNonFinite, scanGradients, scanParameters } from './health';
import type { EpochReport, HealthReport, Metrics, NonFiniteEvent } from './health-types';
import { batchLossGradient, batchLossSum, resolveLossKernel, sampleLosses, type LossKernel } from './losses';
import { Network, type UnitRef, type Workspace } from './network';
import { beginStep, createOptimizerState, perceptronDelta, updateLayer, type OptimizerSettings, type OptimizerState } from './optimizers';
import { PERCEPTRON_TRACE_SAMPLES, PerceptronTrace, type PerceptronSample, type PerceptronUpdate } from './perceptron-trace';
import { addRegularizationGradient, regularizationTerm } from './regularization';
import { createRng, type Rng } from './rng';
import { mapPlaneRows } from './features';
import { chooseEncoding, countCorrect, encodeTargets, predictedClass, type LabelEncoding } from './targets';
import type { BatchesResult, GradientCheckResult, OutputGrid, SampleEvaluation, Trainer, TrainerOptions, WeightsFile } from './trainer-api';
import type { Dataset, Split, TrainingConfig } from './types';
import { validateData, validateNetwork, validateTraining } from './validate';
import { t, tn } from '../shared/l10n';

/** Rows per forward pass when evaluating a whole split (bounded memory, cache-sized buffers). */
const EVAL_ROWS = 256;
const GRADCHECK_DEFAULT_SAMPLES = 16;
/** Salt for the gradient check's own mask generator, so checking never shifts the training stream. */
const GRADCHECK_SEED_SALT = 0x6a09e667;

export const createTrainer = (options: TrainerOptions, data: Dataset): Trainer => new MlpTrainer(options, data);

/** An epoch under way between trainBatches calls: where it is and what it has summed so far. */
interface EpochInProgress {
  /** First row of `order` not trained yet. */
  next: number;
  batches: number;
  lossTotal: number;
  correct: number;
  seen: number;
  alreadyDiverged: boolean;
}

function copyTraining(training: TrainingConfig): TrainingConfig {
  return { ...training, regularization: { ...training.regularization } };
}

class MlpTrainer implements Trainer {
  readonly options: TrainerOptions;
  readonly data: Dataset;
  private readonly network: Network;
  private readonly kernel: LossKernel;
  private readonly encoding: LabelEncoding;
  private readonly trainTargets: Float64Array;
  private readonly testTargets: Float64Array;
  private readonly order: Uint32Array;
  private readonly workspaces = new Map<number, Workspace>();
  private rng!: Rng;
  private optimizer!: OptimizerState;
  private settings!: OptimizerSettings;
  private epochCount = 0;
  private nonFinite: NonFiniteEvent | null = null;
  private activityTracked = false;
  private current: EpochInProgress | null = null;
  /** ReLU activity of the last whole epoch, for health asked for in the middle of the next one. */
  private completedActivity: Uint8Array[] | null = null;
  private completedActivityTracked = false;
  private gridExtent: { xMin: number; xMax: number; yMin: number; yMax: number } | null = null;
  /** The perceptron rule's updates, while a caller asked for them (tracePerceptron). */
  private trace: PerceptronTrace | null = null;

  constructor(options: TrainerOptions, data: Dataset) {
    if (!options || typeof options !== 'object') throw new EngineError('invalid-config', 'trainer options are missing.');
    validateNetwork(options.network);
    validateTraining(options.training, options.network);
    if (typeof options.seed !== 'number' || !Number.isFinite(options.seed)) {
      throw new EngineError('invalid-config', `seed must be a finite number, got ${String(options.seed)}.`);
    }
    validateData(data, options.network);
    this.options = { network: options.network, training: copyTraining(options.training), seed: options.seed };
    this.data = data;
    this.network = new Network(options.network);
    const output = this.network.outputLayer;
    this.kernel = resolveLossKernel(options.network.loss, output.activation);
    this.encoding = chooseEncoding(data, output.units, output.activation);
    this.trainTargets = encodeTargets(data.train, data.targetSize, this.encoding, output.units);
    this.testTargets = encodeTargets(data.test, data.targetSize, this.encoding, output.units);
    this.order = new Uint32Array(data.train.n);
    this.reset();
  }

  get epoch(): number {
    return this.epochCount;
  }

  get epochInProgress(): boolean {
    return this.current !== null;
  }

  reset(): void {
    this.rng = createRng(this.options.seed);
    this.network.initialize(this.rng);
    // A new start is the network as written: every unit on.
    this.network.setUnitsOff([]);
    this.optimizer = createOptimizerState(this.options.training.optimizer, this.network.layers);
    this.settings = this.optimizerSettings();
    this.epochCount = 0;
    this.nonFinite = null;
    this.activityTracked = false;
    this.current = null;
  }

  private optimizerSettings(): OptimizerSettings {
    const t = this.options.training;
    return { learningRate: t.learningRate, momentum: t.momentum ?? 0.9, beta1: t.beta1 ?? 0.9, beta2: t.beta2 ?? 0.999, epsilon: t.epsilon ?? 1e-8 };
  }

  private workspace(capacity: number): Workspace {
    let ws = this.workspaces.get(capacity);
    if (!ws) {
      ws = this.network.createWorkspace(capacity);
      this.workspaces.set(capacity, ws);
    }
    return ws;
  }

  trainEpoch(): EpochReport {
    for (;;) {
      const step = this.trainBatches(Number.POSITIVE_INFINITY);
      if (step.epochDone) return step.report;
    }
  }

  /**
   * Trains up to `maxBatches` minibatches of the current epoch, starting one (shuffle, cleared
   * activity) when none is under way. The epoch's state lives here between calls, so any split of
   * an epoch into calls draws the same shuffle and dropout masks and gives the same report as
   * trainEpoch. The batch size is read per call: an edit applies from the next minibatch.
   */
  trainBatches(maxBatches: number): BatchesResult {
    if (!(maxBatches >= 1)) throw new EngineError('invalid-config', `trainBatches needs at least 1 batch, got ${String(maxBatches)}.`);
    const epoch = this.current ?? this.beginEpoch();
    const network = this.network;
    const training = this.options.training;
    const { train } = this.data;
    const n = train.n;
    const inputSize = network.inputSize;
    const outputSize = network.outputSize;
    const batchSize = Math.min(training.batchSize, n);
    const ws = this.workspace(batchSize);
    const last = network.layers.length - 1;
    const layers = network.layers;
    const perceptron = training.optimizer === 'perceptron';
    const classification = this.data.kind === 'classification';
    const order = this.order;
    // Only a single sign or step unit is traced: its update reads as one line of numbers.
    const trace = perceptron && layers.length === 1 && outputSize === 1 ? this.trace : null;
    let stopped = epoch.alreadyDiverged;
    for (let batch = 0; !stopped && batch < maxBatches && epoch.next < n; batch++) {
      const start = epoch.next;
      const rows = Math.min(batchSize, n - start);
      gatherRows(train.x, order, start, rows, inputSize, ws.input);
      gatherRows(this.trainTargets, order, start, rows, outputSize, ws.target);
      network.forward(ws, rows, 'train', training.dropoutMode, this.rng, true);
      const logits = ws.pre[last];
      const outputs = ws.act[last];
      let lossSum: number;
      if (perceptron) {
        lossSum = batchLossSum(this.kernel, logits, outputs, ws.target, rows, outputSize);
        perceptronDelta(outputs, ws.target, ws.delta[last], rows, outputSize);
      } else {
        lossSum = batchLossGradient(this.kernel, network.outputLayer.activation, logits, outputs, ws.target, ws.delta[last], rows, outputSize);
      }
      if (lossSum - lossSum !== 0) {
        // Divergence: name where it started and stop updating, so the evidence stays intact.
        this.nonFinite = locateNonFinite(network, ws, rows);
        stopped = true;
        break;
      }
      epoch.lossTotal += lossSum;
      epoch.seen += rows;
      epoch.batches++;
      epoch.next += rows;
      if (classification) epoch.correct += countCorrect(this.encoding, outputs, train.y, order, start, rows, outputSize);
      const before = trace ? this.traceBefore(ws.input, ws.target, outputs, start, rows, epoch.batches) : null;
      network.backward(ws, rows);
      beginStep(this.optimizer);
      const regularization = training.regularization;
      for (let l = 0; l <= last; l++) {
        if (!layers[l].trainable) continue;
        addRegularizationGradient(regularization, layers[l].weights, layers[l].weightGrad);
        updateLayer(this.optimizer, layers[l], this.settings);
      }
      if (trace && before) trace.add({ ...before, weightsAfter: Array.from(layers[0].weights), biasAfter: layers[0].biases[0] as number });
    }
    const progress = {
      batches: epoch.batches,
      samples: epoch.seen,
      totalBatches: epoch.batches + Math.ceil((n - epoch.next) / batchSize),
      runningCost: epoch.seen > 0 ? epoch.lossTotal / epoch.seen : Number.NaN,
    };
    if (!stopped && epoch.next < n) return { epochDone: false, progress };
    return { epochDone: true, report: this.endEpoch(epoch), progress };
  }

  tracePerceptron(on: boolean): void {
    this.trace = on ? (this.trace ?? new PerceptronTrace()) : null;
  }

  takePerceptronTrace(): PerceptronUpdate[] {
    return this.trace?.take() ?? [];
  }

  /** The part of a perceptron update known before it: the batch's samples and the weights as they were. */
  private traceBefore(input: Float64Array, target: Float64Array, outputs: Float64Array, start: number, rows: number, batch: number): Omit<PerceptronUpdate, 'weightsAfter' | 'biasAfter'> {
    const inputSize = this.network.inputSize;
    const { train } = this.data;
    const samples: PerceptronSample[] = [];
    let wrong = 0;
    for (let r = 0; r < rows; r++) if (target[r] !== outputs[r]) wrong++;
    for (let r = 0; r < Math.min(rows, PERCEPTRON_TRACE_SAMPLES); r++) {
      const row = this.order[start + r] as number;
      const x = Array.from(input.subarray(r * inputSize, (r + 1) * inputSize));
      const point: [number, number] = train.plane ? [train.plane[2 * row] as number, train.plane[2 * row + 1] as number] : [x[0] ?? 0, x[1] ?? 0];
      samples.push({ position: start + r + 1, x, point, y: target[r] as number, yHat: outputs[r] as number });
    }
    const layer = this.network.layers[0];
    return {
      epoch: this.epochCount + 1,
      batch: batch,
      learningRate: this.settings.learningRate,
      rows,
      wrong,
      samples,
      weightsBefore: Array.from(layer.weights),
      biasBefore: layer.biases[0] as number,
    };
  }

  private beginEpoch(): EpochInProgress {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i] = i;
    this.rng.shuffle(order);
    // Health asked for mid-epoch reports dead units over the last whole epoch, kept aside here.
    this.keepCompletedActivity();
    this.network.clearActivity();
    // After a divergence nothing trains (the weights are NaN or about to be) until reset/import:
    // the epoch count stays, and the report repeats the event.
    this.current = { next: 0, batches: 0, lossTotal: 0, correct: 0, seen: 0, alreadyDiverged: this.nonFinite !== null };
    return this.current;
  }

  private keepCompletedActivity(): void {
    const layers = this.network.layers;
    if (!this.completedActivity) this.completedActivity = layers.map((layer) => new Uint8Array(layer.everPositive.length));
    for (let l = 0; l < layers.length; l++) if (layers[l].activation === 'relu') this.completedActivity[l].set(layers[l].everPositive);
    this.completedActivityTracked = this.activityTracked;
  }

  private endEpoch(epoch: EpochInProgress): EpochReport {
    this.current = null;
    const network = this.network;
    const { lossTotal, correct, seen, alreadyDiverged } = epoch;
    if (!alreadyDiverged) {
      if (this.nonFinite === null) this.nonFinite = scanParameters(network);
      if (this.nonFinite !== null && this.nonFinite.where === 'weights') {
        // Parameters that turned non-finite in an update with a finite loss came from the gradients.
        this.nonFinite = scanGradients(network) ?? this.nonFinite;
      }
    }
    this.activityTracked = seen > 0;
    if (!alreadyDiverged) this.epochCount++;

    const diverged = this.nonFinite !== null;
    const regularizationValue = this.regularizationValue();
    const trainMetrics: Metrics = {
      cost: seen > 0 ? lossTotal / seen : Number.NaN,
      regularization: regularizationValue,
      objective: seen > 0 ? lossTotal / seen + regularizationValue : Number.NaN,
    };
    if (this.data.kind === 'classification') trainMetrics.accuracy = seen > 0 ? correct / seen : Number.NaN;
    const report: EpochReport = {
      epoch: this.epochCount,
      train: trainMetrics,
      test: this.data.test.n > 0 && !diverged ? this.evaluate('test') : null,
    };
    if (diverged) report.nonFinite = this.nonFinite as NonFiniteEvent;
    return report;
  }

  private regularizationValue(): number {
    let total = 0;
    for (const layer of this.network.layers) total += regularizationTerm(this.options.training.regularization, layer.weights);
    return total;
  }

  evaluate(split: 'train' | 'test'): Metrics {
    if (split !== 'train' && split !== 'test') throw new EngineError('invalid-config', `split must be 'train' or 'test', got ${String(split)}.`);
    const data = this.data[split];
    if (data.n === 0) throw new EngineError('invalid-data', t('The {split} split is empty: there is nothing to evaluate.', { split }));
    const targets = split === 'train' ? this.trainTargets : this.testTargets;
    const network = this.network;
    const outputSize = network.outputSize;
    const last = network.layers.length - 1;
    const ws = this.workspace(Math.min(EVAL_ROWS, data.n));
    let lossTotal = 0;
    let correct = 0;
    for (let start = 0; start < data.n; start += ws.capacity) {
      const rows = Math.min(ws.capacity, data.n - start);
      ws.input.set(data.x.subarray(start * network.inputSize, (start + rows) * network.inputSize));
      ws.target.set(targets.subarray(start * outputSize, (start + rows) * outputSize));
      network.forward(ws, rows, 'eval', this.options.training.dropoutMode, null, false);
      lossTotal += batchLossSum(this.kernel, ws.pre[last], ws.act[last], ws.target, rows, outputSize);
      if (this.data.kind === 'classification') correct += countCorrect(this.encoding, ws.act[last], data.y, null, start, rows, outputSize);
    }
    const cost = lossTotal / data.n;
    const regularizationValue = this.regularizationValue();
    const metrics: Metrics = { cost, regularization: regularizationValue, objective: cost + regularizationValue };
    if (this.data.kind === 'classification') metrics.accuracy = correct / data.n;
    return metrics;
  }

  evaluateSamples(split: 'train' | 'test'): SampleEvaluation {
    if (split !== 'train' && split !== 'test') throw new EngineError('invalid-config', `split must be 'train' or 'test', got ${String(split)}.`);
    const data = this.data[split];
    const targets = split === 'train' ? this.trainTargets : this.testTargets;
    const network = this.network;
    const outputSize = network.outputSize;
    const last = network.layers.length - 1;
    const classification = this.data.kind === 'classification';
    const classes = this.data.classes;
    const output = network.outputLayer.activation;
    const distribution = classification && (output === 'softmax' || (this.encoding.kind === 'binary' && output === 'sigmoid'));
    const losses = new Float64Array(data.n);
    const predicted = classification ? new Int32Array(data.n) : undefined;
    const probabilities = distribution ? new Float64Array(data.n * classes) : undefined;
    const ws = this.workspace(Math.max(1, Math.min(EVAL_ROWS, data.n)));
    for (let start = 0; start < data.n; start += ws.capacity) {
      const rows = Math.min(ws.capacity, data.n - start);
      ws.input.set(data.x.subarray(start * network.inputSize, (start + rows) * network.inputSize));
      ws.target.set(targets.subarray(start * outputSize, (start + rows) * outputSize));
      network.forward(ws, rows, 'eval', this.options.training.dropoutMode, null, false);
      const act = ws.act[last];
      sampleLosses(this.kernel, ws.pre[last], act, ws.target, rows, outputSize, losses.subarray(start, start + rows));
      for (let r = 0; r < rows; r++) {
        if (predicted) predicted[start + r] = predictedClass(this.encoding, act, r, outputSize);
        if (!probabilities) continue;
        const row = (start + r) * classes;
        if (output === 'softmax') probabilities.set(act.subarray(r * outputSize, (r + 1) * outputSize), row);
        else {
          probabilities[row] = 1 - act[r];
          probabilities[row + 1] = act[r];
        }
      }
    }
    return { losses, ...(predicted ? { predicted } : {}), ...(probabilities ? { probabilities } : {}) };
  }

  predict(inputs: Float64Array, rows: number): Float64Array {
    const network = this.network;
    const inputSize = network.inputSize;
    requireInteger(rows, 'predict rows', 0);
    if (!(inputs instanceof Float64Array) || inputs.length < rows * inputSize) {
      throw new EngineError('invalid-shape', `predict needs a Float64Array of rows × inputSize = ${rows * inputSize} values.`);
    }
    const bad = firstNonFinite(inputs, rows * inputSize);
    if (bad >= 0) throw new EngineError('non-finite-input', `predict: input ${bad} is ${String(inputs[bad])}; inputs must be finite numbers.`);
    const outputSize = network.outputSize;
    const result = new Float64Array(rows * outputSize);
    const last = network.layers.length - 1;
    const ws = this.workspace(Math.max(1, Math.min(EVAL_ROWS, rows)));
    for (let start = 0; start < rows; start += ws.capacity) {
      const count = Math.min(ws.capacity, rows - start);
      ws.input.set(inputs.subarray(start * inputSize, (start + count) * inputSize));
      network.forward(ws, count, 'eval', this.options.training.dropoutMode, null, false);
      result.set(ws.act[last].subarray(0, count * outputSize), start * outputSize);
    }
    return result;
  }

  health(): HealthReport {
    const network = this.network;
    const train = this.data.train;
    const rows = Math.min(HEALTH_SAMPLE_ROWS, train.n);
    const ws = this.workspace(rows);
    const inputSize = network.inputSize;
    // Evenly spaced rows of the training split: deterministic, and no draw from the generator.
    for (let r = 0; r < rows; r++) {
      const source = Math.floor((r * train.n) / rows);
      ws.input.set(train.x.subarray(source * inputSize, (source + 1) * inputSize), r * inputSize);
    }
    network.forward(ws, rows, 'eval', this.options.training.dropoutMode, null, false);
    return computeHealth({
      network,
      sample: ws,
      rows,
      learningRate: this.options.training.learningRate,
      ...(this.current && this.completedActivity
        ? { activityTracked: this.completedActivityTracked, everPositive: this.completedActivity }
        : { activityTracked: this.activityTracked }),
      nonFinite: this.nonFinite,
    });
  }

  updateTraining(patch: Partial<TrainingConfig>): void {
    if (!patch || typeof patch !== 'object') throw new EngineError('invalid-config', 'updateTraining needs an object of training settings.');
    const current = this.options.training;
    const next: TrainingConfig = { ...current, ...patch, regularization: { ...current.regularization, ...(patch.regularization ?? {}) } };
    validateTraining(next, this.options.network);
    const optimizerChanged = next.optimizer !== current.optimizer;
    this.options.training = next;
    if (optimizerChanged) this.optimizer = createOptimizerState(next.optimizer, this.network.layers);
    this.settings = this.optimizerSettings();
  }

  exportWeights(): WeightsFile {
    return {
      format: 'nn-playground-weights',
      version: 1,
      shape: [this.network.inputSize, ...this.network.layers.map((layer) => layer.units)],
      layers: this.network.layers.map((layer) => ({ weights: Array.from(layer.weights), biases: Array.from(layer.biases) })),
    };
  }

  importWeights(file: WeightsFile): void {
    const expected = [this.network.inputSize, ...this.network.layers.map((layer) => layer.units)];
    if (!file || file.format !== 'nn-playground-weights' || file.version !== 1) {
      throw new EngineError('weights-mismatch', t('Not an nn-playground weights file (format "nn-playground-weights", version 1).'));
    }
    if (!Array.isArray(file.shape) || file.shape.join('-') !== expected.join('-')) {
      throw new EngineError('weights-mismatch', t('The weights are for a {file} network, but the model is {model}.', { file: Array.isArray(file.shape) ? file.shape.join('-') : '?', model: expected.join('-') }));
    }
    if (!Array.isArray(file.layers) || file.layers.length !== this.network.layers.length) {
      const count = Array.isArray(file.layers) ? file.layers.length : 0;
      throw new EngineError('weights-mismatch', tn(count, 'The weights file has {count} layer, the model {layers}.', 'The weights file has {count} layers, the model {layers}.', { layers: this.network.layers.length }));
    }
    this.network.layers.forEach((layer, l) => {
      const source = file.layers[l];
      if (!source || !Array.isArray(source.weights) || source.weights.length !== layer.weights.length || !Array.isArray(source.biases) || source.biases.length !== layer.biases.length) {
        const args = { layer: l, weights: layer.weights.length };
        throw new EngineError(
          'weights-mismatch',
          layer.weights.length === 1
            ? t('Layer {layer} needs 1 weight and 1 bias.', args)
            : tn(layer.biases.length, 'Layer {layer} needs {weights} weights and {count} bias.', 'Layer {layer} needs {weights} weights and {count} biases.', args),
        );
      }
      for (const [name, values] of [['weights', source.weights], ['biases', source.biases]] as const) {
        const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
        if (bad >= 0) throw new EngineError('non-finite-input', t('Layer {layer} {name}[{index}] is {value}; weights must be finite numbers.', { layer: l, name, index: String(bad), value: String(values[bad]) }));
      }
    });
    this.network.layers.forEach((layer, l) => {
      layer.weights.set(file.layers[l].weights);
      layer.biases.set(file.layers[l].biases);
      layer.weightGrad.fill(0);
      layer.biasGrad.fill(0);
    });
    this.optimizer = createOptimizerState(this.options.training.optimizer, this.network.layers);
    this.nonFinite = null;
    this.activityTracked = false;
    // New weights start a new epoch: what was summed of the old one no longer describes them.
    this.current = null;
  }

  gradientCheck(options: { epsilon?: number; samples?: number; maxParameters?: number } = {}): GradientCheckResult {
    const train = this.data.train;
    const samples = options.samples ?? Math.min(GRADCHECK_DEFAULT_SAMPLES, train.n);
    requireInteger(samples, 'gradient check samples', 1, train.n);
    if (options.epsilon !== undefined && !(options.epsilon > 0 && options.epsilon < 1)) {
      throw new EngineError('invalid-rate', `gradient check epsilon must be in (0, 1), got ${String(options.epsilon)}.`);
    }
    // A separate workspace: the check must not disturb buffers a caller may be reading.
    const ws = this.network.createWorkspace(samples);
    ws.input.set(train.x.subarray(0, samples * this.network.inputSize));
    ws.target.set(this.trainTargets.subarray(0, samples * this.network.outputSize));
    return checkGradients({
      network: this.network,
      kernel: this.kernel,
      regularization: this.options.training.regularization,
      dropoutMode: this.options.training.dropoutMode,
      workspace: ws,
      rows: samples,
      maskRng: createRng(this.options.seed ^ GRADCHECK_SEED_SALT),
      epsilon: options.epsilon,
      maxParameters: options.maxParameters,
    });
  }

  outputGrid(size: number, target?: { layer: number; unit: number }): OutputGrid {
    requireInteger(size, 'grid size', 2, 1024);
    const network = this.network;
    const layerIndex = target ? target.layer : network.layers.length - 1;
    requireInteger(layerIndex, 'grid layer', 0, network.layers.length - 1);
    const unitCount = network.layers[layerIndex].units;
    const unit = target ? target.unit : 0;
    requireInteger(unit, 'grid unit', 0, unitCount - 1);
    const extent = this.extent();
    // With input features the grid is over the plane of the two raw inputs, mapped as the data was.
    const inputMap = this.data.inputMap;
    const oneInput = inputMap === undefined && network.inputSize === 1;
    const gridRows = oneInput ? 1 : size;
    const classMode = !target && this.encoding.kind === 'one-hot';
    const values = new Float32Array(gridRows * size);
    const confidence = classMode ? new Float32Array(gridRows * size) : undefined;
    const ws = this.workspace(size);
    const inputSize = network.inputSize;
    const dx = (extent.xMax - extent.xMin) / (size - 1);
    const dy = oneInput ? 0 : (extent.yMax - extent.yMin) / (size - 1);
    const plane = inputMap !== undefined ? new Float64Array(size * 2) : null;
    for (let row = 0; row < gridRows; row++) {
      const y = extent.yMax - row * dy;
      if (inputMap !== undefined && plane !== null) {
        for (let col = 0; col < size; col++) {
          plane[2 * col] = extent.xMin + col * dx;
          plane[2 * col + 1] = y;
        }
        mapPlaneRows(inputMap, plane, size, ws.input);
      } else {
        // Other features stay at 0: their mean once standardised.
        ws.input.fill(0, 0, size * inputSize);
        for (let col = 0; col < size; col++) {
          ws.input[col * inputSize] = extent.xMin + col * dx;
          if (!oneInput) ws.input[col * inputSize + 1] = y;
        }
      }
      network.forward(ws, size, 'eval', this.options.training.dropoutMode, null, false);
      const act = ws.act[layerIndex];
      for (let col = 0; col < size; col++) {
        const cell = row * size + col;
        if (classMode && confidence) {
          const cls = predictedClass(this.encoding, act, col, unitCount);
          values[cell] = cls;
          confidence[cell] = act[col * unitCount + cls];
        } else {
          values[cell] = act[col * unitCount + unit];
        }
      }
    }
    const grid: OutputGrid = { size, ...extent, values, mode: classMode ? 'class' : 'value' };
    if (confidence) grid.confidence = confidence;
    return grid;
  }

  /**
   * The data's fixed plane when it has one; else its bounding box over the first two features
   * (train and test), with a 10% margin; with input features, over the plane of the two raw inputs.
   */
  private extent(): { xMin: number; xMax: number; yMin: number; yMax: number } {
    if (this.gridExtent) return this.gridExtent;
    if (this.data.gridExtent) return (this.gridExtent = { ...this.data.gridExtent });
    const inPlane = this.data.inputMap !== undefined;
    const inputSize = inPlane ? 2 : this.network.inputSize;
    const range = (feature: number): [number, number] => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const split of [this.data.train, this.data.test] as Split[]) {
        const points = inPlane && split.plane !== undefined ? split.plane : split.x;
        for (let r = 0; r < split.n; r++) {
          const v = points[r * inputSize + feature];
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      const margin = hi > lo ? 0.1 * (hi - lo) : 1;
      return [lo - margin, hi + margin];
    };
    const [xMin, xMax] = range(0);
    const [yMin, yMax] = inputSize > 1 ? range(1) : [0, 0];
    this.gridExtent = { xMin, xMax, yMin, yMax };
    return this.gridExtent;
  }

  setUnitsOff(units: readonly UnitRef[]): void {
    if (!Array.isArray(units)) throw new EngineError('invalid-config', 'setUnitsOff needs a list of { layer, unit }.');
    this.network.setUnitsOff(units);
  }

  unitsOff(): UnitRef[] {
    return this.network.unitsOff();
  }

  layerParameters(layer: number): { weights: Float64Array; biases: Float64Array; gradients: Float64Array } {
    requireInteger(layer, 'layer', 0, this.network.layers.length - 1);
    const dense = this.network.layers[layer];
    return { weights: dense.weights.slice(), biases: dense.biases.slice(), gradients: dense.weightGrad.slice() };
  }
}

/** Copies rows order[start … start+rows) of a row-major matrix into `out`, packed. */
function gatherRows(source: Float64Array, order: Uint32Array, start: number, rows: number, width: number, out: Float64Array): void {
  if (width === 1) {
    for (let r = 0; r < rows; r++) out[r] = source[order[start + r]];
    return;
  }
  for (let r = 0; r < rows; r++) {
    const from = order[start + r] * width;
    const to = r * width;
    for (let c = 0; c < width; c++) out[to + c] = source[from + c];
  }
}
