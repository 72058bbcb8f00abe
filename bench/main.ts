// `npm run bench`: training throughput of our engine beside TensorFlow.js (cpu, wasm) and brain.js
// on issue 2's three workloads. Prints a table, or with --json one JSON object and nothing else on
// stdout: progress goes to stderr, and each implementation runs in a child process (see
// protocol.ts for why) whose own output is piped to stderr as well.
//
//   --json           machine-readable output
//   --quick          fewer, shorter repetitions: a smoke check, not a measurement
//   --only a,c       run some workloads
//   --impl a,b       run some implementations (e.g. --impl nn-playground for profiling)
//   --cpu-time       rates per second of this process's CPU time instead of elapsed time: steadier
//                    when other processes share the cores (the table always shows the CPU share)
//   --tiny           shrink the data sets and run once: for tests of the harness; numbers mean nothing

import { fork, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import { serve } from './child';
import { FULL, QUICK, SMOKE, summarize, type Clock, type Repetitions, type RunTime } from './measure';
import { SERVE_FLAG, type FromChild, type ToChild } from './protocol';
import { measureKernels, productFlopsPerSample } from './kernels';
import { renderTable, toJson, type ImplResult, type WorkloadResult } from './report';
import { IMPLS, type ImplName } from './session';
import { WORKLOAD_INFO, WORKLOAD_NAMES, type WorkloadName } from './workloads';

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

/** One implementation in its own child process, answering one request at a time. */
class Contender {
  readonly result: ImplResult;
  readonly times: RunTime[] = [];
  epochsPerRun = 1;
  setup: string | undefined;
  private readonly child: ChildProcess;
  private alive = true;
  private exitReason = '';

  constructor(readonly impl: ImplName) {
    this.result = { impl, measurement: null };
    // The child inherits node's flags (execArgv): `node --cpu-prof dist/bench.js` profiles each one.
    this.child = fork(process.argv[1], [SERVE_FLAG], { silent: true });
    this.child.stdout?.pipe(process.stderr);
    this.child.stderr?.pipe(process.stderr);
    this.child.on('exit', (code, signal) => {
      this.alive = false;
      this.exitReason = signal ? `killed by ${signal}` : `exited with code ${String(code)}`;
    });
  }

  get failed(): boolean {
    return this.result.error !== undefined;
  }

  request(message: ToChild): Promise<FromChild> {
    return new Promise((resolve) => {
      if (!this.alive) return resolve({ type: 'error', message: `its process ${this.exitReason}` });
      const onMessage = (reply: FromChild) => {
        this.child.off('exit', onExit);
        resolve(reply);
      };
      const onExit = () => {
        this.child.off('message', onMessage);
        resolve({ type: 'error', message: `its process ${this.exitReason}` });
      };
      this.child.once('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send(message);
    });
  }

  fail(message: string): void {
    this.result.error = message;
    process.stderr.write(`bench: ${this.impl} failed: ${message}\n`);
  }

  async close(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'close' } satisfies ToChild);
    await exited;
  }
}

/**
 * Per workload: start every implementation in its own process, open and warm them up one after
 * the other, then time them in rounds, one run each per round in rotating order. The machine's
 * load drifts (it is shared); rounds spread that drift over all implementations instead of
 * charging it to whichever ran during a busy minute. Only one process works at any moment.
 */
async function runWorkload(name: WorkloadName, args: Args, setups: Set<string>): Promise<WorkloadResult> {
  const info = WORKLOAD_INFO[name];
  const contenders = args.impls.map((impl) => new Contender(impl));
  try {
    for (const contender of contenders) {
      process.stderr.write(`bench (${name}) ${contender.impl}: warming up\n`);
      const reply = await contender.request({ type: 'open', impl: contender.impl, workload: name, tiny: args.tiny, reps: args.reps });
      if (reply.type !== 'ready') {
        contender.fail(reply.type === 'error' ? reply.message : `unexpected reply ${reply.type}`);
        continue;
      }
      contender.epochsPerRun = reply.epochsPerRun;
      if (reply.note) contender.result.note = reply.note;
      if (reply.setup) setups.add(reply.setup);
    }
    for (let round = 0; round < args.reps.runs; round++) {
      for (let i = 0; i < contenders.length; i++) {
        const contender = contenders[(i + round) % contenders.length];
        if (contender.failed) continue;
        const reply = await contender.request({ type: 'run' });
        if (reply.type === 'time') contender.times.push(reply.time);
        else contender.fail(reply.type === 'error' ? reply.message : `unexpected reply ${reply.type}`);
      }
      process.stderr.write(`bench (${name}) round ${round + 1}/${args.reps.runs} done\n`);
    }
  } finally {
    await Promise.all(contenders.map((contender) => contender.close()));
  }
  const units = info.unit === 'epochs/s' ? 1 : info.samples(args.tiny);
  const flopsPerUnit = productFlopsPerSample(info.sizes) * (info.unit === 'epochs/s' ? info.samples(args.tiny) : 1);
  for (const contender of contenders) {
    if (contender.failed) continue;
    const measurement = summarize(contender.times, contender.epochsPerRun * units, contender.epochsPerRun, args.clock);
    contender.result.measurement = measurement;
    contender.result.gflops = (measurement.median * flopsPerUnit) / 1e9;
  }
  return { name, unit: info.unit, title: info.title(args.tiny), results: contenders.map((contender) => contender.result) };
}

async function run(args: Args, setups: Set<string>): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = [];
  for (const name of args.workloads) results.push(await runWorkload(name, args, setups));
  return results;
}

function header(args: Args, setups: Set<string>): string[] {
  const cpus = os.cpus();
  const lines = [
    `NN Playground benchmark: Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, load average ${os.loadavg()[0].toFixed(2)} at the end`,
    `Each figure: median of ${args.reps.runs} timed run${args.reps.runs === 1 ? '' : 's'} (and their min – max) after a warm-up; only training is timed, one thread each, each implementation in its own process, runs interleaved in rounds.`,
  ];
  lines.push(
    args.clock === 'cpu'
      ? 'Clock: this process’s CPU time (user + system), not elapsed time (--cpu-time).'
      : 'Clock: elapsed time. "cpu" is the median share of it this process was on a core; below ~90% other processes were competing (try --cpu-time).',
  );
  if (args.tiny) lines.push('--tiny: shrunken data sets and a single run; these numbers mean nothing.');
  else if (args.reps === QUICK) lines.push('--quick: short runs for a smoke check; use the full run for numbers.');
  for (const setup of setups) lines.push(`${setup}.`);
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
  const setups = new Set<string>();
  process.stderr.write('bench: kernel microbenchmark\n');
  const kernels = measureKernels(args.tiny || args.reps === QUICK, args.clock);
  const results = await run(args, setups);
  if (args.json) process.stdout.write(`${toJson(results, kernels)}\n`);
  else process.stdout.write(`${renderTable(results, header(args, setups), kernels)}\n`);
  // A peer may fail (its table row says why); our engine failing is an error.
  return results.some((w) => w.results.some((r) => r.impl === 'nn-playground' && r.measurement === null)) ? 1 : 0;
}

function runBench(): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

if (process.argv.includes(SERVE_FLAG)) serve();
else runBench();
