// View 6: the network itself. A column of units per layer, links coloured by the weight's sign
// (blue positive, orange negative, as TensorFlow Playground) and thickened by |w|, redrawn live.
// Hovering a link shows its weight and gradient; hovering a unit shows its output over the input
// plane, asked of the extension (`unit-grid`) since only the worker has the weights. From the
// keyboard: Tab to the diagram, the arrow keys move between units (left/right across layers,
// up/down within one), which shows the same tooltip and says the unit aloud; Escape leaves it.
// A click on a hidden unit, or Enter/Space on the keyboard's one, switches it off (drawn hollow and
// crossed, its links faded) or back on; the worker evaluates the network at once and the line
// above the diagram gives the effect in its figures (units-off-view.ts).

import { INPUT_FEATURE_TABLE, type InputFeatureName } from '../../src/engine/features';
import { boundaryInputs } from '../../src/shared/view-models/boundary-view';
import { mix } from '../../src/shared/view-models/colour';
import { formatNumber } from '../../src/shared/l10n';
import { layerShort } from '../../src/shared/view-models/gradient-view';
import { linkAt, linkDescription, networkLayout, networkSummary, nodeAt, unitName, type NetworkLayout, type NodeLayout } from '../../src/shared/view-models/network-view';
import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import type { GridView } from '../../src/shared/protocol/snapshot';
import type { FromWebview } from '../../src/shared/protocol/webview-messages';
import { h, TextSummary, setText } from '../dom';
import type { Palette } from '../theme';
import { fitCanvas, gridImage } from './canvas';
import { layoutModel, type View } from './view';
import { isOff, isSwitchable, switchHint, unitsOffEffect, unitsOffHint, unitsOffNote } from '../../src/shared/view-models/units-off-view';
import { t } from '../../src/shared/l10n';

const THUMB = 96;

export class NetworkView implements View {
  readonly id = 'network';
  readonly title = t('Network');
  readonly body: HTMLElement;
  readonly summary = new TextSummary();
  private readonly canvas = h('canvas', {
    role: 'img',
    tabindex: 0,
    'aria-label': t('Network diagram: units and weighted links. Use the arrow keys to move between units.'),
    'aria-describedby': 'network-summary',
  });
  private readonly tooltip = h('div', { className: 'tooltip', role: 'tooltip', hidden: true });
  private readonly tooltipText = h('div');
  private readonly thumb = h('canvas', { className: 'thumb', width: THUMB, height: THUMB });
  private readonly note = h('p', { className: 'note' });
  /** The effect of the units switched off (or, with none off, how to switch one). */
  private readonly effect = h('p', { className: 'units-off', 'data-units-off': 'none' });
  private readonly effectNote = h('p', { className: 'note units-off-note' });
  /** The units off as last drawn ("" when none), to redraw when a snapshot changes them. */
  private drawnUnitsOff = '';
  /** A toggle was asked for: say its effect aloud when the snapshot with it arrives. */
  private announceEffect = false;
  /** The unit whose tooltip is shown, to refresh its text when it is switched. */
  private tooltipNode: NodeLayout | undefined;
  private announcedUnitsOff = '';
  private layout: NetworkLayout | undefined;
  private state: PanelState | undefined;
  private palette: Palette | undefined;
  private nextGridId = 1;
  private awaitedGrid: { id: number; node: NodeLayout } | undefined;
  private hovered: string | undefined;
  /** The unit the keyboard is on: its column and its index among the drawn units of that column. */
  private selected: { column: number; index: number } | undefined;
  private size = { width: 0, height: 0 };

