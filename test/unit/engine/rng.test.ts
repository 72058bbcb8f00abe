// The seeded generator: reproducible, well spread, and its helpers do what they say.

import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { EngineError } from '../../../src/engine/errors';

describe('createRng', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => rng.nextUint32());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(0)).not.toEqual(draw(-0.5));
    expect(() => createRng(Number.NaN)).toThrow(EngineError);
  });

  it('draws uniforms in [0, 1) with the right mean and no visible serial correlation', () => {
    const rng = createRng(1);
    const n = 100000;
    const u = Array.from({ length: n }, () => rng.uniform());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const mean = u.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    let lag = 0;
    for (let i = 1; i < n; i++) lag += (u[i] - 0.5) * (u[i - 1] - 0.5);
    expect(Math.abs(lag / n / (1 / 12))).toBeLessThan(0.02);
    // Ten equal bins, each within 5% of n/10.
    const bins = new Array(10).fill(0);
    for (const v of u) bins[Math.floor(v * 10)]++;
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(n / 200);
  });

  it('draws normals with the requested mean and std', () => {
    const rng = createRng(2);
    const n = 100000;
    const x = Array.from({ length: n }, () => rng.normal(3, 2));
    const mean = x.reduce((a, b) => a + b, 0) / n;
    const std = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(Math.abs(mean - 3)).toBeLessThan(0.03);
    expect(Math.abs(std - 2)).toBeLessThan(0.03);
  });

  it('int stays in range and shuffle is a uniform permutation', () => {
    const rng = createRng(3);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    const counts = new Map<string, number>();
    for (let t = 0; t < 6000; t++) {
      const p = rng.shuffle(Uint32Array.of(0, 1, 2));
      counts.set(p.join(''), (counts.get(p.join('')) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['012', '021', '102', '120', '201', '210']);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });
});
