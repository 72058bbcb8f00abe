// What part of a model a text offset falls on: a JSON path (from the parser's SpecLocations), the
// lesson it belongs to, the layer it is in. Pure, so hovers' targeting is unit-tested.

import type { SourceRange, SpecLocations } from '../model/spec';
import { LESSON_KEYS, type LessonKey } from './lessons';

export interface PathHit {
  path: string;
  range: SourceRange;
  /** On the property's name or on its value. */
  on: 'key' | 'value';
}

function contains(range: SourceRange, offset: number): boolean {
  return offset >= range.offset && offset <= range.offset + range.length;
}

/** The innermost key or value under the offset (a value inside an object beats the object). */
export function pathAt(locations: SpecLocations, offset: number): PathHit | undefined {
  let best: PathHit | undefined;
  const consider = (path: string, range: SourceRange, on: 'key' | 'value') => {
    if (!contains(range, offset)) return;
    if (!best || range.length < best.range.length) best = { path, range, on };
  };
  for (const [path, range] of Object.entries(locations.keys)) consider(path, range, 'key');
  for (const [path, range] of Object.entries(locations.values)) consider(path, range, 'value');
  return best;
}

/** The layer index a path belongs to (`layers.2.activation` → 2). */
export function layerOfPath(path: string): number | undefined {
  const match = /^layers\.(\d+)(\.|$)/.exec(path);
  return match ? Number(match[1]) : undefined;
}

/**
 * The lesson a path teaches: the last segment that names one (`training.regularization.lambda` →
 * regularization, `layers.0.init.std` → init), with its layer when it is a per-layer setting.
 */
export function lessonOfPath(path: string): { key: LessonKey; layer?: number } | undefined {
  const segments = path.split('.');
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if ((LESSON_KEYS as readonly string[]).includes(segment)) {
      return { key: segment as LessonKey, layer: layerOfPath(path) };
    }
  }
  return undefined;
}

/** The layer whose object contains the offset. */
export function layerAt(locations: SpecLocations, offset: number): number | undefined {
  const index = locations.layers.findIndex((range) => range && contains(range, offset));
  return index >= 0 ? index : undefined;
}
