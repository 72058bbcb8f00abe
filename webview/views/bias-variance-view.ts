// The bias-variance view: the K runs' fits overlaid thin with their mean (1-D regression curves or
// 2-D decision boundaries), the decomposition as a stacked bar, and a sweep's bias², variance and
// their sum against the setting with the best value marked (the U curve). It draws the latest
// measurement the extension sends (`bias-variance` message), not the training snapshots.

import { BV_MESSAGES, bvMessage, formatFigure } from '../../src/experiments/messages';
import { barSegments, barText, boundarySegments, curveRange, fitsCaption, meanCurve, sweepSeries, voteGrid } from '../../src/shared/view-models/bias-variance-view';
import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import { settingName } from '../../src/experiments/sweep';
import type { BiasVarianceReport } from '../../src/shared/protocol/experiment';
import { h, replaceChildrenWith, setText, TextSummary } from '../dom';
import type { Palette } from '../theme';
import { fitCanvas } from './canvas';
import type { View } from './view';
import { t } from '../../src/shared/l10n';

const MAX_WIDTH = 520;
const PAD = 28;

export class BiasVarianceView implements View {
  readonly id = 'bias-variance';
  readonly title = BV_MESSAGES.viewTitle;
  readonly body: HTMLElement;
  readonly summary = new TextSummary();
  private readonly empty = h('p', { className: 'note' }, BV_MESSAGES.viewEmpty);
  private readonly fitsCaption = h('p', { className: 'legend' });
  private readonly fitsLegend = h('p', { className: 'legend bv-legend' });
  private readonly sweepLegend = h('p', { className: 'legend bv-legend' });
  private readonly fits = h('canvas', { className: 'bv-fits', role: 'img', 'aria-label': t("Each run's fitted curve or decision boundary over their mean"), 'aria-describedby': 'bias-variance-summary' });
  private readonly picker = h('select', { className: 'bv-setting' });
  private readonly bar = h('div', { className: 'bv-bar', role: 'img' });
  private readonly barCaption = h('p', { className: 'legend' });
  private readonly sweepCaption = h('p', { className: 'legend' });
  private readonly sweep = h('canvas', { className: 'bv-sweep', role: 'img', 'aria-label': t('Bias², variance and their sum against the swept setting'), 'aria-describedby': 'bias-variance-summary' });
  private readonly content: HTMLElement;
  private report: BiasVarianceReport | null = null;
  private shown = 0;
  private dirty = true;

  constructor(private readonly requestRender: () => void = () => undefined) {
    this.summary.element.id = 'bias-variance-summary';
    this.content = h('div', {}, this.picker, this.fitsCaption, this.fits, this.fitsLegend, this.bar, this.barCaption, this.sweepCaption, this.sweep, this.sweepLegend);
    // Set through the CSSOM: the panel's policy allows no inline style attributes.
    Object.assign(this.bar.style, { display: 'flex', height: '18px', maxWidth: `${MAX_WIDTH}px`, margin: '8px 0 2px', borderRadius: '3px', overflow: 'hidden' });
    this.body = h('div', {}, this.empty, this.content, this.summary.element);
    this.content.hidden = true;
    this.picker.addEventListener('change', () => {
      this.shown = Number(this.picker.value);
      this.dirty = true;
      this.requestRender();
    });
  }

  /** A new measurement (or null: none for this model). */
  onReport(report: BiasVarianceReport | null): void {
    this.report = report;
    this.shown = report?.best ?? 0;
    this.dirty = true;
    const options = report?.setting !== undefined ? report.points.map((p, i) => h('option', { value: i, selected: i === this.shown }, bvMessage('viewShowSetting', { setting: settingName(report.setting ?? 'units'), value: p.value ?? '' }))) : [];
    replaceChildrenWith(this.picker, options);
    this.picker.hidden = options.length === 0;
  }

