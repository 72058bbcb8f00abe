// The nnPlayground.pace setting: the manifest's bounds and default are the ones src/shared/pace.ts
// holds (the worker, the session and the panel read those), and the panel's messages are checked
// against the same bounds.
import { readLocalisedManifest } from '../../../scripts/lib/manifest';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';
import { DEFAULT_PACE, FASTEST_PACE, MAX_PACE, PACE_CHOICES } from '../../../src/shared/pace';
import { validateFromWebview } from '../../../src/shared/checks/validate-message';
import { paceOptions, stepUnitTitle } from '../../../src/shared/view-models/pace-view';

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
const setting = [manifest.contributes.configuration].flat().map((c) => c.properties['nnPlayground.pace']).find(Boolean);

describe('nnPlayground.pace', () => {
  it('is contributed with the bounds and default the worker keeps', () => {
    expect(setting).toMatchObject({ type: 'number', default: DEFAULT_PACE, minimum: FASTEST_PACE, maximum: MAX_PACE });
    expect(setting!.markdownDescription).toMatch(/as fast as possible/);
    expect(setting!.markdownDescription).toContain(`\`${MAX_PACE}\``);
  });

  it("offers the panel's choices, fastest first, with a setting's other value among them", () => {
    expect(paceOptions(0)).toEqual([...PACE_CHOICES]);
    expect(paceOptions(2)).toEqual([0, 60, 20, 5, 2, 1]);
    expect(PACE_CHOICES.every((pace) => pace >= FASTEST_PACE && pace <= MAX_PACE)).toBe(true);
  });

  it('accepts a pace from the webview only within the bounds', () => {
    expect(validateFromWebview({ type: 'set-pace', epochsPerSecond: 5 })).toEqual({ ok: true, message: { type: 'set-pace', epochsPerSecond: 5 } });
    for (const bad of [-1, MAX_PACE + 1, Number.NaN, '5', null]) expect(validateFromWebview({ type: 'set-pace', epochsPerSecond: bad }).ok, String(bad)).toBe(false);
    expect(validateFromWebview({ type: 'step-batch' })).toEqual({ ok: true, message: { type: 'step-batch' } });
  });

  it('explains why one sample needs batch size 1', () => {
    expect(stepUnitTitle('sample', 1)).toMatch(/one update/);
    expect(stepUnitTitle('sample', 10)).toMatch(/needs batch size 1/);
    expect(stepUnitTitle('batch', 10)).toMatch(/10 samples/);
  });
});
