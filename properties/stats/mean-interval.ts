/**
 * Student t confidence interval for a population mean.
 *
 * When it is valid (i.i.d. data with finite variance):
 * - Normal data: exact at every n, one- and two-sided.
 * - Non-normal data with finite fourth moment, two-sided: second-order accurate. The O(n^{-1/2})
 *   skewness terms of the Edgeworth expansion cancel between the two tails, so the coverage error is
 *   O(1/n), driven by skewness² and excess kurtosis (`tCoverageErrorEstimate` gives the size).
 * - Non-normal data, one-sided: only first-order accurate. The coverage error is O(n^{-1/2}) and
 *   proportional to the skewness γ: for right-skewed data (γ > 0) the `'upper'` bound undercovers
 *   and the `'lower'` bound overcovers (Hall 1992, §2.6; Hesterberg 2015, Am. Stat. 69(4):371–386).
 *   Prefer two-sided intervals or a larger n for skewed units.
 *
 * Reference: Student (1908), "The probable error of a mean", Biometrika 6(1):1–25; Hall (1992),
 * The Bootstrap and Edgeworth Expansion, Springer, §2.6.
 */
import { tQuantile } from './distributions';
import { meanOf, varianceOf } from './moments';
import { oneSidedBounds, tailProbability } from './sides';
import type { Interval, Sides } from './types';
import { checkLevel, checkSample, checkSides } from './validate';

/**
 * A Student t interval for a mean, with the quantities it was built from.
 *
 * @example const ci: MeanInterval = tInterval([1, 2, 3], 0.95);
 */
export interface MeanInterval extends Interval {
  method: 't';
  /** Standard error sd/√n. */
  se: number;
  /** Degrees of freedom n − 1. */
  df: number;
  /** Sample standard deviation (divisor n − 1). */
  sd: number;
}

/**
 * Student t interval for the mean of i.i.d. data: x̄ ± t_{1−α/2, n−1}·s/√n (two-sided),
 * `[x̄ − t_{1−α, n−1}·s/√n, ∞)` (`'lower'`) or `(−∞, x̄ + t_{1−α, n−1}·s/√n]` (`'upper'`).
 * See the module comment for when it is valid. A constant sample gives the degenerate interval
 * [x̄, x̄] (s = 0): the t interval has no information about the spread then.
 *
 * Reference: Student (1908), Biometrika 6(1):1–25; Casella & Berger (2002), §9.2.
 *
 * @example tInterval([9.8, 10.1, 10.3, 9.9, 10.4], 0.95).lower; // 9.7...
 */
export function tInterval(sample: ArrayLike<number>, level: number, sides: Sides = 'two-sided'): MeanInterval {
  const fn = 'tInterval';
  checkLevel(fn, level);
  checkSides(fn, sides);
  const x = checkSample(fn, 'sample', sample, 2);
  const n = x.length;
  const mean = meanOf(x);
  const sd = Math.sqrt(varianceOf(x, mean));
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const half = se === 0 ? 0 : tQuantile(1 - tailProbability(level, sides), df) * se;
  return {
    estimate: mean,
    ...oneSidedBounds(mean - half, mean + half, sides),
    level,
    sides,
    method: 't',
    n,
    se,
    df,
    sd,
  };
}
