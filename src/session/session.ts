// One model document's training session: the last parse of its text, the run built from it, the
// worker that trains it (started on first use, ended on dispose), every epoch since the last reset
// and the problems to show. Driven by text and a SessionHost, never by `vscode`.
//
// Commands and edits go through one queue: preparing a run may read a CSV (asynchronous), and the
// worker must see init, edits and commands in the order the person made them.

import { currentBundle, t, tn, uiLocale } from '../shared/l10n';
import type { KernelKind } from '../engine/index';
import type { WeightsFile, GradientCheckResult } from '../engine/trainer-api';
import { checkAgainstData, parseModel } from '../model/index';
import type { ModelSpec, ParseResult, Problem } from '../model/spec';
import type { DataView, GridView, HealthSample, HistoryPoint, SessionState, Snapshot } from '../shared/protocol/snapshot';
import { appendSample, snapshotSamples } from '../shared/view-models/health-timeline';
import type { FromWorker } from '../shared/protocol/worker-messages';
import type { Disposable, SessionChange, SessionHost, SnapshotDiagrams, TrainingSession } from './session-api';
import { combineProblems, dataProblem, problemsSignature, waitsForPoints, runStartProblem, trainingErrorProblem, weightsProblem } from '../run/problems';
import { divergedProblems, LIVE_HISTORY_WINDOW, liveRunProblems } from '../run/run-core';
import { errorMessage, prepareRun, withDefaultEpochs, type CsvCache, type PreparedRun } from './run-inputs';
import { diffSpecs, sameValue } from '../run/spec-diff';
import { HistoryColumns } from './history-columns';
import { countMessage, timed } from './host-counters';
import { WorkerClient } from './worker-client';
import { paceFrom } from '../shared/pace';
import { noPointsYetMessage } from '../shared/view-models/hand-points';

/** A session as created here: also says when its worker thread has really ended. */
export interface WorkerBackedSession extends TrainingSession {
  /** Resolves once every worker this session started has exited (immediately when none did). */
  whenStopped(): Promise<void>;
  /** Re-reads `host.settings()`: problem families and limits now, snapshot rate from the next run. */
  applySettings(): void;
  /** Starts the worker and builds the data without training, so the panel can show the points. */
  prepare(): void;
}

/**
 * Live rules read the latest health and the recent loss history (at most LIVE_HISTORY_WINDOW
 * epochs). Running them on every snapshot would make the extension host's work grow with the
 * snapshot rate: they run at most this often.
 */
export const LIVE_RULES_INTERVAL_MS = 250;

/**
 * The notice and the logged reason of a run started again because the model changed: each reason
 * is a clause of its own (src/run/spec-diff.ts), listed as the UI's language lists clauses.
 */
export function resetReason(reasons: readonly string[]): string {
  const list = reasons.reduce((joined, reason) => (joined === '' ? reason : t('{list}; {item}', { list: joined, item: reason })), '');
  return t('Reset: {reasons}.', { reasons: list });
}
/** The notice of a run held while the text cannot train, in the UI's language. */
export function pausedForErrors(): string {
  return t('Paused: the model has errors. Training resumes when they are fixed.');
}

/**
 * The host's side of a session's run (the worker's own state, idle … diverged, comes with each
 * snapshot as `state`). A run that is held is one an edit paused because the text cannot train;
 * it resumes when the text is valid again. Held without a run, or running after dispose, cannot be
 * written down.
 */
type RunPhase = { readonly kind: 'none' } | { readonly kind: 'running'; readonly held: boolean } | { readonly kind: 'disposed' };

export function createTrainingSession(key: string, text: string, host: SessionHost): WorkerBackedSession {
  return new Session(key, text, host);
}

class Session implements WorkerBackedSession {
  private parseResult: ParseResult;
  /** The spec the current run was built from (the last valid one that was applied). */
  private spec: ModelSpec | undefined;
  /**
   * The parse `spec` came from. The text may be newer (its edit still queued, or invalid): checks of
   * the run's model against its data must judge this one, the model the run was built from.
   */
  private specParse: ParseResult | undefined;
  private prepared: PreparedRun | undefined;
  private readonly cache: { csv?: CsvCache } = {};

