// Problems that need the data itself: a CSV's columns once the host has read the file, and the
// output width, task and fan-ins once a dataset has been built. The parser checks all of this
// statically where it can (generators, iris, inline); these functions close the gap for CSV.

import { makeDataset, parseCsvRecords } from '../engine/index';
import type { TaskKind } from '../engine/types';
import { fixSourceOf } from './fixes';
import { runStaticRules } from './rules/static';
import { checkOutputAgainstFacts, problem, type CheckContext } from './semantic';
import type { DataFacts, ParseResult, Problem } from './spec';
import { didYouMean } from './text/did-you-mean';
import { replaceEdit } from './text/json-edits';
import { columnCount, quoted } from '../engine/quote';
import { TRUST_MESSAGES } from './trust-messages';
import { t } from '../shared/l10n/index';

/** The part of a built dataset (or the worker's DataView) these checks need. */
export interface DataSummary {
  kind: TaskKind;
  inputSize: number;
  classes: number;
  featureNames: string[];
  /** Regression: number of target columns (1 when absent). */
  targetSize?: number;
}

function factsOf(data: DataSummary): DataFacts {
  return data.kind === 'classification'
    ? { inputSize: data.inputSize, task: 'classification', classes: data.classes, featureNames: data.featureNames }
    : { inputSize: data.inputSize, task: 'regression', targetSize: data.targetSize ?? 1, featureNames: data.featureNames };
}

function sameFacts(a: DataFacts | undefined, b: DataFacts): boolean {
  return a !== undefined && a.inputSize === b.inputSize && a.task === b.task && a.classes === b.classes && (a.targetSize ?? 1) === (b.targetSize ?? 1);
}

function isNew(existing: readonly Problem[], p: Problem): boolean {
  return !existing.some((q) => q.code === p.code && q.range.offset === p.range.offset && q.layer === p.layer);
}

/**
 * Extra problems once the dataset is built: output width and task for a CSV, and the static
 * rules that need the input width (init saturation, symmetry). Problems the parser already
 * reported from static facts are not repeated.
 */
export function checkAgainstData(parse: ParseResult, data: DataSummary): Problem[] {
  const spec = parse.spec;
  if (spec === undefined) return [];
  const facts = factsOf(data);
  if (sameFacts(parse.facts, facts)) return [];
  const ctx: CheckContext = { spec, facts, locations: parse.locations, src: fixSourceOf(parse.text ?? '') };
  const found = [...checkOutputAgainstFacts(ctx), ...(parse.text !== undefined ? runStaticRules(ctx) : [])];
  return found.filter((p) => isNew(parse.problems, p));
}

/** The largest CSV file read, in bytes (64 MiB: a million rows of a few columns fit). */
export const MAX_CSV_BYTES = 64 * 2 ** 20;

/** How long the editor waits for a CSV read before giving up on it. */
export const CSV_READ_TIMEOUT_MS = 10_000;

/** Why a CSV file is not read, each the reason inside csvReadProblem's sentence (read when said). */
export const CSV_REFUSALS = {
  get notRegular(): string {
    return t('it is not a regular file: a device, a pipe or a folder cannot be read as data');
  },
  tooBig: (bytes: number) => t('it holds {size} MiB; CSV files of at most {limit} MiB are read', { size: (bytes / 2 ** 20).toFixed(1), limit: String(MAX_CSV_BYTES / 2 ** 20) }),
  outside: (folder: string, allow: string) => t('it is outside {folder}, and data files are read only inside it unless {allow}', { folder, allow }),
  get timedOut(): string {
    return t('reading it took longer than {seconds} s', { seconds: String(CSV_READ_TIMEOUT_MS / 1000) });
  },
};

/** The CSV could not be read: the problem sits on the `csv` path in the model. */
export function csvReadProblem(parse: ParseResult, path: string, reason: string): Problem {
  return problem(
    { locations: parse.locations },
    'csv-unreadable',
    'error',
    'parse',
    t('Cannot read the CSV file {path} ({reason}). The path is relative to this model file.', { path: quoted(path), reason }),
    'data.csv',
  );
}

/** In Restricted Mode the CSV is not read: the problem sits on the `csv` path and says why. */
export function csvNeedsTrustProblem(parse: ParseResult, path: string): Problem {
  return problem({ locations: parse.locations }, 'csv-needs-trust', 'error', 'parse', TRUST_MESSAGES.csvNeedsTrust({ path: quoted(path) }), 'data.csv');
}

