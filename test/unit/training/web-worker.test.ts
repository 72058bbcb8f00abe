// The browser's training worker (issue 15): dist/worker-web.js's entry, run as a Web Worker would
// run it, driven through the browser transport (worker-web.ts) by a real session, trains a model to
// exactly the losses the desktop worker (worker_threads) reaches from the same seed: one training
// loop, two transports. The "Web Worker" is a worker thread whose globals are made to look like a
// browser worker's (postMessage/onmessage/close on the global scope, no setImmediate, no Node
// modules reachable from the script), so the bundle's own setImmediate stand-in is what yields.

import { build } from 'esbuild';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTrainingSession, type WorkerBackedSession } from '../../../src/session/session';
import type { FromWorker } from '../../../src/shared/protocol/worker-messages';
import { WorkerClient } from '../../../src/session/worker-client';
import { startWebWorker, type WebWorkerEnvironment } from '../../../src/session/worker-web';
import { esbuildWasmPlugin } from '../../../scripts/wasm.mjs';
import { buildWorker, createHost, waitFor, xorModel, type TestHost } from './session-harness';

let nodeWorker: { path: string; cleanup(): void };
let webScript = '';
const open: WorkerBackedSession[] = [];

beforeAll(async () => {
  nodeWorker = await buildWorker();
  // As esbuild.mjs builds dist/worker-web.js: a classic script for the browser.
  const result = await build({
    entryPoints: [join(__dirname, '../../../src/worker/worker-web-main.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'error',
    plugins: [esbuildWasmPlugin],
  });
  webScript = result.outputFiles[0]?.text ?? '';
});

afterAll(() => nodeWorker.cleanup());

afterEach(async () => {
  for (const session of open.splice(0)) {
    session.dispose();
    await session.whenStopped();
  }
});

/**
 * A worker thread dressed as a browser Web Worker: the script sees `postMessage`, `onmessage` and
 * `close` on its global scope, and neither `require` nor `setImmediate`.
 */
const BROWSER_SCOPE = `
const { parentPort } = require('node:worker_threads');
globalThis.postMessage = (message) => parentPort.postMessage(message);
globalThis.close = () => parentPort.close();
parentPort.on('message', (data) => globalThis.onmessage && globalThis.onmessage({ data }));
delete globalThis.setImmediate;
delete globalThis.clearImmediate;
globalThis.nnWebWorkerScope = true;
new Function(require('node:worker_threads').workerData)();
`;

/** A browser-like environment for startWebWorker; `created` counts the workers it made. */
function environment(script: () => Promise<string>): WebWorkerEnvironment & { created: number } {
  const env = {
    created: 0,
    loadScript: script,
    create(text: string) {
      env.created++;
      const thread = new Worker(BROWSER_SCOPE, { eval: true, workerData: text });
      const worker = {
        onmessage: null as ((event: { data: unknown }) => void) | null,
        onerror: null as ((event: { message?: string }) => void) | null,
        postMessage: (message: unknown) => thread.postMessage(message),
        terminate: () => void thread.terminate(),
      };
      thread.on('message', (data) => worker.onmessage?.({ data }));
      thread.on('error', (error) => worker.onerror?.({ message: error.message }));
      return worker;
    },
  };
  return env;
}

function session(text: string, host: TestHost): WorkerBackedSession {
  const created = createTrainingSession('file:///models/xor.nn.json', text, host);
  open.push(created);
  return created;
}

describe('the browser training worker', () => {
  it('is a classic script that needs nothing of Node', () => {
    expect(webScript.length).toBeGreaterThan(1000);
    expect(webScript).not.toMatch(/\brequire\(|["']node:|\bBuffer\b|\bprocess\./);
    expect(webScript).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('trains a model to the same losses as the desktop worker, through the browser transport', async () => {
    const text = xorModel({ epochs: 200 });
    const desktopHost = createHost(nodeWorker.path);
    const desktop = session(text, desktopHost);
    const webHost = createHost(nodeWorker.path);
    const env = environment(() => Promise.resolve(webScript));
    webHost.startWorker = () => startWebWorker(env);
    const web = session(text, webHost);
    desktop.train();
    web.train();
    await waitFor(desktop, () => desktop.state === 'finished', 'the desktop run');
    await waitFor(web, () => web.state === 'finished', 'the browser run');
    expect(env.created).toBe(1);
    expect(web.history).toHaveLength(200);
    // Every epoch's numbers, exactly: the same loop, the same seed, the same kernels.
    expect(web.history.every((p) => Number.isFinite(p.trainCost) && p.trainCost > 0)).toBe(true);
    expect(web.history).toEqual(desktop.history);
    expect(web.history[199]!.trainCost).toBeLessThan(web.history[0]!.trainCost);
    expect(web.latest?.epoch).toBe(200);
    expect(web.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The bundle's embedded kernels compiled in the browser-shaped worker, as in the desktop one.
    const kernels = (host: TestHost) => host.logs.find((line) => /matrix products/.test(line));
    expect(kernels(webHost)).toMatch(/WebAssembly with 128-bit SIMD/);
    expect(kernels(webHost)?.replace(/^\[[^\]]*\] /, '')).toBe(kernels(desktopHost)?.replace(/^\[[^\]]*\] /, ''));
  });

  it('delivers the messages posted before its script arrived, in order', async () => {
    let release: (text: string) => void = () => undefined;
    const env = environment(() => new Promise<string>((resolve) => (release = resolve)));
    const answers: FromWorker[] = [];
    const client = new WorkerClient(startWebWorker(env), { onMessage: (m) => answers.push(m), onUnexpectedExit: () => undefined });
    const pending = client.request({ type: 'gradcheck' });
    release(webScript);
    // No run yet: the worker answers the request with its error, proving it got the message.
    await expect(pending).rejects.toThrow(/./);
    expect(env.created).toBe(1);
    await client.terminate();
  });

  it('reports a script that cannot be loaded as the worker stopping, with the reason', async () => {
    const env = environment(() => Promise.reject(new Error('404 Not Found')));
    let reason = '';
    const client = new WorkerClient(startWebWorker(env), { onMessage: () => undefined, onUnexpectedExit: (why) => (reason = why) });
    await expect(client.request({ type: 'gradcheck' })).rejects.toThrow(/worker script could not be loaded: 404 Not Found/);
    expect(await client.exited).toBe(1);
    expect(reason).toMatch(/404 Not Found/);
    expect(env.created).toBe(0);
  });

  it('ends on terminate, with exit code 0 and nothing reported as unexpected', async () => {
    const env = environment(() => Promise.resolve(webScript));
    let unexpected = false;
    const client = new WorkerClient(startWebWorker(env), { onMessage: () => undefined, onUnexpectedExit: () => (unexpected = true) });
    const running = WorkerClient.running;
    expect(await client.terminate()).toBe(0);
    expect(WorkerClient.running).toBe(running - 1);
    expect(unexpected).toBe(false);
  });
});
