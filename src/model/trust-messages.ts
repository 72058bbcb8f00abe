// What the extension says about Restricted Mode and the browser host, in one place: whole sentences
// through t() with `{name}` placeholders. Free of `vscode`, so the session's problems and the
// editor share them.

import { t } from '../shared/l10n/index';

export const TRUST_MESSAGES = {
  /** The problem on `data.csv` in an untrusted folder. */
  csvNeedsTrust: (args: { path: string }) =>
    t('The CSV file {path} is not read in Restricted Mode: this folder is not trusted, and a model file may name a data file anywhere. Trust the folder (Manage Workspace Trust) to read it; models with generated or inline data train without trust.', args),
  /** The log's line when a weights sidecar is left unread. */
  weightsNotLoaded: (args: { sidecar: string; model: string }) => t('{sidecar} was not loaded: saved weights are read only in a trusted folder, so {model} starts from its seed in Restricted Mode.', args),
  saveNeedsTrust: (args: { sidecar: string }) =>
    t('The weights were not saved: writing {sidecar} beside the model needs a trusted folder, and this one is open in Restricted Mode. Trust the folder (Manage Workspace Trust), then save again.', args),
  exportNeedsTrust: (args: { file: string }) =>
    t('The model was not exported: writing {file} beside the model needs a trusted folder, and this one is open in Restricted Mode. Trust the folder (Manage Workspace Trust), then export again.', args),
  /** The button that opens VS Code's trust editor. */
  manageTrust: () => t('Manage Workspace Trust'),
  /** A worker script that could not be loaded in the browser host. */
  workerScriptUnreadable: (args: { uri: string; reason: string }) => t('The training worker script {uri} could not be loaded: {reason}', args),
};
