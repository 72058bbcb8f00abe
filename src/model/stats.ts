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
