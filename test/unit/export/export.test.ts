// The export without torch: the CLI's arguments, exit codes and messages, the refusals, the file
// it writes, and the facts the script embeds. Running the script is test/torch/'s job.

import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { ACTIVATIONS, createRng, Network } from '../../../src/engine/index';
import { EXPORT_MESSAGES, exportModel, pytorchActivation } from '../../../src/export/index';
import { initDraws } from '../../../src/export/init-draws';
import { runCli } from '../helpers/cli-in-process';

const root = join(__dirname, '../../..');
const example = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');

const cli = runCli;

function tempCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-export-'));
  copyFileSync(join(root, 'examples', name), join(dir, name));
  return join(dir, name);
}

describe('nn-playground export arguments', () => {
  test('defaults: initial weights, float64, no force', () => {
    expect(parseArgs(['export', 'a.nn.json', '--to', 'pytorch'])).toEqual({ command: 'export', file: 'a.nn.json', to: 'pytorch', weights: 'initial', dtype: 'float64', force: false, allowDataOutside: false });
    expect(parseArgs(['export', '--to=notebook', 'a.nn.json', '--out', 'x.ipynb', '--weights', 'trained', '--dtype', 'float32', '--force'])).toEqual({
      command: 'export',
      file: 'a.nn.json',
      to: 'notebook',
      out: 'x.ipynb',
      weights: 'trained',
      dtype: 'float32',
      force: true,
      allowDataOutside: false,
    });
  });

  test.each([
    [['export', 'a.nn.json'], 'export needs --to pytorch or --to notebook'],
    [['export', '--to', 'pytorch'], 'export needs a model file, e.g. nn-playground export examples/spiral.nn.json --to pytorch'],
    [['export', 'a.nn.json', '--to', 'keras'], '--to must be pytorch or notebook, got "keras"'],
    [['export', 'a.nn.json', '--to', 'pytorch', '--dtype', 'float16'], '--dtype must be float64 or float32, got "float16"'],
    [['export', 'a.nn.json', '--to', 'pytorch', '--weights'], '--weights needs a value: initial or trained'],
    [['export', 'a.nn.json', '--to', 'pytorch', '--out'], '--out needs a path, e.g. --out spiral.py'],
    [['export', 'a.nn.json', '--to', 'pytorch', '--json'], 'unknown option "--json" for export'],
  ])('%j is a usage error (exit 2)', (args, message) => {
    expect(parseArgs(args)).toEqual({ usageError: message });
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nn-playground: .+\n\nUsage: nn-playground/);
  });
});

