// Seeded toy datasets in the spirit of TensorFlow Playground: small 2-D problems that each teach one
// thing (xor needs a hidden layer, circle needs a non-linear boundary, spiral needs depth, …).
//
// Conventions shared by every generator:
// - The clean data lives on a scale of about [-1, 1], so `noise` reads as a fraction of that scale:
//   it is the standard deviation of Gaussian noise added to each input coordinate (classification)
//   or to the target (regression). 0 is clean, 0.1 mild, 0.5 heavy.
// - Labels are decided from the clean point, before the noise is added, as a person drawing the
//   data would label it; noise is what makes points cross the boundary.
// - Classes are balanced: sample i belongs to class i mod classes.

import type { GeneratorName } from '../types';
import { fail } from './fail';
import type { Rng } from '../rng';
import { MAX_SAMPLES, type SampleTable } from './samples';
import { t } from '../../shared/l10n';
import { CLASS_NAMES, NUMBERED_CLASSES } from './class-labels';

export interface GeneratorParams {
  samples: number;
  noise: number;
  classes?: number;
}

/** y = PLANE.w1·x1 + PLANE.w2·x2 + PLANE.bias (+ noise): exported so that tests can check the fit. */
export const PLANE = { w1: 0.6, w2: -0.4, bias: 0.2 } as const;

/** Keeps xor points this far from the axes so that, without noise, no label is a coin toss. */
const XOR_MARGIN = 0.05;
/** circle: inner disc radius and the ring's inner and outer radius. */
const CIRCLE = { disc: 0.5, ringInner: 0.7, ringOuter: 1 } as const;
/** gaussian / blobs: spread of each cluster before noise. */
const CLUSTER_STD = 0.15;
/** spiral: turns each arm makes from the centre to the rim. */
const SPIRAL_TURNS = 1.75;
const MAX_CLASSES = 32;

interface GeneratorSpec {
  kind: 'classification' | 'regression';
  /** How many classes the generator makes: a fixed count, or `variable` with a default. */
  classes: { fixed: number } | { variable: number } | null;
  featureNames: string[];
  classNames?: (classes: number) => string[];
  /** Writes sample i into x (inputs) and y (target), given its class for classification. */
  sample(rng: Rng, noise: number, cls: number, classes: number, x: Float64Array, y: Float64Array): void;
}

const X1X2 = ['x1', 'x2'];
const drawUniform = (rng: Rng, low: number, high: number) => low + (high - low) * rng.uniform();
const numbered = (prefix: string) => (classes: number) => Array.from({ length: classes }, (_, k) => `${prefix} ${k + 1}`);


/** Adds N(0, noise) to both coordinates. */
function jitter(rng: Rng, noise: number, x: Float64Array): void {
  if (noise === 0) return;
  x[0] += rng.normal(0, noise);
  x[1] += rng.normal(0, noise);
}

