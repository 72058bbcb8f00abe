// The kernel microbenchmark: how far each workload is from the hardware. It measures, in this
// (the parent) process, the machine's f64x2 multiply-add peak and the best product kernel on a
// large square matrix, in WebAssembly SIMD and
// in scalar JavaScript, each as the median of 5 interleaved runs after a warm-up, on the bench's
// clock (elapsed or CPU time); a workload's GFLOP/s counts the floating-point operations of its
// three products per sample (2 per multiply-add, the forward product and the two backward ones).
//
// The peak is the fastest f64x2 code measured on this core: kernels.wat's `peak` loop (12 chains of
// x = x·m + c in registers, where each multiply waits for the add before it), the product kernel on
// a 32 × 32 block that stays in the L1 cache, and the large product itself (its multiplies are off
// the adds' chains, and on this project's busy machines it read 14–18 GFLOP/s, at or above the
// register loop): so a share is of what WebAssembly SIMD was seen to do here. A workload timed at a
// quieter moment than the microbenchmark can still read above 100% on a busy machine.

import { forceKernels, forwardProduct, PEAK_FLOPS_PER_ITERATION, simdPeakLoop } from '../src/engine/wasm/kernels';
import { createRng } from '../src/engine';
import { median, type Clock } from './measure';

export interface KernelFigures {
  /** GFLOP/s of the measured peak (the fastest of the peak loop, the in-cache and the large product); null without WebAssembly SIMD. */
  peakGflops: number | null;
  /** Which of them gave the peak. */
  peakFrom?: 'register loop' | 'in-cache product' | 'large product' | null;
  /** The n × n · n × n product in WebAssembly SIMD (null without it) and in scalar JavaScript. */
  wasmGflops: number | null;
  jsGflops: number;
  size: number;
  /** min – max of the runs behind each median (new in issue 16's second part). */
  peakRange?: [number, number] | null;
  wasmRange?: [number, number] | null;
  jsRange?: [number, number];
  runs?: number;
}

/** Seconds on the chosen clock since `start` (from `stamp`). */
function stamp(clock: Clock): number {
  if (clock === 'wall') return performance.now() / 1000;
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

interface Contestant {
  flops: number;
  work: () => void;
  /** Calls of `work` per timed run, sized in the warm-up. */
  repeats: number;
  rates: number[];
}

function contestant(flops: number, work: () => void, runSeconds: number): Contestant {
  work();
  const start = performance.now();
  let calls = 0;
  do {
    work();
    calls++;
  } while (performance.now() - start < runSeconds * 500);
  const seconds = (performance.now() - start) / 1000;
  return { flops, work, repeats: Math.max(1, Math.ceil((runSeconds * calls) / seconds)), rates: [] };
}

function timeRun(c: Contestant, clock: Clock): void {
  const start = stamp(clock);
  for (let i = 0; i < c.repeats; i++) c.work();
  c.rates.push((c.flops * c.repeats) / ((stamp(clock) - start) * 1e9));
}

const summary = (c: Contestant | null): { median: number; range: [number, number] } | null =>
  c === null ? null : { median: median(c.rates), range: [Math.min(...c.rates), Math.max(...c.rates)] };

export function measureKernels(quick: boolean, clock: Clock = 'wall'): KernelFigures {
  const size = quick ? 128 : 256;
  const runs = quick ? 3 : 5;
  const runSeconds = quick ? 0.02 : 0.1;
  const rng = createRng(1);
  const fill = (n: number) => Float64Array.from({ length: n }, () => rng.uniform() - 0.5);
  const x = fill(size * size), w = fill(size * size), b = fill(size), z = new Float64Array(size * size);
  const flops = 2 * size * size * size;
  const kernels = (kind: 'wasm-simd' | 'js') => () => {
    forceKernels(kind);
    forwardProduct(x, w, b, z, size, size, size);
  };
  const small = 32;
  const xs = fill(small * small), ws = fill(small * small), bs = fill(small), zs = new Float64Array(small * small);
  let wasm: Contestant | null = null;
  let loop: Contestant | null = null;
  let cached: Contestant | null = null;
  const iterations = 200_000;
  if (simdPeakLoop(1) !== null) {
    wasm = contestant(flops, kernels('wasm-simd'), runSeconds);
    loop = contestant(PEAK_FLOPS_PER_ITERATION * iterations, () => void simdPeakLoop(iterations), runSeconds);
    cached = contestant(2 * small * small * small, () => {
      forceKernels('wasm-simd');
      forwardProduct(xs, ws, bs, zs, small, small, small);
    }, runSeconds);
  }
  const js = contestant(flops, kernels('js'), runSeconds);
  // Interleaved rounds, in rotating order: the machine's drifting load falls on all of them alike.
  const order = [wasm, js, loop, cached].filter((c): c is Contestant => c !== null);
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < order.length; i++) timeRun(order[(i + round) % order.length], clock);
  }
  forceKernels(null);
  const [l, c, wa] = [summary(loop), summary(cached), summary(wasm)];
  const j = summary(js) as { median: number; range: [number, number] };
  const candidates = [['register loop', l], ['in-cache product', c], ['large product', wa]] as const;
  let best: (typeof candidates)[number] | null = null;
  for (const candidate of candidates) if (candidate[1] && (!best || candidate[1].median > (best[1]?.median ?? 0))) best = candidate;
  const p = best?.[1] ?? null;
  return {
    peakGflops: p?.median ?? null,
    peakFrom: best?.[0] ?? null,
    wasmGflops: wa?.median ?? null,
    jsGflops: j.median,
    size,
    peakRange: p?.range ?? null,
    wasmRange: wa?.range ?? null,
    jsRange: j.range,
    runs,
  };
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
