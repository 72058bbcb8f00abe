// The dense layer's three matrix products, in WebAssembly SIMD (kernels.wat, f64x2) where the host
// has it and the product is large enough to pay for copying its operands into the module's
// memory, else the scalar kernels of ../matmul.ts, which stay the reference: both sum every
// output in the same order, so both give the same numbers bit for bit (test/unit/engine/wasm.test.ts).
// `WebAssembly` is a JavaScript global (the worker thread, the CLI, a browser Web Worker): no Node, no DOM.

// The webview project (webview/tsconfig.json) reaches this file through shared imports but does
// not include the ambient declaration of the embedded binary: name it here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./binary.d.ts" />
import base64 from 'virtual:nn-kernels-wasm';
import { activateInto, multiplyByDerivative } from '../activations';
import * as scalar from '../matmul';
import type { ActivationName } from '../types';

/** Which kernels the products run on. */
export type KernelKind = 'wasm-simd' | 'js';

interface Exports {
  gemm(a: number, sr: number, sk: number, b: number, out: number, init: number, rows: number, inner: number, cols: number): void;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  columnSums(d: number, out: number, rows: number, cols: number): void;
  dense(x: number, w: number, b: number, pre: number, act: number, rows: number, inner: number, cols: number, kind: number): void;
  tanh(src: number, dst: number, count: number): void;
  backward(x: number, d: number, w: number, wt: number, gw: number, gb: number, dx: number, mask: number, v: number, rows: number, inner: number, cols: number, kind: number): void;
  peak(iterations: number): number;
}

/**
 * The activations kernels.wat computes after the forward product (its `activate` kinds). The
 * others (sigmoid, the exponential ones, softmax, the thresholds) run in JavaScript after it.
 */
const WASM_ACTIVATION: Partial<Record<ActivationName, number>> = { linear: 0, tanh: 1, relu: 2 };

/**
 * The derivatives kernels.wat multiplies by (its `derive` kinds), with what each reads: the
 * activation (tanh, sigmoid) or the pre-activation (ReLU). The others run in JavaScript after.
 */
const WASM_DERIVATIVE: Partial<Record<ActivationName, { kind: number; reads: 'act' | 'pre' | null }>> = {
  linear: { kind: 0, reads: null },
  tanh: { kind: 1, reads: 'act' },
  relu: { kind: 2, reads: 'pre' },
  sigmoid: { kind: 3, reads: 'act' },
};

/** The layer below a layer, as the backward pass needs it: its dropout mask and φ′. */
export interface LayerBelow {
  activation: ActivationName;
  pre: Float64Array;
  act: Float64Array;
  /** Dropout multipliers, or null without dropout. */
  mask: Float64Array | null;
  /** Its width (the layer's inputs). */
  units: number;
}

/**
 * Below this many multiply-adds a product stays in JavaScript: copying its operands in and out
 * and the call cost more than SIMD saves (the 2-8-8-1 network of bench workload (a)).
 */
export const WASM_MIN_MULTIPLY_ADDS = 2048;

const PAGE_BYTES = 65536;

// The part of the `WebAssembly` global used here (the project's TypeScript libraries declare no
// value for it); undefined on a host without WebAssembly.
interface WasmModule { readonly kind?: never }
interface WasmMemory { readonly buffer: ArrayBuffer }
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Instance: new (module: WasmModule, imports: object) => { readonly exports: object };
}
const host = globalThis as { WebAssembly?: WasmApi; atob?: (text: string) => string };

let compiled: WasmModule | null | undefined;
let exports: Exports | null = null;
let heap = new Float64Array(0);
let forced: KernelKind | null = null;

