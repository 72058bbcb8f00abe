// Every activation, one record each: the function and its derivative (for one value, and as the
// batch kernels the network's hot loops call: one table lookup per layer, then a tight loop over
// a flat typed array), its range, formula, theory and PyTorch module, and flags. Everything else
// the playground says about an activation (its saturation, dead and linear zones, its peak slope,
// the schema's enum and descriptions, the panel's curve, the hover's formula and chart, the
// initial-scale estimate) is read or computed from this table, so adding an activation is adding
// a record here (README: "How to add an activation").

import { t } from '../shared/l10n/index';
import { erf } from './erf';

/** One activation: what it computes, and what the playground teaches about it. */
export interface ActivationRecord {
  /** φ(z) for one value. Softmax, a row function, gives one logit's share against a rival logit 0 (the logistic σ). */
  forward(z: number): number;
  /** dφ/dz at z. */
  derivative(z: number): number;
  /** act[i] = φ(pre[i]) for i < count. */
  forwardInto(pre: Float64Array, act: Float64Array, count: number): void;
  /** delta[i] *= φ′(pre[i]) for i < count, reading act = φ(pre) where that is cheaper. */
  backwardInto(pre: Float64Array, act: Float64Array, delta: Float64Array, count: number): void;
  /** Output range [min, max]; ±Infinity when unbounded. */
  range: readonly [number, number];
  /** The definition as the hover prints it. */
  formula: string;
  /** One line of theory: the schema's enum description. Read through t() when used (a getter), so in the UI's language. */
  theory: string;
  /** The hover's paragraph on `activation`, through t() like `theory`. The formula stays as written. */
  lesson: string;
  /**
   * The PyTorch module that computes the same function, as Python source with every argument
   * that matters spelled out (`nn.ELU(alpha=1.0)`); null when torch.nn has no such module.
   */
  pytorch: string | null;
  /** Usable by backpropagation: a non-zero derivative almost everywhere. */
  differentiable: boolean;
  /** Outputs centred on 0 (symmetric data in, symmetric activity out). */
  zeroCentred: boolean;
  /** Only valid on the output layer, and only with cross-entropy (softmax). */
  outputOnly: boolean;
  /** Computed over a whole row (softmax): the batch kernels do not apply. */
  rowwise: boolean;
  /** Points where φ or φ′ switches formula, so finite differences must not straddle them. */
  kinks: readonly number[];
  /** Other libraries' names for it, offered by "did you mean". */
  aliases: readonly string[];
}

const INF = Number.POSITIVE_INFINITY;

/** Slope of leaky ReLU for z < 0 (PyTorch's default negative_slope). */
export const LEAKY_SLOPE = 0.01;
/** ELU's α: the value it tends to as z → −∞ is −α (PyTorch's default). */
export const ELU_ALPHA = 1;
/** PyTorch's Softplus default: above this z it returns z itself (log(1 + eᶻ) = z to float precision). */
export const SOFTPLUS_THRESHOLD = 20;
/** 1/√(2π): the standard normal density at 0, as PyTorch's GELU backward writes it. */
const NORMAL_DENSITY_AT_0 = 1.1283791670955126 * Math.SQRT1_2 * 0.5;

function sigmoid(z: number): number {
  // Split by sign so exp never overflows: large |z| gives exactly 0 or 1 instead of NaN.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const elu = (z: number): number => (z > 0 ? z : ELU_ALPHA * Math.expm1(z));
const softplus = (z: number): number => (z > SOFTPLUS_THRESHOLD ? z : Math.log1p(Math.exp(z)));
const normalCdf = (z: number): number => 0.5 * (1 + erf(z * Math.SQRT1_2));
const gelu = (z: number): number => z * normalCdf(z);
const geluDerivative = (z: number): number => normalCdf(z) + z * Math.exp(-0.5 * z * z) * NORMAL_DENSITY_AT_0;
const swish = (z: number): number => z / (1 + Math.exp(-z));
function swishDerivative(z: number): number {
  const s = 1 / (1 + Math.exp(-z));
  return s * (1 + z * (1 - s));
}

/** The smallest value of φ on [lo, hi], by golden-section search (φ unimodal there): GELU's and SiLU's floor. */
function minimumOf(phi: (z: number) => number, lo: number, hi: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200 && b - a > 1e-12; i++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (phi(c) < phi(d)) b = d;
    else a = c;
  }
  return phi((a + b) / 2);
}

