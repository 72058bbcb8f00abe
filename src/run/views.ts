// Turns the engine's typed-array results into the small plain objects the protocol carries: the
// data points (once per run), one epoch's numbers, the diagram's parameters and output grids.

import { classLabel } from '../engine/data/class-labels';
import type { Dataset, Split } from '../engine/types';
import type { Standardization } from '../engine/data/split';
import type { EpochReport } from '../engine/health-types';
import type { OutputGrid, Trainer } from '../engine/trainer-api';
import type { DataView, GridView, HistoryPoint, ParametersView } from '../shared/protocol/snapshot';
import type { PackedPoints } from '../shared/protocol/worker-messages';

/**
 * The panel draws points, so a huge CSV is thinned to this many per split (an even stride keeps
 * the shape of the data; every sample still trains).
 */
export const MAX_POINTS_PER_SPLIT = 2500;

export function toDataView(data: Dataset & { standardization?: Standardization }): DataView {
  const stats = data.standardization;
  return {
    kind: data.kind,
    inputSize: data.inputSize,
    classes: data.classes,
    ...(data.kind === 'regression' ? { targetSize: data.targetSize } : {}),
    featureNames: [...data.featureNames],
    ...(data.classNames ? { classNames: data.classNames.map(classLabel) } : {}),
    ...(data.inputMap ? { inputFeatures: [...data.inputMap.features] } : {}),
    train: splitPoints(data, data.train),
    test: splitPoints(data, data.test),
    ...(stats ? { standardization: { mean: Array.from(stats.mean), std: Array.from(stats.std) } } : {}),
  };
}

function splitPoints(data: Dataset, split: Split): DataView['train'] {
  const stride = Math.max(1, Math.ceil(split.n / MAX_POINTS_PER_SPLIT));
  const x: number[] = [];
  const y: number[] = [];
  const label: number[] = [];
  // With input features the points are drawn where they are in the plane, not by their features.
  const points = data.inputMap !== undefined && split.plane !== undefined ? split.plane : split.x;
  const width = points === split.x ? data.inputSize : 2;
  for (let i = 0; i < split.n; i += stride) {
    const row = i * width;
    // Classification keeps the class index; regression the first target column.
    const target = split.y[i * data.targetSize];
    x.push(points[row]);
    // With one input the plot is x against the target, so y carries the value being fitted.
    y.push(width >= 2 ? points[row + 1] : target);
    label.push(target);
  }
  return { x, y, label };
}

export function toHistoryPoint(report: EpochReport): HistoryPoint {
  return {
    epoch: report.epoch,
    trainCost: report.train.cost,
    trainObjective: report.train.objective,
    trainRegularization: report.train.regularization,
    testCost: report.test ? report.test.cost : null,
    ...(report.train.accuracy !== undefined ? { trainAccuracy: report.train.accuracy } : {}),
    ...(report.test?.accuracy !== undefined ? { testAccuracy: report.test.accuracy } : {}),
  };
}

/** How many axes the boundary's plane has: the data's inputs, or 2 with input features. */
export function planeInputs(data: Pick<Dataset, 'inputSize' | 'inputMap'>): number {
  return data.inputMap !== undefined ? 2 : data.inputSize;
}

export function toGridView(grid: OutputGrid, inputSize: number): GridView {
  // One input has no second axis: the protocol carries a single row along x.
  const values =
    inputSize === 1 && grid.values.length === grid.size * grid.size
      ? Array.from(grid.values.subarray(0, grid.size))
      : Array.from(grid.values);
  const view: GridView = { size: grid.size, xMin: grid.xMin, xMax: grid.xMax, yMin: grid.yMin, yMax: grid.yMax, values };
  if (grid.mode) view.mode = grid.mode;
  if (grid.confidence) view.confidence = Array.from(grid.confidence.subarray(0, values.length));
  return view;
}

export function toParametersView(trainer: Trainer): ParametersView {
  const { network } = trainer.options;
  let inputs = network.inputSize;
  return {
    layers: network.layers.map((layer, index) => {
      const { weights, biases, gradients } = trainer.layerParameters(index);
      const view = { inputs, units: layer.units, weights: Array.from(weights), biases: Array.from(biases), gradients: Array.from(gradients) };
      inputs = layer.units;
      return view;
    }),
  };
}

/** Bits of PackedPoints.present: which optional fields a point has. */
export const TEST_COST = 1;
export const TRAIN_ACCURACY = 2;
export const TEST_ACCURACY = 4;

export function packPoints(points: readonly HistoryPoint[]): PackedPoints {
  const n = points.length;
  const packed: PackedPoints = {
    epoch: new Float64Array(n),
    trainCost: new Float64Array(n),
    trainObjective: new Float64Array(n),
    trainRegularization: new Float64Array(n),
    testCost: new Float64Array(n),
    trainAccuracy: new Float64Array(n),
    testAccuracy: new Float64Array(n),
    present: new Uint8Array(n),
  };
  points.forEach((point, i) => {
    packed.epoch[i] = point.epoch;
    packed.trainCost[i] = point.trainCost;
    packed.trainObjective[i] = point.trainObjective;
    packed.trainRegularization[i] = point.trainRegularization;
    let present = 0;
    if (point.testCost !== null) {
      packed.testCost[i] = point.testCost;
      present |= TEST_COST;
    }
    if (point.trainAccuracy !== undefined) {
      packed.trainAccuracy[i] = point.trainAccuracy;
      present |= TRAIN_ACCURACY;
    }
    if (point.testAccuracy !== undefined) {
      packed.testAccuracy[i] = point.testAccuracy;
      present |= TEST_ACCURACY;
    }
    packed.present[i] = present;
  });
  return packed;
}

/** The inverse of packPoints: the same HistoryPoint objects, field for field. */
export function unpackPoints(packed: PackedPoints): HistoryPoint[] {
  const points: HistoryPoint[] = new Array<HistoryPoint>(packed.epoch.length);
  for (let i = 0; i < points.length; i++) {
    const present = packed.present[i];
    const point: HistoryPoint = {
      epoch: packed.epoch[i],
      trainCost: packed.trainCost[i],
      trainObjective: packed.trainObjective[i],
      trainRegularization: packed.trainRegularization[i],
      testCost: present & TEST_COST ? packed.testCost[i] : null,
    };
    if (present & TRAIN_ACCURACY) point.trainAccuracy = packed.trainAccuracy[i];
    if (present & TEST_ACCURACY) point.testAccuracy = packed.testAccuracy[i];
    points[i] = point;
  }
  return points;
}

