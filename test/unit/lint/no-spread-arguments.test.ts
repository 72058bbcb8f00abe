// The lint rule against spreading an array into a call fires on the patterns that overflowed the
// stack at the documented limits (Math.max(...xs), push(...xs), new X(...xs)), and leaves array
// literals and rest parameters alone.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function spreadErrors(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && m.message.startsWith('No spread into a call')).length;
}

describe('no spread into a call', () => {
  it('fires on Math.max(...xs), push(...xs) and new X(...xs) in src/ and webview/', async () => {
    const code = 'export function f(xs: number[], out: number[]): unknown {\n  out.push(...xs);\n  new Set(...[xs]);\n  return Math.max(...xs);\n}\n';
    expect(await spreadErrors(code, 'src/engine/data/sample.ts')).toBe(3);
    expect(await spreadErrors(code, 'webview/views/sample.ts')).toBe(3);
    expect(await spreadErrors(code, 'src/shared/protocol/sample.ts')).toBe(3);
  }, 30_000);

  it('allows array literal spreads and rest parameters', async () => {
    const code = 'export function f(...xs: number[]): number[] {\n  return [...xs, ...xs];\n}\n';
    expect(await spreadErrors(code, 'src/engine/data/sample.ts')).toBe(0);
  }, 30_000);
});
