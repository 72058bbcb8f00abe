// Activation functions, as tensorflow/playground keeps them: a lookup table of `{output, der}`
// pairs, plus what the playground teaches about each one (range, saturation zone, linear zone,
// flags). The batch kernels at the bottom are what the network's hot loops call: one switch per
// layer, then a tight loop over a flat typed array.

import { ACTIVATIONS, type ActivationName } from './types';

export interface ScalarActivation {
  output(z: number): number;
  /** dφ/dz at z. */
  der(z: number): number;
}

const sigmoid = (z: number): number => {
  // Split by sign so exp never overflows: large |z| gives exactly 0 or 1 instead of NaN.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
};

/** The element-wise activations. Softmax is a row function, see `softmaxRows`. */
export const ACTIVATION_FUNCTIONS: Record<Exclude<ActivationName, 'softmax'>, ScalarActivation> = {
  linear: { output: (z) => z, der: () => 1 },
  // McCulloch–Pitts threshold: fires when the weighted sum reaches the threshold (z ≥ 0).
  step: { output: (z) => (z >= 0 ? 1 : 0), der: () => 0 },
  // The perceptron's sign unit, 2·step − 1, so sign(0) = +1 like step(0) = 1.
  sign: { output: (z) => (z >= 0 ? 1 : -1), der: () => 0 },
  sigmoid: {
    output: sigmoid,
    der: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
  },
  tanh: {
    output: Math.tanh,
    der: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
  },
  relu: { output: (z) => (z > 0 ? z : 0), der: (z) => (z > 0 ? 1 : 0) },
  'leaky-relu': { output: (z) => (z > 0 ? z : LEAKY_SLOPE * z), der: (z) => (z > 0 ? 1 : LEAKY_SLOPE) },
};

/** Slope of leaky ReLU for z < 0. */
export const LEAKY_SLOPE = 0.01;

/**
 * The absolute derivative below which a unit counts as saturated. This is what the classic
 * figures mean: σ'(z) < 0.01 for |z| > 4.6 and tanh'(z) < 0.01 for |z| > 3.0. For tanh (max
 * derivative 1) that is also 1% of its maximum; for the sigmoid (max 0.25) it is 4% of its
 * maximum, and 1% of the maximum is only reached at |z| > 5.99 (see `zoneThreshold`).
 */
export const SATURATION_DERIVATIVE = 0.01;

/** Inside the linear zone the slope stays within 10% of its maximum. */
export const LINEAR_ZONE_SHARE = 0.9;

/**
 * The |z| beyond which the derivative of a symmetric, bell-derivative activation (sigmoid, tanh)
 * falls below `derivative`, found by bisection on the derivative itself, not copied from a book.
 */
