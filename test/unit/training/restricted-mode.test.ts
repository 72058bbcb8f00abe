// Restricted Mode (issue 15): in a folder VS Code has not trusted, a session reads nothing beyond the
// model file. A CSV model gets one problem, on its `data.csv` path, that says trust is needed and
// why, and its file is never asked for; a model with generated or inline data trains as usual; once
// trusted (VS Code grants trust: the registry asks every session to prepare again), the CSV is read
// and the problem goes.
// Real sessions and worker threads.

import { describe, expect, it } from 'vitest';
import { createTrainingSession, type WorkerBackedSession } from '../../../src/session/session';
import { useWorkerSessions, createHost, waitFor, xorModel, type TestHost } from './session-harness';

const worker = useWorkerSessions();
const open = worker.open;

/** A host whose folder is untrusted until `trust()`, counting every file it is asked to read. */
function untrustedHost(files: Record<string, string> = {}): TestHost & { reads: string[]; trust(): void } {
  let trusted = false;
  const host = createHost(worker.path, files) as TestHost & { reads: string[]; trust(): void };
  const read = host.readRelative.bind(host);
  host.reads = [];
  host.readRelative = (path) => {
    host.reads.push(path);
    return read(path);
  };
  host.isTrusted = () => trusted;
  host.trust = () => (trusted = true);
  return host;
}

function session(text: string, host: TestHost): WorkerBackedSession {
  const created = createTrainingSession('file:///course/lesson.nn.json', text, host);
  open.push(created);
  return created;
}

const csvText = `${JSON.stringify(
  {
    name: 'csv',
    data: { csv: 'points.csv', target: 'label', testFraction: 0 },
    layers: [{ units: 1, activation: 'sigmoid' }],
    loss: 'cross-entropy',
    training: { epochs: 10 },
  },
  null,
  2,
)}\n`;
const rows = ['a,b,label', '0,0,low', '0,1,high', '1,0,high', '1,1,high'].join('\n');

describe('a session in Restricted Mode', () => {
  it('does not read a CSV: one error on the data path says trust is needed and why, and no worker starts', async () => {
    const host = untrustedHost({ 'points.csv': rows });
    const s = session(csvText, host);
    s.train();
    await waitFor(s, () => s.problems.some((p) => p.code === 'csv-needs-trust'), 'the trust problem');
    const problem = s.problems.find((p) => p.code === 'csv-needs-trust')!;
    expect(problem.severity).toBe('error');
    expect(problem.message).toBe(
      'The CSV file "points.csv" is not read in Restricted Mode: this folder is not trusted, and a model file may name a data file anywhere. Trust the folder (Manage Workspace Trust) to read it; models with generated or inline data train without trust.',
    );
    // On the path's value in the text: line 4 of the pretty-printed model, where "points.csv" stands.
    const line = csvText.split('\n')[problem.range.start.line] ?? '';
    expect(line.slice(problem.range.start.character, problem.range.end.character)).toBe('"points.csv"');
    expect(host.reads).toEqual([]);
    expect(s.problems.some((p) => p.code === 'csv-unreadable')).toBe(false);
    expect(host.logs.some((l) => l.includes('worker started'))).toBe(false);
    expect(s.state).toBe('idle');
  });

  it('trains a model with inline data as usual', async () => {
    const host = untrustedHost();
    const s = session(xorModel({ epochs: 40 }), host);
    s.train();
    await waitFor(s, () => s.state === 'finished', 'the inline run');
    expect(s.history).toHaveLength(40);
    expect(s.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads the CSV once the folder is trusted, and the problem goes', async () => {
    const host = untrustedHost({ 'points.csv': rows });
    const s = session(csvText, host);
    s.train();
    await waitFor(s, () => s.problems.some((p) => p.code === 'csv-needs-trust'), 'the trust problem');
    host.trust();
    // What the registry does when VS Code grants trust: the session prepares its run again.
    s.applySettings();
    await waitFor(s, () => !s.problems.some((p) => p.code === 'csv-needs-trust'), 'the problem to go');
    expect(host.reads).toEqual(['points.csv']);
    s.train();
    await waitFor(s, () => s.state === 'finished', 'the CSV run');
    expect(s.data?.featureNames).toEqual(['a', 'b']);
  });
});
