// View 5: the decision boundary over the plane of the first two inputs, drawn straight onto a
// canvas (a heatmap is one putImageData, far faster than any chart). Training points filled, test
// points outlined; one colour per class. One input and a regression target: the fitted curve.
// Trained by the perceptron rule, it also lists the latest updates with their numbers and rings
// the sample of the latest one, so each Step shows the rule moving the line.
// With inline 2-D classes, points are placed by hand: click adds one of the picked class,
// shift-click removes the nearest (the host writes the file, hand-data.ts says what is offered).

import {
  boundaryInputs,
  boundaryMode,
  boundaryPixels,
  boundarySummary,
  curveFit,
  planeTransform,
  classColour,
  type BoundaryPalette,
} from '../../src/shared/view-models/boundary-view';
import { cssRgba } from '../../src/shared/view-models/colour';
import { latestUpdateKey, ringedSamples, updateLine } from '../../src/shared/view-models/perceptron-view';
import { clickToRaw, emptyPlaneViews, matchTolerance, nearestPoint, noPointsYetMessage } from '../../src/shared/view-models/hand-points';
import type { FromWebview, HandDataView } from '../../src/shared/protocol/webview-messages';
import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import type { DataView, GridView } from '../../src/shared/protocol/snapshot';
import { h, TextSummary, replaceChildrenWith, setText } from '../dom';
import type { Palette } from '../theme';
import { fitCanvas, gridImage } from './canvas';
import { layoutModel, type View } from './view';
import { t } from '../../src/shared/l10n';

const MAX_SIDE = 420;

export class BoundaryView implements View {
  readonly id = 'boundary';
  readonly title = t('Decision boundary');
  readonly body: HTMLElement;
  readonly summary = new TextSummary();
  private readonly canvas = h('canvas', { role: 'img', 'aria-label': t('Network output over the input plane, with the data points'), 'aria-describedby': 'boundary-summary' });
  private readonly message = h('p', { className: 'note' });
  private readonly legend = h('p', { className: 'legend' });
  private readonly traceList = h('ol', { className: 'perceptron-trace', id: 'perceptron-trace', 'aria-label': t('Perceptron rule: the latest updates, newest last') });
  private readonly trace = h('div', { className: 'perceptron', hidden: true }, h('p', { className: 'note' }, t('Perceptron rule, w ← w + lr·(y − ŷ)·x: the latest updates, newest last (ringed in the plane).')), this.traceList);
  private offscreen: HTMLCanvasElement | undefined;
  private traceKey = '';
  /** The diagrams last drawn (Snapshot.diagramId). */
  private drawnDiagramId: number | undefined;
  /** Data by hand: the class picker (one radio per class) and the line that says how, or why not. */
  private readonly picker = h('fieldset', { className: 'hand-classes' });
  private readonly handHint = h('p', { className: 'note hand-hint' });
  /** The classes the picker shows now, to rebuild it only when they change. */
  private pickerClasses = '';
  private chosenClass = 0;
  /** What the plane was last drawn with, to turn a click into the file's values. */
  private drawn: { data: DataView; grid: GridView; side: number; hand: boolean } | undefined;

  constructor(private readonly post: (message: FromWebview) => void = () => undefined) {
    this.summary.element.id = 'boundary-summary';
    this.picker.hidden = true;
    this.handHint.hidden = true;
    this.body = h('div', {}, this.message, this.picker, h('div', { className: 'plane' }, this.canvas), this.handHint, this.legend, this.trace, this.summary.element);
    this.canvas.addEventListener('click', (event) => this.onClick(event));
  }

