// The lint rule that keeps Node out of what the browser build bundles (issue 15): a Node built-in
// import or a Node global in the editor, panel, training, export or web code is an error; the
// desktop platform files may use them, and the CLI keeps Node.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const code = "import { readFile } from 'node:fs/promises';\nimport { join } from 'path';\nexport const f = [readFile, join, process.env, Buffer.from('x')];\n";

async function nodeErrors(filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  // The pure folders (src/run, src/export) get the stricter pure rule's messages for the same faults.
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').length;
}

describe('no Node in the browser build', () => {
  it('fires on node: and bare built-in imports, process and Buffer in bundled code', async () => {
    for (const file of ['src/editor/sample.ts', 'src/editor/panel/sample.ts', 'src/session/sample.ts', 'src/worker/sample.ts', 'src/run/sample.ts', 'src/web/sample.ts', 'src/export/sample.ts']) {
      expect(await nodeErrors(file), file).toBe(4);
    }
  }, 30_000);

  it('leaves the desktop platform, the node worker and the CLI alone', async () => {
    for (const file of ['src/editor/platform-node.ts', 'src/session/worker-node.ts', 'src/worker/worker.ts', 'src/cli/sample.ts']) {
      expect(await nodeErrors(file), file).toBe(0);
    }
  }, 30_000);
});
