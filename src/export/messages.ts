// What the export says to a person, in one place: the CLI, the editor command and the tests read
// these. Whole sentences with the values named, so they can be localised later.

export const EXPORT_MESSAGES = {
  hasErrors: (model: string, count: number) =>
    count === 1
      ? `${model} has an error to fix before it can be exported: the script would train a model the playground refuses.`
      : `${model} has ${count} errors to fix before it can be exported: the script would train a model the playground refuses.`,
  noTrainedWeights: (model: string, sidecar: string) =>
    `${model} has no trained weights to export: ${sidecar} does not exist. Train the model and save its weights first (nn-playground train --save-weights, or Save Trained Weights in the editor), or export the initial weights.`,
  weightsDoNotFit: (model: string, reason: string) => `The trained weights do not fit ${model}, so they cannot be exported: ${reason}`,
  outputExists: (path: string) => `${path} already exists; pass --force to replace it.`,
  written: (what: string, path: string) => `Wrote ${what} to ${path}.`,
  replaceQuestion: (file: string) => `${file} already exists. Replace it with the exported model?`,
  replaceDetail: (file: string) => `The content of ${file} will be overwritten. The model itself is not changed.`,
  dataUnreadable: (path: string, reason: string) => `The model was not exported: its data file ${path} could not be read (${reason}).`,
  kept: (file: string) => `Kept ${file} as it was: nothing was exported.`,
  notebookIntro: (model: string, source: string) =>
    `This notebook trains ${model} (exported from ${source}) with PyTorch, the same way NN Playground trains it: same data, same initial weights, same batch order and dropout masks, same loss and optimiser. In float64 its loss curve matches the playground's.`,
} as const;

/** What each export target is called in messages and pickers. */
export const EXPORT_TARGET_NAMES = {
  pytorch: 'a PyTorch script',
  notebook: 'a Jupyter notebook',
} as const;
