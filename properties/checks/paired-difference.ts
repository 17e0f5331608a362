/**
 * "E[units − reference] equals the prediction" for paired units (the reference is a per-unit
 * prediction computed on the same network, e.g. a conditional expectation): a one-sample t interval
 * on the differences, with the same Edgeworth calibration to α/4, false-failure record, calibration
 * warning and design-time power as mean-vs-prediction.ts. Smallest detectable deviations are
 * reported relative to the mean of the reference.
 */
import { sampleMoments } from '../stats';
import type { Check } from '../harness/types';
import { calibratedMeanPower, calibratedMeanTest, oneSampleN, scalarSd } from './mean-vs-prediction';

const NAME = 'mean paired difference (measured − per-unit prediction) equals the prediction';

export const pairedDifferenceEquals: Check = {
  name: NAME,
  method: 'two-sided Student t interval on paired differences, level calibrated by Edgeworth correction so the estimated actual false-failure rate is α/4',
  sides: 'two-sided',
  evaluate(units, prediction, alpha, reference) {
    if (!reference || reference.length !== units.length) throw new Error('pairedDifferenceEquals needs a reference sample of the same length (Experiment.reference)');
    const diff = units.map((u, i) => u - reference[i]);
    const refMean = sampleMoments(reference).mean;
    const out = calibratedMeanTest('paired differences', diff, prediction, alpha, 'two-sided', refMean);
    return {
      ...out,
      notes: [`mean measured ${sampleMoments(units).mean.toPrecision(5)}, mean per-unit prediction ${refMean.toPrecision(5)}; differences: ${out.notes?.[0] ?? ''}`],
    };
  },
  /** world.value: the true mean difference; world.sd: an upper bound on the sd of one difference. */
  designPower(plan, prediction, world, alpha) {
    return calibratedMeanPower(NAME, oneSampleN(NAME, plan), world.value - prediction, scalarSd(NAME, world), alpha, 'two-sided');
  },
  /** 1 − α by construction: the calibration bounds the rate at the boundary by α (the falseFailure it records). */
  acceptance(plan, _world, alpha) {
    oneSampleN(NAME, plan);
    return 1 - alpha;
  },
};
