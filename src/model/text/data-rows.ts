// Adding and removing one sample of inline data (`"data": { "inputs": [...], "targets": [...] }`)
// as text edits, for the panel's points placed by hand. A sample is a row in both arrays, so an
// edit touches both; everything else (comments, other rows, trailing commas) stays byte for byte.
// A new row is written like the rows already there: on its own line with their indentation when
// they stand one per line, after them on the same line when they share one.

import { createScanner, findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: the values used.
const SyntaxKind = { CommaToken: 5, LineCommentTrivia: 12, BlockCommentTrivia: 13, LineBreakTrivia: 14, Trivia: 15, EOF: 17 } as const;
type SyntaxKind = number;

export interface RowEdit {
  offset: number;
  length: number;
  newText: string;
}

export type DataRowsEdit = { ok: true; edits: RowEdit[] } | { ok: false; reason: 'no-inline-data' };

interface InlineArrays {
  inputs: Node;
  targets: Node;
}

function inlineArrays(text: string): InlineArrays | undefined {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (tree === undefined) return undefined;
  const inputs = findNodeAtLocation(tree, ['data', 'inputs']);
  const targets = findNodeAtLocation(tree, ['data', 'targets']);
  if (inputs?.type !== 'array' || targets?.type !== 'array') return undefined;
  return { inputs, targets };
}

const end = (node: Node) => node.offset + node.length;

function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  const cr = text.indexOf('\r', offset);
  if (lf < 0) return cr < 0 ? text.length : cr;
  return cr < 0 ? lf : Math.min(lf, cr);
}

const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/**
 * The first token after `offset` that is not whitespace, a line break or a comment, with its
 * offset: a comma after an element, or what follows it.
 */
function nextToken(text: string, offset: number): { kind: SyntaxKind; offset: number; end: number } {
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  for (;;) {
    const kind = scanner.scan();
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) continue;
    return { kind, offset: scanner.getTokenOffset(), end: scanner.getTokenOffset() + scanner.getTokenLength() };
  }
}

/** Only a comma, spaces and a comment between `offset` and the end of its line. */
function restOfLineIsTrivia(text: string, offset: number): boolean {
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  const stop = lineEndOf(text, offset);
  for (;;) {
    const kind = scanner.scan();
    if (scanner.getTokenOffset() >= stop || kind === SyntaxKind.EOF || kind === SyntaxKind.LineBreakTrivia) return true;
    if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia && kind !== SyntaxKind.CommaToken) return false;
  }
}

const sameLine = (text: string, a: number, b: number) => lineStartOf(text, a) === lineStartOf(text, b);

/** `[0.25, -1]` spaced as the array's first row is (`[0,1]` → no space after the comma). */
export function rowText(values: readonly number[], like: Node | undefined, text: string): string {
  const first = like?.children?.[0];
  const spaced = first === undefined ? ', ' : (/^,\s*/.exec(text.slice(end(first))) ?? [', '])[0].replace(/[\r\n].*/s, ' ');
  return `[${values.map(String).join(spaced || ',')}]`;
}

/** The edits that append `row` (its text) to `array`, shaped like the rows there. */
function appendEdits(text: string, array: Node, row: string): RowEdit[] {
  const elements = array.children ?? [];
  const last = elements.at(-1);
  if (last === undefined) {
    const close = end(array) - 1;
    if (sameLine(text, array.offset, close)) return [{ offset: array.offset + 1, length: 0, newText: row }];
    // `[` and `]` on lines of their own: the first row goes on a line between them (after a
    // comment on the `[` line), indented one step in from the `]`, so the rows that follow line up.
    const open = array.offset + 1;
    const at = restOfLineIsTrivia(text, open) ? lineEndOf(text, open) : open;
    const closeIndent = /^[ \t]*/.exec(text.slice(lineStartOf(text, close), close))?.[0] ?? '';
    const step = closeIndent.includes('\t') ? '\t' : '  ';
    return [{ offset: at, length: 0, newText: `${eolOf(text)}${closeIndent}${step}${row}` }];
  }
  const onOwnLines = elements.length >= 2 ? !sameLine(text, (elements.at(-2) as Node).offset, last.offset) : !sameLine(text, array.offset, end(array));
  const after = nextToken(text, end(last));
  const trailingComma = after.kind === SyntaxKind.CommaToken;
  if (onOwnLines && restOfLineIsTrivia(text, end(last)) && lineStartOf(text, end(last)) !== lineStartOf(text, end(array) - 1)) {
    // A line of its own after the last row's line (its comment stays with it), indented like it.
    const start = lineStartOf(text, last.offset);
    const indent = /^[ \t]*/.exec(text.slice(start, last.offset))?.[0] ?? '';
    const lineEnd = lineEndOf(text, end(last));
    const newLine = `${eolOf(text)}${indent}${row}${trailingComma ? ',' : ''}`;
    if (trailingComma) return [{ offset: lineEnd, length: 0, newText: newLine }];
    // Two insertions at one offset have no defined order: one edit then.
    if (lineEnd === end(last)) return [{ offset: lineEnd, length: 0, newText: `,${newLine}` }];
    return [
      { offset: end(last), length: 0, newText: ',' },
      { offset: lineEnd, length: 0, newText: newLine },
    ];
  }
  if (trailingComma) return [{ offset: after.end, length: 0, newText: ` ${row},` }];
  return [{ offset: end(last), length: 0, newText: `, ${row}` }];
}

