// With input features the panel draws the data where it lies in the plane of x1 and x2 (not by its
// first two features), and the boundary view says which features the network sees.

import { expect, test } from 'vitest';
import { makeDataset } from '../../../src/engine/data/index';
import { boundaryInputs, boundarySummary } from '../../../src/shared/view-models/boundary-view';
import { planeInputs, toDataView } from '../../../src/run/views';

const POINTS = [[0.5, -1], [2, 0.25], [-1.5, 3], [0, 0]];
const data = makeDataset({ kind: 'inline', inputs: POINTS, targets: [[0], [1], [0], [1]] }, { testFraction: 0, inputFeatures: ['x1^2', 'x2^2', 'x1x2'] }, 1);

test('the points are the raw points of the plane, and the plane has two axes though the network has three inputs', () => {
  const view = toDataView(data);
  expect(view.inputSize).toBe(3);
  expect(view.inputFeatures).toEqual(['x1^2', 'x2^2', 'x1x2']);
  const drawn = view.train.x.map((x, i) => [x, view.train.y[i]]);
  expect([...drawn].sort()).toEqual([...POINTS].sort());
  expect(planeInputs(data)).toBe(2);
  expect(boundaryInputs(view)).toBe(2);
});

test('the summary names the features; without them a 3-input model has no boundary', () => {
  const view = toDataView(data);
  const grid = { size: 2, xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: [0, 1, 1, 0] };
  expect(boundarySummary(view, grid)).toBe('Decision regions for 0, 1 over the plane of x1 and x2, the network seeing x1^2, x2^2, x1x2, with 4 training and 0 test points.');
  const { inputFeatures: _dropped, ...plain } = view;
  expect(boundarySummary(plain, grid)).toMatch(/shown for 1 or 2 inputs; this model has 3/);
});
