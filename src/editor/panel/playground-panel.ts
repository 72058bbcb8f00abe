// One playground panel: a webview that follows the active model's training session. It sends a
// `full` message whenever the webview (re)loads, then batched updates while it is visible, and
// turns the webview's validated requests into session calls and WorkspaceEdits.

import * as vscode from 'vscode';
import type { ExperimentResults } from './experiment-results';
import { currentBundle, fileName, t } from '../../shared/l10n';
import type { SessionChange, SessionRegistry, TrainingSession } from '../../session/session-api';
import type { Snapshot } from '../../shared/protocol/snapshot';
import type { FromWebview, HyperparameterField, ToWebview } from '../../shared/protocol/webview-messages';
import { hyperparameterEdit } from './hyperparameter-edit';
import { addPointEdit, handDataView, parseModel, removePointEdit } from '../../model/index';
import { modelSummary, problemAt, problemViews } from './model-summary';
import { makeNonce, panelHtml } from './panel-html';
import { validateFromWebview } from '../../shared/checks/validate-message';
import { countMessage, timed } from '../../session/host-counters';
import { COMMANDS } from '../commands-ids';
import { thinHistory } from '../../shared/view-models/decimate';
import { samplesSince } from '../../shared/view-models/health-timeline';
import { newPoints, sentWithFull, snapshotUpdate, type SentReports } from './snapshot-update';
import { Comparison } from './comparison';
import { runCompareAction } from './compare-actions';

export const PANEL_VIEW_TYPE = 'nnPlayground.panel';

/**
 * Update batches at least this far apart (the worker sends up to 20 snapshots a second). The
 * webview redraws its charts a few times a second at most (render-budget.ts): more messages would
 * only cost the thread it shares with the workbench. State changes and notices go at once.
 */
const MIN_UPDATE_INTERVAL_MS = 100;
/** Epochs a `full` message carries at most (the charts draw at most 600 of them). */
const FULL_HISTORY_POINTS = 4000;
/** Side of the grid a hovered unit's output is drawn on. */
const UNIT_GRID_SIZE = 32;

/** The webview's bundle: its folder is, with media/, all the webview may load (not the host's code). */
const WEBVIEW_BUNDLE = ['dist', 'webview', 'webview.js'] as const;
/** Copied there from @vscode/codicons by esbuild.mjs, beside its font. */
const CODICONS_CSS = ['dist', 'webview', 'codicons', 'codicon.css'] as const;

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, WEBVIEW_BUNDLE.slice(0, -1).join('/'))],
  };
}