  render(_state: PanelState, changes: ReadonlySet<Change>, p: Palette): void {
    if (!this.dirty && !changes.has('data')) return;
    this.dirty = false;
    const report = this.report;
    this.empty.hidden = report !== null;
    this.content.hidden = report === null;
    if (report === null) {
      this.body.dataset.state = 'empty';
      return;
    }
    this.body.dataset.state = 'drawn';
    const width = Math.min(MAX_WIDTH, this.body.clientWidth || MAX_WIDTH);
    const point = report.points[Math.min(this.shown, report.points.length - 1)];
    setText(this.fitsCaption, fitsCaption(report, this.shown));
    this.fits.setAttribute('aria-label', fitsCaption(report, this.shown));
    this.drawFits(point.fits, width, p);
    this.drawBar(point.result, p);
    const series = sweepSeries(report);
    this.sweep.hidden = series === null;
    this.sweepCaption.hidden = series === null;
    this.sweepLegend.hidden = series === null;
    if (series !== null) {
      setText(this.sweepCaption, series.caption);
      this.sweep.setAttribute('aria-label', series.caption);
      this.drawSweep(series, width, p);
    }
    this.summary.set(`${fitsCaption(report, this.shown)} ${barText(point.result)}`);
  }

  private drawFits(fits: BiasVarianceReport['points'][number]['fits'], width: number, p: Palette): void {
    this.fits.hidden = fits.kind === 'none';
    this.fitsLegend.hidden = fits.kind === 'none';
    this.fits.dataset.runs = fits.kind === 'none' ? '0' : String(fits.runs.length);
    if (fits.kind === 'none') return;
    const height = Math.round(width * (fits.kind === 'curves' ? 0.6 : 1));
    const ctx = fitCanvas(this.fits, width, height);
    ctx.clearRect(0, 0, width, height);
    if (fits.kind === 'curves') {
      const { min, max } = curveRange(fits);
      const x0 = fits.x[0];
      const x1 = fits.x[fits.x.length - 1];
      const sx = (x: number) => PAD + ((x - x0) / (x1 - x0 || 1)) * (width - 2 * PAD);
      const sy = (y: number) => height - PAD - ((y - min) / (max - min)) * (height - 2 * PAD);
      const line = (ys: readonly number[], colour: string, lineWidth: number, dash: number[] = []) => {
        ctx.beginPath();
        ctx.strokeStyle = colour;
        ctx.lineWidth = lineWidth;
        ctx.setLineDash(dash);
        ys.forEach((y, i) => (i === 0 ? ctx.moveTo(sx(fits.x[i]), sy(y)) : ctx.lineTo(sx(fits.x[i]), sy(y))));
        ctx.stroke();
      };
      for (const run of fits.runs) line(run, p.alpha(p.test, 0.45), 1);
      line(meanCurve(fits.runs), p.train, 3);
      line(fits.truth, p.foreground, 1.5, [5, 4]);
      ctx.setLineDash([]);
      this.legend(this.fitsLegend, [[BV_MESSAGES.legendRuns, p.test], [BV_MESSAGES.legendMean, p.train], [BV_MESSAGES.legendTruth, p.foreground]]);
      return;
    }
    const { size } = fits.grid;
    const scale = (width - 2 * PAD) / size;
    const stroke = (labels: readonly number[], colour: string, lineWidth: number) => {
      ctx.beginPath();
      ctx.strokeStyle = colour;
      ctx.lineWidth = lineWidth;
      for (const [a, b, c, d] of boundarySegments(labels, size)) {
        ctx.moveTo(PAD + a * scale, PAD + b * scale);
        ctx.lineTo(PAD + c * scale, PAD + d * scale);
      }
      ctx.stroke();
    };
    ctx.strokeStyle = p.grid;
    ctx.strokeRect(PAD, PAD, size * scale, size * scale);
    for (const run of fits.runs) stroke(run, p.alpha(p.test, 0.45), 1);
    stroke(voteGrid(fits.runs), p.train, 3);
    this.legend(this.fitsLegend, [[BV_MESSAGES.legendRuns, p.test], [BV_MESSAGES.legendMean, p.train]]);
  }

