// `npm run bench`: training throughput of our engine beside TensorFlow.js (cpu, wasm) and brain.js
// on issue 2's three workloads. Prints a table, or with --json one JSON object and nothing else on
// stdout (progress and the peers' own chatter go to stderr).
//
//   --json           machine-readable output
//   --quick          fewer, shorter repetitions: a smoke check, not a measurement
//   --only a,c       run some workloads
//   --impl a,b       run some implementations (e.g. --impl nn-playground for profiling)
//   --cpu-time       rates per second of this process's CPU time instead of elapsed time: steadier
//                    when other processes share the cores (the table always shows the CPU share)
//   --tiny           shrink the data sets and run once: for tests of the harness; numbers mean nothing

import * as os from 'node:os';
import { FULL, QUICK, SMOKE, summarize, timeEpochs, warmUp, type Clock, type Repetitions, type RunTime } from './measure';
import { brainJs } from './peers/brain';
import { nnPlayground } from './peers/nn-playground';
import { tfjsCpu, tfjsWasm, wasmSetup } from './peers/tfjs';
import { renderTable, toJson, type ImplResult, type WorkloadResult } from './report';
import { IMPLS, type BenchSession, type ImplName, type Peer } from './session';
import { makeWorkloads, WORKLOAD_NAMES, type Workload, type WorkloadName } from './workloads';

interface Args {
  json: boolean;
  reps: Repetitions;
  clock: Clock;
  tiny: boolean;
  workloads: WorkloadName[];
  impls: ImplName[];
}

const USAGE = 'usage: npm run bench -- [--json] [--quick] [--cpu-time] [--only a,b,c] [--impl nn-playground,tfjs-cpu,tfjs-wasm,brain.js] [--tiny]';

function listOption<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T[] {
  const items = (value ?? '').split(',').filter((item) => item !== '');
  const bad = items.filter((item) => !allowed.includes(item as T));
  if (items.length === 0 || bad.length > 0) throw new Error(`${flag} takes a comma-separated list of ${allowed.join(', ')}; got "${value ?? ''}"`);
  return items as T[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, reps: FULL, clock: 'wall', tiny: false, workloads: [...WORKLOAD_NAMES], impls: [...IMPLS] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--json') args.json = true;
    else if (flag === '--quick') args.reps = QUICK;
    else if (flag === '--tiny') args.tiny = true;
    else if (flag === '--cpu-time') args.clock = 'cpu';
    else if (flag === '--only') args.workloads = listOption(value(), WORKLOAD_NAMES, '--only');
    else if (flag === '--impl') args.impls = listOption(value(), IMPLS, '--impl');
    else throw new Error(`unknown option "${argv[i]}"`);
  }
  if (args.tiny) args.reps = SMOKE;
  return args;
}

const PEERS: Record<ImplName, Peer> = { 'nn-playground': nnPlayground, 'tfjs-cpu': tfjsCpu, 'tfjs-wasm': tfjsWasm, 'brain.js': brainJs };

interface Contender {
  peer: Peer;
  result: ImplResult;
  session: BenchSession | null;
  epochsPerRun: number;
  times: RunTime[];
}

function failed(contender: Contender, error: unknown): void {
  contender.result.error = error instanceof Error ? error.message : String(error);
  contender.session?.dispose();
  contender.session = null;
  process.stderr.write(`bench: ${contender.peer.impl} failed: ${contender.result.error}\n`);
}

/**
 * Per workload: open and warm up every implementation, then time them in rounds, one run each per
 * round in rotating order. The machine's load drifts (it is shared); rounds spread that drift over
 * all implementations instead of charging it to whichever ran during a busy minute.
 */
async function runWorkload(workload: Workload, args: Args): Promise<WorkloadResult> {
  const unitsPerEpoch = workload.unit === 'epochs/s' ? 1 : workload.data.train.n;
  const contenders: Contender[] = [];
  for (const impl of args.impls) {
    const peer = PEERS[impl];
    const note = peer.note(workload);
    const contender: Contender = { peer, result: { impl, measurement: null, ...(note ? { note } : {}) }, session: null, epochsPerRun: 1, times: [] };
    contenders.push(contender);
    process.stderr.write(`bench (${workload.name}) ${impl}: warming up\n`);
    try {
      contender.session = await peer.open(workload);
      contender.epochsPerRun = await warmUp(contender.session, args.reps);
    } catch (error) {
      failed(contender, error);
    }
  }
  for (let round = 0; round < args.reps.runs; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(i + round) % contenders.length];
      if (contender.session === null) continue;
      try {
        contender.times.push(await timeEpochs(contender.session, contender.epochsPerRun));
      } catch (error) {
        failed(contender, error);
      }
    }
    process.stderr.write(`bench (${workload.name}) round ${round + 1}/${args.reps.runs} done\n`);
  }
  for (const contender of contenders) {
    contender.session?.dispose();
    if (contender.session !== null) {
      contender.result.measurement = summarize(contender.times, contender.epochsPerRun * unitsPerEpoch, contender.epochsPerRun, args.clock);
    }
  }
  return { name: workload.name, unit: workload.unit, title: workload.title, results: contenders.map((c) => c.result) };
}

async function run(args: Args): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = [];
  for (const workload of makeWorkloads(args.workloads, args.tiny)) results.push(await runWorkload(workload, args));
  return results;
}

async function header(args: Args): Promise<string[]> {
  const cpus = os.cpus();
  const lines = [
    `NN Playground benchmark: Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, load average ${os.loadavg()[0].toFixed(2)} at the end`,
    `Each figure: median of ${args.reps.runs} timed run${args.reps.runs === 1 ? '' : 's'} (and their min – max) after a warm-up; only training is timed, one thread each, runs interleaved in rounds.`,
  ];
  lines.push(
    args.clock === 'cpu'
      ? 'Clock: this process’s CPU time (user + system), not elapsed time (--cpu-time).'
      : 'Clock: elapsed time. "cpu" is the median share of it this process was on a core; below ~90% other processes were competing (try --cpu-time).',
  );
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
