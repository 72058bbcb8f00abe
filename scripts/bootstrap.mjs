// The first thing `npm start` and `npm test` run, so that on a fresh clone they are the whole set-up:
// when node_modules is missing or does not hold what package-lock.json pins, it runs `npm ci`, then
// hands over to the real entry with the same arguments. It imports only Node's built-ins (nothing
// installed can be imported before it is installed).
// Usage: node scripts/bootstrap.mjs <entry.mjs> [args...]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Why node_modules does not match the lock file, as sentences; empty when it does. It reads npm's
 * own record of what it installed (node_modules/.package-lock.json): every package the lock pins
 * must be there at its version, except optional ones (another platform's binaries), and nothing
 * installed may differ from the lock.
 */
export function installProblems(root) {
  const lockPath = join(root, 'package-lock.json');
  const installedPath = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules'))) return ['node_modules is missing.'];
  if (!existsSync(installedPath)) return ['node_modules has no record of an npm install (node_modules/.package-lock.json).'];
  let lock;
  let installed;
  try {
    lock = JSON.parse(readFileSync(lockPath, 'utf8')).packages ?? {};
    installed = JSON.parse(readFileSync(installedPath, 'utf8')).packages ?? {};
  } catch (error) {
    return [`the lock files cannot be read (${error instanceof Error ? error.message : String(error)}).`];
  }
  const problems = [];
  for (const [path, entry] of Object.entries(lock)) {
    if (path === '' || entry.link) continue;
    const have = installed[path];
    if (!have) {
      if (!entry.optional) problems.push(`${path.replace(/^.*node_modules\//, '')} ${entry.version} is not installed.`);
    } else if (have.version !== entry.version) {
      problems.push(`${path.replace(/^.*node_modules\//, '')} is ${have.version}, the lock pins ${entry.version}.`);
    }
  }
  for (const path of Object.keys(installed)) {
    if (!(path in lock)) problems.push(`${path.replace(/^.*node_modules\//, '')} is installed but not in the lock.`);
  }
  return problems;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node scripts/bootstrap.mjs <entry.mjs> [args...]');
    process.exit(2);
  }
  const problems = installProblems(root);
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join(' ') + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : '');
    console.log(`bootstrap: installing the dependencies with \`npm ci\`: ${shown}`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`bootstrap: \`npm ci\` failed (exit ${run.status ?? run.signal}); fix what it says above, then run the command again.`);
      process.exit(1);
    }
  }
  process.argv = [process.argv[0], resolve(root, entry), ...args];
  await import(pathToFileURL(resolve(root, entry)).href);
}
