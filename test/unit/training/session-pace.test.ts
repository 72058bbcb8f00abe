// The pace through a session and its real worker thread: the setting is the default of a new
// session, the panel's choice (setPace) applies to the run under way and to the session's next
// runs, and Step by one minibatch moves the counter by a fraction of an epoch. Bounds are loose
// (the worker runs on a shared machine): paced at 5 a second, a run that unpaced finishes 2,000
// epochs in about a second must still be at the start after one.
import { describe, expect, it } from 'vitest';
import { createTrainingSession } from '../../../src/session/session';
import { createHost, sleep, useWorkerSessions, waitFor, xorModel } from './session-harness';

const worker = useWorkerSessions();

describe('a session at a pace', () => {
  it('starts at the pace of the setting, takes the panel’s pace at once, and keeps it for its next run', async () => {
    const host = createHost(worker.path);
    host.currentSettings = { ...host.currentSettings, pace: 5 };
    const s = createTrainingSession('file:///models/paced.nn.json', xorModel({ epochs: 2000 }), host);
    worker.open.push(s);
    expect(s.pace).toBe(5);
    s.train();
    await waitFor(s, () => (s.latest?.epoch ?? 0) >= 1, 'the first epoch');
    await sleep(1000);
    // At 5 a second about 6 epochs; allow for a slow start, never for an unpaced run.
    expect(s.latest?.epoch ?? 0).toBeLessThan(20);
    s.setPace(0);
    await waitFor(s, () => s.state === 'finished', 'the run to finish as fast as possible', 60_000);
    expect(s.latest?.epoch).toBe(2000);
    s.setPace(1);
    s.reset();
    await waitFor(s, () => s.history.length === 0, 'the reset');
    s.train();
    await waitFor(s, () => (s.latest?.epoch ?? 0) >= 1, 'the first epoch after the reset');
    await sleep(1500);
    expect(s.latest?.epoch ?? 0).toBeLessThanOrEqual(4);
    expect(s.pace).toBe(1);
  });

  it('steps one minibatch: a quarter epoch of four minibatches of one sample', async () => {
    const host = createHost(worker.path);
    const s = createTrainingSession('file:///models/batch-step.nn.json', xorModel({ batchSize: 1 }), host);
    worker.open.push(s);
    expect(s.pace).toBe(0);
    s.stepBatch();
    await waitFor(s, () => s.latest?.progress?.epochFraction === 0.25 && s.state === 'paused', 'a quarter epoch');
    expect(s.latest?.epoch).toBe(0);
    for (let i = 0; i < 3; i++) s.stepBatch();
    await waitFor(s, () => s.latest?.epoch === 1 && s.latest.progress === undefined, 'the end of the first epoch');
    expect(s.history.map((p) => p.epoch)).toEqual([1]);
  });
});
