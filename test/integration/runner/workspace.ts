// The folder the integration suites see as their workspace: copies of the examples under
// examples/ and of test/integration/fixtures/ under fixtures/, so a suite may edit them freely.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/lib/paths';

export function prepareWorkspace(dir: string, examples = join(ROOT, 'examples')): string {
  mkdirSync(dir, { recursive: true });
  if (existsSync(examples)) cpSync(examples, join(dir, 'examples'), { recursive: true });
  const fixtures = join(ROOT, 'test', 'integration', 'fixtures');
  if (existsSync(fixtures)) cpSync(fixtures, join(dir, 'fixtures'), { recursive: true });
  return dir;
}
