// What is said about a layer with hand-set weights, a bias or threshold, or `trainable: false`
// (theory §1, the McCulloch-Pitts neuron): the parser's located problems and the engine's checks
// read these. Whole sentences with named placeholders, filled by fillTemplate.

export const HAND_SET_MESSAGES = {
  weightsNotRows:
    '"weights" of {layer} must be a list of rows, one per unit, each listing that unit\'s weight from every input, like [[1, 1]] for one unit with two inputs; found {found}.',
  weightsRowCount: '"weights" of {layer} lists {rows} rows, but the layer has {units} units: write one row per unit.',
  weightsRowWidth: 'Row {row} of "weights" of {layer} has {found} weights, but each unit of this layer has {inputs} inputs: write one weight per input.',
  weightNotNumber: 'Row {row}, weight {column} of "weights" of {layer} must be a finite number; found {found}.',
  biasShape: '"{key}" of {layer} must be one number for every unit, or a list of {units} numbers, one per unit; found {found}.',
  biasAndThreshold: '{layer} has both "bias" and "threshold": a threshold θ is the bias −θ, so write only one of them.',
  engineWeightsShape: '{layer}: hand-set weights must be {units} rows of {inputs} finite numbers (one row per unit, one weight per input).',
  engineBiasShape: '{layer}: hand-set biases must be {units} finite numbers, one per unit.',
  engineTrainable: '{layer}: "trainable" must be true or false, got {found}.',
  handSetStandardized:
    'The hand-set weights of the first layer meet the inputs after standardisation (zero mean, unit variance), not the numbers written in the data: add "standardize": false to the data section so the weights see the inputs as written.',
} as const;
