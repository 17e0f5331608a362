/**
 * p-values dual to the intervals: p < α exactly when `compareToPrediction` rejects the same
 * prediction with the interval at level 1 − α and the same sides.
 *
 * Sides (see `types.ts`): `'lower'` (interval [L, ∞)) tests "θ ≤ θ₀" against θ > θ₀, so its
 * p-value is the upper-tail probability; `'upper'` tests "θ ≥ θ₀" against θ < θ₀ (lower tail).
 * In R's terms, `'lower'` is `alternative = "greater"` and `'upper'` is `alternative = "less"`.
 *
 * Reference: Casella & Berger (2002), Statistical Inference, 2nd ed., §8.3.4 (p-values) and
 * Theorem 9.2.2 (duality).
 */
import { tCdf } from './distributions';
import { meanOf, varianceOf } from './moments';
import type { Sides } from './types';
import { checkFinite, checkSample, checkSides } from './validate';

function tailP(stat: number, sides: Sides, cdf: (x: number) => number): number {
  if (sides === 'lower') return cdf(-stat);
  if (sides === 'upper') return cdf(stat);
  return Math.min(1, 2 * cdf(-Math.abs(stat)));
}

/**
 * One-sample t-test p-value for H₀: mean = mu0, t = (x̄ − mu0)/(s/√n) on n − 1 df; dual to
 * `tInterval`. A constant sample gives p = 1 if x̄ = mu0 and 0 otherwise (the degenerate interval).
 *
 * Reference: Student (1908), Biometrika 6(1):1–25; Casella & Berger (2002), §8.3.4.
 *
 * @example tTestPValue([5.1, 4.9, 5.3, 5.2], 5, 'two-sided'); // 0.2394
 */
export function tTestPValue(sample: ArrayLike<number>, mu0: number, sides: Sides = 'two-sided'): number {
  const fn = 'tTestPValue';
  checkFinite(fn, 'mu0', mu0);
  checkSides(fn, sides);
  const x = checkSample(fn, 'sample', sample, 2);
  const n = x.length;
  const mean = meanOf(x);
  const se = Math.sqrt(varianceOf(x, mean) / n);
  if (se === 0) {
    if (mean === mu0) return 1;
    const above = mean > mu0;
    if (sides === 'lower') return above ? 0 : 1;
    if (sides === 'upper') return above ? 1 : 0;
    return 0;
  }
  const t = (mean - mu0) / se;
  return tailP(t, sides, (v) => tCdf(v, n - 1));
}
