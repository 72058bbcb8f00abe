// The engine's public API: what the training worker, the CLI, the bench and the tests import.

export * from './types';
export * from './health-types';
export * from './trainer-api';
export * from './perceptron-trace';
export { createTrainer } from './trainer';
export { EngineError, type EngineErrorCode } from './errors';
export { createRng, type Rng } from './rng';
export {
  ACTIVATION_FUNCTIONS,
  ACTIVATION_INFO,
  ACTIVATION_TABLE,
  activationRecord,
  ELU_ALPHA,
  LEAKY_SLOPE,
  SOFTPLUS_THRESHOLD,
  LINEAR_ZONE_SHARE,
  SATURATION_DERIVATIVE,
  isActivationName,
  softmax,
  zoneThreshold,
  type ActivationInfo,
  type ActivationRecord,
  type ActivationZones,
  type ScalarActivation,
} from './activations';
export { erf } from './erf';
export { batchLossSum, crossEntropy, entropy, klDivergence, resolveLossKernel, sampleLosses, softplus, type LossKernel } from './losses';
export { DEFAULT_GAUSSIAN_STD, DEFAULT_UNIFORM_LIMIT, initStd } from './init';
export { regularizationTerm } from './regularization';
export { describe as describeDistribution } from './distribution';
export { HEALTH_SAMPLE_ROWS } from './health';
export { GRADCHECK_DEFAULT_EPSILON, GRADCHECK_DEFAULT_MAX_PARAMETERS } from './gradcheck';
export { validateNetwork, validateTraining, validateData } from './validate';
export { Network } from './network';
export { availableKernels, type KernelKind } from './wasm/kernels';
export * from './data';
