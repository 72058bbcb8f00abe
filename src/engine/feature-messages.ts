// What is said about input features (`inputFeatures` in the data section): the parser's located
// problems, the engine's checks and the panel's line. Whole sentences with named placeholders.

export const FEATURE_MESSAGES = {
  engineEmpty: 'inputFeatures must list at least one feature of the two inputs, like ["x1", "x2", "x1^2"].',
  engineUnknown: 'inputFeatures: "{name}" is not a feature; the features are {known}.',
  engineDuplicate: 'inputFeatures lists "{name}" twice: each feature is one input of the network, once.',
  engineNotPlane: 'inputFeatures are functions of two inputs, x1 and x2, but this data has {inputs} inputs.',
  notList: '"inputFeatures" must be a list of feature names, like ["x1^2", "x2^2"]; found {found}.',
  empty: '"inputFeatures" lists no feature: name at least one, like ["x1", "x2"], or remove it to feed the two inputs as they are.',
  duplicate: '"{name}" is listed twice in "inputFeatures": each feature is one input of the network, once.',
  notPlane: '"inputFeatures" are functions of two inputs, x1 and x2, but this data has {inputs} inputs: use them with 2-D data (a generator of points in the plane, or two input columns).',
  explain: 'x1 and x2 are the two inputs; x1^2 and x2^2 their squares, x1x2 their product, sin x1 and sin x2 their sines (computed before standardisation).',
  exportSource: '{source}, as the input features {features} of its two inputs, computed as the playground computes them',
  boundaryWithFeatures: 'Decision regions for {classes} over the plane of x1 and x2, the network seeing {features}, with {points}.',
} as const;
