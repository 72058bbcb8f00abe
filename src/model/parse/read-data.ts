// `data`: where the samples come from. Exactly one of four forms (generator, bundled dataset,
// inline arrays, CSV file), each with its own fields, plus `testFraction` and `standardize`.

import type { Node } from 'jsonc-parser';
import { CSV_ENCODING_NAMES, csvEncoding, MAX_NUMERIC_CLASSES, MAX_SAMPLES, numericClasses } from '../../engine/index';
import { quoted } from '../../engine/quote';
import { BUNDLED_DATASETS, GENERATORS, INPUT_FEATURES, type InputFeatureName, type PlaneExtent, type TaskKind } from '../../engine/types';
import { FEATURE_MESSAGES } from '../../engine/feature-messages';
import { t, tn } from '../../shared/l10n/index';
import { DEFAULTS } from '../defaults';
import type { DataSpec } from '../spec';
import { DATA_COMMON_KEYS, DATA_FORM_KEYS, GENERATOR_FACTS, TASK_KINDS } from '../vocabulary';
import type { ParseContext } from './context';
import { describeValue, joinPath, readObject, reportUnknownName, type ObjectView } from './object-view';

type Form = keyof typeof DATA_FORM_KEYS;
const FORM_MARKERS: [Form, string[]][] = [
  ['generator', ['generator']],
  ['dataset', ['dataset']],
  ['inline', ['inputs', 'targets']],
  ['csv', ['csv']],
];
/** Read when a message is made, so they follow the UI language. */
const FORM_NAMES: Record<Form, () => string> = {
  generator: () => t('a generator'),
  dataset: () => t('a bundled dataset'),
  inline: () => t('inline inputs/targets'),
  csv: () => t('a CSV file'),
};
const MAX_CLASSES = 32;

const EXAMPLE = '{ "generator": "xor", "samples": 400 }, { "dataset": "iris" }, { "inputs": [[0, 1]], "targets": [[1]] } or { "csv": "data.csv", "target": "label" }';

/** The forms whose marker keys appear in the object, in the order written in FORM_MARKERS. */
function findForms(node: Node): { form: Form; key: string }[] {
  const keys = new Set((node.children ?? []).map((p) => p.children?.[0]?.value));
  const found: { form: Form; key: string }[] = [];
  for (const [form, markers] of FORM_MARKERS) {
    const key = markers.find((m) => keys.has(m));
    if (key !== undefined) found.push({ form, key });
  }
  return found;
}

/**
 * Targets written as text labels, one per row ([["cat"], ["dog"]]): the labels are classes, as the
 * README says, numbered in the order they first appear. Returned as those class numbers in one
 * column, with TEXT_LABELS marking the rows so the caller reads them as classes.
 */
function readTextLabels(ctx: ParseContext, node: Node, path: string): number[][] | undefined {
  const classes = new Map<string, number>();
  const rows: number[][] = [];
  for (const [r, rowNode] of (node.children ?? []).entries()) {
    const cell = rowNode.children?.[0];
    if (rowNode.type !== 'array' || rowNode.children?.length !== 1 || cell?.type !== 'string') {
      ctx.error('wrong-type', t('Row {row} of "targets" must be one text label in a list, like ["cat"], as the first row is; found {found}.', { row: String(r + 1), found: describeValue(cell ?? rowNode) }), cell ?? rowNode, { path });
      return undefined;
    }
    const label = cell.value as string;
    let index = classes.get(label);
    if (index === undefined) classes.set(label, (index = classes.size));
    rows.push([index]);
  }
  TEXT_LABELS.add(rows);
  return rows;
}

/** Target rows that came from text labels (readTextLabels): always classes. */
const TEXT_LABELS = new WeakSet<number[][]>();

