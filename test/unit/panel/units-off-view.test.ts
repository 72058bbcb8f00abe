// The words of units switched off: the effect line carries the worker's figures as they are
// (every unit on → these off), in English and in Chinese, and only hidden units are switchable.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureL10n } from '../../../src/shared/l10n';
import type { UnitsOffView } from '../../../src/shared/protocol/snapshot';
import { isOff, isSwitchable, switchHint, unitsOffEffect, unitsOffHint, unitsOffNote } from '../../../src/shared/view-models/units-off-view';

const zh = JSON.parse(readFileSync(join(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

afterEach(() => configureL10n({ locale: 'en' }));

const one: UnitsOffView = {
  units: [{ layer: 0, unit: 2 }],
  allOn: { trainCost: 0.0823, testCost: 0.0911, trainAccuracy: 0.99, testAccuracy: 0.98 },
  now: { trainCost: 0.4171, testCost: 0.452, trainAccuracy: 0.74, testAccuracy: 0.71 },
};
const two: UnitsOffView = { ...one, units: [{ layer: 0, unit: 2 }, { layer: 1, unit: 0 }] };

describe('units off in words', () => {
  it('says which unit, 1-based, and the figures before → after', () => {
    expect(unitsOffEffect(one, 'classification')).toBe('layer 1 unit 3 off: training cost 0.0823 → 0.417, test accuracy 98% → 71%.');
    expect(unitsOffEffect(two, 'classification')).toBe('2 units off (layer 1 unit 3, layer 2 unit 1): training cost 0.0823 → 0.417, test accuracy 98% → 71%.');
    expect(unitsOffEffect(one, 'regression')).toBe('layer 1 unit 3 off: training cost 0.0823 → 0.417, test cost 0.0911 → 0.452.');
    const noTest: UnitsOffView = { units: one.units, allOn: { trainCost: 0.1, testCost: null, trainAccuracy: 1 }, now: { trainCost: 0.5, testCost: null, trainAccuracy: 0.5 } };
    expect(unitsOffEffect(noTest, 'classification')).toBe('layer 1 unit 3 off: training cost 0.1 → 0.5, training accuracy 100% → 50%.');
    expect(unitsOffEffect(undefined, 'classification')).toBeUndefined();
  });

  it('switches hidden units only, and knows which are off', () => {
    // Columns of a 2-4-3-1 diagram: inputs, two hidden layers, output.
    expect([0, 1, 2, 3].map((c) => isSwitchable(c, 4))).toEqual([false, true, true, false]);
    expect(isOff(two, 1, 0)).toBe(true);
    expect(isOff(two, 0, 0)).toBe(false);
    expect(isOff(undefined, 0, 2)).toBe(false);
  });

  it('reads in Chinese, with the numbers in place', () => {
    configureL10n({ locale: 'zh-cn', contents: zh });
    expect(unitsOffEffect(one, 'classification')).toBe('第 1 层第 3 个单元已关闭：训练代价 0.0823 → 0.417，测试准确率 98% → 71%。');
    expect(unitsOffEffect(two, 'regression')).toBe('2 个单元已关闭（第 1 层第 3 个单元，第 2 层第 1 个单元）：训练代价 0.0823 → 0.417，测试代价 0.0911 → 0.452。');
    for (const text of [switchHint(true), switchHint(false), unitsOffNote(), unitsOffHint()]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(unitsOffNote()).toContain('Dropout');
  });
});
