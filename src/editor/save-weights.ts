// Save Trained Weights, decided without `vscode`: a sidecar that already exists is replaced only
// when the person chooses Replace in a modal question; Cancel, Escape or closing the dialog leave
// it as it was. model-commands.ts supplies the file system and the dialog as plain functions.

import { t } from '../shared/l10n';

/** The one action the replace question offers, in the UI's language; a modal adds Cancel by itself. */
export function replaceAction(): string {
  return t('Replace');
}

export type SaveOutcome = 'created' | 'replaced' | 'kept' | { refused: string };

export interface SaveSteps {
  /**
   * Why the sidecar must not be written (a link, a folder, someone else's file: sidecarRefusal),
   * undefined when it may be. Asked first: a refused sidecar is neither asked about nor written.
   */
  refusal(): PromiseLike<string | undefined>;
  /** Whether the sidecar exists (checked just before writing, not when the command started). */
  exists(): PromiseLike<boolean>;
  /** Asks whether to replace it; resolves to the chosen action, undefined when dismissed. */
  askReplace(): PromiseLike<string | undefined>;
  /** Writes the sidecar (and only the sidecar). */
  write(): PromiseLike<void>;
}

/** Write when nothing would be lost, or when the person chose Replace. */
export function shouldWrite(exists: boolean, answer: string | undefined): boolean {
  return !exists || answer === replaceAction();
}

export async function saveWeightsFile(steps: SaveSteps): Promise<SaveOutcome> {
  const refused = await steps.refusal();
  if (refused !== undefined) return { refused };
  const exists = await steps.exists();
  const answer = exists ? await steps.askReplace() : undefined;
  if (!shouldWrite(exists, answer)) return 'kept';
  await steps.write();
  return exists ? 'replaced' : 'created';
}

/** The modal question: names the file and what replacing it loses; the model is never changed. */
export function replaceQuestion(sidecarName: string, modelName: string, where: string): { message: string; detail: string } {
  return {
    message: t('{file} already exists. Replace it with the trained weights of {model}?', { file: sidecarName, model: modelName }),
    detail: t('The weights saved in {where} will be overwritten. {model} itself is not changed.', { where, model: modelName }),
  };
}

/** What happened, saying where the file is. */
export function saveReport(outcome: SaveOutcome, modelName: string, where: string): string {
  if (typeof outcome === 'object') return outcome.refused;
  switch (outcome) {
    case 'created':
      return t('Saved the trained weights of {model} to {where}.', { model: modelName, where });
    case 'replaced':
      return t('Replaced {where} with the trained weights of {model}.', { model: modelName, where });
    case 'kept':
      return t('Kept {where} as it was: the trained weights of {model} were not saved.', { model: modelName, where });
  }
}
