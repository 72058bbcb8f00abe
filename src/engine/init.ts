// Weight initialisation. Biases always start at 0; weights are drawn row-major (input i, unit j at
// i·units + j), layer after layer, from the trainer's one generator, so a seed fixes every weight.
//
// Scales, and why: Xavier/Glorot keeps the variance of activations and gradients equal across a
// tanh/sigmoid layer (uniform ±√(6/(fan_in + fan_out))); He compensates for ReLU zeroing half its
// inputs (normal with std √(2/fan_in)); the plain gaussian is the theory's N(0, 0.01), 0.01 read as
// the standard deviation; zeros makes every unit of a layer identical forever (the lesson).

import { EngineError, requireRate } from './errors';
import type { Rng } from './rng';
import { INIT_DISTRIBUTIONS, type InitSpec } from './types';
import { t } from '../shared/l10n';

export const DEFAULT_GAUSSIAN_STD = 0.01;
export const DEFAULT_UNIFORM_LIMIT = 0.05;

export function validateInit(spec: InitSpec, where: string): void {
  if (!spec || !(INIT_DISTRIBUTIONS as readonly string[]).includes(spec.distribution)) {
    throw new EngineError('invalid-config', t('{where}: init distribution must be one of {names}, got {found}.', { where, names: INIT_DISTRIBUTIONS.join(', '), found: String(spec?.distribution) }));
  }
  if (spec.mean !== undefined && !Number.isFinite(spec.mean)) {
    throw new EngineError('invalid-config', t('{where}: init mean must be a finite number, got {found}.', { where, found: String(spec.mean) }));
  }
  if (spec.std !== undefined) requireRate(spec.std, `${where}: init std`, 0, 1e6);
  if (spec.limit !== undefined) requireRate(spec.limit, `${where}: init limit`, 0, 1e6);
}

/** The standard deviation each distribution draws with (for docs, hovers and the 3σ test). */
export function initStd(spec: InitSpec, fanIn: number, fanOut: number): number {
  switch (spec.distribution) {
    case 'gaussian':
      return spec.std ?? DEFAULT_GAUSSIAN_STD;
    case 'uniform':
      return (spec.limit ?? DEFAULT_UNIFORM_LIMIT) / Math.sqrt(3);
    case 'xavier':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'zeros':
      return 0;
  }
}

/** Fills `out` (fanIn × fanOut, row-major) with draws from `spec`. */
export function initializeWeights(spec: InitSpec, fanIn: number, fanOut: number, rng: Rng, out: Float64Array): void {
  const n = fanIn * fanOut;
  switch (spec.distribution) {
    case 'gaussian': {
      const mean = spec.mean ?? 0;
      const std = spec.std ?? DEFAULT_GAUSSIAN_STD;
      for (let i = 0; i < n; i++) out[i] = rng.normal(mean, std);
      return;
    }
    case 'uniform': {
      const limit = spec.limit ?? DEFAULT_UNIFORM_LIMIT;
      for (let i = 0; i < n; i++) out[i] = (2 * rng.uniform() - 1) * limit;
      return;
    }
    case 'xavier': {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < n; i++) out[i] = (2 * rng.uniform() - 1) * limit;
      return;
    }
    case 'he': {
      const std = Math.sqrt(2 / fanIn);
      for (let i = 0; i < n; i++) out[i] = rng.normal(0, std);
      return;
    }
    case 'zeros':
      out.fill(0, 0, n);
      return;
  }
}
