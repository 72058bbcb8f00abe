// The child side: one implementation on one workload, driven by the parent over IPC. Its stdout and
// stderr are piped to the parent's stderr, so nothing it (or its library) prints reaches the table.

import { timeEpochs, warmUp } from './measure';
import { loadPeer } from './peers';
import type { FromChild, ToChild } from './protocol';
import type { BenchSession } from './session';
import { makeWorkloads } from './workloads';

function reply(message: FromChild): void {
  process.send?.(message);
}

export function serve(): void {
  let session: BenchSession | null = null;
  let epochsPerRun = 1;
  // Messages are handled one at a time: the parent waits for each reply before it sends again.
  process.on('message', (message: ToChild) => {
    void (async () => {
      try {
        if (message.type === 'open') {
          const peer = await loadPeer(message.impl);
          const [workload] = makeWorkloads([message.workload], message.tiny);
          session = await peer.open(workload);
          epochsPerRun = await warmUp(session, message.reps);
          const note = peer.note(workload);
          const setup = peer.setup ? await peer.setup() : undefined;
          reply({ type: 'ready', epochsPerRun, ...(note ? { note } : {}), ...(setup ? { setup } : {}) });
        } else if (message.type === 'run') {
          if (session === null) throw new Error('run before open');
          reply({ type: 'time', time: await timeEpochs(session, epochsPerRun) });
        } else {
          session?.dispose();
          process.disconnect?.();
        }
      } catch (error) {
        reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
}
