// What the extension says about Restricted Mode and the browser host, in one place: whole sentences
// with `{name}` placeholders, so the localisation (branch l10n: `t(template, args)`) can take each
// template as its key. Free of `vscode`, so the session's problems and the editor share them.

export const TRUST_MESSAGES = {
  /** The problem on `data.csv` in an untrusted folder. */
  csvNeedsTrust:
    'The CSV file {path} is not read in Restricted Mode: this folder is not trusted, and a model file may name a data file anywhere. Trust the folder (Manage Workspace Trust) to read it; models with generated or inline data train without trust.',
  /** The log's line when a weights sidecar is left unread. */
  weightsNotLoaded: '{sidecar} was not loaded: saved weights are read only in a trusted folder, so {model} starts from its seed in Restricted Mode.',
  saveNeedsTrust:
    'The weights were not saved: writing {sidecar} beside the model needs a trusted folder, and this one is open in Restricted Mode. Trust the folder (Manage Workspace Trust), then save again.',
  exportNeedsTrust:
    'The model was not exported: writing {file} beside the model needs a trusted folder, and this one is open in Restricted Mode. Trust the folder (Manage Workspace Trust), then export again.',
  /** The button that opens VS Code's trust editor. */
  manageTrust: 'Manage Workspace Trust',
  /** A worker script that could not be loaded in the browser host. */
  workerScriptUnreadable: 'The training worker script {uri} could not be loaded: {reason}',
} as const;

/** Fills a template's `{name}` placeholders (the l10n branch's `t` does the same, with translation). */
export function fillMessage(template: string, args: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
