// The panel's webview: one collapsible section per view, the toolbar, the state, and the routing
// of the extension's messages. It asks for everything (`ready`) when it loads, so a hidden, moved
// or reloaded panel shows the same state.

import { applyMessage, emptyState, type Change } from '../src/shared/view-models/panel-state';
import type { FromWebview, ToWebview } from '../src/shared/protocol/webview-messages';
import { applyChartTheme } from './charts';
import { Controls } from './controls';
import { Announcer, h } from './dom';
import { RenderLoop } from './render-loop';
import { observeTheme, readPalette, type Palette } from './theme';
import type { Host } from './vscode-api';
import { ActivationsView } from './views/activations-view';
import { BiasVarianceView } from './views/bias-variance-view';
import { BoundaryView } from './views/boundary-view';
import { CompareView } from './views/compare-view';
import { GradientsView } from './views/gradients-view';
import { LossView } from './views/loss-view';
import { NetworkView } from './views/network-view';
import { ProblemsView } from './views/problems-view';
import { TheoryView } from './views/theory-view';
import { ALL_CHANGES, type View } from './views/view';
import { WeightsView } from './views/weights-view';

export class App {
  private readonly state = emptyState();
  private palette: Palette;
  private readonly controls: Controls;
  private readonly views: View[];
  private readonly sections = new Map<View, HTMLDetailsElement>();
  private readonly network: NetworkView;
  private readonly biasVariance: BiasVarianceView;
  /** Views that were closed (or themed) since their last draw: they redraw everything once. */
  private readonly stale = new Set<View>();
  readonly loop: RenderLoop;

  constructor(
    root: HTMLElement,
    private readonly host: Host,
  ) {
    this.palette = readPalette();
    applyChartTheme(this.palette);
    // A pace picked in the panel applies to the state at once (the boundary view reads it); the
    // host keeps it for the session and sends it back with the next `full`.
    const post = (message: FromWebview) => {
      if (message.type === 'set-pace') this.state.pace = message.epochsPerSecond;
      host.post(message);
    };
    const saved = host.state();
    const announcer = new Announcer();
    const loss = new LossView(saved.logScale ?? false, (logScale) => host.updateState({ logScale }));
    this.network = new NetworkView(post, (text) => announcer.say(text));
    this.biasVariance = new BiasVarianceView(() => this.loop.request(['data']));
    this.views = [loss, new TheoryView(), new CompareView(post), new BoundaryView(post), this.network, new GradientsView(), new WeightsView(), new ActivationsView(), new ProblemsView(post, announcer), this.biasVariance];
    this.controls = new Controls(post, announcer);
    this.loop = new RenderLoop((changes) => this.draw(changes));
    loss.requestRender = () => this.loop.request(ALL_CHANGES);

    const closed = new Set(saved.closedViews ?? []);
    const grid = h('div', { className: 'views' });
    for (const view of this.views) {
      const section = h(
        'details',
        { className: `view view-${view.id}`, id: `view-${view.id}`, 'data-view': view.id, open: !closed.has(view.id) },
        h('summary', {}, h('h2', {}, view.title)),
        view.body,
      );
      section.addEventListener('toggle', () => {
        host.updateState({ closedViews: this.views.filter((v) => !this.sections.get(v)?.open).map((v) => v.id) });
        if (section.open) {
          this.stale.add(view);
          this.loop.request(ALL_CHANGES);
        }
      });
      this.sections.set(view, section);
      grid.append(section);
    }
    // Each view's text summary is its charts' alternative: every canvas in it is described by it.
    for (const view of this.views) view.summary.element.id ||= `${view.id}-summary`;
    root.replaceChildren(this.controls.element, grid, announcer.element);
    root.removeAttribute('aria-busy');

    observeTheme(() => this.themeChanged());
    // Canvases drawn directly follow the panel's width; the grid's height changes with every
    // summary that wraps differently, and must not redraw them.
    let width = -1;
    new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width ?? width;
      if (next === width) return;
      width = next;
      this.loop.request(['data']);
    }).observe(grid);
    window.addEventListener('message', (e: MessageEvent<ToWebview>) => this.receive(e.data));
    host.post({ type: 'ready' });
  }

  receive(message: ToWebview): void {
    if (!message || typeof message !== 'object') return;
    if (message.type === 'unit-grid') {
      this.network.onUnitGrid(message.id, message.grid);
      return;
    }
    if (message.type === 'bias-variance') {
      this.biasVariance.onReport(message.report);
      this.loop.request(['data']);
      return;
    }
    if (message.type === 'snapshot') this.loop.stats.snapshots++;
    const changes = applyMessage(this.state, message);
    if (message.type === 'full') {
      this.host.updateState({ sessionKey: this.state.sessionKey ?? undefined });
      for (const v of this.views) this.stale.add(v);
    }
    this.loop.request(changes);
  }

  private draw(changes: ReadonlySet<Change>): void {
    this.controls.render(this.state);
    for (const view of this.views) {
      if (!this.sections.get(view)?.open) continue;
      const stale = this.stale.delete(view);
      const started = performance.now();
      try {
        view.render(this.state, stale ? ALL_CHANGES : changes, this.palette);
      } catch (error) {
        // One view failing must not blank the others; the console keeps the detail.
        console.error(`NN Playground: the ${view.title} view failed to draw`, error);
      }
      this.describeCharts(view);
      const viewMs = this.loop.stats.viewMs;
      viewMs[view.id] = (viewMs[view.id] ?? 0) + performance.now() - started;
    }
  }

  /** Canvases a view adds as it draws (one per layer) get its summary as their description. */
  private describeCharts(view: View): void {
    for (const canvas of view.body.querySelectorAll('canvas[role="img"]:not([aria-describedby])')) canvas.setAttribute('aria-describedby', view.summary.element.id);
  }

  private themeChanged(): void {
    this.palette = readPalette();
    applyChartTheme(this.palette);
    for (const v of this.views) {
      v.destroy();
      this.stale.add(v);
    }
    this.loop.request(ALL_CHANGES);
  }
}
