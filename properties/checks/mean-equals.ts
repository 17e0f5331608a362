/**
 * "The true mean equals the prediction": a two-sided Student t interval on i.i.d. units, rejected
 * when the prediction lies outside it.
 *
 * Calibration. The two-sided t interval is second-order accurate (coverage error O(1/n): the
 * O(1/√n) skewness terms cancel), but at the small α of a suite budget the O(1/n) term of skewed
 * units (activation lengths are products of χ² factors) can still double the false-failure rate.
 * So the check spends its budget on the *estimated actual* rate: it runs the interval at the
 * nominal level α′ ≤ α whose Edgeworth estimate (Hall 1992 §2.6, properties/stats/coverage-error.ts)
 * from the sample's skewness and kurtosis equals α. When that needs α′ < α/5 the expansion is no
 * longer trustworthy and the check says so in its notes (a domain that is too heavy-tailed for n).
 */
import { minDetectableMeanShift, powerOfMeanTest, sampleMoments, tCoverageErrorEstimate, tInterval, tTestPValue } from '../stats';
import type { Check } from '../harness/types';

export const DETECTION_POWER = 0.99;
/** Below α/MAX_CORRECTION the Edgeworth correction is too large to trust. */
export const MAX_CORRECTION = 5;

/** Nominal α′ whose Edgeworth-estimated actual two-sided rate is α (bisection in log α′). */
export function calibratedAlpha(n: number, skewness: number, excessKurtosis: number, alpha: number): number {
  const actual = (a: number): number => tCoverageErrorEstimate(n, skewness, excessKurtosis, a).estimated;
  if (actual(alpha) <= alpha) return alpha;
  let lo = Math.log(alpha / 1000);
  let hi = Math.log(alpha);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (actual(Math.exp(mid)) > alpha) hi = mid;
    else lo = mid;
  }
  return Math.exp(lo);
}

export const meanEqualsPrediction: Check = {
  name: 'true mean equals the prediction',
  method: 'two-sided Student t interval on i.i.d. per-network units, level calibrated by Edgeworth correction so the estimated actual false-failure rate is α',
  sides: 'two-sided',
  evaluate(units, prediction, alpha) {
    const n = units.length;
    const moments = sampleMoments(units);
    const nominal = calibratedAlpha(n, moments.skewness, moments.excessKurtosis, alpha);
    const ci = tInterval(units, 1 - nominal, 'two-sided');
    const consistent = prediction >= ci.lower && prediction <= ci.upper;
    const sd = ci.sd;
    const shift = minDetectableMeanShift({ sd, n, alpha: nominal, power: DETECTION_POWER, sides: 'two-sided' });
    const notes = [
      `skewness ${moments.skewness.toFixed(2)}, excess kurtosis ${moments.excessKurtosis.toFixed(1)}: interval run at nominal α′ = ${nominal.toExponential(2)} so that the Edgeworth-estimated actual false-failure rate is α = ${alpha.toExponential(2)}`,
    ];
    if (nominal < alpha / MAX_CORRECTION) {
      notes.push(`CALIBRATION WARNING: α′ < α/${MAX_CORRECTION}; the units are too heavy-tailed for n = ${n} to trust the expansion — increase n or narrow the configuration domain`);
    }
    return {
      estimate: ci.estimate,
      interval: { lower: ci.lower, upper: ci.upper, level: 1 - nominal },
      verdict: consistent ? 'consistent' : 'rejected',
      pValue: tTestPValue(units, prediction, 'two-sided'),
      minDetectable: { relative: shift / Math.abs(prediction), power: DETECTION_POWER },
      powerAgainst: (alternative: number) => powerOfMeanTest({ shift: alternative - prediction, sd, n, alpha: nominal, sides: 'two-sided' }),
      notes,
    };
  },
};
