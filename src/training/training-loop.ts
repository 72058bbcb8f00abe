// The worker's side of a session: one trainer, driven by ToWorker messages, training in short time
// slices so that pause, step and edits are handled between slices, and reporting in throttled
// snapshots that carry only what changed since the previous one. It knows nothing of threads:
// worker.ts connects it to the parent port, so the same loop can run anywhere a `post` exists.

import { createTrainer, makeDataset } from '../engine/index';
import type { HealthReport } from '../engine/health-types';
import type { Trainer } from '../engine/trainer-api';
import type { HistoryPoint, SessionState, Snapshot } from '../protocol/snapshot';
import type { FromWorker, SessionInit, ToWorker, WorkerErrorStage } from '../protocol/worker-messages';
import { costHasDiverged, divergenceMessage } from './divergence';
import { countParameters } from './spec-diff';
import { packedBuffers, packPoints, toDataView, toGridView, toHistoryPoint, toParametersView } from './views';

/** Epochs run back to back before yielding to the message queue: short enough for a prompt pause. */
export const SLICE_MS = 12;
/** Snapshots never come closer together than this (at most ~20 a second), whatever the session asks. */
export const MIN_SNAPSHOT_INTERVAL_MS = 50;
/** Diagrams (parameters and boundary grid) at most this often while training… */
export const MIN_DIAGRAM_INTERVAL_MS = 200;
/** …and taking at most this share of the worker's time (the grid costs a forward pass per cell). */
export const DIAGRAM_TIME_SHARE = 0.05;

interface Run {
  init: SessionInit;
  trainer: Trainer;
  parameterCount: number;
  /** Target epochs, tracked here because edits change it on the fly. */
  epochs: number;
  learningRate: number;
  /** Train cost before the first epoch: the yardstick for a blown-up loss. */
  initialCost: number;
  /** Epochs finished since the last snapshot. */
  pending: HistoryPoint[];
  message?: string;
  /** Samples trained and time spent in slices since the last snapshot, for samples per second. */
  samples: number;
  busyMs: number;
  samplesPerSecond: number;
  lastDiagramAt: number;
  diagramCostMs: number;
}

/** Sends a message; `transfer` lists buffers that may be moved rather than copied. */
export type Post = (message: FromWorker, transfer?: ArrayBuffer[]) => void;

export interface TrainingLoopOptions {
  /**
   * Send each snapshot's epochs as typed-array columns (`packed`) instead of objects: much cheaper
   * for the receiving thread when a fast model finishes thousands of epochs between snapshots.
   */
  packPoints?: boolean;
}

export class TrainingLoop {
  private run: Run | null = null;
  private state: SessionState = 'idle';
  private generation = 0;
  private slice: ReturnType<typeof setImmediate> | null = null;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  /** Kept across runs, so a reset does not let a burst of snapshots through. */
  private lastSnapshotAt = -Infinity;

  constructor(
    private readonly post: Post,
    private readonly options: TrainingLoopOptions = {},
  ) {}

  /** Every message is answered or reported: nothing here may throw into the worker's event loop. */
  handle(message: ToWorker): void {
    try {
      this.dispatch(message);
    } catch (error) {
      const id = 'id' in message ? message.id : undefined;
      this.postError(error, id === undefined ? 'training' : undefined, id);
    }
  }

  /** Stops the loop and its timers (the worker is about to end). */
  dispose(): void {
    this.stopSlices();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.run = null;
  }

  private dispatch(message: ToWorker): void {
    // Without a run (building it failed, and that was reported) commands have nothing to act on;
    // requests still get an answer, an error naming why.
    const command = message.type === 'train' || message.type === 'pause' || message.type === 'step' || message.type === 'reset' || message.type === 'update-training';
    if (command && !this.run) return;
    switch (message.type) {
      case 'init':
        this.generation = message.generation ?? this.generation + 1;
        this.start(message.init);
        return;
      case 'train':
        this.train();
        return;
      case 'pause':
        if (this.state === 'training') this.setState('paused');
        return;
      case 'step':
        this.step();
        return;
      case 'reset':
        this.generation = message.generation ?? this.generation + 1;
        this.reset();
        return;
      case 'update-training':
        this.updateTraining(message.patch);
        return;
      case 'gradcheck':
        this.post({ type: 'gradcheck-result', id: message.id, result: this.requireRun().trainer.gradientCheck() });
        return;
      case 'export-weights':
        this.post({ type: 'weights', id: message.id, file: this.requireRun().trainer.exportWeights() });
        return;
      case 'unit-grid': {
        const { trainer } = this.requireRun();
        const grid = trainer.outputGrid(message.size, { layer: message.layer, unit: message.unit });
        this.post({ type: 'unit-grid', id: message.id, grid: toGridView(grid, trainer.data.inputSize) });
        return;
      }
      case 'dispose':
        this.dispose();
        return;
      default: {
        const unknown: never = message;
        throw new Error(`Unknown message ${JSON.stringify(unknown)}`);
      }
    }
  }

