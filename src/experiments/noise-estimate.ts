// The noise of data that has no generator, estimated from the data alone: the nearest-neighbour
// ("delta test") estimator of Pi & Peterson (1994), "Finding the Embedding Dimension and Variable
// Dependences in Time Series", Neural Computation 6(3), 509–520; its consistency for the noise
// variance is shown by Devroye, Schäfer, Györfi & Walk (2003), "The estimation problem of minimum
// mean squared error", Statistics & Decisions 21, 15–28.
//
// With y = f(x) + ε and j(i) the nearest other sample to sample i,
//   σ̂² = (1 / 2n) Σ_i (y_i − y_j(i))²,
// since E[(ε_i − ε_j)²] = 2σ² for independent noise. Duplicated inputs are each other's nearest
// neighbours at distance 0, where the difference is pure noise. What f changes over the distance to
// the neighbour is counted as noise too, so the estimate is high by about half the mean squared
// change of f between neighbours: small when the samples are dense, large when they are sparse.
// Distances are Euclidean in the standardised inputs (each column scaled by its spread), so no
// column outweighs the others by its unit. Several target columns: the mean over the columns.

/** The estimate is computed on at most this many samples (the first ones: the split has shuffled them); the search is quadratic. */
export const MAX_NOISE_SAMPLES = 4000;

export interface NoiseEstimate {
  /** σ̂², the estimated noise variance of one target value. */
  variance: number;
  /** The samples it was computed on. */
  samples: number;
}

/**
 * `x`: n × inputSize inputs, `y`: n × targetSize targets (row-major). Undefined with fewer than
 * two samples, where no sample has a neighbour.
 */
export function nearestNeighbourNoise(x: ArrayLike<number>, y: ArrayLike<number>, n: number, inputSize: number, targetSize: number): NoiseEstimate | undefined {
  const m = Math.min(n, MAX_NOISE_SAMPLES);
  if (m < 2) return undefined;
  const scale = new Float64Array(inputSize);
  for (let j = 0; j < inputSize; j++) {
    let mean = 0;
    for (let i = 0; i < m; i++) mean += x[i * inputSize + j];
    mean /= m;
    let spread = 0;
    for (let i = 0; i < m; i++) spread += (x[i * inputSize + j] - mean) ** 2;
    const std = Math.sqrt(spread / m);
    scale[j] = std > 0 ? 1 / std : 1;
  }
  let sum = 0;
  for (let i = 0; i < m; i++) {
    let nearest = -1;
    let best = Infinity;
    for (let k = 0; k < m; k++) {
      if (k === i) continue;
      let distance = 0;
      for (let j = 0; j < inputSize && distance < best; j++) distance += ((x[i * inputSize + j] - x[k * inputSize + j]) * scale[j]) ** 2;
      if (distance < best) {
        best = distance;
        nearest = k;
      }
    }
    for (let t = 0; t < targetSize; t++) sum += (y[i * targetSize + t] - y[nearest * targetSize + t]) ** 2;
  }
  return { variance: sum / (2 * m * targetSize), samples: m };
}
