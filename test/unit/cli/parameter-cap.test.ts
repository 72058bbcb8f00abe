// The parameter cap, one rule for the CLI and the editor (src/run/run-core.ts): a network over
// it is an error on the layer that holds most of its parameters, found from the spec alone, so
// `check` and `train` refuse before anything is allocated; a network exactly at the cap is allowed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseModel } from '../../../src/model/index';
import { DEFAULT_MAX_PARAMETERS, planRun } from '../../../src/run/run-core';
import { createTrainingSession } from '../../../src/session/session';
import { buildWorker, createHost, waitFor } from '../training/session-harness';
import { runCli } from '../helpers/cli-in-process';

const dir = mkdtempSync(join(tmpdir(), 'nn-cap-'));

/** XOR's two inputs through `hidden` layers, then one sigmoid: the count is Σ (fan-in + 1) · units. */
function model(name: string, hidden: number[]): { file: string; text: string } {
  const layers = [...hidden.map((units) => ({ units, activation: 'tanh' })), { units: 1, activation: 'sigmoid' }];
  const text = JSON.stringify({ name, data: { generator: 'xor', samples: 100 }, layers, training: { epochs: 2 } }, null, 2);
  const file = join(dir, `${name}.nn.json`);
  writeFileSync(file, text);
  return { file, text };
}

// 2·3+3 + 3·999,998+999,998 + 999,998+1 = 5,000,000 exactly.
const atCap = model('at-cap', [3, 999_998]);
// 4·1,250,000 + 1 = 5,000,001.
const justOver = model('just-over', [1_250_000]);
// 30,000 + 100,010,000 + 10,001 = 100,050,001.
const hundredMillion = model('hundred-million', [10_000, 10_000]);
// About 1e12: layers[1] alone holds 1,000,001,000,000.
const trillion = model('trillion', [1_000_000, 1_000_000]);

const cli = runCli;

/** Line and column (1-based) of the `{` of layers[i] in the model text, as the CLI prints them. */
function layerStart(text: string, layer: number): { line: number; column: number } {
  const parse = parseModel(text);
  const range = parse.locations.layers[layer];
  return { line: range.start.line + 1, column: range.start.character + 1 };
}

/** Bytes of ArrayBuffers allocated while `run` runs (the network's weights would be Float64Arrays). */
function arrayBuffersDuring(run: () => void): number {
  const before = process.memoryUsage().arrayBuffers;
  run();
  return process.memoryUsage().arrayBuffers - before;
}

