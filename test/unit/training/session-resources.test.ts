// What a session costs the extension host: how often it reports, whether anything outlives it, and
// whether the host's event loop stays free while a network trains in the worker.
import { readdirSync, existsSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrainingSession } from '../../../src/session/session';
import { buildWorker, createHost, sleep, spiralModel, waitFor, xorModel } from './session-harness';

let worker: { path: string; cleanup(): void };

beforeAll(async () => {
  worker = await buildWorker();
});

afterAll(() => worker.cleanup());

/** Active handles and requests by kind (timers, message ports, …), ignoring the test runner's own. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** OS threads of this process (Linux): every worker_threads Worker is one. */
function threadCount(): number | null {
  return existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : null;
}

describe('session resources', () => {
  it('sends at most about 20 snapshots a second, each with only the new epochs', async () => {
    // Four XOR points train thousands of epochs a second: without the throttle, thousands of messages.
    const session = createTrainingSession('file:///rate.nn.json', xorModel({ epochs: 1_000_000 }), createHost(worker.path));
    expect(session.parse.problems).toEqual([]);
    let snapshots = 0;
    session.onDidChange((change) => {
      if (change.kind === 'snapshot') snapshots += 1;
    });
    session.train();
    await waitFor(session, () => session.state === 'training', 'training');
    snapshots = 0;
    const epochAtStart = session.latest?.epoch ?? 0;
    const started = performance.now();
    await sleep(2000);
    const seconds = (performance.now() - started) / 1000;
    const epochs = (session.latest?.epoch ?? 0) - epochAtStart;
    session.dispose();
    await session.whenStopped();
    const rate = snapshots / seconds;
    console.log(`snapshot rate while training XOR: ${rate.toFixed(1)}/s, ${Math.round(epochs / seconds)} epochs/s`);
    expect(rate).toBeLessThanOrEqual(22);
    expect(rate).toBeGreaterThan(5);
    // Snapshots carried many epochs each, and history got every one of them.
    expect(epochs).toBeGreaterThan(snapshots);
    expect(session.history.map((p) => p.epoch)).toEqual(Array.from({ length: session.history.length }, (_, i) => i + 1));
  });

  it('leaves no worker, thread, timer or handle behind after 50 sessions', async () => {
    // Warm up once so lazily created runtime handles are not counted as leaks.
    const warm = createTrainingSession('file:///warm.nn.json', xorModel(), createHost(worker.path));
    warm.prepare();
    await waitFor(warm, () => warm.data !== null, 'the warm-up worker');
    warm.dispose();
    await warm.whenStopped();
    await sleep(100);

    const before = resources();
    const threadsBefore = threadCount();
    const host = createHost(worker.path);
    let listenerCalls = 0;
    for (let batch = 0; batch < 5; batch++) {
      const sessions = Array.from({ length: 10 }, (_, i) => createTrainingSession(`file:///m${batch}-${i}.nn.json`, xorModel(), host));
      for (const s of sessions) s.onDidChange(() => void (listenerCalls += 1));
      sessions.forEach((s, i) => (i % 2 === 0 ? s.train() : s.prepare()));
      await Promise.all(sessions.map((s) => waitFor(s, () => s.data !== null, 'the worker to build the data')));
      for (const s of sessions) s.dispose();
      await Promise.all(sessions.map((s) => s.whenStopped()));
    }
    const calls = listenerCalls;
    await sleep(300);
    const started = host.logs.filter((line) => line.endsWith('training worker started')).length;
    const exited = host.logs.filter((line) => /training worker exited/.test(line)).length;
    expect(started).toBe(50);
    expect(exited).toBe(50);
    // Disposed sessions tell no one anything any more.
    expect(listenerCalls).toBe(calls);
    expect(resources()).toEqual(before);
    const threadsAfter = threadCount();
    if (threadsBefore !== null) expect(threadsAfter).toBe(threadsBefore);
  });

  it('keeps the extension host event loop responsive while a heavier model trains', async () => {
    // The same measurement with nothing training: on a shared machine, the floor the numbers sit on.
    const idle = monitorEventLoopDelay({ resolution: 5 });
    idle.enable();
    await sleep(1000);
    idle.disable();
    const text = spiralModel({ units: 64, hidden: 3, samples: 1000, batchSize: 16 });
    const session = createTrainingSession('file:///heavy.nn.json', text, createHost(worker.path));
    session.train();
    await waitFor(session, () => session.state === 'training', 'training');
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    const started = performance.now();
    await sleep(3000);
    histogram.disable();
    const seconds = (performance.now() - started) / 1000;
    const epochs = session.latest?.epoch ?? 0;
    const samplesPerSecond = session.latest?.samplesPerSecond ?? 0;
    session.dispose();
    await session.whenStopped();
    const p99 = histogram.percentile(99) / 1e6;
    const max = histogram.max / 1e6;
    console.log(
      `event-loop delay while training spiral 2-64-64-64-1 (1000 samples): p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms ` +
        `over ${seconds.toFixed(1)} s; ${epochs} epochs, ${Math.round(samplesPerSecond)} samples/s ` +
        `(idle baseline: p99 ${(idle.percentile(99) / 1e6).toFixed(1)} ms, max ${(idle.max / 1e6).toFixed(1)} ms)`,
    );
    expect(epochs).toBeGreaterThan(0);
    expect(p99).toBeLessThan(100);
  });
});
