// `npm run bench`: training throughput of our engine beside TensorFlow.js (cpu, wasm) and brain.js
// on issue 2's three workloads. Prints a table, or with --json one JSON object and nothing else on
// stdout (progress and the peers' own chatter go to stderr).
//
//   --json           machine-readable output
//   --quick          fewer, shorter repetitions: a smoke check, not a measurement
//   --only a,c       run some workloads
//   --impl a,b       run some implementations (e.g. --impl nn-playground for profiling)
//   --tiny           shrink the data sets and run once: for tests of the harness; numbers mean nothing

import * as os from 'node:os';
import { FULL, QUICK, SMOKE, measure, type Repetitions } from './measure';
import { brainJs } from './peers/brain';
import { nnPlayground } from './peers/nn-playground';
import { tfjsCpu, tfjsWasm, wasmSetup } from './peers/tfjs';
import { renderTable, toJson, type ImplResult, type WorkloadResult } from './report';
import { IMPLS, type ImplName, type Peer } from './session';
import { makeWorkloads, WORKLOAD_NAMES, type WorkloadName } from './workloads';

interface Args {
  json: boolean;
  reps: Repetitions;
  tiny: boolean;
  workloads: WorkloadName[];
  impls: ImplName[];
}

const USAGE = 'usage: npm run bench -- [--json] [--quick] [--only a,b,c] [--impl nn-playground,tfjs-cpu,tfjs-wasm,brain.js] [--tiny]';

function listOption<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T[] {
  const items = (value ?? '').split(',').filter((item) => item !== '');
  const bad = items.filter((item) => !allowed.includes(item as T));
  if (items.length === 0 || bad.length > 0) throw new Error(`${flag} takes a comma-separated list of ${allowed.join(', ')}; got "${value ?? ''}"`);
  return items as T[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, reps: FULL, tiny: false, workloads: [...WORKLOAD_NAMES], impls: [...IMPLS] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--json') args.json = true;
    else if (flag === '--quick') args.reps = QUICK;
    else if (flag === '--tiny') args.tiny = true;
    else if (flag === '--only') args.workloads = listOption(value(), WORKLOAD_NAMES, '--only');
    else if (flag === '--impl') args.impls = listOption(value(), IMPLS, '--impl');
    else throw new Error(`unknown option "${argv[i]}"`);
  }
  if (args.tiny) args.reps = SMOKE;
  return args;
}

const PEERS: Record<ImplName, Peer> = { 'nn-playground': nnPlayground, 'tfjs-cpu': tfjsCpu, 'tfjs-wasm': tfjsWasm, 'brain.js': brainJs };

async function run(args: Args): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = [];
  for (const workload of makeWorkloads(args.workloads, args.tiny)) {
    const unitsPerEpoch = workload.unit === 'epochs/s' ? 1 : workload.data.train.n;
    const entry: WorkloadResult = { name: workload.name, unit: workload.unit, title: workload.title, results: [] };
    for (const impl of args.impls) {
      const peer = PEERS[impl];
      const note = peer.note(workload);
      const result: ImplResult = { impl, measurement: null, ...(note ? { note } : {}) };
      process.stderr.write(`bench (${workload.name}) ${impl} … `);
      try {
        const session = await peer.open(workload);
        try {
          result.measurement = await measure(session, unitsPerEpoch, args.reps);
        } finally {
          session.dispose();
        }
        process.stderr.write(`${Math.round(result.measurement.median)} ${workload.unit}\n`);
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
        process.stderr.write(`failed: ${result.error}\n`);
      }
      entry.results.push(result);
    }
    results.push(entry);
  }
  return results;
}

async function header(args: Args): Promise<string[]> {
  const cpus = os.cpus();
  const lines = [
    `NN Playground benchmark: Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, load average ${os.loadavg()[0].toFixed(2)} at the end`,
    `Each figure: median of ${args.reps.runs} timed run${args.reps.runs === 1 ? '' : 's'} (and their min – max) after a warm-up; only training is timed, one thread each.`,
  ];
  if (args.tiny) lines.push('--tiny: shrunken data sets and a single run; these numbers mean nothing.');
  else if (args.reps === QUICK) lines.push('--quick: short runs for a smoke check; use the full run for numbers.');
  if (args.impls.includes('tfjs-wasm')) lines.push(`tfjs-wasm: ${await wasmSetup()}.`);
  if (args.workloads.some((w) => w !== 'a')) {
    lines.push('(b), (c): synthetic MNIST-shaped data from the engine’s seeded generator (inputs uniform in [0, 1), labels from a random linear teacher).');
  }
  return lines;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (args.json) {
    // Peers print notices with console.*; in JSON mode stdout carries the one object only.
    const toStderr = (...items: unknown[]) => process.stderr.write(`${items.map(String).join(' ')}\n`);
    console.log = console.info = console.warn = console.debug = toStderr;
  }
  const results = await run(args);
  if (args.json) process.stdout.write(`${toJson(results)}\n`);
  else process.stdout.write(`${renderTable(results, await header(args))}\n`);
  // A peer may fail (its table row says why); our engine failing is an error.
  return results.some((w) => w.results.some((r) => r.impl === 'nn-playground' && r.measurement === null)) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
