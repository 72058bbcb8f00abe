import { describe, expect, it } from 'vitest';
import { median } from '../../../bench/measure';
import { ratios, toJson, type WorkloadResult } from '../../../bench/report';

const m = (value: number) => ({ median: value, min: value * 0.9, max: value * 1.1, rates: [value], epochsPerRun: 1, cpuShare: 1 });

describe('bench report', () => {
  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ratios are our median over the peer’s, judged against issue 2’s targets', () => {
    const w: WorkloadResult = {
      name: 'a',
      unit: 'epochs/s',
      title: 't',
      results: [
        { impl: 'nn-playground', measurement: m(4000) },
        { impl: 'tfjs-cpu', measurement: m(50) },
        { impl: 'tfjs-wasm', measurement: m(125) },
        { impl: 'brain.js', measurement: m(2100) },
      ],
    };
    expect(ratios(w)).toEqual([
      { against: 'tfjs-cpu', ratio: 80, target: 40, pass: true },
      { against: 'tfjs-wasm', ratio: 32, target: 40, pass: false },
      { against: 'brain.js', ratio: 4000 / 2100, target: 2.5, pass: false },
    ]);
  });

  it('a peer that failed has no ratio and no verdict, and null numbers in JSON', () => {
    const w: WorkloadResult = {
      name: 'b',
      unit: 'samples/s',
      title: 't',
      results: [
        { impl: 'nn-playground', measurement: m(12000) },
        { impl: 'tfjs-wasm', measurement: null, error: 'no wasm' },
        { impl: 'tfjs-cpu', measurement: m(3000) },
      ],
    };
    expect(ratios(w)).toEqual([
      { against: 'tfjs-wasm', ratio: null, target: 2, pass: null },
      { against: 'tfjs-cpu', ratio: 4, target: null, pass: null },
    ]);
    expect(JSON.parse(toJson([w])).workloads[0].results[1]).toEqual({ impl: 'tfjs-wasm', median: null, min: null, max: null, gflops: null, peakShare: null });
  });
});
