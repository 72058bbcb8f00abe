// From our activations to PyTorch: the module each layer's activation becomes in the exported
// `nn.Sequential`. The module expression is the activation table's own `pytorch` field
// (src/engine/activations.ts), so an activation added there is exported without a second list; the
// ones torch.nn has no module for (`pytorch: null`) need a small module defined in the script,
// and `HELPERS` must name one for each of them or this file does not compile.
// test/torch/ checks every module against the engine in float64.

import { ACTIVATION_TABLE, type ActivationName } from '../engine/index';

export interface PytorchActivation {
  /** The Python expression that builds the module, e.g. `nn.Tanh()`. */
  module: string;
  /** A module class the expression needs that PyTorch does not have (defined in the script). */
  helper?: PythonHelper;
}

type PythonHelper = 'Step' | 'Sign';

/** The activations whose table record has no torch.nn module. */
type WithoutTorchModule = { [K in ActivationName]: (typeof ACTIVATION_TABLE)[K]['pytorch'] extends string ? never : K }[ActivationName];

// Our step and sign fire at z = 0 (step(0) = 1, sign(0) = +1); torch.sign(0) is 0, so both are small modules.
const HELPERS: Record<WithoutTorchModule, PythonHelper> = { step: 'Step', sign: 'Sign' };

export function pytorchActivation(name: ActivationName): PytorchActivation {
  const module: string | null = ACTIVATION_TABLE[name].pytorch;
  if (module !== null) return { module };
  const helper = HELPERS[name as WithoutTorchModule];
  return { module: `${helper}()`, helper };
}
