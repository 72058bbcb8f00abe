// Every number the rules compare against, in one place, each with the reason for its value.
// Editors, the CLI and tests read them from here; changing one changes every message that quotes it.

export const THRESHOLDS = {
  // ---- static rules ----
  /** init-saturation: predicted share of pre-activations in the saturation zone at init. */
  initSaturationShare: 0.1,
  /**
   * learning-rate-high: the theory's "usually below 1" for plain and momentum SGD. Adam moves
   * each weight by about lr per step whatever the gradient's size, so 0.1 is already large.
   */
  learningRateHigh: { sgd: 1, momentum: 1, adam: 0.1 } as Record<string, number>,
  /** init-too-small: product over layers of the init's signal gain √(fan_in·E[w²]). */
  initSignalGain: 1e-3,
  /** deep-sigmoid: hidden sigmoid layers after which at most 0.25^n of the gradient survives. */
  deepSigmoidLayers: 3,
  /** dropout-high: expected surviving units of a hidden layer per step, units·(1 − p). */
  dropoutMinKeptUnits: 2,
  /** not-linearly-separable on inline data: perceptron epochs tried before calling it inseparable. */
  separabilityEpochs: 1000,
  separabilityMaxSamples: 500,

  // ---- live rules (from the engine's health statistics) ----
  /** Epochs trained before gradient rules speak: the first steps of any net look odd. */
  liveWarmupEpochs: 3,
  /** sigmoid-/tanh-saturation: share of (sample, unit) pre-activations in the saturation zone. */
  saturatedShare: 0.5,
  /**
   * Saturation and vanishing gradients are reported only while the training accuracy is below
   * this: once a classifier gets its training samples right, confident (saturated) units are how
   * it draws sharp boundaries, and small gradients mean nothing is left to learn.
   */
  learntAccuracy: 0.95,
  /** vanishing-gradient: mean |∂L/∂W| of a layer over the next layer's (two orders of magnitude). */
  vanishingRatio: 1e-2,
  /** exploding-gradient: the same ratio the other way round, or an absolute gradient norm. */
  explodingRatio: 1e2,
  explodingNorm: 1e3,
  /**
   * exploding-gradient's message says the gradient "grows layer by layer" only when each layer's
   * mean |∂L/∂W| is more than this many times the next one's, from the layer to the output:
   * compounding, not the spread of layers of about the same size (2460 … 1020 is flat).
   */
  explodingGrowthPerLayer: 2,
  /** Gradients below this are "converged", not "vanishing": no rule on a network that has learnt. */
  negligibleGradient: 1e-9,
  /** dead-relu: share of ReLU units never positive over the last epoch. */
  deadReluShare: 0.5,
  /** update-ratio: lr·‖∂L/∂W‖/‖W‖ is healthy near 1e-3 (Karpathy's rule of thumb). */
  updateRatioHigh: 1e-1,
  updateRatioLow: 1e-6,
  /**
   * divergence (a finite cost that keeps rising): the latest training cost is more than this many
   * times the lowest cost before the window (see divergenceWindow)…
   */
  divergenceFactor: 10,
  /**
   * …and every cost of the window at least this much above that lowest cost. A ratio to the best
   * means nothing once the best is near zero: a healthy Adam run at a cost of 8.5e-8 hovers at
   * 0.0095 for hundreds of epochs, 1e5 times its best. 0.1 is a seventh of the cross-entropy of a
   * coin toss (ln 2) and a tenth of the squared error of predicting the mean of standardised
   * targets: a rise that matters whatever the loss.
   */
  divergenceMinRise: 0.1,
  /**
   * The rise must be sustained: above that floor for this many epochs in a row, and still climbing
   * (the latest cost the window's highest). Adam's bursts near a minimum (spiral.nn.json over
   * 40,000 epochs: up to 12 epochs above 0.1 from a best of 3e-7) peak early and settle.
   */
  divergenceWindow: 10,
  /** overfitting: epochs looked back over, at least this many and this share of the history. */
  overfittingMinWindow: 10,
  overfittingWindowShare: 0.2,
  /** overfitting: test cost this much above its best while the training cost still falls. */
  overfittingRise: 0.2,
  /** overfitting: and at least this much in absolute terms, so wiggles of a tiny loss do not count. */
  overfittingMinRise: 0.05,
  /**
   * overfitting: both in each of this many epochs in a row (a sustained rise). One noisy epoch of
   * a momentum spiral run (test cost 0.436 → 0.569 while falling 0.69 → 0.52 overall) is not
   * overfitting; the training cost's trend is read from medians over as many epochs, since
   * minibatch noise (and dropout) moves it by tens of percent from one epoch to the next.
   */
  overfittingSustainEpochs: 5,
  /** update-ratio (too small): "stuck" while the cost is above this share of the first epoch's. */
  stuckCostShare: 0.5,

  // ---- the gradient check (the editor's Verify Gradients and the CLI's gradcheck) ----
  /** Below this max relative error backpropagation agrees with finite differences to float64 noise. */
  gradientAgrees: 1e-6,
  /**
   * The check passes up to this max relative error: a kink (ReLU at 0) near a sample can explain
   * that much; above it, the analytic gradients are wrong.
   */
  gradientTolerance: 1e-3,

  // ---- hysteresis of the live rules ----
  // The live rules run on every health snapshot, a few times a second. A problem already shown
  // stays until its measure is back past a release value a clear margin inside the trigger; a new
  // one still needs the trigger. Without the margin, a measure hovering at its trigger (sampling
  // noise, one unit reviving, a minibatch's gradient) makes the problem flicker in the Problems
  // panel. Shares are released at 80% of their trigger; quantities that span decades (gradient and
  // update ratios, norms) at a factor of 2 (0.3 decade), since a minibatch moves them by tens of
  // percent from one snapshot to the next.
  /** saturation: the saturated share of a few hundred sampled rows moves by a few points per snapshot. */
  saturatedShareRelease: 0.4,
  /** dead-relu: 80% of the trigger, and at least this many units below it (see deadReluShareReleaseUnits). */
  deadReluShareRelease: 0.4,
  /**
   * dead-relu: a layer of 8 units moves in steps of 12.5%, so one unit reviving for an epoch would
   * cross an 80% margin (50% → 37.5%); release only 1.5 units' worth below the trigger or lower.
   */
  deadReluShareReleaseUnits: 1.5,
  vanishingRatioRelease: 2e-2,
  explodingRatioRelease: 50,
  explodingNormRelease: 500,
  updateRatioHighRelease: 5e-2,
  updateRatioLowRelease: 2e-6,
  /** update-ratio (too small): stays "stuck" until the cost is below 40% of the first epoch's. */
  stuckCostShareRelease: 0.4,
  /**
   * Saturation and vanishing gradients already shown are silenced only at 97.5% training accuracy
   * (half the gap left above the 95% that keeps a new one quiet): accuracy over n samples moves in
   * steps of 1/n, and one sample flipping must not toggle the problem.
   */
  learntAccuracyRelease: 0.975,
  /** divergence by a rising cost: stays until the cost is back under 8× its best (80%)… */
  divergenceFactorRelease: 8,
  /** …or within 0.08 of it… */
  divergenceMinRiseRelease: 0.08,
  /** …or has fallen to below 80% of where the window started: the run is recovering. */
  divergenceRecoveryShare: 0.8,
  /** overfitting: stays while the test cost is 16% (and 0.04) above its best, 80% of the trigger. */
  overfittingRiseRelease: 0.16,
  overfittingMinRiseRelease: 0.04,
} as const;
