// What is said about input features (`inputFeatures` in the data section): the parser's located
// problems, the engine's checks and the panel's line. Whole sentences through t(), so each is one
// entry of the bundles and a translation may reorder the values.

import { t } from '../shared/l10n/index';

export const FEATURE_MESSAGES = {
  engineEmpty: () => t('inputFeatures must list at least one feature of the two inputs, like ["x1", "x2", "x1^2"].'),
  engineUnknown: (args: { name: string; known: string }) => t('inputFeatures: "{name}" is not a feature; the features are {known}.', args),
  engineDuplicate: (args: { name: string }) => t('inputFeatures lists "{name}" twice: each feature is one input of the network, once.', args),
  engineNotPlane: (args: { inputs: number }) => t('inputFeatures are functions of two inputs, x1 and x2, but this data has {inputs} inputs.', args),
  notList: (args: { found: string }) => t('"inputFeatures" must be a list of feature names, like ["x1^2", "x2^2"]; found {found}.', args),
  empty: () => t('"inputFeatures" lists no feature: name at least one, like ["x1", "x2"], or remove it to feed the two inputs as they are.'),
  duplicate: (args: { name: string }) => t('"{name}" is listed twice in "inputFeatures": each feature is one input of the network, once.', args),
  notPlane: (args: { inputs: number }) =>
    t('"inputFeatures" are functions of two inputs, x1 and x2, but this data has {inputs} inputs: use them with 2-D data (a generator of points in the plane, or two input columns).', args),
  explain: () => t('x1 and x2 are the two inputs; x1^2 and x2^2 their squares, x1x2 their product, sin x1 and sin x2 their sines (computed before standardisation).'),
  exportSource: (args: { source: string; features: string }) => t('{source}, as the input features {features} of its two inputs, computed as the playground computes them', args),
  boundaryWithFeatures: (args: { classes: string; features: string; points: string }) =>
    t('Decision regions for {classes} over the plane of x1 and x2, the network seeing {features}, with {points}.', args),
};
