// The e2e fixture models must stay valid as the model format evolves, and the saturated one must
// be saturated by the project's own static rules, or the e2e Problems step would test nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';
import { parseModel } from '../../../src/model/index';

describe('e2e fixtures', () => {
  it('saturated-sigmoid.nn.json parses without errors and is flagged as a saturated deep sigmoid net', () => {
    const result = parseModel(readFileSync(join(ROOT, 'test', 'e2e', 'fixtures', 'saturated-sigmoid.nn.json'), 'utf8'));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const codes = new Set(result.problems.map((p) => p.code));
    expect(codes.has('deep-sigmoid')).toBe(true);
    expect(codes.has('init-saturation')).toBe(true);
  });
});
