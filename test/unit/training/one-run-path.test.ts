// The CLI and the editor train by one path (src/run/run-core.ts): the same model, trained
// headlessly and in a worker session (the real worker loop), stops at the same epoch with the same
// problems, code, severity, message and range.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/run/headless-run';
import type { Problem } from '../../../src/model/spec';
import { createTrainingSession } from '../../../src/session/session';
import { buildWorker, createHost, waitFor } from './session-harness';

const EXAMPLES = join(process.cwd(), 'examples');

let worker: { path: string; cleanup(): void };
beforeAll(async () => {
  worker = await buildWorker();
});
afterAll(() => worker.cleanup());

const view = (problems: readonly Problem[]) => problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, range: p.range }));

async function inSession(text: string) {
  const session = createTrainingSession('file:///examples/model.nn.json', text, createHost(worker.path));
  try {
    session.train();
    await waitFor(session, () => session.state === 'finished' || session.state === 'diverged', 'the run to end', 60_000);
    return { state: session.state, epoch: session.latest?.epoch, epochs: session.history.length, problems: [...session.problems] };
  } finally {
    session.dispose();
    await session.whenStopped();
  }
}

describe('one run path for the CLI and the editor', () => {
  it('learning-rate-too-high stops at the same epoch with the same problems, and both name the layer', async () => {
    const text = readFileSync(join(EXAMPLES, 'learning-rate-too-high.nn.json'), 'utf8');
    const headless = run(text);
    const editor = await inSession(text);
    expect(editor.state).toBe('diverged');
    expect(headless.diverged).toBe(true);
    expect(headless.history.length).toBe(editor.epochs);
    expect(headless.history.at(-1)?.epoch).toBe(editor.epoch);
    expect(view(headless.problems)).toEqual(view(editor.problems));
    const divergence = headless.problems.find((p) => p.code === 'divergence');
    expect(divergence?.severity).toBe('error');
    expect(divergence?.message).toMatch(/layers\[\d+\]/);
  });
});
