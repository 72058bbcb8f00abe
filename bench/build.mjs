// Builds only what `npm run bench` needs (dist/bench.js), so the bench works on a fresh clone after
// `npm ci` without the extension's other bundles. The peers (TensorFlow.js, brain.js) stay external:
// they are loaded from node_modules, where the wasm backend also finds its .wasm files.
import * as esbuild from 'esbuild';
import { esbuildWasmPlugin } from '../scripts/wasm.mjs';

await esbuild.build({
  entryPoints: ['bench/main.ts'],
  outfile: 'dist/bench.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [esbuildWasmPlugin],
});
