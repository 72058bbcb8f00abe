// setImmediate where a browser Web Worker has none (TrainingLoop yields with it between slices): a
// MessageChannel task runs after the messages already queued, as Node's setImmediate does. Shared by
// the extension's browser worker and the webview dev harness's worker.

interface BrowserChannel {
  port1: { onmessage: ((event: { data: number }) => void) | null };
  port2: { postMessage(message: number): void };
}

export function installSetImmediate(): void {
  const scope = globalThis as unknown as { setImmediate?: typeof setImmediate; clearImmediate?: typeof clearImmediate };
  if (typeof scope.setImmediate === 'function') return;
  const queue = new Map<number, () => void>();
  let nextHandle = 1;
  // The browser's MessageChannel (src is type-checked with Node's types, whose ports differ).
  const channel = new (globalThis as unknown as { MessageChannel: new () => BrowserChannel }).MessageChannel();
  channel.port1.onmessage = (event) => {
    const callback = queue.get(event.data);
    queue.delete(event.data);
    callback?.();
  };
  scope.setImmediate = ((callback: () => void) => {
    const handle = nextHandle++;
    queue.set(handle, callback);
    channel.port2.postMessage(handle);
    return handle;
  }) as unknown as typeof setImmediate;
  scope.clearImmediate = ((handle: number) => void queue.delete(handle)) as unknown as typeof clearImmediate;
}
