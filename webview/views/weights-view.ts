// View 2: each layer's weight histogram now, beside its distribution over time as TensorBoard
// draws it (nested percentile bands around the median), both with the range the initialisation
// drew from: weights that leave it have learned; weights that collapse onto 0 are being decayed.

import type { Chart } from 'chart.js';
import {
  bandPairs,
  histogramSteps,
  initialRange,
  layerFans,
  layerInit,
  percentileBands,
  weightSummary,
  type InitialRange,
} from '../../src/shared/view-models/distribution-view';
import { layerLabel } from '../../src/shared/view-models/gradient-view';
import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import { createChart, emptyZones, xy, type Zones } from '../charts';
import { h, TextSummary } from '../dom';
import type { Palette } from '../theme';
import { layoutModel, type View } from './view';
import { t } from '../../src/shared/l10n';

const MAX_POINTS = 300;

interface LayerRow {
  histogram: Chart;
  bands: Chart;
  histogramZones: Zones;
  bandZones: Zones;
}

export class WeightsView implements View {
  readonly id = 'weights';
  readonly title = t('Weights');
  readonly body: HTMLElement;
  readonly summary = new TextSummary();
  private readonly rows = h('div', { className: 'layer-rows' });
  private readonly empty = h('p', { className: 'note' }, t('Weight statistics appear after the first epoch.'));
  private layers: LayerRow[] = [];
  private shape = '';

  constructor() {
    this.body = h(
      'div',
      {},
      h('p', { className: 'note' }, t('Left: histogram now. Right: distribution over time (bands: min–max, 7–93%, 16–84%, 31–69%; line: median). Dashed: the initial range.')),
      this.empty,
      this.rows,
      this.summary.element,
    );
  }

  render(state: PanelState, changes: ReadonlySet<Change>, p: Palette): void {
    if (!changes.has('health') && !changes.has('timeline') && !changes.has('model') && this.layers.length > 0) return;
    const health = state.snapshot?.health;
    const model = layoutModel(state);
    this.empty.hidden = !!health;
    if (!health) return;
    const shape = health.layers.map((l) => l.units).join('-');
    if (shape !== this.shape) this.rebuild(state, p, shape);
    const fans = model ? layerFans(model) : [];
    const texts: string[] = [];
    health.layers.forEach((lh, i) => {
      const row = this.layers[i];
      if (!row) return;
      const fan = fans[i];
      const range: InitialRange | null = model && fan ? initialRange(layerInit(model, i), fan.fanIn, fan.fanOut) : null;
      const label = layerLabel(model, i, health.layers.length);
      texts.push(weightSummary(label, lh.weights, range));

      const steps = histogramSteps(lh.weights);
      (row.histogram.data.datasets[0] as { data: unknown }).data = xy(steps.x, steps.y);
      row.histogramZones.x = range && range.high > range.low ? [{ from: range.low, to: range.high, fill: p.alpha(p.muted, 0.12) }] : [];
      row.histogramZones.xLines = range ? [{ at: range.low, colour: p.muted }, { at: range.high, colour: p.muted }] : [];
      const lo = Math.min(lh.weights.histogram.min, range?.low ?? Infinity);
      const hi = Math.max(lh.weights.histogram.max, range?.high ?? -Infinity);
      const pad = (hi - lo || 1) * 0.05;
      const xScale = row.histogram.options.scales?.x as { min?: number; max?: number };
      xScale.min = lo - pad;
      xScale.max = hi + pad;
      (row.histogram.options.plugins as { title: { text: string } }).title.text = range ? t('{layer} · init {range}', { layer: label, range: range.label }) : label;
      row.histogram.update('none');

      const bands = percentileBands(state.timeline, i, MAX_POINTS);
      bands.series.forEach((series, k) => {
        const ds = row.bands.data.datasets[k];
        if (ds) (ds as { data: unknown }).data = xy(bands.epochs, series);
      });
      row.bandZones.yLines = range ? [{ at: range.low, colour: p.muted }, { at: range.high, colour: p.muted }] : [];
      row.bands.update('none');
    });
    this.summary.set(texts.join(' '));
  }

  private rebuild(state: PanelState, p: Palette, shape: string): void {
    this.destroy();
    this.shape = shape;
    const count = state.snapshot?.health?.layers.length ?? 0;
    const percentiles = state.snapshot?.health?.layers[0]?.weights.percentiles.length ?? 9;
    for (let i = 0; i < count; i++) {
      const histCanvas = h('canvas', { role: 'img', 'aria-label': t('Weight histogram of layer {layer}', { layer: String(i + 1) }) });
      const bandCanvas = h('canvas', { role: 'img', 'aria-label': t('Weight distribution over time of layer {layer}', { layer: String(i + 1) }) });
      this.rows.append(h('div', { className: 'layer-row' }, h('div', { className: 'chart short' }, histCanvas), h('div', { className: 'chart short' }, bandCanvas)));
      const histogramZones = emptyZones();
      const bandZones = emptyZones();
      const histogram = createChart(
        histCanvas,
        {
          type: 'line',
          data: { datasets: [{ label: t('share of weights %'), data: [], fill: 'origin', borderColor: p.train, backgroundColor: p.alpha(p.train, 0.35) }] },
          options: {
            parsing: false,
            plugins: { legend: { display: false }, title: { display: true, text: '', color: p.foreground, align: 'start' } },
            scales: { x: { type: 'linear', title: { display: true, text: 'weight' }, ticks: { includeBounds: false } }, y: { type: 'linear', beginAtZero: true, title: { display: true, text: '%' } } },
          },
        },
        () => histogramZones,
      );
      // TensorBoard's bands: outer pairs faint, inner pairs stronger, the median as a line.
      const pairs = bandPairs(percentiles);
      const datasets = Array.from({ length: percentiles }, (_, k) => {
        const pair = pairs.findIndex(([, hi]) => hi === k);
        const median = k === (percentiles - 1) / 2;
        return {
          label: `p${k}`,
          data: [] as { x: number; y: number }[],
          borderColor: median ? p.train : 'transparent',
          borderWidth: median ? 1.5 : 0,
          backgroundColor: p.alpha(p.train, 0.12 + 0.1 * pair),
          fill: pair >= 0 ? { target: (pairs[pair] as [number, number])[0] } : false,
        };
      });
      const bands = createChart(
        bandCanvas,
        {
          type: 'line',
          data: { datasets },
          options: {
            parsing: false,
            normalized: true,
            plugins: { legend: { display: false }, tooltip: { enabled: false } },
            scales: { x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { precision: 0 } }, y: { type: 'linear', title: { display: true, text: 'weight' } } },
          },
        },
        () => bandZones,
      );
      this.layers.push({ histogram, bands, histogramZones, bandZones });
    }
  }

  destroy(): void {
    for (const row of this.layers) {
      row.histogram.destroy();
      row.bands.destroy();
    }
    this.layers = [];
    this.shape = '';
    this.rows.replaceChildren();
  }
}
