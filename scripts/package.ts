// `npm run package`: checks that the versions agree and the tree is committed, then lets vsce build
// nn-playground-<version>.vsix (its vscode:prepublish step makes the production bundles). Fails
// loudly, listing every problem, rather than shipping a VSIX nobody can trace to a commit.
//
// Usage: npm run package [-- --allow-dirty]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, VSCE_FLAGS, readManifest, vsixPath } from './lib/paths';
import { dirtyPaths, versionProblems } from './lib/release-checks';

export const VSIX_BUDGET_BYTES = 1024 * 1024;

const { values: options } = parseArgs({ options: { 'allow-dirty': { type: 'boolean', default: false } } });
const started = Date.now();
const fail = (lines: string[]): never => {
  console.error(['package: REFUSED', ...lines.map((line) => `  - ${line}`)].join('\n'));
  process.exit(1);
};

const manifest = readManifest();
const typesManifest = join(ROOT, 'node_modules', '@types', 'vscode', 'package.json');
const problems = versionProblems({
  manifest,
  changelog: readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'),
  installedTypesVscode: existsSync(typesManifest) ? (JSON.parse(readFileSync(typesManifest, 'utf8')) as { version: string }).version : undefined,
});
if (problems.length > 0) fail(problems);

const dirty = dirtyPaths(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' }));
if (dirty.length > 0) {
  if (!options['allow-dirty']) {
    const shown = dirty.slice(0, 15).map((path) => `uncommitted: ${path}`);
    if (dirty.length > shown.length) shown.push(`... and ${dirty.length - shown.length} more`);
    fail([...shown, 'a VSIX must be traceable to a commit: commit first, or pass --allow-dirty for a local build']);
  }
  console.log(`package: building from a dirty tree (${dirty.length} uncommitted path(s)), as --allow-dirty asks`);
}

const out = vsixPath();
const vsce = spawnSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', ...VSCE_FLAGS, '--out', out], { cwd: ROOT, stdio: 'inherit' });
if (vsce.status !== 0) fail([`vsce package exited with ${vsce.status ?? vsce.signal}`]);

const size = statSync(out).size;
console.log(`package: ${relative(ROOT, out)} is ${(size / 1024).toFixed(1)} KB, built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (size > VSIX_BUDGET_BYTES) fail([`${relative(ROOT, out)} is ${(size / 1024).toFixed(0)} KB, over the 1 MB budget: see \`npx vsce ls\` for what went in`]);