  private start(init: SessionInit): void {
    this.dispose();
    this.state = 'idle';
    let trainer: Trainer;
    try {
      const data = makeDataset(init.data, init.dataOptions, init.options.seed);
      trainer = createTrainer(init.options, data);
    } catch (error) {
      this.postError(error, 'init');
      return;
    }
    if (init.weights) {
      try {
        trainer.importWeights(init.weights);
      } catch (error) {
        // Saved weights of another architecture: say so and start from the seed instead.
        trainer.reset();
        this.postError(error, 'weights');
      }
    }
    const { network, training } = init.options;
    const parameterCount = countParameters(network.inputSize, network.layers);
    this.run = {
      init,
      trainer,
      parameterCount,
      epochs: training.epochs,
      learningRate: training.learningRate,
      initialCost: trainer.evaluate('train').cost,
      pending: [],
      samples: 0,
      busyMs: 0,
      samplesPerSecond: 0,
      lastDiagramAt: -Infinity,
      diagramCostMs: 0,
    };
    this.post({ type: 'ready', data: toDataView(trainer.data), generation: this.generation, parameterCount });
    this.snapshot(true);
  }

  private train(): void {
    const run = this.requireRun();
    if (this.state === 'training' || this.state === 'diverged') return;
    if (run.trainer.epoch >= run.epochs) {
      this.setState('finished');
      return;
    }
    this.setState('training');
    this.scheduleSlice();
  }

  private step(): void {
    const run = this.requireRun();
    if (this.state === 'diverged') return;
    this.stopSlices();
    const started = performance.now();
    if (this.trainOneEpoch(run)) {
      run.busyMs += performance.now() - started;
      this.state = run.trainer.epoch >= run.epochs ? 'finished' : 'paused';
    }
    this.snapshot(true);
  }

  private reset(): void {
    const run = this.requireRun();
    this.stopSlices();
    run.trainer.reset();
    run.initialCost = run.trainer.evaluate('train').cost;
    run.pending = [];
    run.message = undefined;
    run.samples = 0;
    run.busyMs = 0;
    run.lastDiagramAt = -Infinity;
    this.state = 'idle';
    this.snapshot(true);
  }

  private updateTraining(patch: Parameters<Trainer['updateTraining']>[0]): void {
    const run = this.requireRun();
    run.trainer.updateTraining(patch);
    if (patch.epochs !== undefined) run.epochs = patch.epochs;
    if (patch.learningRate !== undefined) run.learningRate = patch.learningRate;
    const done = run.trainer.epoch >= run.epochs;
    // More epochs make a finished run resumable; fewer can finish a running one.
    if (this.state === 'finished' && !done) this.state = 'paused';
    else if (this.state === 'training' && done) {
      this.stopSlices();
      this.state = 'finished';
    }
    this.snapshot(true);
  }

  private setState(state: SessionState): void {
    if (state !== 'training') this.stopSlices();
    this.state = state;
    this.snapshot(true);
  }

  private scheduleSlice(): void {
    if (!this.slice) this.slice = setImmediate(() => this.runSlice());
  }

  private stopSlices(): void {
    if (this.slice) clearImmediate(this.slice);
    this.slice = null;
  }

  /** Epochs until the slice's time is used up, then back to the event loop so messages get in. */
  private runSlice(): void {
    this.slice = null;
    const run = this.run;
    if (!run || this.state !== 'training') return;
    const started = performance.now();
    try {
      do {
        if (run.trainer.epoch >= run.epochs) {
          this.state = 'finished';
          break;
        }
        if (!this.trainOneEpoch(run)) break;
      } while (performance.now() - started < SLICE_MS);
    } catch (error) {
      this.state = 'paused';
      this.postError(error, 'training');
    }
    run.busyMs += performance.now() - started;
    const stillTraining = this.state === 'training';
    this.snapshot(!stillTraining);
    if (this.state === 'training') this.scheduleSlice();
  }

  /** False when the run diverged (state and message are then set). */
  private trainOneEpoch(run: Run): boolean {
    const report = run.trainer.trainEpoch();
    run.samples += run.trainer.data.train.n;
    run.pending.push(toHistoryPoint(report));
    if (!report.nonFinite && !costHasDiverged(report.train.cost, run.initialCost)) return true;
    this.diverge(run, report.epoch, report.train.cost, this.health(run));
    return false;
  }

