// The WebAssembly SIMD kernels against the scalar ones of matmul.ts, their reference: both sum each
// output in the same order, so every result must be the same bit for bit, over shapes that hit
// every edge of both (odd columns, fewer than a block, more than one block).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activateInto, multiplyByDerivative } from '../../../src/engine/activations';
import * as scalar from '../../../src/engine/matmul';
import { createTrainer } from '../../../src/engine/trainer';
import type { ActivationName } from '../../../src/engine/types';
import { availableKernels, backwardLayer, forceKernels, forwardLayer, forwardProduct, inputGradient, weightGradient } from '../../../src/engine/wasm/kernels';
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

  for (const activation of ['linear', 'relu', 'tanh'] as ActivationName[]) {
    it(`run a ${activation} layer forward in one call, as the product and the activation table's kernel`, () => {
      forceKernels('wasm-simd');
      for (const [rows, inner, cols] of [[10, 2, 8], [10, 8, 1], [7, 5, 9], [32, 64, 256]]) {
        const next = mulberry32(rows + inner + cols);
        const x = filled(rows * inner, next), w = filled(inner * cols, next), b = filled(cols, next);
        // NaN, infinities and signed zeros reach the activation too.
        x[0] = Number.NaN;
        if (rows > 2) x[inner] = -Infinity;
        b[0] = -0;
        const pre = new Float64Array(rows * cols), act = new Float64Array(rows * cols);
        const preRef = new Float64Array(rows * cols), actRef = new Float64Array(rows * cols);
        forwardLayer(activation, x, w, b, pre, act, rows, inner, cols);
        scalar.forwardProduct(x, w, b, preRef, rows, inner, cols);
        activateInto(activation, preRef, actRef, rows * cols);
        same(pre, preRef);
        if (activation !== 'tanh') same(act, actRef);
        else {
          // kernels.wat's tanh: within 2 ulp of Math.tanh (wasm-tanh.test.ts), NaN kept.
          for (let i = 0; i < act.length; i++) {
            if (Number.isNaN(actRef[i])) expect(act[i]).toBeNaN();
            else expect(Math.abs(act[i] - actRef[i])).toBeLessThanOrEqual(2 * 2 ** (Math.floor(Math.log2(Math.abs(actRef[i]) || 2 ** -1022)) - 52));
          }
        }
      }
    });
  }

  for (const activation of ['linear', 'tanh', 'relu', 'sigmoid', 'elu'] as ActivationName[]) {
    for (const dropout of [false, true]) {
      it(`run a layer backward in one call, through a ${activation} layer below${dropout ? ' with dropout' : ''}, bit for bit`, () => {
        forceKernels('wasm-simd');
        for (const [rows, inner, cols] of [[10, 8, 8], [7, 5, 9], [64, 128, 64], [3, 17, 1]]) {
          const next = mulberry32(rows * 7 + inner * 3 + cols);
          const x = filled(rows * inner, next), d = filled(rows * cols, next), w = filled(inner * cols, next);
          const pre = filled(rows * inner, next);
          // The values φ′ is read from: the activation of pre, with a ReLU edge case at exactly 0.
          const act = new Float64Array(rows * inner);
          activateInto(activation, pre, act, rows * inner);
          pre[1] = 0;
          const mask = dropout ? Float64Array.from({ length: rows * inner }, () => (next() < 0.3 ? 0 : 1 / 0.7)) : null;
          const below = { activation, pre, act, mask, units: inner };
          const gw = new Float64Array(inner * cols), gb = new Float64Array(cols), dx = new Float64Array(rows * inner);
          backwardLayer(x, d, w, gw, gb, dx, below, rows, inner, cols);
          // The reference: the scalar products, then the mask, then the activation table's kernel.
          const gwRef = new Float64Array(inner * cols), gbRef = new Float64Array(cols), dxRef = new Float64Array(rows * inner);
          scalar.weightGradient(x, d, gwRef, gbRef, rows, inner, cols);
          scalar.inputGradient(d, w, dxRef, rows, inner, cols);
          if (mask) for (let i = 0; i < dxRef.length; i++) dxRef[i] *= mask[i];
          multiplyByDerivative(activation, pre, act, dxRef, rows * inner);
          same(gw, gwRef);
          same(gb, gbRef);
          same(dx, dxRef);
        }
      });
    }
  }

  it('size their memory for the backward call when it is the first call of all', async () => {
    vi.resetModules();
    try {
      const fresh = await import('../../../src/engine/wasm/kernels');
      fresh.forceKernels('wasm-simd');
      const [rows, inner, cols] = [32, 256, 256];
      const next = mulberry32(21);
      const x = filled(rows * inner, next), d = filled(rows * cols, next), w = filled(inner * cols, next), pre = filled(rows * inner, next);
      const act = new Float64Array(rows * inner);
      activateInto('tanh', pre, act, rows * inner);
      const mask = Float64Array.from({ length: rows * inner }, () => (next() < 0.5 ? 0 : 2));
      const gw = new Float64Array(inner * cols), gb = new Float64Array(cols), dx = new Float64Array(rows * inner);
      fresh.backwardLayer(x, d, w, gw, gb, dx, { activation: 'tanh', pre, act, mask, units: inner }, rows, inner, cols);
      const dxRef = new Float64Array(rows * inner);
      scalar.inputGradient(d, w, dxRef, rows, inner, cols);
      for (let i = 0; i < dxRef.length; i++) dxRef[i] *= mask[i];
      multiplyByDerivative('tanh', pre, act, dxRef, rows * inner);
      same(dx, dxRef);
    } finally {
      vi.resetModules();
    }
  });

  it('run the first layer backward without a delta for its inputs', () => {
    forceKernels('wasm-simd');
    const next = mulberry32(9);
    const x = filled(64 * 30, next), d = filled(64 * 20, next), w = filled(30 * 20, next);
    const gw = new Float64Array(600), gb = new Float64Array(20), gwRef = new Float64Array(600), gbRef = new Float64Array(20);
    backwardLayer(x, d, w, gw, gb, null, null, 64, 30, 20);
    scalar.weightGradient(x, d, gwRef, gbRef, 64, 30, 20);
    same(gw, gwRef);
    same(gb, gbRef);
  });

  it('train a tanh network to within 1e-12 of the scalar kernels (the tanh differs by ulps, the rest by nothing)', () => {
    const next = mulberry32(5);
    const n = 200;
    const x = filled(2 * n, next);
    const y = Float64Array.from({ length: n }, (_, i) => (x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0));
    const data = {
      kind: 'classification' as const, inputSize: 2, targetSize: 1, classes: 2, featureNames: ['x1', 'x2'], classNames: ['0', '1'],
      train: { n, x, y }, test: { n: 0, x: new Float64Array(0), y: new Float64Array(0) },
    };
    const weights = (kind: 'js' | 'wasm-simd') => {
      forceKernels(kind);
      const trainer = createTrainer({
        network: { inputSize: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'cross-entropy', init: { distribution: 'xavier' } },
        training: { optimizer: 'adam', learningRate: 0.01, batchSize: 10, epochs: 5, regularization: { type: 'l2', lambda: 1e-4 }, dropoutMode: 'inverted' },
        seed: 3,
      }, data);
      for (let e = 0; e < 3; e++) trainer.trainEpoch();
      return [0, 1, 2].flatMap((l) => Array.from(trainer.layerParameters(l).weights));
    };
    const js = weights('js');
    const wasm = weights('wasm-simd');
    let moved = false;
    for (let i = 0; i < js.length; i++) {
      expect(Math.abs(wasm[i] - js[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(js[i])));
      if (wasm[i] !== js[i]) moved = true;
    }
    // The two runs are different computations (else this test would compare a path with itself).
    expect(moved).toBe(true);
  });

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
