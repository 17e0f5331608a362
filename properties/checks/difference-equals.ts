/**
 * "The difference of two means equals the prediction": a two-sided Welch interval on two
 * independent samples of i.i.d. units (units − reference), rejected when the predicted difference
 * lies outside it.
 *
 * Calibration: as mean-vs-prediction.ts, the interval runs at the nominal α′ whose Edgeworth-estimated
 * actual rate is α/4, computed from the one-sample moments equivalent to the difference of means
 * (`welchEffectiveMoments`: Welch–Satterthwaite df, skewness and kurtosis of ā − b̄). It records
 * `falseFailure: { rate: α, method: 'edgeworth' }` or, when the expansion cannot vouch for the rate,
 * a calibration warning. Two constant samples are an engine fault (thrown).
 *
 * Design-time power: the studentized lower bound of properties/stats/power.ts at the smallest
 * trusted nominal level (α/20), with se from world.sd (scalar, or one per sample) and
 * min(n₁, n₂) − 1 degrees of freedom (≤ the Welch df: conservative).
 */
import { compareToPrediction, edgeworthCalibration, normalQuantile, sampleMoments, smallestTrustedNominal, studentizedPowerLowerBound, tQuantile, welchEffectiveMoments, welchInterval } from '../stats';
import type { Check, Plan } from '../harness/types';
import { DETECTION_POWER } from './detection';
import { EDGEWORTH_VALIDATION } from './mean-vs-prediction';

const NAME = 'difference of two means equals the prediction';

function twoSampleN(plan: Plan): [number, number] {
  if (plan.n.length !== 2 || plan.n.some((n) => !(Number.isInteger(n) && n >= 2))) throw new Error(`${NAME}: plan.n must be [n_units, n_reference], integers >= 2; got [${plan.n.join(', ')}]`);
  return [plan.n[0], plan.n[1]];
}

export const differenceEqualsPrediction: Check = {
  name: NAME,
  method: 'two-sided Welch interval on two independent samples of i.i.d. units, level calibrated by Edgeworth correction so the estimated actual false-failure rate is α/4',
  sides: 'two-sided',
  evaluate(units, prediction, alpha, reference) {
    if (!reference) throw new Error('differenceEqualsPrediction needs a reference sample (Experiment.reference)');
    const a = sampleMoments(units);
    const b = sampleMoments(reference);
    if (!(a.variance > 0 || b.variance > 0)) {
      throw new Error(`${NAME}: both samples are constant (${a.n} units equal ${a.mean}, ${b.n} equal ${b.mean}): impossible for continuous unit laws (engine fault); the Welch interval would have zero width`);
    }
    const eff = welchEffectiveMoments(a, b);
    const cal = edgeworthCalibration(eff.n, eff.skewness, eff.excessKurtosis, alpha, 'two-sided');
    const ci = welchInterval(units, reference, 1 - cal.nominal, 'two-sided');
    const z = tQuantile(1 - cal.nominal / 2, ci.df) + normalQuantile(DETECTION_POWER);
    const scale = Math.max(Math.abs(a.mean), Math.abs(b.mean));
    return {
      estimate: ci.estimate,
      interval: { lower: ci.lower, upper: ci.upper, level: 1 - cal.nominal },
      verdict: compareToPrediction(ci, prediction).verdict,
      // Relative to the larger of the two means: the difference itself may be ~0.
      minDetectable: { relative: (z * ci.se) / scale, power: DETECTION_POWER },
      notes: [
        `samples: n = ${a.n} and ${b.n}, means ${a.mean.toPrecision(5)} and ${b.mean.toPrecision(5)}, skewness ${a.skewness.toFixed(2)} and ${b.skewness.toFixed(2)}; min detectable is relative to the larger mean`,
        `difference of means as one sample: N = ${eff.n}, skewness ${eff.skewness.toFixed(2)}, excess kurtosis ${eff.excessKurtosis.toFixed(1)}: interval run at nominal α′ = ${cal.nominal.toExponential(2)} (Edgeworth-estimated rate ${cal.estimated.toExponential(2)}, target α/4)`,
      ],
      ...(cal.trusted
        ? { falseFailure: { rate: alpha, method: 'edgeworth' as const, note: EDGEWORTH_VALIDATION } }
        : { calibrationWarning: `CALIBRATION WARNING: ${cal.problem}; the samples are too heavy-tailed for n = ${a.n}, ${b.n} to vouch for the false-failure rate — a design error: increase n or narrow the configuration domain` }),
    };
  },
  /** world.value: the true difference; world.sd: an upper bound on one unit's sd (one number, or [units, reference]). */
  designPower(plan, prediction, world, alpha) {
    const [n1, n2] = twoSampleN(plan);
    if (world.sd === undefined) throw new Error(`${NAME}: design-time power needs world.sd (upper bounds on the units' standard deviations); the world from "${world.source}" has none`);
    const sds = typeof world.sd === 'number' ? [world.sd, world.sd] : world.sd;
    if (sds.length !== 2 || sds.some((s) => !(s > 0 && Number.isFinite(s)))) throw new Error(`${NAME}: world.sd must be one finite number > 0 or two (units, reference); got ${JSON.stringify(world.sd)}`);
    const shift = world.value - prediction;
    if (!Number.isFinite(shift)) throw new Error(`${NAME}: world.value − prediction must be finite; got ${shift}`);
    const se = Math.sqrt((sds[0] * sds[0]) / n1 + (sds[1] * sds[1]) / n2);
    const df = Math.min(n1, n2) - 1;
    return studentizedPowerLowerBound(Math.abs(shift) / se, tQuantile(1 - smallestTrustedNominal(alpha) / 2, df), df);
  },
  /** 1 − α by construction: the calibration bounds the rate at the boundary by α (the falseFailure it records). */
  acceptance(plan, _world, alpha) {
    twoSampleN(plan);
    return 1 - alpha;
  },
};
