// View: runs side by side (issue 17, item 1). The pinned runs' training (solid) and test (dashed)
// cost on one log axis, their accuracy, and their gradient flow per layer, one colour per run and
// labelled by file; buttons to pin the shown run, add another open model, train or pause them all.
// Each run is its own session and worker: the host only gathers their curves (comparison.ts).

import type { Chart, ChartDataset } from 'chart.js';
import { comparedCurves, comparisonSummary, gradientProfiles, runLine } from '../../src/shared/view-models/compare-view';
import { GRADIENT_FLOOR } from '../../src/shared/view-models/gradient-view';
import { logSafe } from '../../src/shared/view-models/loss-view';
import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import type { ComparedRun, FromWebview } from '../../src/shared/protocol/webview-messages';
import { createChart, logTicks, xy } from '../charts';
import { h, replaceChildrenWith, setText, TextSummary } from '../dom';
import type { Palette } from '../theme';
import type { View } from './view';
import { t } from '../../src/shared/l10n';

const icon = (name: string) => h('span', { className: `codicon codicon-${name}`, 'aria-hidden': 'true' });
const TEST_DASH = [5, 3];

export class CompareView implements View {
  readonly id = 'compare';
  readonly title = t('Compare runs');
  readonly body: HTMLElement;
  readonly summary = new TextSummary();
  private readonly costCanvas = h('canvas', { role: 'img', 'aria-label': t('Training and test cost per epoch of each compared run') });
  private readonly accuracyCanvas = h('canvas', { role: 'img', 'aria-label': t('Training and test accuracy per epoch of each compared run') });
  private readonly gradientCanvas = h('canvas', { role: 'img', 'aria-label': t('Mean gradient magnitude per layer of each compared run') });
  private readonly charts: HTMLElement;
  private readonly accuracyBox: HTMLElement;
  private readonly runList = h('ul', { className: 'compare-runs' });
  private readonly note = h('p', { className: 'note' });
  private readonly trainAll: HTMLButtonElement;
  private readonly pauseAll: HTMLButtonElement;
  private readonly clear: HTMLButtonElement;
  private cost: Chart | undefined;
  private accuracy: Chart | undefined;
  private gradients: Chart | undefined;
  /** Run count and colours the charts were built for: datasets are rebuilt when the runs change. */
  private builtFor = '';

  constructor(private readonly post: (m: FromWebview) => void) {
    const button = (id: string, iconName: string, label: string, title: string, message: FromWebview) => {
      const b = h('button', { type: 'button', id, title }, icon(iconName), label);
      b.addEventListener('click', () => this.post(message));
      return b;
    };
    this.trainAll = button('compare-train-all', 'play', t('Train all'), t('Train every compared run, each in its own worker'), { type: 'compare', action: 'train-all' });
    this.pauseAll = button('compare-pause-all', 'debug-pause', t('Pause all'), t('Pause every compared run'), { type: 'compare', action: 'pause-all' });
    this.clear = button('compare-clear', 'clear-all', t('Clear'), t('Remove every run from the comparison (the runs go on)'), { type: 'compare', action: 'clear' });
    const tools = h(
      'div',
      { className: 'compare-tools' },
      button('compare-pin', 'pin', t('Pin this run'), t('Add the run shown in this panel to the comparison'), { type: 'compare', action: 'pin' }),
      button('compare-add', 'add', t('Add a run…'), t('Add another open model, or the three deep-net lessons'), { type: 'compare', action: 'add' }),
      this.trainAll,
      this.pauseAll,
      this.clear,
    );
    this.accuracyBox = h('div', { className: 'chart short', hidden: true }, this.accuracyCanvas);
    this.charts = h(
      'div',
      { hidden: true },
      h('p', { className: 'note' }, t('Solid lines: training; dashed: test. Gradient flow: mean |∂L/∂W| per layer at each run’s latest epoch, first hidden layer on the left.')),
      h('div', { className: 'chart' }, this.costCanvas),
      this.accuracyBox,
      h('div', { className: 'chart short' }, this.gradientCanvas),
    );
    this.body = h('div', {}, tools, this.note, this.runList, this.charts, this.summary.element);
    this.summary.element.id = 'compare-summary';
  }

  render(state: PanelState, changes: ReadonlySet<Change>, p: Palette): void {
    if (!changes.has('comparison') && this.cost) return;
    const runs = state.comparison;
    setText(this.note, runs.length === 0 ? t('Pin this run, then add another open model (or the three deep-net lessons) to see their curves on the same axes.') : '');
    this.trainAll.disabled = runs.length === 0 || runs.every((r) => r.state === 'training' || r.state === 'diverged');
    this.pauseAll.disabled = !runs.some((r) => r.state === 'training');
    this.clear.disabled = runs.length === 0;
    this.renderRuns(runs, p);
    this.charts.hidden = runs.length === 0;
    this.summary.set(comparisonSummary(runs));
    if (runs.length === 0) return;
    const key = runs.map((r) => r.key).join('\n');
    if (key !== this.builtFor) {
      this.destroy();
      this.builtFor = key;
    }
    this.drawCurves(runs, p);
  }

