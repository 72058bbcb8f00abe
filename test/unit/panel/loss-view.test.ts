import { describe, expect, it } from 'vitest';
import { accuracyChartData, gapWidening, lossChartData, lossSummary } from '../../../src/shared/view-models/loss-view';
import { strideIndices, thinHistory } from '../../../src/shared/view-models/decimate';
import type { HistoryPoint } from '../../../src/shared/protocol/snapshot';

function run(n: number, test: (e: number) => number, extra: Partial<HistoryPoint> = {}): HistoryPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const trainCost = 1 / (1 + i / 10);
    return { epoch: i + 1, trainCost, trainObjective: trainCost, trainRegularization: 0, testCost: test(i), ...extra };
  });
}

describe('strideIndices', () => {
  it('keeps everything when short, and first, last and at most max points when long', () => {
    expect(strideIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    for (const [n, max] of [[10_000, 500], [501, 500], [1001, 3], [7, 2]] as const) {
      const idx = strideIndices(n, max);
      expect(idx.length).toBeLessThanOrEqual(max);
      expect(idx[0]).toBe(0);
      expect(idx.at(-1)).toBe(n - 1);
      expect(idx.every((v, i) => i === 0 || v > (idx[i - 1] as number))).toBe(true);
    }
  });
});

describe('thinHistory', () => {
  it('sends a short history whole, and a long one as at most max points ending in the latest quarter as it is', () => {
    const short = [1, 2, 3];
    expect(thinHistory(short, 10)).toEqual(short);
    expect(thinHistory(short, 10)).not.toBe(short);
    const long = Array.from({ length: 100_000 }, (_, i) => i + 1);
    const thin = thinHistory(long, 4000);
    expect(thin.length).toBeLessThanOrEqual(4000);
    expect(thin.length).toBeGreaterThan(3000);
    expect(thin[0]).toBe(1);
    expect(thin.slice(-1000)).toEqual(long.slice(-1000));
    expect(thin.every((e, i) => i === 0 || e > (thin[i - 1] as number))).toBe(true);
    // The chart drawn from it has the same points as the chart drawn from everything, at its ends.
    const drawn = strideIndices(thin.length, 600).map((i) => thin[i]);
    expect(drawn[0]).toBe(1);
    expect(drawn.at(-1)).toBe(100_000);
  });
});

describe('gapWidening', () => {
  it('stays off while test follows train at a constant distance', () => {
    const h = run(200, (i) => 1 / (1 + i / 10) + 0.05);
    expect(gapWidening(h).some(Boolean)).toBe(false);
  });

  it('shades a thinned history (a reloaded panel) where the whole one shades', () => {
    // 100,000 epochs: the test cost turns up at epoch 60,000 and eases off a little after 90,000.
    // Over the last 20% of epochs it rose; over the last 20% of a thinned history's points it fell.
    const floor = 1 / (1 + 6000) + 0.05;
    const h = run(100_000, (i) => (i < 60_000 ? 1 / (1 + i / 10) + 0.05 : i < 90_000 ? floor + (i - 60_000) * 1e-5 : floor + 0.3 - (i - 90_000) * 1e-6));
    const whole = gapWidening(h);
    const thin = thinHistory(h, 4000);
    const shaded = gapWidening(thin);
    const at = new Map(h.map((p, i) => [p.epoch, whole[i]]));
    const disagree = thin.filter((p, i) => shaded[i] !== at.get(p.epoch));
    expect(whole.at(-1)).toBe(true);
    expect(disagree).toEqual([]);
  });

  it('turns on once test cost climbs while train cost keeps falling (overfitting)', () => {
    // Test tracks train until epoch 80, then rises: the textbook overfitting picture.
    const h = run(200, (i) => (i < 80 ? 1 / (1 + i / 10) + 0.05 : 1 / (1 + 8) + 0.05 + (i - 80) * 0.004));
    const w = gapWidening(h);
    expect(w.slice(0, 80).some(Boolean)).toBe(false);
    expect(w.at(-1)).toBe(true);
    const first = w.indexOf(true);
    // From its best (0.161 at epoch 80) the test cost must rise by max(20%, 0.05): after epoch 92.
    expect(first).toBeGreaterThan(92);
    expect(first).toBeLessThan(100);
    const data = lossChartData(h, 1000);
    expect(data.wideningNow).toBe(true);
    expect(data.gapFill[10]).toBeNull();
    expect(data.gapFill.at(-1)).toBe(h.at(-1)?.testCost);
    expect(lossSummary(h)).toMatch(/widening/);
  });

  it('ignores epochs without a test split', () => {
    expect(gapWidening(run(50, () => null as unknown as number).map((p) => ({ ...p, testCost: null })))).toEqual(Array(50).fill(false));
  });

  it('agrees with the overfitting rule on the whole history', async () => {
    const { overfitting } = await import('../../../src/model/rules/live/overfitting');
    const h = run(200, (i) => (i < 80 ? 1 / (1 + i / 10) + 0.05 : 1 / (1 + 8) + 0.05 + (i - 80) * 0.004));
    for (const upTo of [60, 90, 95, 100, 150, 200]) {
      const prefix = h.slice(0, upTo);
      const ctx = { history: prefix, spec: { training: { regularization: { type: 'none', lambda: 0 } } }, locations: { values: {}, keys: {}, layers: [], root: {} }, src: undefined };
      const fired = overfitting.check(ctx as never).length > 0;
      expect(gapWidening(prefix).at(-1), `epochs 1..${upTo}`).toBe(fired);
    }
  });
});

describe('lossChartData', () => {
  it('shows the objective only when a regularisation term exists', () => {
    expect(lossChartData(run(10, () => 1), 100).trainObjective).toBeNull();
    const reg = run(10, () => 1).map((p) => ({ ...p, trainRegularization: 0.1, trainObjective: p.trainCost + 0.1 }));
    const d = lossChartData(reg, 100);
    expect(d.trainObjective?.[0]).toBeCloseTo((reg[0] as HistoryPoint).trainCost + 0.1);
  });

  it('draws the term on its own and the test objective as the test cost plus the same term', () => {
    const plain = lossChartData(run(10, () => 1), 100);
    expect(plain.regularization).toBeNull();
    expect(plain.testObjective).toBeNull();
    const reg = run(10, (i) => 1 + i / 10).map((p, i) => ({ ...p, trainRegularization: 0.05 * i, trainObjective: p.trainCost + 0.05 * i }));
    const d = lossChartData(reg, 100);
    expect(d.regularization).toEqual(reg.map((p) => p.trainRegularization));
    expect(d.testObjective).toEqual(reg.map((p) => (p.testCost as number) + p.trainRegularization));
    // No test split: no test objective, the term still.
    const noTest = lossChartData(reg.map((p) => ({ ...p, testCost: null })), 100);
    expect(noTest.testObjective).toBeNull();
    expect(noTest.regularization).not.toBeNull();
  });

  it('decimates long histories but keeps the latest epoch', () => {
    const d = lossChartData(run(5000, () => 1), 400);
    expect(d.epochs.length).toBeLessThanOrEqual(400);
    expect(d.epochs.at(-1)).toBe(5000);
    expect(d.trainCost.length).toBe(d.epochs.length);
  });
});

describe('accuracyChartData', () => {
  it('is null for regression and carries both splits for classification', () => {
    expect(accuracyChartData(run(3, () => 1), 10)).toBeNull();
    const a = accuracyChartData(run(3, () => 1, { trainAccuracy: 0.9, testAccuracy: 0.8 }), 10);
    expect(a?.train).toEqual([0.9, 0.9, 0.9]);
    expect(a?.test).toEqual([0.8, 0.8, 0.8]);
  });
});
