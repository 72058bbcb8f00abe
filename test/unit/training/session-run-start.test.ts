// What a session believes about the run it asked its worker for: a start that fails in the worker
// leaves no run behind (Train tries again). Real sessions and real worker threads; the failed start
// comes from a worker bundle whose first start throws where an out-of-memory error would
// (fixtures/start-fault-worker.ts).

import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/model/spec';
import { createTrainingSession, type WorkerBackedSession } from '../../../src/training/session';
import { buildWorker, createHost, waitFor, xorModel, type TestHost } from './session-harness';

let worker: { path: string; cleanup(): void };
let faultyWorker: { path: string; cleanup(): void };
const open: WorkerBackedSession[] = [];

beforeAll(async () => {
  worker = await buildWorker();
  faultyWorker = await buildWorker(join(__dirname, 'fixtures/start-fault-worker.ts'));
});

afterAll(() => {
  worker.cleanup();
  faultyWorker.cleanup();
});

afterEach(async () => {
  for (const session of open.splice(0)) {
    session.dispose();
    await session.whenStopped();
  }
});

function session(text: string, host: TestHost): WorkerBackedSession {
  const created = createTrainingSession('file:///models/test.nn.json', text, host);
  open.push(created);
  return created;
}

const codes = (s: WorkerBackedSession) => s.problems.map((p) => p.code);

describe('a run that fails to start', () => {
  it('is no run: the session is idle, says the start failed (no stack trace), and the next Train starts a run', async () => {
    const host = createHost(faultyWorker.path);
    const s = session(xorModel({ epochs: 30 }), host);
    s.train();
    await waitFor(s, () => codes(s).includes('run-start-failed'), 'the failed start', 10_000);
    const problem = s.problems.find((p) => p.code === 'run-start-failed') as Problem;
    expect(problem.severity).toBe('error');
    expect(problem.message).toBe('The run could not be started: Array buffer allocation failed. Train tries again.');
    expect(problem.message).not.toMatch(/\n|\bat .*\(/);
    expect(codes(s)).not.toContain('training-error');
    expect(s.state).toBe('idle');
    expect(s.data).toBeNull();
    expect(s.latest).toBeNull();

    // The worker's second start succeeds: Train must really start it, not post to a run that is not there.
    s.train();
    await waitFor(s, () => s.state === 'finished', 'the retried run', 10_000);
    expect(s.history.map((p) => p.epoch)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(s.data?.train.x).toHaveLength(4);
    expect(codes(s)).not.toContain('run-start-failed');
  });
});
