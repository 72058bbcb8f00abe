// The "Loss vs cost" view's model: the numbers it shows read back as the theory says they must
// (H(p, q) = H(p) + KL(p‖q) on a trained model's outputs, the cost the mean of the per-sample
// losses, objective = cost + term), the confusion matrix it shows is a hand count, and the panel
// state keeps the numbers measured last, with their epoch.

import { describe, expect, it } from 'vitest';
import { run } from '../../../src/run/headless-run';
import { theoryReport } from '../../../src/run/theory-report';
import type { Snapshot, TheoryMeasurement } from '../../../src/shared/protocol/snapshot';
import { formatNumber, formatPercent } from '../../../src/shared/l10n';
import { applyMessage, emptyState } from '../../../src/shared/view-models/panel-state';
import { confusionTables, GAUSSIAN_WITHIN_3_SIGMA, informationRows, initialRows, measuredCaption, objectiveRows, spreadStrips } from '../../../src/shared/view-models/theory-view';
import { snapshotUpdate } from '../../../src/editor/panel/snapshot-update';
import { theoryHoverLines } from '../../../src/editor/theory-hover';

const model = (parts: Record<string, unknown>) => JSON.stringify(parts);

describe('on a trained softmax classifier with L2', () => {
  const text = model({
    seed: 3,
    data: { dataset: 'iris', testFraction: 0.3 },
    layers: [{ units: 6 }, { units: 3, activation: 'softmax' }],
    loss: 'cross-entropy',
    training: { epochs: 25, regularization: { type: 'l2', lambda: 0.01 } },
  });
  const r = run(text);
  const report = theoryReport(r.trainer!);

  it('shows H(p, q), H(p) and KL(p‖q) whose unrounded values add up within 1e-12, and whose text is theirs', () => {
    const rows = informationRows(report);
    expect(rows.map((row) => row.split)).toEqual(['train', 'test']);
    for (const row of rows) {
      const v = row.values;
      expect(Math.abs(v.crossEntropy - v.labelEntropy - v.kl)).toBeLessThan(1e-12);
      expect(row.crossEntropy).toBe(formatNumber(v.crossEntropy));
      expect(row.identity).toBe(`H(p, q) = H(p) + KL(p‖q): ${formatNumber(v.crossEntropy)} = ${formatNumber(v.labelEntropy)} + ${formatNumber(v.kl)}`);
      // The prediction entropy lies between 0 and ln 3 (three classes).
      expect(v.predictionEntropy).toBeGreaterThan(0);
      expect(v.predictionEntropy).toBeLessThan(Math.log(3));
    }
    // With cross-entropy loss on one-hot labels, H(p, q) is the cost itself: shown alike.
    const test = r.trainer!.evaluate('test');
    expect(rows[1]?.crossEntropy).toBe(formatNumber(test.cost));
  });

  it('shows cost + term = objective per split, the term the same for both (it depends on the weights only)', () => {
    const rows = objectiveRows(report);
    const test = r.trainer!.evaluate('test');
    expect(rows[1]).toEqual({ split: 'test', cost: formatNumber(test.cost), regularization: formatNumber(test.regularization), objective: formatNumber(test.cost + test.regularization) });
    expect(rows[0]?.regularization).toBe(rows[1]?.regularization);
    expect(report.train.regularization).toBeGreaterThan(0);
  });

  it('places the cost (the mean) on the strip of per-sample losses, one scale for both splits', () => {
    const strips = spreadStrips(report);
    const low = Math.min(report.train.losses.min, report.test!.losses.min);
    const high = Math.max(report.train.losses.max, report.test!.losses.max);
    for (const [i, split] of [report.train, report.test!].entries()) {
      const strip = strips[i]!;
      expect(strip.mean).toBeCloseTo((split.cost - low) / (high - low), 12);
      expect(strip.min).toBeLessThanOrEqual(strip.median);
      expect(strip.median).toBeLessThanOrEqual(strip.p90);
      expect(strip.p90).toBeLessThanOrEqual(strip.max);
      expect(strip.text).toContain(formatNumber(split.cost));
    }
    expect(Math.min(strips[0]!.min, strips[1]!.min)).toBe(0);
    expect(Math.max(strips[0]!.max, strips[1]!.max)).toBe(1);
  });

  it('sets each layer’s share within ±3σ against its distribution’s', () => {
    const rows = initialRows(report, null);
    expect(rows.map((row) => row.layer)).toEqual([1, 2]);
    for (const [i, row] of rows.entries()) expect(row.share).toBe(formatPercent(report.initialWeights[i]!.within3Sigma));
    expect(rows[0]?.expected).toBe(formatPercent(GAUSSIAN_WITHIN_3_SIGMA));
    const uniform = initialRows(report, { init: { distribution: 'xavier' }, layers: [{}, {}] } as never);
    expect(uniform[0]?.expected).toBe(formatPercent(1));
  });
});

