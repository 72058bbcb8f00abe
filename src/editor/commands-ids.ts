// Command ids, written once: package.json contributes them, lenses, hovers and tests call them.

export const COMMANDS = {
  train: 'nnPlayground.train',
  pause: 'nnPlayground.pause',
  step: 'nnPlayground.step',
  reset: 'nnPlayground.reset',
  openPanel: 'nnPlayground.openPanel',
  verifyGradients: 'nnPlayground.verifyGradients',
  saveWeights: 'nnPlayground.saveWeights',
  exportPytorch: 'nnPlayground.exportPytorch',
  newFromExample: 'nnPlayground.newFromExample',
  measureBiasVariance: 'nnPlayground.measureBiasVariance',
  compareExamples: 'nnPlayground.compareExamples',
} as const;
