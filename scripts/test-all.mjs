// `npm test`: the five test layers in order, each timed, then one summary line.
//   unit         lint, typecheck, vitest (pure code, fast)
//   torch        exported PyTorch scripts and the gradient oracle against real torch (test/torch/)
//   integration  the vscode-API suites inside code-server's extension host, against the packaged VSIX
//   e2e          the packaged VSIX in code-server's UI, driven through Debian Chromium
//   soak         two minutes of a student's actions in that UI, with leak and file checks (scripts/soak.ts)
// Setup (scripts/setup-torch.sh and scripts/setup-e2e.sh, idempotent) and packaging run before the layers that need them. Under
// CI the VSIX must come from a clean tree; locally a dirty tree is allowed and said so.
// Every layer runs even when an earlier one failed, so one run shows everything that is broken.
// Usage: npm test [-- unit torch integration e2e soak]   (default: all)
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const runTs = (entry, ...args) => [node, 'scripts/run-ts.mjs', entry, ...args];

const prepare = [
  { name: 'setup (code-server, Chromium)', command: ['bash', 'scripts/setup-e2e.sh'] },
  { name: 'package (VSIX)', command: runTs('scripts/package.ts', ...(process.env.CI ? [] : ['--allow-dirty'])) },
];
const torchSetup = [{ name: 'setup (torch venv)', command: ['bash', 'scripts/setup-torch.sh'] }];
const layers = [
  {
    name: 'unit',
    steps: [
      { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
      { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
      { name: 'vitest', command: ['npm', 'run', '--silent', 'test:unit'] },
    ],
  },
  { name: 'torch', needs: torchSetup, steps: [{ name: 'torch oracle', command: ['npx', 'vitest', 'run', '--config', 'test/torch/vitest.config.ts'] }] },
  { name: 'integration', needs: prepare, steps: [{ name: 'code-server', command: ['npm', 'run', '--silent', 'test:integration'] }] },
  { name: 'e2e', needs: [...prepare, ...torchSetup], steps: [{ name: 'code-server + Chromium', command: ['npm', 'run', '--silent', 'test:e2e'] }] },
  { name: 'soak', needs: prepare, steps: [{ name: 'soak, 2 minutes', command: ['npm', 'run', '--silent', 'soak', '--', '--minutes', '2'] }] },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !layers.some((layer) => layer.name === name));
if (unknown.length > 0) {
  console.error(`test-all: unknown layer(s) ${unknown.join(', ')}; choose from ${layers.map((l) => l.name).join(', ')}`);
  process.exit(2);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const banner = (text) => console.log(`\n===== ${text}`);

/** Runs one command with inherited output; true when it exits 0. */
function run(step) {
  const started = Date.now();
  banner(`${step.name}: ${step.command.join(' ')}`);
  const result = spawnSync(step.command[0], step.command.slice(1), { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`----- ${step.name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds(Date.now() - started)}`);
  return ok;
}

const prepared = new Map(); // prerequisite name -> { ok, ms }, so each runs once
const results = [];
const allStarted = Date.now();
for (const layer of layers.filter((l) => (wanted.length === 0 && !l.optIn) || wanted.includes(l.name))) {
  let ok = true;
  let why = '';
  for (const step of layer.needs ?? []) {
    if (!prepared.has(step.name)) {
      const started = Date.now();
      prepared.set(step.name, { ok: run(step), ms: Date.now() - started });
    }
    if (!prepared.get(step.name).ok) {
      ok = false;
      why = `${step.name} failed`;
      break;
    }
  }
  // A layer's time is its own tests', without the setup and packaging listed separately.
  const started = Date.now();
  if (ok) {
    for (const step of layer.steps) {
      if (!run(step)) {
        ok = false;
        why = `${step.name} failed`;
      }
    }
  }
  results.push({ name: layer.name, ok, why, ms: Date.now() - started });
}

banner('summary');
for (const [name, p] of prepared) console.log(`${p.ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(30)} ${seconds(p.ms).padStart(8)}`);
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${`layer ${r.name}`.padEnd(30)} ${seconds(r.ms).padStart(8)}${r.ok ? '' : `  (${r.why})`}`);
const passed = results.filter((r) => r.ok).length;
console.log(`total ${seconds(Date.now() - allStarted)}`);
console.log(`layers: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
