// Entry of the browser training worker (bundled to dist/worker-web.js, a classic script: the web
// extension host starts it from a Blob, see worker-web.ts). The same TrainingLoop as dist/worker.js;
// only the port differs: the worker's own global postMessage/onmessage.

import type { FromWorker, ToWorker } from '../shared/protocol/worker-messages';
import { installSetImmediate } from './immediate';
import { TrainingLoop } from './training-loop';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
  close(): void;
}

installSetImmediate();
const scope = globalThis as unknown as WorkerScope;
// As on desktop, the packed epochs are copied, never transferred (see worker.ts for why).
const loop = new TrainingLoop((message) => scope.postMessage(message), { packPoints: true });
scope.onmessage = (event) => {
  loop.handle(event.data);
  if (event.data.type === 'dispose') scope.close();
};