const elementwise = { outputOnly: false, rowwise: false, aliases: [] as readonly string[] };

/**
 * The table. Its keys are the format's activation names (the schema's enum, in this order). The
 * kernels are written out per activation rather than as a loop calling `forward`, so each one is
 * a tight loop V8 compiles on its own.
 */
export const ACTIVATION_TABLE = {
  linear: {
    ...elementwise,
    forward: (z) => z,
    derivative: () => 1,
    forwardInto(pre, act, count) {
      if (act !== pre) act.set(pre.subarray(0, count));
    },
    backwardInto() {},
    range: [-INF, INF],
    formula: 'φ(z) = z',
    get theory() {
      return t('φ(z) = z. No non-linearity: linear hidden layers collapse into one linear map.');
    },
    get lesson() {
      return t('No activation: f(z) = z. Stacked linear layers collapse into one: (X·W₁ + b₁)·W₂ + b₂ = X·(W₁W₂) + (b₁W₂ + b₂), a single linear model whatever the depth. A hidden layer needs a non-linear activation to approximate non-linear functions (universal approximation).');
    },
    pytorch: 'nn.Identity()',
    differentiable: true,
    zeroCentred: true,
    kinks: [],
    aliases: ['identity', 'none'],
  },
  // McCulloch–Pitts threshold: fires when the weighted sum reaches the threshold (z ≥ 0).
  step: {
    ...elementwise,
    forward: (z) => (z >= 0 ? 1 : 0),
    derivative: () => 0,
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) act[i] = pre[i] >= 0 ? 1 : 0;
    },
    // Backpropagation gets no signal through a threshold.
    backwardInto(_pre, _act, delta, count) {
      delta.fill(0, 0, count);
    },
    range: [0, 1],
    formula: 'step(z) = 1 if z ≥ 0, else 0',
    get theory() {
      return t('1 if z ≥ 0 else 0: the McCulloch-Pitts threshold. Derivative 0: train with the perceptron rule.');
    },
    get lesson() {
      return t('The threshold logic unit of the perceptron: f(z) = 1 if z ≥ 0, else 0. Its derivative is 0 almost everywhere, so backpropagation cannot pass through it; the perceptron rule trains one layer, and one layer separates only linearly separable classes — not XOR (Minsky, 1969).');
    },
    pytorch: null,
    differentiable: false,
    zeroCentred: false,
    kinks: [0],
    aliases: ['heaviside', 'threshold'],
  },
  // The perceptron's sign unit, 2·step − 1, so sign(0) = +1 like step(0) = 1.
  sign: {
    ...elementwise,
    forward: (z) => (z >= 0 ? 1 : -1),
    derivative: () => 0,
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) act[i] = pre[i] >= 0 ? 1 : -1;
    },
    backwardInto(_pre, _act, delta, count) {
      delta.fill(0, 0, count);
    },
    range: [-1, 1],
    formula: 'sign(z) = 1 if z ≥ 0, else −1',
    get theory() {
      return t("sign(z) ∈ {−1, 1}: the perceptron's activation. Derivative 0: train with the perceptron rule.");
    },
    get lesson() {
      return t('The perceptron: f(x) = sign(w·x + b), a linear classifier. Its derivative is 0 almost everywhere, so backpropagation cannot pass through it; a single layer separates only linearly separable classes — not XOR (Minsky, 1969).');
    },
    pytorch: null,
    differentiable: false,
    zeroCentred: true,
    kinks: [0],
    aliases: ['signum'],
  },
  sigmoid: {
    ...elementwise,
    forward: sigmoid,
    derivative(z) {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        if (z >= 0) act[i] = 1 / (1 + Math.exp(-z));
        else {
          const e = Math.exp(z);
          act[i] = e / (1 + e);
        }
      }
    },
    backwardInto(_pre, act, delta, count) {
      for (let i = 0; i < count; i++) {
        const s = act[i];
        delta[i] *= s * (1 - s);
      }
    },
    range: [0, 1],
    formula: 'σ(z) = 1/(1 + e⁻ᶻ)',
    get theory() {
      return t("σ(z) = 1/(1 + e^−z) ∈ (0, 1). σ' ≤ 0.25, below 0.01 (4% of that peak) for |z| > 4.6 (precisely 4.585): the saturation zone, where gradients vanish; below 1% of the peak only beyond |z| ≈ 6.");
    },
    get lesson() {
      return t('σ(z) = 1/(1 + e⁻ᶻ), range (0, 1): a probability, common for binary outputs. σ′(z) = σ(z)(1 − σ(z)) ≤ 0.25, and below 0.01 when |z| > 4.6: the **saturation zones**, where gradients vanish and the layer stops learning. The middle is the linear zone.');
    },
    pytorch: 'nn.Sigmoid()',
    differentiable: true,
    zeroCentred: false,
    kinks: [],
    aliases: ['logistic'],
  },
  tanh: {
    ...elementwise,
    forward: Math.tanh,
    derivative(z) {
      const th = Math.tanh(z);
      return 1 - th * th;
    },
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) act[i] = Math.tanh(pre[i]);
    },
    backwardInto(_pre, act, delta, count) {
      for (let i = 0; i < count; i++) {
        const th = act[i];
        delta[i] *= 1 - th * th;
      }
    },
    range: [-1, 1],
    formula: 'tanh(z) = (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ)',
    get theory() {
      return t("tanh(z) ∈ (−1, 1), zero-centred. tanh' ≤ 1, below 0.01 (1% of its peak) for |z| > 3.0 (precisely 2.993): the saturation zone.");
    },
    get lesson() {
      return t('tanh(z), range (−1, 1), zero-centred (suits symmetric data). tanh′(z) = 1 − tanh²(z) ≤ 1, below 0.01 (1% of its maximum) when |z| > 3.0: the **saturation zones**, where gradients vanish. The middle is the linear zone.');
    },
    pytorch: 'nn.Tanh()',
    differentiable: true,
    zeroCentred: true,
    kinks: [],
    aliases: [],
  },
  // ReLU has no saturation zone for z > 0; for z < 0 its gradient is exactly 0 (a "dead" unit if
  // it never turns positive), which health reports as deadFraction rather than saturation.
  relu: {
    ...elementwise,
    forward: (z) => (z > 0 ? z : 0),
    derivative: (z) => (z > 0 ? 1 : 0),
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        act[i] = z > 0 ? z : 0;
      }
    },
    backwardInto(pre, _act, delta, count) {
      for (let i = 0; i < count; i++) if (!(pre[i] > 0)) delta[i] = 0;
    },
    range: [0, INF],
    formula: 'ReLU(z) = max(0, z)',
    get theory() {
      return t('max(0, z). No saturation for z > 0; a unit that never activates is dead (derivative 0).');
    },
    get lesson() {
      return t('ReLU(z) = max(0, z): for z > 0 the derivative is 1, no saturation zone, so gradients pass undiminished. For z < 0 the derivative is 0: a unit that never activates is **dead** and stops learning.');
    },
    pytorch: 'nn.ReLU()',
    differentiable: true,
    zeroCentred: false,
    kinks: [0],
    aliases: ['rectifier'],
  },
  'leaky-relu': {
    ...elementwise,
    forward: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
    derivative: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        act[i] = z > 0 ? z : LEAKY_SLOPE * z;
      }
    },
    backwardInto(pre, _act, delta, count) {
      for (let i = 0; i < count; i++) if (!(pre[i] > 0)) delta[i] *= LEAKY_SLOPE;
    },
    range: [-INF, INF],
    formula: 'LeakyReLU(z) = z if z > 0, else 0.01·z',
    get theory() {
      return t('max(0.01·z, z): relu with a small slope for z < 0, so units cannot die.');
    },
    get lesson() {
      return t('Leaky ReLU: z for z > 0, 0.01·z otherwise. Like ReLU without a saturation zone for z > 0, and the small negative slope keeps units from dying.');
    },
    pytorch: 'nn.LeakyReLU(negative_slope=0.01)',
    differentiable: true,
    zeroCentred: false,
    kinks: [0],
    aliases: ['leaky', 'lrelu'],
  },
  // PyTorch's ELU: z for z > 0, α·(eᶻ − 1) otherwise (written with expm1, exact near 0).
  elu: {
    ...elementwise,
    forward: elu,
    derivative: (z) => (z > 0 ? 1 : ELU_ALPHA * Math.exp(z)),
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        act[i] = z > 0 ? z : ELU_ALPHA * Math.expm1(z);
      }
    },
    backwardInto(pre, _act, delta, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        if (!(z > 0)) delta[i] *= ELU_ALPHA * Math.exp(z);
      }
    },
    range: [-ELU_ALPHA, INF],
    formula: 'ELU(z) = z if z > 0, else eᶻ − 1 (α = 1)',
    get theory() {
      return t('z for z > 0, eᶻ − 1 below (α = 1): like relu for z > 0, smooth and never dead below; it saturates towards −1 for z < −4.6, where eᶻ < 0.01.');
    },
    get lesson() {
      return t('ELU (exponential linear unit, Clevert et al. 2015): z for z > 0, α·(eᶻ − 1) otherwise, with α = 1. For z > 0 the derivative is 1, as for ReLU; for z < 0 it is eᶻ, never exactly 0, so units do not die, but it falls below 0.01 for z < −4.6: the **saturation zone**, where the output is ≈ −1. Negative outputs pull the mean activation towards 0.');
    },
    pytorch: 'nn.ELU(alpha=1.0)',
    differentiable: true,
    zeroCentred: false,
    kinks: [0],
    aliases: [],
  },
  // PyTorch's Softplus (β = 1, threshold 20): log(1 + eᶻ), and z itself above the threshold;
  // its derivative is eᶻ/(eᶻ + 1) up to the threshold and 1 above it, as PyTorch's backward.
  softplus: {
    ...elementwise,
    forward: softplus,
    derivative(z) {
      if (z > SOFTPLUS_THRESHOLD) return 1;
      const e = Math.exp(z);
      return e / (e + 1);
    },
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        act[i] = z > SOFTPLUS_THRESHOLD ? z : Math.log1p(Math.exp(z));
      }
    },
    backwardInto(pre, _act, delta, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        if (!(z > SOFTPLUS_THRESHOLD)) {
          const e = Math.exp(z);
          delta[i] *= e / (e + 1);
        }
      }
    },
    range: [0, INF],
    formula: 'softplus(z) = ln(1 + eᶻ) (z itself above 20)',
    get theory() {
      return t('ln(1 + eᶻ) ∈ (0, ∞): a smooth relu whose derivative is σ(z); it saturates towards 0 for z < −4.6, where σ(z) < 0.01. Returns z above 20, as PyTorch.');
    },
    get lesson() {
      return t('Softplus: ln(1 + eᶻ), a smooth ReLU, positive everywhere. Its derivative is the sigmoid σ(z): near 1 for large z, so gradients pass; below 0.01 for z < −4.6, the **saturation zone**, where the unit barely learns. Above z = 20 it returns z itself, as PyTorch does (β = 1, threshold 20).');
    },
    pytorch: 'nn.Softplus(beta=1.0, threshold=20.0)',
    differentiable: true,
    zeroCentred: false,
    kinks: [SOFTPLUS_THRESHOLD],
    aliases: [],
  },
  // PyTorch's default GELU, the exact form z·Φ(z) with the normal CDF through erf (not the tanh
  // approximation): forward z·½(1 + erf(z/√2)), backward Φ(z) + z·φ(z).
  gelu: {
    ...elementwise,
    forward: gelu,
    derivative: geluDerivative,
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        act[i] = z * 0.5 * (1 + erf(z * Math.SQRT1_2));
      }
    },
    backwardInto(pre, _act, delta, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        delta[i] *= 0.5 * (1 + erf(z * Math.SQRT1_2)) + z * Math.exp(-0.5 * z * z) * NORMAL_DENSITY_AT_0;
      }
    },
    range: [minimumOf(gelu, -3, 0), INF],
    formula: 'GELU(z) = z·Φ(z) = z·½(1 + erf(z/√2))',
    get theory() {
      return t('z·Φ(z), Φ the standard normal CDF (the exact erf form, not the tanh approximation): a smooth relu that dips to −0.17 near z = −0.75 and saturates towards 0 for z < −3.1.');
    },
    get lesson() {
      return t('GELU (Gaussian error linear unit, Hendrycks and Gimpel 2016): z·Φ(z), the input weighted by the probability that a standard normal variable is below it. This is the exact form with erf, PyTorch’s default (not its tanh approximation). Like ReLU for large |z|, smooth, with a small negative dip near z = −0.75; its derivative Φ(z) + z·φ(z) peaks at 1.13 and falls below 0.01 in size for z < −3.1: the **saturation zone**.');
    },
    pytorch: "nn.GELU(approximate='none')",
    differentiable: true,
    zeroCentred: false,
    kinks: [],
    aliases: [],
  },
  // PyTorch's SiLU: z/(1 + e⁻ᶻ), derivative σ(z)·(1 + z·(1 − σ(z))).
  swish: {
    ...elementwise,
    forward: swish,
    derivative: swishDerivative,
    forwardInto(pre, act, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        act[i] = z / (1 + Math.exp(-z));
      }
    },
    backwardInto(pre, _act, delta, count) {
      for (let i = 0; i < count; i++) {
        const z = pre[i];
        const s = 1 / (1 + Math.exp(-z));
        delta[i] *= s * (1 + z * (1 - s));
      }
    },
    range: [minimumOf(swish, -3, 0), INF],
    formula: 'swish(z) = SiLU(z) = z·σ(z) = z/(1 + e⁻ᶻ)',
    get theory() {
      return t('z·σ(z), also called SiLU: a smooth relu that dips to −0.28 near z = −1.28, its slope reaching 1.1; it saturates towards 0 for z < −6.3, where |φ′| < 0.01.');
    },
    get lesson() {
      return t('Swish, also called SiLU (sigmoid-weighted linear unit; Ramachandran et al. 2017, Elfwing et al. 2017): z·σ(z). Like ReLU for large |z| but smooth, with a negative dip to −0.28 near z = −1.28, and not monotonic. Its derivative σ(z)(1 + z(1 − σ(z))) peaks near 1.1 and falls below 0.01 in size for z < −6.3: the **saturation zone**.');
    },
    pytorch: 'nn.SiLU()',
    differentiable: true,
    zeroCentred: false,
    kinks: [],
    aliases: ['silu'],
  },
  softmax: {
    forward: sigmoid,
    derivative(z) {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    forwardInto() {
      throw new Error('softmax is a row function: use softmaxRows');
    },
    backwardInto() {
      throw new Error('softmax is only used fused with cross-entropy');
    },
    range: [0, 1],
    formula: 'softmax(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ',
    get theory() {
      return t('e^zᵢ / Σⱼ e^zⱼ: the output layer as a probability distribution over classes (use with cross-entropy).');
    },
    get lesson() {
      return t('Softmax: yᵢ = e^{zᵢ} / Σⱼ e^{zⱼ}. Exponentials make the outputs non-negative and dividing by their sum makes them add up to 1: a probability distribution over the classes, used with cross-entropy for multi-class outputs.');
    },
    // Over the class dimension of a (batch, classes) tensor; nn.CrossEntropyLoss applies it itself to logits.
    pytorch: 'nn.Softmax(dim=1)',
    differentiable: true,
    zeroCentred: false,
    outputOnly: true,
    rowwise: true,
    kinks: [],
    aliases: [],
  },
} satisfies Record<string, ActivationRecord>;

