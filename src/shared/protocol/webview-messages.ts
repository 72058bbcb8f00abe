// Messages between the extension host and the playground panel's webview.

import type { BiasVarianceReport } from './experiment';
import type { DataView, GridView, HealthSample, HistoryPoint, SessionState, Snapshot } from './snapshot';

/** What the panel needs to know about the model as written. */
export interface ModelSummary {
  name: string;
  fileName: string;
  inputSize: number;
  /** `init` is present when the layer overrides the network-wide init. */
  layers: { units: number; activation: string; dropout: number; init?: ModelSummary['init'] }[];
  loss: string;
  init: { distribution: string; mean?: number; std?: number; limit?: number };
  training: {
    optimizer: string;
    learningRate: number;
    batchSize: number;
    epochs: number;
    regularization: { type: string; lambda: number };
  };
  /** Whether points can be placed by hand in the decision boundary view (src/model/hand-data.ts). */
  handData?: HandDataView;
}

/** Data by hand: the classes a click can add (the engine's order), or the one line saying why not. */
export type HandDataView =
  | {
      offered: true;
      classes: string[];
      /** How many points the file holds (0: an empty plane, which the panel draws without a run). */
      points: number;
      /** The data's fixed plane in the file's values (x1 across, x2 up), when it has one. */
      plane?: { xMin: number; xMax: number; yMin: number; yMax: number };
    }
  | { offered: false; reason: string };

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

/**
 * A snapshot as the panel sends it to its webview: `health` absent means the same report as the
 * last one sent (most snapshots repeat it), as absent `parameters`, `boundary` and `theory` mean
 * the last diagrams and theory numbers. The webview keeps what it was sent last (panel-state.ts).
 */
export type SnapshotUpdate = Omit<Snapshot, 'health'> & { health?: Snapshot['health'] };

/** Defined beside Snapshot, which carries them; re-exported here, where the panel always found it. */
export type { HealthSample } from './snapshot';

export type ToWebview =
  | {
      type: 'full';
      model: ModelSummary | null;
      history: HistoryPoint[];
      snapshot: Snapshot | null;
      data: DataView | null;
      problems: ProblemView[];
      /** The session's identity (document URI), kept in the webview state to restore the panel. */
      sessionKey?: string;
      /** The session's state now (the snapshot's may be older, or there is no snapshot yet). */
      state?: SessionState;
      /** Health over time since the last reset, oldest first. */
      timeline?: HealthSample[];
      /** What the session last did on its own, and why (TrainingSession.notice). */
      notice?: string;
      /** The session's pace, epochs a second (0: as fast as possible; see src/shared/pace.ts). */
      pace?: number;
    }
  | { type: 'snapshot'; snapshot: SnapshotUpdate }
  | { type: 'state'; state: SessionState; message?: string }
  /** The session's notice changed (null: there is none now). */
  | { type: 'notice'; notice: string | null }
  | { type: 'model'; model: ModelSummary | null }
  | { type: 'problems'; problems: ProblemView[] }
  | { type: 'data'; data: DataView | null }
  | { type: 'unit-grid'; id: number; grid: GridView }
  /** The shown model's latest bias-variance measurement (null: none yet). */
  | { type: 'bias-variance'; report: BiasVarianceReport | null }
  /** The runs pinned for comparison, each as it is now (empty: none pinned). */
  | { type: 'comparison'; runs: ComparedRun[] };

/**
 * One run of the panel's comparison (src/editor/panel/comparison.ts): its curves, thinned to what a
 * chart can draw, and its gradient flow per layer at its latest health sample.
 */
export interface ComparedRun {
  /** The session's key (its document's URI). */
  key: string;
  /** The model's file name: the run's label in the legend. */
  label: string;
  state: SessionState;
  epoch: number;
  epochs: number;
  history: HistoryPoint[];
  /** Mean |∂L/∂W| per layer (first hidden layer first) at `gradientEpoch`; empty before the first sample. */
  gradients: number[];
  gradientEpoch: number | null;
}

/** What the comparison's buttons ask: pin the shown run, add another open model, train or pause them all. */
export type CompareAction = 'pin' | 'add' | 'train-all' | 'pause-all' | 'clear';

/**
 * What the webview keeps with `vscode.setState`: VS Code hands it to the panel serializer after a
 * window reload (which document to show), and back to the webview (which views were closed).
 */
export interface PanelWebviewState {
  sessionKey?: string;
  closedViews?: string[];
  logScale?: boolean;
}

export type HyperparameterField = 'learningRate' | 'batchSize' | 'regularization.type' | 'regularization.lambda';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'command'; command: 'train' | 'pause' | 'step' | 'reset' | 'export' }
  | { type: 'set-hyperparameter'; field: HyperparameterField; value: number | string }
  | { type: 'reveal-problem'; line: number; character: number }
  | { type: 'unit-grid'; id: number; layer: number; unit: number }
  | { type: 'compare'; action: CompareAction }
  | { type: 'compare-remove'; key: string }
  /** Step by one minibatch (one sample when the batch size is 1) rather than a whole epoch. */
  | { type: 'step-batch' }
  /** The pace for the model shown, epochs a second (0: as fast as possible). */
  | { type: 'set-pace'; epochsPerSecond: number }
  /** A click (or Enter/Space) on a hidden unit of the diagram: off, or back on. */
  | { type: 'toggle-unit'; layer: number; unit: number }
  /** A sample of class `classIndex` (an index into `handData.classes`) at raw inputs (x1, x2). */
  | { type: 'add-point'; x1: number; x2: number; classIndex: number }
  /** Take out the sample drawn at raw inputs (x1, x2), matched within `tolerance` per coordinate. */
  | { type: 'remove-point'; x1: number; x2: number; tolerance: number; classIndex?: number };
