/**
 * The mean of i.i.d. units against a prediction, with a Student t interval:
 * - {@link meanEqualsPrediction}: two-sided, rejected when the prediction lies outside [L, U];
 * - {@link meanAtLeastPrediction}: the claim "E ≥ prediction" (a lower bound), rejected when the
 *   one-sided interval (−∞, U] lies below the prediction;
 * - {@link meanAtMostPrediction}: the claim "E ≤ prediction" (an upper bound), rejected when [L, ∞)
 *   lies above it.
 *
 * Calibration. The two-sided t interval is second-order accurate (coverage error O(1/n)); a
 * one-sided one has an O(1/√n) error proportional to the skewness. At the small α of a suite budget
 * either can matter for skewed units (activation lengths are products of χ² factors), so each check
 * spends its budget on the *estimated actual* rate: it runs the interval at the nominal level α′ ≤ α
 * whose Edgeworth estimate (Hall 1992 §2.6, properties/stats/coverage-error.ts) from the sample's
 * skewness and kurtosis equals α. When that needs α′ < α/5 the expansion is no longer trustworthy
 * and the check says so in its notes (a domain too heavy-tailed for n).
 */
import { compareToPrediction, minDetectableMeanShift, powerOfMeanTest, sampleMoments, tCoverageErrorEstimate, tInterval, tTestPValue } from '../stats';
import type { Sides } from '../../theorems/vocabulary';
import type { Check } from '../harness/types';
import { DETECTION_POWER } from './detection';

/** Below α/MAX_CORRECTION the Edgeworth correction is too large to trust. */
export const MAX_CORRECTION = 5;

/** Nominal α′ whose Edgeworth-estimated actual false-failure rate is α (bisection in log α′). */
export function calibratedAlpha(n: number, skewness: number, excessKurtosis: number, alpha: number, sides: Sides = 'two-sided'): number {
  const actual = (a: number): number => tCoverageErrorEstimate(n, skewness, excessKurtosis, a, sides).estimated;
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

type Claimed = 'equal' | 'at-least' | 'at-most';

/** The interval that tests each claim: 'at-least' uses (−∞, U] (helper's `upper`), 'at-most' [L, ∞). */
const SIDES_FOR: Record<Claimed, Sides> = { equal: 'two-sided', 'at-least': 'upper', 'at-most': 'lower' };

function meanCheck(claimed: Claimed): Check {
  const sides = SIDES_FOR[claimed];
  const words = { equal: 'true mean equals the prediction', 'at-least': 'true mean is at least the prediction (lower bound)', 'at-most': 'true mean is at most the prediction (upper bound)' }[claimed];
  return {
    name: words,
    method: `${sides === 'two-sided' ? 'two-sided' : 'one-sided'} Student t interval on i.i.d. units, level calibrated by Edgeworth correction so the estimated actual false-failure rate is α`,
    sides,
    evaluate(units, prediction, alpha) {
      const n = units.length;
      const moments = sampleMoments(units);
      const nominal = calibratedAlpha(n, moments.skewness, moments.excessKurtosis, alpha, sides);
      const ci = tInterval(units, 1 - nominal, sides);
      const sd = ci.sd;
      const shift = minDetectableMeanShift({ sd, n, alpha: nominal, power: DETECTION_POWER, sides });
      const notes = [
        `skewness ${moments.skewness.toFixed(2)}, excess kurtosis ${moments.excessKurtosis.toFixed(1)}: interval run at nominal α′ = ${nominal.toExponential(2)} so that the Edgeworth-estimated actual false-failure rate is α = ${alpha.toExponential(2)}`,
      ];
      const calibrationWarning =
        nominal < alpha / MAX_CORRECTION
          ? `CALIBRATION WARNING: α′ < α/${MAX_CORRECTION}; the units are too heavy-tailed for n = ${n} to trust the expansion — increase n or narrow the configuration domain`
          : undefined;
      return {
        estimate: ci.estimate,
        interval: { lower: ci.lower, upper: ci.upper, level: 1 - nominal },
        verdict: compareToPrediction(ci, prediction).verdict,
        pValue: tTestPValue(units, prediction, sides),
        minDetectable: { relative: shift / Math.abs(prediction), power: DETECTION_POWER },
        powerAgainst: (alternative: number) => powerOfMeanTest({ shift: alternative - prediction, sd, n, alpha: nominal, sides }),
        notes,
        ...(calibrationWarning ? { calibrationWarning } : {}),
      };
    },
  };
}

export const meanEqualsPrediction: Check = meanCheck('equal');
export const meanAtLeastPrediction: Check = meanCheck('at-least');
export const meanAtMostPrediction: Check = meanCheck('at-most');
