// Everything the exported script needs to know, gathered once from the parsed model and the
// engine's own objects (data as the engine split it, weights as its generator drew them, the
// label encoding and loss kernel the trainer chose), so the script text is written from facts,
// never from a second reading of the model.

import { createTrainer, makeDataset, resolveLossKernel, type Dataset, type LossKernel, type StandardizedDataset, type TrainerOptions, type WeightsFile } from '../engine/index';
import { chooseEncoding, type LabelEncoding } from '../engine/targets';
import { toTrainerInputs, type ModelSpec } from '../model/index';
import type { JsonProblem } from '../run/json-problems';
import { initDraws } from './init-draws';

export type ExportTarget = 'pytorch' | 'notebook';
export type ExportWeights = 'initial' | 'trained';
export type ExportDtype = 'float64' | 'float32';

export interface ExportPlan {
  spec: ModelSpec;
  options: TrainerOptions;
  /** The data before standardisation, split as the engine split it (same rows, same order). */
  raw: Dataset;
  /** Mean and std of each feature over the training split, when the model standardises. */
  standardization?: { mean: Float64Array; std: Float64Array };
  encoding: LabelEncoding;
  kernel: LossKernel;
  /** Weights to start from, in the engine's layout (inputs × units, row-major). */
  weights: WeightsFile;
  weightsKind: ExportWeights;
  /** Numbers the generator gave to the initial weights before the first shuffle. */
  initDraws: number;
  /** Problems found in the text and data (warnings and notes): what `train --json` lists before training. */
  problems: JsonProblem[];
  dtype: ExportDtype;
  /** The model file's name, for the script's header. */
  source: string;
}

export interface PlanInputs {
  spec: ModelSpec;
  csvText?: string;
  /** Trained weights to start from instead of the seed's initial weights. */
  trained?: WeightsFile;
  problems: JsonProblem[];
  dtype: ExportDtype;
  source: string;
}

/** Throws EngineError when trained weights do not fit the model (the caller turns it into a refusal). */
export function makePlan(inputs: PlanInputs): ExportPlan {
  const { spec } = inputs;
  const trainerInputs = toTrainerInputs(spec, inputs.csvText);
  const { options } = trainerInputs;
  const standardized: StandardizedDataset = makeDataset(trainerInputs.data, trainerInputs.dataOptions, options.seed);
  const raw = makeDataset(trainerInputs.data, { ...trainerInputs.dataOptions, standardize: false }, options.seed);
  const trainer = createTrainer(options, standardized);
  if (inputs.trained !== undefined) trainer.importWeights(inputs.trained);
  const output = options.network.layers[options.network.layers.length - 1];
  return {
    spec,
    options,
    raw,
    ...(standardized.standardization ? { standardization: standardized.standardization } : {}),
    encoding: chooseEncoding(standardized, output.units, output.activation),
    kernel: resolveLossKernel(options.network.loss, output.activation),
    weights: trainer.exportWeights(),
    weightsKind: inputs.trained !== undefined ? 'trained' : 'initial',
    initDraws: initDraws(options.network, options.seed),
    problems: inputs.problems,
    dtype: inputs.dtype,
    source: inputs.source,
  };
}
