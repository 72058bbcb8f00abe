// The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt in float64, for the exact GELU (x·Φ(x), with
// Φ(x) = (1 + erf(x/√2))/2). JavaScript has no Math.erf. This evaluates W. J. Cody's rational
// Chebyshev approximations ("Rational Chebyshev approximations for the error function",
// Mathematics of Computation 23 (1969), 631–637): erf itself on |x| ≤ 0.46875, and erfc(x)·e^(x²)
// on 0.46875 < |x| ≤ 4 and beyond, with e^(−x²) split as e^(−k²)·e^(−(x−k)(x+k)) (k = x rounded
// down to 1/16) so that the exponential loses no digits. Relative error about 1e-16 (checked
// against reference values in test/unit/engine/erf.test.ts).

// erf(x) ≈ x·P(x²)/Q(x²) on |x| ≤ 0.46875.
const A0 = 3.1611237438705656;
const A1 = 113.864154151050156;
const A2 = 377.485237685302021;
const A3 = 3209.37758913846947;
const A4 = 0.185777706184603153;
const B0 = 23.6012909523441209;
const B1 = 244.024637934444173;
const B2 = 1282.61652607737228;
const B3 = 2844.23683343917062;

// erfc(x)·e^(x²) ≈ P(x)/Q(x) on 0.46875 < x ≤ 4.
const C = [0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.952221241769090, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725];
const C8 = 2.15311535474403846e-8;
const D = [15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942];

// erfc(x)·e^(x²)·x ≈ 1/√π − R(1/x²)/(x²·S(1/x²)) for x > 4.
const P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 0.000658749161529837803];
const P5 = 0.0163153871373020978;
const Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const ONE_OVER_SQRT_PI = 0.56418958354775628695;
/** Beyond this erfc(x) underflows and erf(x) is ±1 to the last bit. */
const ERFC_UNDERFLOW = 26.543;

/** e^(−x²) for x ≥ 0 without the rounding error of squaring x first. */
function expMinusSquare(x: number): number {
  const k = Math.trunc(x * 16) / 16;
  return Math.exp(-k * k) * Math.exp(-(x - k) * (x + k));
}

/** erfc(y) for y > 0.46875. */
function erfcTail(y: number): number {
  if (y <= 4) {
    let num = C8 * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    return (expMinusSquare(y) * (num + C[7])) / (den + D[7]);
  }
  if (y >= ERFC_UNDERFLOW) return 0;
  const t = 1 / (y * y);
  let num = P5 * t;
  let den = t;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * t;
    den = (den + Q[i]) * t;
  }
  const ratio = (t * (num + P[4])) / (den + Q[4]);
  return (expMinusSquare(y) * (ONE_OVER_SQRT_PI - ratio)) / y;
}

/** The error function, odd: erf(−x) = −erf(x); erf(±∞) = ±1; NaN stays NaN. */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) {
    const t = y * y;
    const num = (((A4 * t + A0) * t + A1) * t + A2) * t + A3;
    const den = (((t + B0) * t + B1) * t + B2) * t + B3;
    return (x * num) / den;
  }
  if (Number.isNaN(y)) return Number.NaN;
  const value = 1 - erfcTail(y);
  return x < 0 ? -value : value;
}
