// The extension-side health timelines: recorded per session from its snapshots, emptied by a
// reset, and dropped as soon as the registry says a session is gone. Driven with a fake registry
// and fake sessions (the class needs nothing of vscode).
import { describe, expect, it } from 'vitest';
import { HealthTimelines } from '../../../src/editor/panel/health-timelines';
import type { HealthSample, Snapshot } from '../../../src/shared/protocol/snapshot';
import type { SessionChange, SessionRegistry, TrainingSession } from '../../../src/session/session-api';

type Listener<T> = (value: T) => void;

function fakeSession(key: string) {
  const listeners = new Set<Listener<SessionChange>>();
  let latest: Snapshot | null = null;
  const session = {
    key,
    get latest() {
      return latest;
    },
    onDidChange(listener: Listener<SessionChange>) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  } as unknown as TrainingSession;
  const emit = (change: SessionChange) => [...listeners].forEach((l) => l(change));
  return {
    session,
    listeners,
    snapshot(epochs: number[]) {
      const samples: HealthSample[] = epochs.map((epoch) => ({ epoch, layers: [{ weightPercentiles: [epoch], gradMeanAbs: 1 }] }));
      latest = { state: 'training', epoch: epochs.at(-1) ?? 0, epochs: 100, samplesPerSecond: 0, points: [], health: null, healthSamples: samples };
      emit({ kind: 'snapshot' });
    },
    reset: () => emit({ kind: 'model', reset: true }),
  };
}

function fakeRegistry(sessions: TrainingSession[]) {
  const changed = new Set<() => void>();
  const registry: SessionRegistry = {
    get: (uri) => sessions.find((s) => s.key === uri),
    active: undefined,
    onDidChangeActive: () => ({ dispose: () => undefined }),
    all: () => sessions,
    onDidChangeSessions: (listener) => {
      changed.add(listener);
      return { dispose: () => changed.delete(listener) };
    },
  };
  return { registry, remove: (s: TrainingSession) => (sessions.splice(sessions.indexOf(s), 1), [...changed].forEach((l) => l())), changed };
}

describe('HealthTimelines', () => {
  it('records each session from its snapshots and empties a timeline on reset', () => {
    const a = fakeSession('file:///a.nn.json');
    const { registry } = fakeRegistry([a.session]);
    const timelines = new HealthTimelines(registry);
    a.snapshot([1, 2]);
    a.snapshot([3]);
    expect(timelines.timeline(a.session).map((s) => s.epoch)).toEqual([1, 2, 3]);
    expect(timelines.since(a.session, 2).map((s) => s.epoch)).toEqual([3]);
    a.reset();
    expect(timelines.timeline(a.session)).toEqual([]);
    timelines.dispose();
  });

  it('lets go of a session (its timeline and its subscription) when the registry disposes of it', () => {
    const a = fakeSession('file:///a.nn.json');
    const b = fakeSession('file:///b.nn.json');
    const { registry, remove, changed } = fakeRegistry([a.session, b.session]);
    const timelines = new HealthTimelines(registry);
    expect(timelines.tracked).toBe(2);
    remove(a.session);
    expect(timelines.tracked).toBe(1);
    expect(a.listeners.size).toBe(0);
    expect(b.listeners.size).toBe(1);
    timelines.dispose();
    expect(b.listeners.size).toBe(0);
    expect(changed.size).toBe(0);
  });
});
