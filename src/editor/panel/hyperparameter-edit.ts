// The panel's inputs write hyperparameters back into the `.nn.json` text, so the file stays the
// single source of truth and the edit can be undone. This computes that edit from the text alone;
// the caller turns it into a WorkspaceEdit.

import { modify, type FormattingOptions } from 'jsonc-parser';
import type { SpecLocations } from '../../model/spec';
import type { HyperparameterField } from '../../shared/protocol/webview-messages';
import { t } from '../../shared/l10n';

export interface TextSpanEdit {
  offset: number;
  length: number;
  newText: string;
}

export type HyperparameterEdit = { ok: true; edits: TextSpanEdit[] } | { ok: false; reason: string };

/** JSON path of each field inside the model file. */
export function hyperparameterPath(field: HyperparameterField): string[] {
  return ['training', ...field.split('.')];
}

/**
 * Replaces the value the parser located (`locations.values['training.learningRate']` …), or inserts
 * the key, creating `training` / `regularization` objects when absent, in the file's own indentation.
 * Returns no edits when the text already holds the value.
 */
export function hyperparameterEdit(
  text: string,
  locations: SpecLocations | undefined,
  field: HyperparameterField,
  value: number | string,
): HyperparameterEdit {
  const path = hyperparameterPath(field);
  const newText = JSON.stringify(value);
  const range = locations?.values[path.join('.')];
  if (range && locatedScalar(text, range.offset, range.length, path.at(-1) as string)) {
    const old = text.slice(range.offset, range.offset + range.length);
    if (sameValue(old, value)) return { ok: true, edits: [] };
    return { ok: true, edits: [{ offset: range.offset, length: range.length, newText }] };
  }
  // No (or outdated) location: the key is absent, or the parse lags behind the text.
  try {
    const edits = modify(text, path, value, { formattingOptions: detectFormatting(text) });
    return { ok: true, edits: edits.map((e) => ({ offset: e.offset, length: e.length, newText: e.content })) };
  } catch {
    return { ok: false, reason: t('"{parent}" is not an object, so "{field}" cannot be set in it', { parent: path.slice(0, -1).join('.'), field: String(path.at(-1)) }) };
  }
}

/** The located range still holds a number or string under `key` (the parse describes this text). */
function locatedScalar(text: string, offset: number, length: number, key: string): boolean {
  if (offset < 0 || length <= 0 || offset + length > text.length) return false;
  const before = text.slice(Math.max(0, offset - key.length - 64), offset);
  if (!new RegExp(`"${key}"\\s*:\\s*$`).test(before)) return false;
  try {
    const v: unknown = JSON.parse(text.slice(offset, offset + length));
    return typeof v === 'number' || typeof v === 'string';
  } catch {
    return false;
  }
}

function sameValue(oldText: string, value: number | string): boolean {
  try {
    return JSON.parse(oldText) === value;
  } catch {
    return false;
  }
}

/** Indentation and line ends as the file already uses them, so an insertion looks hand-written. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}