export function zoneThreshold(name: 'sigmoid' | 'tanh', derivative: number): number {
  const der = ACTIVATION_FUNCTIONS[name].der;
  let lo = 0;
  let hi = 1;
  while (der(hi) >= derivative) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (der(mid) >= derivative) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface ActivationInfo {
  name: ActivationName;
  /** Output range [min, max]; ±Infinity when unbounded. */
  range: [number, number];
  bounded: boolean;
  /** Usable by backpropagation: a non-zero derivative almost everywhere. */
  differentiable: boolean;
  zeroCentred: boolean;
  maxDerivative: number;
  /** Saturated when |z| > threshold (derivative < SATURATION_DERIVATIVE); null when it never saturates. */
  saturation: { threshold: number; derivativeBelow: number } | null;
  /** z interval where the slope is ≥ 90% of its maximum; null when there is none. */
  linearZone: { min: number; max: number } | null;
  /** Only valid on the output layer, and only with cross-entropy. */
  outputOnly: boolean;
}

function bellInfo(name: 'sigmoid' | 'tanh', range: [number, number], maxDerivative: number): ActivationInfo {
  const linear = zoneThreshold(name, LINEAR_ZONE_SHARE * maxDerivative);
  return {
    name,
    range,
    bounded: true,
    differentiable: true,
    zeroCentred: name === 'tanh',
    maxDerivative,
    saturation: { threshold: zoneThreshold(name, SATURATION_DERIVATIVE), derivativeBelow: SATURATION_DERIVATIVE },
    linearZone: { min: -linear, max: linear },
    outputOnly: false,
  };
}

const INF = Number.POSITIVE_INFINITY;

/** What the playground teaches about each activation (hovers, lints, health statistics). */
export const ACTIVATION_INFO: Record<ActivationName, ActivationInfo> = {
  linear: { name: 'linear', range: [-INF, INF], bounded: false, differentiable: true, zeroCentred: true, maxDerivative: 1, saturation: null, linearZone: { min: -INF, max: INF }, outputOnly: false },
  step: { name: 'step', range: [0, 1], bounded: true, differentiable: false, zeroCentred: false, maxDerivative: 0, saturation: null, linearZone: null, outputOnly: false },
  sign: { name: 'sign', range: [-1, 1], bounded: true, differentiable: false, zeroCentred: true, maxDerivative: 0, saturation: null, linearZone: null, outputOnly: false },
  sigmoid: bellInfo('sigmoid', [0, 1], 0.25),
  tanh: bellInfo('tanh', [-1, 1], 1),
  // ReLU has no saturation zone for z > 0; for z < 0 its gradient is exactly 0 (a "dead" unit if
  // it never turns positive), which health reports as deadFraction rather than saturation.
  relu: { name: 'relu', range: [0, INF], bounded: false, differentiable: true, zeroCentred: false, maxDerivative: 1, saturation: null, linearZone: { min: 0, max: INF }, outputOnly: false },
  'leaky-relu': { name: 'leaky-relu', range: [-INF, INF], bounded: false, differentiable: true, zeroCentred: false, maxDerivative: 1, saturation: null, linearZone: { min: 0, max: INF }, outputOnly: false },
  softmax: { name: 'softmax', range: [0, 1], bounded: true, differentiable: true, zeroCentred: false, maxDerivative: 0.25, saturation: null, linearZone: null, outputOnly: true },
};

export function isActivationName(value: unknown): value is ActivationName {
  return typeof value === 'string' && (ACTIVATIONS as readonly string[]).includes(value);
}

// ---- Batch kernels ---------------------------------------------------------------------------

/** act[i] = φ(pre[i]) for i < count. Softmax is handled by `softmaxRows`. */
export function activateInto(name: ActivationName, pre: Float64Array, act: Float64Array, count: number): void {
  switch (name) {
    case 'linear':
      if (act !== pre) act.set(pre.subarray(0, count));
      return;
    case 'step':
      for (let i = 0; i < count; i++) act[i] = pre[i] >= 0 ? 1 : 0;
      return;
    case 'sign':
      for (let i = 0; i < count; i++) act[i] = pre[i] >= 0 ? 1 : -1;
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        if (z >= 0) act[i] = 1 / (1 + Math.exp(-z));
        else {
          const e = Math.exp(z);
          act[i] = e / (1 + e);
        }
      }
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) act[i] = Math.tanh(pre[i]);
      return;
    case 'relu':
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        act[i] = z > 0 ? z : 0;
      }
      return;
    case 'leaky-relu':
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        act[i] = z > 0 ? z : LEAKY_SLOPE * z;
      }
      return;
    case 'softmax':
      throw new Error('softmax is a row function: use softmaxRows');
  }
}

/**
 * delta[i] *= φ'(pre[i]), using the already computed act = φ(pre) where that is cheaper.
 * step and sign multiply by 0: backpropagation gets no signal through a threshold.
 */
export function multiplyByDerivative(name: ActivationName, pre: Float64Array, act: Float64Array, delta: Float64Array, count: number): void {
  switch (name) {
    case 'linear':
      return;
    case 'step':
    case 'sign':
      delta.fill(0, 0, count);
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) {
        const s = act[i];
        delta[i] *= s * (1 - s);
      }
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) {
        const t = act[i];
        delta[i] *= 1 - t * t;
      }
      return;
    case 'relu':
      for (let i = 0; i < count; i++) if (!(pre[i] > 0)) delta[i] = 0;
      return;
    case 'leaky-relu':
      for (let i = 0; i < count; i++) if (!(pre[i] > 0)) delta[i] *= LEAKY_SLOPE;
      return;
    case 'softmax':
      throw new Error('softmax is only used fused with cross-entropy');
  }
}

/** Numerically stable softmax of each row: subtracting the row max keeps exp ≤ 1 (logits of ±1000 are fine). */
export function softmaxRows(logits: Float64Array, out: Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) if (logits[base + c] > max) max = logits[base + c];
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(logits[base + c] - max);
      out[base + c] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let c = 0; c < cols; c++) out[base + c] *= inv;
  }
}

/** Softmax of one vector, as a convenience for tests and hovers. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  const input = Float64Array.from(logits);
  const out = new Float64Array(input.length);
  softmaxRows(input, out, 1, input.length);
  return out;
}
