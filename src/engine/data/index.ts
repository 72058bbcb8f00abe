// Datasets for the engine: every source (seeded generator, bundled iris, inline arrays, CSV text)
// becomes one sample table, which is then split into train/test by the seed and standardised with
// the training split's statistics. makeDataset is the only entry point the rest of the project needs.

import { EngineError } from '../errors';
import { createRng, type Rng } from '../rng';
import type { DataOptions, DataSource, InputFeatureName, PlaneExtent } from '../types';
import { t } from '../../shared/l10n';
import { mapPlaneRows, validateFeatures } from '../features';
import { FEATURE_MESSAGES } from '../feature-messages';
import type { MakeDataset } from '../trainer-api';
import { csvToTable } from './csv';
import { generate } from './generators';
import { inlineToTable } from './inline';
import { irisTable } from './iris';
import type { SampleTable } from './samples';
import { splitTable, type StandardizedDataset } from './split';

export { PLANE } from './generators';
export { parseCsvRecords, type CsvRecord } from './csv';
export { CSV_ENCODING_NAMES, csvEncoding, decodeCsv, detectCsvEncoding, type CsvEncoding, type CsvEncodingName } from './encoding';
export { featureStatistics, type Standardization, type StandardizedDataset } from './split';
export { MAX_SAMPLES } from './samples';
export { MAX_NUMERIC_CLASSES, numericClasses, type NumericClasses } from './numeric-classes';

function toTable(source: DataSource, rng: Rng): SampleTable {
  switch (source.kind) {
    case 'generator':
      return generate(source.generator, source, rng);
    case 'dataset':
      if (source.dataset !== 'iris') throw new EngineError('invalid-data', `data: unknown dataset "${String(source.dataset)}"; known: iris`);
      return irisTable();
    case 'inline':
      return inlineToTable(source.inputs, source.targets, source.task);
    case 'csv':
      return csvToTable(source.text, source);
    default:
      throw new EngineError('invalid-data', `data: unknown source kind "${String((source as { kind: unknown }).kind)}"`);
  }
}

/**
 * Builds the train/test dataset for a data source. The same source, options and seed give identical
 * arrays. Features are standardised unless `options.standardize` is false; targets never are.
 * The result carries `standardization` (mean/std per feature) when it applies, so raw inputs can be
 * mapped into the network's coordinates.
 */
/** The table whose inputs are the features of its two columns; the columns are kept as the plane. */
function withFeatures(table: SampleTable, features: readonly InputFeatureName[]): SampleTable {
  validateFeatures(features);
  if (table.inputSize !== 2) throw new EngineError('invalid-config', FEATURE_MESSAGES.engineNotPlane({ inputs: table.inputSize }));
  const x = new Float64Array(table.n * features.length);
  mapPlaneRows({ features, mean: null, std: null }, table.x, table.n, x);
  return { ...table, inputSize: features.length, featureNames: [...features], x, features: [...features], plane: table.x };
}

export const makeDataset = ((source: DataSource, options: DataOptions, seed: number): StandardizedDataset => {
  const { testFraction } = options;
  if (typeof testFraction !== 'number' || !Number.isFinite(testFraction) || testFraction < 0 || testFraction >= 1) {
    throw new EngineError('invalid-config', `data: testFraction must be a number in [0, 1), got ${String(testFraction)}`);
  }
  const rng = createRng(seed);
  const table = toTable(source, rng);
  const dataset = splitTable(options.inputFeatures !== undefined ? withFeatures(table, options.inputFeatures) : table, testFraction, options.standardize ?? true, rng);
  if (options.plane !== undefined) dataset.gridExtent = planeGridExtent(options.plane, table.inputSize, dataset);
  return dataset;
}) satisfies MakeDataset;

/**
 * A fixed plane in the grid's coordinates: the network's standardised inputs, or with input
 * features the raw plane itself (the grid is then drawn in x1, x2 and mapped through the features).
 */
function planeGridExtent(plane: PlaneExtent, rawInputs: number, dataset: StandardizedDataset): NonNullable<StandardizedDataset['gridExtent']> {
  if (rawInputs !== 2) throw new EngineError('invalid-config', t('data: a fixed "plane" needs two inputs per sample (x1, x2); these rows have {count}.', { count: String(rawInputs) }));
  for (const range of [plane.x1, plane.x2]) {
    if (!(Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] < range[1])) {
      throw new EngineError('invalid-config', t('data: each side of "plane" must be [low, high] with low < high, got [{low}, {high}].', { low: String(range[0]), high: String(range[1]) }));
    }
  }
  const stats = dataset.inputMap === undefined ? dataset.standardization : undefined;
  const map = (v: number, j: number): number => (stats ? (v - (stats.mean[j] as number)) / (stats.std[j] as number) : v);
  return { xMin: map(plane.x1[0], 0), xMax: map(plane.x1[1], 0), yMin: map(plane.x2[0], 1), yMax: map(plane.x2[1], 1) };
}