  constructor(
    private readonly post: (m: FromWebview) => void,
    private readonly announce: (text: string) => void,
  ) {
    this.summary.element.id = 'network-summary';
    this.tooltip.append(this.tooltipText, this.thumb);
    this.body = h('div', {}, this.note, this.effect, h('div', { className: 'network-host' }, this.canvas, this.tooltip), this.effectNote, this.summary.element);
    this.canvas.addEventListener('mousemove', (e) => this.hover(e.offsetX, e.offsetY));
    // A press on a unit moves the keyboard's selection there (focus follows, and would select the
    // first input otherwise), so a click and then Enter act on the same unit.
    this.canvas.addEventListener('mousedown', (e) => {
      const node = this.layout && nodeAt(this.layout, e.offsetX, e.offsetY);
      if (node && this.layout) this.selected = { column: node.column, index: this.layout.nodes.filter((n) => n.column === node.column).indexOf(node) };
    });
    this.canvas.addEventListener('click', (e) => {
      const node = this.layout && nodeAt(this.layout, e.offsetX, e.offsetY);
      if (node) this.toggle(node);
    });
    this.canvas.addEventListener('mouseleave', () => this.hideTooltip());
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('focus', () => this.select(this.selected ?? { column: 0, index: 0 }));
    this.canvas.addEventListener('blur', () => this.unselect());
  }

