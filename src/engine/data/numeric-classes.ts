// Numbers as class labels, for a data section that says `"task": "classification"` about a
// numeric target (a CSV column of 0/1, inline targets such as [[3], [7]]): each distinct value is
// one class, numbered in increasing order of value, so the labels 0 and 1 stay classes 0 and 1
// and −1/1 become 0 and 1 as the automatic rule already reads them.
//
// Refused: values that are not whole numbers (2.5 is a measurement, not a label; rounding it
// silently would merge classes), more than MAX_NUMERIC_CLASSES distinct values (a column of, say,
// ages or years is a quantity to predict; a softmax over that many units has a handful of samples
// per class on data this size), and a single value (nothing to tell apart). The model's parser
// reports these on the exact value for inline data; the CSV builder reports the file line.

/** At most this many distinct numeric labels become classes. */
export const MAX_NUMERIC_CLASSES = 50;

export type NumericClasses =
  | { ok: true; classValues: number[] }
  | { ok: false; reason: 'not-integer'; index: number }
  | { ok: false; reason: 'too-many'; distinct: number }
  | { ok: false; reason: 'single'; value: number };

/** The classes that numeric labels make, or why they make none (`index`: the first offending label). */
export function numericClasses(values: readonly number[]): NumericClasses {
  const distinct = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    if (!Number.isInteger(values[i])) return { ok: false, reason: 'not-integer', index: i };
    distinct.add(values[i] === 0 ? 0 : values[i]); // −0 and 0 are one label
  }
  if (distinct.size > MAX_NUMERIC_CLASSES) return { ok: false, reason: 'too-many', distinct: distinct.size };
  if (distinct.size < 2) return { ok: false, reason: 'single', value: values[0] };
  return { ok: true, classValues: [...distinct].sort((a, b) => a - b) };
}

/** Class index of each label, given the sorted class values. */
export function classLabels(values: readonly number[], classValues: readonly number[]): Float64Array {
  const index = new Map(classValues.map((v, k) => [v, k]));
  return Float64Array.from(values, (v) => index.get(v === 0 ? 0 : v) as number);
}
