/**
 * The mean of i.i.d. continuous units against a prediction, with a Student t interval:
 * - {@link meanEqualsPrediction}: two-sided, rejected when the prediction lies outside [L, U];
 * - {@link meanAtLeastPrediction}: the claim "E ≥ prediction" (a lower bound), rejected when the
 *   one-sided interval (−∞, U] lies below the prediction;
 * - {@link meanAtMostPrediction}: the claim "E ≤ prediction" (an upper bound), rejected when [L, ∞)
 *   lies above it.
 *
 * Calibration. The two-sided t interval is second-order accurate (coverage error O(1/n)); a
 * one-sided one has an O(1/√n) error proportional to the skewness. At the suite's α (≈ 1e-6 …
 * 1e-5) either matters for skewed units (activation lengths are products of χ² factors), so the
 * interval runs at the nominal level α′ whose Edgeworth-estimated actual rate, from the sample's
 * skewness and kurtosis, is α/4 (properties/stats/edgeworth-calibration.ts): the factor-4 margin
 * (and n ≥ 300) is what importance sampling at α = 1e-5 validates (edgeworth-calibration.test.ts), so the check
 * records `falseFailure: { rate: α, method: 'edgeworth' }`. When the expansion cannot vouch for the
 * rate (a correction > 5×, or no level found) the check raises a calibration warning — a design
 * error: raise n, narrow the domain, or give the units a distribution-free check (unit-interval).
 *
 * A constant sample cannot come from a continuous unit law: it is reported as an engine fault (a
 * thrown Error naming the check, n and the value), never as a zero-width interval.
 */
import { CALIBRATION_MARGIN, MAX_CORRECTION, compareToPrediction, edgeworthCalibration, meanTestPowerLowerBound, minDetectableMeanShift, sampleMoments, smallestTrustedNominal, tInterval, tTestPValue } from '../stats';
import type { Sides } from '../../theorems/vocabulary';
import type { Check, CheckOutcome, Plan, World } from '../harness/types';
import { DETECTION_POWER } from './detection';

export { MAX_CORRECTION };

/**
 * The note every Edgeworth-calibrated check records with its rate: what the margin was
 * validated by (the measured ratios are pinned in properties/stats/edgeworth-calibration.test.ts).
 */
export const EDGEWORTH_VALIDATION =
  'Edgeworth-calibrated to α/4 (trusted only for n ≥ 300 and a correction ≤ 5×); validated by importance sampling at α = 1e-5: actual 0.2–0.55 α (two-sided), ≤ 0.47 α (one-sided) on exponential, lognormal σ = 0.5 and χ²-product units at n = 300–1000 (properties/stats/edgeworth-calibration.test.ts)';

/** Nominal α′ whose Edgeworth-estimated actual false-failure rate is α/CALIBRATION_MARGIN (see edgeworthCalibration for whether it is trusted). */
export function calibratedAlpha(n: number, skewness: number, excessKurtosis: number, alpha: number, sides: Sides = 'two-sided'): number {
  return edgeworthCalibration(n, skewness, excessKurtosis, alpha, sides).nominal;
}

/** The one sample size of a one-sample plan. */
export function oneSampleN(check: string, plan: Plan): number {
  if (plan.n.length !== 1 || !(Number.isInteger(plan.n[0]) && plan.n[0] >= 2)) throw new Error(`${check}: plan.n must be [n] with one integer n >= 2; got [${plan.n.join(', ')}]`);
  return plan.n[0];
}

/** The world's scalar unit sd (conservative upper bound), required for design-time power of continuous units. */
export function scalarSd(check: string, world: World): number {
  if (world.sd === undefined) throw new Error(`${check}: design-time power needs world.sd (an upper bound on one unit's standard deviation); the world from "${world.source}" has none`);
  if (typeof world.sd !== 'number' || !(world.sd > 0 && Number.isFinite(world.sd))) throw new Error(`${check}: world.sd must be one finite number > 0 for a one-sample check; got ${JSON.stringify(world.sd)}`);
  return world.sd;
}

/**
 * The calibrated t test of a mean: interval at the Edgeworth-calibrated α′ (sides as in
 * properties/stats/types.ts), verdict, p-value, smallest detectable shift, false-failure rate or
 * calibration warning. `what` names the check and the units in messages; `scale` is the value the
 * detectable shift is reported relative to.
 */
