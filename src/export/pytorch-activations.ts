// The one map from our activations to PyTorch: the module each layer's activation becomes in the
// exported `nn.Sequential`. A `Record` over ActivationName, so an activation added to the engine
// does not compile until it is mapped here (or given a reason it cannot be exported).
// Every module must compute what src/engine/activations.ts computes, in float64 to the last bit
// where PyTorch's kernel allows (test/torch/ checks each against the engine).

import { LEAKY_SLOPE, type ActivationName } from '../engine/index';

export interface PytorchActivation {
  /** The Python expression that builds the module, e.g. `nn.Tanh()`. */
  module: string;
  /** A module class the expression needs that PyTorch does not have (defined in the script). */
  helper?: 'Step' | 'Sign';
}

export const PYTORCH_ACTIVATIONS: Record<ActivationName, PytorchActivation> = {
  linear: { module: 'nn.Identity()' },
  // Our step and sign fire at z = 0 (step(0) = 1, sign(0) = +1); torch.sign(0) is 0, so both are small modules.
  step: { module: 'Step()', helper: 'Step' },
  sign: { module: 'Sign()', helper: 'Sign' },
  sigmoid: { module: 'nn.Sigmoid()' },
  tanh: { module: 'nn.Tanh()' },
  relu: { module: 'nn.ReLU()' },
  'leaky-relu': { module: `nn.LeakyReLU(${String(LEAKY_SLOPE)})` },
  // Only on the output layer, with cross-entropy: the loss reads the logits before it (as ours does).
  softmax: { module: 'nn.Softmax(dim=1)' },
};