/** Reads a list of rows of numbers; reports the first bad element on its exact range. */
function readMatrix(ctx: ParseContext, view: ObjectView, key: 'inputs' | 'targets', emptyAllowed: boolean): number[][] | undefined {
  const field = view.field(key);
  if (field?.value === undefined) return undefined;
  const node = field.value;
  if (key === 'targets' && node.type === 'array' && node.children?.[0]?.children?.[0]?.type === 'string') return readTextLabels(ctx, node, field.path);
  if (node.type !== 'array') {
    view.typeError(field, t('a list of rows, each a list of numbers, like [[0, 1], [1, 0]]'));
    return undefined;
  }
  const rows: number[][] = [];
  let width = -1;
  let widthRow = -1;
  for (const [r, rowNode] of (node.children ?? []).entries()) {
    if (rowNode.type !== 'array') {
      ctx.error('wrong-type', t('Row {row} of "{key}" must be a list of numbers like [0, 1]; found {found}.', { row: String(r + 1), key, found: describeValue(rowNode) }), rowNode, { path: field.path });
      return undefined;
    }
    const row: number[] = [];
    for (const cell of rowNode.children ?? []) {
      if (cell.type !== 'number' || !Number.isFinite(cell.value)) {
        ctx.error('wrong-type', t('Every value of "{key}" must be a finite number; row {row} holds {found}.', { key, row: String(r + 1), found: describeValue(cell) }), cell, { path: field.path });
        return undefined;
      }
      row.push(cell.value as number);
    }
    if (row.length === 0) {
      ctx.error('inline-shape', t('Row {row} of "{key}" is empty; every row needs at least one number.', { row: String(r + 1), key }), rowNode, { path: field.path });
      return undefined;
    }
    if (width === -1) {
      width = row.length;
      widthRow = r;
    } else if (row.length !== width) {
      ctx.error(
        'inline-shape',
        key === 'inputs'
          ? tn(row.length, 'Row {row} of "inputs" has {count} value but row {first} has {width}: every sample needs the same number of features (the input layer\'s width).', 'Row {row} of "inputs" has {count} values but row {first} has {width}: every sample needs the same number of features (the input layer\'s width).', { row: String(r + 1), first: String(widthRow + 1), width: String(width) })
          : tn(row.length, 'Row {row} of "targets" has {count} value but row {first} has {width}: every sample needs the same number of target values.', 'Row {row} of "targets" has {count} values but row {first} has {width}: every sample needs the same number of target values.', { row: String(r + 1), first: String(widthRow + 1), width: String(width) }),
        rowNode,
        { path: field.path },
      );
      return undefined;
    }
    rows.push(row);
  }
  if (rows.length === 0 && !emptyAllowed) {
    ctx.error('inline-shape', t('"{key}" is empty: list at least one row.', { key }), node, { path: field.path });
    return undefined;
  }
  if (rows.length > MAX_SAMPLES) {
    ctx.error('inline-shape', t('"{key}" has {rows} rows; at most {max} are supported.', { key, rows: String(rows.length), max: String(MAX_SAMPLES) }), node, { path: field.path });
    return undefined;
  }
  return rows;
}

