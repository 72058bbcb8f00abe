// What the format knows about names before any data is built: the keys each object accepts, and
// what each generator and bundled dataset will produce (input width, task, classes). The parser
// uses these to check output widths and fan-ins statically, so a student sees "softmax over 3
// units for 2 classes" while typing, not after pressing Train.

import { ACTIVATION_INFO, ACTIVATIONS } from '../engine/index';
import type { ActivationName, BundledDatasetName, GeneratorName, TaskKind } from '../engine/types';
import { t } from '../shared/l10n';

export const TOP_LEVEL_KEYS = ['$schema', 'name', 'seed', 'data', 'layers', 'loss', 'init', 'training'] as const;
export const LAYER_KEYS = ['units', 'activation', 'dropout', 'init', 'weights', 'bias', 'threshold', 'trainable'] as const;
export const INIT_KEYS = ['distribution', 'mean', 'std', 'limit'] as const;
export const TRAINING_KEYS = [
  'optimizer',
  'learningRate',
  'batchSize',
  'epochs',
  'momentum',
  'beta1',
  'beta2',
  'epsilon',
  'regularization',
  'dropoutMode',
] as const;
export const REGULARIZATION_KEYS = ['type', 'lambda'] as const;
export const DATA_COMMON_KEYS = ['testFraction', 'standardize', 'inputFeatures'] as const;
export const DATA_FORM_KEYS = {
  generator: ['generator', 'samples', 'noise', 'classes'],
  dataset: ['dataset'],
  inline: ['inputs', 'targets', 'task', 'plane'],
  csv: ['csv', 'features', 'target', 'task', 'encoding'],
} as const;

/** What `"task"` may say about inline or CSV targets; omitted, the targets decide. */
export const TASK_KINDS: readonly TaskKind[] = ['classification', 'regression'];
export const ALL_DATA_KEYS: readonly string[] = [...DATA_COMMON_KEYS, ...Object.values(DATA_FORM_KEYS).flat()];

export interface GeneratorFacts {
  inputSize: number;
  task: TaskKind;
  /** Fixed number of classes, or undefined when `classes` chooses it. */
  fixedClasses?: number;
  /** Default (and minimum) for `classes` when the generator takes it. */
  defaultClasses?: number;
  minClasses?: number;
  /** Whether one straight line (hyperplane) can separate the classes: a perceptron's limit. */
  linearlySeparable: boolean;
  /** One line on what the points look like (messages and hovers), in the UI's language. */
  readonly shape: string;
}

export const GENERATOR_FACTS: Record<GeneratorName, GeneratorFacts> = {
  xor: {
    inputSize: 2, task: 'classification', fixedClasses: 2, linearlySeparable: false,
    get shape() {
      return t('four quadrants, opposite corners share a class');
    },
  },
  circle: {
    inputSize: 2, task: 'classification', fixedClasses: 2, linearlySeparable: false,
    get shape() {
      return t('a disc of one class inside a ring of the other');
    },
  },
  gaussian: {
    inputSize: 2, task: 'classification', fixedClasses: 2, linearlySeparable: true,
    get shape() {
      return t('two Gaussian blobs');
    },
  },
  spiral: {
    inputSize: 2, task: 'classification', defaultClasses: 2, minClasses: 2, linearlySeparable: false,
    get shape() {
      return t('interleaved spiral arms');
    },
  },
  moons: {
    inputSize: 2, task: 'classification', fixedClasses: 2, linearlySeparable: false,
    get shape() {
      return t('two interleaving half-moons');
    },
  },
  blobs: {
    inputSize: 2, task: 'classification', defaultClasses: 3, minClasses: 2, linearlySeparable: true,
    get shape() {
      return t('k Gaussian blobs');
    },
  },
  plane: {
    inputSize: 2, task: 'regression', linearlySeparable: true,
    get shape() {
      return t('a tilted plane y = a·x₁ + b·x₂ with noise');
    },
  },
  sine: {
    inputSize: 1, task: 'regression', linearlySeparable: false,
    get shape() {
      return t('y = sin(x) with noise');
    },
  },
};

export const DATASET_FACTS: Record<BundledDatasetName, { samples: number; inputSize: number; classes: number; featureNames: string[]; classNames: string[] }> = {
  iris: {
    samples: 150,
    inputSize: 4,
    classes: 3,
    featureNames: ['sepal length', 'sepal width', 'petal length', 'petal width'],
    classNames: ['setosa', 'versicolor', 'virginica'],
  },
};

/** Activations whose derivative is zero almost everywhere: backpropagation cannot train them. */
export const THRESHOLD_ACTIVATIONS: readonly ActivationName[] = ACTIVATIONS.filter((name) => !ACTIVATION_INFO[name].differentiable);

/**
 * Activations with saturation zones, and the |z| where they start: the engine's own zones (found
 * by bisection where the derivative falls below 0.01, that is 4.585… for sigmoid, 4% of its 0.25
 * peak, and 2.993… for tanh, 1% of its peak). Every comparison uses these, never the book's
 * rounded 4.6 and 3.0, so a z the health statistics count as saturated is one the rules, hovers
 * and charts call saturated too. Text prints them rounded (`saturationLabel`).
 */
export const SATURATION_THRESHOLD: Partial<Record<ActivationName, number>> = Object.fromEntries(
  ACTIVATIONS.flatMap((name) => {
    const saturation = ACTIVATION_INFO[name].saturation;
    return saturation ? [[name, saturation.threshold]] : [];
  }),
);

/** A zone as messages print it, "4.6" and "3.0": the theory's figures, the comparison's value rounded. */
export function saturationLabel(threshold: number): string {
  return threshold.toFixed(1);
}
