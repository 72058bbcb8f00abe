// Input features for 2-D data, as TensorFlow Playground offers them: the network sees a chosen
// list of functions of the two coordinates (x₁², x₁x₂, sin x₁, …) instead of the coordinates alone.
// One table: the parser's names, the data building (every run path: CLI, worker, browser, export)
// and the decision-boundary grid all map the plane through `mapPlaneRows`, so the boundary is the
// model's own function of the point drawn there. With x₁² and x₂² a model without a hidden layer
// draws a circle: w₁x₁² + w₂x₂² + b = 0.

import { EngineError } from './errors';
import { FEATURE_MESSAGES } from './feature-messages';

interface FeatureRecord {
  /** As hovers and the schema print it. */
  formula: string;
  value(x1: number, x2: number): number;
}

export const INPUT_FEATURE_TABLE = {
  x1: { formula: 'x₁', value: (x1) => x1 },
  x2: { formula: 'x₂', value: (_x1, x2) => x2 },
  'x1^2': { formula: 'x₁²', value: (x1) => x1 * x1 },
  'x2^2': { formula: 'x₂²', value: (_x1, x2) => x2 * x2 },
  x1x2: { formula: 'x₁·x₂', value: (x1, x2) => x1 * x2 },
  'sin x1': { formula: 'sin x₁', value: (x1) => Math.sin(x1) },
  'sin x2': { formula: 'sin x₂', value: (_x1, x2) => Math.sin(x2) },
} as const satisfies Record<string, FeatureRecord>;

export type InputFeatureName = keyof typeof INPUT_FEATURE_TABLE;
export const INPUT_FEATURES = Object.keys(INPUT_FEATURE_TABLE) as InputFeatureName[];

/**
 * How a point of the plane becomes the network's input: the features, then (when the data is
 * standardised) each feature's training mean and std, as the data itself was mapped.
 */
export interface InputMap {
  features: readonly InputFeatureName[];
  mean: Float64Array | null;
  std: Float64Array | null;
}

/** Checks a feature list: known names, at least one, none twice. Throws EngineError naming the problem. */
export function validateFeatures(features: readonly unknown[]): asserts features is readonly InputFeatureName[] {
  if (!Array.isArray(features) || features.length === 0) throw new EngineError('invalid-config', FEATURE_MESSAGES.engineEmpty());
  const seen = new Set<string>();
  for (const name of features) {
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(INPUT_FEATURE_TABLE, name)) {
      throw new EngineError('invalid-config', FEATURE_MESSAGES.engineUnknown({ name: String(name), known: INPUT_FEATURES.join(', ') }));
    }
    if (seen.has(name)) throw new EngineError('invalid-config', FEATURE_MESSAGES.engineDuplicate({ name }));
    seen.add(name);
  }
}

/**
 * Rows of plane points (n × 2, row-major) → rows of network inputs (n × features), written into
 * `out` from row `outRow` on. Standardises with the map's statistics when it has them.
 */
export function mapPlaneRows(map: InputMap, plane: ArrayLike<number>, rows: number, out: Float64Array, outRow = 0): void {
  const { features, mean, std } = map;
  const width = features.length;
  const records = features.map((name) => INPUT_FEATURE_TABLE[name] as FeatureRecord);
  for (let r = 0; r < rows; r++) {
    const x1 = plane[2 * r];
    const x2 = plane[2 * r + 1];
    const base = (outRow + r) * width;
    for (let f = 0; f < width; f++) {
      const v = records[f].value(x1, x2);
      out[base + f] = mean !== null && std !== null ? (v - mean[f]) / std[f] : v;
    }
  }
}