  private key(e: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (e.key === 'Escape') {
      this.unselect();
      this.canvas.blur();
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && this.selected && this.layout) {
      e.preventDefault();
      const node = this.layout.nodes.filter((n) => n.column === this.selected!.column)[this.selected.index];
      if (node) this.toggle(node);
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const at = this.selected ?? { column: 0, index: 0 };
    this.select({ column: at.column + move[0], index: move[0] === 0 ? at.index + move[1] : at.index });
  }

  /** Moves the keyboard's unit (clamped to the diagram), rings it, shows its tooltip and says it. */
  private select(want: { column: number; index: number }): void {
    const layout = this.layout;
    const state = this.state;
    if (!layout || !state || layout.nodes.length === 0) return;
    const columns = layout.columnX.length;
    const column = Math.min(Math.max(want.column, 0), columns - 1);
    const inColumn = layout.nodes.filter((n) => n.column === column);
    if (inColumn.length === 0) return;
    const index = Math.min(Math.max(want.index, 0), inColumn.length - 1);
    const node = inColumn[index] as NodeLayout;
    this.selected = { column, index };
    this.redraw();
    const text = this.unitText(node);
    this.hovered = `n${node.column}.${node.unit}`;
    this.showTooltip(node.x, node.y, text, node);
    this.requestUnitGrid(node);
    this.announce(text);
  }

  private unselect(): void {
    if (!this.selected) return;
    this.selected = undefined;
    this.hideTooltip();
    this.redraw();
  }

  private redraw(): void {
    if (!this.layout || !this.palette || this.canvas.hidden) return;
    const ctx = this.canvas.getContext('2d');
    if (ctx) this.draw(ctx, this.size.width, this.size.height, this.palette, this.state ? layoutModel(this.state) : null);
  }

  /** Switches a hidden unit of a drawn network off or back on (the worker holds the switch). */
  private toggle(node: NodeLayout): void {
    const layout = this.layout;
    if (!layout || !this.state?.snapshot?.parameters || !isSwitchable(node.column, layout.columnX.length)) return;
    this.announceEffect = true;
    this.post({ type: 'toggle-unit', layer: node.column - 1, unit: node.unit });
  }

  /** The tooltip's and the announcer's text for a unit: its name, bias and, when hidden, its switch. */
  private unitText(node: NodeLayout): string {
    const columns = this.layout?.columnX.length ?? 0;
    const name = `${unitName(node.column, node.unit, this.state?.data?.featureNames ?? [], columns)}${this.biasText(node)}`;
    if (!this.state?.snapshot?.parameters || !isSwitchable(node.column, columns)) return name;
    return `${name} · ${switchHint(isOff(this.state.snapshot.unitsOff, node.column - 1, node.unit))}`;
  }

  render(state: PanelState, changes: ReadonlySet<Change>, p: Palette): void {
    const unitsOff = state.snapshot?.unitsOff;
    const unitsOffKey = unitsOff ? JSON.stringify(unitsOff) : '';
    if (!changes.has('diagram') && !changes.has('model') && !changes.has('data') && unitsOffKey === this.drawnUnitsOff && this.layout) return;
    const switched = unitsOffKey !== this.drawnUnitsOff;
    this.drawnUnitsOff = unitsOffKey;
    this.state = state;
    this.palette = p;
    const model = layoutModel(state);
    const params = state.snapshot?.parameters;
    const columns = model ? [model.inputSize, ...model.layers.map((l) => l.units)] : (params ? [params.layers[0]?.inputs ?? 0, ...params.layers.map((l) => l.units)] : []);
    const features = state.data?.featureNames ?? [];
    const effect = params ? unitsOffEffect(unitsOff, state.data?.kind) : undefined;
    const switchable = !!params && columns.length > 2;
    setText(this.effect, effect ?? (switchable ? unitsOffHint() : ''));
    this.effect.hidden = !effect && !switchable;
    this.effect.dataset.unitsOff = effect ? String(unitsOff?.units.length ?? 0) : 'none';
    this.effect.classList.toggle('muted', !effect);
    setText(this.effectNote, effect ? unitsOffNote() : '');
    this.effectNote.hidden = !effect;
    this.summary.set(effect ? `${networkSummary(columns, params, features)} ${effect}` : networkSummary(columns, params, features));
    if (this.announceEffect && unitsOffKey !== this.announcedUnitsOff) {
      this.announceEffect = false;
      this.announce(effect ?? t('Every unit is on again.'));
    }
    this.announcedUnitsOff = unitsOffKey;
    setText(this.note, params ? '' : columns.length ? t('Weights are drawn for small models only; the shape is shown.') : t('No model yet.'));
    this.note.hidden = !!params;
    if (columns.length === 0) {
      this.canvas.hidden = true;
      return;
    }
    this.canvas.hidden = false;
    const width = Math.max(260, this.body.clientWidth || 420);
    const tallest = columns.reduce((a, c) => Math.max(a, Math.min(c, 24)), -Infinity);
    const height = Math.min(420, Math.max(180, tallest * 22 + 56));
    const ctx = fitCanvas(this.canvas, width, height);
    this.layout = networkLayout(columns, params, width, height);
    this.size = { width, height };
    this.draw(ctx, width, height, p, model);
    // A unit just switched keeps its tooltip, which now says the other thing.
    const shown = this.tooltipNode;
    if (switched && shown && !this.tooltip.hidden) {
      setText(this.tooltipText, this.unitText(shown));
      this.requestUnitGrid(shown);
    }
  }

  private draw(ctx: CanvasRenderingContext2D, width: number, height: number, p: Palette, model: PanelState['model']): void {
    const layout = this.layout as NetworkLayout;
    ctx.clearRect(0, 0, width, height);
    let maxAbs = 0;
    for (const l of layout.links) maxAbs = Math.max(maxAbs, Math.abs(l.weight));
    const unitsOff = this.state?.snapshot?.unitsOff;
    // Column k's unit u is layer k − 1's: a link from layer l's unit `from` starts at column l.
    const offNode = (column: number, unit: number) => column > 0 && isOff(unitsOff, column - 1, unit);
    for (const link of layout.links) {
      const strength = maxAbs > 0 ? Math.abs(link.weight) / maxAbs : 0;
      // Links of a unit switched off carry nothing (out) or feed nothing anyone reads (in): faded.
      const silent = offNode(link.layer, link.from) || offNode(link.layer + 1, link.to);
      ctx.strokeStyle = p.alpha(link.weight >= 0 ? p.positive : p.negative, silent ? 0.08 : 0.25 + 0.75 * strength);
      ctx.lineWidth = link.width;
      ctx.beginPath();
      ctx.moveTo(link.x1, link.y1);
      ctx.lineTo(link.x2, link.y2);
      ctx.stroke();
    }
    // Units: filled by their bias (sign colour, strength by magnitude), rimmed in the text colour.
    const biases = this.state?.snapshot?.parameters?.layers.map((l) => l.biases) ?? [];
    let maxBias = 0;
    for (const b of biases) for (const v of b) maxBias = Math.max(maxBias, Math.abs(v));
    const bg = p.rgb(p.background);
    for (const node of layout.nodes) {
      const bias = node.column > 0 ? (biases[node.column - 1]?.[node.unit] ?? 0) : 0;
      const off = offNode(node.column, node.unit);
      // A unit switched off is hollow (the background), rimmed with a dashed line and crossed out.
      const fill = off ? bg : maxBias > 0 ? mix(bg, p.rgb(bias >= 0 ? p.positive : p.negative), (0.8 * Math.abs(bias)) / maxBias) : bg;
      ctx.beginPath();
      ctx.arc(node.x, node.y, layout.radius, 0, Math.PI * 2);
      ctx.fillStyle = `rgb(${fill.r}, ${fill.g}, ${fill.b})`;
      ctx.fill();
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = off ? p.muted : p.foreground;
      if (off) ctx.setLineDash([3, 2]);
      ctx.stroke();
      ctx.setLineDash([]);
      if (off) {
        const r = layout.radius * 0.6;
        ctx.beginPath();
        ctx.moveTo(node.x - r, node.y - r);
        ctx.lineTo(node.x + r, node.y + r);
        ctx.moveTo(node.x + r, node.y - r);
        ctx.lineTo(node.x - r, node.y + r);
        ctx.lineWidth = 1.6;
        ctx.stroke();
      }
    }
    // The keyboard's unit: a ring in the focus colour.
    const selected = this.selected && layout.nodes.filter((n) => n.column === this.selected!.column)[this.selected.index];
    if (selected) {
      ctx.beginPath();
      ctx.arc(selected.x, selected.y, layout.radius + 3, 0, Math.PI * 2);
      ctx.lineWidth = 2;
      ctx.strokeStyle = p.focus;
      ctx.stroke();
    }
    ctx.fillStyle = p.muted;
    ctx.font = `11px ${p.fontFamily}`;
    ctx.textAlign = 'center';
    const columns = layout.columnX.length;
    // Two short lines per column (role, then activation and width), so neighbours never overlap.
    const spacing = columns > 1 ? (layout.columnX[1] as number) - (layout.columnX[0] as number) : width;
    const fit = (text: string) => {
      let t = text;
      while (t.length > 3 && ctx.measureText(t).width > spacing - 6) t = `${t.slice(0, -2)}…`;
      return t;
    };
    layout.columnX.forEach((x, k) => {
      const layer = model?.layers[k - 1];
      const units = (layout.hidden[k] ?? 0) + layout.nodes.filter((n) => n.column === k).length;
      const [first, second] = k === 0 ? [t('in · {units}', { units: String(units) }), t('inputs')] : [`${layerShort(k - 1, columns - 1)} · ${units}`, layer?.activation ?? ''];
      const cx = Math.min(Math.max(x, spacing / 2), width - spacing / 2);
      ctx.fillText(fit(first), cx, 11);
      ctx.fillText(fit(second), cx, 23);
      const hidden = layout.hidden[k] ?? 0;
      if (hidden > 0) ctx.fillText(fit(t('+{hidden} more', { hidden: String(hidden) })), x, height - 6);
    });
  }

  private hover(x: number, y: number): void {
    const layout = this.layout;
    const state = this.state;
    if (!layout || !state) return;
    const columns = layout.columnX.length;
    const features = state.data?.featureNames ?? [];
    const node = nodeAt(layout, x, y);
    // A hand over the units a click switches.
    this.canvas.style.cursor = node && state.snapshot?.parameters && isSwitchable(node.column, columns) ? 'pointer' : '';
    if (node) {
      const key = `n${node.column}.${node.unit}`;
      if (key !== this.hovered) {
        this.hovered = key;
        this.showTooltip(x, y, this.unitText(node), node);
        this.requestUnitGrid(node);
      }
      return;
    }
    const link = linkAt(layout, x, y);
    if (link) {
      const key = `l${link.layer}.${link.from}.${link.to}`;
      if (key !== this.hovered) {
        this.hovered = key;
        this.thumb.hidden = true;
        this.showTooltip(x, y, linkDescription(link, features, columns));
      }
      return;
    }
    this.hideTooltip();
  }

  private biasText(node: NodeLayout): string {
    if (node.column === 0) return '';
    const b = this.state?.snapshot?.parameters?.layers[node.column - 1]?.biases[node.unit];
    return b === undefined ? '' : t(' · bias {bias}', { bias: formatNumber(b) });
  }

  /** Output over the plane: inputs are drawn here; hidden and output units are asked of the worker. */
  private requestUnitGrid(node: NodeLayout): void {
    const state = this.state;
    const plane = state?.snapshot?.boundary;
    this.thumb.hidden = true;
    this.awaitedGrid = undefined;
    if (!state?.data || boundaryInputs(state.data) !== 2 || !plane) return;
    // A unit switched off outputs 0 everywhere: there is no picture to show.
    if (node.column > 0 && isOff(state.snapshot?.unitsOff, node.column - 1, node.unit)) return;
    if (node.column === 0) {
      const size = 32;
      // With input features an input unit is a feature of the point: drawn by the engine's own table.
      const feature = state.data.inputFeatures?.[node.unit] as InputFeatureName | undefined;
      const values = Array.from({ length: size * size }, (_, i) => {
        const col = i % size;
        const row = Math.floor(i / size);
        const x = plane.xMin + ((plane.xMax - plane.xMin) * col) / (size - 1);
        const y = plane.yMax - ((plane.yMax - plane.yMin) * row) / (size - 1);
        if (feature !== undefined) return INPUT_FEATURE_TABLE[feature].value(x, y);
        return node.unit === 0 ? x : y;
      });
      this.drawThumb({ ...plane, size, values }, 'linear');
      return;
    }
    const id = this.nextGridId++;
    this.awaitedGrid = { id, node };
    this.post({ type: 'unit-grid', id, layer: node.column - 1, unit: node.unit });
  }

  /** The extension answered a `unit-grid` request; stale answers (pointer moved on) are dropped. */
  onUnitGrid(id: number, grid: GridView): void {
    if (this.awaitedGrid?.id !== id) return;
    const activation = layoutModel(this.state as PanelState)?.layers[this.awaitedGrid.node.column - 1]?.activation ?? 'linear';
    this.drawThumb(grid, activation);
  }

  private drawThumb(grid: GridView, activation: string): void {
    const p = this.palette;
    if (!p) return;
    // Diverging around the activation's midpoint: 0.5 for sigmoid-like units, 0 otherwise.
    const centre = activation === 'sigmoid' || activation === 'softmax' || activation === 'step' ? 0.5 : 0;
    let reach = 0;
    for (const v of grid.values) reach = Math.max(reach, Math.abs(v - centre));
    const bg = p.rgb(p.background);
    const pos = p.rgb(p.positive);
    const neg = p.rgb(p.negative);
    const px = new Uint8ClampedArray(grid.size * grid.size * 4);
    grid.values.forEach((v, i) => {
      const t = reach > 0 ? (v - centre) / reach : 0;
      const c = mix(bg, t >= 0 ? pos : neg, Math.abs(t) * 0.85);
      px.set([c.r, c.g, c.b, 255], i * 4);
    });
    const image = gridImage(px, grid.size);
    const ctx = this.thumb.getContext('2d') as CanvasRenderingContext2D;
    ctx.imageSmoothingEnabled = true;
    ctx.clearRect(0, 0, THUMB, THUMB);
    ctx.drawImage(image, 0, 0, THUMB, THUMB);
    this.thumb.hidden = false;
  }

  private showTooltip(x: number, y: number, text: string, node?: NodeLayout): void {
    this.tooltipNode = node;
    setText(this.tooltipText, text);
    this.tooltip.hidden = false;
    const host = this.canvas.clientWidth;
    this.tooltip.style.left = `${Math.min(x + 12, Math.max(0, host - 200))}px`;
    this.tooltip.style.top = `${y + 12}px`;
  }

  private hideTooltip(): void {
    this.tooltip.hidden = true;
    this.tooltipNode = undefined;
    this.hovered = undefined;
    this.awaitedGrid = undefined;
  }

  destroy(): void {
    this.layout = undefined;
  }
}
