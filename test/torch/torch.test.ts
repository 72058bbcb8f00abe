// Real PyTorch (float64, CPU) as an independent oracle, in one Python process (test/torch/runner.py):
//   1. every example exported and run: each epoch's training cost matches our engine's to 1e-9
//      relative for the first 20 epochs, the final test accuracy is the same, and the script's
//      --json object is the one `nn-playground train --json` prints (static problems: see PROBLEMS);
//   2. a notebook export runs top to bottom and gives the same numbers;
//   3. the script's generator draws what createRng draws, for awkward seeds too;
//   4. autograd against the engine's backpropagation on random architectures (every activation,
//      loss, regulariser and optimiser), gradients and parameters after steps to 1e-10 relative.
// The torch venv comes from scripts/setup-torch.sh (npm test runs it first); NN_TORCH_PYTHON
// overrides the interpreter.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { prepare, run } from '../../src/run/headless-run';
import { jsonMetrics, jsonProblems } from '../../src/cli/render';
import { ACTIVATIONS, createRng, Network, type ActivationName, type LossName, type OptimizerName, type RegularizationType } from '../../src/engine/index';
import { batchLossGradient, resolveLossKernel } from '../../src/engine/losses';
import { beginStep, createOptimizerState, updateLayer } from '../../src/engine/optimizers';
import { addRegularizationGradient, regularizationTerm } from '../../src/engine/regularization';
import { exportModel } from '../../src/export/index';
import { pytorchActivation } from '../../src/export/pytorch-activations';
import { scriptParts } from '../../src/export/pytorch-script';
import { makePlan } from '../../src/export/plan';
import { addPointEdit, parseModel } from '../../src/model/index';
import { applyRowEdits } from '../../src/model/text/data-rows';
import { mulberry32 } from '../unit/helpers/mulberry32';

const root = join(__dirname, '../..');
const python = process.env.NN_TORCH_PYTHON ?? join(root, '.cache/torch-venv/bin/python');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.nn.json')).sort();
const COMPARED_EPOCHS = 20;
const NOTEBOOK_EXAMPLE = 'overfitting-dropout.nn.json';
const RNG_SEEDS = [0, 1, 2, 7, 4294967295, 3.75, -5, -0.5, 123456789.125];
const RNG_COUNT = 64;

type Job = { kind: 'script' | 'notebook'; name: string; path: string } | { kind: 'rng'; code: string; seeds: number[]; count: number } | { kind: 'gradients'; cases: GradientCase[] };
type JobResult = { ok: true; value: unknown } | { ok: false; error: string };
interface RunValue {
  json: unknown;
  history: { train_cost: number | null; train_accuracy: number | null; test_cost: number | null }[];
}

const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

// ---- The engine's side of the gradient oracle ---------------------------------------------------

interface GradientCase {
  inputSize: number;
  layers: { units: number; activation: ActivationName; module: string }[];
  weights: { weight: number[][]; bias: number[] }[];
  x: number[][];
  t: number[][];
  kernel: string;
  regularization: RegularizationType;
  lambda: number;
  optimizer: { name: OptimizerName; lr: number; momentum: number; beta1: number; beta2: number; epsilon: number };
  steps: number;
}
interface EngineSteps {
  steps: { cost: number; objective: number; grads: { weight: number[]; bias: number[] }[] }[];
  final: { weight: number[]; bias: number[] }[];
}

const HIDDEN: ActivationName[] = ACTIVATIONS.filter((a) => a !== 'softmax' && a !== 'step' && a !== 'sign');
const OUTPUTS: { activation: ActivationName; loss: LossName }[] = [
  ...HIDDEN.map((activation) => ({ activation, loss: 'mse' as LossName })),
  { activation: 'sigmoid', loss: 'cross-entropy' },
  { activation: 'sigmoid', loss: 'binary-cross-entropy' },
  { activation: 'softmax', loss: 'cross-entropy' },
];
const OPTIMIZERS: OptimizerName[] = ['sgd', 'momentum', 'adam'];
const REGULARIZERS: RegularizationType[] = ['none', 'l1', 'l2'];

