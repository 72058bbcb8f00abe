// Starting a run in the worker's loop is all or nothing: when anything after the trainer is built
// throws (measuring the first cost, the first health sample, the data view, sending `ready`), the
// failure is reported as a failed start, the loop keeps no half-built run that commands could act on,
// and the next `init` starts cleanly. Such throws are out-of-memory errors in practice; here they
// are injected where they would happen, into the real loop and the real engine.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from '../../../src/shared/protocol/worker-messages';
import { HealthSampler } from '../../../src/worker/health-samples';
import { TrainingLoop } from '../../../src/worker/training-loop';
import { xorInit } from './fixtures/xor-init';

const XOR = xorInit(5);

const loops: TrainingLoop[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const loop of loops.splice(0)) loop.dispose();
});

/** A loop whose messages are kept; `failReady` makes sending the first `ready` throw (as a failed postMessage would). */
function loopRecording(failReady = false) {
  const messages: FromWorker[] = [];
  let readyFailures = failReady ? 1 : 0;
  const loop = new TrainingLoop((message) => {
    if (message.type === 'ready' && readyFailures > 0) {
      readyFailures -= 1;
      throw new Error('could not send the data to the extension host');
    }
    messages.push(message);
  });
  loops.push(loop);
  return { loop, messages };
}

/** Resolves with the first kept message that matches, waiting for timers and slices to run. */
async function until(messages: FromWorker[], test: (message: FromWorker) => boolean, what: string): Promise<FromWorker> {
  for (let waited = 0; waited < 10_000; waited += 10) {
    const found = messages.find(test);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no message: ${what}`);
}

/** The failed start left nothing behind: commands do nothing, requests say there is no model. */
async function expectNoRun(loop: TrainingLoop, messages: FromWorker[]): Promise<void> {
  loop.handle({ type: 'train' });
  loop.handle({ type: 'step' });
  loop.handle({ type: 'gradcheck', id: 7 });
  const answer = await until(messages, (m) => m.type === 'error' && m.id === 7, 'the answer to the gradient check');
  expect(answer).toMatchObject({ type: 'error', message: expect.stringMatching(/no model yet/) });
  // Time for a slice or a snapshot timer to fire, had a run been left behind.
  await new Promise((resolve) => setTimeout(resolve, 120));
  expect(messages.filter((m) => m.type === 'snapshot' || m.type === 'ready')).toEqual([]);
}

async function expectCleanRestart(loop: TrainingLoop, messages: FromWorker[]): Promise<void> {
  messages.length = 0;
  loop.handle({ type: 'init', init: XOR, generation: 2 });
  expect(messages[0]).toMatchObject({ type: 'ready', generation: 2, parameterCount: 17 });
  loop.handle({ type: 'train' });
  const finished = await until(messages, (m) => m.type === 'snapshot' && m.snapshot.state === 'finished', 'the end of the second run');
  expect(finished).toMatchObject({ generation: 2, snapshot: { epoch: 5 } });
  expect(messages.filter((m) => m.type === 'error')).toEqual([]);
}

describe('training loop: a run starts whole or not at all', () => {
  it('a throw after the trainer is built (first health sample) is a failed start, and the next init starts cleanly', async () => {
    const { loop, messages } = loopRecording();
    vi.spyOn(HealthSampler.prototype, 'take').mockImplementationOnce(() => {
      throw new RangeError('Array buffer allocation failed');
    });
    loop.handle({ type: 'init', init: XOR, generation: 1 });
    expect(messages).toEqual([{ type: 'error', stage: 'start', generation: 1, message: 'Array buffer allocation failed' }]);
    messages.length = 0;
    await expectNoRun(loop, messages);
    await expectCleanRestart(loop, messages);
  });

  it('a throw while sending ready is a failed start, and the run it was about to announce is dropped', async () => {
    const { loop, messages } = loopRecording(true);
    loop.handle({ type: 'init', init: XOR, generation: 1 });
    expect(messages).toEqual([{ type: 'error', stage: 'start', generation: 1, message: 'could not send the data to the extension host' }]);
    messages.length = 0;
    await expectNoRun(loop, messages);
    await expectCleanRestart(loop, messages);
  });

  it('data that cannot be built is still an init failure (the data problem), not a failed start', () => {
    const { loop, messages } = loopRecording();
    loop.handle({ type: 'init', init: { ...XOR, dataOptions: { testFraction: 1.5 } }, generation: 1 });
    expect(messages).toEqual([{ type: 'error', stage: 'init', generation: 1, message: expect.stringMatching(/testFraction/) }]);
  });
});
