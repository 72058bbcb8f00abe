// The parser never throws, whatever the text: thousands of seeded random mutations of the
// examples (characters deleted, inserted, replaced; tokens swapped, duplicated, cut) must give a
// ParseResult whose every problem, location and fix range lies inside the text and agrees with
// the line/character positions computed independently. Seeded, so a failure can be replayed.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { liveProblems, parseModel, toTrainerInputs } from '../../../src/model/index';
import type { ParseResult, SourceRange } from '../../../src/model/spec';
import { XOR_TEXT } from './helpers';
import { mulberry32 as rng } from '../helpers/mulberry32';

export const FUZZ_ITERATIONS = 6000;

const ALPHABET = ['{', '}', '[', ']', ',', ':', '"', ' ', '\n', '\r\n', '\r', '0', '1', '-', '.', 'e', 'a', '/', '*', '\\', '\t', 'é', '😀', 'null', 'true', '//', '/*', '1e999', '-0', 'NaN'];
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[{}[\],:]|true|false|null/g;

function mutate(text: string, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const at = () => Math.floor(random() * (text.length + 1));
  const tokens = [...text.matchAll(TOKENS)].map((m) => ({ start: m.index ?? 0, text: m[0] }));
  switch (Math.floor(random() * 7)) {
    case 0: {
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(random() * 3));
    }
    case 1: {
      const i = at();
      return text.slice(0, i) + pick(ALPHABET) + text.slice(i);
    }
    case 2: {
      const i = at();
      return text.slice(0, i) + pick(ALPHABET) + text.slice(i + 1);
    }
    case 3: {
      if (tokens.length < 2) return text;
      const [a, b] = [pick(tokens), pick(tokens)].sort((x, y) => x.start - y.start);
      if (a.start + a.text.length > b.start) return text;
      return text.slice(0, a.start) + b.text + text.slice(a.start + a.text.length, b.start) + a.text + text.slice(b.start + b.text.length);
    }
    case 4: {
      if (tokens.length === 0) return text;
      const t = pick(tokens);
      return text.slice(0, t.start) + pick(tokens).text + text.slice(t.start + t.text.length);
    }
    case 5: {
      const i = at();
      const j = Math.min(text.length, i + Math.floor(random() * 40));
      return text.slice(0, j) + text.slice(i, j) + text.slice(j);
    }
    default:
      return text.slice(0, at());
  }
}

/**
 * Line starts computed independently of LineIndex (by splitting), so positions are checked
 * against a second implementation. Plain comparisons collect failures: calling `expect` for each
 * of the millions of checks would dominate the run time.
 */
function lineTable(text: string): number[] {
  const starts = [0];
  const parts = text.split(/(\r\n|\r|\n)/);
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    offset += parts[i].length;
    if (i % 2 === 1) starts.push(offset);
  }
  return starts;
}

function positionIn(starts: number[], offset: number): { line: number; character: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

function rangeFault(text: string, starts: number[], range: SourceRange): string | undefined {
  if (!Number.isInteger(range.offset) || !Number.isInteger(range.length)) return 'non-integer offset or length';
  if (range.offset < 0 || range.length < 0 || range.offset + range.length > text.length) return `out of bounds: ${range.offset}+${range.length} of ${text.length}`;
  for (const [offset, position] of [
    [range.offset, range.start],
    [range.offset + range.length, range.end],
  ] as const) {
    if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // no editor position there
    const want = positionIn(starts, offset);
    if (want.line !== position.line || want.character !== position.character) return `position of ${offset}: ${JSON.stringify(position)} ≠ ${JSON.stringify(want)}`;
  }
  return undefined;
}

function faults(text: string, result: ParseResult): string[] {
  const starts = lineTable(text);
  const found: string[] = [];
  const check = (range: SourceRange, what: string) => {
    const fault = rangeFault(text, starts, range);
    if (fault !== undefined) found.push(`${what}: ${fault}`);
  };
  for (const p of result.problems) {
    if (p.code === 'internal-error') found.push(`internal-error: ${p.message}`);
    if (!['error', 'warning', 'info'].includes(p.severity)) found.push(`${p.code}: severity ${p.severity}`);
    if (p.message.length < 10) found.push(`${p.code}: message too short`);
    check(p.range, p.code);
    for (const fix of p.fixes ?? []) for (const edit of fix.edits) check(edit.range, `fix "${fix.title}"`);
  }
  for (const range of [result.locations.root, ...result.locations.layers, ...Object.values(result.locations.values), ...Object.values(result.locations.keys)]) check(range, 'location');
  if (result.spec !== undefined && result.problems.some((p) => p.severity === 'error')) found.push('a spec despite errors');
  return found;
}

function expectSound(text: string, result: ParseResult): void {
  const found = faults(text, result);
  if (found.length > 0) expect(found, JSON.stringify(text)).toEqual([]);
}

function corpus(): string[] {
  const dir = join(__dirname, '../../../examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.nn.json'));
  return [XOR_TEXT, ...files.map((f) => readFileSync(join(dir, f), 'utf8'))];
}

