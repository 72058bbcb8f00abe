// The training session as the editor adapters and the panel see it. A session owns one model
// document's worker, history and state; it knows nothing of `vscode` (it is driven with text and
// callbacks), so it can be tested with a real worker under plain Node.

import type { CsvEncoding } from '../engine/data/encoding';
import type { GradientCheckResult, WeightsFile } from '../engine/trainer-api';
import type { ParseResult, Problem } from '../model/spec';
import type { DataView, GridView, HealthSample, HistoryPoint, SessionState, Snapshot } from '../shared/protocol/snapshot';
import type { StartWorker } from './worker-transport';

/** A snapshot's diagrams, as TrainingSession.diagrams keeps the last ones. */
export type SnapshotDiagrams = Pick<Snapshot, 'parameters' | 'boundary' | 'diagramId'>;

export interface Disposable {
  dispose(): void;
}

export type SessionChange =
  /** A snapshot arrived: history, latest numbers, health may have changed. */
  | { kind: 'snapshot' }
  /** State moved (idle → training → paused/finished/diverged …). */
  | { kind: 'state'; state: SessionState }
  /** The text was re-parsed. `reset` says whether training progress was discarded, and why. */
  | { kind: 'model'; reset: boolean; reason?: string }
  /** The set of problems (parse, static or live) changed. */
  | { kind: 'problems' }
  /** The data points were (re)built. */
  | { kind: 'data' }
  /** `notice` changed: the session did something on its own (reset for an edit, paused for errors). */
  | { kind: 'notice' };

/** What the host provides: the session never touches the file system itself. */
export interface SessionHost {
  /**
   * Reads a CSV file relative to the model file, decoded by decodeCsv (the model's `"encoding"`,
   * or detected when undefined). Rejects with a message naming the path.
   */
  readRelative(relativePath: string, encoding?: CsvEncoding): Promise<string>;
  /** Loads the `.weights.json` sidecar if there is one. */
  loadWeights(): Promise<WeightsFile | undefined>;
  /** Starts a training worker: worker_threads on desktop (dist/worker.js), a Web Worker in the browser. */
  startWorker: StartWorker;
  /**
   * False in a folder VS Code has not trusted (Restricted Mode): the CSV is then not read, and the
   * session says why on the model's data path. Absent means trusted (the CLI, tests).
   */
  isTrusted?(): boolean;
  /** Settings read at session start and on change. */
  settings(): SessionSettings;
  /** A line for the `NN Playground` output channel. */
  log(message: string): void;
}

export interface SessionSettings {
  /** Snapshots per second at most (default 20). */
  updateRate: number;
  /** Epochs used when the model does not say (default 300). */
  defaultMaxEpochs: number;
  /** Models above this many parameters are refused with a message naming the count (default 5e6). */
  maxParameters: number;
  /** Rule families to report: `static`, `live`. */
  diagnostics: { static: boolean; live: boolean };
  /** Epochs a second for new sessions (`nnPlayground.pace`; 0 or absent: as fast as possible). */
  pace?: number;
}

export interface TrainingSession extends Disposable {
  /** The model document's URI, as a string: the session's identity. */
  readonly key: string;
  readonly state: SessionState;
  /** The last parse of the text (always present, even when it has errors). */
  readonly parse: ParseResult;
  /** Every epoch since the last reset. */
  readonly history: readonly HistoryPoint[];
  /** The worker's last snapshot; its `points` are empty (the epochs are in `history`). */
  readonly latest: Snapshot | null;
  /**
   * The latest diagrams of this run (parameters, decision boundary): the worker sends them a few
   * times a second, so most snapshots carry none; these are the last ones sent. Null after a
   * reset until the new run sends its own, and for networks too big to draw.
   */
  readonly diagrams: SnapshotDiagrams | null;
  /**
   * Health over time since the last reset (weight percentiles and gradient flow per layer, the
   * worker's epoch-end samples), oldest first and bounded (TIMELINE_LIMIT): kept here, beside the
   * losses, so a panel opened late, hidden or reloaded draws the whole run.
   */
  readonly health: readonly HealthSample[];
  readonly data: DataView | null;
  /** Parse + static + live problems, deduplicated, each with its range in the text. */
  readonly problems: readonly Problem[];
  /**
   * What the session last did to the run on its own, and why, as a sentence to show (`Reset: the
   * units of layers[0] changed (8 → 4).`, `Paused: the model has errors…`); set the moment the edit
   * is parsed, cleared by the person's next command.
   */
  readonly notice?: string;
  onDidChange(listener: (change: SessionChange) => void): Disposable;

  /**
   * Re-parse after an edit: hyperparameters apply on the fly, architecture/data/seed reset, errors
   * pause. Called once per debounced edit, even when the text is back to what it was (then a
   * `model` change is announced without parsing): views re-read the text from that event.
   */
  updateText(text: string): void;
  /**
   * Starts the worker and builds the data without training, so the panel can show the points
   * (data by hand needs the plane before the first Train). Idempotent.
   */
  prepare?(): void;
  train(): void;
  pause(): void;
  /** One epoch. */
  step(): void;
  /** One minibatch (one sample when the batch size is 1): the counter moves by a fraction of an epoch. */
  stepBatch(): void;
  /** Epochs a second while this session trains (0: as fast as possible). */
  readonly pace: number;
  /** The panel's choice of pace, for this session's runs from now on (the setting stays as it is). */
  setPace(epochsPerSecond: number): void;
  /** Re-initialise from the seed: the same initial weights every time. */
  reset(): void;
  gradientCheck(signal?: AbortSignal): Promise<GradientCheckResult>;
  exportWeights(): Promise<WeightsFile>;
  unitGrid(layer: number, unit: number, size: number): Promise<GridView>;
  /**
   * Switches a hidden unit off, or back on when it is off (the worker answers with a snapshot whose
   * `unitsOff` lists them). Not part of the model file; a reset or a new network switches all on.
   */
  toggleUnit(layer: number, unit: number): void;
}

/**
 * The extension's sessions, one per open model document (implemented in src/editor, which maps
 * VS Code documents to sessions). The panel and commands find sessions through it.
 */
export interface SessionRegistry {
  /** The session of a model document, by URI string, when one exists. */
  get(uri: string): TrainingSession | undefined;
  /** The session of the active `.nn.json` editor, or of the one last active. */
  readonly active: TrainingSession | undefined;
  onDidChangeActive(listener: (session: TrainingSession | undefined) => void): Disposable;
  /** Every live session (for the status bar, the panel's picker, disposal). */
  all(): readonly TrainingSession[];
  /** A session was created or disposed (so holders of per-session state can let go of it). */
  readonly onDidChangeSessions?: (listener: () => void) => Disposable;
  /**
   * Keeps a session alive while its holder shows it (the panel), even after its document closes;
   * disposing the result releases it (the session then ends after the registry's grace period).
   */
  retain?(uri: string): Disposable;
}