  private client: WorkerClient | null = null;
  /** Where the run is, on the host's side: see RunPhase. Changed only by enter() and hold(). */
  private phase: RunPhase = { kind: 'none' };
  private readonly exits: Promise<number>[] = [];
  private weightsOffered = false;
  /** The generation of the run the saved weights were given to, until it has started. */
  private weightsGeneration: number | null = null;
  /** Counts runs; the worker stamps messages with it so stale ones are dropped. */
  private generation = 0;

  private currentState: SessionState = 'idle';
  private readonly points = new HistoryColumns();
  private snapshot: Snapshot | null = null;
  private lastDiagrams: SnapshotDiagrams | null = null;
  private readonly healthSamples: HealthSample[] = [];
  private dataView: DataView | null = null;
  /** The kernels the worker last said it runs, so the log says it once per change. */
  private kernels: KernelKind | null = null;

  private sessionProblems: Problem[] = [];
  private dataProblems: Problem[] = [];
  private liveList: Problem[] = [];
  private problemList: Problem[] = [];
  private problemKey = '';

  private readonly listeners = new Set<(change: SessionChange) => void>();
  private queue: Promise<void> = Promise.resolve();
  private noticeText: string | undefined;
  /** The notice stopForEdit gave for a reset that applyParse has not carried out yet. */
  private announcedReset: string | undefined;
  private liveRulesAt = -Infinity;
  /** Epochs a second for this session's runs (0: as fast as possible): the setting, until the panel picks another. */
  private paceValue: number;

  constructor(
    readonly key: string,
    private text: string,
    private readonly host: SessionHost,
  ) {
    this.paceValue = paceFrom(host.settings().pace);
    this.parseResult = parseModel(text);
    this.refreshProblems(false);
    this.enqueue(() => this.applyParse(this.parseResult));
  }

  // ---- the run's phase: every transition is here ---------------------------------------------

  /** Whether the worker holds a run of `prepared` (init sent). */
  private get running(): boolean {
    return this.phase.kind === 'running';
  }
  /** Training was paused by an edit that cannot train, and resumes when the text is valid again. */
  private get held(): boolean {
    return this.phase.kind === 'running' && this.phase.held;
  }
  private get disposed(): boolean {
    return this.phase.kind === 'disposed';
  }
  /** none → running (a run sent to the worker), running → none (the worker ended), any → disposed. */
  private enter(next: RunPhase): void {
    if (this.phase.kind === 'disposed') return; // final
    this.phase = next;
  }
  /** Holds or releases a running run for the text (a run that is not in the worker has nothing to hold). */
  private hold(held: boolean): void {
    if (this.phase.kind === 'running' && this.phase.held !== held) this.phase = { kind: 'running', held };
  }

  get state(): SessionState {
    return this.currentState;
  }
  get parse(): ParseResult {
    return this.parseResult;
  }
  get history(): readonly HistoryPoint[] {
    return this.points.view;
  }
  get latest(): Snapshot | null {
    return this.snapshot;
  }
  get diagrams(): SnapshotDiagrams | null {
    return this.lastDiagrams;
  }
  get health(): readonly HealthSample[] {
    return this.healthSamples;
  }
  get data(): DataView | null {
    return this.dataView;
  }
  get problems(): readonly Problem[] {
    return this.problemList;
  }
  get notice(): string | undefined {
    return this.noticeText;
  }