  private renderRuns(runs: readonly ComparedRun[], p: Palette): void {
    replaceChildrenWith(
      this.runList,
      runs.map((run, i) => {
        const remove = h('button', { type: 'button', className: 'icon-button', title: t('Remove {file} from the comparison', { file: run.label }), 'aria-label': t('Remove {file} from the comparison', { file: run.label }) }, icon('close'));
        remove.addEventListener('click', () => this.post({ type: 'compare-remove', key: run.key }));
        const swatch = h('span', { className: 'swatch', 'aria-hidden': 'true' });
        swatch.style.background = colourOf(p, i);
        return h('li', { 'data-run': run.label }, swatch, h('span', { className: 'compare-run-text' }, runLine(run)), remove);
      }),
    );
  }

  private drawCurves(runs: readonly ComparedRun[], p: Palette): void {
    const curves = comparedCurves(runs);
    this.cost ??= this.createCost(runs, p);
    curves.forEach((c, i) => {
      const [train, test] = [this.cost!.data.datasets[2 * i], this.cost!.data.datasets[2 * i + 1]];
      (train as { data: unknown }).data = xy(c.epochs, logSafe(c.trainCost));
      (test as { data: unknown }).data = xy(c.epochs, logSafe(c.testCost));
    });
    this.cost.update('none');

    const classifiers = curves.filter((c) => c.trainAccuracy !== null);
    this.accuracyBox.hidden = classifiers.length === 0;
    if (classifiers.length > 0) {
      this.accuracy ??= this.createAccuracy(runs, p);
      curves.forEach((c, i) => {
        const percent = (v: (number | null)[] | null) => (v ?? []).map((x) => (x === null ? null : x * 100));
        (this.accuracy!.data.datasets[2 * i] as { data: unknown }).data = xy(c.epochs, percent(c.trainAccuracy));
        (this.accuracy!.data.datasets[2 * i + 1] as { data: unknown }).data = xy(c.epochs, percent(c.testAccuracy));
      });
      this.accuracy.update('none');
    }

    this.gradients ??= this.createGradients(runs, p);
    gradientProfiles(runs).forEach((g, i) => {
      (this.gradients!.data.datasets[i] as { data: unknown }).data = xy(g.layers, g.values.map((v) => Math.max(v, GRADIENT_FLOOR)));
    });
    this.gradients.update('none');
  }

  /** Two datasets per run: training (solid) then test (dashed), in the run's colour. */
  private pairs(runs: readonly ComparedRun[], p: Palette, train: string, test: string): ChartDataset<'line'>[] {
    return runs.flatMap((run, i) => [
      { label: `${run.label} · ${train}`, data: [], borderColor: colourOf(p, i), backgroundColor: colourOf(p, i) },
      { label: `${run.label} · ${test}`, data: [], borderColor: colourOf(p, i), backgroundColor: colourOf(p, i), borderDash: TEST_DASH, spanGaps: false },
    ]);
  }

  private createCost(runs: readonly ComparedRun[], p: Palette): Chart {
    return this.overlay(this.costCanvas, this.pairs(runs, p, t('training cost'), t('test cost')), t('epoch'), { type: 'logarithmic', title: { display: true, text: t('loss') }, ticks: { callback: logTicks } });
  }

  private createAccuracy(runs: readonly ComparedRun[], p: Palette): Chart {
    return this.overlay(this.accuracyCanvas, this.pairs(runs, p, t('training accuracy'), t('test accuracy')), t('epoch'), { type: 'linear', min: 0, max: 100, title: { display: true, text: t('accuracy %') } });
  }

  private createGradients(runs: readonly ComparedRun[], p: Palette): Chart {
    const datasets = runs.map((run, i) => ({ label: run.label, data: [], borderColor: colourOf(p, i), backgroundColor: colourOf(p, i), pointRadius: 3 }));
    return this.overlay(this.gradientCanvas, datasets, t('layer (1 = first hidden)'), { type: 'logarithmic', title: { display: true, text: t('mean |∂L/∂W|') }, ticks: { callback: logTicks } }, 1);
  }

  /** A line chart of the runs on a linear x axis; our run list is the legend, so chart.js's is off. */
  private overlay(canvas: HTMLCanvasElement, datasets: ChartDataset<'line'>[], xTitle: string, y: Record<string, unknown>, xStep?: number): Chart {
    return createChart(canvas, {
      type: 'line',
      data: { datasets },
      options: {
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: { legend: { display: false } },
        scales: {
          x: { type: 'linear', title: { display: true, text: xTitle }, ticks: { precision: 0, ...(xStep ? { stepSize: xStep } : {}) } },
          y,
        },
      },
    });
  }

  destroy(): void {
    this.cost?.destroy();
    this.accuracy?.destroy();
    this.gradients?.destroy();
    this.cost = this.accuracy = this.gradients = undefined;
    this.builtFor = '';
  }
}

/** A run's colour: the palette's series, in pin order (runs beyond it reuse them, which MAX_COMPARED_RUNS prevents). */
function colourOf(p: Palette, index: number): string {
  return p.series[index % p.series.length] as string;
}
