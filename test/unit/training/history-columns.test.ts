// The columnar history must read exactly like the array of points it replaces.
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../src/shared/protocol/snapshot';
import { HistoryColumns } from '../../../src/session/history-columns';
import { packPoints, unpackPoints } from '../../../src/run/views';

function points(from: number, count: number): HistoryPoint[] {
  return Array.from({ length: count }, (_, k) => {
    const epoch = from + k;
    const point: HistoryPoint = { epoch, trainCost: 1 / epoch, trainObjective: 1 / epoch + 0.01, trainRegularization: 0.01, testCost: epoch % 3 === 0 ? null : 2 / epoch };
    if (epoch % 2 === 0) point.trainAccuracy = 0.5 + epoch / 1e4;
    if (epoch % 5 === 0) point.testAccuracy = 0.25;
    return point;
  });
}

describe('HistoryColumns', () => {
  it('reads back every field, absent ones absent, across growth and both ways of appending', () => {
    const history = new HistoryColumns();
    const expected = [...points(1, 300), ...points(301, 1000), ...points(1301, 5)];
    history.append(expected.slice(0, 300));
    history.appendPacked(packPoints(expected.slice(300, 1300)));
    history.append(expected.slice(1300));
    const view = history.view;
    expect(view.length).toBe(1305);
    expect([...view]).toEqual(expected);
    expect(view[0]).toEqual(expected[0]);
    expect(view.at(-1)).toEqual(expected[1304]);
    expect(view.slice(-3)).toEqual(expected.slice(-3));
    expect(view.map((p) => p.epoch)).toEqual(expected.map((p) => p.epoch));
    expect(view[1305]).toBeUndefined();
    expect(Array.isArray(view)).toBe(true);
    expect(JSON.parse(JSON.stringify(view))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(history.tail(2)).toEqual(expected.slice(-2));
    // NaN survives (a diverged epoch's cost), and a null test cost stays null rather than NaN.
    history.append([{ epoch: 1306, trainCost: NaN, trainObjective: NaN, trainRegularization: 0, testCost: null }]);
    expect(view[1305]).toEqual({ epoch: 1306, trainCost: NaN, trainObjective: NaN, trainRegularization: 0, testCost: null });
  });

  it('is empty after clear and reflects it through the same view', () => {
    const history = new HistoryColumns();
    const view = history.view;
    history.append(points(1, 1000));
    history.clear();
    expect(view.length).toBe(0);
    expect([...view]).toEqual([]);
    history.append(points(1, 2));
    expect(view.map((p) => p.epoch)).toEqual([1, 2]);
  });

  it('cannot be written through the view', () => {
    const history = new HistoryColumns();
    history.append(points(1, 2));
    const view = history.view as HistoryPoint[];
    expect(() => view.push(points(3, 1)[0])).toThrow(TypeError);
    expect(() => {
      view[0] = points(9, 1)[0];
    }).toThrow(TypeError);
    expect(view.length).toBe(2);
  });
});

describe('packPoints / unpackPoints', () => {
  it('round-trips points exactly', () => {
    const original = points(1, 50);
    expect(unpackPoints(packPoints(original))).toEqual(original);
  });
});
