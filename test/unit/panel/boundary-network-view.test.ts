import { describe, expect, it } from 'vitest';
import { boundaryMode, boundaryPixels, cellColour, curveFit, planeTransform, type BoundaryPalette } from '../../../src/shared/view-models/boundary-view';
import { parseCssColour } from '../../../src/shared/view-models/colour';
import { linkAt, networkLayout, nodeAt, MAX_DRAWN_UNITS } from '../../../src/shared/view-models/network-view';
import { problemLocation, sortedProblems } from '../../../src/shared/view-models/problems-view';
import type { DataView, GridView, ParametersView } from '../../../src/shared/protocol/snapshot';

const palette: BoundaryPalette = {
  background: { r: 0, g: 0, b: 0, a: 1 },
  classes: [
    { r: 200, g: 100, b: 0, a: 1 },
    { r: 0, g: 100, b: 200, a: 1 },
    { r: 0, g: 200, b: 0, a: 1 },
  ],
  low: { r: 200, g: 100, b: 0, a: 1 },
  high: { r: 0, g: 100, b: 200, a: 1 },
};

const data = (kind: DataView['kind'], classes: number, inputSize = 2): DataView => ({
  kind,
  inputSize,
  classes,
  featureNames: ['x1', 'x2'],
  train: { x: [0], y: [2], label: [1] },
  test: { x: [0], y: [-2], label: [0] },
});

describe('parseCssColour', () => {
  it('reads the forms VS Code themes use', () => {
    expect(parseCssColour('#3794ff')).toEqual({ r: 0x37, g: 0x94, b: 0xff, a: 1 });
    expect(parseCssColour('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseCssColour('#00000080')?.a).toBeCloseTo(0.502, 2);
    expect(parseCssColour(' rgba(10, 20, 30, 0.5) ')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseCssColour('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseCssColour('var(--x)')).toBeNull();
  });
});

describe('decision boundary', () => {
  it('colours a sure class fully, an undecided cell not at all', () => {
    const mode = boundaryMode(data('classification', 2), { size: 1, xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: [0] }, 'sigmoid');
    expect(cellColour(0.5, mode, palette)).toEqual(palette.background);
    const sure1 = cellColour(1, mode, palette);
    const sure0 = cellColour(0, mode, palette);
    expect(sure1.b).toBeGreaterThan(sure1.r);
    expect(sure0.r).toBeGreaterThan(sure0.b);
    // tanh outputs live in (−1, 1): −1 is class 0.
    const tanh = boundaryMode(data('classification', 2), { size: 1, xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: [0] }, 'tanh');
    expect(cellColour(-1, tanh, palette)).toEqual(sure0);
  });

  it('gives each class its own colour for multi-class grids', () => {
    const grid: GridView = { size: 2, xMin: -1, xMax: 1, yMin: -1, yMax: 1, values: [0, 1, 2, 1], mode: 'class', confidence: [1, 1, 1, 1] };
    const px = boundaryPixels(grid, boundaryMode(data('classification', 3), grid, 'softmax'), palette);
    expect(px.length).toBe(16);
    const cell = (i: number) => [px[i * 4], px[i * 4 + 1], px[i * 4 + 2]];
    expect(cell(1)).toEqual(cell(3));
    expect(cell(0)).not.toEqual(cell(1));
    expect(cell(2)).not.toEqual(cell(1));
    expect(px[3]).toBe(255);
  });

  it('fades a multi-class cell to the background as its winner nears a uniform guess', () => {
    const grid: GridView = { size: 1, xMin: -1, xMax: 1, yMin: -1, yMax: 1, values: [2], mode: 'class', confidence: [1] };
    const mode = boundaryMode(data('classification', 3), grid, 'softmax');
    expect(mode.kind).toBe('multiclass');
    expect(cellColour(2, mode, palette, 1 / 3)).toEqual(palette.background);
    const sure = cellColour(2, mode, palette, 1);
    const half = cellColour(2, mode, palette, 2 / 3);
    expect(sure.g).toBeGreaterThan(half.g);
    expect(half.g).toBeGreaterThan(0);
  });

  it('maps the grid extent onto the canvas with y upwards', () => {
    const t = planeTransform({ xMin: -2, xMax: 2, yMin: -1, yMax: 1 }, 400, 200);
    expect([t.toPx(-2), t.toPy(1)]).toEqual([0, 0]);
    expect([t.toPx(2), t.toPy(-1)]).toEqual([400, 200]);
  });

  it('fits a 1-D curve into a y range that holds the data and the curve', () => {
    const grid: GridView = { size: 3, xMin: -1, xMax: 1, yMin: 0, yMax: 0, values: [-1, 0, 1] };
    const fit = curveFit(grid, data('regression', 0, 1));
    expect(fit.x).toEqual([-1, 0, 1]);
    expect(fit.yMin).toBeLessThan(-2);
    expect(fit.yMax).toBeGreaterThan(2);
  });
});

describe('network diagram', () => {
  const params: ParametersView = {
    layers: [
      { inputs: 2, units: 3, weights: [1, -2, 0.5, 0, 3, -1], biases: [0, 0, 0], gradients: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] },
      { inputs: 3, units: 1, weights: [1, 1, -1], biases: [0], gradients: [0, 0, 0] },
    ],
  };

  it('draws one link per weight, row-major inputs × units, thickest for the largest |w|', () => {
    const layout = networkLayout([2, 3, 1], params, 300, 200);
    expect(layout.nodes).toHaveLength(6);
    expect(layout.links).toHaveLength(9);
    const l = layout.links.find((k) => k.layer === 0 && k.from === 1 && k.to === 1);
    expect(l?.weight).toBe(3);
    expect(l?.gradient).toBe(0.5);
    expect(l?.width).toBe(Math.max(...layout.links.map((k) => k.width)));
  });

  it('finds the link and the unit under the pointer', () => {
    const layout = networkLayout([2, 3, 1], params, 300, 200);
    const l = layout.links[4]!;
    expect(linkAt(layout, (l.x1 + l.x2) / 2, (l.y1 + l.y2) / 2)).toBe(l);
    const n = layout.nodes[3]!;
    expect(nodeAt(layout, n.x + 1, n.y)).toBe(n);
    expect(nodeAt(layout, 1, 1)).toBeUndefined();
  });

  it('draws at most MAX_DRAWN_UNITS units per column and counts the rest', () => {
    const layout = networkLayout([784, 128, 10], undefined, 400, 300);
    expect(layout.hidden).toEqual([784 - MAX_DRAWN_UNITS, 128 - MAX_DRAWN_UNITS, 0]);
    expect(layout.links).toEqual([]);
  });
});

describe('problems list', () => {
  it('orders errors first, then by position, and shows 1-based positions', () => {
    const p = (severity: 'error' | 'warning' | 'info', line: number) => ({ code: 'c', severity, message: '', line, character: 0, source: 'static' as const });
    expect(sortedProblems([p('info', 1), p('warning', 9), p('error', 20), p('warning', 3)]).map((x) => `${x.severity}${x.line}`)).toEqual([
      'error20',
      'warning3',
      'warning9',
      'info1',
    ]);
    expect(problemLocation(p('error', 0))).toBe('Ln 1, Col 1');
  });
});
