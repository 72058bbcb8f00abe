// The multilayer perceptron: dense layers whose parameters live in flat Float64Arrays (weights
// row-major inputs × units, so weight (i → j) is at i·units + j), run forward and backward over a
// whole minibatch at once. There are no neuron objects: a layer is its arrays, and a minibatch is
// a set of preallocated row-major buffers (`Workspace`) reused for every batch of the same size.

import { softmaxRows } from './activations';
import { initializeWeights } from './init';
import { backwardLayer, forwardLayer, forwardProduct } from './wasm/kernels';
import type { Rng } from './rng';
import { t } from '../shared/l10n';
import type { ActivationName, DropoutMode, InitSpec, NetworkConfig } from './types';

export interface DenseLayer {
  readonly index: number;
  readonly inputs: number;
  readonly units: number;
  readonly activation: ActivationName;
  /** Drop probability of this layer's outputs while training. */
  readonly dropout: number;
  readonly init: InitSpec;
  /** false: the trainer never updates this layer (hand-set weights, theory §1). */
  readonly trainable: boolean;
  /** Hand-set weights in the engine's layout (inputs × units), written over the drawn init; or null. */
  readonly handWeights: Float64Array | null;
  /** Hand-set biases, or null (biases start at 0). */
  readonly handBiases: Float64Array | null;
  readonly weights: Float64Array;
  readonly biases: Float64Array;
  /** ∂(objective)/∂W of the last minibatch, same layout as weights. */
  readonly weightGrad: Float64Array;
  readonly biasGrad: Float64Array;
  /** ReLU only: 1 for units that were positive at least once since `clearActivity`. */
  readonly everPositive: Uint8Array;
  /**
   * 1 for a unit switched off by hand (the panel's network diagram): its output is held at 0 in
   * every forward pass, training included, and backward gives it no gradient. Hidden layers only.
   */
  readonly off: Uint8Array;
}

/** A unit of the network: `layer` indexes the network's layers (0 = the first hidden layer). */
export interface UnitRef {
  layer: number;
  unit: number;
}

/** Per-batch-size buffers, one of each per layer, each `capacity × units` (row-major). */
export interface Workspace {
  readonly capacity: number;
  readonly input: Float64Array;
  readonly target: Float64Array;
  readonly pre: Float64Array[];
  /** φ(pre). */
  readonly act: Float64Array[];
  /** What the next layer sees: act after dropout (the same array as act when the layer has none). */
  readonly out: Float64Array[];
  /** Dropout multipliers (0 or the keep scale), or null for layers without dropout. */
  readonly mask: (Float64Array | null)[];
  /** ∂(batch cost)/∂(pre) while running backward. */
  readonly delta: Float64Array[];
}

/** How dropout behaves in one forward pass. */
export type ForwardMode =
  /** Draw new masks from the generator. */
  | 'train'
  /** No dropping; scale-at-test multiplies by the keep probability. */
  | 'eval'
  /** Reuse the masks already in the workspace (gradient check: a fixed mask). */
  | 'fixed-mask';

export class Network {
  readonly inputSize: number;
  readonly layers: DenseLayer[];
  readonly outputSize: number;
  readonly parameterCount: number;
  /** Units switched off per layer: a layer with none costs its forward and backward pass nothing. */
  private readonly offCounts: number[];

  constructor(config: NetworkConfig) {
    this.inputSize = config.inputSize;
    let inputs = config.inputSize;
    let count = 0;
    this.layers = config.layers.map((layer, index) => {
      const dense: DenseLayer = {
        index,
        inputs,
        units: layer.units,
        activation: layer.activation,
        dropout: layer.dropout ?? 0,
        init: layer.init ?? config.init,
        trainable: layer.trainable !== false,
        handWeights: layer.weights !== undefined ? transposeRows(layer.weights, inputs, layer.units) : null,
        handBiases: layer.biases !== undefined ? Float64Array.from(layer.biases) : null,
        weights: new Float64Array(inputs * layer.units),
        biases: new Float64Array(layer.units),
        weightGrad: new Float64Array(inputs * layer.units),
        biasGrad: new Float64Array(layer.units),
        everPositive: new Uint8Array(layer.units),
        off: new Uint8Array(layer.units),
      };
      count += inputs * layer.units + layer.units;
      inputs = layer.units;
      return dense;
    });
    this.outputSize = inputs;
    this.parameterCount = count;
    this.offCounts = this.layers.map(() => 0);
  }

