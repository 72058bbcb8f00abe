// The folder the integration suites see as their workspace: copies of the examples under
// examples/ and of test/integration/fixtures/ under fixtures/, so a suite may edit them freely.
// The cold-start phase asks for neither: a workspace with no model in it.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/lib/paths';

export interface WorkspaceContents {
  /** Folder copied to <workspace>/examples; false for none. */
  examples?: string | false;
  /** Copy test/integration/fixtures to <workspace>/fixtures (default true). */
  fixtures?: boolean;
}

export function prepareWorkspace(dir: string, contents: WorkspaceContents = {}): string {
  mkdirSync(dir, { recursive: true });
  const examples = contents.examples ?? join(ROOT, 'examples');
  if (examples !== false && existsSync(examples)) cpSync(examples, join(dir, 'examples'), { recursive: true });
  const fixtures = join(ROOT, 'test', 'integration', 'fixtures');
  if (contents.fixtures !== false && existsSync(fixtures)) cpSync(fixtures, join(dir, 'fixtures'), { recursive: true });
  return dir;
}
