// CSV text -> sample table. Reading the file is the model loader's job; this parses what it read.
//
// Format: RFC 4180 with a header row. Fields are separated by commas; a field in double quotes may
// hold commas, line breaks and doubled quotes (""). Unquoted fields are trimmed, blank lines skipped.
// Every feature column must be numeric. The target decides the task: when every target cell is a
// number it is regression; otherwise the distinct texts become classes, numbered in the order they
// first appear. A `task` given by the data section overrides that: "regression" needs every target
// to be a number; "classification" of a numeric column makes each distinct value a class, in
// increasing order (numeric-classes.ts), so a 0/1 label column is two classes. Errors name the file
// line and the column, as a person would look for them.

import { t } from '../../shared/l10n/index';
import { columnCount, quoted } from '../quote';
import type { TaskKind } from '../types';
import { fail, failOnTask } from './fail';
import { classLabels, MAX_NUMERIC_CLASSES, numericClasses } from './numeric-classes';
import type { SampleTable } from './samples';
import { MAX_SAMPLES } from './samples';

export interface CsvRecord {
  /** 1-based line in the text where the record starts. */
  line: number;
  fields: string[];
}

/** Splits CSV text into records of raw fields (quotes removed, unquoted fields trimmed). */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  // A record whose only field was quoted ("") is a value, not a blank line.
  let quotedSeen = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first name

  const endField = () => {
    fields.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === '' && !quotedSeen;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    quotedSeen = false;
  };

  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field.trim() === '' && !quoted) {
      // Opening quote: read to the closing quote, keeping everything inside verbatim.
      const openedAt = line;
      quoted = true;
      quotedSeen = true;
      field = '';
      i++;
      for (;;) {
        if (i >= text.length) fail(t('CSV line {line}: a quoted field is never closed', { line: String(openedAt) }));
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      // Only spaces may sit between the closing quote and the next separator.
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        fail(t('CSV line {line}: unexpected text after a closing quote', { line: String(line) }));
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return records;
}

/** A finite number written in decimal or scientific notation; anything else is text. */
function parseNumber(cell: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell)) return null;
  const value = Number(cell);
  return Number.isFinite(value) ? value : null;
}

export interface CsvOptions {
  features?: string[];
  target: string;
  /** Overrides what the target column is read as; absent: numbers are regression, text is classes. */
  task?: TaskKind;
}

export function csvToTable(text: string, options: CsvOptions): SampleTable {
  const records = parseCsvRecords(text);
  if (records.length === 0) fail(t('CSV is empty: expected a header row with column names, then one row per sample'));
  const [header, ...rows] = records;
  const names = header.fields;
  const seen = new Map<string, number>();
  names.forEach((name, column) => {
    if (seen.has(name)) fail(t('CSV line {line}: column {name} appears twice in the header', { line: String(header.line), name: quoted(name) }));
    seen.set(name, column);
  });
  const columnOf = (name: string, role: 'target' | 'feature'): number => {
    const column = seen.get(name);
    if (column === undefined) {
      const args = { name: quoted(name), columns: columnCount(names.length) };
      fail(role === 'target' ? t('CSV has no target column {name}; it has {columns}', args) : t('CSV has no feature column {name}; it has {columns}', args));
    }
    return column;
  };

  const targetColumn = columnOf(options.target, 'target');
  const featureNames = options.features ?? names.filter((_, column) => column !== targetColumn);
  if (featureNames.length === 0) fail(t('CSV: no feature columns left besides the target'));
  const featureColumns = featureNames.map((name) => columnOf(name, 'feature'));
  if (featureColumns.includes(targetColumn)) fail(t('CSV: column {name} cannot be both a feature and the target', { name: quoted(options.target) }));
  if (rows.length === 0) fail(t('CSV has a header but no data rows'));
  if (rows.length > MAX_SAMPLES) fail(t('CSV has {rows} rows; at most {max} are supported', { rows: String(rows.length), max: String(MAX_SAMPLES) }));

  const n = rows.length;
  const inputSize = featureColumns.length;
  const x = new Float64Array(n * inputSize);
  const targetCells: string[] = [];
  rows.forEach((row, r) => {
    if (row.fields.length !== names.length) {
      fail(t('CSV line {line}: has {fields} fields but the header has {columns}', { line: String(row.line), fields: String(row.fields.length), columns: String(names.length) }));
    }
    featureColumns.forEach((column, j) => {
      const cell = row.fields[column];
      const value = parseNumber(cell);
      if (value === null) {
        const at = { line: String(row.line), name: quoted(names[column]), cell: quoted(cell) };
        fail(cell === '' ? t('CSV line {line}, column {name}: the cell is empty', at) : t('CSV line {line}, column {name}: {cell} is not a number', at));
      }
      x[r * inputSize + j] = value;
    });
    const target = row.fields[targetColumn];
    if (target === '') fail(t('CSV line {line}, column {name}: the target cell is empty', { line: String(row.line), name: quoted(options.target) }));
    targetCells.push(target);
  });

  const numericTargets = targetCells.map(parseNumber);
  const y = new Float64Array(n);
  const numeric = numericTargets.every((value) => value !== null);
  if (options.task === 'regression' && !numeric) {
    const r = numericTargets.indexOf(null);
    failOnTask(
      t('CSV line {line}, column {name}: {cell} is not a number, but "task": "regression" predicts a number; without "task", text labels become classes', {
        line: String(rows[r].line),
        name: quoted(options.target),
        cell: quoted(targetCells[r]),
      }),
    );
  }
  if (numeric && options.task === 'classification') {
    const values = numericTargets as number[];
    const classes = numericClasses(values);
    if (!classes.ok) {
      if (classes.reason === 'not-integer') {
        failOnTask(
          t('CSV line {line}, column {name}: {cell} is not a whole number, but "task": "classification" makes each value of the target a class; use "task": "regression" to predict it as a number', {
            line: String(rows[classes.index].line),
            name: quoted(options.target),
            cell: quoted(targetCells[classes.index]),
          }),
        );
      }
      if (classes.reason === 'too-many') {
        failOnTask(
          t('CSV target column {name} holds {distinct} distinct numbers, but "task": "classification" allows at most {max} classes (one per value): a column with that many values is a quantity, use "task": "regression"', {
            name: quoted(options.target),
            distinct: String(classes.distinct),
            max: String(MAX_NUMERIC_CLASSES),
          }),
        );
      }
      failOnTask(t('CSV target column {name} holds the single value {value}: "task": "classification" needs at least two classes', { name: quoted(options.target), value: targetCells[0] }));
    }
    y.set(classLabels(values, classes.classValues));
    return { kind: 'classification', n, inputSize, targetSize: 1, classes: classes.classValues.length, featureNames, classNames: classes.classValues.map(String), x, y };
  }
  if (numeric) {
    numericTargets.forEach((value, r) => (y[r] = value as number));
    return { kind: 'regression', n, inputSize, targetSize: 1, classes: 0, featureNames, x, y };
  }
  const classNames: string[] = [];
  const classIndex = new Map<string, number>();
  targetCells.forEach((cell, r) => {
    let index = classIndex.get(cell);
    if (index === undefined) {
      index = classNames.length;
      classIndex.set(cell, index);
      classNames.push(cell);
    }
    y[r] = index;
  });
  if (classNames.length < 2) fail(t('CSV target column {name} has a single class ({label}): nothing to learn', { name: quoted(options.target), label: quoted(classNames[0]) }));
  return { kind: 'classification', n, inputSize, targetSize: 1, classes: classNames.length, featureNames, classNames, x, y };
}
