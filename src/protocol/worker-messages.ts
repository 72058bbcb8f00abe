// Messages between the extension host and the training worker (worker_threads).

import type { DataOptions, DataSource, TrainingConfig } from '../engine/types';
import type { GradientCheckResult, TrainerOptions, WeightsFile } from '../engine/trainer-api';
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

export type ToWorker =
  | { type: 'init'; init: SessionInit }
  | { type: 'train' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' }
  | { type: 'update-training'; patch: Partial<TrainingConfig> }
  | { type: 'gradcheck'; id: number }
  | { type: 'export-weights'; id: number }
  | { type: 'unit-grid'; id: number; layer: number; unit: number; size: number }
  | { type: 'dispose' };

export type FromWorker =
  | { type: 'ready'; data: DataView }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'gradcheck-result'; id: number; result: GradientCheckResult }
  | { type: 'weights'; id: number; file: WeightsFile }
  | { type: 'unit-grid'; id: number; grid: GridView }
  | { type: 'error'; message: string; id?: number };
