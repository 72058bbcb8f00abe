// The decision boundary as TensorFlow Playground draws it: the network's output over the plane of
// the first two inputs as a heatmap (colour = class, strength = confidence), the data on top.
// For one input and a regression target, the fitted curve over the data instead.

import type { DataView, GridView } from '../protocol/snapshot';
import { FEATURE_MESSAGES } from '../../engine/feature-messages';
import { mix, type Rgba } from './colour';
import { formatNumber, joinList, t } from '../l10n';

export interface BoundaryPalette {
  background: Rgba;
  /** One colour per class (cycled when there are more classes than colours). */
  classes: Rgba[];
  /** Regression ramp ends. */
  low: Rgba;
  high: Rgba;
}

/** The range the output activation produces, to read a grid value as a position between classes. */
export function outputRange(activation: string | undefined): [number, number] {
  switch (activation) {
    case 'tanh':
    case 'sign':
      return [-1, 1];
    default:
      return [0, 1];
  }
}

/** How much of the class colour shows at full confidence (the data points must stay readable). */
const HEAT_STRENGTH = 0.75;

export type BoundaryMode =
  | { kind: 'binary'; range: [number, number] }
  | { kind: 'multiclass'; classes: number }
  | { kind: 'regression'; min: number; max: number };

export function boundaryMode(data: DataView, grid: GridView, outputActivation: string | undefined): BoundaryMode {
  if (data.kind === 'regression') {
    let min = Infinity;
    let max = -Infinity;
    for (const v of grid.values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { kind: 'regression', min, max };
  }
  // Several output units: the grid holds the winning class and its probability.
  if (grid.mode === 'class') return { kind: 'multiclass', classes: Math.max(data.classes, 2) };
  return { kind: 'binary', range: outputRange(outputActivation) };
}

export function classColour(palette: BoundaryPalette, cls: number): Rgba {
  const n = palette.classes.length;
  return palette.classes[((Math.round(cls) % n) + n) % n] as Rgba;
}

/** The colour of one grid cell; `confidence` is the winning class's probability (multi-class). */
export function cellColour(value: number, mode: BoundaryMode, palette: BoundaryPalette, confidence = 1): Rgba {
  if (!Number.isFinite(value)) return palette.background;
  switch (mode.kind) {
    case 'binary': {
      const [lo, hi] = mode.range;
      const t = (value - lo) / (hi - lo); // 0 = class 0 for sure, 1 = class 1 for sure
      const side = t >= 0.5 ? classColour(palette, 1) : classColour(palette, 0);
      return mix(palette.background, side, Math.min(1, Math.abs(t - 0.5) * 2) * HEAT_STRENGTH);
    }
    case 'multiclass': {
      // Strength from how far the winner is above a uniform guess (1/k): a toss-up stays pale.
      const chance = 1 / mode.classes;
      const sure = Math.min(1, Math.max(0, (confidence - chance) / (1 - chance)));
      return mix(palette.background, classColour(palette, value), sure * HEAT_STRENGTH);
    }
    case 'regression': {
      const t = mode.max > mode.min ? (value - mode.min) / (mode.max - mode.min) : 0.5;
      const side = t >= 0.5 ? palette.high : palette.low;
      return mix(palette.background, side, Math.abs(t - 0.5) * 2 * HEAT_STRENGTH);
    }
  }
}

/** RGBA bytes of the grid, row-major from the top-left, ready for `putImageData`. */
export function boundaryPixels(grid: GridView, mode: BoundaryMode, palette: BoundaryPalette): Uint8ClampedArray {
  const n = grid.size * grid.size;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const c = cellColour(grid.values[i] ?? NaN, mode, palette, grid.confidence?.[i] ?? 1);
    out[i * 4] = c.r;
    out[i * 4 + 1] = c.g;
    out[i * 4 + 2] = c.b;
    out[i * 4 + 3] = 255;
  }
  return out;
}

export interface PlaneTransform {
  toPx(x: number): number;
  toPy(y: number): number;
}

/** Data coordinates to canvas pixels over the grid's extent (y grows upwards in the data). */
export function planeTransform(grid: Pick<GridView, 'xMin' | 'xMax' | 'yMin' | 'yMax'>, width: number, height: number): PlaneTransform {
  const sx = width / (grid.xMax - grid.xMin || 1);
  const sy = height / (grid.yMax - grid.yMin || 1);
  return { toPx: (x) => (x - grid.xMin) * sx, toPy: (y) => (grid.yMax - y) * sy };
}

/**
 * The smallest and largest finite value over several arrays ([Infinity, -Infinity] when there is
 * none). A loop, not Math.min(...xs): the data can hold a million points, which overflows the stack.
 */
function finiteRange(arrays: readonly ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/** For 1-D regression: the fitted curve's points and the y range that holds the curve and data. */
export function curveFit(grid: GridView, data: DataView): { x: number[]; y: number[]; yMin: number; yMax: number } {
  const n = grid.values.length;
  const x = Array.from({ length: n }, (_, i) => grid.xMin + ((grid.xMax - grid.xMin) * i) / Math.max(n - 1, 1));
  const y = [...grid.values];
  const [lo, hi] = finiteRange([y, data.train.y, data.test.y]);
  const pad = (hi - lo || 1) * 0.08;
  return { x, y, yMin: lo - pad, yMax: hi + pad };
}

/** Axes of the plane the boundary is drawn over: the data's inputs, or x1 and x2 with input features. */
export function boundaryInputs(data: DataView): number {
  return data.inputFeatures !== undefined ? 2 : data.inputSize;
}

export function boundarySummary(data: DataView | null, grid: GridView | undefined): string {
  if (!data) return t('Decision boundary: no data yet.');
  if (boundaryInputs(data) > 2) return t('Decision boundary: shown for 1 or 2 inputs; this model has {inputs}.', { inputs: data.inputSize });
  if (!grid) return t('Decision boundary: waiting for the first epoch.');
  const points = t('{train} training and {test} test points', { train: data.train.x.length, test: data.test.x.length });
  if (data.kind === 'regression' && boundaryInputs(data) === 1) {
    const [lo, hi] = finiteRange([grid.values]);
    return t('Fitted curve over {points}; output from {low} to {high}.', { points, low: formatNumber(lo), high: formatNumber(hi) });
  }
  if (data.kind === 'regression') return t('Output over the input plane with {points}.', { points });
  const names = data.classNames ? joinList(data.classNames) : t('{count} classes', { count: Math.max(data.classes, 2) });
  if (data.inputFeatures !== undefined) return FEATURE_MESSAGES.boundaryWithFeatures({ classes: names, features: joinList(data.inputFeatures), points });
  const [x1 = '', x2 = ''] = data.featureNames;
  return t('Decision regions for {classes} over the plane of {x1} and {x2}, with {points}.', { classes: names, x1, x2, points });
}
