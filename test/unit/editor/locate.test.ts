import { describe, expect, it } from 'vitest';
import { layerAt, layerOfPath, lessonOfPath, pathAt } from '../../../src/editor/locate';
import type { SourceRange, SpecLocations } from '../../../src/model/spec';

function range(offset: number, length: number): SourceRange {
  return { offset, length, start: { line: 0, character: offset }, end: { line: 0, character: offset + length } };
}

// {"layers":[{"units":4,"activation":"tanh"}],"training":{"learningRate":0.1}}
const locations: SpecLocations = {
  root: range(0, 80),
  layers: [range(11, 32)],
  keys: { layers: range(1, 8), 'layers.0.units': range(12, 7), 'layers.0.activation': range(22, 12), training: range(45, 10), 'training.learningRate': range(57, 14) },
  values: { layers: range(10, 34), 'layers.0': range(11, 32), 'layers.0.units': range(20, 1), 'layers.0.activation': range(35, 6), training: range(56, 22), 'training.learningRate': range(72, 3) },
};

describe('what the cursor is on', () => {
  it('picks the innermost key or value', () => {
    expect(pathAt(locations, 37)).toMatchObject({ path: 'layers.0.activation', on: 'value' });
    expect(pathAt(locations, 25)).toMatchObject({ path: 'layers.0.activation', on: 'key' });
    expect(pathAt(locations, 73)).toMatchObject({ path: 'training.learningRate', on: 'value' });
    expect(pathAt(locations, 200)).toBeUndefined();
  });

  it('maps paths to lessons and layers', () => {
    expect(lessonOfPath('layers.0.activation')).toEqual({ key: 'activation', layer: 0 });
    expect(lessonOfPath('layers.12.init.std')).toEqual({ key: 'init', layer: 12 });
    expect(lessonOfPath('training.regularization.lambda')).toEqual({ key: 'regularization', layer: undefined });
    expect(lessonOfPath('training.batchSize')).toBeUndefined();
    expect(layerOfPath('layers.3')).toBe(3);
    expect(layerOfPath('training')).toBeUndefined();
  });

  it('finds the layer object around an offset', () => {
    expect(layerAt(locations, 15)).toBe(0);
    expect(layerAt(locations, 60)).toBeUndefined();
  });
});
