// The worker's side of a session: one trainer, driven by ToWorker messages, training in short time
// slices (of minibatches, so a long epoch is split across slices) so that pause, step and edits are
// handled between slices, and reporting in throttled snapshots that carry only what changed since
// the previous one, with the progress of the epoch under way. It knows nothing of threads:
// worker.ts connects it to the parent port, so the same loop can run anywhere a `post` exists.

import { availableKernels } from '../engine/index';
import type { HealthReport } from '../engine/health-types';
import type { PerceptronUpdate } from '../engine/perceptron-trace';
import type { EpochProgress, Trainer } from '../engine/trainer-api';
import type { HistoryPoint, SessionState, Snapshot, TheoryMeasurement, UnitsOffView } from '../shared/protocol/snapshot';
import type { FromWorker, SessionInit, ToWorker, WorkerErrorStage } from '../shared/protocol/worker-messages';
import { configureL10n } from '../shared/l10n';
import { PaceClock } from '../shared/pace';
import { HealthSampler } from './health-samples';
import { buildData, buildTrainer, initialCost, trainStep } from '../run/run-core';
import { countParameters } from '../run/spec-diff';
import { packPoints, planeInputs, toDataView, toGridView, toParametersView } from '../run/views';
import { theoryReport } from '../run/theory-report';
import { toggledUnits, unitsOffView } from '../run/units-off';

/** Minibatches run back to back before yielding to the message queue: short enough for a prompt pause. */
export const SLICE_MS = 12;
/**
 * A snapshot's health report is recomputed only while that costs at most this share of the time
 * spent training since the last one (on a 784-128-64-10 network it costs about as much as four
 * minibatches); in between, snapshots repeat the last report.
 */
export const HEALTH_TIME_SHARE = 0.05;
/** Snapshots never come closer together than this (at most ~20 a second), whatever the session asks. */
export const MIN_SNAPSHOT_INTERVAL_MS = 50;
/** Diagrams (parameters and boundary grid) at most this often while training… */
export const MIN_DIAGRAM_INTERVAL_MS = 200;
/** …and taking at most this share of the worker's time (the grid costs a forward pass per cell). */
export const DIAGRAM_TIME_SHARE = 0.05;
/**
 * While training, the theory numbers (theoryReport: a forward pass over both splits) are measured
 * at an epoch's end only when that costs at most this share of the training time since the last
 * measurement, and at most this often (a snapshot carries one report; more would be thrown away).
 * When the run stops (pause, Step, finish) they are measured once for the weights it stopped at.
 */
export const THEORY_TIME_SHARE = 0.02;
export const MIN_THEORY_INTERVAL_MS = 250;
/** Perceptron updates a snapshot carries: the latest ones, for the panel's list. */
export const PERCEPTRON_UPDATES_SHOWN = 12;

interface Run {
  init: SessionInit;
  trainer: Trainer;
  parameterCount: number;
  /** Target epochs, tracked here because edits change it on the fly. */
  epochs: number;
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
  /** Smoothed cost of one minibatch in ms (NaN until measured), to size slices in minibatches. */
  batchMs: number;
  /** Progress of the epoch under way after the last trainBatches call. */
  progress: EpochProgress | null;
  lastHealth: HealthReport | null;
  /** Snapshot.healthId of lastHealth. */
  healthId: number;
  healthCostMs: number;
  /** Training time since the health report was last computed. */
  busySinceHealthMs: number;
  sampler: HealthSampler;
  /** The last theory numbers measured in this run, and Snapshot.theoryId of them. */
  theory: TheoryMeasurement | null;
  theoryId: number;
  /** False once the weights or hyperparameters moved since `theory` was measured. */
  theoryCurrent: boolean;
  theoryCostMs: number;
  theoryAt: number;
  /** Training time since the theory numbers were last measured. */
  busySinceTheoryMs: number;
  /** The latest perceptron updates, oldest first (at most PERCEPTRON_UPDATES_SHOWN); empty for other runs. */
  perceptron: PerceptronUpdate[];
  /** The units switched off and their effect, evaluated with the last diagrams (undefined: all on). */
  unitsOff: UnitsOffView | undefined;
}

