// An edit that ends the running network stops it the moment the session parses the edit, and
// says why, even when the new run takes a while to prepare (its CSV is still being read); a broken
// edit says that it paused. A real session with its real worker thread.
import { describe, expect, it } from 'vitest';
import { createTrainingSession, pausedForErrors } from '../../../src/session/session';
import { useWorkerSessions, createHost, recordChanges, sleep, waitFor } from './session-harness';

const worker = useWorkerSessions();
const open = worker.open;

/** How long the host takes to read the new CSV: the time the old network used to go on training. */
const SLOW_READ_MS = 1500;

function csvRows(): string {
  const rows = ['a,b,label'];
  for (let i = 0; i < 200; i++) rows.push(`${(i % 7) / 7},${(i % 5) / 5},${(i % 7) / 7 > 0.5 ? 'high' : 'low'}`);
  return rows.join('\n');
}

function csvModel(units: number, csv: string): string {
  return JSON.stringify(
    {
      name: 'csv',
      data: { csv, target: 'label', testFraction: 0.25 },
      layers: [{ units, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
      loss: 'cross-entropy',
      training: { epochs: 1_000_000 },
    },
    null,
    2,
  );
}

describe('an edit that ends the running network', () => {
  it('stops the old network at once and says why, while the new run is still being prepared', async () => {
    const host = createHost(worker.path, { 'a.csv': csvRows(), 'b.csv': csvRows() });
    const read = host.readRelative;
    host.readRelative = async (path) => {
      if (path === 'b.csv') await sleep(SLOW_READ_MS);
      return read(path);
    };
    const s = createTrainingSession('file:///models/edit.nn.json', csvModel(8, 'a.csv'), host);
    open.push(s);
    const changes = recordChanges(s);
    s.train();
    await waitFor(s, () => s.state === 'training' && (s.latest?.epoch ?? 0) >= 5, 'five epochs');

    const editedAt = performance.now();
    s.updateText(csvModel(4, 'b.csv'));
    // Said at once, with the reason the session knows.
    expect(s.notice).toMatch(/^Reset: .*the units of layers\[0\] changed \(8 → 4\)/);
    expect(changes.some((c) => c.kind === 'notice')).toBe(true);
    // The old network stops within a few of the worker's time slices, long before the CSV is read.
    await waitFor(s, () => s.state === 'paused', 'the old network to stop', SLOW_READ_MS / 2);
    const stoppedAfter = performance.now() - editedAt;
    const epochWhenStopped = s.latest?.epoch ?? 0;
    await sleep(300);
    expect(s.latest?.epoch ?? 0).toBe(epochWhenStopped);
    expect(stoppedAfter).toBeLessThan(SLOW_READ_MS / 2);

    // Then the new network trains, from epoch 1, and the notice still says why it started again.
    await waitFor(s, () => s.state === 'training' && s.history.length > 0 && s.latest?.health?.layers[0]?.units === 4, 'the new run');
    expect(s.history[0]!.epoch).toBe(1);
    expect(s.notice).toMatch(/units of layers\[0\] changed \(8 → 4\)/);
    // The person's next command clears it.
    s.pause();
    expect(s.notice).toBeUndefined();
  });

  it('says it paused for a broken edit, and stops saying so once the text is mended', async () => {
    const host = createHost(worker.path, { 'a.csv': csvRows() });
    const text = csvModel(8, 'a.csv');
    const s = createTrainingSession('file:///models/broken.nn.json', text, host);
    open.push(s);
    s.train();
    await waitFor(s, () => s.state === 'training' && (s.latest?.epoch ?? 0) >= 3, 'three epochs');
    s.updateText(text.replace('"layers"', '"layers" oops'));
    expect(s.notice).toBe(pausedForErrors());
    expect(s.notice).toMatch(/^Paused: the model has errors/);
    await waitFor(s, () => s.state === 'paused', 'the pause');
    s.updateText(text);
    await waitFor(s, () => s.notice === undefined && s.state === 'training', 'training to resume, unannounced');
    expect(s.history[0]!.epoch).toBe(1);
  });

  it('takes back a reset it announced when the edit is undone before the new run starts', async () => {
    const host = createHost(worker.path, { 'a.csv': csvRows(), 'b.csv': csvRows() });
    const read = host.readRelative;
    host.readRelative = async (path) => {
      if (path === 'b.csv') await sleep(SLOW_READ_MS);
      return read(path);
    };
    const text = csvModel(8, 'a.csv');
    const s = createTrainingSession('file:///models/undo.nn.json', text, host);
    open.push(s);
    s.train();
    await waitFor(s, () => s.state === 'training' && (s.latest?.epoch ?? 0) >= 3, 'three epochs');
    const kept = s.history.length;
    s.updateText(csvModel(4, 'b.csv'));
    expect(s.notice).toMatch(/^Reset:/);
    s.updateText(text);
    await waitFor(s, () => s.notice === undefined, 'the notice to be taken back');
    await waitFor(s, () => s.state === 'training' && s.history.length > kept, 'the same run to go on');
    expect(s.history[0]!.epoch).toBe(1);
  });

  it('pauses for a broken edit that comes right after an architecture edit restarted the run, and says so', async () => {
    const host = createHost(worker.path, { 'a.csv': csvRows() });
    const s = createTrainingSession('file:///models/restart-broken.nn.json', csvModel(8, 'a.csv'), host);
    open.push(s);
    s.train();
    await waitFor(s, () => s.state === 'training' && (s.latest?.epoch ?? 0) >= 3, 'three epochs');
    const restarted = new Promise<void>((resolve) => {
      const subscription = s.onDidChange((change) => {
        if (change.kind !== 'model' || !change.reset) return;
        subscription.dispose();
        resolve();
      });
    });
    const edited = csvModel(4, 'a.csv');
    s.updateText(edited);
    // The new run has been asked to train; the worker has not said so yet (its messages come as
    // tasks, after this microtask), and the text breaks now.
    await restarted;
    expect(s.state).toBe('training');
    s.updateText(edited.replace('"layers"', '"layers" oops'));
    expect(s.notice).toBe(pausedForErrors());
    await waitFor(s, () => s.state === 'paused', 'the pause');
  });

  it('announces an edit that left the text as it was, without parsing it again', () => {
    const host = createHost(worker.path, { 'a.csv': csvRows() });
    const text = csvModel(8, 'a.csv');
    const s = createTrainingSession('file:///models/same.nn.json', text, host);
    open.push(s);
    const parse = s.parse;
    const changes = recordChanges(s);
    s.updateText(text);
    expect(changes).toEqual([{ kind: 'model', reset: false }]);
    expect(s.parse).toBe(parse);
  });
});