test(`${FUZZ_ITERATIONS} seeded mutations of the examples never throw and keep every range in bounds`, () => {
  const texts = corpus();
  const random = rng(20240601);
  let withSpec = 0;
  let withFixes = 0;
  let fixesApplied = 0;
  for (let i = 0; i < FUZZ_ITERATIONS; i++) {
    let text = texts[i % texts.length];
    const rounds = 1 + Math.floor(random() * 4);
    for (let r = 0; r < rounds; r++) text = mutate(text, random);
    let result: ParseResult | undefined;
    try {
      result = parseModel(text);
    } catch (error) {
      expect.fail(`mutation ${i} threw ${String(error)}: ${JSON.stringify(text)}`);
    }
    expectSound(text, result!);
    if (result!.problems.some((p) => p.fixes !== undefined)) {
      withFixes++;
      // A fix never breaks the JSON: on syntactically valid text, every fix leaves it valid.
      if (!result!.problems.some((p) => p.code === 'syntax-error')) {
        for (const fix of result!.problems.flatMap((p) => p.fixes ?? [])) {
          let fixed = text;
          for (const e of [...fix.edits].sort((a, b) => b.range.offset - a.range.offset)) fixed = fixed.slice(0, e.range.offset) + e.newText + fixed.slice(e.range.offset + e.range.length);
          const after = parseModel(fixed).problems.filter((p) => p.code === 'syntax-error');
          if (after.length > 0) expect.fail(`fix "${fix.title}" broke the JSON of ${JSON.stringify(text)} into ${JSON.stringify(fixed)}`);
          fixesApplied++;
        }
      }
    }
    if (result!.spec !== undefined) {
      withSpec++;
      if (result!.spec.data.kind !== 'csv') toTrainerInputs(result!.spec);
      const d = { count: 1, mean: 0, std: 1, percentiles: [-9, 0, 0, 0, 0, 0, 0, 0, 9], histogram: { min: -9, max: 9, counts: [1] } };
      const layers = result!.spec.layers.map((l, layer) => ({
        layer,
        activation: l.activation,
        units: l.units,
        weights: d,
        biases: d,
        preActivations: d,
        activations: d,
        saturatedFraction: 1,
        deadFraction: 1,
        gradMeanAbs: 1e-9 * 100 ** layer,
        gradNorm: 1e4,
        updateRatio: 1,
        weightNorm: 1,
      }));
      const health = { layers, nonFinite: null };
      const live = liveProblems({ parse: result!, health, history: [{ epoch: 5, trainCost: 1, trainObjective: 1, trainRegularization: 0, testCost: 1 }] });
      const starts = lineTable(text);
      for (const p of live) {
        const fault = rangeFault(text, starts, p.range);
        if (fault !== undefined) expect(fault, `${p.code} in ${JSON.stringify(text)}`).toBeUndefined();
      }
    }
  }
  // The mutations exercise both broken and still-valid models, and the fix builders.
  expect(withSpec).toBeGreaterThan(FUZZ_ITERATIONS / 20);
  expect(withFixes).toBeGreaterThan(FUZZ_ITERATIONS / 50);
  expect(fixesApplied).toBeGreaterThan(FUZZ_ITERATIONS / 50);
});

