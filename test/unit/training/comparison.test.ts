// Runs side by side (issue 17, item 1) with real sessions, each with its own worker thread: the
// comparison's curves are each run's own history (never another's), its gradient flow is the
// run's latest health sample, Train all trains each run in its own worker, and a pinned run is
// kept alive and let go as the registry expects.
import { describe, expect, it } from 'vitest';
import { Comparison } from '../../../src/editor/panel/comparison';
import { createTrainingSession, type WorkerBackedSession } from '../../../src/session/session';
import type { Disposable, SessionRegistry, TrainingSession } from '../../../src/session/session-api';
import type { ComparedRun } from '../../../src/shared/protocol/webview-messages';
import { COMPARED_POINTS, comparisonSummary, MAX_COMPARED_RUNS } from '../../../src/shared/view-models/compare-view';
import { createHost, useWorkerSessions, waitFor, xorModel } from './session-harness';

const worker = useWorkerSessions();

/** A registry over the given sessions that counts retentions, as the editor's keeps sessions alive. */
function registry(sessions: TrainingSession[]) {
  const retained = new Map<string, number>();
  let setListener: (() => void) | undefined;
  const list = [...sessions];
  const r: SessionRegistry & { retained: Map<string, number>; drop(key: string): void } = {
    retained,
    get: (key) => list.find((s) => s.key === key),
    active: list[0],
    onDidChangeActive: () => ({ dispose() {} }),
    all: () => list,
    onDidChangeSessions: (listener) => {
      setListener = listener;
      return { dispose: () => (setListener = undefined) };
    },
    retain(key): Disposable {
      retained.set(key, (retained.get(key) ?? 0) + 1);
      return { dispose: () => retained.set(key, (retained.get(key) ?? 0) - 1) };
    },
    drop(key) {
      list.splice(list.findIndex((s) => s.key === key), 1);
      setListener?.();
    },
  };
  return r;
}

function session(name: string, activation: string, epochs = 60): WorkerBackedSession {
  const created = createTrainingSession(`file:///models/${name}.nn.json`, xorModel({ activation, epochs }), createHost(worker.path));
  worker.open.push(created);
  return created;
}

const label = (key: string) => key.slice(key.lastIndexOf('/') + 1);

describe('the comparison of runs', () => {
  it('pins runs in order, each once, up to the limit, keeping each alive while pinned', () => {
    const runs = Array.from({ length: MAX_COMPARED_RUNS + 1 }, (_, i) => session(`m${i}`, 'tanh'));
    const reg = registry(runs);
    const sent: ComparedRun[][] = [];
    const comparison = new Comparison(reg, (r) => sent.push(r), label);
    expect(comparison.pin(runs[0]!)).toBe('pinned');
    expect(comparison.pin(runs[0]!)).toBe('already');
    for (const s of runs.slice(1, MAX_COMPARED_RUNS)) expect(comparison.pin(s)).toBe('pinned');
    expect(comparison.pin(runs[MAX_COMPARED_RUNS]!)).toBe('full');
    expect(comparison.runs().map((r) => r.label)).toEqual(runs.slice(0, MAX_COMPARED_RUNS).map((s) => label(s.key)));
    // Each pin is sent at once (the person just asked for it).
    expect(sent.at(-1)?.length).toBe(MAX_COMPARED_RUNS);
    expect(reg.retained.get(runs[0]!.key)).toBe(1);
    comparison.remove(runs[0]!.key);
    expect(reg.retained.get(runs[0]!.key)).toBe(0);
    expect(comparison.has(runs[0]!.key)).toBe(false);
    // A session the registry ends anyway leaves the comparison.
    reg.drop(runs[1]!.key);
    expect(comparison.has(runs[1]!.key)).toBe(false);
    comparison.dispose();
    expect([...reg.retained.values()].every((n) => n === 0)).toBe(true);
  });

  it('trains every pinned run in its own worker and shows each run its own curves and gradient flow', async () => {
    const sigmoid = session('deep-sigmoid', 'sigmoid');
    const relu = session('deep-relu', 'relu');
    const comparison = new Comparison(registry([sigmoid, relu]), () => undefined, label);
    comparison.pin(sigmoid);
    comparison.pin(relu);
    comparison.trainAll();
    await Promise.all([sigmoid, relu].map((s) => waitFor(s, () => s.state === 'finished', `${s.key} to finish`)));
    const [a, b] = comparison.runs();
    for (const [run, s] of [[a!, sigmoid], [b!, relu]] as const) {
      expect(run.key).toBe(s.key);
      expect(run.state).toBe('finished');
      expect(run.epoch).toBe(60);
      // The run's own history, epoch for epoch (short runs are not thinned).
      expect(run.history).toEqual(s.history);
      // Its gradient flow is its latest health sample, layer by layer.
      const last = s.health.at(-1)!;
      expect(run.gradientEpoch).toBe(last.epoch);
      expect(run.gradients).toEqual(last.layers.map((l) => l.gradMeanAbs));
      expect(run.gradients).toHaveLength(2);
    }
    // Two different networks: the curves differ, so a mix-up would show.
    expect(a!.history.at(-1)!.trainCost).not.toBe(b!.history.at(-1)!.trainCost);
    const summary = comparisonSummary([a!, b!]);
    expect(summary).toContain('deep-sigmoid.nn.json: finished, epoch 60/60');
    expect(summary).toContain('deep-relu.nn.json: finished, epoch 60/60');
    comparison.dispose();
  }, 60_000);

  it('thins a long run to what a chart draws, keeping its last epoch', async () => {
    const long = session('long', 'tanh', COMPARED_POINTS * 3);
    const comparison = new Comparison(registry([long]), () => undefined, label);
    comparison.pin(long);
    comparison.trainAll();
    await waitFor(long, () => long.state === 'finished', 'the long run to finish', 60_000);
    const [run] = comparison.runs();
    expect(run!.history.length).toBeLessThanOrEqual(COMPARED_POINTS);
    expect(run!.history.at(-1)).toEqual(long.history.at(-1));
    expect(run!.history[0]).toEqual(long.history[0]);
    comparison.dispose();
  }, 90_000);

  it('pauses only the runs that train', async () => {
    const a = session('a', 'tanh', 1_000_000);
    const b = session('b', 'tanh', 1_000_000);
    const comparison = new Comparison(registry([a, b]), () => undefined, label);
    comparison.pin(a);
    comparison.pin(b);
    a.train();
    await waitFor(a, () => a.state === 'training', 'a to train');
    comparison.pauseAll();
    await waitFor(a, () => a.state === 'paused', 'a to pause');
    expect(b.state).not.toBe('training');
    comparison.dispose();
  }, 60_000);
});
