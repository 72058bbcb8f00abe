// View 4: per layer, the pre-activations' histogram over the activation function, with the
// saturation zones shaded (the derivative vanishes there), the linear zone marked, ReLU's dead
// side shaded, and the saturated or dead share written on it.

import type { Chart } from 'chart.js';
import { activationChartData, activationSummary, zoneBands } from '../../src/shared/view-models/activation-view';
import { layerLabel } from '../../src/shared/view-models/gradient-view';
import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import { createChart, emptyZones, xy, type Zones } from '../charts';
import { h, TextSummary, setText } from '../dom';
import type { Palette } from '../theme';
import { layoutModel, type View } from './view';
import { t } from '../../src/shared/l10n';

interface Panel {
  chart: Chart;
  zones: Zones;
  note: HTMLElement;
}

export class ActivationsView implements View {
  readonly id = 'activations';
  readonly title = t('Activations');
  readonly body: HTMLElement;
  readonly summary = new TextSummary();
  private readonly grid = h('div', { className: 'small-multiples' });
  private readonly empty = h('p', { className: 'note' }, t('Pre-activations appear after the first epoch.'));
  private panels: Panel[] = [];
  private shape = '';

  constructor() {
    this.body = h(
      'div',
      {},
      h('p', { className: 'note' }, t('Bars: pre-activations z. Line: the activation φ(z). Shaded red: saturation zones (φ′ ≈ 0); green: linear zone; grey: ReLU’s dead side.')),
      this.empty,
      this.grid,
      this.summary.element,
    );
  }

  render(state: PanelState, changes: ReadonlySet<Change>, p: Palette): void {
    if (!changes.has('health') && !changes.has('model') && this.panels.length > 0) return;
    const health = state.snapshot?.health;
    this.empty.hidden = !!health;
    if (!health) return;
    const shape = health.layers.map((l) => `${l.activation}${l.units}`).join('-');
    if (shape !== this.shape) this.rebuild(health.layers.length, p, shape);
    const model = layoutModel(state);
    const texts: string[] = [];
    health.layers.forEach((lh, i) => {
      const panel = this.panels[i];
      if (!panel) return;
      const label = layerLabel(model, i, health.layers.length);
      const d = activationChartData(lh);
      const [hist, curve] = panel.chart.data.datasets;
      (hist as { data: unknown }).data = xy(d.histogram.x, d.histogram.y);
      (curve as { data: unknown; label: string }).data = xy(d.curve.x, d.curve.y);
      (curve as { label: string }).label = lh.activation === 'softmax' ? t('softmax (one logit against 0)') : lh.activation;
      const z = panel.zones;
      const saturated = p.alpha(p.error, p.highContrast ? 0.3 : 0.14);
      z.x = [];
      for (const band of zoneBands(d)) {
        const fill = band.kind === 'saturated' ? saturated : band.kind === 'linear' ? p.alpha(p.ok, p.highContrast ? 0.3 : 0.14) : p.alpha(p.muted, 0.18);
        z.x.push({ from: band.from, to: band.to, fill });
      }
      const x = panel.chart.options.scales?.x as { min?: number; max?: number };
      x.min = d.xMin;
      x.max = d.xMax;
      (panel.chart.options.plugins as { title: { text: string } }).title.text = label;
      panel.chart.update('none');
      setText(panel.note, d.note ?? '');
      panel.note.hidden = !d.note;
      texts.push(activationSummary(label, lh));
    });
    this.summary.set(texts.join(' '));
  }

  private rebuild(count: number, p: Palette, shape: string): void {
    this.destroy();
    this.shape = shape;
    for (let i = 0; i < count; i++) {
      const canvas = h('canvas', { role: 'img', 'aria-label': t('Pre-activations of layer {layer} over its activation function', { layer: String(i + 1) }) });
      const note = h('span', { className: 'chart-note' });
      this.grid.append(h('div', { className: 'chart short overlay-host' }, canvas, note));
      const zones = emptyZones();
      const chart = createChart(
        canvas,
        {
          type: 'line',
          data: {
            datasets: [
              { label: t('pre-activations %'), data: [], fill: 'origin', borderColor: p.train, backgroundColor: p.alpha(p.train, 0.35), yAxisID: 'y' },
              { label: t('activation'), data: [], borderColor: p.foreground, backgroundColor: p.foreground, yAxisID: 'y1', borderWidth: 2 },
            ],
          },
          options: {
            parsing: false,
            plugins: { legend: { display: false }, title: { display: true, text: '', color: p.foreground, align: 'start' } },
            scales: {
              x: { type: 'linear', title: { display: true, text: 'z' }, ticks: { includeBounds: false } },
              y: { type: 'linear', beginAtZero: true, position: 'left', title: { display: true, text: '%' } },
              y1: { type: 'linear', position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'φ(z)' } },
            },
          },
        },
        () => zones,
      );
      this.panels.push({ chart, zones, note });
    }
  }

  destroy(): void {
    for (const panel of this.panels) panel.chart.destroy();
    this.panels = [];
    this.shape = '';
    this.grid.replaceChildren();
  }
}