function readStringList(ctx: ParseContext, view: ObjectView, key: string, meaning: string): string[] | undefined {
  const field = view.field(key);
  if (field?.value === undefined) return undefined;
  const node = field.value;
  if (node.type !== 'array') {
    view.typeError(field, t('a list of column names like ["x1", "x2"] ({meaning})', { meaning }));
    return undefined;
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (const [i, item] of (node.children ?? []).entries()) {
    ctx.locations.values[joinPath(field.path, i)] = ctx.rangeOf(item);
    if (item.type !== 'string') {
      ctx.error('wrong-type', t('Every entry of "{key}" must be a column name in quotes; found {found}.', { key, found: describeValue(item) }), item, { path: field.path });
      return undefined;
    }
    const name = item.value as string;
    if (seen.has(name)) {
      ctx.error('duplicate-column', t('{name} is listed twice in "{key}"; each column is one input.', { name: quoted(name), key }), item, { path: field.path });
      return undefined;
    }
    seen.add(name);
    names.push(name);
  }
  if (names.length === 0) {
    ctx.error('inline-shape', t('"{key}" is empty: list at least one column ({meaning}).', { key, meaning }), node, { path: field.path });
    return undefined;
  }
  return names;
}

/** Said with an unknown `"task"`, after the known names. */
const taskHelp = (): string => t('Omit "task" to let the targets decide: text labels and 0…K−1 labels are classes, other numbers are predicted as numbers.');

/** Said with an unknown `"encoding"`, after the known names. */
const encodingHelp = (): string => t('Omit "encoding" to let the bytes decide: UTF-8 when they are valid UTF-8, otherwise GB18030 (what Chinese Excel saves; "gbk" is read as GB18030).');

/** Inline inputs and targets of different lengths, each count with its own plural. */
function rowMismatch(inputs: number, targets: number): string {
  const args = { inputs: String(inputs), targets: String(targets) };
  if (inputs === 1) return t('1 input row but {targets} target rows: each sample pairs one row of inputs with one row of targets.', args);
  if (targets === 1) return t('{inputs} input rows but 1 target row: each sample pairs one row of inputs with one row of targets.', args);
  return t('{inputs} input rows but {targets} target rows: each sample pairs one row of inputs with one row of targets.', args);
}

/** The spec's `task` field, present only when written. */
const taskOf = (task: TaskKind | undefined): { task?: TaskKind } => (task !== undefined ? { task } : {});

/**
 * `"task": "classification"` on inline targets, checked where the engine would refuse it
 * (src/engine/data/inline.ts), each problem on the value to change: several columns must be
 * one-hot rows; a single column must hold whole numbers, 2 to MAX_NUMERIC_CLASSES distinct ones.
 */
function checkInlineClasses(ctx: ParseContext, view: ObjectView, targets: number[][]): boolean {
  const targetsNode = view.value('targets') as Node;
  const taskField = view.field('task');
  const taskNode = taskField?.value as Node;
  const width = targets[0].length;
  if (width >= 2) {
    const r = targets.findIndex((row) => !(row.every((v) => v === 0 || v === 1) && row.filter((v) => v === 1).length === 1));
    if (r < 0) return true;
    ctx.error(
      'task-mismatch',
      t('Row {row} of "targets" is not one-hot, but "task": "classification" with {width} target columns reads each row as a single 1 (the class) among 0s. Write one-hot rows, a single column of class numbers, or use "task": "regression".', { row: String(r + 1), width: String(width) }),
      targetsNode.children?.[r] ?? targetsNode,
      { path: 'data.targets' },
    );
    return false;
  }
  const values = targets.map((row) => row[0]);
  const classes = numericClasses(values);
  if (classes.ok) return true;
  switch (classes.reason) {
    case 'not-integer':
      ctx.error(
        'task-mismatch',
        t('Row {row} of "targets" holds {value}, not a whole number, but "task": "classification" makes each target value a class. Use whole-number labels, or "task": "regression" to predict numbers.', { row: String(classes.index + 1), value: String(values[classes.index]) }),
        targetsNode.children?.[classes.index]?.children?.[0] ?? targetsNode,
        { path: 'data.targets' },
      );
      return false;
    case 'too-many':
      ctx.error(
        'task-mismatch',
        t('"task": "classification" makes each distinct target a class, and "targets" holds {distinct} distinct values; at most {max} classes are supported. Targets with that many values are a quantity: use "task": "regression".', { distinct: String(classes.distinct), max: String(MAX_NUMERIC_CLASSES) }),
        taskNode,
        { path: 'data.task' },
      );
      return false;
    case 'single':
      ctx.error('task-mismatch', t('Every target is {value}: "task": "classification" needs at least two classes to tell apart.', { value: String(classes.value) }), taskNode, { path: 'data.task' });
      return false;
  }
}

/**
 * `plane`: { "x1": [low, high], "x2": [low, high] }, the part of the plane the decision boundary
 * shows, in the file's own values. Each problem is on the value to change.
 */
function readPlane(ctx: ParseContext, view: ObjectView): PlaneExtent | undefined {
  const field = view.field('plane');
  if (field?.value === undefined) return undefined;
  const node = field.value;
  const example = '{ "x1": [-1, 1], "x2": [-1, 1] }';
  if (node.type !== 'object') {
    view.typeError(field, t('an object like {example}: the part of the (x1, x2) plane the decision boundary shows', { example }));
    return undefined;
  }
  const sides = readObject(ctx, node, field.path, ['x1', 'x2'], t('the plane'));
  if (sides === undefined) return undefined;
  const ranges: [number, number][] = [];
  for (const key of ['x1', 'x2'] as const) {
    const side = sides.field(key);
    if (side?.value === undefined) {
      ctx.missing(t('"plane" needs "{key}": [low, high], the values of {key} the plane spans, like {example}.', { key, example }), node, { path: joinPath(field.path, key) });
      return undefined;
    }
    const items = side.value.type === 'array' ? (side.value.children ?? []) : [];
    const values = items.map((item) => (item.type === 'number' && typeof item.value === 'number' ? item.value : Number.NaN));
    if (values.length !== 2 || !values.every(Number.isFinite)) {
      sides.typeError(side, t('[low, high]: two finite numbers, like [-1, 1]'));
      return undefined;
    }
    const [low, high] = values as [number, number];
    if (!(low < high)) {
      ctx.error('plane-range', t('"{key}" of "plane" must go from low to high; [{low}, {high}] spans nothing.', { key, low: String(low), high: String(high) }), side.value, { path: side.path });
      return undefined;
    }
    ranges.push([low, high]);
  }
  return { x1: ranges[0] as [number, number], x2: ranges[1] as [number, number] };
}

/** `inputFeatures`: known names (did-you-mean on a typo), at least one, none twice; each on its own value. */
function readInputFeatures(ctx: ParseContext, node: Node): InputFeatureName[] | undefined {
  const path = 'data.inputFeatures';
  if (node.type !== 'array') {
    ctx.error('wrong-type', FEATURE_MESSAGES.notList({ found: describeValue(node) }), node, { path });
    return undefined;
  }
  const items = node.children ?? [];
  if (items.length === 0) {
    ctx.error('no-input-features', FEATURE_MESSAGES.empty(), node, { path });
    return undefined;
  }
  const names: InputFeatureName[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const itemPath = joinPath(path, i);
    if (item.type !== 'string') {
      ctx.error('wrong-type', FEATURE_MESSAGES.notList({ found: describeValue(item) }), item, { path: itemPath });
      ok = false;
      return;
    }
    const written = String(item.value);
    if (!(INPUT_FEATURES as readonly string[]).includes(written)) {
      reportUnknownName(ctx, item, written, INPUT_FEATURES, 'unknown-input-feature', 'input feature', { path: itemPath, explain: FEATURE_MESSAGES.explain() });
      ok = false;
      return;
    }
    if (names.includes(written as InputFeatureName)) {
      ctx.error('duplicate-input-feature', FEATURE_MESSAGES.duplicate({ name: written }), item, { path: itemPath });
      ok = false;
      return;
    }
    names.push(written as InputFeatureName);
  });
  return ok ? names : undefined;
}

