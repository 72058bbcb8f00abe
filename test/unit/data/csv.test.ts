import { describe, expect, it } from 'vitest';
import { makeDataset, parseCsvRecords } from '../../../src/engine/data';
import { EngineError } from '../../../src/engine/errors';

const fromCsv = (text: string, target: string, features?: string[]) =>
  makeDataset({ kind: 'csv', text, target, ...(features ? { features } : {}) }, { testFraction: 0, standardize: false }, 1);

/** Rows of the (shuffled) training split, sorted, as "x1,x2|y" strings. */
function rows(d: ReturnType<typeof fromCsv>): string[] {
  return Array.from({ length: d.train.n }, (_, i) => `${Array.from(d.train.x.subarray(i * d.inputSize, (i + 1) * d.inputSize)).join(',')}|${d.train.y[i]}`).sort();
}

describe('CSV records', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and trims unquoted ones', () => {
    const text = 'name, note ,value\r\n"Smith, J.","said ""hi""\nthen left", 3\n\n plain ,"",4\n';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, fields: ['name', 'note', 'value'] },
      { line: 2, fields: ['Smith, J.', 'said "hi"\nthen left', '3'] },
      { line: 5, fields: ['plain', '', '4'] },
    ]);
  });

  it('ignores a byte-order mark and a missing final newline', () => {
    expect(parseCsvRecords('\ufeffa,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('reports an unclosed quote at the line where it opened', () => {
    expect(() => parseCsvRecords('a,b\n1,"open\n2,3\n')).toThrow(/line 2: a quoted field is never closed/);
    expect(() => parseCsvRecords('a,b\n"x"y,1\n')).toThrow(/line 2: unexpected text after a closing quote/);
  });
});

describe('CSV datasets', () => {
  it('a text target becomes classes numbered in order of appearance; features default to the other columns', () => {
    const d = fromCsv('length,kind,width\n1.5,"cat",2\n2.5,dog,-1e-1\n3,cat,0\n', 'kind');
    expect(d.kind).toBe('classification');
    expect(d.featureNames).toEqual(['length', 'width']);
    expect(d.classNames).toEqual(['cat', 'dog']);
    expect(rows(d)).toEqual(['1.5,2|0', '2.5,-0.1|1', '3,0|0']);
  });

  it('a numeric target is regression; features can be chosen and reordered', () => {
    const d = fromCsv('a,b,c,y\n1,2,3,0.5\n4,5,6,1.5\n', 'y', ['c', 'a']);
    expect(d.kind).toBe('regression');
    expect(d.featureNames).toEqual(['c', 'a']);
    expect(rows(d)).toEqual(['3,1|0.5', '6,4|1.5']);
  });

  it('errors name what is missing and where', () => {
    const csv = 'a,b,label\n1,2,x\n3,oops,y\n';
    expect(() => fromCsv('', 'y')).toThrow(/CSV is empty/);
    expect(() => fromCsv('\n\n', 'y')).toThrow(/CSV is empty/);
    expect(() => fromCsv('a,y\n', 'y')).toThrow(/no data rows/);
    expect(() => fromCsv(csv, 'class')).toThrow(/no target column "class"; it has 3 columns/);
    expect(() => fromCsv(csv, 'label', ['a', 'z'])).toThrow(/no feature column "z"/);
    expect(() => fromCsv(csv, 'label')).toThrow(/line 3, column "b": "oops" is not a number/);
    expect(() => fromCsv('a,y\n1,2\n,3\n', 'y')).toThrow(/line 3, column "a": the cell is empty/);
    expect(() => fromCsv('a,y\n1,2\n3\n', 'y')).toThrow(/line 3: has 1 fields but the header has 2/);
    expect(() => fromCsv('a,y\n1,\n', 'y')).toThrow(/line 2, column "y": the target cell is empty/);
    expect(() => fromCsv('a,a,y\n1,2,3\n', 'y')).toThrow(/column "a" appears twice/);
    expect(() => fromCsv('a,y\n1,k\n2,k\n', 'y')).toThrow(/single class/);
    expect(() => fromCsv('a,y\nInfinity,1\n', 'y')).toThrow(EngineError);
  });
});
