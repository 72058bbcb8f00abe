import { describe, expect, it } from 'vitest';
import { appendSample } from '../../../src/shared/view-models/health-timeline';
import { applyMessage, emptyState } from '../../../src/shared/view-models/panel-state';
import { stateText } from '../../../src/shared/view-models/status-view';
import type { HistoryPoint, Snapshot } from '../../../src/shared/protocol/snapshot';
import type { HealthSample } from '../../../src/shared/protocol/webview-messages';

const point = (epoch: number): HistoryPoint => ({ epoch, trainCost: 1 / epoch, trainObjective: 1 / epoch, trainRegularization: 0, testCost: null });
const snapshot = (epochs: number[], state: Snapshot['state'] = 'training'): Snapshot => ({
  state,
  epoch: epochs.at(-1) ?? 0,
  epochs: 100,
  samplesPerSecond: 1000,
  points: epochs.map(point),
  health: {
    nonFinite: null,
    layers: [
      {
        layer: 0,
        activation: 'tanh',
        units: 2,
        weights: { count: 4, mean: 0, std: 1, percentiles: [1, 2, 3, 4, 5, 6, 7, 8, 9], histogram: { min: 0, max: 1, counts: [4] } },
        biases: { count: 2, mean: 0, std: 0, percentiles: [], histogram: { min: 0, max: 0, counts: [2] } },
        preActivations: { count: 2, mean: 0, std: 0, percentiles: [], histogram: { min: 0, max: 0, counts: [2] } },
        activations: { count: 2, mean: 0, std: 0, percentiles: [], histogram: { min: 0, max: 0, counts: [2] } },
        gradMeanAbs: 0.5,
        gradNorm: 1,
        weightNorm: 1,
        updateRatio: 0.001,
        saturatedFraction: 0,
        deadFraction: null,
      },
    ],
  },
});

