// The kernel microbenchmark: how far each workload is from the hardware. It measures, in this
// (the parent) process, the machine's f64x2 multiply-add peak (kernels.wat's `peak` loop, no
// memory traffic) and the best product kernel on a large square matrix, in WebAssembly SIMD and
// in scalar JavaScript; a workload's GFLOP/s counts the floating-point operations of its three
// products per sample (2 per multiply-add, the forward product and the two backward ones).

import { forceKernels, forwardProduct, simdPeakLoop } from '../src/engine/wasm/kernels';
import { createRng } from '../src/engine';

export interface KernelFigures {
  /** GFLOP/s of the peak loop; null without WebAssembly SIMD. */
  peakGflops: number | null;
  /** The n × n · n × n product in WebAssembly SIMD (null without it) and in scalar JavaScript. */
  wasmGflops: number | null;
  jsGflops: number;
  size: number;
}

const now = () => performance.now();

/** Best rate over `repeats` runs of `work`, each `flops` operations. */
function bestRate(flops: number, repeats: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = now();
    work();
    best = Math.min(best, now() - start);
  }
  return flops / (best * 1e6);
}

export function measureKernels(quick: boolean): KernelFigures {
  const size = quick ? 128 : 256;
  const repeats = quick ? 3 : 7;
  const rng = createRng(1);
  const fill = (n: number) => Float64Array.from({ length: n }, () => rng.uniform() - 0.5);
  const x = fill(size * size), w = fill(size * size), b = fill(size), z = new Float64Array(size * size);
  const flops = 2 * size * size * size;
  const product = () => forwardProduct(x, w, b, z, size, size, size);
  let wasmGflops: number | null = null;
  let peakGflops: number | null = null;
  try {
    forceKernels('wasm-simd');
    product();
    wasmGflops = bestRate(flops, repeats, product);
    const iterations = quick ? 2_000_000 : 10_000_000;
    simdPeakLoop(iterations / 10);
    peakGflops = bestRate(64 * iterations, repeats, () => void simdPeakLoop(iterations));
  } catch {
    // No WebAssembly SIMD on this host: only the scalar figure.
  }
  forceKernels('js');
  product();
  const jsGflops = bestRate(flops, repeats, product);
  forceKernels(null);
  return { peakGflops, wasmGflops, jsGflops, size };
}

/**
 * Floating-point operations of one sample's training step in the products: forward and weight
 * gradient in every layer, the input gradient in every layer but the first (nothing needs ∂/∂input).
 */
export function productFlopsPerSample(sizes: readonly number[]): number {
  let multiplyAdds = 0;
  for (let l = 1; l < sizes.length; l++) multiplyAdds += sizes[l - 1] * sizes[l] * (l === 1 ? 2 : 3);
  return 2 * multiplyAdds;
}
