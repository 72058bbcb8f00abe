// What the export says to a person, in one place: the CLI, the editor command and the tests read
// these. Whole sentences through t()/tn() with `{name}` placeholders, in the UI's language.

import { t, tn } from '../shared/l10n/index';

export const EXPORT_MESSAGES = {
  hasErrors: (model: string, count: number) =>
    tn(
      count,
      '{model} has an error to fix before it can be exported: the script would train a model the playground refuses.',
      '{model} has {count} errors to fix before it can be exported: the script would train a model the playground refuses.',
      { model },
    ),
  noTrainedWeights: (model: string, sidecar: string) =>
    t(
      '{model} has no trained weights to export: {sidecar} does not exist. Train the model and save its weights first (nn-playground train --save-weights, or Save Trained Weights in the editor), or export the initial weights.',
      { model, sidecar },
    ),
  /** A fixed plane with no points yet (lesson 25 starts so): a script with no data would train nothing. */
  noPoints: (model: string, reason: string) => t('{model} has no data to train on yet, so there is nothing to export. {reason}', { model, reason }),
  weightsDoNotFit: (model: string, reason: string) => t('The trained weights do not fit {model}, so they cannot be exported: {reason}', { model, reason }),
  outputExists: (path: string) => t('{path} already exists; pass --force to replace it.', { path }),
  /** `what` is one of EXPORT_TARGET_NAMES. */
  written: (what: string, path: string) => t('Wrote {what} to {path}.', { what, path }),
  replaceQuestion: (file: string) => t('{file} already exists. Replace it with the exported model?', { file }),
  replaceDetail: (file: string) => t('The content of {file} will be overwritten. The model itself is not changed.', { file }),
  dataUnreadable: (path: string, reason: string) => t('The model was not exported: its data file {path} could not be read ({reason}).', { path, reason }),
  kept: (file: string) => t('Kept {file} as it was: nothing was exported.', { file }),
  notebookIntro: (model: string, source: string) =>
    t(
      "This notebook trains {model} (exported from {source}) with PyTorch, the same way NN Playground trains it: same data, same initial weights, same batch order and dropout masks, same loss and optimiser. In float64 its loss curve matches the playground's.",
      { model, source },
    ),
};

/**
 * What each export target is called in messages and pickers ("Wrote {what} to {path}."), in the
 * UI's language when it is read: getters, so a name read after configureL10n is translated.
 */
export const EXPORT_TARGET_NAMES: { readonly pytorch: string; readonly notebook: string } = {
  get pytorch() {
    return t('a PyTorch script');
  },
  get notebook() {
    return t('a Jupyter notebook');
  },
};
