// Messages between the extension host and the playground panel's webview.

import type { DataView, GridView, HistoryPoint, Snapshot } from './snapshot';

/** What the panel needs to know about the model as written. */
export interface ModelSummary {
  name: string;
  fileName: string;
  inputSize: number;
  layers: { units: number; activation: string; dropout: number }[];
  loss: string;
  init: { distribution: string; mean?: number; std?: number };
  training: {
    optimizer: string;
    learningRate: number;
    batchSize: number;
    epochs: number;
    regularization: { type: string; lambda: number };
  };
}

export interface ProblemView {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** 0-based position of the problem's range start in the model file. */
  line: number;
  character: number;
  source: 'parse' | 'static' | 'live';
  layer?: number;
}

export type ToWebview =
  | {
      type: 'full';
      model: ModelSummary | null;
      history: HistoryPoint[];
      snapshot: Snapshot | null;
      data: DataView | null;
      problems: ProblemView[];
    }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'model'; model: ModelSummary | null }
  | { type: 'problems'; problems: ProblemView[] }
  | { type: 'data'; data: DataView | null }
  | { type: 'unit-grid'; id: number; grid: GridView };

export type HyperparameterField = 'learningRate' | 'batchSize' | 'regularization.type' | 'regularization.lambda';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'command'; command: 'train' | 'pause' | 'step' | 'reset' }
  | { type: 'set-hyperparameter'; field: HyperparameterField; value: number | string }
  | { type: 'reveal-problem'; line: number; character: number }
  | { type: 'unit-grid'; id: number; layer: number; unit: number };