export function readData(ctx: ParseContext, node: Node): DataSpec | undefined {
  if (node.type !== 'object') {
    ctx.error('wrong-type', t('"data" must be an object, one of: {examples}; found {found}.', { examples: EXAMPLE, found: describeValue(node) }), node, { path: 'data' });
    return undefined;
  }
  const forms = findForms(node);
  if (forms.length === 0) {
    readObject(ctx, node, 'data', [...DATA_COMMON_KEYS, ...Object.values(DATA_FORM_KEYS).flat()], t('the data'));
    ctx.missing(t('Say where the data comes from: {examples}.', { examples: EXAMPLE }), node, { path: 'data' });
    return undefined;
  }
  const form = forms[0].form;
  const view = readObject(ctx, node, 'data', [...DATA_COMMON_KEYS, ...DATA_FORM_KEYS[form]], t('the data ({form})', { form: FORM_NAMES[form]() }));
  if (view === undefined) return undefined;
  for (const other of forms.slice(1)) {
    const field = view.field(other.key);
    if (field !== undefined) {
      ctx.error('data-form', t('The data comes from one place: {one} ("{oneKey}") or {other} ("{otherKey}"), not both.', { one: FORM_NAMES[form](), oneKey: forms[0].key, other: FORM_NAMES[other.form](), otherKey: other.key }), field.keyNode, {
        path: field.path,
      });
    }
  }

  const testFraction =
    view.number('testFraction', {
      min: 0,
      max: 1,
      maxExclusive: true,
      rangeCode: 'rate-out-of-range',
      meaning: t('the share of samples held out to measure generalisation'),
      why: t('With 1 nothing would be left to train on.'),
    }) ?? DEFAULTS.data.testFraction;
  const standardize = view.boolean('standardize', t('rescale each feature to mean 0, std 1')) ?? DEFAULTS.data.standardize;
  const featuresNode = view.value('inputFeatures');
  const inputFeatures = featuresNode !== undefined ? readInputFeatures(ctx, featuresNode) : undefined;
  if (featuresNode !== undefined && inputFeatures === undefined) return undefined;
  const common = { testFraction, standardize, ...(inputFeatures !== undefined ? { inputFeatures } : {}) };

  switch (form) {
    case 'generator': {
      const generator = view.name('generator', GENERATORS, 'unknown-generator', 'generator');
      const samples = view.number('samples', { integer: true, min: 1, max: MAX_SAMPLES, rangeCode: 'non-positive-size', meaning: t('how many points to generate') });
      const noise = view.number('noise', { min: 0, rangeCode: 'rate-out-of-range', meaning: t('the std of Gaussian noise added to each point') });
      const classes = view.number('classes', { integer: true, min: 2, max: MAX_CLASSES, rangeCode: 'non-positive-size', meaning: t('how many classes to generate') });
      if (generator === undefined) return undefined;
      const facts = GENERATOR_FACTS[generator];
      const classesField = view.field('classes');
      if (classes !== undefined && classesField?.value !== undefined) {
        if (facts.task === 'regression') {
          ctx.error('generator-classes', t('"{generator}" is a regression task (it predicts a number), so it has no classes.', { generator }), classesField.value, { path: classesField.path });
          return undefined;
        }
        if (facts.fixedClasses !== undefined && classes !== facts.fixedClasses) {
          ctx.error('generator-classes', t('"{generator}" always has {classes} classes ({shape}); "classes" can only be {classes} here.', { generator, classes: String(facts.fixedClasses), shape: facts.shape }), classesField.value, {
            path: classesField.path,
          });
          return undefined;
        }
      }
      const spec: DataSpec = { kind: 'generator', generator, samples: samples ?? DEFAULTS.data.samples, noise: noise ?? DEFAULTS.data.noise, ...common };
      if (facts.task === 'classification' && facts.fixedClasses === undefined) spec.classes = classes ?? facts.defaultClasses;
      return spec;
    }
    case 'dataset': {
      const dataset = view.name('dataset', BUNDLED_DATASETS, 'unknown-dataset', 'dataset');
      return dataset === undefined ? undefined : { kind: 'dataset', dataset, ...common };
    }
    case 'inline': {
      const plane = readPlane(ctx, view);
      if (view.has('plane') && plane === undefined) return undefined;
      // A fixed plane is where points are placed by hand, so it may start with none.
      const inputs = readMatrix(ctx, view, 'inputs', plane !== undefined);
      const targets = readMatrix(ctx, view, 'targets', plane !== undefined);
      for (const key of ['inputs', 'targets'] as const) {
        if (view.field(key) === undefined) {
          const other = view.field(key === 'inputs' ? 'targets' : 'inputs');
          ctx.missing(
            t('Inline data needs both "inputs" (one row of features per sample) and "targets" (one row of labels or values per sample); "{key}" is missing.', { key }),
            other?.keyNode ?? node,
            { path: joinPath('data', key) },
          );
        }
      }
      const task = view.name('task', TASK_KINDS, 'unknown-task', 'task', { explain: taskHelp() });
      if (inputs === undefined || targets === undefined) return undefined;
      if (inputs.length !== targets.length) {
        const targetsNode = view.value('targets') as Node;
        ctx.error(
          'inline-shape',
          rowMismatch(inputs.length, targets.length),
          targetsNode,
          { path: 'data.targets' },
        );
        return undefined;
      }
      if (view.field('task')?.value !== undefined && task === undefined) return undefined;
      const planeField = view.field('plane');
      if (plane !== undefined && planeField !== undefined && inputs.length > 0 && (inputs[0] as number[]).length !== 2) {
        ctx.error('plane-inputs', t('"plane" is the (x1, x2) plane of points with two inputs, but these rows of "inputs" have {count} values each: remove "plane", or give each row two values.', { count: String((inputs[0] as number[]).length) }), planeField.keyNode, { path: planeField.path });
        return undefined;
      }
      const planeOf = plane !== undefined ? { plane } : {};
      if (targets.length === 0) return { kind: 'inline', inputs, targets, ...taskOf(task), ...planeOf, ...common };
      const textLabels = TEXT_LABELS.has(targets);
      if (textLabels && task === 'regression') {
        ctx.error('task-mismatch', t('"targets" holds text labels, which are classes, but "task": "regression" predicts numbers: remove "task", or write the targets as numbers.'), view.value('task') as Node, { path: 'data.task' });
        return undefined;
      }
      const effective = textLabels ? 'classification' : task;
      if (effective === 'classification' && !checkInlineClasses(ctx, view, targets)) return undefined;
      return { kind: 'inline', inputs, targets, ...taskOf(effective), ...planeOf, ...common };
    }
    case 'csv': {
      const path = view.string('csv', t('the CSV file\'s path, relative to this model file'));
      const features = readStringList(ctx, view, 'features', t('the columns used as inputs'));
      const target = view.string('target', t('the column to predict'));
      const task = view.name('task', TASK_KINDS, 'unknown-task', 'task', { explain: taskHelp() });
      const encoding = view.name('encoding', CSV_ENCODING_NAMES, 'unknown-encoding', 'encoding', { explain: encodingHelp() });
      const csvField = view.field('csv');
      if (path !== undefined && path.trim() === '' && csvField?.value !== undefined) {
        ctx.error('missing-field', t('"csv" is empty: give the path of a CSV file with a header row, relative to this model file.'), csvField.value, { path: 'data.csv' });
        return undefined;
      }
      if (!view.has('target')) {
        ctx.missing(t('A CSV needs a "target": the column to predict (text labels make classes, numbers make regression).'), view.field('csv')?.keyNode ?? node, {
          path: 'data.target',
        });
      }
      if (features !== undefined && target !== undefined && features.includes(target)) {
        const featuresNode = view.value('features') as Node;
        const item = featuresNode.children?.find((c) => c.value === target) ?? featuresNode;
        ctx.error('csv-target-is-feature', t('{name} is the target and also listed as a feature: the network would be shown the answer.', { name: quoted(target) }), item, { path: 'data.features' });
        return undefined;
      }
      if (path === undefined || target === undefined || (view.field('features') !== undefined && features === undefined)) return undefined;
      if (view.field('task')?.value !== undefined && task === undefined) return undefined;
      if (view.field('encoding')?.value !== undefined && encoding === undefined) return undefined;
      const encodingOf = encoding !== undefined ? { encoding: csvEncoding(encoding) } : {};
      return { kind: 'csv', path, target, ...(features !== undefined ? { features } : {}), ...taskOf(task), ...encodingOf, ...common };
    }
  }
}
