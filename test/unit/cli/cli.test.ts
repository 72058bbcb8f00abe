// The headless CLI: the built bundle run as a process (exit codes, stdout/stderr, no stack
// traces), and `main` called in-process for the many output shapes.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildWasmPlugin } from '../../../scripts/wasm.mjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main';
import type { Output } from '../../../src/cli/output';
import { parseArgs } from '../../../src/cli/args';
import { THRESHOLDS } from '../../../src/model/thresholds';
import { nonDifferentiableMessage } from '../../../src/run/gradient-check';
import { runCli } from '../helpers/cli-in-process';

const root = join(__dirname, '../../..');
const example = (name: string) => join(root, 'examples', name);
let bundle = '';

beforeAll(async () => {
  // Bundled here the way esbuild.mjs bundles it, so the test does not depend on a prior build.
  const dir = mkdtempSync(join(tmpdir(), 'nn-cli-'));
  bundle = join(dir, 'cli.js');
  await build({ entryPoints: [join(root, 'src/cli/main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'error', plugins: [esbuildWasmPlugin], banner: { js: '#!/usr/bin/env node' } });
});

function cli(...args: string[]) {
  return cliIn({ LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' }, ...args);
}

function cliIn(locale: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, ...locale } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const inProcess = runCli;

function tempModel(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-model-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

describe('the built bundle as a process', () => {
  test('train --json on the showcase', () => {
    const r = cli('train', 'examples/xor.nn.json', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result)).toEqual(['epochs', 'train', 'test', 'problems', 'theory']);
    expect(result.epochs).toBe(300);
    expect(Object.keys(result.train)).toEqual(['loss', 'accuracy']);
    expect(result.test.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.problems).toEqual([]);
    // The theory's numbers: the cost is the per-sample losses' mean, the confusion matrix counts the split.
    const { theory } = result;
    expect(theory.train.losses.mean).toBeCloseTo(result.train.loss, 12);
    expect(theory.test.confusion.flat().reduce((s: number, v: number) => s + v, 0)).toBe(120);
    expect(theory.test.information.crossEntropy).toBeCloseTo(theory.test.information.labelEntropy + theory.test.information.kl, 12);
    expect(theory.initialWeights).toHaveLength(2);
  });

  test('usage errors exit 2 with the usage text', () => {
    for (const args of [[], ['fly', 'x.nn.json'], ['train'], ['train', 'a', 'b'], ['train', 'x.nn.json', '--epochs', 'many'], ['check', 'x.nn.json', '--epochs', '3'], ['train', 'x.nn.json', '--wat']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^nn-playground: .+\n\nUsage: nn-playground/);
      expect(r.stdout).toBe('');
    }
  });

  test('--help exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes: 0 ok, 1 the model has errors, 2 usage/);
  });

  test('a missing file is one clear line, no stack trace', () => {
    const r = cli('check', 'examples/nope.nn.json');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('nn-playground: cannot read the model examples/nope.nn.json: no such file');
    const dir = cli('train', 'examples');
    expect(dir.code).toBe(2);
    expect(dir.stderr.trim()).toBe('nn-playground: cannot read the model examples: it is a directory');
  });

  test('a model with errors exits 1 with file:line:column', () => {
    const dir = tempModel({ 'bad.nn.json': '{\n  "data": { "generator": "xor" },\n  "layers": [{ "units": 4, "activation": "sigmod" }, { "units": 1 }]\n}\n' });
    const r = cli('check', join(dir, 'bad.nn.json'));
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe(`${join(dir, 'bad.nn.json')}:3:42: error [unknown-activation] Unknown activation "sigmod". Did you mean "sigmoid"? Known: linear, step, sign, sigmoid, tanh, relu, leaky-relu, elu, softplus, gelu, swish, softmax. sigmoid and tanh squash (and saturate for large |z|), relu passes positives only, linear adds no non-linearity, sign/step are the perceptron's threshold, softmax turns the output layer into class probabilities.`);
    noStack(r.stderr + r.stdout);
  });

  test('piping into a reader that stops early is not an error', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bundle}" check examples/linear-collapse.nn.json | head -c 10`], { encoding: 'utf8', cwd: root });
    expect(r.stderr).toBe('');
  });
});

describe('train', () => {
  test('text output: a table and the problems', () => {
    const r = inProcess('train', example('linear-collapse.nn.json'), '--epochs', '20');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 20 epochs\n\s+loss\s+accuracy\ntrain\s+\S+\s+\S+%\ntest\s+\S+\s+\S+%/);
    expect(r.stdout).toContain(`${example('linear-collapse.nn.json')}:10:33: warning [linear-collapse]`);
  });

  test('--json problems carry 1-based line and column', () => {
    const r = inProcess('train', example('linear-collapse.nn.json'), '--epochs', '5', '--json');
    const { problems } = JSON.parse(r.stdout);
    expect(problems[0]).toEqual({ code: 'linear-collapse', severity: 'warning', message: expect.stringContaining('Hidden layer 1 is linear'), line: 10, column: 33 });
    const lines = readFileSync(example('linear-collapse.nn.json'), 'utf8').split('\n');
    expect(lines[problems[0].line - 1].slice(problems[0].column - 1)).toMatch(/^"linear"/);
  });

  test('regression has no accuracy', () => {
    const dir = tempModel({ 'sine.nn.json': JSON.stringify({ data: { generator: 'sine' }, layers: [{ units: 8 }, { units: 1 }], training: { epochs: 5 } }) });
    const result = JSON.parse(inProcess('train', join(dir, 'sine.nn.json'), '--json').stdout);
    expect(Object.keys(result.train)).toEqual(['loss']);
    expect(Object.keys(result.test)).toEqual(['loss']);
  });

  test('no test split: test is null', () => {
    const result = JSON.parse(inProcess('train', example('perceptron-and.nn.json'), '--json').stdout);
    expect(result.test).toBeNull();
    expect(result.train.accuracy).toBe(1);
  });

  test('--epochs and --seed override the model; the same seed gives the same numbers', () => {
    const a = JSON.parse(inProcess('train', example('xor.nn.json'), '--epochs', '3', '--seed', '5', '--json').stdout);
    const b = JSON.parse(inProcess('train', example('xor.nn.json'), '--epochs=3', '--seed=5', '--json').stdout);
    const c = JSON.parse(inProcess('train', example('xor.nn.json'), '--epochs', '3', '--seed', '6', '--json').stdout);
    expect(a.epochs).toBe(3);
    expect(a).toEqual(b);
    expect(a.train.loss).not.toBe(c.train.loss);
  });

  test('divergence stops training and exits 1', () => {
    const r = inProcess('train', example('learning-rate-too-high.nn.json'), '--json');
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result.epochs).toBeLessThan(100);
    expect(result.problems.map((p: { code: string }) => p.code)).toContain('divergence');
  });

  test('a model with errors: exit 1, JSON with the problems and no metrics', () => {
    const text = '{ "data": { "generator": "xor" }, "layers": [{ "units": 0 }] }';
    const dir = tempModel({ 'bad.nn.json': text });
    const r = inProcess('train', join(dir, 'bad.nn.json'), '--json');
    expect(r.code).toBe(1);
    const column = text.indexOf('0 }') + 1;
    expect(JSON.parse(r.stdout)).toEqual({
      epochs: 0,
      train: null,
      test: null,
      problems: [{ code: 'non-positive-size', severity: 'error', message: '"units" must be a whole number ≥ 1 (the number of neurons in the output layer); found 0.', line: 1, column }],
    });
  });
});

describe('CSV beside the model', () => {
  const csv = 'x1,x2,label\n' + Array.from({ length: 40 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${(i % 7) / 7 + (i % 5) / 5 > 0.9 ? 'big' : 'small'}`).join('\n');
  const modelText = (target: string) => JSON.stringify({ data: { csv: 'data/points.csv', target, testFraction: 0.25 }, layers: [{ units: 4 }, { units: 1, activation: 'sigmoid' }], training: { epochs: 20 } }, null, 2);

  test('the path is relative to the model file, not the working directory', () => {
    const dir = tempModel({ 'models/m.nn.json': modelText('label'), 'models/data/points.csv': csv });
    const r = inProcess('train', join(dir, 'models/m.nn.json'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).train.accuracy).toBeGreaterThan(0.5);
  });

  test('a missing CSV file is an error at the csv path, naming the file', () => {
    const dir = tempModel({ 'm.nn.json': modelText('label') });
    const r = inProcess('check', join(dir, 'm.nn.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${join(dir, 'm.nn.json')}:3:12: error [csv-unreadable] Cannot read the CSV file "${join(dir, 'data/points.csv')}" (no such file). The path is relative to this model file.`);
  });

  test('a missing column names the columns that exist', () => {
    const dir = tempModel({ 'm.nn.json': modelText('lable'), 'data/points.csv': csv });
    const r = inProcess('check', join(dir, 'm.nn.json'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toEqual([
      { code: 'csv-missing-column', severity: 'error', message: 'The CSV file "data/points.csv" has no target column "lable". Did you mean "label"? It has 3 columns.', line: 4, column: 15 },
    ]);
  });
});

describe('weights sidecar', () => {
  test('written only on request, loaded when present, refused with a warning when the shape differs', () => {
    const dir = tempModel({});
    const model = join(dir, 'xor.nn.json');
    copyFileSync(example('xor.nn.json'), model);
    const sidecar = join(dir, 'xor.weights.json');

    const fresh = JSON.parse(inProcess('train', model, '--epochs', '1', '--json').stdout);
    expect(existsSync(sidecar)).toBe(false);

    expect(inProcess('train', model, '--save-weights').stdout).toContain(`weights saved to ${sidecar}`);
    const saved = JSON.parse(readFileSync(sidecar, 'utf8'));
    expect(saved).toMatchObject({ format: 'nn-playground-weights', version: 1, shape: [2, 8, 1] });

    // One more epoch from the trained weights is far better than one epoch from the init.
    const resumed = JSON.parse(inProcess('train', model, '--epochs', '1', '--json').stdout);
    expect(resumed.train.loss).toBeLessThan(fresh.train.loss / 2);

    writeFileSync(model, readFileSync(model, 'utf8').replace('"units": 8', '"units": 5'));
    const mismatch = JSON.parse(inProcess('train', model, '--epochs', '1', '--json').stdout);
    expect(mismatch.problems).toEqual([expect.objectContaining({ code: 'weights-mismatch', severity: 'warning', message: expect.stringContaining('2-8-1') })]);
  });
});

describe('check and gradcheck', () => {
  test('every example checks without errors', () => {
    for (const name of ['xor.nn.json', 'spiral.nn.json', 'iris-softmax.nn.json', 'perceptron-xor.nn.json']) {
      const r = inProcess('check', example(name), '--json');
      expect(r.code, name).toBe(0);
      expect(Object.keys(JSON.parse(r.stdout))).toEqual(['problems']);
    }
    expect(inProcess('check', example('xor.nn.json')).stdout).toBe(`${example('xor.nn.json')}: no problems`);
  });

  test('gradcheck --json: backprop agrees with finite differences', () => {
    const r = inProcess('gradcheck', example('xor.nn.json'), '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result)).toEqual(['maxRelativeError', 'parameters', 'totalParameters', 'tolerance', 'pass', 'message']);
    // 2·8 + 8 weights and biases into the hidden layer, 8 + 1 into the output.
    expect(result.parameters).toBe(33);
    expect(result.totalParameters).toBe(33);
    expect(result.maxRelativeError).toBeLessThan(1e-6);
    expect(result.tolerance).toBe(THRESHOLDS.gradientTolerance);
    expect(result.pass).toBe(true);
    expect(result.message).toMatch(/^Gradient check of all 33 parameters: .* Pass: within the tolerance of 0\.001; backpropagation agrees with finite differences\.$/);
  });

  test('gradcheck prints a verdict: pass exits 0, fail exits 1', () => {
    const ok = inProcess('gradcheck', example('xor.nn.json'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Pass: within the tolerance of 0\.001/);
    // The perceptron lesson: its sign unit's threshold is a kink of the activation table, so the
    // check steps around the jump; whatever number remains, with a sign unit the verdict is fail.
    const sign = inProcess('gradcheck', example('perceptron-and.nn.json'));
    expect(sign.code).toBe(1);
    expect(sign.stdout).toMatch(/Fail: /);
    expect(sign.stdout).toContain(nonDifferentiableMessage(['layer 1 (sign)']));
    // Zero init on XOR: both sides are 0, which verifies nothing either.
    const json = JSON.parse(inProcess('gradcheck', example('perceptron-xor.nn.json'), '--json').stdout);
    expect(json.maxRelativeError).toBe(0);
    expect(json.pass).toBe(false);
    expect(json.message).toMatch(/Fail: the error is within the tolerance of 0\.001, but with step or sign units that verifies nothing\. Step and sign units cannot be gradient-checked/);
    expect(inProcess('gradcheck', example('perceptron-xor.nn.json')).code).toBe(1);
  });

  test('gradcheck says when only a subset of the parameters was checked', () => {
    // overfitting.nn.json: 2·64 + 64 + 64·64 + 64 + 64 + 1 = 4,417 parameters; the default subset is 2,048.
    const r = JSON.parse(inProcess('gradcheck', example('overfitting.nn.json'), '--json').stdout);
    expect(r.totalParameters).toBe(4417);
    expect(r.parameters + 0).toBeLessThanOrEqual(2048);
    expect(r.message).toMatch(/^Gradient check of 2,048 of the 4,417 parameters \(an evenly spaced subset across every layer\)/);
    expect(r.pass).toBe(true);
  });

  test('gradcheck on a model with errors exits 1', () => {
    const dir = tempModel({ 'bad.nn.json': '{ "layers": [] }' });
    expect(inProcess('gradcheck', join(dir, 'bad.nn.json')).code).toBe(1);
  });
});

test('argument parsing', () => {
  expect(parseArgs(['train', 'm.nn.json', '--epochs', '10', '--seed', '0', '--json', '--save-weights'])).toEqual({ command: 'train', file: 'm.nn.json', epochs: 10, seed: 0, json: true, saveWeights: true, allowDataOutside: false });
  expect(parseArgs(['train', 'm.nn.json', '--epochs', '0'])).toEqual({ usageError: '--epochs must be a whole number ≥ 1, got "0"' });
  expect(parseArgs(['train', 'm.nn.json', '--epochs'])).toEqual({ usageError: '--epochs needs a value, e.g. --epochs 100' });
  expect(parseArgs(['check', '--json', 'm.nn.json'])).toEqual({ command: 'check', file: 'm.nn.json', json: true, allowDataOutside: false });
});

test('a terminal gets a progress bar on stderr; pipes and --json do not', () => {
  const frames: string[] = [];
  const io: Output = { out: () => {}, err: () => {}, interactive: true, progress: (t) => frames.push(t) };
  expect(main(['train', example('xor.nn.json'), '--epochs', '40'], io)).toBe(0);
  expect(frames.length).toBeGreaterThanOrEqual(1);
  expect(frames[frames.length - 1]).toMatch(/^\[#{30}\] 40\/40 {2}loss \d\.\d+\n$/);
  frames.length = 0;
  main(['train', example('xor.nn.json'), '--epochs', '40', '--json'], io);
  expect(frames).toEqual([]);
});

describe('the CLI in Chinese', () => {
  test('LANG=zh_CN.UTF-8 nn-playground check prints the problems in Chinese, on the same lines', () => {
    const english = cli('check', 'examples/linear-collapse.nn.json');
    const chinese = cliIn({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' }, 'check', 'examples/linear-collapse.nn.json');
    expect(chinese.code).toBe(english.code);
    expect(english.stdout).toContain('is linear, so it adds no expressive power');
    expect(chinese.stdout).toContain('是线性的，因此不增加任何表达能力');
    expect(chinese.stdout).not.toContain('is linear, so it adds no expressive power');
    const where = (out: string) => out.split('\n').map((line) => /^[^ ]+:\d+:\d+: \w+ \[[\w-]+\]/.exec(line)?.[0]);
    expect(where(chinese.stdout)).toEqual(where(english.stdout));
  });

  test('--lang overrides the environment, LC_ALL overrides LANG', () => {
    expect(cliIn({ LANG: 'zh_CN.UTF-8', LC_ALL: '' }, 'check', 'examples/linear-collapse.nn.json', '--lang', 'en').stdout).toContain('is linear, so it adds no expressive power');
    expect(cliIn({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }, 'check', 'examples/linear-collapse.nn.json').stdout).toContain('是线性的');
    expect(cliIn({ LANG: 'zh_CN.UTF-8', LC_ALL: '' }, '--help').stdout).toContain('用法：nn-playground');
  });
});
