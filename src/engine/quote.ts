// How text written by the user (a key, a name, a path, a column) is quoted back in a message: in
// double quotes with JSON escapes, and cut after MAX_QUOTED_CHARS characters, so that a key of a
// million characters gives a message of a normal length rather than a copy of the key.

import { tn } from '../shared/l10n/index';

/** The most characters of one user-written text that a message repeats. */
export const MAX_QUOTED_CHARS = 80;

/** `"learningRate"`; a longer text is cut and ends in `…"`. */
export function quoted(text: string): string {
  if (text.length <= MAX_QUOTED_CHARS) return JSON.stringify(text);
  let end = MAX_QUOTED_CHARS;
  // Never cut between the two halves of a surrogate pair (an emoji, say).
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${JSON.stringify(text.slice(0, end)).slice(0, -1)}…"`;
}

/**
 * "3 columns": the count, never the names. The file may not be the user's own (a path that
 * leads outside the project), so a message repeats no more of it than the names we looked for.
 */
export function columnCount(columns: number): string {
  return tn(columns, '{count} column', '{count} columns');
}
