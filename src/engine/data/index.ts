// Datasets for the engine: every source (seeded generator, bundled iris, inline arrays, CSV text)
// becomes one sample table, which is then split into train/test by the seed and standardised with
// the training split's statistics. makeDataset is the only entry point the rest of the project needs.

import { EngineError } from '../errors';
import { createRng, type Rng } from '../rng';
import type { DataOptions, DataSource, InputFeatureName } from '../types';
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
  return splitTable(options.inputFeatures !== undefined ? withFeatures(table, options.inputFeatures) : table, testFraction, options.standardize ?? true, rng);
}) satisfies MakeDataset;
