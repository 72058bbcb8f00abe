// Initial weights for the peers that accept them (TensorFlow.js), drawn from the engine's seeded
// generator with the same scheme our engine uses, so that every run starts from comparable numbers.

import { createRng } from '../../src/engine';
import type { InitDistribution } from '../../src/engine/types';

/** Row-major fanIn × fanOut: xavier is U(±√(6/(fanIn+fanOut))), he is N(0, √(2/fanIn)). */
export function initialWeights(fanIn: number, fanOut: number, init: InitDistribution, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(fanIn * fanOut);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const std = Math.sqrt(2 / fanIn);
  for (let i = 0; i < out.length; i++) out[i] = init === 'he' ? rng.normal(0, std) : (2 * rng.uniform() - 1) * limit;
  return out;
}
