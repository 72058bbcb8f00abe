// Where things live. Scripts run bundled from out/scripts/ (see scripts/run-ts.mjs) or under vitest,
// so the repository root is found from the environment or by walking up, never from import.meta.url.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRoot(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'nn-playground') return dir;
    if (dirname(dir) === dir) throw new Error(`not inside the nn-playground repository: ${start}`);
  }
}

export const ROOT = process.env.NN_PLAYGROUND_ROOT ?? findRoot(process.cwd());
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = process.env.NN_CODE_SERVER_CACHE ?? join(ROOT, '.cache', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CODE_SERVER_STAMP = join(CODE_SERVER_DIR, `.installed-${CODE_SERVER_VERSION}`);
export const CHROMIUM = process.env.NN_CHROMIUM ?? '/usr/bin/chromium';
export const TEST_RESULTS = join(ROOT, 'test-results');

export interface PackageManifest {
  name: string;
  publisher: string;
  version: string;
  engines: { vscode: string };
  devDependencies?: Record<string, string>;
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
  activationEvents?: string[];
}

export function readManifest(dir = ROOT): PackageManifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
}

/** The VSIX `npm run package` writes for the current version. */
export function vsixPath(dir = ROOT): string {
  const { name, version } = readManifest(dir);
  return join(dir, `${name}-${version}.vsix`);
}

/**
 * Flags for every `vsce package`: the project has no public repository yet, so vsce must not
 * demand one nor rewrite the README's relative links to a guessed host (they resolve inside the
 * installed extension instead).
 */
export const VSCE_FLAGS = ['--allow-missing-repository', '--no-rewrite-relative-links'];