  private onClick(event: MouseEvent): void {
    const d = this.drawn;
    if (!d?.hand) return;
    const box = this.canvas.getBoundingClientRect();
    const px = ((event.clientX - box.left) / (box.width || 1)) * d.side;
    const py = ((event.clientY - box.top) / (box.height || 1)) * d.side;
    if (event.shiftKey) {
      const hit = nearestPoint(d.data, d.grid, d.side, d.side, px, py);
      if (hit) this.post({ type: 'remove-point', x1: hit.raw[0], x2: hit.raw[1], tolerance: matchTolerance(d.grid, d.data), classIndex: hit.label });
      return;
    }
    const [x1, x2] = clickToRaw(d.data, d.grid, d.side, d.side, px, py);
    this.post({ type: 'add-point', x1, x2, classIndex: this.chosenClass });
  }

  /** Shows the picker for the data's classes (or hides it), and the one line about placing points. */
  private renderHand(hand: HandDataView | undefined, palette: BoundaryPalette | undefined, drawable: boolean, empty = false): boolean {
    const offered = hand?.offered === true && drawable;
    this.picker.hidden = !offered;
    this.handHint.hidden = hand === undefined || !drawable;
    this.canvas.classList.toggle('hand', offered);
    if (hand === undefined || !drawable) return false;
    if (!hand.offered) {
      setText(this.handHint, hand.reason);
      return false;
    }
    setText(this.handHint, empty ? noPointsYetMessage() : t('Click the plane to add a point of the chosen class, Shift+click a point to remove it; each is a row of "inputs" and "targets" in the file (Undo takes it back). From the keyboard: type the rows there.'));
    const key = JSON.stringify(hand.classes) + (palette ? palette.classes.map((c) => cssRgba(c)).join() : '');
    if (key !== this.pickerClasses) {
      this.pickerClasses = key;
      if (this.chosenClass >= hand.classes.length) this.chosenClass = 0;
      const items: Node[] = [h('legend', {}, t('Class of a new point'))];
      hand.classes.forEach((name, k) => {
        const input = h('input', { type: 'radio', name: 'hand-class', id: `hand-class-${k}`, value: String(k), checked: k === this.chosenClass });
        input.addEventListener('change', () => {
          if (input.checked) this.chosenClass = k;
        });
        const swatch = h('span', { className: 'swatch' });
        if (palette) swatch.style.background = cssRgba(classColour(palette, k));
        items.push(h('label', { for: `hand-class-${k}` }, input, swatch, ` ${name}`));
      });
      replaceChildrenWith(this.picker, items);
    }
    return true;
  }

  render(state: PanelState, changes: ReadonlySet<Change>, p: Palette): void {
    const traceChanged = this.renderTrace(state);
    // Paced, the person asked to watch each epoch: a new boundary is drawn at the next frame, not
    // when the heavy views' budget allows (a paced run leaves the thread idle between epochs).
    const pacedBoundary = state.pace > 0 && state.snapshot?.diagramId !== this.drawnDiagramId;
    if (!changes.has('diagram') && !changes.has('data') && !changes.has('model') && !traceChanged && !pacedBoundary) return;
    this.drawnDiagramId = state.snapshot?.diagramId;
    // The file holds no points (a fixed plane waiting for the first): whatever run the panel still
    // has is of other data, so the plane is drawn from the model alone.
    const empty = emptyPlaneViews(layoutModel(state)?.handData ?? { offered: false, reason: '' });
    const data = empty?.data ?? state.data;
    const grid = empty?.grid ?? state.snapshot?.boundary;
    this.summary.set(boundarySummary(empty ? null : data, grid));
    const drawable = data && boundaryInputs(data) <= 2 && grid;
    this.canvas.hidden = !drawable;
    this.legend.hidden = !drawable;
    setText(this.message, drawable ? '' : boundarySummary(data, grid));
    this.message.hidden = !!drawable;
    const palette = boundaryPalette(p);
    const plane2d = !!drawable && boundaryInputs(data) === 2 && data.inputFeatures === undefined;
    const hand = this.renderHand(layoutModel(state)?.handData, palette, plane2d, empty !== undefined);
    if (!drawable) {
      this.drawn = undefined;
      return;
    }
    const side = Math.min(MAX_SIDE, this.body.clientWidth || MAX_SIDE);
    this.drawn = { data, grid, side, hand };
    const ctx = fitCanvas(this.canvas, side, side);
    if (empty) this.drawEmptyPlane(ctx, side, grid, p);
    else if (boundaryInputs(data) === 1) this.drawCurve(ctx, side, grid, data, p);
    else {
      this.drawPlane(ctx, side, grid, data, palette, layoutModel(state)?.layers.at(-1)?.activation, p);
      this.drawRings(ctx, side, grid, state, p);
    }
    this.drawLegend(data, palette, p);
  }

