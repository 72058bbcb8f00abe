// Test helpers: models as text, and exact-range assertions computed independently of the parser
// (by searching the text and splitting it into lines), so a wrong offset or line cannot pass.

import { expect } from 'vitest';
import { parseModel } from '../../../src/model/index';
import type { ParseResult, Problem, SourceRange, TextFix } from '../../../src/model/spec';

export const XOR_TEXT = `{
  "name": "XOR needs a hidden layer",
  "seed": 7,
  "data": { "generator": "xor", "samples": 400, "noise": 0.1, "testFraction": 0.3 },
  "layers": [
    { "units": 4, "activation": "tanh" },
    { "units": 1, "activation": "sigmoid", "dropout": 0 }
  ],
  "loss": "cross-entropy",
  "init": { "distribution": "gaussian", "mean": 0, "std": 0.5 },
  "training": {
    "optimizer": "sgd", "learningRate": 0.1, "batchSize": 10, "epochs": 300,
    "regularization": { "type": "l2", "lambda": 0.001 },
    "dropoutMode": "inverted"
  }
}
`;

/** A model from parts, pretty-printed like a hand-written file (one layer per line). */
export function model(parts: Record<string, unknown>): string {
  const lines = Object.entries(parts).map(([key, value]) => {
    if (key === 'layers' && Array.isArray(value)) {
      return `  "layers": [\n${value.map((l) => `    ${JSON.stringify(l)}`).join(',\n')}\n  ]`;
    }
    return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** 0-based line/character of an offset, computed the plain way. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function textOf(text: string, range: SourceRange): string {
  return text.slice(range.offset, range.offset + range.length);
}

/**
 * Asserts the range covers exactly one appearance of `snippet`: the `where`-th (0-based) one, or
 * the first one right after the text `where` when it is a string.
 */
export function expectRangeAt(text: string, range: SourceRange, snippet: string, where: number | string = 0): void {
  let offset = -1;
  if (typeof where === 'string') {
    // The context matches with or without a space before the snippet (`"a":1` or `"a": 1`).
    const tight = text.indexOf(where + snippet);
    const spaced = text.indexOf(`${where} ${snippet}`);
    offset = tight >= 0 ? tight + where.length : spaced >= 0 ? spaced + where.length + 1 : -1;
  } else {
    for (let i = 0; i <= where; i++) offset = text.indexOf(snippet, offset + 1);
  }
  expect(offset, `"${snippet}" occurs in the text`).toBeGreaterThanOrEqual(0);
  expect(textOf(text, range)).toBe(snippet);
  expect(range.offset).toBe(offset);
  expect(range.length).toBe(snippet.length);
  expect(range.start).toEqual(positionOf(text, offset));
  expect(range.end).toEqual(positionOf(text, offset + snippet.length));
}

export function codes(result: ParseResult | Problem[]): string[] {
  return (Array.isArray(result) ? result : result.problems).map((p) => p.code);
}

export function only(result: ParseResult | Problem[], code: string): Problem {
  const found = (Array.isArray(result) ? result : result.problems).filter((p) => p.code === code);
  expect(found.map((p) => p.code), `exactly one ${code} in ${JSON.stringify(codes(result))}`).toEqual([code]);
  return found[0];
}

/** Applies a fix's edits (from the end backwards, as an editor does). */
export function applyFix(text: string, fix: TextFix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.offset - a.range.offset);
  for (let i = 1; i < edits.length; i++) expect(edits[i].range.offset + edits[i].range.length, 'edits do not overlap').toBeLessThanOrEqual(edits[i - 1].range.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.offset) + e.newText + out.slice(e.range.offset + e.range.length);
  return out;
}

export function parse(text: string): ParseResult {
  return parseModel(text);
}
