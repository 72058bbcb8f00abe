// The "Loss vs cost" view: the numbers the theory names, as the worker last measured them (the
// epoch is always said). Per split, the per-sample losses as a strip (min to max, the median and
// 90th percentile, their mean — the cost — marked); cost + regularisation term = objective; for
// classifiers H(p, q) = H(p) + KL(p‖q) filled in, H(q), and the confusion matrices; the share of
// the initial weights within ±3σ. Tables and a few positioned marks: text a test and a screen
// reader can read, and nothing to redraw but on new numbers.

import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import {
  confusionTables,
  informationRows,
  initialRows,
  measuredCaption,
  objectiveRows,
  splitLabel,
  spreadStrips,
  theorySummary,
  type ConfusionTable,
  type SpreadStrip,
} from '../../src/shared/view-models/theory-view';
import { h, replaceChildrenWith, setText, TextSummary, withChildren } from '../dom';
import type { Palette } from '../theme';
import type { View } from './view';
import { t } from '../../src/shared/l10n';

/** A table of text cells; the first row is the heading. `keys` name the body cells for tests (data-key). */
function table(className: string, head: string[], rows: { key: string; cells: string[]; keys?: string[] }[]): HTMLTableElement {
  const headRow = withChildren(h('tr'), head.map((c) => h('th', { scope: 'col' }, c)));
  const body = withChildren(
    h('tbody'),
    rows.map((row) => withChildren(h('tr', { 'data-row': row.key }), row.cells.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', row.keys?.[i] ? { 'data-key': row.keys[i] } : {}, c))))),
  );
  return h('table', { className: `theory-table ${className}` }, h('thead', {}, headRow), body);
}

export class TheoryView implements View {
  readonly id = 'theory';
  readonly title = t('Loss vs cost');
  readonly body: HTMLElement;
  readonly summary = new TextSummary();
  private readonly empty = h('p', { className: 'note' }, t('The theory’s numbers appear when the run pauses, finishes or takes a step (and now and then while it trains).'));
  private readonly measured = h('p', { className: 'note theory-measured' });
  private readonly content = h('div', { className: 'theory-content' });
  private shownId: number | undefined = -1;
  private shownEpoch = -1;

  constructor() {
    this.body = h('div', {}, this.empty, this.measured, this.content, this.summary.element);
  }

  render(state: PanelState, changes: ReadonlySet<Change>, p: Palette): void {
    if (!changes.has('theory') && !changes.has('snapshot') && !changes.has('model')) return;
    const measurement = state.snapshot?.theory;
    const epochNow = state.snapshot?.epoch ?? 0;
    this.empty.hidden = measurement !== undefined;
    this.measured.hidden = measurement === undefined;
    if (!measurement) {
      this.body.dataset.state = 'empty';
      this.content.replaceChildren();
      this.shownId = -1;
      return;
    }
    // The caption says when the numbers were measured against the epoch now: it follows every snapshot.
    if (epochNow !== this.shownEpoch) {
      this.shownEpoch = epochNow;
      setText(this.measured, measuredCaption(measurement, epochNow));
    }
    const id = state.snapshot?.theoryId;
    if (id === this.shownId && !changes.has('model')) return;
    this.shownId = id;
    setText(this.measured, measuredCaption(measurement, epochNow));
    this.body.dataset.state = 'drawn';
    this.body.dataset.epoch = String(measurement.epoch);
    const report = measurement.report;
    const parts: HTMLElement[] = [];

    parts.push(h('h3', {}, t('Per-sample losses and their mean, the cost')));
    for (const strip of spreadStrips(report)) parts.push(this.strip(strip, p));
    parts.push(h('p', { className: 'legend' }, t('Bar: the smallest to the largest per-sample loss (one scale for both sets); ticks: the median and the 90th percentile; ◆: their mean, the cost.')));
    const objectives = objectiveRows(report);
    parts.push(
      table(
        'theory-objective',
        ['', t('cost'), t('+ regularisation term'), t('= objective')],
        objectives.map((r) => ({ key: r.split, cells: [splitLabel(r.split), r.cost, r.regularization, r.objective], keys: ['', 'cost', 'regularization', 'objective'] })),
      ),
    );
    parts.push(h('p', { className: 'legend' }, t('These costs are the measured weights’ over the whole set; the loss chart’s training cost is the mean over an epoch’s minibatches while the weights moved, so it can differ a little.')));

    const information = informationRows(report);
    if (information.length > 0) {
      parts.push(h('h3', {}, t('Entropy, cross-entropy and KL divergence to the labels')));
      parts.push(
        table(
          'theory-information',
          ['', 'H(p, q)', '= H(p)', '+ KL(p‖q)', t('H(q), of the predictions')],
          information.map((r) => ({ key: r.split, cells: [splitLabel(r.split), r.crossEntropy, r.labelEntropy, r.kl, r.predictionEntropy], keys: ['', 'crossEntropy', 'labelEntropy', 'kl', 'predictionEntropy'] })),
        ),
      );
      parts.push(h('p', { className: 'legend' }, t('p: the labels, q: the predicted probabilities, each a mean over the samples. With one-hot labels H(p) = 0, so the cross-entropy is all KL divergence.')));
    }

    const confusion = confusionTables(report);
    if (confusion.length > 0) {
      parts.push(h('h3', {}, t('Confusion matrices')));
      const grid = h('div', { className: 'theory-confusion-grid' });
      for (const c of confusion) grid.append(this.confusion(c));
      parts.push(grid);
    }

    const initial = initialRows(report, state.model ?? state.lastModel);
    if (initial.length > 0) {
      parts.push(h('h3', {}, t('Initial weights within ±3σ')));
      parts.push(
        table(
          'theory-initial',
          [t('layer'), 'σ', t('within ±3σ'), t('theory')],
          initial.map((r) => ({ key: String(r.layer), cells: [String(r.layer), r.std, r.share, r.expected], keys: ['', 'std', 'share', 'expected'] })),
        ),
      );
    }
    replaceChildrenWith(this.content, parts);
    this.summary.set(theorySummary(measurement, epochNow));
  }

  /** One split's losses: a bar from the smallest to the largest, the median and p90 ticks, the mean a diamond. */
  private strip(strip: SpreadStrip, p: Palette): HTMLElement {
    const colour = strip.split === 'train' ? p.train : p.test;
    const track = h('div', { className: 'theory-strip', role: 'img', 'aria-label': strip.text, 'data-split': strip.split });
    const place = (el: HTMLElement, at: number) => {
      el.style.left = `${(at * 100).toFixed(2)}%`;
      return el;
    };
    const range = h('span', { className: 'theory-strip-range' });
    range.style.left = `${(strip.min * 100).toFixed(2)}%`;
    range.style.width = `${((strip.max - strip.min) * 100).toFixed(2)}%`;
    range.style.background = p.alpha(colour, 0.35);
    const median = place(h('span', { className: 'theory-strip-tick', title: t('median') }), strip.median);
    const p90 = place(h('span', { className: 'theory-strip-tick', title: t('90th percentile') }), strip.p90);
    for (const tick of [median, p90]) tick.style.background = colour;
    const mean = place(h('span', { className: 'theory-strip-mean', title: t('mean: the cost') }), strip.mean);
    mean.style.background = p.foreground;
    track.append(range, median, p90, mean);
    return h('div', { className: 'theory-split' }, h('p', { className: 'legend' }, strip.text), track);
  }

  private confusion(c: ConfusionTable): HTMLElement {
    const head = [t('actual ↓ / predicted →'), ...c.classes];
    const el = table(
      'theory-confusion',
      head,
      c.counts.map((row, i) => ({ key: String(i), cells: [c.classes[i], ...row.map(String)], keys: ['', ...row.map((_, j) => `${i}-${j}`)] })),
    );
    el.dataset.split = c.split;
    c.counts.forEach((_, i) => {
      const cell = el.tBodies[0]?.rows[i]?.cells[i + 1];
      cell?.classList.add('theory-diagonal');
    });
    return h('figure', { className: 'theory-confusion-figure' }, el, h('figcaption', { className: 'legend' }, c.caption));
  }

  destroy(): void {
    this.shownId = -1;
    this.shownEpoch = -1;
  }
}
