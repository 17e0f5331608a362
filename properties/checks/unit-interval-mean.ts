/**
 * The mean of i.i.d. units known to lie in [0, 1] (unit kind 'unit-interval', e.g. |cos| of two
 * directions) against a prediction, with a distribution-free interval: each bound is the better of
 * Hoeffding and empirical Bernstein at half its level (properties/stats/bounded-mean.ts). Its
 * false-failure rate is ≤ α for every law on [0, 1] and every n (method 'bound'), where the
 * Edgeworth calibration of the t interval cannot vouch for heavily skewed bounded units (|cos| near 1
 * has skewness −1.3 … −3.7 at n = 24–64).
 * - {@link unitIntervalMeanEquals}: two-sided (α/2 per side);
 * - {@link unitIntervalMeanAtLeast}: "E ≥ prediction", rejected when the upper bound (at α) is below it;
 * - {@link unitIntervalMeanAtMost}: "E ≤ prediction", rejected when the lower bound is above it.
 *
 * Units within {@link ROUNDING} of [0, 1] (a cosine rounded to 1 + 2e-16) are clipped; farther out
 * they violate the unit kind: an engine fault, thrown naming the check, the index and the value.
 */
import { boundedMeanInterval, boundedMeanPower, normalQuantile } from '../stats';
import type { Sides } from '../../theorems/vocabulary';
import type { Check } from '../harness/types';
import { DETECTION_POWER } from './detection';
import { oneSampleN } from './mean-vs-prediction';

/** How far outside [0, 1] a unit may lie from floating-point rounding alone. */
export const ROUNDING = 1e-12;

type Claimed = 'equal' | 'at-least' | 'at-most';

const SIDES_FOR: Record<Claimed, Sides> = { equal: 'two-sided', 'at-least': 'upper', 'at-most': 'lower' };

/** The units clipped to [0, 1] (within ROUNDING); farther out is an engine fault. */
function clipped(check: string, units: Float64Array): Float64Array {
  return units.map((u, i) => {
    if (!(u >= -ROUNDING && u <= 1 + ROUNDING)) throw new Error(`${check}: unit ${i} is ${u}, outside [0, 1]: units of kind 'unit-interval' must lie in [0, 1] (engine fault)`);
    return Math.min(1, Math.max(0, u));
  });
}

function unitIntervalCheck(claimed: Claimed): Check {
  const sides = SIDES_FOR[claimed];
  const name = { equal: 'mean of [0, 1] units equals the prediction', 'at-least': 'mean of [0, 1] units is at least the prediction (lower bound)', 'at-most': 'mean of [0, 1] units is at most the prediction (upper bound)' }[claimed];
  const perSide = (alpha: number): number => (sides === 'two-sided' ? alpha / 2 : alpha);
  return {
    name,
    method: `${sides === 'two-sided' ? 'two-sided' : 'one-sided'} distribution-free interval for units in [0, 1]: the better of Hoeffding and empirical Bernstein (Maurer & Pontil 2009) at half the level each; false-failure rate ≤ α exactly`,
    sides,
    evaluate(units, prediction, alpha) {
      const ci = boundedMeanInterval(clipped(name, units), alpha, sides);
      const rejected = prediction < ci.lower || prediction > ci.upper;
      const n = ci.n;
      // Hoeffding half-width at α/2 per side plus the shift its tail bound detects with 99% power.
      const detectable = Math.sqrt(Math.log(2 / perSide(alpha)) / (2 * n)) + Math.sqrt(Math.log(1 / (1 - DETECTION_POWER)) / (2 * n));
      const used = [ci.methods.lower, ci.methods.upper].filter((m) => m !== undefined).join('/');
      return {
        estimate: ci.estimate,
        interval: { lower: ci.lower, upper: ci.upper, level: 1 - alpha },
        verdict: rejected ? 'rejected' : 'consistent',
        minDetectable: { relative: detectable / Math.max(Math.abs(prediction), Number.MIN_VALUE), power: DETECTION_POWER },
        notes: [`n = ${n}, sample sd ${Math.sqrt(ci.variance).toPrecision(3)}; bound from ${used} (the better at α/${sides === 'two-sided' ? 4 : 2} each); a normal interval would have half-width ${(normalQuantile(1 - perSide(alpha)) * Math.sqrt(ci.variance / n)).toPrecision(3)}`],
        falseFailure: { rate: alpha, method: 'bound', note: 'Hoeffding (1963) / empirical Bernstein (Maurer & Pontil 2009), Bonferroni over the two: ≤ α for every law on [0, 1]' },
      };
    },
    designPower(plan, prediction, world, alpha) {
      const n = oneSampleN(name, plan);
      if (world.sd === undefined) throw new Error(`${name}: design-time power needs world.sd (an upper bound on one unit's standard deviation, ≤ 1/2 for [0, 1] units); the world from "${world.source}" has none`);
      if (typeof world.sd !== 'number' || !(world.sd >= 0)) throw new Error(`${name}: world.sd must be one number >= 0; got ${JSON.stringify(world.sd)}`);
      const sd = Math.min(0.5, world.sd);
      const direction = sides === 'upper' ? 'below' : sides === 'lower' ? 'above' : world.value < prediction ? 'below' : 'above';
      return boundedMeanPower(n, world.value, prediction, sd, perSide(alpha), direction);
    },
    /** 1 − α exactly: the bound's non-coverage is ≤ α for every law on [0, 1]. */
    acceptance(plan, _world, alpha) {
      oneSampleN(name, plan);
      return 1 - alpha;
    },
  };
}

export const unitIntervalMeanEquals: Check = unitIntervalCheck('equal');
export const unitIntervalMeanAtLeast: Check = unitIntervalCheck('at-least');
export const unitIntervalMeanAtMost: Check = unitIntervalCheck('at-most');
