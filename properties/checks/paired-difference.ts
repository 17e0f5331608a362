/**
 * "E[units − reference] equals the prediction" for paired units (the reference is a per-unit
 * prediction computed on the same network, e.g. a conditional expectation): a one-sample t interval
 * on the differences, with the same Edgeworth calibration as mean-vs-prediction.ts. Smallest
 * detectable deviations are reported relative to the mean of the reference.
 */
import { compareToPrediction, minDetectableMeanShift, powerOfMeanTest, sampleMoments, tInterval, tTestPValue } from '../stats';
import type { Check } from '../harness/types';
import { calibratedAlpha, MAX_CORRECTION } from './mean-vs-prediction';
import { DETECTION_POWER } from './detection';

export const pairedDifferenceEquals: Check = {
  name: 'mean paired difference (measured − per-unit prediction) equals the prediction',
  method: 'two-sided Student t interval on paired differences, level calibrated by Edgeworth correction so the estimated actual false-failure rate is α',
  sides: 'two-sided',
  evaluate(units, prediction, alpha, reference) {
    if (!reference || reference.length !== units.length) throw new Error('pairedDifferenceEquals needs a reference sample of the same length (Experiment.reference)');
    const diff = units.map((u, i) => u - reference[i]);
    const n = diff.length;
    const m = sampleMoments(diff);
    const nominal = calibratedAlpha(n, m.skewness, m.excessKurtosis, alpha, 'two-sided');
    const ci = tInterval(diff, 1 - nominal, 'two-sided');
    const shift = minDetectableMeanShift({ sd: ci.sd, n, alpha: nominal, power: DETECTION_POWER, sides: 'two-sided' });
    const refMean = sampleMoments(reference).mean;
    const calibrationWarning =
      nominal < alpha / MAX_CORRECTION ? `CALIBRATION WARNING: α′ < α/${MAX_CORRECTION}; the differences are too heavy-tailed for n = ${n}` : undefined;
    return {
      estimate: ci.estimate,
      interval: { lower: ci.lower, upper: ci.upper, level: 1 - nominal },
      verdict: compareToPrediction(ci, prediction).verdict,
      pValue: tTestPValue(diff, prediction, 'two-sided'),
      minDetectable: { relative: shift / Math.abs(refMean), power: DETECTION_POWER },
      powerAgainst: (alternative: number) => powerOfMeanTest({ shift: alternative - prediction, sd: ci.sd, n, alpha: nominal, sides: 'two-sided' }),
      notes: [
        `mean measured ${sampleMoments(units).mean.toPrecision(5)}, mean per-unit prediction ${refMean.toPrecision(5)}; differences: skewness ${m.skewness.toFixed(2)}, excess kurtosis ${m.excessKurtosis.toFixed(1)}, α′ = ${nominal.toExponential(2)}`,
      ],
      ...(calibrationWarning ? { calibrationWarning } : {}),
    };
  },
};
