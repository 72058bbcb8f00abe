// Facts about inline data gathered while parsing: they must hold for data sets as large as the
// parser accepts, not only for the small ones lessons use.
import { describe, expect, it } from 'vitest';
import { dataFacts } from '../../../src/model/data-facts';

describe('dataFacts on inline data', () => {
  it('reads 200,000 rows of two classes without overflowing the call stack', () => {
    const n = 200_000;
    const inputs = Array.from({ length: n }, (_, i) => [i % 7, (i * 3) % 5]);
    const targets = Array.from({ length: n }, (_, i) => [i % 2]);
    const facts = dataFacts({ kind: 'inline', inputs, targets, task: 'classification' } as Parameters<typeof dataFacts>[0]);
    expect(facts.inputSize).toBe(2);
    expect(facts.classes).toBe(2);
  });
});