describe('the parameter cap in the CLI', () => {
  test.each([
    ['train', hundredMillion, 1],
    ['train', trillion, 1],
    ['check', hundredMillion, 1],
    ['check', trillion, 1],
    ['gradcheck', trillion, 1],
  ] as const)('%s refuses %s before allocating it, with the error on the largest layer', (command, { file, text }, layer) => {
    let result: ReturnType<typeof cli> | undefined;
    const allocated = arrayBuffersDuring(() => {
      result = cli(command, file, '--json');
    });
    expect(result?.code).toBe(1);
    expect(result?.stdout).not.toMatch(/Invalid typed array length|internal error/);
    const problems = JSON.parse(result?.stdout ?? '{}').problems as { code: string; severity: string; message: string; line: number; column: number }[];
    const cap = problems.find((p) => p.code === 'too-many-parameters');
    expect(cap).toMatchObject({ severity: 'error', ...layerStart(text, layer) });
    expect(cap?.message).toMatch(/above the limit of 5,000,000/);
    expect(cap?.message).toContain(`are in layers[${layer}]`);
    // 100M parameters would be 800 MB of weights alone; nothing near that (nor the data) is allocated.
    expect(allocated).toBeLessThan(20e6);
  });

  test('train --json says how many parameters the 100M model has and that no epoch ran', () => {
    const result = JSON.parse(cli('train', hundredMillion.file, '--json').stdout);
    expect(result).toMatchObject({ epochs: 0, train: null, test: null });
    expect(result.problems[0].message).toMatch(/^This network has 100,050,001 parameters, above the limit of 5,000,000: training it would need about 3\.2 GB/);
  });

  test('exactly 5,000,000 parameters is allowed, one more is refused', () => {
    expect(DEFAULT_MAX_PARAMETERS).toBe(5_000_000);
    const at = cli('check', atCap.file, '--json');
    expect(JSON.parse(at.stdout).problems.map((p: { code: string }) => p.code)).not.toContain('too-many-parameters');
    expect(at.code).toBe(0);
    const parse = parseModel(atCap.text);
    const plan = planRun(parse.spec!, parse, { maxParameters: DEFAULT_MAX_PARAMETERS });
    expect(plan).toMatchObject({ ok: true, parameterCount: 5_000_000 });

    const over = cli('check', justOver.file, '--json');
    expect(over.code).toBe(1);
    expect(JSON.parse(over.stdout).problems).toEqual([
      expect.objectContaining({ code: 'too-many-parameters', ...layerStart(justOver.text, 0), message: expect.stringContaining('This network has 5,000,001 parameters') }),
    ]);
  });

  test('--max-parameters moves the cap, for check, train and gradcheck', () => {
    expect(cli('check', atCap.file, '--max-parameters', '4999999').code).toBe(1);
    expect(cli('check', justOver.file, '--max-parameters=5000001').code).toBe(0);
    const xor = join(__dirname, '../../../examples/xor.nn.json');
    // examples/xor.nn.json: 2-8-1, 33 parameters.
    expect(cli('train', xor, '--max-parameters', '33', '--epochs', '1').code).toBe(0);
    const refused = cli('train', xor, '--max-parameters', '32', '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).problems[0].message).toContain('33 parameters, above the limit of 32');
    expect(cli('gradcheck', xor, '--max-parameters', '32').code).toBe(1);
    expect(cli('check', xor, '--max-parameters', '0')).toMatchObject({ code: 2, stderr: expect.stringContaining('--max-parameters must be a whole number ≥ 1, got "0"') });
  });

  test('--epochs has the file\'s limit, 1,000,000, with a usage error above it', () => {
    const xor = join(__dirname, '../../../examples/xor.nn.json');
    expect(cli('train', xor, '--epochs', '1000001')).toMatchObject({ code: 2, stderr: expect.stringContaining('--epochs must be at most 1000000 (the most a model file allows in "training.epochs"), got "1000001"') });
    expect(cli('train', xor, '--epochs', '9007199254740991').code).toBe(2);
  });
});

describe('the parameter cap in the editor', () => {
  let worker: { path: string; cleanup(): void };
  beforeAll(async () => {
    worker = await buildWorker();
  });
  afterAll(() => worker.cleanup());

  test('a 1e12-parameter model shows the same located error in Problems, and Train starts no worker', async () => {
    const host = createHost(worker.path);
    const session = createTrainingSession('file:///trillion.nn.json', trillion.text, host);
    try {
      await waitFor(session, () => session.problems.some((p) => p.code === 'too-many-parameters'), 'the cap');
      const parse = parseModel(trillion.text);
      const problem = session.problems.find((p) => p.code === 'too-many-parameters');
      expect(problem).toMatchObject({ severity: 'error', range: parse.locations.layers[1], layer: 1 });
      // The CLI says the same words.
      const headless = JSON.parse(cli('check', trillion.file, '--json').stdout).problems[0];
      expect(headless.message).toBe(problem?.message);
      session.train();
      session.step();
      // A request waits for the queue: once it is answered, Train and Step have been handled.
      await expect(session.exportWeights()).rejects.toThrow(/parameters, above the limit/);
      expect(host.logs.some((line) => line.includes('training worker started'))).toBe(false);
    } finally {
      session.dispose();
      await session.whenStopped();
    }
  });
});

test('the setting\'s default in package.json is the one constant', async () => {
  const { readFileSync } = await import('node:fs');
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } | { properties: Record<string, { default?: unknown }> }[] } };
  const properties = Object.assign({}, ...[manifest.contributes.configuration].flat().map((c) => c.properties));
  expect(properties['nnPlayground.maxParameters'].default).toBe(DEFAULT_MAX_PARAMETERS);
});