describe('nn-playground export', () => {
  test('writes <name>.py next to the model, and refuses to replace it without --force', () => {
    const model = tempCopy('spiral.nn.json');
    const out = model.replace('.nn.json', '.py');
    const first = cli('export', model, '--to', 'pytorch');
    expect(first).toMatchObject({ code: 0, stdout: EXPORT_MESSAGES.written('a PyTorch script', out) });
    const script = readFileSync(out, 'utf8');
    expect(script).toMatch(/^"""Spiral/);
    expect(script).toContain('DTYPE = torch.float64');
    expect(script).toContain('torch.optim.Adam(trainable, lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)');
    writeFileSync(out, 'mine');
    const again = cli('export', model, '--to', 'pytorch');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`nn-playground: ${EXPORT_MESSAGES.outputExists(out)}`);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(cli('export', model, '--to', 'pytorch', '--force', '--dtype', 'float32').code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('DTYPE = torch.float32');
  });

  test('--weights trained without a sidecar is a missing file (exit 2); a sidecar of another shape is refused (exit 1)', () => {
    const model = tempCopy('xor.nn.json');
    const missing = cli('export', model, '--to', 'pytorch', '--weights', 'trained');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`nn-playground: ${EXPORT_MESSAGES.noTrainedWeights('xor.nn.json', model.replace('.nn.json', '.weights.json'))}`);
    writeFileSync(model.replace('.nn.json', '.weights.json'), JSON.stringify({ format: 'nn-playground-weights', version: 1, shape: [2, 1], layers: [{ weights: [1, 2], biases: [0] }] }));
    const wrong = cli('export', model, '--to', 'pytorch', '--weights', 'trained');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^nn-playground: The trained weights do not fit xor\.nn\.json, so they cannot be exported: The weights are for a 2-1 network, but the model is 2-8-1\./);
    expect(existsSync(model.replace('.nn.json', '.py'))).toBe(false);
  });

  test('trained weights from the sidecar are the ones embedded', () => {
    const model = tempCopy('xor.nn.json');
    expect(cli('train', model, '--epochs', '3', '--save-weights', '--json').code).toBe(0);
    const sidecar = JSON.parse(readFileSync(model.replace('.nn.json', '.weights.json'), 'utf8'));
    expect(cli('export', model, '--to', 'pytorch', '--weights', 'trained').code).toBe(0);
    const script = readFileSync(model.replace('.nn.json', '.py'), 'utf8');
    expect(script).toContain('The trained weights saved beside the model');
    // Layer 2 has one unit: its row in nn.Linear's layout is the engine's column, in order.
    expect(script).toContain(`[${sidecar.layers[1].weights.map(String).join(', ')}]`);
  });

  test('a model with errors is refused with its problems (exit 1), and nothing is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-export-'));
    const model = join(dir, 'bad.nn.json');
    writeFileSync(model, '{ "data": { "generator": "xor" }, "layers": [{ "units": 1, "activation": "sigmoid" }], "training": { "learningRate": -1 } }');
    const r = cli('export', model, '--to', 'notebook');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.nn\.json:1:\d+: error \[/);
    expect(r.stderr).toBe(`nn-playground: ${EXPORT_MESSAGES.hasErrors('bad.nn.json', 1)}`);
    expect(existsSync(join(dir, 'bad.ipynb'))).toBe(false);
  });

  test('step or sign units trained by gradients are refused with the model\'s own problem; the perceptron rule is exported', () => {
    const text = '{ "data": { "generator": "xor" }, "layers": [{ "units": 4, "activation": "step" }, { "units": 1, "activation": "sigmoid" }], "training": { "optimizer": "sgd" } }';
    const refused = exportModel({ text, source: 'step.nn.json', to: 'pytorch' });
    expect(refused).toMatchObject({ ok: false, reason: EXPORT_MESSAGES.hasErrors('step.nn.json', 1) });
    expect(refused.problems.map((p) => p.code)).toEqual(['threshold-needs-perceptron']);
    const perceptron = exportModel({ text: example('perceptron-and.nn.json'), source: 'perceptron-and.nn.json', to: 'pytorch' });
    expect(perceptron.ok).toBe(true);
    if (perceptron.ok) expect(perceptron.content).toContain("Rosenblatt's rule");
  });

  test('the notebook is nbformat 4 with a markdown cell before each code cell and no command-line entry point', () => {
    const result = exportModel({ text: example('iris-softmax.nn.json'), source: 'iris-softmax.nn.json', to: 'notebook' });
    if (!result.ok) throw new Error(result.reason);
    const notebook = JSON.parse(result.content);
    expect(notebook).toMatchObject({ nbformat: 4, metadata: { kernelspec: { name: 'python3' } } });
    const kinds = notebook.cells.map((c: { cell_type: string }) => c.cell_type);
    expect(kinds[0]).toBe('markdown');
    kinds.forEach((kind: string, i: number) => kind === 'code' && expect(kinds[i - 1]).toBe('markdown'));
    const code = notebook.cells.filter((c: { cell_type: string }) => c.cell_type === 'code').map((c: { source: string[] }) => c.source.join('')).join('\n');
    expect(code).not.toContain('argparse.ArgumentParser');
    expect(code).toContain('result = train(on_epoch=print_epoch)');
    expect(code).toContain('LOSS = nn.CrossEntropyLoss()');
  });
});

test('every activation has a PyTorch module', () => {
  for (const name of ACTIVATIONS) expect(pytorchActivation(name).module, name).toMatch(/^(nn\.\w+|Step|Sign)\(.*\)$/);
});

test('initDraws counts what the initial weights take from the generator (hand count: a normal pair per 2 weights, spare carried over)', () => {
  // 3 → 3 → 1: 9 + 3 = 12 gaussian weights = 6 pairs = 12 uniforms; xavier 2 → 5 takes one uniform each.
  expect(initDraws({ inputSize: 3, layers: [{ units: 3, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'mse', init: { distribution: 'gaussian' } }, 4)).toBe(12);
  // 7 gaussian weights take 4 pairs (the 8th normal is kept as a spare), then 3 × 1 more take 1 pair and the spare: 10.
  expect(initDraws({ inputSize: 7, layers: [{ units: 1, activation: 'tanh' }, { units: 3, activation: 'linear' }], loss: 'mse', init: { distribution: 'he' } }, 9)).toBe(10);
  expect(initDraws({ inputSize: 2, layers: [{ units: 5, activation: 'tanh' }], loss: 'mse', init: { distribution: 'xavier' } }, 1)).toBe(10);
  expect(initDraws({ inputSize: 2, layers: [{ units: 5, activation: 'tanh' }], loss: 'mse', init: { distribution: 'zeros' } }, 1)).toBe(0);
  // And it is where the generator stands: the next draw after initialising equals the draw after skipping.
  const config = { inputSize: 4, layers: [{ units: 6, activation: 'relu' as const }, { units: 2, activation: 'softmax' as const }], loss: 'cross-entropy' as const, init: { distribution: 'he' as const } };
  const a = createRng(5);
  new Network(config).initialize(a);
  const b = createRng(5);
  for (let i = 0; i < initDraws(config, 5); i++) b.nextUint32();
  expect(b.nextUint32()).toBe(a.nextUint32());
});

test('hand-set layers marked not trainable are exported with their weights and kept out of the optimiser', () => {
  const text = '{ "data": { "generator": "xor", "standardize": false }, "layers": [{ "units": 2, "weights": [[1, -1], [0.5, 2]], "bias": [0.25, 0], "trainable": false }, { "units": 1, "activation": "sigmoid" }] }';
  const result = exportModel({ text, source: 'frozen.nn.json', to: 'pytorch' });
  if (!result.ok) throw new Error(result.reason);
  // nn.Linear's layout is the file's: row j holds unit j's weights.
  expect(result.content).toMatch(/"weight": \[\s*\[1, -1\],\s*\[0\.5, 2\],?\s*\]/);
  expect(result.content).toContain('"bias": [0.25, 0]');
  expect(result.content).toContain('FROZEN = [1]');
  expect(result.content).toContain('trainable = [p for p in model.parameters() if p.requires_grad]');
});

test('input features are exported as the values the model trains on, named by the features', () => {
  const result = exportModel({ text: example('circle-features.nn.json'), source: 'circle-features.nn.json', to: 'pytorch' });
  if (!result.ok) throw new Error(result.reason);
  expect(result.content).toContain('FEATURE_NAMES = ["x1^2", "x2^2"]');
  expect(result.content).toContain('as the input features x1^2, x2^2 of its two inputs');
  // Every training row holds two squares: no negative value.
  const rows = /TRAIN_FEATURES = \[([\s\S]*?)\n\]/.exec(result.content)![1];
  expect(rows).not.toMatch(/[[,\s]-\d/);
});
