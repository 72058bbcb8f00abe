// Each child process loads only its own implementation, so no library is even initialised in a
// process where another one is being timed.

import type { ImplName, Peer } from '../session';

export async function loadPeer(impl: ImplName): Promise<Peer> {
  switch (impl) {
    case 'nn-playground':
      return (await import('./nn-playground')).nnPlayground;
    case 'nn-playground-js':
      return (await import('./nn-playground')).nnPlaygroundScalar;
    case 'tfjs-cpu':
      return (await import('./tfjs')).tfjsCpu;
    case 'tfjs-wasm':
      return (await import('./tfjs')).tfjsWasm;
    case 'brain.js':
      return (await import('./brain')).brainJs;
  }
}
