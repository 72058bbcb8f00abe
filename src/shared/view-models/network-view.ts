// The network as a diagram: a column of units per layer, links coloured by the weight's sign and
// thickened by its magnitude, as TensorFlow Playground draws it. Pure geometry and hit testing; the
// webview draws the result on a canvas.

import type { ParametersView } from '../protocol/snapshot';
import { formatNumber, t } from '../l10n';

/** Wider layers are drawn with their first units and a "+k more" note: the diagram must stay legible. */
export const MAX_DRAWN_UNITS = 24;

export interface NodeLayout {
  /** Column: 0 = inputs, k = layer k − 1. */
  column: number;
  unit: number;
  x: number;
  y: number;
}

export interface LinkLayout {
  /** Layer index (0-based into the network's layers) whose weight this is. */
  layer: number;
  from: number;
  to: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
  gradient: number;
  width: number;
}

export interface NetworkLayout {
  nodes: NodeLayout[];
  links: LinkLayout[];
  radius: number;
  /** Units not drawn, per column. */
  hidden: number[];
  columnX: number[];
}

/** Column sizes: inputs then each layer's units. */
export function networkLayout(columns: readonly number[], params: ParametersView | undefined, width: number, height: number): NetworkLayout {
  // Room above for the two-line column titles, and below for "+k more".
  const margin = 34;
  const drawn = columns.map((c) => Math.min(c, MAX_DRAWN_UNITS));
  const tallest = drawn.reduce((a, b) => Math.max(a, b), 1);
  const radius = Math.max(3, Math.min(14, (height - 2 * margin) / (tallest * 2.6)));
  const columnX = columns.map((_, k) => margin + ((width - 2 * margin) * k) / Math.max(columns.length - 1, 1));
  const nodes: NodeLayout[] = [];
  const position: { x: number; y: number }[][] = drawn.map((count, column) => {
    const gap = (height - 2 * margin) / Math.max(count, 1);
    return Array.from({ length: count }, (_, unit) => {
      const node = { column, unit, x: columnX[column] as number, y: margin + gap * (unit + 0.5) };
      nodes.push(node);
      return node;
    });
  });
  const links: LinkLayout[] = [];
  let maxAbs = 0;
  for (const layer of params?.layers ?? []) for (const w of layer.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  params?.layers.forEach((layer, l) => {
    const from = position[l] ?? [];
    const to = position[l + 1] ?? [];
    for (let i = 0; i < from.length; i++) {
      for (let j = 0; j < to.length; j++) {
        const k = i * layer.units + j;
        const weight = layer.weights[k] ?? 0;
        const a = from[i] as { x: number; y: number };
        const b = to[j] as { x: number; y: number };
        links.push({
          layer: l,
          from: i,
          to: j,
          x1: a.x,
          y1: a.y,
          x2: b.x,
          y2: b.y,
          weight,
          gradient: layer.gradients[k] ?? 0,
          width: linkWidth(weight, maxAbs),
        });
      }
    }
  });
  return { nodes, links, radius, hidden: columns.map((c, k) => c - (drawn[k] ?? 0)), columnX };
}

/** 0.5 px for the weakest weight up to 5 px for the strongest; sqrt so mid-sized weights still show. */
export function linkWidth(weight: number, maxAbs: number): number {
  return maxAbs > 0 ? 0.5 + 4.5 * Math.sqrt(Math.abs(weight) / maxAbs) : 0.5;
}

function segmentDistance(px: number, py: number, l: LinkLayout): number {
  const dx = l.x2 - l.x1;
  const dy = l.y2 - l.y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - l.x1) * dx + (py - l.y1) * dy) / len2)) : 0;
  return Math.hypot(px - (l.x1 + t * dx), py - (l.y1 + t * dy));
}

/** The unit under the pointer, if any. */
export function nodeAt(layout: NetworkLayout, x: number, y: number): NodeLayout | undefined {
  return layout.nodes.find((n) => Math.hypot(n.x - x, n.y - y) <= layout.radius + 2);
}

/** The link nearest the pointer within `tolerance` pixels (the thickest wins a tie). */
export function linkAt(layout: NetworkLayout, x: number, y: number, tolerance = 4): LinkLayout | undefined {
  let best: LinkLayout | undefined;
  let bestDistance = Infinity;
  for (const l of layout.links) {
    const d = segmentDistance(x, y, l) - l.width / 2;
    if (d <= tolerance && (d < bestDistance || (d === bestDistance && best && l.width > best.width))) {
      best = l;
      bestDistance = d;
    }
  }
  return best;
}

export function unitName(column: number, unit: number, featureNames: readonly string[], columns: number): string {
  if (column === 0) return featureNames[unit] ?? `x${unit + 1}`;
  return column === columns - 1 ? t('output {unit}', { unit: String(unit + 1) }) : t('hidden {layer}.{unit}', { layer: String(column), unit: String(unit + 1) });
}

export function linkDescription(link: LinkLayout, featureNames: readonly string[], columns: number): string {
  const from = unitName(link.layer, link.from, featureNames, columns);
  const to = unitName(link.layer + 1, link.to, featureNames, columns);
  return `${from} → ${to}: w = ${formatNumber(link.weight)}, ∂L/∂w = ${formatNumber(link.gradient)}`;
}

export function networkSummary(columns: readonly number[], params: ParametersView | undefined, featureNames: readonly string[]): string {
  const shape = columns.join('–');
  if (!params) return t("Network {shape}: the diagram's weights are shown for small models only.", { shape });
  let count = 0;
  let strongest: { w: number; layer: number; i: number; j: number } | null = null;
  params.layers.forEach((layer, l) => {
    layer.weights.forEach((w, k) => {
      count++;
      if (!strongest || Math.abs(w) > Math.abs(strongest.w)) strongest = { w, layer: l, i: Math.floor(k / layer.units), j: k % layer.units };
    });
  });
  const s = strongest as { w: number; layer: number; i: number; j: number } | null;
  const weights = { shape, count: String(count) };
  if (!s) return t('Network {shape} with {count} weights.', weights);
  return t('Network {shape} with {count} weights; strongest weight {weight} from {from} to {to}.', {
    ...weights,
    weight: formatNumber(s.w),
    from: unitName(s.layer, s.i, featureNames, columns.length),
    to: unitName(s.layer + 1, s.j, featureNames, columns.length),
  });
}
