// The bench's command line as a script would use it: build it with its own build script, run it on
// shrunken data (--tiny: one run, numbers meaningless) and check the shape of what it prints.
// Never a timing assertion: speed is what the bench reports, not what a test checks.
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const runBench = (...args: string[]) => spawnSync(process.execPath, ['dist/bench.js', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

interface JsonResult {
  impl: string;
  median: number;
  min: number;
  max: number;
  gflops: number | null;
  peakShare: number | null;
}

beforeAll(() => {
  execFileSync(process.execPath, ['bench/build.mjs'], { cwd: root });
}, 60_000);

describe('npm run bench --json', () => {
  it('prints exactly one JSON object with workloads a, b, c and every implementation', () => {
    const run = runBench('--json', '--tiny');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]) as { workloads: { name: string; unit: string; results: JsonResult[] }[] };
    expect(Object.keys(parsed)).toEqual(['workloads', 'kernels']);
    expect(parsed.workloads.map((w) => [w.name, w.unit])).toEqual([
      ['a', 'epochs/s'],
      ['b', 'samples/s'],
      ['c', 'samples/s'],
    ]);
    for (const w of parsed.workloads) {
      expect(w.results.map((r) => r.impl)).toEqual(['nn-playground', 'nn-playground-js', 'tfjs-cpu', 'tfjs-wasm', 'brain.js']);
      for (const r of w.results) {
        expect(Object.keys(r)).toEqual(['impl', 'median', 'min', 'max', 'gflops', 'peakShare']);
        expect(r.gflops).toBeGreaterThan(0);
        expect(r.median).toBeGreaterThan(0);
        expect(r.min).toBeLessThanOrEqual(r.median);
        expect(r.max).toBeGreaterThanOrEqual(r.median);
      }
    }
    // The kernel microbenchmark: medians of interleaved runs with their spread, and a peak that is
    // the fastest SIMD code it measured, so neither of its products can pass it. (A workload's
    // share can: it is timed at another moment of the machine's load.)
    const kernels = (parsed as unknown as { kernels: Record<string, unknown> }).kernels;
    expect(Object.keys(kernels)).toEqual(['peakGflops', 'peakFrom', 'wasmGflops', 'jsGflops', 'size', 'peakRange', 'wasmRange', 'jsRange', 'runs']);
    const { peakGflops, wasmGflops, jsGflops, peakRange, wasmRange } = kernels as { peakGflops: number; wasmGflops: number; jsGflops: number; peakRange: number[]; wasmRange: number[] };
    expect(peakGflops).toBeGreaterThanOrEqual(wasmGflops);
    expect(peakGflops).toBeGreaterThanOrEqual(jsGflops);
    expect(peakRange[0]).toBeLessThanOrEqual(peakGflops);
    expect(wasmRange[1]).toBeGreaterThanOrEqual(wasmGflops);
    // the peers' own notices (TensorFlow.js greets Node users) went to stderr, not stdout
    expect(run.stderr).toContain('bench (a) nn-playground');
  }, 120_000);

  it('--only and --impl narrow the run', () => {
    const run = runBench('--json', '--tiny', '--only', 'c', '--impl=nn-playground,brain.js');
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as { workloads: { name: string; results: JsonResult[] }[] };
    expect(parsed.workloads.map((w) => w.name)).toEqual(['c']);
    expect(parsed.workloads[0].results.map((r) => r.impl)).toEqual(['nn-playground', 'brain.js']);
  }, 120_000);

  it('the table shows each workload with the ratio against its target', () => {
    const run = runBench('--tiny', '--only', 'b', '--impl', 'nn-playground,tfjs-wasm');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(b) 784-128-64-10 ReLU');
    expect(run.stdout).toMatch(/nn-playground vs tfjs-wasm +[\d.]+× +target ≥ 2× +(✓ pass|✗ FAIL)/);
    expect(run.stdout).toContain('SIMD');
  }, 120_000);

  it('rejects an unknown option with the usage on stderr and exit code 2', () => {
    const run = runBench('--fast');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown option "--fast"');
    expect(run.stderr).toContain('usage: npm run bench');
  });
});