  /**
   * Switches exactly `units` off (every other unit on). Like a dropout mask that never changes and
   * is never rescaled: the next layer sees 0 from each of them, at test time as in training. Only
   * hidden units: the output layer is the prediction itself.
   */
  setUnitsOff(units: readonly UnitRef[]): void {
    const last = this.layers.length - 1;
    for (const { layer, unit } of units) {
      if (!Number.isInteger(layer) || layer < 0 || layer >= last) throw new RangeError(t('Layer {layer} is not a hidden layer: only hidden units can be switched off.', { layer: String(layer) }));
      if (!Number.isInteger(unit) || unit < 0 || unit >= this.layers[layer].units) throw new RangeError(t('Layer {layer} has no unit {unit}.', { layer: String(layer), unit: String(unit) }));
    }
    for (const layer of this.layers) layer.off.fill(0);
    for (const { layer, unit } of units) this.layers[layer].off[unit] = 1;
    this.layers.forEach((layer, l) => (this.offCounts[l] = layer.off.reduce((a, b) => a + b, 0)));
  }

  /** The units switched off, by layer then unit. */
  unitsOff(): UnitRef[] {
    const units: UnitRef[] = [];
    this.layers.forEach((layer, l) => layer.off.forEach((off, unit) => off && units.push({ layer: l, unit })));
    return units;
  }

  /**
   * Draws every weight from `rng` (layer by layer, row-major) and zeroes biases and gradients; a
   * layer's hand-set weights and biases then replace its draws (drawn all the same, so hand-setting
   * one layer leaves every other layer's start as it was).
   */
  initialize(rng: Rng): void {
    for (const layer of this.layers) {
      initializeWeights(layer.init, layer.inputs, layer.units, rng, layer.weights);
      if (layer.handWeights !== null) layer.weights.set(layer.handWeights);
      if (layer.handBiases !== null) layer.biases.set(layer.handBiases);
      else layer.biases.fill(0);
      layer.weightGrad.fill(0);
      layer.biasGrad.fill(0);
      layer.everPositive.fill(0);
    }
  }

  get outputLayer(): DenseLayer {
    return this.layers[this.layers.length - 1];
  }

  createWorkspace(capacity: number): Workspace {
    const pre: Float64Array[] = [];
    const act: Float64Array[] = [];
    const out: Float64Array[] = [];
    const mask: (Float64Array | null)[] = [];
    const delta: Float64Array[] = [];
    for (const layer of this.layers) {
      const size = capacity * layer.units;
      const a = new Float64Array(size);
      pre.push(new Float64Array(size));
      act.push(a);
      const hasDropout = layer.dropout > 0;
      out.push(hasDropout ? new Float64Array(size) : a);
      mask.push(hasDropout ? new Float64Array(size) : null);
      delta.push(new Float64Array(size));
    }
    return {
      capacity,
      input: new Float64Array(capacity * this.inputSize),
      target: new Float64Array(capacity * this.outputSize),
      pre,
      act,
      out,
      mask,
      delta,
    };
  }

  /** Clears the dead-ReLU flags (at the start of an epoch). */
  clearActivity(): void {
    for (const layer of this.layers) layer.everPositive.fill(0);
  }

  /**
   * Runs `rows` samples of `ws.input` through the network. Layer outputs land in ws.pre/act/out;
   * the prediction is ws.act of the last layer. `trackActivity` marks ReLU units that fire.
   */
  forward(ws: Workspace, rows: number, mode: ForwardMode, dropoutMode: DropoutMode, rng: Rng | null, trackActivity: boolean): void {
    let input = ws.input;
    const last = this.layers.length - 1;
    for (let l = 0; l <= last; l++) {
      const layer = this.layers[l];
      const units = layer.units;
      const count = rows * units;
      const pre = ws.pre[l];
      const act = ws.act[l];
      if (layer.activation === 'softmax') {
        forwardProduct(input, layer.weights, layer.biases, pre, rows, layer.inputs, units);
        softmaxRows(pre, act, rows, units);
      } else if (trackActivity && layer.activation === 'relu') {
        forwardProduct(input, layer.weights, layer.biases, pre, rows, layer.inputs, units);
        reluMarkingPositive(pre, act, layer.everPositive, rows, units);
      } else forwardLayer(layer.activation, input, layer.weights, layer.biases, pre, act, rows, layer.inputs, units);
      const p = layer.dropout;
      if (p > 0) applyDropout(act, ws.out[l], ws.mask[l] as Float64Array, count, p, mode, dropoutMode, rng);
      // After dropout, so the generator draws the same masks whichever units are off.
      if ((this.offCounts[l] as number) > 0) zeroColumns(ws.out[l], layer.off, rows, units);
      input = ws.out[l];
    }
  }