export type ActivationName = keyof typeof ACTIVATION_TABLE;

/** The activation names, in the table's (and the schema's) order. */
export const ACTIVATIONS = Object.keys(ACTIVATION_TABLE) as readonly ActivationName[];

export function isActivationName(value: unknown): value is ActivationName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ACTIVATION_TABLE, value);
}

/** The record of an activation, typed as the interface (the table's literal types are narrower). */
export function activationRecord(name: ActivationName): ActivationRecord {
  return ACTIVATION_TABLE[name];
}

// ---- Zones, computed from the derivative -------------------------------------------------------

/**
 * The absolute derivative below which a unit counts as saturated. This is what the classic
 * figures mean: σ'(z) < 0.01 for |z| > 4.6 and tanh'(z) < 0.01 for |z| > 3.0. For tanh (max
 * derivative 1) that is also 1% of its maximum; for the sigmoid (max 0.25) it is 4% of its
 * maximum, and 1% of the maximum is only reached at |z| > 5.99 (see `zoneThreshold`).
 */
export const SATURATION_DERIVATIVE = 0.01;

/** Inside the linear zone the slope stays within 10% of its maximum. */
export const LINEAR_ZONE_SHARE = 0.9;

/** Zones are searched for on [−SCAN_LIMIT, SCAN_LIMIT]; a zone reaching the edge runs to ±∞. */
const SCAN_LIMIT = 40;
const SCAN_STEP = 1 / 64;
/** A computed edge this close to a kink is the kink (ReLU's dead side ends at 0, not at 1e-13). */
const KINK_SNAP = 1e-9;

