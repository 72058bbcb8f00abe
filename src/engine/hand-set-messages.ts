// What is said about a layer with hand-set weights, a bias or threshold, or `trainable: false`
// (theory §1, the McCulloch-Pitts neuron): the parser's located problems and the engine's checks
// read these. Whole sentences through t(), with named placeholders.

import { t } from '../shared/l10n/index';

export const HAND_SET_MESSAGES = {
  weightsNotRows: (args: { layer: string; found: string }) =>
    t('"weights" of {layer} must be a list of rows, one per unit, each listing that unit\'s weight from every input, like [[1, 1]] for one unit with two inputs; found {found}.', args),
  weightsRowCount: (args: { layer: string; rows: number; units: number }) => t('"weights" of {layer} lists {rows} rows, but the layer has {units} units: write one row per unit.', args),
  weightsRowWidth: (args: { row: number; layer: string; found: number; inputs: number }) =>
    t('Row {row} of "weights" of {layer} has {found} weights, but each unit of this layer has {inputs} inputs: write one weight per input.', args),
  weightNotNumber: (args: { row: number; column: number; layer: string; found: string }) => t('Row {row}, weight {column} of "weights" of {layer} must be a finite number; found {found}.', args),
  biasShape: (args: { key: string; layer: string; units: number; found: string }) =>
    t('"{key}" of {layer} must be one number for every unit, or a list of {units} numbers, one per unit; found {found}.', args),
  biasAndThreshold: (args: { layer: string }) => t('{layer} has both "bias" and "threshold": a threshold θ is the bias −θ, so write only one of them.', args),
  engineWeightsShape: (args: { layer: string; units: number; inputs: number }) =>
    t('{layer}: hand-set weights must be {units} rows of {inputs} finite numbers (one row per unit, one weight per input).', args),
  engineBiasShape: (args: { layer: string; units: number }) => t('{layer}: hand-set biases must be {units} finite numbers, one per unit.', args),
  engineTrainable: (args: { layer: string; found: string }) => t('{layer}: "trainable" must be true or false, got {found}.', args),
  handSetStandardized: () =>
    t('The hand-set weights of the first layer meet the inputs after standardisation (zero mean, unit variance), not the numbers written in the data: add "standardize": false to the data section so the weights see the inputs as written.'),
};
