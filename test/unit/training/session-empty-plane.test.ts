// A plane with no points yet (lesson 25 starts so) in a real session with a real worker thread:
// no run is made for it and nothing is shown as trained; the first point placed makes a run whose
// boundary covers the file's plane; taking the last point away drops that run and its worker, so
// no view keeps the points or the boundary of data the file no longer holds.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addPointEdit, parseModel } from '../../../src/model/index';
import { applyRowEdits } from '../../../src/model/text/data-rows';
import { createTrainingSession, type WorkerBackedSession } from '../../../src/session/session';
import { noPointsYetMessage } from '../../../src/shared/view-models/hand-points';
import { buildWorker, createHost, waitFor, type TestHost } from './session-harness';

const LESSON = readFileSync(join(__dirname, '../../../examples/hand-data.nn.json'), 'utf8');

let worker: { path: string; cleanup(): void };
const open: WorkerBackedSession[] = [];

beforeAll(async () => {
  worker = await buildWorker();
});
afterAll(() => worker.cleanup());
afterEach(async () => {
  for (const session of open.splice(0)) {
    session.dispose();
    await session.whenStopped();
  }
});

function session(text: string, host: TestHost): WorkerBackedSession {
  const created = createTrainingSession('file:///models/hand-data.nn.json', text, host);
  open.push(created);
  return created;
}

/** The text after one click of class `k` at (x1, x2), as the panel writes it. */
function withPoint(text: string, x1: number, x2: number, k: number): string {
  const spec = parseModel(text).spec;
  const edit = addPointEdit(text, spec?.data, [x1, x2], k, spec?.layers.at(-1));
  if (!edit.ok) throw new Error(`no point written: ${edit.reason}`);
  return applyRowEdits(text, edit.edits);
}

const started = (host: TestHost) => host.logs.filter((line) => line.includes('training worker started')).length;

describe('a session of a plane with no points yet', () => {
  it('makes no run, says why in one info, and Train leaves it so', async () => {
    const host = createHost(worker.path);
    const s = session(LESSON, host);
    await waitFor(s, () => s.problems.some((p) => p.code === 'no-points-yet'), 'the no-points info');
    expect(s.problems.map((p) => [p.code, p.severity])).toEqual([['no-points-yet', 'info']]);
    s.prepare();
    s.train();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(started(host)).toBe(0);
    expect(s.data).toBeNull();
    expect(s.latest).toBeNull();
    expect(s.history).toHaveLength(0);
    expect(s.state).toBe('idle');
    // Train (the panel's button reaches the session directly) says why, where the panel shows notices.
    expect(s.notice).toBe(noPointsYetMessage());
  });

  it('runs from the first point, over the fixed plane, and drops the run when the last point goes', async () => {
    const host = createHost(worker.path);
    const s = session(LESSON, host);
    await waitFor(s, () => s.problems.some((p) => p.code === 'no-points-yet'), 'the no-points info');
    const one = withPoint(LESSON, 0.5, -0.25, 0);
    s.train();
    await waitFor(s, () => s.notice === noPointsYetMessage(), 'Train to say there are no points');
    s.updateText(one);
    await waitFor(s, () => !s.problems.some((p) => p.code === 'no-points-yet'), 'the info to go');
    await waitFor(s, () => s.notice === undefined, 'the notice to go with the first point');
    s.prepare();
    await waitFor(s, () => s.data !== null && s.latest?.boundary !== undefined, 'the run of one point');
    expect(s.data?.train.x).toEqual([0.5]);
    expect(s.data?.train.y).toEqual([-0.25]);
    // The plane of the file, not the point's box plus a margin.
    expect(s.latest?.boundary).toMatchObject({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
    s.train();
    await waitFor(s, () => s.state === 'finished', 'the run to finish', 60_000);
    expect(s.history.length).toBe(300);

    // Undo of the click: the file is the empty plane again.
    s.updateText(LESSON);
    await waitFor(s, () => s.data === null && s.latest === null, 'the run to be dropped');
    expect(s.history).toHaveLength(0);
    expect(s.state).toBe('idle');
    expect(s.problems.map((p) => p.code)).toEqual(['no-points-yet']);
    // The worker's exit is logged, not announced as a change: polled.
    for (let waited = 0; waited < 10_000 && !host.logs.some((line) => line.includes('training worker exited')); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host.logs.some((line) => line.includes('training worker exited'))).toBe(true);
  });
});