export function calibratedMeanTest(what: string, units: Float64Array, prediction: number, alpha: number, sides: Sides, scale: number): CheckOutcome {
  const n = units.length;
  const moments = sampleMoments(units);
  if (!(moments.variance > 0)) {
    throw new Error(`${what}: all ${n} units equal ${moments.mean}: a constant sample cannot come from a continuous unit law (engine fault); the t interval would have zero width`);
  }
  const cal = edgeworthCalibration(n, moments.skewness, moments.excessKurtosis, alpha, sides);
  const ci = tInterval(units, 1 - cal.nominal, sides);
  const shift = minDetectableMeanShift({ sd: ci.sd, n, alpha: cal.nominal, power: DETECTION_POWER, sides });
  return {
    estimate: ci.estimate,
    interval: { lower: ci.lower, upper: ci.upper, level: 1 - cal.nominal },
    verdict: compareToPrediction(ci, prediction).verdict,
    pValue: tTestPValue(units, prediction, sides),
    minDetectable: { relative: shift / Math.abs(scale), power: DETECTION_POWER },
    notes: [
      `skewness ${moments.skewness.toFixed(2)}, excess kurtosis ${moments.excessKurtosis.toFixed(1)}: interval run at nominal α′ = ${cal.nominal.toExponential(2)}, whose Edgeworth-estimated actual false-failure rate is ${cal.estimated.toExponential(2)} (target α/${CALIBRATION_MARGIN} = ${cal.target.toExponential(2)})`,
    ],
    ...(cal.trusted
      ? { falseFailure: { rate: alpha, method: 'edgeworth' as const, note: EDGEWORTH_VALIDATION } }
      : { calibrationWarning: `CALIBRATION WARNING: ${cal.problem}; the ${what} are too heavy-tailed for n = ${n} to vouch for the false-failure rate — a design error: increase n, narrow the configuration domain, or use a distribution-free check` }),
  };
}

/**
 * Design-time power of the calibrated t test: the normal-units lower bound of `meanTestPowerLowerBound`
 * at the smallest nominal level a trusted calibration uses (α/20), sd = world.sd (an upper bound).
 */
export function calibratedMeanPower(what: string, n: number, shift: number, sd: number, alpha: number, sides: Sides): number {
  if (!Number.isFinite(shift)) throw new Error(`${what}: world.value − prediction must be finite; got ${shift}`);
  return meanTestPowerLowerBound({ shift, sd, n, alpha: smallestTrustedNominal(alpha), sides });
}

type Claimed = 'equal' | 'at-least' | 'at-most';

/** The interval that tests each claim: 'at-least' uses (−∞, U] (helper's `upper`), 'at-most' [L, ∞). */
const SIDES_FOR: Record<Claimed, Sides> = { equal: 'two-sided', 'at-least': 'upper', 'at-most': 'lower' };

function meanCheck(claimed: Claimed): Check {
  const sides = SIDES_FOR[claimed];
  const words = { equal: 'true mean equals the prediction', 'at-least': 'true mean is at least the prediction (lower bound)', 'at-most': 'true mean is at most the prediction (upper bound)' }[claimed];
  return {
    name: words,
    method: `${sides === 'two-sided' ? 'two-sided' : 'one-sided'} Student t interval on i.i.d. units, level calibrated by Edgeworth correction so the estimated actual false-failure rate is α/4`,
    sides,
    evaluate(units, prediction, alpha) {
      return calibratedMeanTest('units', units, prediction, alpha, sides, prediction);
    },
    designPower(plan, prediction, world, alpha) {
      return calibratedMeanPower(words, oneSampleN(words, plan), world.value - prediction, scalarSd(words, world), alpha, sides);
    },
    /** 1 − α by construction: the calibration bounds the rate at the boundary by α (the falseFailure it records). */
    acceptance(plan, _world, alpha) {
      oneSampleN(words, plan);
      return 1 - alpha;
    },
  };
}

export const meanEqualsPrediction: Check = meanCheck('equal');
export const meanAtLeastPrediction: Check = meanCheck('at-least');
export const meanAtMostPrediction: Check = meanCheck('at-most');