export class PlaygroundPanel implements vscode.Disposable {
  private session: TrainingSession | undefined;
  private sessionSubscription: vscode.Disposable | undefined;
  /** Keeps the shown session alive after its document closes, for as long as the panel shows it. */
  private retention: vscode.Disposable | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The webview has loaded and asked for its state: messages before that are lost. */
  private ready = false;
  /** History points already sent; the next snapshot carries the rest. */
  private sentHistory = 0;
  /**
   * Epoch of the last health sample sent. Batches skip snapshots, and with them the samples the
   * worker put in them, so each batch carries the timeline's samples since this one instead.
   */
  private sentSampleEpoch = -1;
  /** The health report and diagrams the webview has: the next update carries them only when new. */
  private sentReports: SentReports = {};
  private pending = { snapshot: false, model: false, problems: false, data: false, full: false };
  private flushTimer: NodeJS.Timeout | undefined;
  private lastFlush = 0;
  private disposed = false;
  /** Points placed by hand, written in the order they were clicked. */
  private pointWrites: Promise<void> = Promise.resolve();
  readonly onDidDispose: vscode.Event<void>;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Runs pinned side by side in the Compare view, each with its own session and worker. */
  private readonly comparison: Comparison;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly sessions: SessionRegistry,
    private readonly log: (message: string) => void,
    preferredKey?: string,
    private readonly experiments?: ExperimentResults,
  ) {
    this.onDidDispose = this.disposeEmitter.event;
    this.comparison = new Comparison(sessions, (runs) => this.post({ type: 'comparison', runs }), (key) => fileName(vscode.Uri.parse(key).path));
    panel.webview.options = webviewOptions(extensionUri);
    // The tab icon follows the theme the way VS Code's own icons do (one per light/dark variant).
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'panel-icon-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'panel-icon-dark.svg'),
    };
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw).catch((error: unknown) => this.reportFailure(error))),
      panel.onDidChangeViewState(() => {
        // Hidden webviews drop messages; a stale one that comes back gets everything again.
        if (panel.visible && this.pending.full) this.schedule();
        else if (panel.visible && this.comparison.size > 0) this.post({ type: 'comparison', runs: this.comparison.runs() });
      }),
      // The panel follows the model being edited; its title says which one.
      sessions.onDidChangeActive((s) => s && s !== this.session && this.attach(s)),
      // A bias-variance measurement of the model shown: its view draws it.
      experiments?.onDidChange((key) => key === this.session?.key && this.sendExperiment()) ?? { dispose: () => undefined },
    );
    this.attach((preferredKey && sessions.get(preferredKey)) || sessions.active);
    this.setHtml();
  }

  /** Shows the session of `key` (or the active one) in this panel. */
  show(key?: string): void {
    const session = key ? this.sessions.get(key) : undefined;
    if (session && session !== this.session) this.attach(session);
    this.panel.reveal(undefined, true);
  }

  /** Pins the sessions of `keys` (models just opened to be compared), in that order. */
  compare(keys: readonly string[]): void {
    for (const key of keys) {
      const session = this.sessions.get(key);
      if (session) this.comparison.pin(session);
    }
  }

  private setHtml(): void {
    const webview = this.panel.webview;
    this.ready = false;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, WEBVIEW_BUNDLE.join('/'))).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css')).toString(),
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, CODICONS_CSS.join('/'))).toString(),
      language: vscode.env.language,
      bundle: currentBundle(),
    });
  }

  private attach(session: TrainingSession | undefined): void {
    this.sessionSubscription?.dispose();
    this.retention?.dispose();
    this.retention = session ? this.sessions.retain?.(session.key) : undefined;
    this.session = session;
    this.sessionSubscription = session?.onDidChange((change) => this.onSessionChange(change));
    this.panel.title = session ? `NN Playground · ${fileName(vscode.Uri.parse(session.key).path)}` : 'NN Playground';
    this.requestFull();
    this.prepareForHands();
  }

  /**
   * Points are placed on the plane of the data, which the worker builds: for a model that offers
   * data by hand, build it now rather than at the first Train, so the lesson's plane
   * shows and takes clicks at once.
   */
  private prepareForHands(): void {
    const s = this.session;
    if (!s || s.data !== null) return;
    const hand = handDataView(s.parse.spec?.data, s.parse.spec?.layers.at(-1));
    // An empty plane has no run to build: the panel draws it from the model alone.
    if (hand.offered && hand.points > 0) s.prepare?.();
  }

  private onSessionChange(change: SessionChange): void {
    switch (change.kind) {
      case 'snapshot':
        this.pending.snapshot = true;
        break;
      case 'state':
        if (this.session && this.session.history.length < this.sentHistory) this.pending.full = true;
        // The epoch a state ends on goes with it, at once: the session sets the state of a
        // snapshot before it announces the snapshot, and a state sent alone, ahead of the next
        // batch, showed Train beside an epoch up to 3 s older than the status bar's (the soak).
        if (this.session?.latest) {
          this.pending.snapshot = true;
          this.flushAtOnce();
        }
        this.post({ type: 'state', state: change.state, ...(this.session?.latest?.message ? { message: this.session.latest.message } : {}) });
        break;
      case 'model':
        if (change.reset) this.pending.full = true;
        else this.pending.model = true;
        this.prepareForHands();
        break;
      case 'problems':
        this.pending.problems = true;
        break;
      case 'data':
        this.pending.data = true;
        break;
      case 'notice':
        // Said the moment it happens, not in the next batch (the stop it announces is immediate).
        this.post({ type: 'notice', notice: this.session?.notice ?? null });
        break;
    }
    this.schedule();
  }

  private requestFull(): void {
    this.pending.full = true;
    this.schedule();
  }

  /** Coalesces session changes into at most one batch every MIN_UPDATE_INTERVAL_MS. */
  private schedule(): void {
    if (this.flushTimer || this.disposed) return;
    const wait = Math.max(0, this.lastFlush + MIN_UPDATE_INTERVAL_MS - Date.now());
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, wait);
  }

  /** Sends the pending batch now, not at the next interval (what it carries must show at once). */
  private flushAtOnce(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.flush();
  }

  private flush(): void {
    timed('panel.flush', () => this.flushNow());
  }

  private flushNow(): void {
    // Not loaded or hidden: keep the batch pending; the webview asks for `full` when it loads.
    if (!this.ready || !this.panel.visible) {
      this.pending.full ||= this.pending.snapshot || this.pending.model || this.pending.problems || this.pending.data;
      return;
    }
    this.lastFlush = Date.now();
    const p = this.pending;
    this.pending = { snapshot: false, model: false, problems: false, data: false, full: false };
    const s = this.session;
    if (p.full || (s && s.history.length < this.sentHistory)) return this.sendFull();
    if (!s) return;
    if (p.model) this.post({ type: 'model', model: this.summary(s) });
    if (p.data) this.post({ type: 'data', data: s.data });
    if (p.problems) this.post({ type: 'problems', problems: problemViews(s.problems) });
    if (p.snapshot && s.latest) {
      const points = newPoints(s.history, this.sentHistory);
      this.sentHistory = s.history.length;
      const healthSamples = samplesSince(s.health, this.sentSampleEpoch);
      this.sentSampleEpoch = healthSamples.at(-1)?.epoch ?? this.sentSampleEpoch;
      const update = snapshotUpdate({ ...withSessionDiagrams(s), state: s.state, healthSamples }, points, this.sentReports);
      this.sentReports = update.sent;
      this.post({ type: 'snapshot', snapshot: update.snapshot });
    }
  }

  private sendFull(): void {
    const s = this.session;
    this.sentHistory = s?.history.length ?? 0;
    const lastEpoch = s?.history.at(-1)?.epoch ?? 0;
    const timeline = s ? s.health.filter((t) => t.epoch <= lastEpoch) : [];
    this.sentSampleEpoch = timeline.at(-1)?.epoch ?? -1;
    const snapshot = s?.latest ? withSessionDiagrams(s) : null;
    this.sentReports = sentWithFull(snapshot);
    this.post({
      type: 'full',
      model: s ? this.summary(s) : null,
      history: s ? thinHistory(s.history, FULL_HISTORY_POINTS) : [],
      snapshot,
      data: s?.data ?? null,
      problems: s ? problemViews(s.problems) : [],
      ...(s ? { sessionKey: s.key, state: s.state, timeline, pace: s.pace } : {}),
      ...(s?.notice ? { notice: s.notice } : {}),
    });
    this.sendExperiment();
    this.post({ type: 'comparison', runs: this.comparison.runs() });
  }

  /** The shown model's latest bias-variance measurement, or null (the view then says how to run one). */
  private sendExperiment(): void {
    if (this.experiments === undefined) return;
    const key = this.session?.key;
    this.post({ type: 'bias-variance', report: (key !== undefined ? this.experiments.get(key) : undefined) ?? null });
  }

  private summary(s: TrainingSession) {
    return modelSummary(s.parse, fileName(vscode.Uri.parse(s.key).path), s.data);
  }

  private post(message: ToWebview): void {
    if (!this.ready || this.disposed) return;
    countMessage('host→webview', message);
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const validation = validateFromWebview(raw, { layerUnits: this.session?.parse.spec?.layers.map((l) => l.units) });
    if (!validation.ok) {
      this.log(t('Panel: ignored a message from the webview ({reason}).', { reason: validation.reason }));
      return;
    }
    const message: FromWebview = validation.message;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.pending.full = false;
        this.sendFull();
        return;
      case 'command':
        return this.runCommand(message.command);
      case 'set-hyperparameter':
        return this.writeHyperparameter(message.field, message.value);
      case 'reveal-problem':
        return this.revealProblem(message.line, message.character);
      case 'unit-grid':
        return this.sendUnitGrid(message.id, message.layer, message.unit);
      case 'compare':
        return runCompareAction(message.action, this.comparison, this.sessions, this.session);
      case 'compare-remove':
        return this.comparison.remove(message.key);
      case 'step-batch':
        return this.session ? this.session.stepBatch() : this.runCommand('step');
      case 'set-pace':
        return this.session?.setPace(message.epochsPerSecond);
      case 'toggle-unit':
        // Not an edit of the model: the file stays as it is, and the worker holds the switch.
        return this.session?.toggleUnit(message.layer, message.unit);
      case 'add-point':
      case 'remove-point':
        // One after the other: each edit is computed from the text the previous one left.
        this.pointWrites = this.pointWrites.then(() => this.writePoint(message)).catch((error: unknown) => this.log(String(error)));
        return this.pointWrites;
      default:
        return assertNever(message);
    }
  }

  private runCommand(command: 'train' | 'pause' | 'step' | 'reset' | 'export'): void {
    const s = this.session;
    if (!s) return void vscode.window.showInformationMessage(t('Open a .nn.json model to train it.'));
    switch (command) {
      case 'train':
        return s.train();
      case 'pause':
        return s.pause();
      case 'step':
        return s.step();
      case 'reset':
        return s.reset();
      case 'export':
        // The editor command asks its questions and writes the file; the panel only starts it.
        return void vscode.commands.executeCommand(COMMANDS.exportPytorch, s.key);
    }
  }

  /** Writes through the document, so the edit can be undone and the session re-parses the text. */
  private async writeHyperparameter(field: HyperparameterField, value: number | string): Promise<void> {
    const s = this.session;
    if (!s) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(s.key));
    // Locate the value in the text as it is now: the session's parse lags edits by its debounce,
    // and a range from it could cover only part of a number the previous write made longer.
    const result = hyperparameterEdit(document.getText(), undefined, field, value);
    if (!result.ok) {
      void vscode.window.showWarningMessage(t('Could not set {field}: {reason}.', { field, reason: result.reason }));
      return;
    }
    if (result.edits.length === 0) return;
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) {
      edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) void vscode.window.showWarningMessage(t('Could not set {field}: the edit was refused.', { field }));
  }

  /**
   * A point placed (or taken away) by hand in the boundary view: one sample more or fewer in the
   * file's inline data, as one WorkspaceEdit, so one Undo takes it back. Computed from the text as
   * it is now (the session's parse lags by its debounce, and clicks come faster).
   */
  private async writePoint(message: Extract<FromWebview, { type: 'add-point' | 'remove-point' }>): Promise<void> {
    const s = this.session;
    if (!s) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(s.key));
    const text = document.getText();
    const spec = parseModel(text, { lint: false }).spec;
    const data = spec?.data;
    const point = [message.x1, message.x2] as const;
    const result = message.type === 'add-point' ? addPointEdit(text, data, point, message.classIndex, spec?.layers.at(-1)) : removePointEdit(text, data, point, message.tolerance, message.classIndex);
    if (!result.ok) {
      // Nothing under a shift-click is not a mistake; the rest are (the view only offers what it can do).
      if (result.reason !== 'no-point-there') this.log(t('Panel: no point was written ({reason}).', { reason: result.reason }));
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) void vscode.window.showWarningMessage(t('Could not change the data: the edit was refused.'));
  }

  private async revealProblem(line: number, character: number): Promise<void> {
    const s = this.session;
    if (!s) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(s.key));
    const problem = problemAt(s.problems, line, character);
    const start = document.validatePosition(new vscode.Position(line, character));
    const range = problem
      ? new vscode.Range(document.validatePosition(new vscode.Position(problem.range.start.line, problem.range.start.character)), document.validatePosition(new vscode.Position(problem.range.end.line, problem.range.end.character)))
      : new vscode.Range(start, start);
    const column = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn ?? vscode.ViewColumn.One;
    await vscode.window.showTextDocument(document, { viewColumn: column, selection: range, preserveFocus: false });
  }

  /** A request from the webview failed (e.g. its model was deleted or renamed): say so, don't throw. */
  private reportFailure(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log(t('Panel: a request from the panel failed ({reason}).', { reason: message }));
    void vscode.window.showWarningMessage(`NN Playground: ${message}`);
  }

  private async sendUnitGrid(id: number, layer: number, unit: number): Promise<void> {
    const s = this.session;
    if (!s) return;
    try {
      const grid = await s.unitGrid(layer, unit, UNIT_GRID_SIZE);
      this.post({ type: 'unit-grid', id, grid });
    } catch (error) {
      this.log(t('Panel: no output grid for layer {layer} unit {unit} ({reason}).', { layer: String(layer), unit: String(unit), reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.sessionSubscription?.dispose();
    this.retention?.dispose();
    this.comparison.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

/** The latest snapshot with the run's latest diagrams (most snapshots carry none of their own). */
function withSessionDiagrams(s: TrainingSession): Snapshot {
  return { ...(s.latest as Snapshot), ...(s.diagrams ?? {}) };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled webview message ${JSON.stringify(value)}`);
}