/** The edits that take element `index` out of `array`, with its comma (and its own lines). */
function removeEdits(text: string, array: Node, index: number): RowEdit[] {
  const elements = array.children ?? [];
  const element = elements[index] as Node;
  const next = elements[index + 1];
  const previous = elements[index - 1];
  const after = nextToken(text, end(element));
  const throughComma = after.kind === SyntaxKind.CommaToken ? after.end : end(element);
  const ownLine =
    lineStartOf(text, element.offset) !== lineStartOf(text, array.offset) &&
    text.slice(lineStartOf(text, element.offset), element.offset).trim() === '' &&
    restOfLineIsTrivia(text, throughComma) &&
    lineStartOf(text, throughComma) !== lineStartOf(text, end(array) - 1);
  if (ownLine) {
    // The row's whole line goes (with a comment on it, which was about this row).
    const start = lineStartOf(text, element.offset);
    let stop = lineEndOf(text, throughComma);
    stop += text.startsWith('\r\n', stop) ? 2 : stop < text.length ? 1 : 0;
    const edits: RowEdit[] = [{ offset: start, length: stop - start, newText: '' }];
    // The last row without a trailing comma: the new last row loses its comma too.
    if (next === undefined && previous !== undefined && after.kind !== SyntaxKind.CommaToken) {
      const comma = nextToken(text, end(previous));
      if (comma.kind === SyntaxKind.CommaToken) edits.unshift({ offset: comma.offset, length: 1, newText: '' });
    }
    return edits;
  }
  if (next !== undefined) return [{ offset: element.offset, length: next.offset - element.offset, newText: '' }];
  // The last row: from the previous row's end, so a trailing comma (JSONC) stays where it was.
  if (previous !== undefined) return [{ offset: end(previous), length: end(element) - end(previous), newText: '' }];
  return [{ offset: element.offset, length: throughComma - element.offset, newText: '' }];
}

/**
 * One sample more: `inputs` gains `input`, `targets` gains `target`, each as a new last row.
 * The edits are disjoint and in text order; apply them together (one WorkspaceEdit, one undo).
 */
export function addSampleEdit(text: string, input: readonly number[], target: string | readonly number[]): DataRowsEdit {
  const arrays = inlineArrays(text);
  if (arrays === undefined) return { ok: false, reason: 'no-inline-data' };
  const targetRow = typeof target === 'string' ? target : rowText(target, arrays.targets.children?.[0], text);
  const edits = [...appendEdits(text, arrays.inputs, rowText(input, arrays.inputs.children?.[0], text)), ...appendEdits(text, arrays.targets, targetRow)];
  return { ok: true, edits: edits.sort((a, b) => a.offset - b.offset) };
}

/** One sample fewer: row `index` of both `inputs` and `targets`. */
export function removeSampleEdit(text: string, index: number): DataRowsEdit {
  const arrays = inlineArrays(text);
  if (arrays === undefined || !(index >= 0 && index < (arrays.inputs.children?.length ?? 0) && index < (arrays.targets.children?.length ?? 0))) return { ok: false, reason: 'no-inline-data' };
  const edits = [...removeEdits(text, arrays.inputs, index), ...removeEdits(text, arrays.targets, index)];
  return { ok: true, edits: edits.sort((a, b) => a.offset - b.offset) };
}

/** The text of row `index` of `targets` as the file writes it (`[-1]`), to write a class the same way. */
export function targetRowText(text: string, index: number): string | undefined {
  const row = inlineArrays(text)?.targets.children?.[index];
  return row === undefined ? undefined : text.slice(row.offset, end(row));
}

/** Applies edits (disjoint, any order) to a text: what the editor does with them, for tests and callers. */
export function applyRowEdits(text: string, edits: readonly RowEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