/** Sends a message (copied, never transferred: see worker.ts). */
export type Post = (message: FromWorker) => void;

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
  /**
   * Epoch ends still to reach for Step, trained in slices like Train (so messages get in) while
   * the state stays what it was; each Step adds one.
   */
  private stepsLeft = 0;
  /** Kept across runs, so a reset does not let a burst of snapshots through. */
  private lastSnapshotAt = -Infinity;
  /**
   * Numbers health reports and diagrams (Snapshot.healthId, diagramId); never reset, so never
   * reused by this worker. It starts at the clock so that a new worker (after a crash, or a new
   * session) does not repeat the numbers the panel last saw from the old one.
   */
  private reportCount = Date.now();
  /** Epochs a second while training (0: as fast as possible); kept across runs, set by `set-pace`. */
  private readonly pace = new PaceClock();
  /** The wait before the next paced epoch: a timer, never a busy loop. */
  private paceTimer: ReturnType<typeof setTimeout> | null = null;

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
    const command = message.type === 'train' || message.type === 'pause' || message.type === 'step' || message.type === 'reset' || message.type === 'update-training' || message.type === 'toggle-unit';
    if (command && !this.run) return;
    switch (message.type) {
      case 'init':
        if (message.l10n) configureL10n(message.l10n);
        this.generation = message.generation ?? this.generation + 1;
        this.start(message.init);
        return;
      case 'train':
        this.train();
        return;
      case 'pause':
        if (this.state === 'training') this.setState('paused');
        else if (this.stepsLeft > 0) this.setState(this.state);
        return;
      case 'step':
        this.step();
        return;
      case 'step-batch':
        this.stepBatch();
        return;
      case 'set-pace':
        this.setPace(message.epochsPerSecond);
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
        this.post({ type: 'unit-grid', id: message.id, grid: toGridView(grid, planeInputs(trainer.data)) });
        return;
      }
      case 'toggle-unit':
        this.toggleUnit(message.layer, message.unit);
        return;
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
      trainer = buildTrainer(init, buildData(init));
    } catch (error) {
      this.postError(error, 'init');
      return;
    }
    // Starting is all or nothing. A throw from here to `ready` (memory for the first evaluation or
    // health sample, the data view, sending `ready`) must leave no half-built run for commands to
    // act on, and is reported as a failed start, not a training error: the session then drops the
    // run it asked for, and the next Train asks again.
    try {
      if (init.weights) {
        try {
          trainer.importWeights(init.weights);
        } catch (error) {
          // Saved weights of another architecture: say so and start from the seed instead.
          trainer.reset();
          this.postError(error, 'weights');
        }
      }
      const run = this.newRun(init, trainer);
      const ready: FromWorker = { type: 'ready', data: toDataView(trainer.data), generation: this.generation, parameterCount: run.parameterCount, kernels: availableKernels() };
      this.run = run;
      this.post(ready);
    } catch (error) {
      this.run = null;
      this.postError(error, 'start');
      return;
    }
    this.snapshot(true);
  }

  /**
   * The record of a run from its first epoch: at the start and after every reset, so nothing of
   * the run before is left in it. The trainer holds the hyperparameters as edits left them.
   */
  private newRun(init: SessionInit, trainer: Trainer): Run {
    const { network, training } = trainer.options;
    const run: Run = {
      init,
      trainer,
      parameterCount: countParameters(network.inputSize, network.layers),
      epochs: training.epochs,
      initialCost: initialCost(trainer),
      pending: [],
      samples: 0,
      busyMs: 0,
      samplesPerSecond: 0,
      lastDiagramAt: -Infinity,
      diagramCostMs: 0,
      batchMs: Number.NaN,
      progress: null,
      lastHealth: null,
      healthId: 0,
      healthCostMs: 0,
      busySinceHealthMs: 0,
      sampler: new HealthSampler(),
      theory: null,
      theoryId: 0,
      theoryCurrent: false,
      theoryCostMs: 0,
      theoryAt: -Infinity,
      busySinceTheoryMs: 0,
      perceptron: [],
      unitsOff: undefined,
    };
    // Only the perceptron rule is traced: other runs train exactly as they did without the trace.
    trainer.tracePerceptron(training.optimizer === 'perceptron');
    trainer.takePerceptronTrace();
    run.sampler.take(trainer, trainer.epoch);
    return run;
  }

  private train(): void {
    const run = this.requireRun();
    if (this.state === 'training' || this.state === 'diverged') return;
    if (run.trainer.epoch >= run.epochs) {
      this.setState('finished');
      return;
    }
    this.setState('training');
    // After a pause the next epoch may begin at once, whatever the pace.
    this.pace.clear();
    this.scheduleSlice();
  }

  /** One whole epoch, or the rest of the one under way: the counter lands on the next whole epoch. */
  private step(): void {
    this.requireRun();
    if (this.state === 'diverged') return;
    // Stepping while training means: stop at the end of this epoch.
    if (this.state === 'training') this.state = 'paused';
    this.stepsLeft++;
    this.scheduleSlice();
  }

  /**
   * One minibatch (with batch size 1, one sample), then paused: the counter moves by a fraction
   * of an epoch. Trained here and now: a minibatch is the smallest step the engine takes, and a
   * slice always trains at least one, so this is no slower to answer than a slice.
   */
  private stepBatch(): void {
    const run = this.run;
    if (!run || this.state === 'diverged') return;
    this.stopSlices();
    const started = performance.now();
    try {
      if (this.trainPart(run, 1, started)) {
        this.state = run.trainer.epoch >= run.epochs && !run.trainer.epochInProgress ? 'finished' : 'paused';
      }
    } catch (error) {
      this.state = 'paused';
      this.postError(error, 'training');
    }
    const spent = performance.now() - started;
    run.busyMs += spent;
    run.busySinceHealthMs += spent;
    this.snapshot(true);
  }

  /** A new pace applies from the next epoch; a wait under way is measured again against it. */
  private setPace(epochsPerSecond: number): void {
    this.pace.set(epochsPerSecond);
    if (this.paceTimer) {
      clearTimeout(this.paceTimer);
      this.paceTimer = null;
      this.scheduleSlice();
    }
  }

  /**
   * Paced training waits between epochs: true when the next epoch may not begin yet (a timer then
   * schedules the slice that begins it). A Step, the epoch under way and the last epoch never wait.
   */
  private waitForPace(run: Run): boolean {
    if (this.state !== 'training' || !this.pace.paced || run.trainer.epochInProgress || run.trainer.epoch >= run.epochs) return false;
    const now = performance.now();
    const wait = this.pace.waitMs(now);
    if (wait > 0) {
      // The slice runs from the timer itself: a further turn (setImmediate) would only add its delay.
      this.paceTimer ??= setTimeout(() => {
        this.paceTimer = null;
        // Samples per second paced are those of the run as it goes, waits included: 5 epochs a
        // second of 280 samples reads 1,400, not the engine's speed between the waits.
        run.busyMs += performance.now() - now;
        if (!this.slice) this.runSlice();
      }, Math.ceil(wait));
      return true;
    }
    this.pace.began(now);
    return false;
  }

  private reset(): void {
    const run = this.requireRun();
    this.stopSlices();
    run.trainer.reset();
    this.run = this.newRun(run.init, run.trainer);
    this.state = 'idle';
    this.snapshot(true);
  }

  private updateTraining(patch: Parameters<Trainer['updateTraining']>[0]): void {
    const run = this.requireRun();
    run.trainer.updateTraining(patch);
    if (patch.optimizer !== undefined) run.trainer.tracePerceptron(patch.optimizer === 'perceptron');
    if (patch.epochs !== undefined) run.epochs = patch.epochs;
    // A minibatch of another size costs something else: measure it again.
    if (patch.batchSize !== undefined) run.batchMs = Number.NaN;
    // The regularisation term (and so the objective) may have changed with the weights unchanged.
    run.theoryCurrent = false;
    const done = run.trainer.epoch >= run.epochs;
    // More epochs make a finished run resumable; fewer can finish a running one.
    if (this.state === 'finished' && !done) this.state = 'paused';
    else if (this.state === 'training' && done) {
      this.stopSlices();
      this.state = 'finished';
    }
    this.snapshot(true);
  }

  /**
   * Takes effect at once, in any state: the next snapshot (sent soon, with fresh diagrams) shows
   * the boundary and the figures of the network as it is now. Training goes on with the units off.
   */
  private toggleUnit(layer: number, unit: number): void {
    const run = this.requireRun();
    run.trainer.setUnitsOff(toggledUnits(run.trainer.unitsOff(), { layer, unit }));
    run.unitsOff = unitsOffView(run.trainer);
    this.snapshot(true);
  }

  private setState(state: SessionState): void {
    this.stepsLeft = 0;
    if (state !== 'training') this.stopSlices();
    this.state = state;
    this.snapshot(true);
  }

  private scheduleSlice(): void {
    if (!this.slice) this.slice = setImmediate(() => this.runSlice());
  }

  /** Also ends a Step under way. */
  private stopSlices(): void {
    this.stepsLeft = 0;
    if (this.slice) clearImmediate(this.slice);
    this.slice = null;
    if (this.paceTimer) clearTimeout(this.paceTimer);
    this.paceTimer = null;
  }

  /**
   * Minibatches until the slice's time is used up, then back to the event loop so messages get in.
   * Each call asks the trainer for as many minibatches as the time left allows at the measured cost
   * of one, so a slice ends near SLICE_MS even in the middle of a long epoch.
   */
  private runSlice(): void {
    this.slice = null;
    const run = this.run;
    if (!run || (this.state !== 'training' && this.stepsLeft === 0)) return;
    if (this.waitForPace(run)) return;
    const started = performance.now();
    let now = started;
    /** A paced epoch ended in this slice: its snapshot goes out with fresh diagrams. */
    let pacedEpochEnded = false;
    try {
      do {
        const stepping = this.state !== 'training';
        // A Step may go past the target (as it always could); Train stops there.
        if (!stepping && run.trainer.epoch >= run.epochs) {
          this.state = 'finished';
          break;
        }
        const left = SLICE_MS - (now - started);
        const batches = Number.isNaN(run.batchMs) ? 1 : Math.max(1, Math.floor(left / Math.max(run.batchMs, 1e-4)));
        const epochBefore = run.trainer.epoch;
        const ok = this.trainPart(run, batches, now);
        now = performance.now();
        if (!ok) break;
        if (!stepping && this.pace.paced && run.trainer.epoch > epochBefore) {
          pacedEpochEnded = true;
          if (run.trainer.epoch >= run.epochs) this.state = 'finished';
          break;
        }
        if (stepping && run.trainer.epoch > epochBefore && --this.stepsLeft === 0) {
          this.state = run.trainer.epoch >= run.epochs ? 'finished' : 'paused';
          break;
        }
      } while (now - started < SLICE_MS);
    } catch (error) {
      this.stopSlices();
      this.state = 'paused';
      this.postError(error, 'training');
    }
    const spent = performance.now() - started;
    run.busyMs += spent;
    run.busySinceHealthMs += spent;
    const going = this.state === 'training' || this.stepsLeft > 0;
    this.snapshot(!going || pacedEpochEnded);
    if (going) this.scheduleSlice();
  }

  /**
   * Up to `maxBatches` minibatches (begun at `startedAt`), with the bookkeeping of an epoch that
   * ends among them. False when the run diverged (state and message are then set).
   */
  private trainPart(run: Run, maxBatches: number, startedAt: number): boolean {
    const before = run.trainer.epochInProgress && run.progress ? run.progress : null;
    const step = trainStep(run.trainer, run.initialCost, maxBatches);
    this.keepPerceptronUpdates(run);
    const result = step.batches;
    const spent = performance.now() - startedAt;
    const trained = result.progress.batches - (before?.batches ?? 0);
    run.samples += result.progress.samples - (before?.samples ?? 0);
    if (trained > 0) {
      const perBatch = spent / trained;
      run.batchMs = Number.isNaN(run.batchMs) ? perBatch : 0.7 * run.batchMs + 0.3 * perBatch;
    }
    run.sampler.trained(spent);
    run.busySinceTheoryMs += spent;
    if (trained > 0) run.theoryCurrent = false;
    if (!step.epochDone) {
      run.progress = result.progress;
      return true;
    }
    run.progress = null;
    run.pending.push(step.point);
    if (step.divergence === undefined) {
      run.sampler.atEpochEnd(run.trainer, step.point.epoch, run.epochs);
      if (this.theoryDue(run)) this.measureTheory(run);
      return true;
    }
    // A diverged model's numbers are not the theory's (the CLI reports none): the last ones stay,
    // with the epoch they were measured at.
    this.stopSlices();
    this.state = 'diverged';
    run.message = step.divergence;
    return false;
  }

  private keepPerceptronUpdates(run: Run): void {
    if (run.trainer.options.training.optimizer !== 'perceptron') return;
    const updates = run.trainer.takePerceptronTrace();
    if (updates.length === 0) return;
    run.perceptron = [...run.perceptron, ...updates].slice(-PERCEPTRON_UPDATES_SHOWN);
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
    // Whether the run diverged is decided at the end of each epoch (trainStep), never here: the
    // same run then stops at the same epoch however its snapshots fall.
    const health = this.snapshotHealth(run, urgent || this.state !== 'training');
    const stopped = this.state !== 'training' && this.state !== 'diverged' && this.stepsLeft === 0;
    if (stopped && !run.theoryCurrent) this.measureTheory(run);
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
      ...(health ? { healthId: run.healthId } : {}),
      ...(run.message ? { message: run.message } : {}),
      healthSamples: run.sampler.collect(),
      ...(run.theory ? { theory: run.theory, theoryId: run.theoryId } : {}),
      ...(run.perceptron.length > 0 ? { perceptron: run.perceptron } : {}),
      ...(run.unitsOff ? { unitsOff: run.unitsOff } : {}),
    };
    if (run.progress && run.trainer.epochInProgress) {
      const { batches, totalBatches, runningCost } = run.progress;
      snapshot.progress = { epochFraction: totalBatches > 0 ? batches / totalBatches : 0, runningCost };
    }
    run.pending = [];
    this.addDiagrams(run, snapshot, urgent || this.state !== 'training', now);
    if (this.options.packPoints) {
      const packed = packPoints(snapshot.points);
      snapshot.points = [];
      this.post({ type: 'snapshot', snapshot, generation: this.generation, packed });
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
    snapshot.diagramId = ++this.reportCount;
    // The figures of units off go stale as training moves the weights: refreshed with the diagrams.
    if (run.unitsOff) {
      run.unitsOff = unitsOffView(run.trainer);
      if (run.unitsOff) snapshot.unitsOff = run.unitsOff;
      else delete snapshot.unitsOff;
    }
    const inputSize = planeInputs(run.trainer.data);
    // A boundary over the first two inputs is only the whole picture when there are at most two
    // (or when input features are functions of two: the grid is then over their plane).
    if (inputSize <= 2 && run.init.boundaryResolution > 0) {
      snapshot.boundary = toGridView(run.trainer.outputGrid(run.init.boundaryResolution), inputSize);
    }
    run.lastDiagramAt = now;
    run.diagramCostMs = performance.now() - started;
  }

  /** While training: whether measuring the theory numbers at this epoch's end is cheap enough. */
  private theoryDue(run: Run): boolean {
    const now = performance.now();
    return now - run.theoryAt >= MIN_THEORY_INTERVAL_MS && run.theoryCostMs <= THEORY_TIME_SHARE * run.busySinceTheoryMs;
  }

  /** The theory numbers of the weights as they are now, stamped with how far the run has got. */
  private measureTheory(run: Run): void {
    const started = performance.now();
    const { trainer } = run;
    try {
      const report = theoryReport(trainer);
      const fraction = run.progress && trainer.epochInProgress && run.progress.totalBatches > 0 ? run.progress.batches / run.progress.totalBatches : 0;
      run.theory = { epoch: trainer.epoch, ...(fraction > 0 ? { epochFraction: fraction } : {}), report };
      run.theoryId = ++this.reportCount;
    } catch {
      // Numbers the model cannot give now (memory for an evaluation) leave the last ones, stamped
      // with their own epoch; training goes on.
    }
    run.theoryCurrent = true;
    run.theoryAt = performance.now();
    run.theoryCostMs = run.theoryAt - started;
    run.busySinceTheoryMs = 0;
  }

  /** A fresh report when asked to or when it is cheap enough for now, else the last one again. */
  private snapshotHealth(run: Run, fresh: boolean): HealthReport | null {
    if (!fresh && run.lastHealth && run.healthCostMs > HEALTH_TIME_SHARE * run.busySinceHealthMs) return run.lastHealth;
    const started = performance.now();
    run.lastHealth = this.health(run);
    run.healthId = ++this.reportCount;
    run.healthCostMs = performance.now() - started;
    run.busySinceHealthMs = 0;
    return run.lastHealth;
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
