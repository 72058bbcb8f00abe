// What a session believes about the run it asked its worker for: a start that fails in the worker
// leaves no run behind (Train tries again), and the checks of model against data made when the run's
// data arrives judge the model that run was built from, not a newer text whose edit is still queued.
// Real sessions and real worker threads; the failed start comes from a worker bundle whose first
// start throws where an out-of-memory error would (fixtures/start-fault-worker.ts).

import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/model/spec';
import { createTrainingSession, type WorkerBackedSession } from '../../../src/session/session';
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

describe('saved weights and a failed start', () => {
  it('gives the saved weights to the attempt after a failed start, as it would have to the first run', async () => {
    // Weights from a trained run, and the first epoch they give in a healthy worker.
    const trained = session(xorModel({ epochs: 500 }), createHost(worker.path));
    trained.train();
    await waitFor(trained, () => trained.state === 'finished', 'the model to train', 20_000);
    const weights = await trained.exportWeights();
    const healthyHost = createHost(worker.path);
    healthyHost.weights = weights;
    const reference = session(xorModel(), healthyHost);
    reference.step();
    await waitFor(reference, () => reference.history.length === 1, 'an epoch from the saved weights');

    const host = createHost(faultyWorker.path);
    host.weights = weights;
    const s = session(xorModel(), host);
    s.step();
    await waitFor(s, () => codes(s).includes('run-start-failed'), 'the failed start', 10_000);
    s.step();
    await waitFor(s, () => s.history.length === 1, 'an epoch of the retried run', 10_000);
    expect(s.history[0]).toEqual(reference.history[0]);
  });
});

describe('checks of the model against its data', () => {
  /** Two classes in a CSV: the task is known only once the data is built, so these checks run at `ready`. */
  function csvHost(workerPath: string): TestHost & { held: Promise<void>; release(): void } {
    const rows = ['a,b,label'];
    for (let i = 0; i < 40; i++) rows.push(`${(i % 7) / 7},${(i % 5) / 5},${(i % 7) / 7 > 0.5 ? 'high' : 'low'}`);
    const host = createHost(workerPath, { 'points.csv': rows.join('\n') });
    // Every read after the first waits for `release` (and `held` says one is waiting): a queued
    // operation that reads the CSV holds back the edits queued behind it, as a slow disk would.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let hold!: () => void;
    const held = new Promise<void>((resolve) => (hold = resolve));
    const read = host.readRelative.bind(host);
    let reads = 0;
    host.readRelative = (path) => {
      if (++reads === 1) return read(path);
      hold();
      return gate.then(() => read(path));
    };
    return Object.assign(host, { held, release });
  }

  const model = (loss: string, name = 'csv', learningRate = 0.1) =>
    JSON.stringify({
      name,
      data: { csv: 'points.csv', target: 'label', testFraction: 0.25 },
      layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
      loss,
      training: { epochs: 20, learningRate },
    });

  it('judge the model the run was built from when an edit is still queued, and the edit then goes its normal way', async () => {
    const host = csvHost(worker.path);
    const s = session(model('cross-entropy'), host);
    s.train();
    // The reset's fresh read of the CSV waits, so the edit to mse stays queued behind it while the
    // cross-entropy run's data arrives. (Queued after Train: once it waits, the run was asked for.)
    s.reset();
    await host.held;
    expect(s.data).toBeNull();
    s.updateText(model('mse'));
    expect(s.parse.spec?.loss).toBe('mse');
    await waitFor(s, () => s.data !== null, 'the data of the cross-entropy run');
    // mse on a sigmoid classifier is what the queued text says; the run is cross-entropy.
    expect(codes(s)).not.toContain('mse-sigmoid');

    host.release();
    // The edit changes the loss: a new run of the mse model, and its own check finds it.
    await waitFor(s, () => codes(s).includes('mse-sigmoid'), 'the check of the mse run');
    expect(s.problems.find((p) => p.code === 'mse-sigmoid')?.range).toEqual(s.parse.locations.values['loss']);
  });

  it('point into the current text after edits that keep the run (the name, a hyperparameter)', async () => {
    const host = csvHost(worker.path);
    const s = session(model('mse'), host);
    s.step();
    await waitFor(s, () => s.latest?.epoch === 1 && codes(s).includes('mse-sigmoid'), 'one epoch of the mse run');
    const rangeOfLoss = () => s.problems.find((p) => p.code === 'mse-sigmoid')?.range;
    expect(rangeOfLoss()).toEqual(s.parse.locations.values['loss']);

    // A longer name moves the loss further into the text; nothing the run trains changed.
    s.updateText(model('mse', 'a much longer name for the same model'));
    const moved = s.parse.locations.values['loss'];
    await waitFor(s, () => rangeOfLoss()?.offset === moved?.offset, 'the check to follow the renamed text');
    expect(rangeOfLoss()).toEqual(moved);
    // A shorter name and a new learning rate: taken on the fly, and the check follows the text again.
    s.updateText(model('mse', 'x', 0.05));
    const back = s.parse.locations.values['loss'];
    expect(back?.offset).toBeLessThan(moved?.offset as number);
    await waitFor(s, () => rangeOfLoss()?.offset === back?.offset, 'the check to follow the edited text');
    expect(rangeOfLoss()).toEqual(back);
    // Still the same run: the epoch it had, no reset.
    expect(s.latest?.epoch).toBe(1);
    expect(s.history).toHaveLength(1);
  });
});
