// View 1: training and test cost per epoch, the objectives and the regularisation term on its own
// when a term exists, the widening train/test gap shaded, a log-scale toggle, and accuracy for classification.

import type { Chart } from 'chart.js';
import { accuracyChartData, lossChartData, lossSummary, logSafe } from '../../src/shared/view-models/loss-view';
import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import { createChart, logTicks, xy } from '../charts';
import { h, TextSummary } from '../dom';
import type { Palette } from '../theme';
import type { View } from './view';
import { t } from '../../src/shared/l10n';

/** Points per series after decimation: more than a chart's width in pixels is wasted work. */
const MAX_POINTS = 600;

export class LossView implements View {
  readonly id = 'loss';
  readonly title = t('Loss');
  readonly body: HTMLElement;
  readonly summary = new TextSummary();
  private readonly lossCanvas = h('canvas', { role: 'img', 'aria-label': t('Training and test loss per epoch') });
  private readonly accuracyCanvas = h('canvas', { role: 'img', 'aria-label': t('Training and test accuracy per epoch') });
  private readonly accuracyBox: HTMLElement;
  private readonly logToggle: HTMLInputElement;
  private readonly gapNote = h('p', { className: 'note warning', hidden: true }, t('The test cost is pulling away from the training cost: overfitting (high variance).'));
  private loss: Chart | undefined;
  private accuracy: Chart | undefined;

  constructor(
    private logScale: boolean,
    onLogScale: (on: boolean) => void,
  ) {
    this.logToggle = h('input', { type: 'checkbox', id: 'loss-log' });
    this.logToggle.checked = logScale;
    this.logToggle.addEventListener('change', () => {
      this.logScale = this.logToggle.checked;
      onLogScale(this.logScale);
      this.destroy(); // a scale's type cannot change in place; the next render rebuilds
      this.requestRender?.();
    });
    this.accuracyBox = h('div', { className: 'chart short', hidden: true }, this.accuracyCanvas);
    this.body = h(
      'div',
      {},
      h('div', { className: 'view-tools' }, h('label', { for: 'loss-log' }, this.logToggle, ' ', t('log scale'))),
      h('div', { className: 'chart' }, this.lossCanvas),
      this.gapNote,
      this.accuracyBox,
      this.summary.element,
    );
    this.lossCanvas.setAttribute('aria-describedby', 'loss-summary');
    this.summary.element.id = 'loss-summary';
  }

  /** Set by the app: re-render after a local change (the log toggle). */
  requestRender: (() => void) | undefined;

  render(state: PanelState, changes: ReadonlySet<Change>, p: Palette): void {
    if (!changes.has('history') && this.loss) return;
    const d = lossChartData(state.history, MAX_POINTS, state.gap.flags);
    const y = (v: (number | null)[]) => (this.logScale ? logSafe(v) : v);
    this.loss ??= this.createLoss(p);
    const ds = this.loss.data.datasets;
    (ds[0] as { data: unknown }).data = xy(d.epochs, y(d.trainCost));
    (ds[1] as { data: unknown }).data = xy(d.epochs, y(d.testCost));
    (ds[2] as { data: unknown }).data = d.trainObjective ? xy(d.epochs, y(d.trainObjective)) : [];
    (ds[3] as { data: unknown }).data = xy(d.epochs, y(d.gapFill));
    (ds[4] as { data: unknown }).data = d.testObjective ? xy(d.epochs, y(d.testObjective)) : [];
    (ds[5] as { data: unknown }).data = d.regularization ? xy(d.epochs, y(d.regularization)) : [];
    this.loss.setDatasetVisibility(2, d.trainObjective !== null);
    this.loss.setDatasetVisibility(4, d.testObjective !== null);
    this.loss.setDatasetVisibility(5, d.regularization !== null);
    this.loss.update('none');
    this.gapNote.hidden = !d.wideningNow;

    const a = accuracyChartData(state.history, MAX_POINTS);
    this.accuracyBox.hidden = a === null;
    if (a) {
      this.accuracy ??= this.createAccuracy(p);
      const [train, test] = this.accuracy.data.datasets;
      (train as { data: unknown }).data = xy(a.epochs, a.train.map((v) => (v === null ? null : v * 100)));
      (test as { data: unknown }).data = xy(a.epochs, a.test.map((v) => (v === null ? null : v * 100)));
      this.accuracy.update('none');
    }
    this.summary.set(lossSummary(state.history, state.gap.flags));
  }

  private createLoss(p: Palette): Chart {
    return createChart(this.lossCanvas, {
      type: 'line',
      data: {
        datasets: [
          { label: t('training cost'), data: [], borderColor: p.train, backgroundColor: p.train },
          { label: t('test cost'), data: [], borderColor: p.test, backgroundColor: p.test, spanGaps: false },
          { label: t('objective (cost + regularisation)'), data: [], borderColor: p.objective, backgroundColor: p.objective, borderDash: [5, 3] },
          {
            label: t('widening gap'),
            data: [],
            borderWidth: 0,
            borderColor: 'transparent',
            backgroundColor: p.alpha(p.error, p.highContrast ? 0.45 : 0.22),
            fill: { target: 0 },
            spanGaps: false,
          },
          // The history has no test objective: it is the test cost plus the same term (weights only).
          { label: t('test objective (test cost + the same term)'), data: [], borderColor: p.test, backgroundColor: p.test, borderDash: [5, 3], spanGaps: false },
          { label: t('regularisation term'), data: [], borderColor: p.objective, backgroundColor: p.objective, borderDash: [1, 3], borderWidth: 1.5 },
        ],
      },
      options: {
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: {
          legend: {
            // The objectives and the term only exist with a regularisation term, the gap only while it widens.
            labels: { filter: (item, data) => item.datasetIndex === undefined || item.datasetIndex < 2 || (data.datasets[item.datasetIndex]?.data as { y: number }[]).some((d) => Number.isFinite(d.y)) },
          },
        },
        scales: {
          x: { type: 'linear', title: { display: true, text: t('epoch') }, ticks: { precision: 0 } },
          y: { type: this.logScale ? 'logarithmic' : 'linear', title: { display: true, text: t('loss') }, ...(this.logScale ? { ticks: { callback: logTicks } } : {}) },
        },
      },
    });
  }

  private createAccuracy(p: Palette): Chart {
    return createChart(this.accuracyCanvas, {
      type: 'line',
      data: {
        datasets: [
          { label: t('training accuracy'), data: [], borderColor: p.train, backgroundColor: p.train },
          { label: t('test accuracy'), data: [], borderColor: p.test, backgroundColor: p.test },
        ],
      },
      options: {
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: t('epoch') }, ticks: { precision: 0 } },
          y: { type: 'linear', min: 0, max: 100, title: { display: true, text: t('accuracy %') } },
        },
      },
    });
  }

  /** Charts are rebuilt (with the new theme's colours) on the next render. */
  destroy(): void {
    this.loss?.destroy();
    this.accuracy?.destroy();
    this.loss = this.accuracy = undefined;
  }
}