  onDidChange(listener: (change: SessionChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  // ---- edits ------------------------------------------------------------------------------

  updateText(text: string): void {
    if (this.disposed) return;
    if (text === this.text) {
      // Edited and back again (an undo within the debounce): nothing to parse, but every edit is
      // announced, so a view that showed the edit (the panel's fields) shows the text again.
      this.emit({ kind: 'model', reset: false });
      return;
    }
    this.text = text;
    // Parsing is synchronous so that `parse` and parse problems follow the text at once.
    this.parseResult = timed('session.parse', () => parseModel(text));
    const parse = this.parseResult;
    this.refreshProblems(true);
    this.stopForEdit(parse);
    this.enqueue(() => this.applyParse(parse));
  }

  /**
   * An edit that ends the running network, or breaks the text, stops training now and says why,
   * without waiting for the queue (the new run may first read a CSV): the old network must not
   * train on for a moment under a text that no longer describes it. applyParse then does the rest.
   */
  private stopForEdit(parse: ParseResult): void {
    if (!this.running || !this.spec) return;
    if (!parse.spec) {
      this.holdForInvalidText();
      return;
    }
    const change = diffSpecs(this.spec, withDefaultEpochs(parse.spec, parse, this.host.settings()));
    if (change.kind !== 'structure') return;
    if (this.currentState === 'training') {
      this.client?.post({ type: 'pause' });
      this.hold(true);
    }
    this.announcedReset = resetReason(change.reasons);
    this.setNotice(this.announcedReset);
  }

  /** `recheck`: settings changed, so prepare again (limits, defaults) even when the spec did not change. */
  private async applyParse(parse: ParseResult, recheck = false): Promise<void> {
    if (this.disposed || parse !== this.parseResult) return; // a newer edit is queued behind this one
    const spec = parse.spec ? withDefaultEpochs(parse.spec, parse, this.host.settings()) : undefined;
    if (!spec) {
      this.holdForInvalidText();
      this.emit({ kind: 'model', reset: false });
      return;
    }
    const previous = this.spec;
    const change = previous ? diffSpecs(previous, spec) : undefined;

    // Hyperparameters only: the worker takes them between epochs; progress is kept.
    if (change?.kind === 'hyperparameters' && this.prepared?.ok) {
      this.useSpec(spec, parse);
      const init = this.prepared.init;
      init.options = { ...init.options, training: { ...init.options.training, ...change.patch } };
      if (this.running && this.currentState === 'diverged') {
        // Weights full of NaN cannot be rescued by a smaller step: start again with the new values.
        this.client?.post({ type: 'update-training', patch: change.patch });
        this.restartRun(tn(change.fields.length, 'the run had diverged, so the new {fields} starts from the seed', 'the run had diverged, so the new {fields} start from the seed', { fields: change.fields.join(', ') }));
      } else {
        this.client?.post({ type: 'update-training', patch: change.patch });
        this.emit({ kind: 'model', reset: false });
      }
      this.resumeIfHeld();
      return;
    }
    if (change?.kind === 'none' && this.prepared?.ok && !recheck) {
      this.useSpec(spec, parse);
      this.emit({ kind: 'model', reset: false });
      this.resumeIfHeld();
      return;
    }

    const prepared = await prepareRun(spec, parse, { host: this.host, settings: this.host.settings(), cache: this.cache, fresh: false });
    if (this.disposed || parse !== this.parseResult) return;
    if (!prepared.ok && waitsForPoints(prepared.problems)) {
      this.waitForPoints(spec, parse, prepared);
      return;
    }
    // Refused (too big) or no data: like an invalid edit, the current run is kept, paused.
    if (!this.acceptPrepared(prepared)) return;
    const wasTraining = this.currentState === 'training' || this.held;
    this.spec = spec;
    this.specParse = parse;
    this.prepared = prepared;
    if (!this.running) {
      this.emit({ kind: 'model', reset: false });
      this.hold(false);
      return;
    }
    if (change?.kind === 'none') {
      // The same model passes again (a limit was raised): the run it had goes on.
      this.emit({ kind: 'model', reset: false });
      this.resumeIfHeld();
      return;
    }
    const reasons = change?.kind === 'structure' ? change.reasons : [t('the model is valid again')];
    const reason = resetReason(reasons);
    this.announcedReset = undefined;
    this.setNotice(reason);
    this.startRun(prepared, reason);
    this.hold(false);
    if (wasTraining) {
      this.client?.post({ type: 'train' });
      // Training, as far as the next edit is concerned: a broken edit before the worker's first
      // snapshot of the new run must pause it and say so, not find it 'idle' and let it run on.
      this.setState('training');
    }
  }

  /**
   * A plane with no points yet (the last one was taken away, or the lesson starts so): there is no
   * run, not a held one. The run of the points there were is dropped with its worker, so no view
   * shows the points or the boundary of data the file no longer has.
   */
  private waitForPoints(spec: ModelSpec, parse: ParseResult, prepared: PreparedRun): void {
    this.spec = spec;
    this.specParse = parse;
    this.prepared = prepared;
    const hadRun = this.running || this.points.length > 0 || this.dataView !== null;
    if (this.client) this.stopWorker();
    this.generation += 1;
    this.clearRun();
    this.dataView = null;
    this.dataProblems = [];
    this.setSessionProblems(prepared.ok ? [] : prepared.problems);
    this.refreshProblems(true);
    this.emit({ kind: 'model', reset: hadRun });
  }

  /** A run that cannot be prepared keeps the current one, held, with the reason as its problems. */
  private acceptPrepared(prepared: PreparedRun): prepared is Extract<PreparedRun, { ok: true }> {
    if (prepared.ok) {
      this.setSessionProblems([]);
      // Said when Train found no points: not true any more once there are some.
      if (this.noticeText === noPointsYetMessage()) this.setNotice(undefined);
      return true;
    }
    this.setSessionProblems(prepared.problems);
    this.holdForInvalidText();
    this.emit({ kind: 'model', reset: false });
    return false;
  }

  /**
   * The run goes on as the model of `parse` (nothing it was built from changed): the data checks
   * point into this text from now on.
   */
  private useSpec(spec: ModelSpec, parse: ParseResult): void {
    this.spec = spec;
    this.specParse = parse;
    this.checkRunData();
    this.refreshProblems(true);
  }

  /** An edit that cannot train (errors, refused, no data): pause, keep every epoch and weight. */
  private holdForInvalidText(): void {
    if (this.currentState === 'training') {
      this.client?.post({ type: 'pause' });
      this.hold(true);
    }
    if (this.held) this.setNotice(pausedForErrors());
  }

  /** The run goes on as it was (the edit was undone, or changed only hyperparameters). */
  private resumeIfHeld(): void {
    // What was said about a pause or a reset that is not happening any more.
    if (this.noticeText === pausedForErrors() || this.noticeText === this.announcedReset) this.setNotice(undefined);
    this.announcedReset = undefined;
    if (!this.held) return;
    this.hold(false);
    if (this.running) this.client?.post({ type: 'train' });
  }

  // ---- commands ---------------------------------------------------------------------------

  train(): void {
    this.setNotice(undefined);
    this.enqueue(async () => {
      if (!(await this.ensureRun())) return;
      // Pressing Train on a run that is over starts a new one rather than doing nothing.
      if (this.currentState === 'diverged') this.restartRun(t('Reset: the previous run had diverged; training again from the seed.'));
      else if (this.currentState === 'finished' && !this.moreEpochsAllowed()) {
        this.restartRun(t('Reset: the previous run had finished; training again from the seed.'));
      }
      this.client?.post({ type: 'train' });
    });
  }

  /** A finished run whose epoch target was just raised by an edit is not over (the worker will say so). */
  private moreEpochsAllowed(): boolean {
    const target = this.prepared?.ok ? this.prepared.init.options.training.epochs : 0;
    return (this.snapshot?.epoch ?? 0) < target;
  }

  pause(): void {
    this.setNotice(undefined);
    this.enqueue(() => {
      this.hold(false);
      if (this.running && !this.disposed) this.client?.post({ type: 'pause' });
    });
  }

  step(): void {
    this.setNotice(undefined);
    this.enqueue(async () => {
      if (await this.ensureRun()) this.client?.post({ type: 'step' });
    });
  }

  stepBatch(): void {
    this.setNotice(undefined);
    this.enqueue(async () => {
      if (await this.ensureRun()) this.client?.post({ type: 'step-batch' });
    });
  }

  get pace(): number {
    return this.paceValue;
  }

  setPace(epochsPerSecond: number): void {
    this.paceValue = paceFrom(epochsPerSecond);
    this.client?.post({ type: 'set-pace', epochsPerSecond: this.paceValue });
  }

  toggleUnit(layer: number, unit: number): void {
    this.enqueue(async () => {
      if (await this.ensureRun()) this.client?.post({ type: 'toggle-unit', layer, unit });
    });
  }

  reset(): void {
    this.setNotice(undefined);
    this.enqueue(async () => {
      this.hold(false);
      const spec = this.spec;
      if (!spec || this.disposed) return;
      // Re-read the CSV: a reset is when a person expects an edited data file to be picked up.
      // The parse the spec came from: the latest text may not parse, or not be applied yet.
      const prepared = await prepareRun(spec, this.specParse ?? this.parseResult, { host: this.host, settings: this.host.settings(), cache: this.cache, fresh: true });
      if (this.disposed) return;
      // The data file went missing or broke: keep the run as it is, and say why.
      if (!this.acceptPrepared(prepared)) return;
      const dataChanged = this.prepared?.ok === true && !sameValue(prepared.init.data, this.prepared.init.data);
      this.prepared = prepared;
      if (!this.running) {
        this.clearRun();
        this.emit({ kind: 'model', reset: true, reason: t('Reset: re-initialised from the seed.') });
        return;
      }
      if (dataChanged) this.startRun(prepared, t('Reset: re-initialised from the seed with the data file as it is now.'));
      else this.restartRun(t('Reset: re-initialised from the seed.'));
    });
  }

  prepare(): void {
    this.enqueue(async () => {
      await this.ensureRun();
    });
  }

  gradientCheck(signal?: AbortSignal): Promise<GradientCheckResult> {
    return this.request({ type: 'gradcheck' }, signal).then((answer) => {
      if (answer.type !== 'gradcheck-result') throw new Error(`Unexpected answer ${answer.type} to a gradient check.`);
      return answer.result;
    });
  }

  exportWeights(): Promise<WeightsFile> {
    return this.request({ type: 'export-weights' }).then((answer) => {
      if (answer.type !== 'weights') throw new Error(`Unexpected answer ${answer.type} to a weights export.`);
      return answer.file;
    });
  }

  unitGrid(layer: number, unit: number, size: number): Promise<GridView> {
    return this.request({ type: 'unit-grid', layer, unit, size }).then((answer) => {
      if (answer.type !== 'unit-grid') throw new Error(`Unexpected answer ${answer.type} to a unit grid.`);
      return answer.grid;
    });
  }

  applySettings(): void {
    if (this.disposed) return;
    this.refreshProblems(true);
    // A new parameter limit or default epoch count can change whether and what the text trains.
    const parse = this.parseResult;
    this.enqueue(() => this.applyParse(parse, true));
  }

  // ---- lifecycle --------------------------------------------------------------------------

  dispose(): void {
    if (this.disposed) return;
    this.enter({ kind: 'disposed' });
    this.listeners.clear();
    this.stopWorker();
  }

  whenStopped(): Promise<void> {
    return Promise.all(this.exits).then(() => undefined);
  }

  /**
   * Runs after everything queued before it; a failure is logged and never breaks the queue.
   * Operations still run after dispose (so that waiting requests are rejected); each one checks.
   */
  private enqueue(operation: () => void | Promise<void>): void {
    this.queue = this.queue
      .then(() => operation())
      .catch((error: unknown) => this.host.log(`[${this.key}] ${errorMessage(error)}`));
  }

  /** After queued work: the request goes to a worker that has the current run. */
  private request(message: Parameters<WorkerClient['request']>[0], signal?: AbortSignal): Promise<FromWorker> {
    return new Promise<FromWorker>((resolve, reject) => {
      this.enqueue(async () => {
        // A failure to start the run (data, worker) must reach the caller, not only the log:
        // a progress notification waits on this promise.
        try {
          if (!(await this.ensureRun()) || !this.client) {
            reject(new Error(this.whyNotRunnable()));
            return;
          }
          this.client.request(message, signal).then(resolve, reject);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(errorMessage(error)));
        }
      });
    });
  }

  private whyNotRunnable(): string {
    if (this.disposed) return t('The training session was closed.');
    const blocking = this.problemList.find((problem) => problem.severity === 'error');
    return blocking ? blocking.message : t('The model cannot be trained yet.');
  }

  /** Makes sure a worker holds a run of the current spec; false (with problems shown) when it cannot. */
  private async ensureRun(): Promise<boolean> {
    if (this.disposed || !this.spec) return false;
    if (this.running && this.client?.alive) return true;
    if (!this.prepared || !this.prepared.ok) {
      this.prepared = await prepareRun(this.spec, this.specParse ?? this.parseResult, { host: this.host, settings: this.host.settings(), cache: this.cache, fresh: true });
      if (this.disposed) return false;
      this.setSessionProblems(this.prepared.ok ? [] : this.prepared.problems);
    }
    const prepared = this.prepared;
    if (!prepared.ok) {
      this.host.log(`[${this.key}] not training: ${prepared.problems[0]?.message}`);
      // Not an error, so nothing in Problems asks for attention: Train from the panel says why here.
      if (waitsForPoints(prepared.problems)) this.setNotice(noPointsYetMessage());
      return false;
    }
    if (!this.weightsOffered) {
      // Saved weights are offered once, to the first run; Reset always goes back to the seed.
      this.weightsOffered = true;
      const weights = await this.host.loadWeights().catch((error: unknown) => {
        this.setSessionProblems([...this.sessionProblems, weightsProblem(errorMessage(error), this.parseResult.locations)]);
        return undefined;
      });
      if (this.disposed) return false;
      if (weights) prepared.init = { ...prepared.init, weights };
    }
    this.startWorker();
    this.startRun(prepared);
    // The weights belong to the first run only (or to the next attempt, if its start fails).
    this.weightsGeneration = prepared.init.weights ? this.generation : null;
    if (prepared.init.weights) prepared.init = { ...prepared.init, weights: undefined };
    return true;
  }

  private startWorker(): void {
    if (this.client?.alive) return;
    const client = new WorkerClient(this.host.startWorker(), {
      onMessage: (message) => {
        if (this.client !== client) return;
        // Rules and history run on every message; a fault in one is logged, never thrown into
        // the extension host from the Worker's listener.
        try {
          countMessage('worker→host', message);
          timed('session.workerMessage', () => this.onWorkerMessage(message));
        } catch (error) {
          this.host.log(`[${this.key}] ${t("could not handle the worker's {message}: {reason}", { message: message.type, reason: errorMessage(error) })}`);
        }
      },
      onUnexpectedExit: (reason) => {
        if (this.client !== client) return;
        this.client = null;
        this.enter({ kind: 'none' });
        this.host.log(`[${this.key}] ${t('training worker stopped: {reason}', { reason })}`);
        const problem = trainingErrorProblem(t('the training worker stopped ({reason}). Train starts a new run.', { reason }), this.parseResult.locations);
        this.setSessionProblems([...this.sessionProblems, problem]);
        this.setState(this.points.length > 0 ? 'paused' : 'idle');
      },
    });
    this.client = client;
    this.exits.push(client.exited);
    this.host.log(`[${this.key}] ${t('training worker started')}`);
    void client.exited.then((code) => this.host.log(`[${this.key}] ${t('training worker exited (code {code})', { code: String(code) })}`));
  }

  private stopWorker(): void {
    const client = this.client;
    this.client = null;
    this.enter({ kind: 'none' });
    if (client) void client.terminate();
  }

  /** A new run in the worker (new trainer and data): history starts again. */
  private startRun(prepared: Extract<PreparedRun, { ok: true }>, reason?: string): void {
    this.generation += 1;
    this.client?.post({ type: 'init', init: prepared.init, generation: this.generation, l10n: { locale: uiLocale(), contents: currentBundle() } });
    // The worker keeps its pace across runs; a new worker (first run, or after a crash) learns it here.
    if (this.paceValue > 0) this.client?.post({ type: 'set-pace', epochsPerSecond: this.paceValue });
    this.enter({ kind: 'running', held: false });
    // An earlier attempt's failed start is over once a new one is asked for.
    this.sessionProblems = this.sessionProblems.filter((problem) => problem.code !== 'run-start-failed');
    this.clearRun();
    this.dataView = null;
    this.dataProblems = [];
    this.refreshProblems(true);
    if (reason) this.emit({ kind: 'model', reset: true, reason });
  }

  /** The same trainer re-initialised from the seed. */
  private restartRun(reason: string): void {
    this.generation += 1;
    this.client?.post({ type: 'reset', generation: this.generation });
    this.clearRun();
    this.refreshProblems(true);
    this.emit({ kind: 'model', reset: true, reason });
  }

  private clearRun(): void {
    this.points.clear();
    this.snapshot = null;
    this.lastDiagrams = null;
    this.healthSamples.length = 0;
    this.liveList = [];
    // What the worker's first snapshot of the new run will confirm.
    this.setState('idle');
    this.setSessionProblems(this.sessionProblems.filter((problem) => problem.code !== 'training-error'));
  }

  // ---- from the worker --------------------------------------------------------------------

  private onWorkerMessage(message: FromWorker): void {
    if ('generation' in message && message.generation !== undefined && message.generation !== this.generation) return;
    switch (message.type) {
      case 'ready':
        if (message.kernels !== undefined && message.kernels !== this.kernels) {
          this.kernels = message.kernels;
          this.host.log(`[${this.key}] ${kernelsMessage(message.kernels)}`);
        }
        this.dataView = message.data;
        this.checkRunData();
        this.emit({ kind: 'data' });
        this.refreshProblems(true);
        return;
      case 'snapshot':
        // The epochs go into the history's columns, decoded once there; `latest` does not repeat
        // them (readers take them from `history`).
        if (message.packed) this.points.appendPacked(message.packed);
        else this.points.append(message.snapshot.points);
        this.onSnapshot({ ...message.snapshot, points: [] });
        return;
      case 'error':
        this.onWorkerError(message.message, message.stage);
        return;
      default:
        // Answers to requests are routed by the client; one arriving here was cancelled.
        return;
    }
  }

  /**
   * Model against data, once the run's data is known. The model judged is the one the run was built
   * from (`specParse`), not the latest text: an edit still queued when `ready` arrives goes its
   * own way afterwards (a new run, checked at its own `ready`, or a hold).
   */
  private checkRunData(): void {
    this.dataProblems = this.specParse && this.dataView ? checkAgainstData(this.specParse, this.dataView) : [];
  }

  /** The snapshot's epochs are already in the history (its `points` are left empty). */
  private onSnapshot(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    for (const sample of snapshotSamples(snapshot)) appendSample(this.healthSamples, sample);
    if (snapshot.parameters || snapshot.boundary) {
      this.lastDiagrams = { parameters: snapshot.parameters, boundary: snapshot.boundary, ...(snapshot.diagramId !== undefined ? { diagramId: snapshot.diagramId } : {}) };
    }
    this.setState(snapshot.state);
    // Live rules point into the text, so they need a text that parses; otherwise the last ones stay.
    if (snapshot.health && this.parseResult.spec && this.liveRulesDue(snapshot)) {
      try {
        // The last list holds borderline problems steady (hysteresis); a reset empties it. A run
        // that is over is judged afresh, as the CLI judges it (run-core.ts).
        const over = snapshot.state === 'finished' || snapshot.state === 'diverged';
        this.liveList = liveRunProblems({ parse: this.parseResult, health: snapshot.health, recent: this.points.tail(LIVE_HISTORY_WINDOW), previous: this.liveList, over });
      } catch (error) {
        // A failing rule must not take the extension host's message handler down with it.
        this.host.log(`[${this.key}] ${t('live rules failed: {reason}', { reason: errorMessage(error) })}`);
      }
    }
    // The worker stopped the run: that is always shown, in the worker's words if no rule said it.
    if (snapshot.state === 'diverged' && snapshot.message) this.liveList = divergedProblems(this.liveList, snapshot.message, this.parseResult);
    this.emit({ kind: 'snapshot' });
    this.refreshProblems(true);
  }

  /** Live rules run a few times a second while training, and always on the snapshot that ends it. */
  private liveRulesDue(snapshot: Snapshot): boolean {
    const now = performance.now();
    if (snapshot.state === 'training' && now - this.liveRulesAt < LIVE_RULES_INTERVAL_MS) return false;
    this.liveRulesAt = now;
    return true;
  }

  private onWorkerError(message: string, stage: string | undefined): void {
    this.host.log(`[${this.key}] ${stage ?? 'worker'}: ${message}`);
    const locations = this.parseResult.locations;
    if (stage === 'weights') this.setSessionProblems([...this.sessionProblems, weightsProblem(message, locations)]);
    else if (stage === 'init' || stage === 'start') {
      // The worker holds no run (it sent no `ready`): nothing may be posted to it as if it did, and
      // the next Train or request asks for a new one. The state is still the 'idle' of startRun.
      this.enter({ kind: 'none' });
      // The run that was to start from the saved weights never did: the next attempt gets them.
      if (this.weightsGeneration === this.generation) this.weightsOffered = false;
      const problem = stage === 'init' ? dataProblem(message, locations) : runStartProblem(message, locations);
      this.setSessionProblems([...this.sessionProblems, problem]);
    } else this.setSessionProblems([...this.sessionProblems, trainingErrorProblem(message, locations)]);
  }

  // ---- bookkeeping ------------------------------------------------------------------------

  private setState(state: SessionState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.emit({ kind: 'state', state });
  }

  private setNotice(notice: string | undefined): void {
    if (notice === this.noticeText || this.disposed) return;
    this.noticeText = notice;
    this.emit({ kind: 'notice' });
  }

  private setSessionProblems(problems: Problem[]): void {
    this.sessionProblems = problems;
    this.refreshProblems(true);
  }

  private refreshProblems(notify: boolean): void {
    const families = this.host.settings().diagnostics;
    const problems = combineProblems(
      { parse: this.parseResult.problems, session: this.sessionProblems, data: this.dataProblems, live: this.liveList },
      families,
    );
    const key = problemsSignature(problems);
    this.problemList = problems;
    if (key === this.problemKey) return;
    this.problemKey = key;
    if (notify) this.emit({ kind: 'problems' });
  }

  private emit(change: SessionChange): void {
    timed(`session.change.${change.kind}`, () => {
      for (const listener of [...this.listeners]) {
        try {
          listener(change);
        } catch (error) {
          this.host.log(`[${this.key}] ${t('a session listener failed: {reason}', { reason: errorMessage(error) })}`);
        }
      }
    });
  }
}

/** The log's line on what the worker's engine runs its matrix products on. */
export function kernelsMessage(kind: KernelKind): string {
  return kind === 'wasm-simd'
    ? t('The training worker runs its matrix products in WebAssembly with 128-bit SIMD (Float64).')
    : t('WebAssembly SIMD is not available here, so the training worker runs its matrix products in scalar JavaScript.');
}
