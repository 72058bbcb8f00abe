// The browser build (issue 15): package.json's `browser` entry and its training worker, built as
// `npm run package` builds them (esbuild.mjs --production, here into a temporary folder), stay
// within their size budget and hold nothing of Node: no `node:` module, no `require` but VS Code's,
// no Buffer or process. The manifest declares the entry and what Restricted Mode and virtual
// workspaces may do.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';

/** The entry VS Code loads and times as the activation (it fetches the wiring afterwards). */
export const WEB_ENTRY_BUDGET_BYTES = 4 * 1024;
/**
 * The wiring the entry fetches just after activation (about 110 KB compressed). Raised from 320 KB
 * when every message became a whole sentence through t() (issue 13: about 250 sentences, 10 KB).
 */
export const WEB_EXTENSION_BUDGET_BYTES = 352 * 1024;
/** Fetched once per extension host when the first model trains. */
export const WEB_WORKER_BUDGET_BYTES = 120 * 1024;

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  browser?: string;
  capabilities?: { untrustedWorkspaces?: { supported: unknown; description?: string }; virtualWorkspaces?: unknown };
};

let out = '';
const bundle = (path: string) => readFileSync(join(out, path), 'utf8');

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'nnp-web-'));
  execFileSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${out}`], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** What Node has and a browser has not, as a bundle would reach it. */
const NODE_ONLY = /["']node:|\brequire\(["'](?!vscode["'])|\bBuffer\b|\bprocess\.|\b__dirname\b|\bsetImmediate\(/g;

describe('the browser build', () => {
  it('is what package.json names as its browser entry, beside the desktop one', () => {
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.browser).toBe('./dist/web/extension.js');
  });

  it('stays within its size budget', () => {
    const entry = statSync(join(out, 'web/extension.js')).size;
    expect(entry).toBeLessThan(WEB_ENTRY_BUDGET_BYTES);
    const extension = statSync(join(out, 'web/wiring.js')).size;
    const worker = statSync(join(out, 'worker-web.js')).size;
    expect(extension).toBeGreaterThan(10_000);
    expect(extension).toBeLessThan(WEB_EXTENSION_BUDGET_BYTES);
    expect(worker).toBeGreaterThan(10_000);
    expect(worker).toBeLessThan(WEB_WORKER_BUDGET_BYTES);
  });

  it('holds nothing of Node, in the extension or its worker', () => {
    for (const file of ['web/extension.js', 'web/wiring.js']) expect(bundle(file).match(NODE_ONLY) ?? [], file).toEqual([]);
    // The worker brings its own setImmediate (src/worker/immediate.ts): calls to it are its own.
    expect(bundle('worker-web.js').match(/["']node:|\brequire\(|\bBuffer\b|\bprocess\.|\b__dirname\b/g) ?? []).toEqual([]);
  });

  it('embeds the WebAssembly kernels in the worker, as the desktop worker does', () => {
    const base64 = /"AGFzbQ[A-Za-z0-9+/=]{100,}"/;
    expect(bundle('worker-web.js')).toMatch(base64);
    expect(bundle('worker.js')).toMatch(base64);
  });
});

describe('the manifest', () => {
  it('runs in Restricted Mode, limited, saying what is limited', () => {
    expect(manifest.capabilities?.untrustedWorkspaces?.supported).toBe('limited');
    const description = manifest.capabilities?.untrustedWorkspaces?.description ?? '';
    for (const limited of ['CSV', 'weights', 'export']) expect(description.toLowerCase()).toContain(limited.toLowerCase());
  });

  it('runs in virtual workspaces', () => {
    expect(manifest.capabilities?.virtualWorkspaces).toBe(true);
  });
});
