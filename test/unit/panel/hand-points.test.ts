// Data by hand, the coordinate side: the boundary view draws standardised features, the file holds
// raw values. Checked against the engine's own standardisation: every point the engine drew maps
// back to the row the file holds, and a click on a point's pixel becomes that point's raw values
// (to the rounding a click is given).

import { describe, expect, test } from 'vitest';
import { makeDataset } from '../../../src/engine/index';
import { toDataView } from '../../../src/run/views';
import { planeTransform } from '../../../src/shared/view-models/boundary-view';
import { clickToRaw, decimalsFor, matchTolerance, nearestPoint, planeToRaw, rawToPlane, roundTo } from '../../../src/shared/view-models/hand-points';

const inputs = [[3, 120], [5, 80], [4.5, 150], [7, 95], [6, 130], [2, 60]];
const targets = [[0], [1], [0], [1], [1], [0]];
const extent = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
const SIDE = 400;

function view(standardize: boolean) {
  return toDataView(makeDataset({ kind: 'inline', inputs, targets }, { testFraction: 0, standardize }, 1));
}

describe('plane ↔ raw', () => {
  test('the engine standardised the points, and the view maps each back to its file row', () => {
    const data = view(true);
    expect(data.standardization?.mean).toHaveLength(2);
    const back = data.train.x.map((x, i) => [planeToRaw(data, 0, x), planeToRaw(data, 1, data.train.y[i] as number)]);
    // The split shuffles the rows: compare as sets, each within float error.
    const sorted = (rows: number[][]) => [...rows].sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));
    sorted(back).forEach((row, i) => {
      expect(row[0]).toBeCloseTo(sorted(inputs)[i]![0]!, 10);
      expect(row[1]).toBeCloseTo(sorted(inputs)[i]![1]!, 10);
    });
    // The standardised values really are standardised: mean 0 over the training split.
    expect(data.train.x.reduce((a, b) => a + b, 0) / data.train.x.length).toBeCloseTo(0, 12);
  });

  test('raw → plane → raw is the identity', () => {
    const data = view(true);
    for (const raw of [-3, 0, 4.25, 1e3]) {
      expect(planeToRaw(data, 0, rawToPlane(data, 0, raw))).toBeCloseTo(raw, 9);
      expect(planeToRaw(data, 1, rawToPlane(data, 1, raw))).toBeCloseTo(raw, 9);
    }
  });

  test('without standardisation the plane is the file\'s values', () => {
    const data = view(false);
    expect(data.standardization).toBeUndefined();
    expect(planeToRaw(data, 0, 1.5)).toBe(1.5);
    expect(rawToPlane(data, 1, -2)).toBe(-2);
  });

  test('a click on a point\'s pixel gives that point\'s raw values, rounded for the plane', () => {
    const data = view(true);
    const t = planeTransform(extent, SIDE, SIDE);
    const [x, y] = [data.train.x[2] as number, data.train.y[2] as number];
    const [r1, r2] = clickToRaw(data, extent, SIDE, SIDE, t.toPx(x), t.toPy(y));
    const raw = [planeToRaw(data, 0, x), planeToRaw(data, 1, y)] as const;
    // The plane spans 4 std in each feature: steps of a 200th of that, in raw units.
    const stepX = 10 ** -decimalsFor(4 * (data.standardization?.std[0] as number));
    const stepY = 10 ** -decimalsFor(4 * (data.standardization?.std[1] as number));
    expect(Math.abs(r1 - raw[0])).toBeLessThanOrEqual(stepX / 2 + 1e-12);
    expect(Math.abs(r2 - raw[1])).toBeLessThanOrEqual(stepY / 2 + 1e-12);
    expect(String(r1)).toMatch(/^-?\d+(\.\d{1,6})?$/);
  });

  test('a click on an unstandardised plane: the pixel\'s place, to two decimals over a span of 4', () => {
    const data = view(false);
    // Pixel (100, 100) of 400 over [-2, 2]²: x = -1, y = 1; (101, 300): x = -0.99, y = -1.
    expect(clickToRaw(data, extent, SIDE, SIDE, 100, 100)).toEqual([-1, 1]);
    expect(clickToRaw(data, extent, SIDE, SIDE, 101, 300)).toEqual([-0.99, -1]);
    expect(clickToRaw(data, extent, SIDE, SIDE, 200.4, 200)).toEqual([0, 0]);
  });

  test('decimals and rounding', () => {
    expect(decimalsFor(2.4)).toBe(2);
    expect(decimalsFor(240)).toBe(0);
    expect(decimalsFor(0.004)).toBe(5);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });
});

describe('shift-click', () => {
  test('finds the drawn point under the pointer, with its file values, and nothing a few pixels away', () => {
    const data = view(true);
    const t = planeTransform(extent, SIDE, SIDE);
    const [x, y] = [data.train.x[4] as number, data.train.y[4] as number];
    const hit = nearestPoint(data, extent, SIDE, SIDE, t.toPx(x) + 3, t.toPy(y) - 2);
    expect(hit?.label).toBe(data.train.label[4]);
    const row = inputs.find((r) => Math.abs((r[0] as number) - (hit?.raw[0] as number)) < matchTolerance(extent, data));
    expect(row).toBeDefined();
    expect(hit?.raw[1]).toBeCloseTo(row![1]!, 9);
    // Far from every point (a corner of the plane, where none of these lie): nothing.
    expect(nearestPoint(data, extent, SIDE, SIDE, 0, 0)).toBeUndefined();
  });
});