  /** The perceptron's latest updates as lines; true when they changed (the rings move with them). */
  private renderTrace(state: PanelState): boolean {
    const updates = state.snapshot?.perceptron;
    const key = latestUpdateKey(updates);
    if (key === this.traceKey) return false;
    this.traceKey = key;
    this.trace.hidden = !updates || updates.length === 0;
    const items = (updates ?? []).map((update, i, all) => h('li', { className: i === all.length - 1 ? 'latest' : '' }, updateLine(update)));
    replaceChildrenWith(this.traceList, items);
    return true;
  }

  /** A ring around the samples of the latest perceptron update: the ones that moved the line. */
  private drawRings(ctx: CanvasRenderingContext2D, side: number, grid: GridView, state: PanelState, p: Palette): void {
    const ringed = ringedSamples(state.snapshot?.perceptron);
    if (ringed.length === 0) {
      delete this.canvas.dataset.ringed;
      return;
    }
    const t = planeTransform(grid, side, side);
    ctx.strokeStyle = p.foreground;
    ctx.lineWidth = 2;
    for (const sample of ringed) {
      ctx.beginPath();
      ctx.arc(t.toPx(sample.point[0]), t.toPy(sample.point[1]), 9, 0, Math.PI * 2);
      ctx.stroke();
    }
    this.canvas.dataset.ringed = ringed.map((s) => `${s.point[0]},${s.point[1]}`).join(' ');
  }

