// The spread of each layer's initial weights, as the engine draws them, so rules can predict
// pre-activation statistics before training: z = Σ wᵢxᵢ over fan_in inputs of unit variance has
// Var(z) = fan_in·E[w²] (biases start at 0).

import { activationRecord, initStd, type ActivationName, type InitSpec } from '../engine/index';
import type { DataFacts, ModelSpec } from './spec';

export interface LayerInit {
  /** E[x²] of this layer's inputs at init: 1 for standardised data, then propagated layer by layer. */
  inputSecondMoment: number;
  /** Spread of the layer's initial pre-activations: z ~ N(0, fan_in·E[w²]·E[x²]). */
  zStd: number;
  layer: number;
  init: InitSpec;
  /** JSON path of the init that applies (`init` or `layers.N.init`), or undefined for the default. */
  path: string | undefined;
  fanIn: number;
  fanOut: number;
  /** E[w²] = σ² + μ². */
  secondMoment: number;
  /** Every weight starts equal (zeros, a Gaussian with std 0, U(0, 0)). */
  constant: boolean;
}

/** E[w²] = σ² + μ², with σ as the engine draws (xavier: U(±√(6/(fan_in+fan_out))), so σ² = 2/(fan_in+fan_out)). */
export function weightSecondMoment(init: InitSpec, fanIn: number, fanOut: number): number {
  const mean = init.distribution === 'gaussian' ? (init.mean ?? 0) : 0;
  return initStd(init, fanIn, fanOut) ** 2 + mean ** 2;
}

export function isConstantInit(init: InitSpec): boolean {
  return init.distribution === 'zeros' || (init.distribution === 'gaussian' && init.std === 0) || (init.distribution === 'uniform' && init.limit === 0);
}

/** E[φ(z)²] for z ~ N(0, std²), by the trapezoid rule over ±8σ (plenty for these smooth φ). */
export function activationSecondMoment(activation: ActivationName, std: number): number {
  const record = activationRecord(activation);
  // Softmax is an output layer's row function: no layer reads its second moment.
  if (record.rowwise) return 1;
  const phi = record.forward;
  if (std === 0) return phi(0) ** 2;
  const steps = 400;
  const h = (16 * std) / steps;
  let sum = 0;
  for (let k = 0; k <= steps; k++) {
    const z = -8 * std + k * h;
    const weight = k === 0 || k === steps ? 0.5 : 1;
    sum += weight * phi(z) ** 2 * Math.exp((-z * z) / (2 * std * std));
  }
  return (sum * h) / (std * Math.sqrt(2 * Math.PI));
}

/** E[x²] of the raw inputs: 1 once standardised; measured for inline data that is not. */
function inputSecondMoment(spec: ModelSpec): number {
  const data = spec.data;
  if (data.standardize || data.kind !== 'inline') return 1;
  const values = data.inputs.flat();
  return values.length > 0 ? values.reduce((a, v) => a + v * v, 0) / values.length : 1;
}

/**
 * One entry per layer, with the spread of its initial pre-activations propagated from the inputs
 * (mean-field: each layer's E[x²] is the previous layer's E[φ(z)²]); undefined while the input
 * width is unknown (a CSV before reading).
 */
export function layerInits(spec: ModelSpec, facts: DataFacts, explicitInit: boolean): LayerInit[] | undefined {
  if (facts.inputSize === undefined) return undefined;
  let fanIn = facts.inputSize;
  let q = inputSecondMoment(spec);
  return spec.layers.map((layer, i) => {
    const init = layer.init ?? spec.init;
    const fanOut = layer.units;
    const secondMoment = weightSecondMoment(init, fanIn, fanOut);
    const zStd = Math.sqrt(fanIn * secondMoment * q);
    const entry: LayerInit = {
      layer: i,
      init,
      path: layer.init !== undefined ? `layers.${i}.init` : explicitInit ? 'init' : undefined,
      fanIn,
      fanOut,
      secondMoment,
      constant: isConstantInit(init),
      inputSecondMoment: q,
      zStd,
    };
    fanIn = layer.units;
    q = activationSecondMoment(layer.activation, zStd);
    return entry;
  });
}

export function describeInit(init: InitSpec): string {
  switch (init.distribution) {
    case 'gaussian':
      return `N(${init.mean ?? 0}, ${init.std ?? 0.01}) (std ${init.std ?? 0.01})`;
    case 'uniform':
      return `U(−${init.limit ?? 0.05}, ${init.limit ?? 0.05})`;
    default:
      return init.distribution;
  }
}
