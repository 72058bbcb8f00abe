// Switching a hidden unit off through the worker's message path (`toggle-unit`): the loop answers
// at once, also when the run is finished, with a snapshot whose boundary and figures are those of
// the network with the unit held at 0. The figures are checked against an independent trainer: the
// same run rebuilt from the same init, its weights exported and the unit's outgoing weights set to
// 0 by hand. Switching it back on brings back the very boundary of before.

import { describe, expect, it } from 'vitest';
import { buildData, buildTrainer } from '../../../src/run/run-core';
import { toggledUnits } from '../../../src/run/units-off';
import type { Snapshot } from '../../../src/shared/protocol/snapshot';
import type { FromWorker, SessionInit } from '../../../src/shared/protocol/worker-messages';
import { TrainingLoop } from '../../../src/worker/training-loop';
import { xorInit } from './fixtures/xor-init';

const EPOCHS = 40;
/** XOR with a test split (the four points again) and the diagrams the panel draws. */
const init: SessionInit = { ...xorInit(EPOCHS), diagramParameterLimit: 1000, boundaryResolution: 12, data: { kind: 'inline', inputs: [[0, 0], [0, 1], [1, 0], [1, 1], [0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0], [0], [1], [1], [0]] }, dataOptions: { testFraction: 0.5 } };

/** A loop and a way to wait for its next snapshot that satisfies `until`. */
function harness() {
  const messages: FromWorker[] = [];
  let waiting: { until: (s: Snapshot) => boolean; resolve: (s: Snapshot) => void } | undefined;
  const loop = new TrainingLoop((message) => {
    messages.push(message);
    if (message.type === 'snapshot' && waiting?.until(message.snapshot)) {
      const w = waiting;
      waiting = undefined;
      w.resolve(message.snapshot);
    }
  });
  const next = (until: (s: Snapshot) => boolean) => new Promise<Snapshot>((resolve) => (waiting = { until, resolve }));
  return { loop, messages, next };
}

/** The same run trained on its own, its figures with unit `unit` of layer 0 silenced by zeroed outgoing weights. */
function independent(unit: number) {
  const trainer = buildTrainer(init, buildData(init));
  for (let e = 0; e < EPOCHS; e++) trainer.trainEpoch();
  const on = { train: trainer.evaluate('train'), test: trainer.evaluate('test') };
  const file = trainer.exportWeights();
  const next = file.layers[1];
  const units = next.biases.length;
  for (let j = 0; j < units; j++) next.weights[unit * units + j] = 0;
  trainer.importWeights(file);
  return { on, off: { train: trainer.evaluate('train'), test: trainer.evaluate('test') } };
}

describe('toggle-unit on the worker loop', () => {
  it('re-evaluates a finished run at once with the unit off, and restores it when switched back on', async () => {
    const { loop, messages, next } = harness();
    const finished = next((s) => s.state === 'finished');
    loop.handle({ type: 'init', init });
    loop.handle({ type: 'train' });
    const end = await finished;
    expect(end.unitsOff).toBeUndefined();
    const boundaryOn = end.boundary?.values;
    expect(boundaryOn?.length).toBe(144);

    const offSnapshot = next((s) => s.unitsOff !== undefined);
    loop.handle({ type: 'toggle-unit', layer: 0, unit: 1 });
    const off = await offSnapshot;
    expect(off.state).toBe('finished');
    expect(off.epoch).toBe(EPOCHS);
    expect(off.unitsOff?.units).toEqual([{ layer: 0, unit: 1 }]);
    const expected = independent(1);
    expect(off.unitsOff?.allOn.trainCost).toBeCloseTo(expected.on.train.cost, 12);
    expect(off.unitsOff?.now.trainCost).toBeCloseTo(expected.off.train.cost, 12);
    expect(off.unitsOff?.now.testCost).toBeCloseTo(expected.off.test.cost, 12);
    expect(off.unitsOff?.now.testAccuracy).toBe(expected.off.test.accuracy);
    expect(off.unitsOff?.now.trainCost).not.toBeCloseTo(expected.on.train.cost, 6);
    // The boundary came with it, and it is another one.
    expect(off.boundary?.values).not.toEqual(boundaryOn);

    const onSnapshot = next((s) => s.unitsOff === undefined && s.boundary !== undefined);
    loop.handle({ type: 'toggle-unit', layer: 0, unit: 1 });
    const back = await onSnapshot;
    expect(back.boundary?.values).toEqual(boundaryOn);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    loop.dispose();
  });

  it('keeps the unit off while training and a reset switches every unit back on', async () => {
    const { loop, next } = harness();
    loop.handle({ type: 'init', init });
    const offSnapshot = next((s) => s.unitsOff !== undefined);
    loop.handle({ type: 'toggle-unit', layer: 0, unit: 2 });
    await offSnapshot;
    const finished = next((s) => s.state === 'finished');
    loop.handle({ type: 'train' });
    const end = await finished;
    expect(end.unitsOff?.units).toEqual([{ layer: 0, unit: 2 }]);
    // Trained without the unit from the start: its outgoing weight never moved from its initial draw.
    const initial = buildTrainer(init, buildData(init)).layerParameters(1).weights[2];
    expect(end.parameters?.layers[1].weights[2]).toBe(initial);
    const reset = next((s) => s.epoch === 0);
    loop.handle({ type: 'reset' });
    expect((await reset).unitsOff).toBeUndefined();
    loop.dispose();
  });

  it('ignores a toggle before there is a run, and reports an output unit as an error', async () => {
    const { loop, messages, next } = harness();
    loop.handle({ type: 'toggle-unit', layer: 0, unit: 0 });
    expect(messages).toEqual([]);
    const started = next(() => true);
    loop.handle({ type: 'init', init });
    await started;
    loop.handle({ type: 'toggle-unit', layer: 1, unit: 0 });
    expect(messages.filter((m) => m.type === 'error').map((m) => m.type === 'error' && m.message)).toEqual([expect.stringMatching(/not a hidden layer/)]);
    loop.dispose();
  });
});

describe('toggledUnits', () => {
  it('adds a unit that is on, removes one that is off, and keeps the list sorted', () => {
    const a = toggledUnits([], { layer: 1, unit: 3 });
    const b = toggledUnits(a, { layer: 0, unit: 5 });
    expect(b).toEqual([{ layer: 0, unit: 5 }, { layer: 1, unit: 3 }]);
    expect(toggledUnits(b, { layer: 1, unit: 3 })).toEqual([{ layer: 0, unit: 5 }]);
  });
});
