// A CSV read that never completes (a pipe, a stalled network drive) must not hold the session: the
// read times out with a located problem, and once the model is fixed, training starts. Before,
// the session waited on the read for good, whatever the model said next.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSV_READ_TIMEOUT_MS, parseModel } from '../../../src/model/index';
import { prepareRun } from '../../../src/session/run-inputs';
import { createTrainingSession } from '../../../src/session/session';
import { buildWorker, createHost, DEFAULT_SETTINGS, waitFor, xorModel } from './session-harness';

const CSV_MODEL = '{\n  "data": { "csv": "pipe.csv", "target": "y" },\n  "layers": [{ "units": 2 }, { "units": 1, "activation": "linear" }]\n}\n';
const never = () => new Promise<string>(() => {});

let worker: { path: string; cleanup(): void };
beforeAll(async () => {
  worker = await buildWorker();
});
afterAll(() => worker.cleanup());

describe('a CSV read that never completes', () => {
  it(`times out after ${CSV_READ_TIMEOUT_MS / 1000} s with a problem on the csv path`, async () => {
    vi.useFakeTimers();
    try {
      const parse = parseModel(CSV_MODEL);
      const host = { ...createHost(worker.path), readRelative: never };
      const prepared = prepareRun(parse.spec!, parse, { host, settings: DEFAULT_SETTINGS, cache: {}, fresh: true });
      await vi.advanceTimersByTimeAsync(CSV_READ_TIMEOUT_MS);
      const result = await prepared;
      expect(result.ok).toBe(false);
      const problem = !result.ok ? result.problems[0] : undefined;
      expect(problem?.code).toBe('csv-unreadable');
      expect(problem?.message).toMatch(/"pipe\.csv" \(reading it took longer than \d+ s\)/);
      expect(problem?.range.start.line).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves the session free: after the model is fixed, it trains', async () => {
    const host = { ...createHost(worker.path), readRelative: never };
    const s = createTrainingSession('file:///models/test.nn.json', CSV_MODEL, host);
    try {
      s.train();
      await waitFor(s, () => s.problems.some((p) => p.code === 'csv-unreadable'), 'the read to time out', CSV_READ_TIMEOUT_MS + 10_000);
      s.updateText(xorModel({ epochs: 50 }));
      s.train();
      await waitFor(s, () => s.state === 'finished', 'the fixed model to train', 30_000);
      expect(s.history.length).toBe(50);
    } finally {
      s.dispose();
      await s.whenStopped();
    }
  }, 60_000);
});
