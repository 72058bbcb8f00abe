import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/engine/data';
import { countLabels } from './helpers';

describe('iris', () => {
  const d = makeDataset({ kind: 'dataset', dataset: 'iris' }, { testFraction: 0, standardize: false }, 1);

  it('has 150 rows, 4 features, 3 classes of 50', () => {
    expect(d.kind).toBe('classification');
    expect(d.train.n).toBe(150);
    expect(d.inputSize).toBe(4);
    expect(d.classes).toBe(3);
    expect(d.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(d.featureNames).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    expect(countLabels(d.train.y, 3)).toEqual([50, 50, 50]);
  });

  it('holds Fisher’s measurements: setosa’s petals are the shortest (< 2 cm), the others’ at least 3 cm', () => {
    for (let i = 0; i < d.train.n; i++) {
      const petalLength = d.train.x[i * 4 + 2];
      if (d.train.y[i] === 0) expect(petalLength).toBeLessThan(2);
      else expect(petalLength).toBeGreaterThanOrEqual(3);
    }
    // the well-known first row 5.1, 3.5, 1.4, 0.2 (setosa) is in there
    const rows = Array.from({ length: 150 }, (_, i) => Array.from(d.train.x.subarray(i * 4, i * 4 + 4)).join(','));
    expect(rows).toContain('5.1,3.5,1.4,0.2');
  });
});
