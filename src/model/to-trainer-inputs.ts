// A valid spec → what the engine takes: trainer options, a data source and data options.
// The CSV arrives as text read by the host (the model package never touches a file system).

import type { DataOptions, DataSource, NetworkConfig } from '../engine/types';
import type { TrainerOptions } from '../engine/trainer-api';
import { checkCsvHeader } from './csv-header';
import { quoted } from '../engine/quote';
import { t } from '../shared/l10n/index';
import { dataFacts } from './data-facts';
import { csvInputSize } from './check-data';
import type { ModelSpec } from './spec';

export interface TrainerInputs {
  options: TrainerOptions;
  data: DataSource;
  dataOptions: DataOptions;
}

/**
 * Throws an Error with a one-line message when a CSV spec comes without its text or the text
 * lacks a column the spec names (call `checkCsv` first to get those as located problems).
 */
export function toTrainerInputs(spec: ModelSpec, csvText?: string): TrainerInputs {
  const d = spec.data;
  let data: DataSource;
  let inputSize: number;
  switch (d.kind) {
    case 'generator':
      data = { kind: 'generator', generator: d.generator, samples: d.samples, noise: d.noise, ...(d.classes !== undefined ? { classes: d.classes } : {}) };
      inputSize = dataFacts(d).inputSize as number;
      break;
    case 'dataset':
      data = { kind: 'dataset', dataset: d.dataset };
      inputSize = dataFacts(d).inputSize as number;
      break;
    case 'inline':
      data = { kind: 'inline', inputs: d.inputs.map((row) => [...row]), targets: d.targets.map((row) => [...row]), ...(d.task !== undefined ? { task: d.task } : {}) };
      // A plane with no points yet still has two inputs (planRun stops before the data is built).
      inputSize = d.inputs[0]?.length ?? 2;
      break;
    case 'csv': {
      if (csvText === undefined) throw new Error(t('The CSV file {file} has not been read: its text is needed to build the data.', { file: quoted(d.path) }));
      const missing = checkCsvHeader(csvText, d.features, d.target, d.path);
      if (missing !== undefined) throw new Error(missing);
      data = { kind: 'csv', text: csvText, target: d.target, ...(d.features !== undefined ? { features: [...d.features] } : {}), ...(d.task !== undefined ? { task: d.task } : {}) };
      inputSize = csvInputSize(csvText, d.features, d.target);
      break;
    }
  }
  // With input features the network sees one input per feature, computed from the data's two.
  if (d.inputFeatures !== undefined) inputSize = d.inputFeatures.length;
  const network: NetworkConfig = {
    inputSize,
    layers: spec.layers.map((layer) => ({ ...layer, ...(layer.init !== undefined ? { init: { ...layer.init } } : {}) })),
    loss: spec.loss,
    init: { ...spec.init },
  };
  const training = { ...spec.training, regularization: { ...spec.training.regularization } };
  return {
    options: { network, training, seed: spec.seed },
    data,
    dataOptions: {
      testFraction: d.testFraction,
      standardize: d.standardize,
      ...(d.inputFeatures !== undefined ? { inputFeatures: [...d.inputFeatures] } : {}),
      ...(d.kind === 'inline' && d.plane !== undefined ? { plane: { x1: [...d.plane.x1], x2: [...d.plane.x2] } } : {}),
    },
  };
}
