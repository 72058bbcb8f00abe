// View 3: gradient flow. Mean |∂L/∂W| per layer, input side first, on a log axis: bars for now,
// lines over time. Layers the live rules call vanishing or exploding are coloured and carry the
// rule's code in their label.

import type { Chart, Plugin } from 'chart.js';
import { GRADIENT_FLOOR, gradientBars, gradientLines, gradientSummary, layerShort, type GradientBars } from '../../src/shared/view-models/gradient-view';
import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import { createChart, logTicks, xy } from '../charts';
import { h, TextSummary } from '../dom';
import type { Palette } from '../theme';
import type { View } from './view';
import { t } from '../../src/shared/l10n';

const MAX_POINTS = 300;

export class GradientsView implements View {
  readonly id = 'gradients';
  readonly title = t('Gradient flow');
  readonly body: HTMLElement;
  readonly summary = new TextSummary();
  private readonly barCanvas = h('canvas', { role: 'img', 'aria-label': t('Mean absolute gradient per layer, input to output') });
  private readonly lineCanvas = h('canvas', { role: 'img', 'aria-label': t('Mean absolute gradient per layer over time') });
  private readonly empty = h('p', { className: 'note' }, t('Gradients appear after the first epoch.'));
  private bars: Chart | undefined;
  private lines: Chart | undefined;
  private layers = -1;
  private current: GradientBars | undefined;
  private palette: Palette | undefined;

  constructor() {
    this.body = h(
      'div',
      {},
      h(
        'p',
        { className: 'note' },
        t('Mean |∂L/∂W| per layer, input → output (log scale). Dashed ticks: the live rules’ limits against the next layer — below the lower one the layer is vanishing, above the upper one exploding.'),
      ),
      this.empty,
      h('div', { className: 'chart short' }, this.barCanvas),
      h('div', { className: 'chart short' }, this.lineCanvas),
      this.summary.element,
    );
  }

  render(state: PanelState, changes: ReadonlySet<Change>, p: Palette): void {
    if (!changes.has('health') && !changes.has('timeline') && !changes.has('problems') && !changes.has('model') && this.bars) return;
    const health = state.snapshot?.health;
    this.empty.hidden = !!health;
    if (!health) return;
    const n = health.layers.length;
    if (n !== this.layers) {
      this.destroy();
      this.layers = n;
    }
    const b = gradientBars(health, state.problems);
    this.current = b;
    this.palette = p;
    this.bars ??= this.createBars();
    // Keep the limits on the axis: a log axis fitted to the bars alone would clip them.
    const shown = [...b.values, ...b.limits.flatMap((l) => (l ? [l.vanishing, l.exploding] : []))].filter((v) => v > 0 && Number.isFinite(v));
    const y = this.bars.options.scales?.y as { min?: number; max?: number };
    y.min = shown.length ? Math.max(GRADIENT_FLOOR, shown.reduce((a, b) => Math.min(a, b)) / 3) : undefined;
    y.max = shown.length ? shown.reduce((a, b) => Math.max(a, b)) * 3 : undefined;
    const colours = b.flags.map((f) => (f?.kind === 'exploding' ? p.error : f?.kind === 'vanishing' ? p.warning : p.train));
    this.bars.data.labels = b.labels;
    const bar = this.bars.data.datasets[0] as { data: unknown; backgroundColor: unknown; borderColor: unknown };
    bar.data = b.values.map((v) => Math.max(v, GRADIENT_FLOOR));
    bar.backgroundColor = colours.map((c) => p.alpha(c, 0.7));
    bar.borderColor = colours;
    this.bars.update('none');

    const lines = gradientLines(state.timeline, n, MAX_POINTS);
    this.lines ??= this.createLines(p, n);
    lines.series.forEach((series, k) => {
      const ds = this.lines?.data.datasets[k];
      if (ds) {
        // A sample without gradients yet (before the first step) is a gap, not a point at the floor.
        (ds as { data: unknown }).data = xy(lines.epochs, series.map((v) => (Number.isFinite(v) && v > 0 ? v : null)));
        const flag = b.flags[k];
        (ds as { borderDash: number[] }).borderDash = flag ? [5, 3] : [];
      }
    });
    this.lines.update('none');
    this.summary.set(gradientSummary(b));
  }

  private createBars(): Chart {
    return createChart(this.barCanvas, {
      plugins: [this.limitsPlugin()],
      type: 'bar',
      data: { labels: [], datasets: [{ label: t('mean |∂L/∂W|'), data: [], borderWidth: 1 }] },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          y: { type: 'logarithmic', title: { display: true, text: t('mean |∂L/∂W|') }, ticks: { callback: logTicks } },
          // A flagged layer's label carries the rule's code; chart.js turns long labels when they crowd.
          x: { ticks: { autoSkip: false, maxRotation: 60 } },
        },
      },
    });
  }

  /** Dashed ticks across each bar at the vanishing and exploding limits. */
  private limitsPlugin(): Plugin {
    return {
      id: 'nnGradientLimits',
      afterDatasetsDraw: (chart) => {
        const b = this.current;
        const p = this.palette;
        const y = chart.scales.y;
        if (!b || !p || !y) return;
        const bars = chart.getDatasetMeta(0).data;
        const ctx = chart.ctx;
        ctx.save();
        ctx.setLineDash([3, 2]);
        ctx.lineWidth = 1.5;
        b.limits.forEach((limit, i) => {
          const bar = bars[i] as unknown as { x: number; width: number } | undefined;
          if (!limit || !bar) return;
          for (const [value, colour] of [
            [limit.vanishing, p.warning],
            [limit.exploding, p.error],
          ] as const) {
            const py = y.getPixelForValue(value);
            ctx.strokeStyle = colour;
            ctx.beginPath();
            ctx.moveTo(bar.x - bar.width * 0.7, py);
            ctx.lineTo(bar.x + bar.width * 0.7, py);
            ctx.stroke();
          }
        });
        ctx.restore();
      },
    };
  }

  private createLines(p: Palette, n: number): Chart {
    return createChart(this.lineCanvas, {
      type: 'line',
      data: {
        datasets: Array.from({ length: n }, (_, k) => {
          const colour = p.series[k % p.series.length] as string;
          return { label: layerShort(k, n), data: [], borderColor: colour, backgroundColor: colour };
        }),
      },
      options: {
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: t('epoch') }, ticks: { precision: 0 } },
          y: { type: 'logarithmic', title: { display: true, text: t('mean |∂L/∂W|') }, ticks: { callback: logTicks } },
        },
      },
    });
  }

  destroy(): void {
    this.bars?.destroy();
    this.lines?.destroy();
    this.bars = this.lines = undefined;
    this.layers = -1;
  }
}
