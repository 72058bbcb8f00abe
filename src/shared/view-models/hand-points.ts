// Data by hand in the boundary view: canvas pixels ↔ the plane the view draws (standardised
// features unless `"standardize": false`) ↔ the raw values the file holds. A click becomes raw
// values rounded to about a two-hundredth of the plane, the precision a hand can aim at.

import type { DataView, GridView } from '../protocol/snapshot';
import type { HandDataView } from '../protocol/webview-messages';
import { t } from '../l10n';

/**
 * What a fixed plane with no points yet says, wherever it is said: Problems (on "inputs"), Train and
 * Step, the panel, the command line. One sentence, so they never drift apart.
 */
export const noPointsYetMessage = (): string =>
  t('No points yet: click in the panel\'s decision boundary to place some (Shift+click removes one), or write rows in "inputs" and "targets". Training starts from the first point.');

type Extent = Pick<GridView, 'xMin' | 'xMax' | 'yMin' | 'yMax'>;

/** Farther than this from every drawn point, a shift-click removes nothing. */
export const REMOVE_RADIUS_PX = 8;

/** Canvas pixel (from the top-left of a `width` × `height` plane) → plane coordinates (y up). */
export function pixelToPlane(extent: Extent, width: number, height: number, px: number, py: number): [number, number] {
  return [extent.xMin + (px / width) * (extent.xMax - extent.xMin), extent.yMax - (py / height) * (extent.yMax - extent.yMin)];
}

/** The view's coordinate of feature `j` → the file's raw value (undoing the training split's standardisation). */
export function planeToRaw(data: Pick<DataView, 'standardization'>, j: number, v: number): number {
  const s = data.standardization;
  return s ? v * (s.std[j] ?? 1) + (s.mean[j] ?? 0) : v;
}

/** The file's raw value of feature `j` → the view's coordinate. */
export function rawToPlane(data: Pick<DataView, 'standardization'>, j: number, raw: number): number {
  const s = data.standardization;
  return s ? (raw - (s.mean[j] ?? 0)) / (s.std[j] ?? 1) : raw;
}

/** Decimals that resolve a two-hundredth of a span of `span` raw units (0 to 6). */
export function decimalsFor(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 2;
  return Math.min(6, Math.max(0, Math.ceil(-Math.log10(span / 200))));
}

/** Rounds to `decimals` places, without binary noise (0.1 + 0.2 → 0.3) and without −0. */
export function roundTo(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

/** The raw (x1, x2) a click at pixel (px, py) places, rounded for the plane's span in raw units. */
export function clickToRaw(data: Pick<DataView, 'standardization'>, extent: Extent, width: number, height: number, px: number, py: number): [number, number] {
  const [u, v] = pixelToPlane(extent, width, height, px, py);
  const spanX = Math.abs(planeToRaw(data, 0, extent.xMax) - planeToRaw(data, 0, extent.xMin));
  const spanY = Math.abs(planeToRaw(data, 1, extent.yMax) - planeToRaw(data, 1, extent.yMin));
  return [roundTo(planeToRaw(data, 0, u), decimalsFor(spanX)), roundTo(planeToRaw(data, 1, v), decimalsFor(spanY))];
}

export interface NearestPoint {
  /** Raw (x1, x2) of the drawn sample, as the file holds it (up to float rounding). */
  raw: [number, number];
  label: number;
  distancePx: number;
}

/**
 * The drawn point (training or test) nearest to pixel (px, py), if within `radius` pixels: what a
 * shift-click takes away.
 */
export function nearestPoint(data: DataView, extent: Extent, width: number, height: number, px: number, py: number, radius = REMOVE_RADIUS_PX): NearestPoint | undefined {
  const sx = width / (extent.xMax - extent.xMin || 1);
  const sy = height / (extent.yMax - extent.yMin || 1);
  let best: NearestPoint | undefined;
  for (const split of [data.train, data.test]) {
    for (let i = 0; i < split.x.length; i++) {
      const x = split.x[i] as number;
      const y = split.y[i] as number;
      const d = Math.hypot((x - extent.xMin) * sx - px, (extent.yMax - y) * sy - py);
      if (d <= radius && (best === undefined || d < best.distancePx)) best = { raw: [planeToRaw(data, 0, x), planeToRaw(data, 1, y)], label: split.label[i] as number, distancePx: d };
    }
  }
  return best;
}

/** How far a drawn point's raw values may be from the file's (float error of the standardisation). */
export function matchTolerance(extent: Extent, data: Pick<DataView, 'standardization'>): number {
  const span = Math.max(Math.abs(planeToRaw(data, 0, extent.xMax) - planeToRaw(data, 0, extent.xMin)), Math.abs(planeToRaw(data, 1, extent.yMax) - planeToRaw(data, 1, extent.yMin)));
  return Math.max(1e-9, span * 1e-6);
}

/**
 * What the boundary view draws for a fixed plane with no points yet, which has no run: the plane in
 * the file's values (nothing standardised: there is nothing to standardise by) and no points. The
 * grid carries only the extent; the view draws it blank, since no network has been built to colour it.
 */
export function emptyPlaneViews(hand: HandDataView): { data: DataView; grid: GridView } | undefined {
  if (!hand.offered || hand.points !== 0 || hand.plane === undefined) return undefined;
  const none = { x: [], y: [], label: [] };
  return {
    data: { kind: 'classification', inputSize: 2, classes: hand.classes.length, featureNames: ['x1', 'x2'], classNames: [...hand.classes], train: none, test: { ...none } },
    grid: { size: 0, ...hand.plane, values: [] },
  };
}
