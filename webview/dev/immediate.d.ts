// The training loop (src/worker/training-loop.ts) is written for Node's setImmediate; the dev
// harness runs it in a Web Worker with a MessageChannel stand-in (worker.ts). Types only.
declare function setImmediate(callback: () => void): number;
declare function clearImmediate(handle: number): void;
