/**
 * Validated wrappers around the stdlib distribution functions (`@stdlib/stats-base-dists-*`).
 * No numerics are implemented here beyond the closed-form normal density: every quantile and CDF
 * comes from stdlib. Invalid input throws an Error naming the parameter and its allowed range,
 * instead of stdlib's silent NaN.
 *
 * The normal quantile is computed as Φ⁻¹(p) = −√2 · erfcinv(2p) (p < ½; mirrored for p ≥ ½) with
 * stdlib's `erfcinv`, not with `@stdlib/stats-base-dists-normal-quantile` 0.3.1: that one evaluates
 * √2 · erfinv(2p − 1), which cancels catastrophically in the tails (relative error 2e-9 at
 * p = 1e-10) and returns −Infinity for p < 1.1e-16, i.e. at the small α a suite-wide budget hands
 * out (pinned in distributions.test.ts).
 *
 * References: Johnson, Kotz & Balakrishnan (1994–95), Continuous Univariate Distributions, vols 1–2;
 * stdlib (https://stdlib.io) for the algorithms.
 */
import betaQuantileImpl = require('@stdlib/stats-base-dists-beta-quantile');
import chisquareCdfImpl = require('@stdlib/stats-base-dists-chisquare-cdf');
import chisquareQuantileImpl = require('@stdlib/stats-base-dists-chisquare-quantile');
import normalCdfImpl = require('@stdlib/stats-base-dists-normal-cdf');
import erfcinv = require('@stdlib/math-base-special-erfcinv');
import gammaln = require('@stdlib/math-base-special-gammaln');
import tCdfImpl = require('@stdlib/stats-base-dists-t-cdf');
import tQuantileImpl = require('@stdlib/stats-base-dists-t-quantile');
import { checkNotNaN, checkOpenUnit, checkPositive } from './validate';

const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

/**
 * Standard normal quantile Φ⁻¹(p), accurate to a few ulps also far in the tails (see the module
 * comment).
 *
 * Reference: Johnson, Kotz & Balakrishnan (1994), vol. 1, ch. 13 (Φ⁻¹(p) = −√2 erfc⁻¹(2p)).
 *
 * @example normalQuantile(0.975); // 1.9599639845400538
 */
export function normalQuantile(p: number): number {
  checkOpenUnit('normalQuantile', 'p', p);
  return standardNormalQuantile(p);
}

/** Φ⁻¹(p) via erfcinv of an argument that is exact in both tails (1 − p is exact for p ≥ ½). */
function standardNormalQuantile(p: number): number {
  if (p === 0.5) return 0;
  return p < 0.5 ? -Math.SQRT2 * erfcinv(2 * p) : Math.SQRT2 * erfcinv(2 * (1 - p));
}

/**
 * Standard normal CDF Φ(x); x may be ±Infinity.
 *
 * Reference: Johnson, Kotz & Balakrishnan (1994), vol. 1, ch. 13.
 *
 * @example normalCdf(1.959963984540054); // 0.975
 */
export function normalCdf(x: number): number {
  checkNotNaN('normalCdf', 'x', x);
  return normalCdfImpl(x, 0, 1);
}

/**
 * Standard normal density φ(x) = exp(−x²/2)/√(2π) (closed form).
 *
 * Reference: Johnson, Kotz & Balakrishnan (1994), vol. 1, ch. 13.
 *
 * @example normalPdf(0); // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  checkNotNaN('normalPdf', 'x', x);
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Student t quantile with `df` degrees of freedom (df > 0, not necessarily an integer;
 * `df = Infinity` gives the normal limit).
 *
 * Reference: Johnson, Kotz & Balakrishnan (1995), vol. 2, ch. 28.
 *
 * @example tQuantile(0.975, 9); // 2.262157162798205
 */
export function tQuantile(p: number, df: number): number {
  checkOpenUnit('tQuantile', 'p', p);
  checkPositive('tQuantile', 'df', df, true);
  return df === Infinity ? standardNormalQuantile(p) : tQuantileImpl(p, df);
}

/**
 * Student t CDF with `df` degrees of freedom (df > 0; Infinity gives Φ); x may be ±Infinity.
 *
 * Reference: Johnson, Kotz & Balakrishnan (1995), vol. 2, ch. 28.
 *
 * @example tCdf(2.262157162798205, 9); // 0.975
 */
export function tCdf(x: number, df: number): number {
  checkNotNaN('tCdf', 'x', x);
  checkPositive('tCdf', 'df', df, true);
  return df === Infinity ? normalCdfImpl(x, 0, 1) : tCdfImpl(x, df);
}

/**
 * Beta(a, b) quantile (a, b > 0, finite).
 *
 * Reference: Johnson, Kotz & Balakrishnan (1995), vol. 2, ch. 25.
 *
 * @example betaQuantile(0.5, 1, 1); // 0.5
 */
export function betaQuantile(p: number, a: number, b: number): number {
  checkOpenUnit('betaQuantile', 'p', p);
  checkPositive('betaQuantile', 'a', a);
  checkPositive('betaQuantile', 'b', b);
  return betaQuantileImpl(p, a, b);
}

/**
 * χ² CDF with k degrees of freedom (k > 0, finite); x may be any number (0 below 0).
 *
 * Reference: Johnson, Kotz & Balakrishnan (1994), vol. 1, ch. 18.
 *
 * @example chiSquareCdf(3.841458820694124, 1); // 0.95
 */
export function chiSquareCdf(x: number, k: number): number {
  checkNotNaN('chiSquareCdf', 'x', x);
  checkPositive('chiSquareCdf', 'k', k);
  return chisquareCdfImpl(x, k);
}

/**
 * χ² quantile with k degrees of freedom (k > 0, finite).
 *
 * Reference: Johnson, Kotz & Balakrishnan (1994), vol. 1, ch. 18.
 *
 * @example chiSquareQuantile(0.95, 1); // 3.8414588206941245
 */
export function chiSquareQuantile(p: number, k: number): number {
  checkOpenUnit('chiSquareQuantile', 'p', p);
  checkPositive('chiSquareQuantile', 'k', k);
  return chisquareQuantileImpl(p, k);
}

/**
 * log Γ(x) for x > 0 (stdlib's gammaln).
 *
 * @example logGamma(5); // log(24) = 3.1780538303479458
 */
export function logGamma(x: number): number {
  checkPositive('logGamma', 'x', x);
  return gammaln(x);
}
