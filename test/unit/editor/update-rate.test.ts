// The updateRate setting must promise no more than the worker delivers: the manifest's bounds, the
// editor's clamp and the training side's snapshot interval all agree on one number.
import { readLocalisedManifest } from '../../../scripts/lib/manifest';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';
import { DEFAULT_UPDATE_RATE, MAX_UPDATE_RATE, MIN_UPDATE_RATE, updateRateFrom } from '../../../src/editor/update-rate';
import { snapshotInterval } from '../../../src/session/run-inputs';
import type { SessionSettings } from '../../../src/session/session-api';
import { MIN_SNAPSHOT_INTERVAL_MS } from '../../../src/worker/training-loop';

interface NumberSetting {
  type: string;
  default: number;
  minimum: number;
  maximum: number;
  markdownDescription: string;
}
const manifest = readLocalisedManifest(ROOT) as {
  contributes: { configuration: { properties: Record<string, NumberSetting> } | { properties: Record<string, NumberSetting> }[] };
};
const configurations = [manifest.contributes.configuration].flat();
const setting = configurations.map((c) => c.properties['nnPlayground.updateRate']).find(Boolean);

const settingsAt = (updateRate: number): SessionSettings => ({ updateRate, defaultMaxEpochs: 300, maxParameters: 5e6, diagnostics: { static: true, live: true } });

describe('nnPlayground.updateRate', () => {
  it('is contributed with the bounds and default the editor enforces', () => {
    expect(setting).toBeDefined();
    expect(setting!.type).toBe('number');
    expect(setting!.maximum).toBe(MAX_UPDATE_RATE);
    expect(setting!.minimum).toBe(MIN_UPDATE_RATE);
    expect(setting!.default).toBe(DEFAULT_UPDATE_RATE);
  });

  it('says what it limits and what the most is', () => {
    const text = setting!.markdownDescription;
    expect(text).toMatch(/snapshots a second/);
    expect(text).toMatch(/CodeLens/);
    expect(text).toMatch(/panel/);
    expect(text).toContain(`${MAX_UPDATE_RATE} is the most`);
    expect(text).toContain(`every ${1000 / MAX_UPDATE_RATE} ms`);
  });

  it('has the maximum the training side delivers: no more snapshots above it, fewer below it', () => {
    expect(1000 / MIN_SNAPSHOT_INTERVAL_MS).toBe(MAX_UPDATE_RATE);
    const fastest = snapshotInterval(settingsAt(MAX_UPDATE_RATE));
    expect(fastest).toBe(1000 / MAX_UPDATE_RATE);
    expect(snapshotInterval(settingsAt(MAX_UPDATE_RATE * 3))).toBe(fastest);
    expect(snapshotInterval(settingsAt(MAX_UPDATE_RATE - 1))).toBeGreaterThan(fastest);
  });

  it('clamps values written by hand into settings.json to the same bounds', () => {
    expect(updateRateFrom(60)).toBe(MAX_UPDATE_RATE);
    expect(updateRateFrom(MAX_UPDATE_RATE + 0.5)).toBe(MAX_UPDATE_RATE);
    expect(updateRateFrom(5)).toBe(5);
    expect(updateRateFrom(0.25)).toBe(MIN_UPDATE_RATE);
    for (const bad of [0, -3, Number.NaN, Number.POSITIVE_INFINITY, '10', null, undefined]) {
      expect(updateRateFrom(bad), String(bad)).toBe(DEFAULT_UPDATE_RATE);
    }
  });
});