function compile(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const wasm = host.WebAssembly;
  if (wasm === undefined || host.atob === undefined) return null;
  const text = host.atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  // A host without 128-bit SIMD rejects the module in validation: then the scalar kernels run.
  if (!wasm.validate(bytes)) return null;
  try {
    compiled = new wasm.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/** The kernels this host runs the large products on ('js' where WebAssembly SIMD is missing). */
export function availableKernels(): KernelKind {
  if (forced !== null) return forced;
  return compile() !== null ? 'wasm-simd' : 'js';
}

/** Tests and the benchmark: run every product on one kind (null: choose as usual). */
export function forceKernels(kind: KernelKind | null): void {
  if (kind === 'wasm-simd' && compile() === null) throw new Error('WebAssembly SIMD is not available on this host.');
  forced = kind;
}

/**
 * A heap of at least `doubles` Float64 numbers. The module gets a new, larger memory instead of
 * growing its own: growing detaches the buffer, and V8 then guards every typed-array access in
 * the process (bench/README.md measured 10–17% on the scalar engine).
 */
function heapOf(doubles: number): Float64Array {
  if (exports !== null && heap.length >= doubles) return heap;
  const pages = Math.ceil(Math.max(doubles * 8, heap.length * 16) / PAGE_BYTES) || 1;
  const wasm = host.WebAssembly as WasmApi;
  const memory = new wasm.Memory({ initial: pages });
  const instance = new wasm.Instance(compile() as WasmModule, { env: { memory } });
  exports = instance.exports as unknown as Exports;
  heap = new Float64Array(memory.buffer);
  return heap;
}

function useWasm(multiplyAdds: number): boolean {
  if (forced !== null) return forced === 'wasm-simd';
  return multiplyAdds >= WASM_MIN_MULTIPLY_ADDS && compile() !== null;
}

/**
 * Copies n numbers of `source` into the heap at `at`: a plain loop for the few numbers of a small
 * layer (a subarray is an allocation, which costs more there than the copy), `set` otherwise.
 */
function copyIn(h: Float64Array, at: number, source: Float64Array, n: number): void {
  if (n < 256) for (let i = 0; i < n; i++) h[at + i] = source[i];
  else h.set(n === source.length ? source : source.subarray(0, n), at);
}

/** Copies n numbers of the heap at `at` into `target`. */
function copyOut(h: Float64Array, at: number, target: Float64Array, n: number): void {
  if (n < 256) for (let i = 0; i < n; i++) target[i] = h[at + i];
  else target.set(h.subarray(at, at + n));
}

/**
 * One layer forward: pre = X·W + b and act = φ(pre), for the element-wise activations (not
 * softmax). In WebAssembly in one call where the host has SIMD and it pays: always for tanh
 * (kernels.wat's tanh, within 2 ulp of Math.tanh, costs about half of it), and for linear and ReLU
 * (bit for bit the scalar results) when the product is large; else ../matmul.ts and the
 * activation table's kernel.
 */
export function forwardLayer(activation: ActivationName, x: Float64Array, w: Float64Array, b: Float64Array, pre: Float64Array, act: Float64Array, rows: number, inner: number, cols: number): void {
  const kind = WASM_ACTIVATION[activation];
  const wasm = kind !== undefined && (kind === 1 ? useWasm(Number.POSITIVE_INFINITY) : useWasm(rows * inner * cols));
  if (!wasm) {
    forwardProduct(x, w, b, pre, rows, inner, cols);
    activateInto(activation, pre, act, rows * cols);
    return;
  }
  const nx = rows * inner, nw = inner * cols, nz = rows * cols;
  const h = heapOf(nx + nw + cols + 2 * nz);
  const px = 0, pw = px + nx, pb = pw + nw, pz = pb + cols, pa = pz + nz;
  copyIn(h, px, x, nx);
  copyIn(h, pw, w, nw);
  copyIn(h, pb, b, cols);
  (exports as Exports).dense(px * 8, pw * 8, pb * 8, pz * 8, pa * 8, rows, inner, cols, kind);
  copyOut(h, pz, pre, nz);
  if (act !== pre) copyOut(h, pa, act, nz);
}

/**
 * One layer backward: gW = Xᵀ·D and gB (as weightGradient) and, given the layer below, its delta
 * DX = D·Wᵀ taken back through its dropout mask and φ′ (as inputGradient, then the mask, then
 * multiplyByDerivative). In WebAssembly in one call when the products are large enough; the same
 * numbers bit for bit either way (each step sums and multiplies in the scalar kernels' order).
 */
export function backwardLayer(x: Float64Array, d: Float64Array, w: Float64Array, gw: Float64Array, gb: Float64Array, dx: Float64Array | null, below: LayerBelow | null, rows: number, inner: number, cols: number): void {
  const through = below ? WASM_DERIVATIVE[below.activation] : undefined;
  if (!useWasm(rows * inner * cols)) {
    scalar.weightGradient(x, d, gw, gb, rows, inner, cols);
    if (dx && below) {
      scalar.inputGradient(d, w, dx, rows, inner, cols);
      backThroughBelow(below, dx, rows * inner);
    }
    return;
  }
  const nx = rows * inner, nd = rows * cols, nw = inner * cols;
  const withDx = dx !== null && below !== null;
  const needsV = withDx && through !== undefined && through.reads !== null;
  const withMask = withDx && below.mask !== null;
  const h = heapOf(nx + nd + nw + cols + (withDx ? 2 * nw + nx : 0) + (withMask ? nx : 0) + (needsV ? nx : 0));
  const px = 0, pd = px + nx, pgw = pd + nd, pgb = pgw + nw;
  let next = pgb + cols;
  copyIn(h, px, x, nx);
  copyIn(h, pd, d, nd);
  let pw = -1, pt = -1, pdx = -1, pm = -1, pv = -1;
  if (withDx) {
    pw = next; pt = pw + nw; pdx = pt + nw; next = pdx + nx;
    copyIn(h, pw, w, nw);
    if (withMask) {
      pm = next; next += nx;
      copyIn(h, pm, below.mask as Float64Array, nx);
    }
    if (needsV) {
      pv = next; next += nx;
      copyIn(h, pv, through?.reads === 'pre' ? below.pre : below.act, nx);
    }
  }
  const kind = withDx && through !== undefined ? through.kind : 0;
  (exports as Exports).backward(px * 8, pd * 8, pw * 8, pt * 8, pgw * 8, pgb * 8, pdx < 0 ? -1 : pdx * 8, pm < 0 ? -1 : pm * 8, pv < 0 ? 0 : pv * 8, rows, inner, cols, kind);
  copyOut(h, pgw, gw, nw);
  copyOut(h, pgb, gb, cols);
  if (withDx) {
    copyOut(h, pdx, dx as Float64Array, nx);
    // An activation kernels.wat has no derivative for: the table's kernel, after the mask.
    if (through === undefined) multiplyByDerivative(below.activation, below.pre, below.act, dx as Float64Array, nx);
  }
}

/** delta ·= mask, then ·= φ′: the scalar path of backwardLayer (network.ts's former loop). */
function backThroughBelow(below: LayerBelow, delta: Float64Array, count: number): void {
  const mask = below.mask;
  if (mask !== null) for (let i = 0; i < count; i++) delta[i] *= mask[i];
  multiplyByDerivative(below.activation, below.pre, below.act, delta, count);
}

/** dst[i] = tanh(src[i]) for i < count by kernels.wat's tanh (tests and the bench; null without SIMD). */
export function wasmTanh(src: Float64Array, dst: Float64Array, count: number): boolean {
  if (compile() === null) return false;
  const h = heapOf(2 * count);
  copyIn(h, 0, src, count);
  (exports as Exports).tanh(0, count * 8, count);
  copyOut(h, count, dst, count);
  return true;
}

/** Z = X·W + b, as ../matmul.ts forwardProduct. */
export function forwardProduct(x: Float64Array, w: Float64Array, b: Float64Array, z: Float64Array, rows: number, inner: number, cols: number): void {
  if (!useWasm(rows * inner * cols)) return scalar.forwardProduct(x, w, b, z, rows, inner, cols);
  const nx = rows * inner, nw = inner * cols, nz = rows * cols;
  const h = heapOf(nx + nw + cols + nz);
  const px = 0, pw = px + nx, pb = pw + nw, pz = pb + cols;
  h.set(x.subarray(0, nx), px);
  h.set(w.subarray(0, nw), pw);
  h.set(b.subarray(0, cols), pb);
  (exports as Exports).gemm(px * 8, inner, 1, pw * 8, pz * 8, pb * 8, rows, inner, cols);
  z.set(h.subarray(pz, pz + nz));
}

/** gW = Xᵀ·D and gB = column sums of D, as ../matmul.ts weightGradient. */
export function weightGradient(x: Float64Array, d: Float64Array, gw: Float64Array, gb: Float64Array, rows: number, inner: number, cols: number): void {
  if (!useWasm(rows * inner * cols)) return scalar.weightGradient(x, d, gw, gb, rows, inner, cols);
  const nx = rows * inner, nd = rows * cols, nw = inner * cols;
  const h = heapOf(nx + nd + nw + cols);
  const px = 0, pd = px + nx, pw = pd + nd, pb = pw + nw;
  h.set(x.subarray(0, nx), px);
  h.set(d.subarray(0, nd), pd);
  const k = exports as Exports;
  // Output row k of gW runs along the samples: A(k, r) = x[r·inner + k].
  k.gemm(px * 8, 1, inner, pd * 8, pw * 8, -1, inner, rows, cols);
  k.columnSums(pd * 8, pb * 8, rows, cols);
  gw.set(h.subarray(pw, pw + nw));
  gb.set(h.subarray(pb, pb + cols));
}

/** DX = D·Wᵀ, as ../matmul.ts inputGradient. */
export function inputGradient(d: Float64Array, w: Float64Array, dx: Float64Array, rows: number, inner: number, cols: number): void {
  if (!useWasm(rows * inner * cols)) return scalar.inputGradient(d, w, dx, rows, inner, cols);
  const nd = rows * cols, nw = inner * cols, nx = rows * inner;
  const h = heapOf(nd + 2 * nw + nx);
  const pd = 0, pw = pd + nd, pt = pw + nw, px = pt + nw;
  h.set(d.subarray(0, nd), pd);
  h.set(w.subarray(0, nw), pw);
  const k = exports as Exports;
  // Wᵀ (cols × inner) makes this the same row-times-matrix product as the forward one.
  k.transpose(pw * 8, pt * 8, inner, cols);
  k.gemm(pd * 8, cols, 1, pt * 8, px * 8, -1, rows, cols, inner);
  dx.set(h.subarray(px, px + nx));
}

/** Floating-point operations of one iteration of kernels.wat's `peak` loop (12 chains × 2 lanes × 2). */
export const PEAK_FLOPS_PER_ITERATION = 48;

/**
 * The benchmark's yardstick: `iterations` × PEAK_FLOPS_PER_ITERATION floating-point operations of
 * independent f64x2 multiply-adds with no memory traffic; returns their sum (null without SIMD).
 */
export function simdPeakLoop(iterations: number): number | null {
  if (compile() === null) return null;
  heapOf(1);
  return (exports as Exports).peak(iterations);
}