describe('applyMessage', () => {
  it('starts from a full message and grows the history by each snapshot’s points', () => {
    const s = emptyState();
    applyMessage(s, { type: 'full', model: null, history: [point(1)], snapshot: null, data: null, problems: [], sessionKey: 'file:///a.nn.json', state: 'paused' });
    expect(s.state).toBe('paused');
    const changes = applyMessage(s, { type: 'snapshot', snapshot: snapshot([2, 3]) });
    // A report without a number counts as new; its epoch-end sample extends the timeline.
    expect([...changes].sort()).toEqual(['health', 'history', 'snapshot', 'state', 'timeline']);
    expect(s.history.map((p) => p.epoch)).toEqual([1, 2, 3]);
    expect(s.timeline.map((t) => t.epoch)).toEqual([3]);
    applyMessage(s, { type: 'snapshot', snapshot: snapshot([4]) });
    expect(s.history.map((p) => p.epoch)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the compared runs when the panel switches to another model (a full message)', () => {
    const s = emptyState();
    const run = { key: 'file:///deep-relu.nn.json', label: 'deep-relu.nn.json', state: 'paused' as const, epoch: 2, epochs: 40, history: [point(1), point(2)], gradients: [0.1, 0.2], gradientEpoch: 2 };
    expect([...applyMessage(s, { type: 'comparison', runs: [run] })]).toEqual(['comparison']);
    applyMessage(s, { type: 'full', model: null, history: [], snapshot: null, data: null, problems: [], sessionKey: 'file:///b.nn.json' });
    expect(s.comparison).toEqual([run]);
    applyMessage(s, { type: 'comparison', runs: [] });
    expect(s.comparison).toEqual([]);
  });

  it('treats points that restart the epochs as a reset', () => {
    const s = emptyState();
    applyMessage(s, { type: 'full', model: null, history: [point(1), point(2), point(3)], snapshot: null, data: null, problems: [] });
    applyMessage(s, { type: 'snapshot', snapshot: snapshot([1]) });
    expect(s.history.map((p) => p.epoch)).toEqual([1]);
  });

  it('keeps the last diagrams until the worker sends new ones, but not across a reset', () => {
    const s = emptyState();
    const grid = { size: 1, xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: [1] };
    applyMessage(s, { type: 'snapshot', snapshot: { ...snapshot([1]), boundary: grid } });
    applyMessage(s, { type: 'snapshot', snapshot: snapshot([2]) });
    expect(s.snapshot?.epoch).toBe(2);
    expect(s.snapshot?.boundary).toBe(grid);
    applyMessage(s, { type: 'snapshot', snapshot: snapshot([1]) });
    expect(s.snapshot?.boundary).toBeUndefined();
  });


  it('marks health and diagrams changed only when the worker sent new ones', () => {
    const s = emptyState();
    const grid = { size: 1, xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: [1] };
    const mid = (patch: Partial<Snapshot>): Snapshot => ({ ...snapshot([]), epoch: 1, healthSamples: [], ...patch });
    const changed = (patch: Partial<Snapshot>) => [...applyMessage(s, { type: 'snapshot', snapshot: mid(patch) })].filter((c) => c === 'health' || c === 'diagram');
    expect(changed({ healthId: 1, boundary: grid, diagramId: 2 })).toEqual(['health', 'diagram']);
    // The same report repeated, diagrams left out (they still hold): nothing for those views to redraw.
    expect(changed({ healthId: 1 })).toEqual([]);
    expect(s.snapshot?.boundary).toBe(grid);
    expect(changed({ healthId: 3 })).toEqual(['health']);
    expect(changed({ healthId: 3, boundary: grid, diagramId: 4 })).toEqual(['diagram']);
    // Without numbers (an older sender, or the e2e replay) every report counts as new.
    expect(changed({ boundary: grid })).toEqual(['health', 'diagram']);
    // A report that goes away is a change too; two without one are not.
    expect(changed({ health: null, boundary: grid, diagramId: 5 })).toEqual(['health', 'diagram']);
    expect(changed({ health: null })).toEqual([]);
  });
  it('keeps the last model that parsed while the text has errors', () => {
    const s = emptyState();
    const model = { name: 'm' } as never;
    applyMessage(s, { type: 'model', model });
    applyMessage(s, { type: 'model', model: null });
    expect(s.model).toBeNull();
    expect(s.lastModel).toBe(model);
  });
});

describe('appendSample', () => {
  const sample = (epoch: number): HealthSample => ({ epoch, layers: [] });

  it('replaces a sample of the same epoch and cuts back after a reset', () => {
    const t: HealthSample[] = [];
    [1, 2, 2, 3].forEach((e) => appendSample(t, sample(e)));
    expect(t.map((s) => s.epoch)).toEqual([1, 2, 3]);
    appendSample(t, sample(2));
    expect(t.map((s) => s.epoch)).toEqual([1, 2]);
  });

  it('stays bounded and spans the whole run', () => {
    const t: HealthSample[] = [];
    for (let e = 1; e <= 10_000; e++) appendSample(t, sample(e), 100);
    expect(t.length).toBeLessThanOrEqual(100);
    expect(t[0]?.epoch).toBe(1);
    expect(t.at(-1)?.epoch).toBe(10_000);
  });
});

describe('the toolbar state label and the notice', () => {
  it('says a run past its lowered limit stopped there, and keeps the session notice until it changes', () => {
    const snapshot = { state: 'finished' as const, epoch: 19844, epochs: 300, samplesPerSecond: 0, points: [], health: null };
    expect(stateText('finished', null, snapshot)).toBe('Stopped at epoch 19,844: the run is past the limit of 300 epochs.');
    expect(stateText('finished', null, { ...snapshot, epoch: 300 })).toBe('finished');
    const state = emptyState();
    expect(applyMessage(state, { type: 'notice', notice: 'Reset: the units of layers[0] changed (8 → 4).' })).toEqual(new Set(['notice']));
    expect(state.notice).toBe('Reset: the units of layers[0] changed (8 → 4).');
    applyMessage(state, { type: 'full', model: null, history: [], snapshot: null, data: null, problems: [], notice: 'Paused: the model has errors. Training resumes when they are fixed.' });
    expect(state.notice).toMatch(/^Paused/);
    applyMessage(state, { type: 'notice', notice: null });
    expect(state.notice).toBeNull();
  });
});
