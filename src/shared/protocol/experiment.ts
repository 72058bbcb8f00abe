// A bias-variance measurement as the panel receives it (src/experiments/report.ts builds it):
// plain data, structured-clone safe, shared by the host, the experiment worker and the webview.

import type { ExperimentPlan, ExperimentResult, RunOutput } from '../../experiments/run-experiment';
import type { CapacitySetting } from '../../experiments/sweep';

/** What the panel overlays: each run's fitted curve (1-D regression) or decision grid (2-D classification). */
export type BiasVarianceFits =
  | { kind: 'curves'; x: number[]; truth: number[]; runs: number[][] }
  | { kind: 'boundaries'; grid: { size: number; xMin: number; xMax: number; yMin: number; yMax: number }; runs: number[][] }
  | { kind: 'none' };

export interface BiasVariancePoint {
  /** The sweep's value at this point (absent without a sweep). */
  value?: number;
  result: ExperimentResult;
  fits: BiasVarianceFits;
}

export interface BiasVarianceReport {
  model: string;
  runs: number;
  /** The swept setting (absent: one measurement of the model as written). */
  setting?: CapacitySetting;
  points: BiasVariancePoint[];
  /** Index of the point with the lowest measured expected error. */
  best: number;
}

/** Host → experiment worker: train run k of the task's plan (made once, on the host: a worker plans nothing). */
export interface ExperimentRunRequest {
  task: number;
  k: number;
  plan: ExperimentPlan;
}

export type FromExperimentWorker =
  | { type: 'run'; task: number; output: RunOutput }
  | { type: 'error'; task: number; k: number; message: string };
