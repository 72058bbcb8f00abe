// Runs one of the project's TypeScript scripts (scripts/*.ts, test/**/runner/*.ts) on Node 20, which
// cannot strip types itself: esbuild bundles the entry (dependencies stay external, resolved from
// node_modules) into out/scripts/ in a few milliseconds, then it is imported with the same argv.
// Usage: node scripts/run-ts.mjs <entry.ts> [args...]
import * as esbuild from 'esbuild';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outfile = join(root, 'out', 'scripts', relative(root, resolve(entry)).replace(/[\\/]/g, '__').replace(/\.ts$/, '.mjs'));
await esbuild.build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  // Bundled ESM has no __dirname/require; the scripts use import.meta.url and imports instead.
  banner: { js: `// built from ${basename(entry)} by scripts/run-ts.mjs` },
});
process.env.NN_PLAYGROUND_ROOT ??= root;
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