const GENERATOR_SPECS: Record<GeneratorName, GeneratorSpec> = {
  // Class 1 where x1·x2 > 0 (first and third quadrants), class 0 where the signs differ.
  xor: {
    kind: 'classification',
    classes: { fixed: 2 },
    featureNames: X1X2,
    classNames: () => ['x1·x2 < 0', 'x1·x2 > 0'],
    sample(rng, noise, cls, _classes, x) {
      const a = drawUniform(rng, XOR_MARGIN, 1);
      const b = drawUniform(rng, XOR_MARGIN, 1);
      // Same sign for class 1, opposite signs for class 0; which diagonal is a fair coin.
      const s = rng.uniform() < 0.5 ? -1 : 1;
      x[0] = s * a;
      x[1] = (cls === 1 ? s : -s) * b;
      jitter(rng, noise, x);
    },
  },
  // Class 1 is a disc of radius 0.5, class 0 a ring between 0.7 and 1: no straight line separates them.
  circle: {
    kind: 'classification',
    classes: { fixed: 2 },
    featureNames: X1X2,
    classNames: () => [...CLASS_NAMES.circle],
    sample(rng, noise, cls, _classes, x) {
      // Radius by inverse CDF of an area-uniform annulus: r = sqrt(u·(R² − r0²) + r0²).
      const [inner, outer] = cls === 1 ? [0, CIRCLE.disc] : [CIRCLE.ringInner, CIRCLE.ringOuter];
      const radius = Math.sqrt(drawUniform(rng, inner * inner, outer * outer));
      const angle = drawUniform(rng, 0, 2 * Math.PI);
      x[0] = radius * Math.cos(angle);
      x[1] = radius * Math.sin(angle);
      jitter(rng, noise, x);
    },
  },
  // Two round clusters around (−0.5, −0.5) (class 0) and (0.5, 0.5) (class 1): linearly separable.
  gaussian: {
    kind: 'classification',
    classes: { fixed: 2 },
    featureNames: X1X2,
    classNames: () => [...CLASS_NAMES.gaussian],
    sample(rng, noise, cls, _classes, x) {
      const centre = cls === 1 ? 0.5 : -0.5;
      x[0] = rng.normal(centre, CLUSTER_STD);
      x[1] = rng.normal(centre, CLUSTER_STD);
      jitter(rng, noise, x);
    },
  },
  // `classes` arms winding out from the centre, each rotated by 2π/classes from the previous one.
  spiral: {
    kind: 'classification',
    classes: { variable: 2 },
    featureNames: X1X2,
    classNames: numbered(NUMBERED_CLASSES.spiral),
    sample(rng, noise, cls, classes, x) {
      const t = rng.uniform();
      const angle = 2 * Math.PI * (SPIRAL_TURNS * t + cls / classes);
      x[0] = t * Math.cos(angle);
      x[1] = t * Math.sin(angle);
      jitter(rng, noise, x);
    },
  },
  // Two interleaved half circles (as scikit-learn's make_moons), centred on the origin.
  moons: {
    kind: 'classification',
    classes: { fixed: 2 },
    featureNames: X1X2,
    classNames: () => [...CLASS_NAMES.moons],
    sample(rng, noise, cls, _classes, x) {
      const angle = drawUniform(rng, 0, Math.PI);
      if (cls === 0) {
        x[0] = Math.cos(angle) - 0.5;
        x[1] = Math.sin(angle) - 0.25;
      } else {
        x[0] = 0.5 - Math.cos(angle);
        x[1] = 0.25 - Math.sin(angle);
      }
      jitter(rng, noise, x);
    },
  },
  // `classes` round clusters with centres evenly spaced on the unit circle.
  blobs: {
    kind: 'classification',
    classes: { variable: 3 },
    featureNames: X1X2,
    classNames: numbered(NUMBERED_CLASSES.blobs),
    sample(rng, noise, cls, classes, x) {
      const angle = (2 * Math.PI * cls) / classes;
      x[0] = rng.normal(Math.cos(angle), CLUSTER_STD);
      x[1] = rng.normal(Math.sin(angle), CLUSTER_STD);
      jitter(rng, noise, x);
    },
  },
  // Regression on a tilted plane: a single linear unit can fit it exactly (up to the noise).
  plane: {
    kind: 'regression',
    classes: null,
    featureNames: X1X2,
    sample(rng, noise, _cls, _classes, x, y) {
      x[0] = drawUniform(rng, -1, 1);
      x[1] = drawUniform(rng, -1, 1);
      y[0] = PLANE.w1 * x[0] + PLANE.w2 * x[1] + PLANE.bias + (noise === 0 ? 0 : rng.normal(0, noise));
    },
  },
  // Regression of y = sin(x) over one period, x in [−π, π]: needs a non-linear hidden layer.
  sine: {
    kind: 'regression',
    classes: null,
    featureNames: ['x'],
    sample(rng, noise, _cls, _classes, x, y) {
      x[0] = drawUniform(rng, -Math.PI, Math.PI);
      y[0] = Math.sin(x[0]) + (noise === 0 ? 0 : rng.normal(0, noise));
    },
  },
};

function resolveClasses(name: GeneratorName, spec: GeneratorSpec, requested: number | undefined): number {
  if (spec.classes === null) {
    if (requested !== undefined && requested !== 0) fail(t('data: generator "{name}" is a regression task and takes no "classes"', { name }));
    return 0;
  }
  if ('fixed' in spec.classes) {
    if (requested !== undefined && requested !== spec.classes.fixed) {
      fail(t('data: generator "{name}" always has {classes} classes, got classes = {found}', { name, classes: String(spec.classes.fixed), found: String(requested) }));
    }
    return spec.classes.fixed;
  }
  const classes = requested ?? spec.classes.variable;
  if (!Number.isInteger(classes) || classes < 2 || classes > MAX_CLASSES) {
    fail(t('data: "classes" for generator "{name}" must be a whole number from 2 to {max}, got {found}', { name, max: String(MAX_CLASSES), found: String(classes) }));
  }
  return classes;
}

export function generate(name: GeneratorName, params: GeneratorParams, rng: Rng): SampleTable {
  const spec = GENERATOR_SPECS[name];
  if (spec === undefined) fail(t('data: unknown generator "{name}"; known: {known}', { name: String(name), known: Object.keys(GENERATOR_SPECS).join(', ') }));
  const { samples, noise } = params;
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES) {
    fail(t('data: "samples" must be a whole number from 1 to {max}, got {found}', { max: String(MAX_SAMPLES), found: String(samples) }));
  }
  if (!Number.isFinite(noise) || noise < 0) fail(t('data: "noise" must be a finite number ≥ 0, got {found}', { found: String(noise) }));
  const classes = resolveClasses(name, spec, params.classes);

  const inputSize = spec.featureNames.length;
  const x = new Float64Array(samples * inputSize);
  const y = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const cls = classes > 0 ? i % classes : 0;
    const row = x.subarray(i * inputSize, (i + 1) * inputSize);
    const target = y.subarray(i, i + 1);
    spec.sample(rng, noise, cls, classes, row, target);
    if (spec.kind === 'classification') target[0] = cls;
  }
  return {
    kind: spec.kind,
    n: samples,
    inputSize,
    targetSize: 1,
    classes,
    featureNames: [...spec.featureNames],
    ...(spec.classNames ? { classNames: spec.classNames(classes) } : {}),
    x,
    y,
  };
}
