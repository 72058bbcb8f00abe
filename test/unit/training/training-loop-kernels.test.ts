// The worker's loop on a host without WebAssembly SIMD (the module fails validation, as there): it
// says so in `ready` (the session turns that into the output channel's line, kernelsMessage) and
// trains anyway, on the scalar kernels. And on a host with SIMD it says that.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from '../../../src/shared/protocol/worker-messages';
import { kernelsMessage } from '../../../src/session/session';
import { xorInit } from './fixtures/xor-init';

// The project's TypeScript libraries declare no value for the WebAssembly global.
const host = globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } };

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

/** A fresh loop (fresh engine modules), trained to the end of XOR; its messages. */
async function runXor(): Promise<FromWorker[]> {
  vi.resetModules();
  const { TrainingLoop } = await import('../../../src/worker/training-loop');
  const messages: FromWorker[] = [];
  const finished = new Promise<void>((resolve) => {
    const loop = new TrainingLoop((message) => {
      messages.push(message);
      if (message.type === 'snapshot' && message.snapshot.state === 'finished') {
        loop.dispose();
        resolve();
      }
    });
    loop.handle({ type: 'init', init: xorInit(30) });
    loop.handle({ type: 'train' });
  });
  await finished;
  return messages;
}

describe('the training loop and the kernels it runs on', () => {
  it('says it runs WebAssembly SIMD where the host has it', async () => {
    const ready = (await runXor()).find((m) => m.type === 'ready');
    expect(ready).toMatchObject({ type: 'ready', kernels: 'wasm-simd' });
  });

  it('falls back to the scalar kernels where SIMD is missing, says so, and still trains', async () => {
    const validate = vi.spyOn(host.WebAssembly, 'validate').mockReturnValue(false);
    const messages = await runXor();
    expect(validate).toHaveBeenCalled();
    expect(messages.find((m) => m.type === 'ready')).toMatchObject({ type: 'ready', kernels: 'js' });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const last = messages.filter((m) => m.type === 'snapshot').at(-1);
    expect(last?.type === 'snapshot' && last.snapshot.epoch).toBe(30);
    // The line the session writes to the output channel for it.
    expect(kernelsMessage('js')).toMatch(/WebAssembly SIMD is not available here/);
  });
});
