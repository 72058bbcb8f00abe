// The one source of randomness in training. Initial weights, shuffling and dropout masks all draw
// from a generator created here, so the same seed gives a bit-identical run on every platform
// (Math.random cannot be seeded, and the lint forbids it under src/engine).
//
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes PractRand,
// and needs only 32-bit integer operations, which V8 keeps in registers. Its four state words are
// filled by splitmix32 so that nearby seeds (1, 2, 3, …) still start far apart.

import { EngineError } from './errors';

export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Normal N(mean, std), Box–Muller (the second draw of each pair is kept for the next call). */
  normal(mean?: number, std?: number): number;
  /** Uniform whole number in [0, n). */
  int(n: number): number;
  /** Raw 32-bit unsigned output. */
  nextUint32(): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T extends { length: number; [index: number]: number }>(array: T): T;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const TWO_POW_32 = 4294967296;

/** A seeded generator. Seeds are folded to 32 bits (fractions and sign are mixed in, not dropped). */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new EngineError('invalid-config', `seed must be a finite number, got ${String(seed)}.`);
  }
  const folded = (Math.trunc(seed) ^ Math.trunc((seed - Math.trunc(seed)) * TWO_POW_32) ^ (seed < 0 ? 0x5bd1e995 : 0)) >>> 0;
  const init = splitmix32(folded);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  let spareNormal = 0;
  let hasSpare = false;

  function nextUint32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // A few rounds so the first outputs do not mirror the seeding function.
  for (let i = 0; i < 12; i++) nextUint32();

  function uniform(): number {
    return nextUint32() / TWO_POW_32;
  }

  function normal(mean = 0, std = 1): number {
    if (hasSpare) {
      hasSpare = false;
      return mean + std * spareNormal;
    }
    // 1 − u keeps the logarithm's argument in (0, 1].
    const u1 = 1 - uniform();
    const u2 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    spareNormal = radius * Math.sin(angle);
    hasSpare = true;
    return mean + std * radius * Math.cos(angle);
  }

  function int(n: number): number {
    return Math.floor(uniform() * n);
  }

  function shuffle<T extends { length: number; [index: number]: number }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = Math.floor(uniform() * (i + 1));
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  return { uniform, normal, int, nextUint32, shuffle };
}
