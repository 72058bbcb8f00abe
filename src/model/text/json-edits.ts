// Text edits that keep a model valid JSON and shaped like its surroundings: a property added to a
// one-line object stays on that line, one added to a multi-line object gets its own line with the
// neighbours' indentation. (jsonc-parser's `modify` re-formats the whole object, which would turn
// a tidy `{ "units": 4, "activation": "tanh" }` into five lines.)

import type { Node } from 'jsonc-parser';
import type { LineIndex } from './line-index';
import type { TextFix } from '../spec';

export interface TextSource {
  readonly text: string;
  readonly lines: LineIndex;
}

export type Edit = TextFix['edits'][number];

/** `{ "type": "l2", "lambda": 0.001 }`: one line, spaced like hand-written JSON. */
export function compactJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function replaceEdit(src: TextSource, node: { offset: number; length: number }, newText: string): Edit {
  return { range: src.lines.range(node.offset, node.length), newText };
}

export function replaceNodeFix(src: TextSource, node: Node, newText: string, title: string): TextFix {
  return { title, edits: [replaceEdit(src, node, newText)] };
}

function insertAt(src: TextSource, offset: number, newText: string): Edit {
  return { range: src.lines.range(offset, 0), newText };
}

/** Indentation to use for a new line placed like `node`: its line's indent when it starts the line. */
function indentLike(src: TextSource, node: Node): string {
  const { line, character } = src.lines.position(node.offset);
  const before = src.text.slice(src.lines.lineStart(line), node.offset);
  return before.trim() === '' ? before : ' '.repeat(character);
}

function spansOneLine(src: TextSource, node: Node): boolean {
  return src.lines.position(node.offset).line === src.lines.position(node.offset + node.length).line;
}

function indentUnit(src: TextSource): string {
  const match = /\n([ \t]+)\S/.exec(src.text);
  return match ? (match[1].startsWith('\t') ? '\t' : match[1].length >= 4 ? '    ' : '  ') : '  ';
}

function eol(src: TextSource): string {
  return src.text.includes('\r\n') ? '\r\n' : '\n';
}

/** Adds `"key": valueText` as the last property of an object. */
export function insertPropertyEdit(src: TextSource, object: Node, key: string, valueText: string): Edit {
  const entry = `${JSON.stringify(key)}: ${valueText}`;
  const properties = (object.children ?? []).filter((c) => c.type === 'property');
  if (properties.length === 0) {
    const inner = { offset: object.offset + 1, length: Math.max(0, object.length - 2) };
    const innerText = src.text.slice(inner.offset, inner.offset + inner.length);
    if (innerText.trim() !== '') return insertAt(src, object.offset + 1, ` ${entry} `);
    if (spansOneLine(src, object)) return replaceEdit(src, inner, ` ${entry} `);
    const outer = src.lines.indentOfLine(src.lines.position(object.offset).line);
    return replaceEdit(src, inner, `${eol(src)}${outer}${indentUnit(src)}${entry}${eol(src)}${outer}`);
  }
  const last = properties[properties.length - 1];
  const end = last.offset + last.length;
  if (spansOneLine(src, object)) return insertAt(src, end, `, ${entry}`);
  return insertAt(src, end, `,${eol(src)}${indentLike(src, last)}${entry}`);
}

/** Inserts `valueText` into an array before the element at `index` (or at the end). */
export function insertArrayElementEdit(src: TextSource, array: Node, index: number, valueText: string): Edit {
  const elements = array.children ?? [];
  if (elements.length === 0) return insertAt(src, array.offset + 1, valueText);
  const multiLine = !spansOneLine(src, array);
  if (index < elements.length) {
    const before = elements[Math.max(0, index)];
    return insertAt(src, before.offset, multiLine ? `${valueText},${eol(src)}${indentLike(src, before)}` : `${valueText}, `);
  }
  const last = elements[elements.length - 1];
  const end = last.offset + last.length;
  return insertAt(src, end, multiLine ? `,${eol(src)}${indentLike(src, last)}${valueText}` : `, ${valueText}`);
}

/** A number written the way a person would: 0.1/10 → "0.01", not "0.010000000000000002". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}