/**
 * Checks a CSV against the model once the host has read it: a misspelt column is reported on its
 * name in the model (with the columns that do exist); then the table is built (a bad cell is
 * reported with its file line) and the output layer checked against the task and classes it
 * holds, as `checkAgainstData` would after training starts: the host can refuse before a worker
 * is spent on it. `displayPath` names the file in messages (default: the path as written).
 */
export function checkCsv(parse: ParseResult, csvText: string, displayPath?: string): Problem[] {
  const spec = parse.spec;
  if (spec === undefined || spec.data.kind !== 'csv') return [];
  const data = spec.data;
  const file = displayPath ?? data.path;
  const loc = { locations: parse.locations };
  let header: string[];
  try {
    header = parseCsvRecords(csvText)[0]?.fields ?? [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [problem(loc, 'csv-invalid', 'error', 'parse', t('The CSV file {file} is not valid CSV: {reason}.', { file: quoted(file), reason }), 'data.csv')];
  }
  if (header.length === 0) {
    return [problem(loc, 'csv-empty', 'error', 'parse', t('The CSV file {file} is empty: it needs a header row of column names, then one row per sample.', { file: quoted(file) }), 'data.csv')];
  }
  const src = parse.text !== undefined ? fixSourceOf(parse.text) : undefined;
  const missing = (name: string, role: 'target' | 'feature', path: string): Problem => {
    const suggestion = didYouMean(name, header);
    const range = parse.locations.values[path];
    const fixes = suggestion !== undefined && range !== undefined && src !== undefined ? [{ title: t('Change to {name}', { name: quoted(suggestion) }), edits: [replaceEdit(src, range, JSON.stringify(suggestion))] }] : [];
    const args = { file: quoted(file), name: quoted(name), suggestion: quoted(suggestion ?? ''), columns: columnCount(header.length) };
    let message: string;
    if (role === 'target') {
      message =
        suggestion !== undefined
          ? t('The CSV file {file} has no target column {name}. Did you mean {suggestion}? It has {columns}.', args)
          : t('The CSV file {file} has no target column {name}. It has {columns}.', args);
    } else {
      message =
        suggestion !== undefined
          ? t('The CSV file {file} has no feature column {name}. Did you mean {suggestion}? It has {columns}.', args)
          : t('The CSV file {file} has no feature column {name}. It has {columns}.', args);
    }
    return problem(loc, 'csv-missing-column', 'error', 'parse', message, path, { fixes });
  };
  const problems: Problem[] = [];
  if (!header.includes(data.target)) problems.push(missing(data.target, 'target', 'data.target'));
  data.features?.forEach((name, i) => {
    if (!header.includes(name)) problems.push(missing(name, 'feature', `data.features.${i}`));
  });
  if (data.features === undefined && header.length < 2 && problems.length === 0) {
    problems.push(problem(loc, 'csv-missing-column', 'error', 'parse', t('The CSV file {file} has only one column: no feature columns are left besides the target.', { file: quoted(file) }), 'data.csv'));
  }
  if (problems.length > 0) return problems;
  let dataset: DataSummary;
  try {
    const source = {
      kind: 'csv' as const,
      text: csvText,
      target: data.target,
      ...(data.features !== undefined ? { features: data.features } : {}),
      ...(data.task !== undefined ? { task: data.task } : {}),
    };
    dataset = makeDataset(source, { testFraction: 0, standardize: false }, spec.seed);
  } catch (error) {
    const message = t('The CSV file {file}: {reason}.', { file: quoted(file), reason: error instanceof Error ? error.message : String(error) }).replace(/\.\.$/, '.');
    // A column that contradicts "task" is fixed at "task" (or in the file): the problem sits on the field.
    const onTask = (error as { field?: unknown }).field === 'task' && parse.locations.values['data.task'] !== undefined;
    return [problem(loc, onTask ? 'task-mismatch' : 'csv-invalid', 'error', 'parse', message, onTask ? 'data.task' : 'data.csv')];
  }
  return checkAgainstData(parse, dataset);
}

/** Input width of a CSV: its `features`, or every header column but the target. */
export function csvInputSize(csvText: string, features: string[] | undefined, target: string): number {
  if (features !== undefined) return features.length;
  const header = parseCsvRecords(csvText)[0]?.fields ?? [];
  return header.filter((name) => name !== target).length;
}
