// How many numbers the seeded generator gives to the initial weights. The exported script embeds
// the weights themselves (Box–Muller's log/cos/sin may differ in the last bit between V8 and
// Python's libm), so it only needs to skip that many draws before the first shuffle. The count is
// measured, not predicted: the engine's own Network draws the weights from a generator, and a
// second generator of the same seed is stepped until its outputs meet the first one's next ones,
// so whatever the initialisers draw (a normal's spare, a future distribution) the count is right.

import { createRng, Network, type NetworkConfig } from '../engine/index';
import { t } from '../shared/l10n/index';

/** Outputs compared to recognise the position: a false match of 3 × 32 bits is out of reach. */
const PROBE = 3;

export function initDraws(network: NetworkConfig, seed: number): number {
  const drawn = createRng(seed);
  new Network(network).initialize(drawn);
  const probe = Array.from({ length: PROBE }, () => drawn.nextUint32());
  const stepped = createRng(seed);
  const window: number[] = [];
  // Each weight takes at most 2 draws (a Box–Muller pair), so the position lies within this bound.
  let weights = 0;
  let inputs = network.inputSize;
  for (const layer of network.layers) {
    weights += inputs * layer.units;
    inputs = layer.units;
  }
  const limit = 2 * weights + 2 + PROBE;
  for (let k = 0; k < limit; k++) {
    window.push(stepped.nextUint32());
    if (window.length > PROBE) window.shift();
    if (window.length === PROBE && window.every((v, i) => v === probe[i])) return k + 1 - PROBE;
  }
  throw new Error(t('The initial weights took more draws from the generator than the export can follow.'));
}
