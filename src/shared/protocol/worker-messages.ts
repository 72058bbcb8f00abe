// Messages between the extension host and the training worker (worker_threads).

import type { KernelKind } from '../../engine/wasm/kernels';
import type { DataOptions, DataSource, TrainingConfig } from '../../engine/types';
import type { GradientCheckResult, TrainerOptions, WeightsFile } from '../../engine/trainer-api';
import type { DataView, GridView, Snapshot } from './snapshot';

export interface SessionInit {
  options: TrainerOptions;
  data: DataSource;
  dataOptions: DataOptions;
  /** Saved weights to start from, when the sidecar matches the architecture. */
  weights?: WeightsFile;
  /** Minimum time between snapshots (≥ 50 ms: at most ~20 a second). */
  snapshotIntervalMs: number;
  /** Models up to this many parameters get ParametersView and boundary grids in snapshots. */
  diagramParameterLimit: number;
  /** Side of the decision-boundary grid. */
  boundaryResolution: number;
}

/** The UI's language and its message bundle, so the worker's problems read as the editor's do. */
export interface WorkerL10n {
  locale: string;
  contents: Readonly<Record<string, string>>;
}

/**
 * `generation` counts the session's runs (each init or reset starts one). The worker stamps its
 * messages with the run they belong to, so the session can drop snapshots that were already on
 * their way when it reset.
 */
export type ToWorker =
  | { type: 'init'; init: SessionInit; generation?: number; l10n?: WorkerL10n }
  | { type: 'train' }
  | { type: 'pause' }
  | { type: 'step' }
  /** One minibatch (one sample when the batch size is 1), then paused. */
  | { type: 'step-batch' }
  /** Epochs a second while training, 0 for as fast as possible (src/shared/pace.ts). */
  | { type: 'set-pace'; epochsPerSecond: number }
  | { type: 'reset'; generation?: number }
  | { type: 'update-training'; patch: Partial<TrainingConfig> }
  | { type: 'gradcheck'; id: number }
  | { type: 'export-weights'; id: number }
  | { type: 'unit-grid'; id: number; layer: number; unit: number; size: number }
  /** Switches a hidden unit off, or back on when it is off; answered by a snapshot (`unitsOff`). */
  | { type: 'toggle-unit'; layer: number; unit: number }
  | { type: 'dispose' };

/**
 * A snapshot's epochs as columns. Thousands of small objects a second are slow to copy between
 * threads (each is serialised field by field on the receiving event loop); a few typed arrays are
 * one copy each, or a transfer. `present` has bit 0 set when testCost is there (else null),
 * bit 1 for trainAccuracy, bit 2 for testAccuracy.
 */
export interface PackedPoints {
  epoch: Float64Array;
  trainCost: Float64Array;
  trainObjective: Float64Array;
  trainRegularization: Float64Array;
  testCost: Float64Array;
  trainAccuracy: Float64Array;
  testAccuracy: Float64Array;
  present: Uint8Array;
}

/**
 * Where an error without a request id happened: building the data and trainer (`init`), loading
 * weights, starting the built run (`start`: anything after the trainer exists and before `ready`,
 * e.g. memory for the first evaluation; the worker then holds no run), or training.
 */
export type WorkerErrorStage = 'init' | 'weights' | 'start' | 'training';

export type FromWorker =
  /** `kernels`: what the worker's engine runs its matrix products on (WebAssembly SIMD or scalar JavaScript). */
  | { type: 'ready'; data: DataView; generation?: number; parameterCount?: number; kernels?: KernelKind }
  /** With `packed`, `snapshot.points` is empty and the epochs are in `packed` (see TrainingLoop's options). */
  | { type: 'snapshot'; snapshot: Snapshot; generation?: number; packed?: PackedPoints }
  | { type: 'gradcheck-result'; id: number; result: GradientCheckResult }
  | { type: 'weights'; id: number; file: WeightsFile }
  | { type: 'unit-grid'; id: number; grid: GridView }
  | { type: 'error'; message: string; id?: number; generation?: number; stage?: WorkerErrorStage };