  /** A line of coloured swatches and their labels under a chart. */
  private legend(element: HTMLElement, items: readonly [string, string][]): void {
    replaceChildrenWith(
      element,
      items.map(([label, colour]) => {
        const swatch = h('span', { 'aria-hidden': 'true' }, '━━ ');
        swatch.style.color = colour;
        const item = h('span', { className: 'bv-legend-item' }, swatch, label);
        item.style.marginRight = '1em';
        return item;
      }),
    );
  }

  private drawBar(result: BiasVarianceReport['points'][number]['result'], p: Palette): void {
    const colours: Record<string, string> = { bias2: p.train, bias: p.train, variance: p.test, netVariance: p.test, noise: p.muted };
    const segments = barSegments(result).map((s) => {
      const segment = h('span', { className: `bv-segment bv-${s.key}`, 'data-key': s.key, 'data-value': s.value });
      segment.style.width = `${(s.share * 100).toFixed(2)}%`;
      segment.style.background = colours[s.key];
      return segment;
    });
    replaceChildrenWith(this.bar, segments);
    const text = barText(result);
    this.bar.setAttribute('aria-label', text);
    setText(this.barCaption, text);
  }

  private drawSweep(series: NonNullable<ReturnType<typeof sweepSeries>>, width: number, p: Palette): void {
    const height = Math.round(width * 0.55);
    const ctx = fitCanvas(this.sweep, width, height);
    ctx.clearRect(0, 0, width, height);
    const n = series.labels.length;
    let max = 0;
    for (const list of [series.bias, series.variance, series.sum]) for (const v of list) max = Math.max(max, v);
    max = max || 1;
    const sx = (i: number) => PAD + (i / (n - 1)) * (width - 2 * PAD);
    const sy = (v: number) => height - PAD - (Math.max(0, v) / max) * (height - 2 * PAD);
    ctx.strokeStyle = p.grid;
    ctx.beginPath();
    ctx.moveTo(PAD, PAD / 2);
    ctx.lineTo(PAD, height - PAD);
    ctx.lineTo(width - PAD / 2, height - PAD);
    ctx.stroke();
    ctx.fillStyle = p.muted;
    ctx.font = `11px ${p.fontFamily}`;
    ctx.textAlign = 'center';
    series.labels.forEach((label, i) => ctx.fillText(label, sx(i), height - PAD + 14));
    const line = (values: readonly number[], colour: string, lineWidth: number) => {
      ctx.beginPath();
      ctx.strokeStyle = colour;
      ctx.lineWidth = lineWidth;
      values.forEach((v, i) => (i === 0 ? ctx.moveTo(sx(i), sy(v)) : ctx.lineTo(sx(i), sy(v))));
      ctx.stroke();
    };
    line(series.bias, p.train, 2);
    line(series.variance, p.test, 2);
    line(series.sum, p.foreground, 3);
    // The vertical scale: 0 and the largest value, as the figures are shown elsewhere.
    ctx.textAlign = 'left';
    ctx.fillStyle = p.muted;
    ctx.fillText(formatFigure(max), 2, PAD / 2 + 4);
    ctx.fillText('0', 2, height - PAD);
    // The best setting: a ring on the sum's lowest point and a dashed line down to its value.
    const bx = sx(series.best);
    const by = sy(series.sum[series.best]);
    ctx.strokeStyle = p.ok;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(bx, by, 6, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(bx, by + 6);
    ctx.lineTo(bx, height - PAD);
    ctx.stroke();
    ctx.setLineDash([]);
    const classification = this.report?.points[0]?.result.kind === 'classification';
    this.legend(this.sweepLegend, [
      [classification ? BV_MESSAGES.legendBias : BV_MESSAGES.legendBias2, p.train],
      [classification ? BV_MESSAGES.legendNetVariance : BV_MESSAGES.legendVariance, p.test],
      [classification ? BV_MESSAGES.legendSumClassification : BV_MESSAGES.legendSum, p.foreground],
      [BV_MESSAGES.legendBest, p.ok],
    ]);
    this.sweep.dataset.points = String(n);
    this.sweep.dataset.best = String(series.best);
  }

  destroy(): void {
    this.dirty = true;
  }
}
