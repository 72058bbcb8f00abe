// Small numerical helpers for predictions made from the text alone.

/**
 * Complementary error function, erfc(x) = 1 − erf(x), with fractional error below 1.2e-7
 * everywhere (Numerical Recipes' Chebyshev fit), enough to say "24% of units saturate".
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(|z| > threshold) for z ~ N(0, std²). */
export function twoSidedTail(threshold: number, std: number): number {
  if (std <= 0) return 0;
  return erfc(threshold / (std * Math.SQRT2));
}

/** "24%", "0.3%", "< 0.1%": shares as a student reads them. */
export function percent(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 0.1) return '< 0.1%';
  if (p < 10) return `${Number(p.toFixed(1))}%`;
  return `${Math.round(p)}%`;
}

/** Compact number for messages: 0.001, 3.2e-5, 1200. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const a = Math.abs(value);
  if (a >= 1e-3 && a < 1e5) return String(Number(value.toPrecision(3)));
  return value.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
}
