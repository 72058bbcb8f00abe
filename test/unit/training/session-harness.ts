// What the session tests share: the real worker bundle (built with esbuild into a temp dir, the
// way esbuild.mjs builds dist/worker.js), a host backed by an in-memory file map, model texts, and
// waiting for a session to reach a condition through its own change events.

import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WeightsFile } from '../../../src/engine/trainer-api';
import { DEFAULT_MAX_PARAMETERS } from '../../../src/run/run-core';
import { startNodeWorker } from '../../../src/session/worker-node';
import type { SessionChange, SessionHost, SessionSettings, TrainingSession } from '../../../src/session/session-api';
import type { WorkerBackedSession } from '../../../src/session/session';
import { esbuildWasmPlugin } from '../../../scripts/wasm.mjs';

/** `entry`: another worker entry (a test fixture) in place of src/worker/worker.ts. */
export async function buildWorker(entry = join(__dirname, '../../../src/worker/worker.ts')): Promise<{ path: string; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'nn-worker-'));
  const path = join(dir, 'worker.js');
  await build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As esbuild.mjs: jsonc-parser's UMD `main` cannot be bundled (the worker reaches the model's
    // rule files through src/run/run-core.ts).
    mainFields: ['module', 'main'],
    logLevel: 'error',
    plugins: [esbuildWasmPlugin],
  });
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const DEFAULT_SETTINGS: SessionSettings = {
  updateRate: 20,
  defaultMaxEpochs: 300,
  maxParameters: DEFAULT_MAX_PARAMETERS,
  diagnostics: { static: true, live: true },
};

export interface TestHost extends SessionHost {
  logs: string[];
  files: Map<string, string>;
  currentSettings: SessionSettings;
  weights?: WeightsFile;
}

export function createHost(workerPath: string, files: Record<string, string> = {}): TestHost {
  const host: TestHost = {
    startWorker: () => startNodeWorker(workerPath),
    logs: [],
    files: new Map(Object.entries(files)),
    currentSettings: { ...DEFAULT_SETTINGS, diagnostics: { ...DEFAULT_SETTINGS.diagnostics } },
    readRelative(path) {
      const text = host.files.get(path);
      return text === undefined ? Promise.reject(new Error(`${path} was not found next to the model file.`)) : Promise.resolve(text);
    },
    loadWeights: () => Promise.resolve(host.weights),
    settings: () => host.currentSettings,
    log: (message) => void host.logs.push(message),
  };
  return host;
}

/** Resolves when `condition` holds (checked now and after every change), rejects after `timeoutMs`. */
export function waitFor(session: TrainingSession, condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for ${what} (state ${session.state}, epoch ${session.latest?.epoch ?? '-'}).`));
    }, timeoutMs);
    const subscription = session.onDidChange(() => {
      if (!condition()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** Every change event, for tests that check what a session said. */
export function recordChanges(session: TrainingSession): SessionChange[] {
  const changes: SessionChange[] = [];
  session.onDidChange((change) => changes.push(change));
  return changes;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ModelOptions {
  activation?: string;
  learningRate?: number;
  epochs?: number;
  batchSize?: number;
  seed?: number;
  optimizer?: string;
}

/** The classic four XOR points: one hidden tanh layer reaches 100% where a perceptron cannot. */
export function xorModel(options: ModelOptions = {}): string {
  return JSON.stringify(
    {
      name: 'xor',
      seed: options.seed ?? 1,
      data: { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]], testFraction: 0 },
      layers: [
        { units: 4, activation: options.activation ?? 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'cross-entropy',
      training: {
        optimizer: options.optimizer ?? 'sgd',
        learningRate: options.learningRate ?? 0.5,
        batchSize: options.batchSize ?? 4,
        epochs: options.epochs ?? 2000,
      },
    },
    null,
    2,
  );
}

/** A spiral with a few hundred points: enough work per epoch that training takes a while. */
export function spiralModel(options: ModelOptions & { units?: number; hidden?: number; samples?: number } = {}): string {
  const hidden = Array.from({ length: options.hidden ?? 2 }, () => ({ units: options.units ?? 16, activation: options.activation ?? 'tanh' }));
  return JSON.stringify(
    {
      name: 'spiral',
      seed: options.seed ?? 1,
      data: { generator: 'spiral', samples: options.samples ?? 400, noise: 0.1, testFraction: 0.2 },
      layers: [...hidden, { units: 1, activation: 'sigmoid' }],
      loss: 'cross-entropy',
      training: {
        optimizer: options.optimizer ?? 'sgd',
        learningRate: options.learningRate ?? 0.1,
        batchSize: options.batchSize ?? 10,
        epochs: options.epochs ?? 1_000_000,
      },
    },
    null,
    2,
  );
}

/**
 * A test file's worker, built once, and the sessions its tests open (push them on `open`), each
 * disposed and awaited after its test: the lifecycle every session test file shares.
 */
export function useWorkerSessions(): { readonly path: string; readonly open: WorkerBackedSession[] } {
  let built: { path: string; cleanup(): void } | undefined;
  const open: WorkerBackedSession[] = [];
  beforeAll(async () => {
    built = await buildWorker();
  });
  afterAll(() => built?.cleanup());
  afterEach(async () => {
    for (const session of open.splice(0)) {
      session.dispose();
      await session.whenStopped();
    }
  });
  return {
    get path() {
      if (!built) throw new Error('the worker is built in beforeAll');
      return built.path;
    },
    open,
  };
}
