/**
 * Distribution-free confidence bounds for the mean of i.i.d. units known to lie in [0, 1]: the
 * better of Hoeffding's and the empirical Bernstein bound, each at half the level (Bonferroni), so
 * the non-coverage is ≤ α exactly, at every n and for every law on [0, 1] (no skewness or tail
 * condition: the Edgeworth calibration cannot vouch for heavily skewed bounded units such as |cos|
 * near 1 at n = 24–64).
 *
 * - Hoeffding (1963, "Probability inequalities for sums of bounded random variables", JASA
 *   58(301):13–30, Thm 2): P(μ − X̄ ≥ t) ≤ exp(−2nt²), so μ ≤ X̄ + √(ln(1/δ)/(2n)) w.p. ≥ 1 − δ.
 * - Empirical Bernstein (Maurer & Pontil 2009, "Empirical Bernstein bounds and sample variance
 *   penalization", COLT, Thm 4): w.p. ≥ 1 − δ, μ ≤ X̄ + √(2 V ln(2/δ)/n) + 7 ln(2/δ)/(3(n − 1)), V the
 *   unbiased sample variance (n ≥ 2). Much tighter than Hoeffding when V is small and n is large.
 *
 * Lower bounds apply the same to 1 − X. A two-sided interval puts α/2 on each side.
 */
import { meanOf, varianceOf } from './moments';
import type { Sides } from './types';
import { checkOpenUnit, checkSample, checkSides, fail } from './validate';

/**
 * A distribution-free interval for the mean of [0, 1] units.
 *
 * @example const b: BoundedMeanInterval = boundedMeanInterval([0.9, 1, 0.95], 1e-3, 'two-sided');
 */
export interface BoundedMeanInterval {
  estimate: number;
  /** Lower bound (−Infinity for `'upper'`). */
  lower: number;
  /** Upper bound (+Infinity for `'lower'`). */
  upper: number;
  sides: Sides;
  /** Non-coverage bound α (exact: ≤ α for every law on [0, 1]). */
  alpha: number;
  n: number;
  /** Unbiased sample variance. */
  variance: number;
  /** Which inequality gave each bound. */
  methods: { lower?: 'hoeffding' | 'empirical-bernstein'; upper?: 'hoeffding' | 'empirical-bernstein' };
}

/**
 * Half-widths above the mean of Hoeffding (at δ) and empirical Bernstein (at δ) for [0, 1] units.
 *
 * @example boundedMeanHalfWidths(100, 0.01, 1e-3).hoeffding; // 0.1858
 */
export function boundedMeanHalfWidths(n: number, variance: number, delta: number): { hoeffding: number; empiricalBernstein: number } {
  const fn = 'boundedMeanHalfWidths';
  if (!(Number.isInteger(n) && n >= 2)) fail(fn, 'n', 'an integer >= 2', n);
  if (!(variance >= 0 && variance <= 0.5)) fail(fn, 'variance', 'in [0, 0.5] (the unbiased variance of [0, 1] data)', variance);
  checkOpenUnit(fn, 'delta', delta);
  const log2 = Math.log(2 / delta);
  return {
    hoeffding: Math.sqrt(Math.log(1 / delta) / (2 * n)),
    empiricalBernstein: Math.sqrt((2 * variance * log2) / n) + (7 * log2) / (3 * (n - 1)),
  };
}

/**
 * The distribution-free interval at non-coverage α: each bound is the better of Hoeffding and
 * empirical Bernstein at α/2 (two-sided: α/4 each), clipped to [0, 1]. Units outside [0, 1] throw.
 *
 * Reference: Hoeffding (1963), Thm 2; Maurer & Pontil (2009), Thm 4.
 *
 * @example boundedMeanInterval(Array(32).fill(0.99), 1e-5, 'upper').upper; // 1
 */
export function boundedMeanInterval(sample: ArrayLike<number>, alpha: number, sides: Sides = 'two-sided'): BoundedMeanInterval {
  const fn = 'boundedMeanInterval';
  checkOpenUnit(fn, 'alpha', alpha);
  checkSides(fn, sides);
  const x = checkSample(fn, 'sample', sample, 2);
  for (let i = 0; i < x.length; i++) if (!(x[i] >= 0 && x[i] <= 1)) fail(fn, `sample[${i}]`, 'in [0, 1] (unit-interval units)', x[i]);
  const n = x.length;
  const mean = meanOf(x);
  const variance = Math.min(0.5, varianceOf(x, mean));
  const perSide = sides === 'two-sided' ? alpha / 2 : alpha;
  const h = boundedMeanHalfWidths(n, variance, perSide / 2);
  const useH = h.hoeffding <= h.empiricalBernstein;
  const half = useH ? h.hoeffding : h.empiricalBernstein;
  const method = useH ? 'hoeffding' : 'empirical-bernstein';
  return {
    estimate: mean,
    lower: sides === 'upper' ? -Infinity : Math.max(0, mean - half),
    upper: sides === 'lower' ? Infinity : Math.min(1, mean + half),
    sides,
    alpha,
    n,
    variance,
    methods: { ...(sides !== 'upper' ? { lower: method } : {}), ...(sides !== 'lower' ? { upper: method } : {}) },
  };
}

/**
 * A lower bound on the probability that the one-sided bound at α excludes `prediction` when the true
 * mean is `value` (the power of the bound test), for [0, 1] units of standard deviation ≤ `sd`:
 * the test rejects whenever X̄ + hH < prediction (hH the Hoeffding half-width at α/2), and
 * P(X̄ ≥ prediction − hH) ≤ min(exp(−2nt²), exp(−nt²/(2σ² + 2t/3))) with t = prediction − hH − value
 * (Hoeffding 1963 Thm 2; Bernstein's inequality, Boucheron, Lugosi & Massart 2013, Concentration
 * Inequalities, Thm 2.10). Returns 0 when t ≤ 0. `direction` 'below': power against a true mean
 * below the prediction (the `'upper'` bound test); 'above': by symmetry on 1 − X.
 *
 * @example boundedMeanPower(32, 0.34, 0.95, 0.5, 1e-5, 'below'); // 0.854 (n = 100: > 1 − 1e-6)
 */
export function boundedMeanPower(n: number, value: number, prediction: number, sd: number, alpha: number, direction: 'below' | 'above'): number {
  const fn = 'boundedMeanPower';
  if (!(Number.isInteger(n) && n >= 2)) fail(fn, 'n', 'an integer >= 2', n);
  if (!(value >= 0 && value <= 1)) fail(fn, 'value', 'in [0, 1]', value);
  if (!Number.isFinite(prediction)) fail(fn, 'prediction', 'a finite number', prediction);
  if (!(sd >= 0 && sd <= 0.5)) fail(fn, 'sd', 'in [0, 0.5] (units in [0, 1])', sd);
  checkOpenUnit(fn, 'alpha', alpha);
  const hH = Math.sqrt(Math.log(2 / alpha) / (2 * n));
  const t = direction === 'below' ? prediction - hH - value : value - hH - prediction;
  if (!(t > 0)) return 0;
  const miss = Math.min(Math.exp(-2 * n * t * t), Math.exp((-n * t * t) / (2 * sd * sd + (2 * t) / 3)));
  return 1 - miss;
}
