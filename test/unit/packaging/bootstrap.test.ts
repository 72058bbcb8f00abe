// `npm start` and `npm test` install what is missing themselves: both go through
// scripts/bootstrap.mjs, which imports nothing installed and runs `npm ci` exactly when
// node_modules does not hold what package-lock.json pins (read from npm's own install record).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';
// @ts-expect-error: a plain .mjs script without types (it must run before anything is installed)
import { installProblems } from '../../../scripts/bootstrap.mjs';

const problemsOf = installProblems as (root: string) => string[];
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

const LOCK = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'x', devDependencies: { a: '^1.0.0', b: '^2.0.0' } },
    'node_modules/a': { version: '1.2.0', dev: true },
    'node_modules/b': { version: '2.0.1', dev: true },
    'node_modules/b/node_modules/c': { version: '3.0.0', dev: true },
    'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', dev: true, optional: true },
  },
};

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function tree(installed?: Record<string, { version: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nnp-bootstrap-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(LOCK));
  if (installed) {
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  }
  return dir;
}

const everything = { 'node_modules/a': { version: '1.2.0' }, 'node_modules/b': { version: '2.0.1' }, 'node_modules/b/node_modules/c': { version: '3.0.0' } };

describe('the bootstrap', () => {
  it('installs on a fresh clone (no node_modules)', () => {
    expect(problemsOf(tree())).toEqual(['node_modules is missing.']);
  });

  it('installs when node_modules was not made by npm (no install record)', () => {
    const dir = tree();
    mkdirSync(join(dir, 'node_modules'));
    expect(problemsOf(dir)).toHaveLength(1);
  });

  it('does nothing when every pinned package is there at its version (another platform\'s optional binary may be absent)', () => {
    expect(problemsOf(tree(everything))).toEqual([]);
  });

  it('installs when the lock moved on: a version differs, a package is missing or one is left over', () => {
    expect(problemsOf(tree({ ...everything, 'node_modules/a': { version: '1.1.0' } }))).toEqual(['a is 1.1.0, the lock pins 1.2.0.']);
    const { 'node_modules/b/node_modules/c': _c, ...withoutC } = everything;
    expect(problemsOf(tree(withoutC))).toEqual(['c 3.0.0 is not installed.']);
    expect(problemsOf(tree({ ...everything, 'node_modules/old': { version: '0.1.0' } }))).toEqual(['old is installed but not in the lock.']);
  });

  it('finds this repository\'s own node_modules current', () => {
    expect(problemsOf(ROOT)).toEqual([]);
  });

  it('runs before npm start and npm test, and imports only Node\'s built-ins', () => {
    expect(manifest.scripts.start).toMatch(/^node scripts\/bootstrap\.mjs /);
    expect(manifest.scripts.test).toMatch(/^node scripts\/bootstrap\.mjs /);
    const source = readFileSync(join(ROOT, 'scripts/bootstrap.mjs'), 'utf8');
    const specifiers = [...source.matchAll(/^import [^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    for (const specifier of specifiers) expect(specifier).toMatch(/^node:/);
  });
});
