// What the engine reports about a network's health after a step: compact summaries, never whole
// weight arrays, so they can be sent to the editor many times a second.

/** TensorBoard's distribution percentiles: min, ±1.5σ, ±1σ, ±0.5σ, median, max for a normal. */
export const HEALTH_PERCENTILES = [0, 7, 16, 31, 50, 69, 84, 93, 100] as const;

export interface Distribution {
  count: number;
  mean: number;
  std: number;
  /** Values at HEALTH_PERCENTILES, same order. */
  percentiles: number[];
  /** Equal-width bins over [min, max]. */
  histogram: { min: number; max: number; counts: number[] };
}

export interface LayerHealth {
  /** 0-based index into NetworkConfig.layers. */
  layer: number;
  activation: string;
  units: number;
  weights: Distribution;
  biases: Distribution;
  /** Over the last evaluated batch or epoch sample. */
  preActivations: Distribution;
  activations: Distribution;
  /** Mean |∂L/∂W| over the layer's weights. */
  gradMeanAbs: number;
  /** ‖∂L/∂W‖₂ (Frobenius). */
  gradNorm: number;
  /** ‖W‖₂ (Frobenius). */
  weightNorm: number;
  /** lr·‖∂L/∂W‖ / ‖W‖; healthy around 1e-3. */
  updateRatio: number;
  /** sigmoid/tanh: share of (sample, unit) pre-activations in the saturation zone; null otherwise. */
  saturatedFraction: number | null;
  /** relu: share of units never positive over the last epoch; null otherwise. */
  deadFraction: number | null;
}

export interface NonFiniteEvent {
  /** First layer (0-based) where NaN or ±Inf appears; -1 when it is the loss itself. */
  layer: number;
  where: 'weights' | 'biases' | 'pre-activations' | 'activations' | 'gradients' | 'loss';
}

export interface HealthReport {
  layers: LayerHealth[];
  nonFinite: NonFiniteEvent | null;
}

export interface Metrics {
  /** Cost: mean loss over the split. */
  cost: number;
  /** Regularisation term added to the cost (λ/2·Σw² for L2, λ·Σ|w| for L1, 0 otherwise). */
  regularization: number;
  /** cost + regularization. */
  objective: number;
  /** Share of correctly classified samples; undefined for regression. */
  accuracy?: number;
}

export interface EpochReport {
  epoch: number;
  /** Train metrics are the mean over the epoch's minibatches (as they were trained, dropout on). */
  train: Metrics;
  /** Test metrics at the end of the epoch; null when the test split is empty or training diverged. */
  test: Metrics | null;
  /**
   * Present when a NaN/±Inf appeared (this epoch or earlier, until reset/importWeights): training
   * stopped at that minibatch and the metrics may be NaN. The same event is in health().nonFinite.
   */
  nonFinite?: NonFiniteEvent;
}
