// The typed form of a `.nn.json` file, and the problems found in it. Pure data: the parser makes
// it from text, the training session turns it into engine options, editor adapters read its ranges.

import type { InitSpec, InputFeatureName, LayerConfig, LossName, TrainingConfig, GeneratorName, BundledDatasetName, TaskKind, PlaneExtent } from '../engine/types';
import type { CsvEncoding } from '../engine/data/encoding';

/** A span of the source text. Offsets are 0-based; lines and columns are 0-based too. */
export interface SourceRange {
  offset: number;
  length: number;
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type Severity = 'error' | 'warning' | 'info';

/** A replacement of a span of the model text that fixes a problem (becomes a quick fix). */
export interface TextFix {
  title: string;
  edits: { range: SourceRange; newText: string }[];
}

export interface Problem {
  /** Stable code, e.g. `unknown-activation`, `linear-collapse`, `sigmoid-saturation`. */
  code: string;
  severity: Severity;
  /** One or two sentences a student understands; the theory, tied to this model's numbers. */
  message: string;
  range: SourceRange;
  /** 0-based layer index when the problem is about a layer. */
  layer?: number;
  /** `static`: found from the text alone; `live`: from training statistics. */
  source: 'parse' | 'static' | 'live';
  fixes?: TextFix[];
  /** JSON path of the value the problem is about (e.g. `training.learningRate`), when there is one. */
  path?: string;
}

/** The data section as written: the CSV is still a path, read by whoever has a file system. */
export type DataSpec = (
  | { kind: 'generator'; generator: GeneratorName; samples: number; noise: number; classes?: number }
  | { kind: 'dataset'; dataset: BundledDatasetName }
  | {
      kind: 'inline';
      inputs: number[][];
      targets: number[][];
      task?: TaskKind;
      /** The part of the (x1, x2) plane the boundary shows, fixed; with it the rows may be empty (points placed by hand). */
      plane?: PlaneExtent;
    }
  | { kind: 'csv'; path: string; features?: string[]; target: string; task?: TaskKind; encoding?: CsvEncoding }
) & {
  testFraction: number;
  standardize: boolean;
  /** 2-D data: the functions of x1 and x2 the network sees instead of the two inputs (engine/features.ts). */
  inputFeatures?: InputFeatureName[];
};

export type LayerSpec = LayerConfig;

export interface ModelSpec {
  name: string;
  seed: number;
  data: DataSpec;
  layers: LayerSpec[];
  loss: LossName;
  init: InitSpec;
  training: TrainingConfig;
}

/** Where each part of the model sits in the text, for hovers, lenses and live problems. */
export interface SpecLocations {
  /** The whole top-level object. */
  root: SourceRange;
  /** Each layer's object, by index. */
  layers: SourceRange[];
  /** JSON path (e.g. `training.learningRate`, `layers.0.activation`) → range of the value. */
  values: Record<string, SourceRange>;
  /** JSON path → range of the property name (hover targets). */
  keys: Record<string, SourceRange>;
}

/**
 * What the data will look like, as far as it is known from the text alone (a CSV file's columns
 * and classes are known only once the host has read it: then the fields are undefined).
 */
export interface DataFacts {
  inputSize?: number;
  task?: 'classification' | 'regression';
  /** Classification: number of classes. */
  classes?: number;
  /** Regression: number of target columns. */
  targetSize?: number;
  featureNames?: string[];
  /** Whether one hyperplane can separate the classes (known for generators). */
  linearlySeparable?: boolean;
}

export interface ParseResult {
  /** Present when the text is valid enough to train: no problem of severity `error`. */
  spec?: ModelSpec;
  problems: Problem[];
  locations: SpecLocations;
  /** The text that was parsed: quick fixes computed later (live rules) insert text shaped like it. */
  text?: string;
  /** What the text says about the data (input width, task, classes), when known statically. */
  facts?: DataFacts;
}
