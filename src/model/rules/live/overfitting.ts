// Theory §13: overfitting is high variance: the network keeps improving on the training data
// while getting worse on data it has not seen. Seen in the curves as the test cost rising from
// its best while the training cost still falls; L2 (weight decay) and dropout reduce variance.

import { addRegularizationFix, compactFixes } from '../../fixes';
import { problem } from '../../semantic';
import { num } from '../../stats';
import { THRESHOLDS } from '../../thresholds';
import type { LiveRule } from '../rule';
import { finite, limit, wasActive } from './helpers';

export const overfitting: LiveRule = {
  code: 'overfitting',
  severity: 'warning',
  summary: 'The test cost rises from its best while the training cost keeps falling.',
  check(ctx) {
    const points = ctx.history.filter((p) => finite(p.trainCost) && finite(p.testCost));
    const window = Math.max(THRESHOLDS.overfittingMinWindow, Math.round(THRESHOLDS.overfittingWindowShare * points.length));
    if (points.length < 2 * window) return [];
    const recent = points.slice(-window);
    const first = recent[0];
    const last = recent[recent.length - 1];
    let best = points[0];
    for (const p of points) if ((p.testCost as number) < (best.testCost as number)) best = p;
    const testNow = last.testCost as number;
    const testBest = best.testCost as number;
    const active = wasActive(ctx, 'overfitting', undefined);
    const rise = limit(active, THRESHOLDS.overfittingRise, THRESHOLDS.overfittingRiseRelease);
    const minRise = limit(active, THRESHOLDS.overfittingMinRise, THRESHOLDS.overfittingMinRiseRelease);
    const testRising = testNow > (first.testCost as number) && testNow > testBest * (1 + rise) && testNow - testBest >= minRise;
    const trainFalling = last.trainCost < first.trainCost;
    if (!testRising || !trainFalling) return [];
    const message =
      `Overfitting: the test cost rose from its best ${num(testBest)} (epoch ${best.epoch}) to ${num(testNow)} while the training cost kept falling (${num(first.trainCost)} → ${num(last.trainCost)} over the last ${window} epochs). ` +
      'The network is memorising the training samples (high variance). L2 regularisation (weight decay), dropout, fewer units or more data reduce variance; stopping near the best epoch also works.';
    const regularized = ctx.spec.training.regularization.type !== 'none';
    const path = ctx.locations.values['training.regularization'] ? 'training.regularization' : 'layers';
    const fixes = !regularized && ctx.src !== undefined ? compactFixes(addRegularizationFix(ctx.src)) : [];
    return [problem({ locations: ctx.locations }, 'overfitting', 'warning', 'live', message, path, { fixes })];
  },
};
