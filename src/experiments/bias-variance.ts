// The bias-variance decomposition of K runs' predictions on one fixed evaluation set.
// Pure: no engine state, no host. The experiment that trains the K runs builds on this.
//
// Regression (squared loss), per evaluation point x with truth f(x), label y = f(x) + ε:
//   E_D[(y − h_D(x))²] = (f(x) − h̄(x))² + E_D[(h_D(x) − h̄(x))²] + E[ε²]
//   expected error      = bias²          + variance                + noise
// where h̄ is the mean of the K runs' predictions. Averaged over the evaluation points.
//
// Classification (0-1 loss): Domingos (2000), "A Unified Bias-Variance Decomposition and its
// Applications", ICML. The main prediction y_m(x) is the K runs' majority vote; with noise-free
// labels t(x), the bias B(x) = [y_m ≠ t] and the variance V(x) = P_D(y_D ≠ y_m). The expected loss
// at x is then exactly  L(x) = B(x) + c(x)·V(x),  with c = 1 where the vote is right (every
// disagreeing run is wrong) and c = −P(y_D = t | y_D ≠ y_m) where it is wrong (a disagreeing run
// can only be right by disagreeing). Averaged over x: error = bias + net variance, net variance =
// unbiased variance − biased variance (Domingos's V_u − V_b; for two classes c = −1 exactly).

export interface RegressionDecomposition {
  /** Mean over points of (truth − mean prediction)². */
  bias2: number;
  /** Mean over points of the spread of the runs' predictions around their mean. */
  variance: number;
  /** Mean over points of the noise variance E[ε²]. */
  noise: number;
  /** bias² + variance + noise. */
  expectedError: number;
}

/**
 * `predictions[k][i]`: run k's prediction at point i; `truth[i]`: the noise-free target f(x_i);
 * `noiseVariance`: E[ε²] (σ² for Gaussian noise of standard deviation σ), one value or per point.
 */
export function decomposeRegression(predictions: readonly ArrayLike<number>[], truth: ArrayLike<number>, noiseVariance: number | ArrayLike<number>): RegressionDecomposition {
  const k = predictions.length;
  const n = truth.length;
  if (k === 0 || n === 0) throw new Error('The decomposition needs at least one run and one evaluation point.');
  let bias2 = 0;
  let variance = 0;
  let noise = 0;
  for (let i = 0; i < n; i++) {
    let mean = 0;
    for (let r = 0; r < k; r++) mean += predictions[r][i];
    mean /= k;
    let spread = 0;
    for (let r = 0; r < k; r++) spread += (predictions[r][i] - mean) ** 2;
    variance += spread / k;
    bias2 += (truth[i] - mean) ** 2;
    noise += typeof noiseVariance === 'number' ? noiseVariance : noiseVariance[i];
  }
  bias2 /= n;
  variance /= n;
  noise /= n;
  return { bias2, variance, noise, expectedError: bias2 + variance + noise };
}

/**
 * The measured expected error: mean over runs and points of (truth − prediction)², plus the noise.
 * Equals bias² + variance + noise exactly (the cross term vanishes for the mean prediction).
 */
export function measuredRegressionError(predictions: readonly ArrayLike<number>[], truth: ArrayLike<number>, noiseVariance: number): number {
  let sum = 0;
  for (const run of predictions) for (let i = 0; i < truth.length; i++) sum += (truth[i] - run[i]) ** 2;
  return sum / (predictions.length * truth.length) + noiseVariance;
}

export interface ClassificationDecomposition {
  /** Domingos's bias: share of points where the majority vote is wrong. */
  bias: number;
  /** Domingos's variance: mean share of runs disagreeing with the majority vote. */
  variance: number;
  /** The variance on points where the vote is right: each disagreement there adds an error. */
  unbiasedVariance: number;
  /** Where the vote is wrong, the share of runs that disagree with it and are right: each removes an error. */
  biasedVariance: number;
  /** unbiasedVariance − biasedVariance: what the variance adds to the bias. */
  netVariance: number;
  /** Mean 0-1 error of the runs, counted directly (equals bias + netVariance). */
  expectedError: number;
}

/** Majority vote of integer labels; ties go to the smallest label, so the result is deterministic. */
export function majorityVote(labels: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best = Number.POSITIVE_INFINITY;
  let bestCount = -1;
  for (const [label, count] of counts) {
    if (count > bestCount || (count === bestCount && label < best)) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

/** `labels[k][i]`: run k's predicted class at point i; `actual[i]`: the point's label. */
export function decomposeClassification(labels: readonly ArrayLike<number>[], actual: ArrayLike<number>): ClassificationDecomposition {
  const k = labels.length;
  const n = actual.length;
  if (k === 0 || n === 0) throw new Error('The decomposition needs at least one run and one evaluation point.');
  let bias = 0;
  let variance = 0;
  let unbiased = 0;
  let biased = 0;
  let error = 0;
  for (let i = 0; i < n; i++) {
    const votes: number[] = [];
    for (let r = 0; r < k; r++) votes.push(labels[r][i]);
    const main = majorityVote(votes);
    const wrong = main !== actual[i];
    if (wrong) bias++;
    for (const vote of votes) {
      if (vote !== main) {
        variance++;
        if (!wrong) unbiased++;
        else if (vote === actual[i]) biased++;
      }
      if (vote !== actual[i]) error++;
    }
  }
  const share = n * k;
  return {
    bias: bias / n,
    variance: variance / share,
    unbiasedVariance: unbiased / share,
    biasedVariance: biased / share,
    netVariance: (unbiased - biased) / share,
    expectedError: error / share,
  };
}

/**
 * Regression on held-out labels y = f(x) + ε, where f is unknown and the noise is an estimate σ̂²
 * (data without a generator). Measured directly: the expected error, the runs' mean squared error
 * against the labels, and the variance of their predictions. Since the mean prediction h̄ makes
 * the cross term vanish, measured = mean (y − h̄)² + variance exactly; mean (y − h̄)² holds bias²
 * and noise together, and bias² is what remains of it after the estimate: bias² = mean (y − h̄)² − σ̂².
 * So bias² + variance + noise = measured exactly, and bias² absorbs the estimate's error (it can
 * come out below 0 when σ̂² overestimates the noise of a model that fits well).
 */
export function decomposeOnLabels(predictions: readonly ArrayLike<number>[], labels: ArrayLike<number>, noiseEstimate: number): RegressionDecomposition {
  const onLabels = decomposeRegression(predictions, labels, 0);
  return { bias2: onLabels.bias2 - noiseEstimate, variance: onLabels.variance, noise: noiseEstimate, expectedError: onLabels.bias2 + onLabels.variance };
}
