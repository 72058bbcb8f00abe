// The dev harness's training worker: the project's real TrainingLoop (the same code the extension's
// worker_threads worker runs) inside a browser Web Worker.

import { installSetImmediate } from '../../src/worker/immediate';
import { TrainingLoop } from '../../src/worker/training-loop';
import type { ToWorker } from '../../src/shared/protocol/worker-messages';

installSetImmediate();
const loop = new TrainingLoop((message) => postMessage(message));
onmessage = (e: MessageEvent<ToWorker>) => loop.handle(e.data);