test('pathological inputs', () => {
  const inputs = ['', ' ', '\uFEFF{}', 'null', '"text"', '1', '{"data": null, "layers": null}', '{"layers": [null, 1, "a", [], {}]}', '{'.repeat(5000), '['.repeat(5000) + ']'.repeat(5000), '{"a":' + '['.repeat(3000), '\0\0\0', '{"data": {"inputs": [[1e999]], "targets": [[0]]}, "layers": [{"units": 1}]}', '{"seed": 1e400}', '{"__proto__": {"x": 1}, "constructor": 1, "data": {"generator": "toString"}, "layers": [{"units": 1, "activation": "valueOf"}]}'];
  for (const text of inputs) {
    const result = parseModel(text);
    expectSound(text, result);
  }
});

// Hostile input: a model file may come from anywhere. Huge strings (as keys and as values that are
// compared against known names), deep nesting and prototype keys must each give located problems
// in bounded time and memory. Memory has a ceiling far above the measured figures; time is judged
// by how it grows, not by a wall-clock limit (the machines are shared: a fixed number of seconds
// fails under load and proves nothing when quiet). Each huge-string case comes at 1, 2.5 and 5
// million characters: a linear parse takes about 5 times as long at 5 million as at 1 million, the
// old quadratic behaviour 25 times (seconds and gigabytes).
const HEAP_GROWTH_CEILING = 256 * 2 ** 20;
/** 5M-character time over 1M-character time: linear is 5, quadratic 25. */
const GROWTH_RATIO_CEILING = 12;
/** Below this a case is clearly fast, whatever its ratio (timer noise dominates). */
const CLEARLY_FAST_SECONDS = 0.05;

/** The hostile cases, each a whole model text with its name. */
export function hostileCases(): { name: string; text: string }[] {
  const huge = (n: number, c = 'a') => c.repeat(n);
  const base = (parts: Record<string, string>) => {
    const all: Record<string, string> = {
      data: '{ "generator": "xor", "samples": 100 }',
      layers: '[{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }]',
      ...parts,
    };
    return `{\n${Object.entries(all).map(([k, v]) => `  ${k.startsWith('"') ? k : JSON.stringify(k)}: ${v}`).join(',\n')}\n}\n`;
  };
  const cases: { name: string; text: string }[] = [];
  for (const n of [1_000_000, 2_500_000, 5_000_000]) {
    const s = huge(n);
    cases.push({ name: `unknown top-level key of ${n} characters`, text: base({ [`"${s}"`]: '1' }) });
    cases.push({ name: `unknown data key of ${n} characters`, text: base({ data: `{ "generator": "xor", "${s}": 1 }` }) });
    cases.push({ name: `unknown layer key of ${n} characters`, text: base({ layers: `[{ "units": 1, "${s}": 1 }]` }) });
    cases.push({ name: `activation of ${n} characters`, text: base({ layers: `[{ "units": 1, "activation": "${s}" }]` }) });
    cases.push({ name: `generator of ${n} characters`, text: base({ data: `{ "generator": "${s}" }` }) });
    cases.push({ name: `loss of ${n} characters`, text: base({ loss: `"${s}"` }) });
    cases.push({ name: `optimizer of ${n} characters`, text: base({ training: `{ "optimizer": "${s}" }` }) });
    cases.push({ name: `init of ${n} characters`, text: base({ init: `"${s}"` }) });
    cases.push({ name: `name of ${n} characters`, text: base({ name: `"${s}"` }) });
    cases.push({ name: `csv path, target and feature of ${n} characters`, text: base({ data: `{ "csv": "${s}", "target": "${s}", "features": ["${s.slice(1)}", "b"] }` }) });
    cases.push({ name: `text label of ${n} characters`, text: base({ data: `{ "inputs": [[0], [1]], "targets": [["${s}"], ["b"]] }` }) });
    cases.push({ name: `duplicate huge key of ${n} characters`, text: base({ [`"${s}"`]: '1', [`"${s}" `]: '2' }).replace(`"${s}" "`, `"${s}"`) });
    cases.push({ name: `a number of ${n} digits`, text: base({ seed: huge(n, '9') }) });
    cases.push({ name: `whitespace of ${n} characters`, text: base({ [`"${huge(n, ' ')}"`]: '1' }) });
    cases.push({ name: `a comment of ${n} characters`, text: `// ${s}\n${base({})}` });
  }
  for (const depth of [1_000, 100_000, 1_000_000]) {
    cases.push({ name: `${depth} nested lists`, text: '['.repeat(depth) + ']'.repeat(depth) });
    cases.push({ name: `${depth} nested objects`, text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) });
    cases.push({ name: `${depth} nested lists in data`, text: base({ data: `{ "inputs": ${'['.repeat(depth)}${']'.repeat(depth)}, "targets": [[0]] }` }) });
    cases.push({ name: `${depth} unclosed brackets`, text: '{"layers":' + '['.repeat(depth) });
  }
  cases.push({ name: '100,000 unknown keys', text: base(Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, '1']))) });
  cases.push({ name: '20,000 layers', text: base({ layers: `[${Array.from({ length: 20_000 }, () => '{ "units": 1 }').join(', ')}]` }) });
  cases.push({ name: '__proto__ and constructor keys', text: base({ __proto__: '{ "x": 1 }', constructor: '1', toString: '2', hasOwnProperty: '3' }) });
  cases.push({ name: '__proto__ inside data and training', text: base({ data: '{ "generator": "xor", "__proto__": { "samples": 1 } }', training: '{ "__proto__": 1, "constructor": 2 }' }) });
  return cases;
}

