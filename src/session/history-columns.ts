// Every epoch since the last reset, stored as growable typed-array columns. A run may have up to a
// million epochs; a million HistoryPoint objects on the extension host's heap make each full garbage
// collection a pause of a hundred milliseconds or more (measured: 400k points, 120 ms), while
// typed arrays are not scanned at all. Readers still get a `readonly HistoryPoint[]`: `view` is a
// read-only array whose elements are made on access, so indexing, `length`, `at`, `slice`, `map`
// and spreading work as on any array.

import type { HistoryPoint } from '../shared/protocol/snapshot';
import type { PackedPoints } from '../shared/protocol/worker-messages';
import { TEST_ACCURACY, TEST_COST, TRAIN_ACCURACY } from '../run/views';
const INITIAL_CAPACITY = 256;

type FloatColumn = 'epoch' | 'trainCost' | 'trainObjective' | 'trainRegularization' | 'testCost' | 'trainAccuracy' | 'testAccuracy';
const FLOAT_COLUMNS: readonly FloatColumn[] = ['epoch', 'trainCost', 'trainObjective', 'trainRegularization', 'testCost', 'trainAccuracy', 'testAccuracy'];

export class HistoryColumns {
  private columns: Record<FloatColumn, Float64Array> = emptyColumns(INITIAL_CAPACITY);
  private present = new Uint8Array(INITIAL_CAPACITY);
  private size = 0;
  /** The history as an array; always the same object, reflecting appends and clears. */
  readonly view: readonly HistoryPoint[] = createView(this);

  get length(): number {
    return this.size;
  }

  clear(): void {
    this.size = 0;
    // Give a long run's memory back rather than keeping its high-water mark.
    if (this.present.length > INITIAL_CAPACITY) {
      this.columns = emptyColumns(INITIAL_CAPACITY);
      this.present = new Uint8Array(INITIAL_CAPACITY);
    }
  }

  append(points: readonly HistoryPoint[]): void {
    this.reserve(this.size + points.length);
    for (const point of points) {
      const i = this.size++;
      const c = this.columns;
      c.epoch[i] = point.epoch;
      c.trainCost[i] = point.trainCost;
      c.trainObjective[i] = point.trainObjective;
      c.trainRegularization[i] = point.trainRegularization;
      let present = 0;
      if (point.testCost !== null) {
        c.testCost[i] = point.testCost;
        present |= TEST_COST;
      }
      if (point.trainAccuracy !== undefined) {
        c.trainAccuracy[i] = point.trainAccuracy;
        present |= TRAIN_ACCURACY;
      }
      if (point.testAccuracy !== undefined) {
        c.testAccuracy[i] = point.testAccuracy;
        present |= TEST_ACCURACY;
      }
      this.present[i] = present;
    }
  }

  /** Appends a packed batch from the worker without making an object per epoch. */
  appendPacked(packed: PackedPoints): void {
    const n = packed.epoch.length;
    this.reserve(this.size + n);
    for (const name of FLOAT_COLUMNS) this.columns[name].set(packed[name], this.size);
    this.present.set(packed.present, this.size);
    this.size += n;
  }

  /** The point at `index`, a new object each time; undefined outside 0 … length−1. */
  get(index: number): HistoryPoint | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) return undefined;
    const c = this.columns;
    const present = this.present[index];
    const point: HistoryPoint = {
      epoch: c.epoch[index],
      trainCost: c.trainCost[index],
      trainObjective: c.trainObjective[index],
      trainRegularization: c.trainRegularization[index],
      testCost: present & TEST_COST ? c.testCost[index] : null,
    };
    if (present & TRAIN_ACCURACY) point.trainAccuracy = c.trainAccuracy[index];
    if (present & TEST_ACCURACY) point.testAccuracy = c.testAccuracy[index];
    return point;
  }

  /** The last `count` points as plain objects (for rules that read the recent trend). */
  tail(count: number): HistoryPoint[] {
    const start = Math.max(0, this.size - count);
    const points: HistoryPoint[] = [];
    for (let i = start; i < this.size; i++) points.push(this.get(i) as HistoryPoint);
    return points;
  }

  private reserve(needed: number): void {
    if (needed <= this.present.length) return;
    let capacity = this.present.length;
    while (capacity < needed) capacity *= 2;
    const grown = emptyColumns(capacity);
    for (const name of FLOAT_COLUMNS) grown[name].set(this.columns[name].subarray(0, this.size));
    const present = new Uint8Array(capacity);
    present.set(this.present.subarray(0, this.size));
    this.columns = grown;
    this.present = present;
  }
}

function emptyColumns(capacity: number): Record<FloatColumn, Float64Array> {
  const columns = {} as Record<FloatColumn, Float64Array>;
  for (const name of FLOAT_COLUMNS) columns[name] = new Float64Array(capacity);
  return columns;
}

function indexOf(property: string | symbol): number | undefined {
  if (typeof property !== 'string') return undefined;
  const index = Number(property);
  return Number.isInteger(index) && index >= 0 && String(index) === property ? index : undefined;
}

/**
 * A read-only array over the columns. The target is a real (empty) array, so Array.isArray is true
 * and every Array.prototype method works through `length` and the index traps.
 */
function createView(history: HistoryColumns): readonly HistoryPoint[] {
  const readOnly = () => {
    throw new TypeError('A session history is read-only.');
  };
  return new Proxy([] as HistoryPoint[], {
    get(target, property, receiver) {
      if (property === 'length') return history.length;
      const index = indexOf(property);
      if (index !== undefined) return history.get(index);
      return Reflect.get(target, property, receiver);
    },
    has(target, property) {
      const index = indexOf(property);
      return index !== undefined ? index < history.length : Reflect.has(target, property);
    },
    ownKeys() {
      const keys: string[] = [];
      for (let i = 0; i < history.length; i++) keys.push(String(i));
      keys.push('length');
      return keys;
    },
    getOwnPropertyDescriptor(target, property) {
      if (property === 'length') return { value: history.length, writable: true, enumerable: false, configurable: false };
      const index = indexOf(property);
      if (index !== undefined) {
        return index < history.length ? { value: history.get(index), writable: false, enumerable: true, configurable: true } : undefined;
      }
      return Reflect.getOwnPropertyDescriptor(target, property);
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
