// Long histories are thinned before they reach a chart: drawing 10,000 points per series costs
// far more than the eye gains. An even stride keeps the curve's shape and always the last point,
// so the live end of a curve never lags.

/** Indices to draw so that at most `max` of `n` points remain (first and last always kept). */
export function strideIndices(n: number, max: number): number[] {
  if (n <= 0) return [];
  if (n <= max || max < 2) return Array.from({ length: n }, (_, i) => i);
  const stride = Math.ceil((n - 1) / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += stride) out.push(i);
  out.push(n - 1);
  return out;
}

export function pick<T>(values: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => values[i] as T);
}