test('hostile input: huge strings, deep nesting and prototype keys parse soundly within bounded time and memory', () => {
  const cases = hostileCases();
  const figures = { cases: cases.length, exceptions: 0, slowestMs: 0, slowest: '', largestHeapMb: 0, largestHeap: '', largestRatio: 0, largestRatioCase: '' };
  const secondsByCase = new Map<string, number>();
  // A collection before each case, so heap growth is what the parse keeps, not earlier garbage.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (const { name, text } of cases) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let result: ParseResult | undefined;
    let seconds = Infinity;
    // Best of three: the machine is shared, so one slow run proves nothing; three slow ones do.
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      try {
        result = parseModel(text);
      } catch (error) {
        figures.exceptions++;
        expect.fail(`${name} threw ${String(error)}`);
      }
      seconds = Math.min(seconds, (performance.now() - start) / 1000);
      if (seconds < CLEARLY_FAST_SECONDS) break; // clearly fast is enough; slow ones get retried
    }
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore; // result still held: its problems and locations
    if (seconds * 1000 > figures.slowestMs) Object.assign(figures, { slowestMs: seconds * 1000, slowest: name });
    if (heapGrowth / 2 ** 20 > figures.largestHeapMb) Object.assign(figures, { largestHeapMb: heapGrowth / 2 ** 20, largestHeap: name });
    secondsByCase.set(name, seconds);
    expect(heapGrowth, `${name}: heap growth in bytes`).toBeLessThan(HEAP_GROWTH_CEILING);
    expect(faults(text, result!), name).toEqual([]);
    expect(result!.problems.length, `${name}: a problem or a spec`).toBeGreaterThanOrEqual(result!.spec === undefined ? 1 : 0);
    // Messages quote user text in bounded form: no message carries a copy of a huge string.
    for (const p of result!.problems) expect(p.message.length, `${name}: ${p.code} message length`).toBeLessThan(2000);
    result = undefined;
  }
  for (const [name, seconds] of secondsByCase) {
    if (!name.includes('5000000')) continue;
    const small = secondsByCase.get(name.replace('5000000', '1000000'));
    if (small === undefined || seconds < CLEARLY_FAST_SECONDS) continue;
    const ratio = seconds / Math.max(small, CLEARLY_FAST_SECONDS / 5);
    if (ratio > figures.largestRatio) Object.assign(figures, { largestRatio: ratio, largestRatioCase: name });
    expect(ratio, `${name}: time at 5M characters over time at 1M (linear 5, quadratic 25)`).toBeLessThan(GROWTH_RATIO_CEILING);
  }
  console.log(`hostile parse figures: ${JSON.stringify(figures)}`);
});
