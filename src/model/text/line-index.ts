// Offsets ↔ 0-based line/character positions. Every problem carries both, because the editor
// wants lines and characters while the fixes and the CLI want offsets; computing both from one
// index keeps them consistent. Line breaks are \n, \r\n and a lone \r, as in VS Code.

import type { SourceRange } from '../spec';

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    // indexOf jumps over long lines (a multi-megabyte string) far faster than a loop over characters.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
      let end: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) end = lf === cr + 1 ? cr + 2 : cr + 1;
      else end = lf + 1;
      this.lineStarts.push(end);
      if (lf !== -1 && lf < end) lf = text.indexOf('\n', end);
      if (cr !== -1 && cr < end) cr = text.indexOf('\r', end);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Clamps into [0, text.length], so a range built from any offset stays inside the text. */
  clamp(offset: number): number {
    if (!Number.isFinite(offset) || offset < 0) return 0;
    return Math.min(Math.floor(offset), this.text.length);
  }

  position(offset: number): { line: number; character: number } {
    const at = this.clamp(offset);
    // Binary search for the last line starting at or before `at`.
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: at - this.lineStarts[lo] };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** The whitespace a line begins with (to indent inserted text like its neighbours). */
  indentOfLine(line: number): string {
    const start = this.lineStart(line);
    let end = start;
    while (end < this.text.length && (this.text[end] === ' ' || this.text[end] === '\t')) end++;
    return this.text.slice(start, end);
  }

  range(offset: number, length: number): SourceRange {
    const start = this.clamp(offset);
    const end = this.clamp(start + Math.max(0, length));
    return { offset: start, length: end - start, start: this.position(start), end: this.position(end) };
  }
}
