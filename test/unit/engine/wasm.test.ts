// The WebAssembly SIMD kernels against the scalar ones of matmul.ts, their reference: both sum each
// output in the same order, so every result must be the same bit for bit, over shapes that hit
// every edge of both (odd columns, fewer than a block, more than one block).
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as scalar from '../../../src/engine/matmul';
import { availableKernels, forceKernels, forwardProduct, inputGradient, weightGradient } from '../../../src/engine/wasm/kernels';
import { mulberry32 } from '../helpers/mulberry32';

const shapes: [number, number, number][] = [
  [1, 1, 1], [3, 2, 1], [10, 2, 8], [10, 8, 1], [7, 5, 9], [64, 784, 128], [32, 64, 256], [5, 17, 23], [2, 3, 16],
];

function filled(n: number, next: () => number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = (next() - 0.5) * 4;
  return a;
}

function same(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) expect.fail(`element ${i}: ${actual[i]} is not ${expected[i]}`);
  }
}

afterEach(() => forceKernels(null));

// The project's TypeScript libraries declare no value for the WebAssembly global.
const host = globalThis as { WebAssembly?: unknown };

describe('WebAssembly SIMD kernels', () => {
  it('are available in the tests host (Node has 128-bit SIMD)', () => {
    expect(availableKernels()).toBe('wasm-simd');
  });

  for (const [rows, inner, cols] of shapes) {
    it(`give the scalar kernels' numbers bit for bit at ${rows}×${inner}·${inner}×${cols}`, () => {
      forceKernels('wasm-simd');
      const next = mulberry32(rows * 1000 + inner * 10 + cols);
      const x = filled(rows * inner, next), w = filled(inner * cols, next), b = filled(cols, next), d = filled(rows * cols, next);
      const z = new Float64Array(rows * cols), zs = new Float64Array(rows * cols);
      forwardProduct(x, w, b, z, rows, inner, cols);
      scalar.forwardProduct(x, w, b, zs, rows, inner, cols);
      same(z, zs);
      const gw = new Float64Array(inner * cols), gws = new Float64Array(inner * cols);
      const gb = new Float64Array(cols), gbs = new Float64Array(cols);
      weightGradient(x, d, gw, gb, rows, inner, cols);
      scalar.weightGradient(x, d, gws, gbs, rows, inner, cols);
      same(gw, gws);
      same(gb, gbs);
      const dx = new Float64Array(rows * inner), dxs = new Float64Array(rows * inner);
      inputGradient(d, w, dx, rows, inner, cols);
      scalar.inputGradient(d, w, dxs, rows, inner, cols);
      same(dx, dxs);
    });
  }

  it('propagate NaN and infinities as the scalar kernels do', () => {
    forceKernels('wasm-simd');
    const x = Float64Array.of(NaN, 1, Infinity, 2, -Infinity, 0);
    const w = Float64Array.of(1, 2, 3, 0, 1, 0);
    const b = Float64Array.of(0, -0, 1);
    const z = new Float64Array(9), zs = new Float64Array(9);
    forwardProduct(x, w, b, z, 3, 2, 3);
    scalar.forwardProduct(x, w, b, zs, 3, 2, 3);
    same(z, zs);
  });

  it('write only the outputs they are given, after a larger product grew the memory', () => {
    forceKernels('wasm-simd');
    const next = mulberry32(7);
    const big = 300;
    forwardProduct(filled(big * big, next), filled(big * big, next), filled(big, next), new Float64Array(big * big), big, big, big);
    const x = filled(6, next), w = filled(6, next), b = filled(3, next);
    const z = new Float64Array(6 + 4).fill(42), zs = new Float64Array(6 + 4).fill(42);
    forwardProduct(x, w, b, z, 2, 3, 2);
    scalar.forwardProduct(x, w, b, zs, 2, 3, 2);
    same(z, zs);
  });

  it('fall back to the scalar kernels on a host without WebAssembly, with the same numbers', async () => {
    const saved = host.WebAssembly;
    vi.resetModules();
    delete host.WebAssembly;
    try {
      const fresh = await import('../../../src/engine/wasm/kernels');
      expect(fresh.availableKernels()).toBe('js');
      expect(() => fresh.forceKernels('wasm-simd')).toThrow(/not available/);
      const next = mulberry32(11);
      const x = filled(64 * 30, next), w = filled(30 * 20, next), b = filled(20, next);
      const z = new Float64Array(64 * 20), zs = new Float64Array(64 * 20);
      fresh.forwardProduct(x, w, b, z, 64, 30, 20);
      scalar.forwardProduct(x, w, b, zs, 64, 30, 20);
      same(z, zs);
    } finally {
      host.WebAssembly = saved;
      vi.resetModules();
    }
  });

  it('fall back where the host rejects the SIMD module (WebAssembly without SIMD)', async () => {
    vi.resetModules();
    const validate = vi.spyOn(host.WebAssembly as { validate(bytes: Uint8Array): boolean }, 'validate').mockReturnValue(false);
    try {
      const fresh = await import('../../../src/engine/wasm/kernels');
      expect(fresh.availableKernels()).toBe('js');
    } finally {
      validate.mockRestore();
      vi.resetModules();
    }
  });
});
