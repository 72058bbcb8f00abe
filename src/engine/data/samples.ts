// The common form every data source is turned into before it is split and standardised:
// one row-major table of all samples, with the task it describes.

import type { InputFeatureName, TaskKind } from '../types';

export interface SampleTable {
  kind: TaskKind;
  n: number;
  inputSize: number;
  /** Classification: 1 (the class index). Regression: number of target columns. */
  targetSize: number;
  /** 0 for regression. */
  classes: number;
  featureNames: string[];
  classNames?: string[];
  /** n × inputSize, row-major. */
  x: Float64Array;
  /** n × targetSize, row-major. */
  y: Float64Array;
  /** With input features: the features `x` holds, and each sample's raw point (n × 2). */
  features?: readonly InputFeatureName[];
  plane?: Float64Array;
}

/** Upper bound on rows, so that a typo such as `samples: 1e9` is an error and not a frozen worker. */
export const MAX_SAMPLES = 1_000_000;