  private drawPlane(ctx: CanvasRenderingContext2D, side: number, grid: GridView, data: DataView, palette: BoundaryPalette, outputActivation: string | undefined, p: Palette): void {
    const mode = boundaryMode(data, grid, outputActivation);
    this.offscreen = gridImage(boundaryPixels(grid, mode, palette), grid.size, this.offscreen);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.offscreen, 0, 0, side, side);
    const t = planeTransform(grid, side, side);
    const colourOf = (label: number) =>
      mode.kind === 'regression'
        ? cssRgba(label >= (mode.min + mode.max) / 2 ? palette.high : palette.low)
        : cssRgba(classColour(palette, label));
    const r = side > 300 ? 3.2 : 2.6;
    ctx.lineWidth = 1;
    // Training points: filled, with a thin rim in the background colour so they read on any region.
    ctx.strokeStyle = p.background;
    for (let i = 0; i < data.train.x.length; i++) {
      ctx.beginPath();
      ctx.arc(t.toPx(data.train.x[i] as number), t.toPy(data.train.y[i] as number), r, 0, Math.PI * 2);
      ctx.fillStyle = colourOf(data.train.label[i] as number);
      ctx.fill();
      ctx.stroke();
    }
    // Test points: outlined in their class colour, hollow.
    ctx.lineWidth = 1.6;
    for (let i = 0; i < data.test.x.length; i++) {
      ctx.beginPath();
      ctx.arc(t.toPx(data.test.x[i] as number), t.toPy(data.test.y[i] as number), r + 0.6, 0, Math.PI * 2);
      ctx.fillStyle = p.background;
      ctx.fill();
      ctx.strokeStyle = colourOf(data.test.label[i] as number);
      ctx.stroke();
    }
    ctx.strokeStyle = p.grid;
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, side - 1, side - 1);
  }

  /**
   * A plane with no points and no network yet: the background, the axes through 0 where they are
   * inside, and the frame. Nothing is coloured, since nothing has been computed.
   */
  private drawEmptyPlane(ctx: CanvasRenderingContext2D, side: number, grid: GridView, p: Palette): void {
    ctx.fillStyle = p.background;
    ctx.fillRect(0, 0, side, side);
    const to = planeTransform(grid, side, side);
    ctx.strokeStyle = p.grid;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    if (grid.xMin < 0 && grid.xMax > 0) {
      ctx.moveTo(Math.round(to.toPx(0)) + 0.5, 0);
      ctx.lineTo(Math.round(to.toPx(0)) + 0.5, side);
    }
    if (grid.yMin < 0 && grid.yMax > 0) {
      ctx.moveTo(0, Math.round(to.toPy(0)) + 0.5);
      ctx.lineTo(side, Math.round(to.toPy(0)) + 0.5);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.strokeRect(0.5, 0.5, side - 1, side - 1);
  }

  private drawCurve(ctx: CanvasRenderingContext2D, side: number, grid: GridView, data: DataView, p: Palette): void {
    const fit = curveFit(grid, data);
    const t = planeTransform({ xMin: grid.xMin, xMax: grid.xMax, yMin: fit.yMin, yMax: fit.yMax }, side, side);
    ctx.fillStyle = p.background;
    ctx.fillRect(0, 0, side, side);
    ctx.strokeStyle = p.grid;
    ctx.strokeRect(0.5, 0.5, side - 1, side - 1);
    const r = 3;
    ctx.fillStyle = p.train;
    for (let i = 0; i < data.train.x.length; i++) {
      ctx.beginPath();
      ctx.arc(t.toPx(data.train.x[i] as number), t.toPy(data.train.y[i] as number), r, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.strokeStyle = p.test;
    ctx.lineWidth = 1.5;
    for (let i = 0; i < data.test.x.length; i++) {
      ctx.beginPath();
      ctx.arc(t.toPx(data.test.x[i] as number), t.toPy(data.test.y[i] as number), r + 0.5, 0, Math.PI * 2);
      ctx.stroke();
    }
    ctx.strokeStyle = p.foreground;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    fit.x.forEach((x, i) => {
      const px = t.toPx(x);
      const py = t.toPy(fit.y[i] as number);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    });
    ctx.stroke();
  }

  private drawLegend(data: DataView, palette: BoundaryPalette, p: Palette): void {
    // CSSOM, not a style attribute: the CSP forbids inline style attributes.
    const swatch = (colour: string, hollow = false) => {
      const el = h('span', { className: `swatch${hollow ? ' hollow' : ''}` });
      if (hollow) el.style.borderColor = colour;
      else el.style.background = colour;
      return el;
    };
    const items: (Node | string)[] = [];
    if (data.kind === 'classification') {
      const names = data.classNames ?? Array.from({ length: Math.max(data.classes, 2) }, (_, k) => t('class {k}', { k: String(k) }));
      names.forEach((name, k) => items.push(swatch(cssRgba(classColour(palette, k))), ` ${name}  `));
    } else if (boundaryInputs(data) === 1) {
      items.push(swatch(p.foreground), ` ${t('fitted curve')}  `, swatch(p.train), ` ${t('training')}  `, swatch(p.test, true), ` ${t('test')}`);
      replaceChildrenWith(this.legend, items);
      return;
    } else {
      items.push(swatch(cssRgba(palette.low)), ` ${t('low output')}  `, swatch(cssRgba(palette.high)), ` ${t('high output')}  `);
    }
    items.push(t('· filled: training, hollow: test'));
    replaceChildrenWith(this.legend, items);
  }

  destroy(): void {
    this.offscreen = undefined;
  }
}

export function boundaryPalette(p: Palette): BoundaryPalette {
  return {
    background: p.rgb(p.background),
    classes: p.classes.map((c) => p.rgb(c)),
    low: p.rgb(p.negative),
    high: p.rgb(p.positive),
  };
}
