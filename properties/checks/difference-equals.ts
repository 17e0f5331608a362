/**
 * "The difference of two means equals the prediction": a two-sided Welch interval on two
 * independent samples of i.i.d. units (units − reference), rejected when the predicted difference
 * lies outside it.
 *
 * Calibration: the Welch statistic is two-sided and, like the one-sample t, second-order accurate;
 * no Edgeworth correction is applied here, so its domain must keep both samples' skewness moderate
 * for their n. The check reports both samples' skewness for that reason. Power is computed with the
 * normal approximation on the pooled standard error.
 */
import { compareToPrediction, normalCdf, normalQuantile, sampleMoments, welchInterval } from '../stats';
import type { Check } from '../harness/types';
import { DETECTION_POWER } from './detection';


export const differenceEqualsPrediction: Check = {
  name: 'difference of two means equals the prediction',
  method: 'two-sided Welch interval on two independent samples of i.i.d. units',
  sides: 'two-sided',
  evaluate(units, prediction, alpha, reference) {
    if (!reference) throw new Error('differenceEqualsPrediction needs a reference sample (Experiment.reference)');
    const ci = welchInterval(units, reference, 1 - alpha, 'two-sided');
    const a = sampleMoments(units);
    const b = sampleMoments(reference);
    const z = normalQuantile(1 - alpha / 2) + normalQuantile(DETECTION_POWER);
    const scale = Math.max(Math.abs(a.mean), Math.abs(b.mean));
    return {
      estimate: ci.estimate,
      interval: { lower: ci.lower, upper: ci.upper, level: 1 - alpha },
      verdict: compareToPrediction(ci, prediction).verdict,
      // Relative to the larger of the two means: the difference itself may be ~0.
      minDetectable: { relative: (z * ci.se) / scale, power: DETECTION_POWER },
      powerAgainst: (alternative: number) => {
        const delta = Math.abs(alternative - prediction) / ci.se;
        const crit = normalQuantile(1 - alpha / 2);
        return normalCdf(delta - crit) + normalCdf(-delta - crit);
      },
      notes: [
        `samples: n = ${a.n} and ${b.n}, means ${a.mean.toPrecision(5)} and ${b.mean.toPrecision(5)}, skewness ${a.skewness.toFixed(2)} and ${b.skewness.toFixed(2)}; min detectable is relative to the larger mean`,
      ],
    };
  },
};
