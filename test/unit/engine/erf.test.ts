// erf against reference values computed independently, once, with mpmath at 40 digits (each also
// within 1 ulp of Python's math.erf), stored as literals: [x, erf(x) rounded to float64].

import { describe, expect, it } from 'vitest';
import { erf } from '../../../src/engine/erf';

const REFERENCE: [number, number][] = [
  [1e-300, 1.1283791670955126e-300],
  [1e-10, 1.1283791670955126e-10],
  [1e-05, 1.1283791670579e-05],
  [0.001, 0.0011283787909692365],
  [0.1, 0.1124629160182849],
  [0.25, 0.27632639016823696],
  [0.46875, 0.49261347321793797],
  [0.46876, 0.4926225311068465],
  [0.5, 0.5204998778130465],
  [0.75, 0.7111556336535151],
  [1.0, 0.8427007929497149],
  [1.2345, 0.9191623964135658],
  [1.5, 0.9661051464753108],
  [2.0, 0.9953222650189527],
  [2.5, 0.999593047982555],
  [3.0, 0.9999779095030014],
  [3.5, 0.9999992569016276],
  [3.999, 0.9999999844552505],
  [4.0, 0.9999999845827421],
  [4.001, 0.9999999847092178],
  [4.5, 0.9999999998033839],
  [5.0, 0.9999999999984626],
  [5.5, 0.9999999999999927],
  [5.9, 0.9999999999999999],
  [6.0, 1.0],
  [-0.3, -0.3286267594591274],
  [-0.7071067811865476, -0.682689492137086],
  [-1.0, -0.8427007929497149],
  [-2.2, -0.9981371537020182],
  [-3.7, -0.9999998328489421],
  [-4.2, -0.9999999971445058],
];

describe('erf (Cody 1969)', () => {
  it.each(REFERENCE)('erf(%s) to 1e-15 relative', (x, expected) => {
    const got = erf(x);
    expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected));
  });

  it('is odd, and ±1, 0 and NaN at the ends', () => {
    for (const [x] of REFERENCE) expect(erf(-x)).toBe(-erf(x));
    expect(erf(0)).toBe(0);
    expect(erf(30)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(Number.NaN)).toBeNaN();
  });

  it('is continuous where the approximation switches interval', () => {
    for (const edge of [0.46875, 4]) {
      const below = erf(edge - 1e-12);
      const above = erf(edge + 1e-12);
      // The slope is at most 2/√π ≈ 1.13, so a 2e-12 step moves erf by under 2.3e-12: no jump.
      expect(Math.abs(above - below)).toBeLessThan(2.3e-12);
    }
  });
});
