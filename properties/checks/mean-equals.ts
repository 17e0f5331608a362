/**
 * "The true mean equals the prediction": a two-sided Student t interval at level 1 − α on i.i.d.
 * units, rejected when the prediction lies outside it.
 *
 * Validity: for skewed units the two-sided t interval is second-order accurate (coverage error
 * O(1/n), the O(1/√n) skewness terms cancel). At small α that O(1/n) term can still matter, so the
 * check reports Hall's Edgeworth estimate of the actual false-failure rate from the sample's
 * skewness and kurtosis, and flags it when it exceeds 1.5 α (properties/stats/mean-interval.ts).
 */
import { minDetectableMeanShift, powerOfMeanTest, tCoverageErrorEstimate, tInterval, tTestPValue } from '../stats';
import type { Check } from '../harness/types';

export const DETECTION_POWER = 0.99;

function shapeOf(units: Float64Array): { skewness: number; excessKurtosis: number } {
  const n = units.length;
  let m = 0;
  for (const v of units) m += v;
  m /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const v of units) {
    const d = v - m;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return m2 > 0 ? { skewness: m3 / m2 ** 1.5, excessKurtosis: m4 / (m2 * m2) - 3 } : { skewness: 0, excessKurtosis: 0 };
}

export const meanEqualsPrediction: Check = {
  name: 'true mean equals the prediction',
  method: 'two-sided Student t interval at level 1−α on i.i.d. per-network units',
  sides: 'two-sided',
  evaluate(units, prediction, alpha) {
    const ci = tInterval(units, 1 - alpha, 'two-sided');
    const consistent = prediction >= ci.lower && prediction <= ci.upper;
    const n = units.length;
    const sd = ci.sd;
    const shift = minDetectableMeanShift({ sd, n, alpha, power: DETECTION_POWER, sides: 'two-sided' });
    const shape = shapeOf(units);
    const coverage = tCoverageErrorEstimate(n, shape.skewness, shape.excessKurtosis, alpha);
    const notes = [
      `sample skewness ${shape.skewness.toFixed(2)}, excess kurtosis ${shape.excessKurtosis.toFixed(1)}; Edgeworth estimate of the actual false-failure rate ${coverage.estimated.toExponential(2)} at nominal ${alpha.toExponential(2)}`,
    ];
    if (coverage.estimated > 1.5 * alpha) notes.push('CALIBRATION WARNING: the estimated false-failure rate exceeds 1.5 α; increase n or narrow the configuration domain');
    return {
      estimate: ci.estimate,
      interval: { lower: ci.lower, upper: ci.upper, level: 1 - alpha },
      verdict: consistent ? 'consistent' : 'rejected',
      pValue: tTestPValue(units, prediction, 'two-sided'),
      minDetectable: { relative: shift / Math.abs(prediction), power: DETECTION_POWER },
      powerAgainst: (alternative: number) => powerOfMeanTest({ shift: alternative - prediction, sd, n, alpha, sides: 'two-sided' }),
      notes,
    };
  },
};