  private diverge(run: Run, epoch: number, cost: number, health: HealthReport | null): void {
    this.stopSlices();
    this.state = 'diverged';
    run.message = divergenceMessage({
      epoch,
      cost,
      initialCost: run.initialCost,
      learningRate: run.learningRate,
      network: run.init.options.network,
      health,
    });
  }

  /**
   * Sends a snapshot when the last one is old enough. `urgent` (a state change, the end of a run)
   * means "soon" rather than "now": it sends at the earliest moment the rate limit allows.
   */
  private snapshot(urgent: boolean): void {
    const interval = Math.max(MIN_SNAPSHOT_INTERVAL_MS, this.run?.init.snapshotIntervalMs ?? 0);
    const wait = this.lastSnapshotAt + interval - performance.now();
    if (wait <= 0) {
      this.sendSnapshot(urgent);
    } else if (urgent && !this.snapshotTimer) {
      this.snapshotTimer = setTimeout(() => {
        this.snapshotTimer = null;
        this.sendSnapshot(true);
      }, Math.ceil(wait));
    }
  }

  private sendSnapshot(urgent: boolean): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    const run = this.run;
    if (!run) return;
    try {
      this.buildAndSendSnapshot(run, urgent);
    } catch (error) {
      // Also reached from a timer: an engine failure here must become a message, not a crash.
      this.postError(error, 'training');
    }
  }

  private buildAndSendSnapshot(run: Run, urgent: boolean): void {
    const now = performance.now();
    this.lastSnapshotAt = now;
    const health = this.health(run);
    if (health?.nonFinite && this.state !== 'diverged' && run.trainer.epoch > 0) {
      const last = run.pending[run.pending.length - 1];
      this.diverge(run, run.trainer.epoch, last ? last.trainCost : NaN, health);
    }
    if (run.busyMs > 0 && run.samples > 0) {
      run.samplesPerSecond = run.samples / (run.busyMs / 1000);
      run.samples = 0;
      run.busyMs = 0;
    }
    const snapshot: Snapshot = {
      state: this.state,
      epoch: run.trainer.epoch,
      epochs: run.epochs,
      samplesPerSecond: Math.round(run.samplesPerSecond),
      points: run.pending,
      health,
      ...(run.message ? { message: run.message } : {}),
    };
    run.pending = [];
    this.addDiagrams(run, snapshot, urgent || this.state !== 'training', now);
    if (this.options.packPoints) {
      const packed = packPoints(snapshot.points);
      snapshot.points = [];
      this.post({ type: 'snapshot', snapshot, generation: this.generation, packed }, packedBuffers(packed));
    } else {
      this.post({ type: 'snapshot', snapshot, generation: this.generation });
    }
  }

  /** Parameters and the output grid, for small networks only and only as often as they are cheap. */
  private addDiagrams(run: Run, snapshot: Snapshot, force: boolean, now: number): void {
    if (run.parameterCount > run.init.diagramParameterLimit) return;
    const spacing = Math.max(MIN_DIAGRAM_INTERVAL_MS, run.diagramCostMs / DIAGRAM_TIME_SHARE);
    if (!force && now - run.lastDiagramAt < spacing) return;
    const started = performance.now();
    snapshot.parameters = toParametersView(run.trainer);
    const inputSize = run.trainer.data.inputSize;
    // A boundary over the first two inputs is only the whole picture when there are at most two.
    if (inputSize <= 2 && run.init.boundaryResolution > 0) {
      snapshot.boundary = toGridView(run.trainer.outputGrid(run.init.boundaryResolution), inputSize);
    }
    run.lastDiagramAt = now;
    run.diagramCostMs = performance.now() - started;
  }

  private health(run: Run): HealthReport | null {
    // Before the first epoch there may be no statistics yet; that is not an error worth reporting.
    if (run.trainer.epoch === 0) {
      try {
        return run.trainer.health();
      } catch {
        return null;
      }
    }
    return run.trainer.health();
  }

  private requireRun(): Run {
    if (!this.run) throw new Error('The training worker has no model yet (it was not initialised, or initialising failed).');
    return this.run;
  }

  private postError(error: unknown, stage: WorkerErrorStage | undefined, id?: number): void {
    const message = error instanceof Error ? error.message : String(error);
    this.post({
      type: 'error',
      message,
      generation: this.generation,
      ...(id !== undefined ? { id } : {}),
      ...(stage ? { stage } : {}),
    });
  }
}
