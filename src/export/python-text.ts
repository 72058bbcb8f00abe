// How values are written as Python source: numbers as the shortest text that reads back as the
// same float64 (JavaScript's String(x) is exactly that, and Python's float() parses it exactly),
// strings as JSON strings (valid Python literals), and long tables a row per line.

import { t } from '../shared/l10n/index';

/** A finite number as a Python literal that reads back bit for bit. */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(t('Only finite numbers can be exported, got {value}.', { value: String(value) }));
  // -0 would read back as the integer 0 in Python; as a float literal it keeps its sign.
  if (Object.is(value, -0)) return '-0.0';
  return String(value);
}

/** A string as a Python literal (a JSON string is one, escapes included). */
export function pyString(value: string): string {
  return JSON.stringify(value);
}

export function pyList(values: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; i++) parts.push(pyNumber(values[i]));
  return `[${parts.join(', ')}]`;
}

/** A row-major table (rows × cols) as a list of lists, one row per line, indented. */
export function pyTable(values: ArrayLike<number>, rows: number, cols: number, indent = '    '): string {
  if (rows === 0) return '[]';
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) row.push(pyNumber(values[r * cols + c]));
    lines.push(`${indent}[${row.join(', ')}],`);
  }
  return `[\n${lines.join('\n')}\n]`;
}

/** A JSON value as a Python literal (true/false/null become True/False/None). */
export function pyValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, v]) => `${pyString(key)}: ${pyValue(v)}`);
  return `{${entries.join(', ')}}`;
}

/** Each line of a multi-line text as a Python comment. */
export function pyComment(text: string, indent = ''): string {
  return text
    .split('\n')
    .map((line) => `${indent}# ${line}`.trimEnd())
    .join('\n');
}