  /**
   * Backpropagation, given ws.delta[last] = ∂(batch cost)/∂(output logits): fills every layer's
   * weightGrad/biasGrad with ∂(batch cost)/∂W and ∂/∂b (the chain rule of theory §7, batched).
   */
  backward(ws: Workspace, rows: number): void {
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const layer = this.layers[l];
      const layerInput = l === 0 ? ws.input : ws.out[l - 1];
      // ∂C/∂W(l) = out(l−1)ᵀ·δ(l); then ∂C/∂out(l−1) = δ(l)·W(l)ᵀ, back through dropout and φ′ of
      // the layer below: δ(l−1). The first layer needs no δ of its inputs.
      const below = l === 0 ? null : this.layers[l - 1];
      const through = below === null ? null : { activation: below.activation, pre: ws.pre[l - 1], act: ws.act[l - 1], mask: ws.mask[l - 1], units: below.units };
      backwardLayer(layerInput, ws.delta[l], layer.weights, layer.weightGrad, layer.biasGrad, l === 0 ? null : ws.delta[l - 1], through, rows, layer.inputs, layer.units);
      // A unit held at 0 does not depend on its inputs: its δ is 0, so are its weights' gradients.
      // (Here, after either kernel kind has run, so the WebAssembly and the JavaScript path agree.)
      if (below !== null && (this.offCounts[l - 1] as number) > 0) zeroColumns(ws.delta[l - 1], below.off, rows, below.units);
    }
  }
}

/** Rows written one per unit (units × inputs) → the engine's inputs × units row-major layout. */
function transposeRows(rows: readonly (readonly number[])[], inputs: number, units: number): Float64Array {
  const out = new Float64Array(inputs * units);
  for (let j = 0; j < units; j++) for (let i = 0; i < inputs; i++) out[i * units + j] = rows[j][i];
  return out;
}

/** Sets the columns flagged in `off` of a rows × units row-major matrix to 0. */
function zeroColumns(values: Float64Array, off: Uint8Array, rows: number, units: number): void {
  for (let u = 0; u < units; u++) {
    if (off[u] === 0) continue;
    for (let i = u; i < rows * units; i += units) values[i] = 0;
  }
}

/** ReLU in the same pass that flags every unit that fired (dead-unit tracking costs no extra sweep). */
function reluMarkingPositive(pre: Float64Array, act: Float64Array, flags: Uint8Array, rows: number, units: number): void {
  for (let r = 0, i = 0; r < rows; r++) {
    for (let u = 0; u < units; u++, i++) {
      const z = pre[i];
      if (z > 0) {
        act[i] = z;
        flags[u] = 1;
      } else act[i] = 0;
    }
  }
}

/**
 * Dropout of a layer's outputs with drop probability p. Training keeps each output with
 * probability 1 − p; `inverted` scales the kept ones by 1/(1 − p) so nothing changes at test time,
 * `scale-at-test` leaves them and multiplies every output by 1 − p at test time instead. Both
 * give each unit the same expected output: (1 − p)·a·1/(1 − p) = a versus (1 − p)·a and (1 − p)·a.
 */
function applyDropout(act: Float64Array, out: Float64Array, mask: Float64Array, count: number, p: number, mode: ForwardMode, dropoutMode: DropoutMode, rng: Rng | null): void {
  const keep = 1 - p;
  if (mode === 'eval') {
    if (dropoutMode === 'inverted') out.set(act.subarray(0, count));
    else for (let i = 0; i < count; i++) out[i] = act[i] * keep;
    return;
  }
  if (mode === 'train') {
    const kept = dropoutMode === 'inverted' ? 1 / keep : 1;
    const source = rng as Rng;
    for (let i = 0; i < count; i++) mask[i] = source.uniform() < p ? 0 : kept;
  }
  for (let i = 0; i < count; i++) out[i] = act[i] * mask[i];
}