/** Where an activation's derivative says a unit is stuck, or runs nearly straight. */
export interface ActivationZones {
  /** z below this: saturated (|φ′| < SATURATION_DERIVATIVE all the way down); null when it does not saturate there. */
  saturatedBelow: number | null;
  /** z above this: saturated; null when it does not saturate there. */
  saturatedAbove: number | null;
  /** z below this: φ′ is exactly 0, a unit that stays there is dead (ReLU); null otherwise. */
  deadBelow: number | null;
  /** The interval around the steepest point where the slope stays within LINEAR_ZONE_SHARE of its maximum (ends may be ±∞). */
  linear: { min: number; max: number } | null;
}

/** The boundary between a point `inside` a zone and one outside it, by bisection to 1e-12. */
function bisect(inZone: (z: number) => boolean, inside: number, outside: number): number {
  let a = inside;
  let b = outside;
  for (let i = 0; i < 200 && Math.abs(b - a) > 1e-12; i++) {
    const mid = (a + b) / 2;
    if (inZone(mid)) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}

/**
 * How far from `start` a zone runs in direction `dir` (±1): the last z, scanning in steps, where
 * `inZone` still holds, refined by bisection; ±Infinity when it holds out to the scan limit.
 */
function zoneEdge(inZone: (z: number) => boolean, start: number, dir: 1 | -1): number {
  let z = start;
  for (;;) {
    const next = z + dir * SCAN_STEP;
    if (Math.abs(next) > SCAN_LIMIT) return dir * INF;
    if (!inZone(next)) return bisect(inZone, z, next);
    z = next;
  }
}

function snap(z: number, kinks: readonly number[]): number {
  for (const k of kinks) if (Math.abs(z - k) < KINK_SNAP) return k;
  return z;
}

/** φ′(−z) = φ′(z) at every scan point: the zones are mirror images, and are computed once. */
function evenDerivative(der: (z: number) => number): boolean {
  for (let z = SCAN_STEP; z <= SCAN_LIMIT; z += 0.37) {
    const a = der(z);
    const b = der(-z);
    if (Math.abs(a - b) > 1e-15 * Math.max(1, Math.abs(a))) return false;
  }
  return true;
}

/**
 * The |z| beyond which the derivative of a symmetric, bell-derivative activation (sigmoid, tanh)
 * falls below `derivative` for good, found from the derivative itself, not copied from a book.
 */
export function zoneThreshold(name: ActivationName, derivative: number): number {
  const der = ACTIVATION_TABLE[name].derivative;
  const inZone = (z: number) => Math.abs(der(z)) < derivative;
  return zoneEdge(inZone, SCAN_LIMIT, -1);
}

/** The largest slope, over the scan grid then refined by golden-section search around the best grid point. */
function slopePeak(der: (z: number) => number): { z: number; value: number } {
  let best = { z: 0, value: der(0) };
  for (let k = -SCAN_LIMIT / SCAN_STEP; k <= SCAN_LIMIT / SCAN_STEP; k++) {
    const z = k * SCAN_STEP;
    const value = der(z);
    if (value > best.value) best = { z, value };
  }
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = best.z - SCAN_STEP;
  let b = best.z + SCAN_STEP;
  for (let i = 0; i < 100 && b - a > 1e-12; i++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (der(c) > der(d)) b = d;
    else a = c;
  }
  const refined = der((a + b) / 2);
  return refined > best.value ? { z: (a + b) / 2, value: refined } : best;
}

const NO_ZONES: ActivationZones = { saturatedBelow: null, saturatedAbove: null, deadBelow: null, linear: null };

function computeZones(record: ActivationRecord, peak: number, peakAt: number): ActivationZones {
  if (!record.differentiable || record.rowwise) return NO_ZONES;
  const der = record.derivative;
  const flat = (z: number) => Math.abs(der(z)) < SATURATION_DERIVATIVE;
  const dead = (z: number) => der(z) === 0;
  const even = evenDerivative(der);
  const saturatedAbove = flat(SCAN_LIMIT) ? snap(zoneEdge(flat, SCAN_LIMIT, -1), record.kinks) : null;
  // Dead only where the formula says 0 up to a kink (ReLU), not where 1 − tanh² rounds to 0 far out.
  const deadEdge = dead(-SCAN_LIMIT) ? snap(zoneEdge(dead, -SCAN_LIMIT, 1), record.kinks) : null;
  const deadBelow = deadEdge !== null && record.kinks.includes(deadEdge) ? deadEdge : null;
  let saturatedBelow: number | null = null;
  if (deadBelow === null && flat(-SCAN_LIMIT)) saturatedBelow = even && saturatedAbove !== null ? -saturatedAbove : snap(zoneEdge(flat, -SCAN_LIMIT, 1), record.kinks);
  const steep = (z: number) => der(z) >= LINEAR_ZONE_SHARE * peak;
  let linear: ActivationZones['linear'] = null;
  if (peak > 0) {
    const max = snap(zoneEdge(steep, peakAt, 1), record.kinks);
    const min = even && peakAt === 0 ? -max : snap(zoneEdge(steep, peakAt, -1), record.kinks);
    linear = { min, max };
  }
  return { saturatedBelow, saturatedAbove, deadBelow, linear };
}

export interface ActivationInfo {
  name: ActivationName;
  /** Output range [min, max]; ±Infinity when unbounded. */
  range: readonly [number, number];
  bounded: boolean;
  /** Usable by backpropagation: a non-zero derivative almost everywhere. */
  differentiable: boolean;
  zeroCentred: boolean;
  /** The largest slope (its supremum for softplus, reached above its threshold). */
  maxDerivative: number;
  /** Saturated when |z| > threshold on both sides (sigmoid, tanh); null otherwise (see `zones` for one-sided saturation). */
  saturation: { threshold: number; derivativeBelow: number } | null;
  /** z interval where the slope is ≥ 90% of its maximum; null when there is none. */
  linearZone: { min: number; max: number } | null;
  /** Only valid on the output layer, and only with cross-entropy. */
  outputOnly: boolean;
  zones: ActivationZones;
}

function describeActivation(name: ActivationName): ActivationInfo {
  const record = activationRecord(name);
  const peak = record.differentiable ? slopePeak(record.derivative) : { z: 0, value: 0 };
  const zones = computeZones(record, peak.value, peak.z);
  const twoSided = zones.saturatedAbove !== null && zones.saturatedBelow !== null && zones.saturatedBelow === -zones.saturatedAbove;
  return {
    name,
    range: record.range,
    bounded: Number.isFinite(record.range[0]) && Number.isFinite(record.range[1]),
    differentiable: record.differentiable,
    zeroCentred: record.zeroCentred,
    maxDerivative: peak.value,
    saturation: twoSided ? { threshold: zones.saturatedAbove as number, derivativeBelow: SATURATION_DERIVATIVE } : null,
    linearZone: zones.linear,
    outputOnly: record.outputOnly,
    zones,
  };
}

/** What the playground teaches about each activation (hovers, lints, health statistics, the panel). */
export const ACTIVATION_INFO = Object.fromEntries(ACTIVATIONS.map((name) => [name, describeActivation(name)])) as Record<ActivationName, ActivationInfo>;

export interface ScalarActivation {
  output(z: number): number;
  /** dφ/dz at z. */
  der(z: number): number;
}

/** The element-wise activations as scalar functions. Softmax is a row function, see `softmaxRows`. */
export const ACTIVATION_FUNCTIONS = Object.fromEntries(
  ACTIVATIONS.filter((name) => !activationRecord(name).rowwise).map((name) => [name, { output: ACTIVATION_TABLE[name].forward, der: ACTIVATION_TABLE[name].derivative }]),
) as Record<Exclude<ActivationName, 'softmax'>, ScalarActivation>;

// ---- Batch kernels ---------------------------------------------------------------------------

/** act[i] = φ(pre[i]) for i < count. Softmax is handled by `softmaxRows`. */
export function activateInto(name: ActivationName, pre: Float64Array, act: Float64Array, count: number): void {
  ACTIVATION_TABLE[name].forwardInto(pre, act, count);
}

/**
 * delta[i] *= φ'(pre[i]), using the already computed act = φ(pre) where that is cheaper.
 * step and sign multiply by 0: backpropagation gets no signal through a threshold.
 */
export function multiplyByDerivative(name: ActivationName, pre: Float64Array, act: Float64Array, delta: Float64Array, count: number): void {
  ACTIVATION_TABLE[name].backwardInto(pre, act, delta, count);
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
