// Whether Save Trained Weights (editor) and `--save-weights` (CLI) may write the sidecar
// `<name>.weights.json`: only when nothing is there, or when what is there is our own weights file.
// Never through a symbolic link (it could lead to the model itself, or to any file), never onto a
// folder, a device or a file of someone else's. Each host reports what it found; this decides.

import { t } from '../shared/l10n';

/** What a host found at the sidecar's path, without following a link. */
export type SidecarTarget = { kind: 'absent' } | { kind: 'symlink' } | { kind: 'directory' } | { kind: 'other' } | { kind: 'file'; text: string };

/** True when the text is a weights file this project wrote (format and version). */
export function isOwnWeightsText(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return false;
    const file = parsed as { format?: unknown; version?: unknown };
    return file.format === 'nn-playground-weights' && file.version === 1;
  } catch {
    return false;
  }
}

/** Why the sidecar must not be written, as a whole sentence naming it; undefined when it may be. */
export function sidecarRefusal(target: SidecarTarget, name: string): string | undefined {
  switch (target.kind) {
    case 'absent':
      return undefined;
    case 'symlink':
      return t('The weights were not saved: {file} is a symbolic link, and weights are never written through a link (it could lead to the model itself or to any other file). Remove the link, then save again.', { file: name });
    case 'directory':
      return t('The weights were not saved: {file} is a folder, not a weights file. Rename or remove it, then save again.', { file: name });
    case 'other':
      return t('The weights were not saved: {file} is not a regular file (a device or a pipe, say). Rename or remove it, then save again.', { file: name });
    case 'file':
      return isOwnWeightsText(target.text)
        ? undefined
        : t('The weights were not saved: {file} exists and is not an nn-playground weights file, so it is left as it is. Rename or remove it, then save again.', { file: name });
  }
}

/**
 * Why an export (a script or notebook beside the model) must not be written at that path; undefined
 * when it may be (an existing regular file is replaced only after asking, or with --force). The same
 * rule as the sidecar's, less the ownership test: never through a link, onto a folder or a device.
 */
export function exportRefusal(target: SidecarTarget, name: string): string | undefined {
  switch (target.kind) {
    case 'symlink':
      return t('The export was not written: {file} is a symbolic link, and exports are never written through a link (it could lead to the model itself or to any other file). Remove the link, or choose another path.', { file: name });
    case 'directory':
      return t('The export was not written: {file} is a folder. Rename or remove it, or choose another path.', { file: name });
    case 'other':
      return t('The export was not written: {file} is not a regular file (a device or a pipe, say). Choose another path.', { file: name });
    default:
      return undefined;
  }
}
