// The state of one parse: the text, its line index, the problems found so far and the locations
// recorded so far. Readers take a context instead of returning problems, so that a reader that
// finds a bad value can still return a usable default and let the rest of the model be checked.

import type { Node } from 'jsonc-parser';
import { LineIndex } from '../text/line-index';
import type { Problem, Severity, SourceRange, SpecLocations, TextFix } from '../spec';

export interface ReportExtras {
  layer?: number;
  fixes?: TextFix[];
  path?: string;
}

/** How many unknown fields one model lists as separate problems; the rest get one summary. */
export const MAX_UNKNOWN_FIELDS_LISTED = 100;

export class ParseContext {
  readonly lines: LineIndex;
  readonly problems: Problem[] = [];
  readonly locations: SpecLocations;
  /**
   * Set when the JSON itself is broken: a field may then look missing only because the syntax
   * error swallowed it, so "missing field" errors are held back until the syntax is fixed.
   */
  syntaxBroken = false;

  /**
   * Unknown fields seen so far. Past MAX_UNKNOWN_FIELDS_LISTED they are counted, not listed one by
   * one (each listing compares the key against every known name), and the first one not listed is
   * kept for the summary problem.
   */
  unknownFields = 0;
  firstUnlisted: Node | undefined;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    // Without a prototype: a model's key "__proto__" (or "constructor") is then an ordinary entry.
    this.locations = { root: this.lines.range(0, text.length), layers: [], values: Object.create(null) as SpecLocations['values'], keys: Object.create(null) as SpecLocations['keys'] };
  }

  rangeOf(node: Node): SourceRange {
    return this.lines.range(node.offset, node.length);
  }

  report(code: string, severity: Severity, message: string, where: Node | SourceRange, extras: ReportExtras = {}): void {
    const range = 'type' in where ? this.rangeOf(where) : where;
    const problem: Problem = { code, severity, message, range, source: 'parse' };
    if (extras.layer !== undefined) problem.layer = extras.layer;
    if (extras.fixes !== undefined && extras.fixes.length > 0) problem.fixes = extras.fixes;
    if (extras.path !== undefined) problem.path = extras.path;
    this.problems.push(problem);
  }

  error(code: string, message: string, where: Node | SourceRange, extras?: ReportExtras): void {
    this.report(code, 'error', message, where, extras);
  }

  warning(code: string, message: string, where: Node | SourceRange, extras?: ReportExtras): void {
    this.report(code, 'warning', message, where, extras);
  }

  /** A required field is absent (not reported while the syntax is broken, see `syntaxBroken`). */
  missing(message: string, where: Node | SourceRange, extras?: ReportExtras): void {
    if (!this.syntaxBroken) this.error('missing-field', message, where, extras);
  }

  /** Records where a property's key and value sit, under its JSON path. */
  record(path: string, keyNode: Node, valueNode: Node | undefined): void {
    this.locations.keys[path] = this.rangeOf(keyNode);
    if (valueNode !== undefined) this.locations.values[path] = this.rangeOf(valueNode);
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }
}
