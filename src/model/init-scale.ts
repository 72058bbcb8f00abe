// The spread of each layer's initial weights, as the engine draws them, so rules can predict
// pre-activation statistics before training: z = Σ wᵢxᵢ over fan_in inputs of unit variance has
// Var(z) = fan_in·E[w²] (biases start at 0).

import { initStd, type InitSpec } from '../engine/index';
import type { DataFacts, ModelSpec } from './spec';

export interface LayerInit {
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

/** One entry per layer; undefined when the input width is not known yet (CSV before reading). */
export function layerInits(spec: ModelSpec, facts: DataFacts, explicitInit: boolean): LayerInit[] | undefined {
  if (facts.inputSize === undefined) return undefined;
  let fanIn = facts.inputSize;
  return spec.layers.map((layer, i) => {
    const init = layer.init ?? spec.init;
    const fanOut = layer.units;
    const entry: LayerInit = {
      layer: i,
      init,
      path: layer.init !== undefined ? `layers.${i}.init` : explicitInit ? 'init' : undefined,
      fanIn,
      fanOut,
      secondMoment: weightSecondMoment(init, fanIn, fanOut),
      constant: isConstantInit(init),
    };
    fanIn = layer.units;
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