function gradientCases(count: number): { cases: GradientCase[]; engine: EngineSteps[] } {
  const random = mulberry32(20261201);
  const pick = <T,>(items: readonly T[], i: number) => items[i % items.length];
  const cases: GradientCase[] = [];
  const engine: EngineSteps[] = [];
  for (let c = 0; c < count; c++) {
    const inputSize = 1 + Math.floor(random() * 4);
    const hidden = Math.floor(random() * 3);
    const out = pick(OUTPUTS, c);
    const outputUnits = out.activation === 'softmax' ? 2 + Math.floor(random() * 3) : 1 + Math.floor(random() * 3);
    const layers = [
      ...Array.from({ length: hidden }, (_, h) => ({ units: 1 + Math.floor(random() * 5), activation: pick(HIDDEN, c + h) })),
      { units: outputUnits, activation: out.activation },
    ];
    const rows = 1 + Math.floor(random() * 6);
    const network = new Network({ inputSize, layers, loss: out.loss, init: { distribution: 'gaussian', std: 0.8 } });
    network.initialize(createRng(c + 1));
    // Biases off 0 too, so their gradients are tested where they matter.
    for (const layer of network.layers) for (let j = 0; j < layer.units; j++) layer.biases[j] = random() - 0.5;
    const x = Array.from({ length: rows }, () => Array.from({ length: inputSize }, () => 3 * (random() - 0.5)));
    const t = Array.from({ length: rows }, () => {
      if (out.activation === 'softmax') {
        const row = new Array<number>(outputUnits).fill(0);
        row[Math.floor(random() * outputUnits)] = 1;
        return row;
      }
      return Array.from({ length: outputUnits }, () => (out.loss === 'mse' ? 2 * (random() - 0.5) : random() < 0.5 ? 0 : 1));
    });
    const regularization = pick(REGULARIZERS, Math.floor(c / 3));
    const lambda = regularization === 'none' ? 0 : 0.05 + random() * 0.1;
    const optimizer = { name: pick(OPTIMIZERS, c), lr: 0.05 + random() * 0.1, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    const steps = 3;
    const weights = network.layers.map((layer) => ({
      weight: Array.from({ length: layer.units }, (_, j) => Array.from({ length: layer.inputs }, (_, i) => layer.weights[i * layer.units + j])),
      bias: Array.from(layer.biases),
    }));
    cases.push({
      inputSize,
      layers: layers.map((l) => ({ ...l, module: pytorchActivation(l.activation).module })),
      weights,
      x,
      t,
      kernel: resolveLossKernel(out.loss, out.activation),
      regularization,
      lambda,
      optimizer,
      steps,
    });
    // Our engine: the same steps the trainer takes for one minibatch, on these rows.
    const kernel = resolveLossKernel(out.loss, out.activation);
    const ws = network.createWorkspace(rows);
    ws.input.set(x.flat());
    ws.target.set(t.flat());
    const state = createOptimizerState(optimizer.name, network.layers);
    const settings = { learningRate: optimizer.lr, momentum: optimizer.momentum, beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon };
    const spec = { type: regularization, lambda };
    const last = network.layers.length - 1;
    const result: EngineSteps = { steps: [], final: [] };
    for (let s = 0; s < steps; s++) {
      network.forward(ws, rows, 'eval', 'inverted', null, false);
      const sum = batchLossGradient(kernel, out.activation, ws.pre[last], ws.act[last], ws.target, ws.delta[last], rows, outputUnits);
      network.backward(ws, rows);
      let term = 0;
      for (const layer of network.layers) {
        term += regularizationTerm(spec, layer.weights);
        addRegularizationGradient(spec, layer.weights, layer.weightGrad);
      }
      result.steps.push({ cost: sum / rows, objective: sum / rows + term, grads: network.layers.map((l) => ({ weight: Array.from(l.weightGrad), bias: Array.from(l.biasGrad) })) });
      beginStep(state);
      for (const layer of network.layers) updateLayer(state, layer, settings);
    }
    result.final = network.layers.map((l) => ({ weight: Array.from(l.weights), bias: Array.from(l.biases) }));
    engine.push(result);
  }
  return { cases, engine };
}

// ---- One Python process for everything -----------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'nn-torch-'));
const exported = new Map<string, { path: string; cli: ReturnType<typeof run> }>();
const gradients = gradientCases(72);
let results: JobResult[] = [];
const jobs: Job[] = [];

/**
 * An example's text, as a student trains it. Lesson 25 starts from an empty plane, which has nothing
 * to export: it gets the points of its step 1 (class 0 bottom-left, class 1 top-left), written as
 * the panel's clicks write them, so PyTorch checks it with data like every other lesson.
 */
function exampleText(name: string): string {
  let text = readFileSync(join(root, 'examples', name), 'utf8');
  const points: [number, number, number][] = [[-0.8, -0.8, 0], [-0.6, -0.9, 0], [-0.9, -0.5, 0], [-0.8, 0.8, 1], [-0.6, 0.9, 1], [-0.9, 0.5, 1]];
  const start = parseModel(text).spec;
  if (start?.data.kind !== 'inline' || start.data.inputs.length > 0) return text;
  for (const [x1, x2, k] of points) {
    const spec = parseModel(text).spec;
    const edit = addPointEdit(text, spec?.data, [x1, x2], k, spec?.layers.at(-1));
    if (!edit.ok) throw new Error(`${name}: no point written (${edit.reason})`);
    text = applyRowEdits(text, edit.edits);
  }
  return text;
}

function exportTo(name: string, to: 'pytorch' | 'notebook'): string {
  const text = exampleText(name);
  const result = exportModel({ text, source: name, to });
  if (!result.ok) throw new Error(`${name}: ${result.reason}`);
  const path = join(dir, name.replace('.nn.json', to === 'notebook' ? '.ipynb' : '.py'));
  writeFileSync(path, result.content);
  return path;
}

beforeAll(() => {
  if (!existsSync(python)) throw new Error(`No torch interpreter at ${python}: run bash scripts/setup-torch.sh (npm test does).`);
  for (const name of examples) {
    const path = exportTo(name, 'pytorch');
    exported.set(name, { path, cli: run(exampleText(name)) });
    jobs.push({ kind: 'script', name, path });
  }
  jobs.push({ kind: 'notebook', name: NOTEBOOK_EXAMPLE, path: exportTo(NOTEBOOK_EXAMPLE, 'notebook') });
  const spiral = parseModel(readFileSync(join(root, 'examples/spiral.nn.json'), 'utf8')).spec;
  if (!spiral) throw new Error('spiral.nn.json does not parse');
  const generator = scriptParts(makePlan({ spec: spiral, problems: [], dtype: 'float64', source: 'spiral.nn.json' }), false).find((p) => p.id === 'generator');
  jobs.push({ kind: 'rng', code: generator?.code ?? '', seeds: RNG_SEEDS, count: RNG_COUNT });
  jobs.push({ kind: 'gradients', cases: gradients.cases });
  const jobFile = join(dir, 'jobs.json');
  writeFileSync(jobFile, JSON.stringify(jobs));
  const started = Date.now();
  const proc = spawnSync(python, [join(__dirname, 'runner.py'), jobFile], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, OMP_NUM_THREADS: '1' } });
  if (proc.status !== 0) throw new Error(`runner.py exited ${proc.status}: ${proc.stderr.slice(-3000)}`);
  results = JSON.parse(proc.stdout.trim().split('\n').at(-1) ?? '[]') as JobResult[];
  console.log(`torch runner: ${jobs.length} jobs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 600_000);

function valueOf<T>(index: number): T {
  const result = results[index];
  if (!result.ok) throw new Error(result.error);
  return result.value as T;
}

/** What `nn-playground train --json` prints before the live rules: the CLI's own object, static problems only. */
function cliObject(cli: ReturnType<typeof run>) {
  const classification = cli.dataset?.kind === 'classification';
  const staticProblems = cli.problems.filter((p) => p.source !== 'live');
  return { epochs: cli.history.length, train: jsonMetrics(cli.train, classification), test: jsonMetrics(cli.test, classification), problems: jsonProblems(staticProblems) };
}

/**
 * Epochs (up to COMPARED_EPOCHS) over which our own engine is not chaotic: the run from the same
 * weights with one weight moved by one ulp stays within 1e-11 of it. Past that, no second float64
 * implementation (another tanh, another summation order) can agree, ours with itself included.
 * Only deep-tanh is chaotic that early (epoch 10: its ulp grows to 1e-12, then 500× an epoch);
 * the test says so below, so a new chaotic example has to be looked at, not silently skipped.
 */
function chaosHorizon(name: string): number {
  const text = exampleText(name);
  const a = prepare(text).trainer;
  const b = prepare(text).trainer;
  if (!a || !b) return COMPARED_EPOCHS;
  const w = b.exportWeights();
  const layer = w.layers[w.layers.length - 1];
  layer.weights[0] = layer.weights[0] === 0 ? Number.MIN_VALUE : layer.weights[0] * (1 + Number.EPSILON);
  b.importWeights(w);
  for (let e = 0; e < COMPARED_EPOCHS; e++) {
    const x = a.trainEpoch().train.cost;
    const y = b.trainEpoch().train.cost;
    // Both runs diverging at the same epoch is agreement (learning-rate-too-high), not chaos.
    if (!Number.isFinite(x) && !Number.isFinite(y)) return COMPARED_EPOCHS;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return e;
    if (relative(x, y) > 1e-11) return e;
  }
  return COMPARED_EPOCHS;
}

function compareRun(name: string, value: RunValue, cli: ReturnType<typeof run>) {
  const ours = cli.history;
  expect(value.history.length, `${name}: epochs`).toBe(ours.length);
  const horizon = Math.min(COMPARED_EPOCHS, ours.length, chaosHorizon(name));
  for (let e = 0; e < horizon; e++) {
    const theirs = value.history[e].train_cost;
    if (!Number.isFinite(ours[e].trainCost)) expect(theirs, `${name} epoch ${e + 1}`).toBeNull();
    else expect(relative(theirs as number, ours[e].trainCost), `${name} epoch ${e + 1}: torch ${theirs}, ours ${ours[e].trainCost}`).toBeLessThan(1e-9);
  }
  const json = value.json as { epochs: number; test: { accuracy?: number | null } | null; train: { accuracy?: number | null; loss: number | null } | null; problems: unknown };
  const expected = cliObject(cli);
  expect(json.epochs).toBe(expected.epochs);
  if (horizon === Math.min(COMPARED_EPOCHS, ours.length)) {
    expect(json.test?.accuracy, `${name}: final test accuracy`).toBe(expected.test?.accuracy);
    expect(json.train?.accuracy, `${name}: final train accuracy`).toBe(expected.train?.accuracy);
  } else {
    // A chaotic run (see chaosHorizon) ends where its rounding takes it: torch's own runs differ in
    // the last bits (its kernels' paths), so only the outcome's size is comparable.
    expect(Math.abs((json.test?.accuracy ?? 0) - (expected.test?.accuracy ?? 0)), `${name}: final test accuracy`).toBeLessThanOrEqual(0.05);
  }
  expect(json.problems).toEqual(expected.problems);
  if (horizon === Math.min(COMPARED_EPOCHS, ours.length) && expected.train?.loss != null) expect(relative(json.train?.loss as number, expected.train.loss), `${name}: final train loss`).toBeLessThan(1e-6);
}

describe('exported examples run with torch in float64', () => {
  test.each(examples)('%s', (name) => {
    const index = jobs.findIndex((job) => job.kind === 'script' && job.name === name);
    compareRun(name, valueOf<RunValue>(index), (exported.get(name) as { cli: ReturnType<typeof run> }).cli);
  });

  test('only deep-tanh is chaotic within 20 epochs, and not before epoch 9', () => {
    const chaotic = examples.map((name) => ({ name, horizon: chaosHorizon(name) })).filter((e) => e.horizon < COMPARED_EPOCHS);
    expect(chaotic.map((e) => e.name)).toEqual(['deep-tanh.nn.json']);
    expect(chaotic[0].horizon).toBeGreaterThanOrEqual(9);
  });

  test('the spiral prints the same --json object as nn-playground train --json', () => {
    const index = jobs.findIndex((job) => job.kind === 'script' && job.name === 'spiral.nn.json');
    const json = valueOf<RunValue>(index).json as { train: { loss: number }; test: { loss: number } };
    const expected = cliObject((exported.get('spiral.nn.json') as { cli: ReturnType<typeof run> }).cli);
    expect(Object.keys(json)).toEqual(['epochs', 'train', 'test', 'problems']);
    expect(relative(json.train.loss, expected.train?.loss as number)).toBeLessThan(1e-9);
    expect(relative(json.test.loss, expected.test?.loss as number)).toBeLessThan(1e-9);
  });
});

test('the notebook is nbformat 4 and runs top to bottom with the same numbers', () => {
  const path = (jobs.find((job) => job.kind === 'notebook') as { path: string }).path;
  const notebook = JSON.parse(readFileSync(path, 'utf8'));
  expect(notebook.nbformat).toBe(4);
  expect(notebook.cells.length).toBeGreaterThan(10);
  for (const cell of notebook.cells) {
    expect(cell.id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(['markdown', 'code']).toContain(cell.cell_type);
    expect(Array.isArray(cell.source)).toBe(true);
    if (cell.cell_type === 'code') expect(cell).toMatchObject({ execution_count: null, outputs: [] });
  }
  // A markdown cell before each code cell.
  notebook.cells.forEach((cell: { cell_type: string }, i: number) => {
    if (cell.cell_type === 'code') expect(notebook.cells[i - 1].cell_type).toBe('markdown');
  });
  const index = jobs.findIndex((job) => job.kind === 'notebook');
  const value = valueOf<RunValue & { printed: string }>(index);
  compareRun(NOTEBOOK_EXAMPLE, value, (exported.get(NOTEBOOK_EXAMPLE) as { cli: ReturnType<typeof run> }).cli);
  expect(value.printed).toMatch(/epoch 300\/300/);
});

test("the script's generator draws what the engine's draws", () => {
  const index = jobs.findIndex((job) => job.kind === 'rng');
  const draws = valueOf<Record<string, number[]>>(index);
  for (const seed of RNG_SEEDS) {
    const rng = createRng(seed);
    expect(draws[String(seed)], `seed ${seed}`).toEqual(Array.from({ length: RNG_COUNT }, () => rng.nextUint32()));
  }
});

test('torch autograd agrees with our backpropagation and optimisers to 1e-10 (every activation, loss, regulariser, optimiser)', () => {
  const index = jobs.findIndex((job) => job.kind === 'gradients');
  const torchSteps = valueOf<EngineSteps[]>(index);
  const covered = new Set<string>();
  let worst = 0;
  gradients.engine.forEach((ours, c) => {
    const theirs = torchSteps[c];
    const testCase = gradients.cases[c];
    const label = `case ${c}: ${testCase.layers.map((l) => `${l.units} ${l.activation}`).join(' → ')}, ${testCase.kernel}, ${testCase.regularization}, ${testCase.optimizer.name}`;
    testCase.layers.forEach((l) => covered.add(l.activation));
    covered.add(testCase.kernel).add(testCase.regularization).add(testCase.optimizer.name);
    const close = (a: number, b: number, what: string, scale: number) => {
      // Relative to the value, with a floor at 1e-10 of the largest value of the same array, so a
      // near-zero gradient (a sum that cancels) is held to the precision its terms allow.
      const error = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-3 * scale, 1e-300);
      worst = Math.max(worst, error);
      expect(error, `${label}: ${what}: torch ${b}, ours ${a}`).toBeLessThan(1e-10);
    };
    const all = (ourArr: number[], torchArr: number[], what: string) => {
      const scale = Math.max(...ourArr.map(Math.abs), ...torchArr.map(Math.abs));
      ourArr.forEach((a, i) => close(a, torchArr[i], `${what}[${i}]`, scale));
    };
    ours.steps.forEach((step, s) => {
      close(step.cost, theirs.steps[s].cost, `step ${s + 1} cost`, 0);
      close(step.objective, theirs.steps[s].objective, `step ${s + 1} objective`, 0);
      step.grads.forEach((g, l) => {
        all(g.weight, theirs.steps[s].grads[l].weight, `step ${s + 1} layer ${l + 1} weight gradient`);
        all(g.bias, theirs.steps[s].grads[l].bias, `step ${s + 1} layer ${l + 1} bias gradient`);
      });
    });
    ours.final.forEach((p, l) => {
      all(p.weight, theirs.final[l].weight, `layer ${l + 1} weights after the steps`);
      all(p.bias, theirs.final[l].bias, `layer ${l + 1} biases after the steps`);
    });
  });
  for (const name of [...HIDDEN, 'softmax', 'mse', 'sigmoid-cross-entropy', 'softmax-cross-entropy', ...REGULARIZERS, ...OPTIMIZERS]) expect(covered, name).toContain(name);
  console.log(`torch gradient oracle: ${gradients.cases.length} architectures, worst relative difference ${worst.toExponential(2)}`);
});
