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

/**
 * A history short enough to send whole when a panel (re)loads: at most `max` points, the latest
 * quarter of them as they are (the live end, which the overfitting shading reads), the older part
 * at an even stride (the charts thin it at least this much anyway). A run of 10⁵ epochs would
 * otherwise cross two process boundaries as 10⁵ objects on every reload of the panel.
 */
export function thinHistory<T>(history: readonly T[], max: number): T[] {
  if (history.length <= max) return [...history];
  const recent = Math.floor(max / 4);
  const older = history.length - recent;
  const kept = pick(history.slice(0, older), strideIndices(older, max - recent));
  return kept.concat(history.slice(older));
}