describe('the confusion matrix, against a hand count', () => {
  // One sigmoid unit, weight 1 and bias 0 on the raw input: class 1 exactly when x > 0.
  const xs = [-2, -1, 1, 2, 3, -3];
  const labels = [0, 1, 1, 0, 0, 0];
  const text = model({
    data: { inputs: xs.map((x) => [x]), targets: labels.map((y) => [y]), task: 'classification', testFraction: 0, standardize: false },
    layers: [{ units: 1, activation: 'sigmoid', weights: [[1]], bias: 0, trainable: false }],
    training: { epochs: 0 },
  });
  const report = theoryReport(run(text).trainer!);

  it('counts rows as the actual class and columns as the predicted one', () => {
    // Predicted: −2 → 0, −1 → 0, 1 → 1, 2 → 1, 3 → 1, −3 → 0. Actual 0 (−2, 2, 3, −3): two taken
    // for 0, two for 1; actual 1 (−1, 1): one for 0, one for 1.
    const [table, ...others] = confusionTables(report);
    expect(others).toEqual([]);
    expect(table?.counts).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(table?.classes).toEqual(['0', '1']);
    expect(table?.accuracy).toBe(3 / 6);
    expect(table?.caption).toContain(formatPercent(0.5));
  });

  it('shows the hand-set layer’s share as unknown (hand-set weights were not drawn)', () => {
    expect(initialRows(report, null)[0]?.share).toBe('–');
  });
});

describe('the measurement in the panel and the hover', () => {
  const text = model({ seed: 1, data: { generator: 'moons', samples: 60, noise: 0.2, testFraction: 0.5 }, layers: [{ units: 4 }, { units: 1, activation: 'sigmoid' }], training: { epochs: 3 } });
  const report = theoryReport(run(text).trainer!);
  const measurement: TheoryMeasurement = { epoch: 3, report };
  const snapshot = (epoch: number, theory?: TheoryMeasurement, theoryId?: number): Snapshot => ({
    state: 'training',
    epoch,
    epochs: 100,
    samplesPerSecond: 1,
    points: [],
    health: null,
    ...(theory ? { theory, theoryId } : {}),
  });

  it('says the epoch measured at, and when training has gone on since', () => {
    expect(measuredCaption(measurement, 3)).toBe('Measured after epoch 3.');
    expect(measuredCaption(measurement, 7)).toBe('Measured after epoch 3. Training is at epoch 7 now: these numbers are older.');
    expect(measuredCaption({ epoch: 3, epochFraction: 0.25, report }, 3)).toBe(`Measured during epoch 4 (${formatPercent(0.25)} of it done).`);
  });

  it('is sent to the webview once and kept there, with a `theory` change only when it is new', () => {
    const state = emptyState();
    let sent = {};
    const changes: boolean[] = [];
    const kept: (number | undefined)[] = [];
    for (const [epoch, id] of [[3, 7], [4, 7], [5, 9]] as const) {
      const update = snapshotUpdate(snapshot(epoch, { ...measurement, epoch }, id), [], sent);
      sent = update.sent;
      expect(update.snapshot.theory !== undefined).toBe(epoch !== 4);
      changes.push(applyMessage(state, { type: 'snapshot', snapshot: update.snapshot }).has('theory'));
      kept.push(state.snapshot?.theory?.epoch);
    }
    expect(changes).toEqual([true, false, true]);
    expect(kept).toEqual([3, 3, 5]);
  });

  it('the hover tables the numbers with their epoch, and says nothing without them', () => {
    expect(theoryHoverLines(null)).toEqual([]);
    expect(theoryHoverLines(snapshot(5))).toEqual([]);
    const [caption, table] = theoryHoverLines(snapshot(5, measurement, 1));
    expect(caption).toBe(measuredCaption(measurement, 5));
    const rows = objectiveRows(report);
    expect(table).toContain(`| cost (mean loss) | ${rows[0]?.cost} | ${rows[1]?.cost} |`);
    const info = informationRows(report);
    expect(table).toContain(`| H(p, q) = H(p) + KL(p‖q) | ${info[0]?.crossEntropy} = ${info[0]?.labelEntropy} + ${info[0]?.kl} |`);
  });
});
