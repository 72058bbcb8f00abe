// Dev harness: the panel's webview outside VS Code, fed by the real parser, training loop and live
// rules (in a Web Worker), for screenshots and frame-rate measurements in plain Chromium
// (test/e2e/panel-harness.ts drives it). It stands in for the extension side only: the app, views
// and messages are the shipped ones. Query: ?model=<url of a .nn.json>&theme=dark|light|high-contrast

import { applyEdits } from 'jsonc-parser';
import { liveProblems, parseModel, toTrainerInputs } from '../../src/model/index';
import type { ParseResult } from '../../src/model/spec';
import { hyperparameterEdit } from '../../src/editor/panel/hyperparameter-edit';
import { modelSummary, problemViews } from '../../src/editor/panel/model-summary';
import { validateFromWebview } from '../../src/shared/checks/validate-message';
import { appendSample, healthSample } from '../../src/shared/view-models/health-timeline';
import type { DataView, HistoryPoint, SessionState, Snapshot } from '../../src/shared/protocol/snapshot';
import type { FromWorker, SessionInit, ToWorker } from '../../src/shared/protocol/worker-messages';
import type { HealthSample, ToWebview } from '../../src/shared/protocol/webview-messages';
import type { Problem } from '../../src/model/spec';

const params = new URLSearchParams(location.search);
const modelUrl = params.get('model') ?? '';
document.body.className = `vscode-${params.get('theme') ?? 'dark'}`;

class DevSession {
  private parse: ParseResult;
  private readonly worker = new Worker('worker.js');
  private history: HistoryPoint[] = [];
  private latest: Snapshot | null = null;
  private data: DataView | null = null;
  private state: SessionState = 'idle';
  private live: Problem[] = [];
  private timeline: HealthSample[] = [];
  private generation = 1;
  /** Every message that reached the webview, counted for the measurements. */
  readonly sent = { snapshots: 0 };

  constructor(
    private text: string,
    csv: string | undefined,
    private readonly deliver: (m: ToWebview) => void,
  ) {
    this.parse = parseModel(text);
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.fromWorker(e.data);
    const spec = this.parse.spec;
    if (!spec) return;
    const inputs = toTrainerInputs(spec, csv);
    const init: SessionInit = { ...inputs, snapshotIntervalMs: 50, diagramParameterLimit: 5000, boundaryResolution: 48 };
    this.toWorker({ type: 'init', init, generation: this.generation });
  }

  private toWorker(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  private fromWorker(m: FromWorker): void {
    switch (m.type) {
      case 'ready':
        this.data = m.data;
        this.deliver({ type: 'data', data: m.data });
        this.deliver({ type: 'model', model: this.summary() });
        return;
      case 'snapshot': {
        const s = m.snapshot;
        for (const point of s.points) this.history.push(point);
        this.latest = s;
        this.state = s.state;
        const sample = healthSample(s);
        if (sample) appendSample(this.timeline, sample);
        if (s.health) this.live = liveProblems({ parse: this.parse, health: s.health, history: this.history });
        this.sent.snapshots++;
        this.deliver({ type: 'snapshot', snapshot: s });
        this.deliver({ type: 'problems', problems: problemViews([...this.parse.problems, ...this.live]) });
        return;
      }
      case 'unit-grid':
        this.deliver({ type: 'unit-grid', id: this.pendingGrid.get(m.id) ?? -1, grid: m.grid });
        return;
      case 'error':
        console.error('worker:', m.message);
        return;
      default:
        return;
    }
  }

  private readonly pendingGrid = new Map<number, number>();
  private nextRequest = 1;

  private summary() {
    return modelSummary(this.parse, modelUrl.slice(modelUrl.lastIndexOf('/') + 1), this.data);
  }

  full(): void {
    this.deliver({
      type: 'full',
      model: this.summary(),
      history: [...this.history],
      snapshot: this.latest,
      data: this.data,
      problems: problemViews([...this.parse.problems, ...this.live]),
      sessionKey: `dev:${modelUrl}`,
      state: this.state,
      timeline: [...this.timeline],
    });
  }

  handle(raw: unknown): void {
    const v = validateFromWebview(raw, { layerUnits: this.parse.spec?.layers.map((l) => l.units) });
    if (!v.ok) return console.warn('rejected', v.reason);
    const m = v.message;
    switch (m.type) {
      case 'ready':
        return this.full();
      case 'command':
        if (m.command === 'reset') {
          this.generation++;
          this.history = [];
          this.latest = null;
          this.timeline = [];
          this.live = [];
          this.toWorker({ type: 'reset', generation: this.generation });
          return this.full();
        }
        // The browser harness has no file system to export to: the extension's command does that.
        if (m.command === 'export') return console.info('Export to PyTorch runs in VS Code, not in the browser harness.');
        return this.toWorker({ type: m.command });
      case 'set-hyperparameter': {
        const edit = hyperparameterEdit(this.text, this.parse.locations, m.field, m.value);
        if (!edit.ok) return console.warn(edit.reason);
        this.text = applyEdits(this.text, edit.edits.map((e) => ({ offset: e.offset, length: e.length, content: e.newText })));
        this.parse = parseModel(this.text);
        if (this.parse.spec) this.toWorker({ type: 'update-training', patch: this.parse.spec.training });
        this.deliver({ type: 'model', model: this.summary() });
        return;
      }
      case 'reveal-problem':
        document.body.dataset.revealed = `${m.line}:${m.character}`;
        return;
      case 'unit-grid': {
        const id = this.nextRequest++;
        this.pendingGrid.set(id, m.id);
        return this.toWorker({ type: 'unit-grid', id, layer: m.layer, unit: m.unit, size: 32 });
      }
      case 'toggle-unit':
        return this.toWorker({ type: 'toggle-unit', layer: m.layer, unit: m.unit });
    }
  }
}

async function start(): Promise<void> {
  const text = await (await fetch(modelUrl)).text();
  const spec = parseModel(text).spec;
  const csvPath = spec?.data.kind === 'csv' ? spec.data.path : undefined;
  const csv = csvPath ? await (await fetch(new URL(csvPath, new URL(modelUrl, location.href)))).text() : undefined;
  let state: unknown = {};
  const deliver = (m: ToWebview) => window.dispatchEvent(new MessageEvent('message', { data: m }));
  const session = new DevSession(text, csv, deliver);
  (window as unknown as { devSession: DevSession }).devSession = session;
  (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
    postMessage: (m: unknown) => queueMicrotask(() => session.handle(structuredClone(m))),
    getState: () => state,
    setState: (s: unknown) => (state = s),
  });
  await import('../main');
}

void start();
