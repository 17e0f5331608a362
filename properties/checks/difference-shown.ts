/**
 * "p₁ < p₂ is shown": two independent samples of 0/1 units (units ~ p₁, reference ~ p₂); the claim
 * is consistent when the one-sided Newcombe hybrid-score upper bound of p₁ − p₂ at level 1 − α lies
 * below the prediction v (0: "lower"), and rejected otherwise.
 *
 * Error rates. This check *demonstrates* an inequality, so its false-failure rate is not α but the
 * miss rate P(upper bound ≥ v) when the effect is real. A miss rate needs an effect size: the
 * relation carries the smallest effect of interest m (`shownBelow(v, m)`), fixed in the theorem from
 * the paper before any data, and the check's false-failure rate is the miss rate at every pair of
 * proportions with p₁ − p₂ = v − m: the exact probability of the set of outcomes (x₁, x₂) where the
 * bound is ≥ v, bounded over the whole line p₁ − p₂ = v − m (the least favourable nuisance included)
 * by two-sample-exact.ts (exact sums on a fine grid, Hölder's inequality between grid points). It
 * depends only on (n₁, n₂, v, m, α), so the design fixes it: property files raise n until it is
 * ≤ α_i; a miss rate above α at the run's n is a calibration warning. Larger effects are missed less
 * often (the bound is monotone in each count); effects between 0 and m are not promised.
 * No power is estimated from the data (a plug-in power at the observed difference says nothing about
 * the miss rate at the effect the claim is about).
 *
 * Design power (reject twins, e.g. an engine where the effect is absent) and own-world acceptance are
 * exact: the probability of the miss set at the world's two proportions (`World.arms`). Acceptance
 * exposes vacuous demonstrations: at 48 per arm and α = 1.5e-5 the upper bound is ≥ −0.62 for every
 * outcome, so "shown below −0.99" is accepted in no world.
 *
 * Reference: Newcombe (1998), Statistics in Medicine 17:873–890, method 10 (properties/stats).
 */
import { newcombeInterval, normalQuantile } from '../stats';
import { wilsonBounds } from '../stats/proportion-interval';
import type { Check, FalseFailureRate } from '../harness/types';
import { boundarySupremum, countSuccesses, planSizes, worldArms } from './proportion';
import { outcomeSet, setProbability, type OutcomeSet } from './two-sample-exact';

const sets = new Map<string, OutcomeSet>();
const misses = new Map<string, FalseFailureRate>();

function checkAlpha(fn: string, alpha: number): void {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha must be in (0, 1); got ${alpha}`);
}

function checkValue(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !(value > -1 && value <= 1)) throw new Error(`${fn}: ${name} (the difference to show p₁ − p₂ below) must be in (−1, 1]; got ${value}`);
}

/** The outcomes (x₁, x₂) where the one-sided Newcombe upper bound at level 1 − α is ≥ v: not shown ('rejected'). Cached. */
export function notShownSet(n1: number, n2: number, value: number, alpha: number): OutcomeSet {
  const key = `${n1}/${n2}/${value}/${alpha}`;
  let set = sets.get(key);
  if (!set) {
    const z = normalQuantile(1 - alpha);
    const w1 = Array.from({ length: n1 + 1 }, (_, x) => wilsonBounds(x, n1, z).upper - x / n1);
    const w2 = Array.from({ length: n2 + 1 }, (_, x) => x / n2 - wilsonBounds(x, n2, z).lower);
    // Same arithmetic as newcombeInterval(…, 'upper') compared with v: shown iff d + ε < v.
    set = outcomeSet(n1, n2, (x1, x2) => !(x1 / n1 - x2 / n2 + Math.hypot(w1[x1], w2[x2]) < value));
    sets.set(key, set);
  }
  return set;
}

/**
 * The miss rate of the demonstration "p₁ − p₂ shown below v" at n₁, n₂ and level α when the true
 * difference is v − m: a proven bound over every pair of proportions on that line. Cached.
 */
export function demonstrationMissRate(n1: number, n2: number, value: number, minEffect: number, alpha: number): FalseFailureRate {
  const fn = 'demonstrationMissRate';
  checkAlpha(fn, alpha);
  checkValue(fn, 'value', value);
  if (!(minEffect > 0 && value - minEffect >= -1)) throw new Error(`${fn}: minEffect must be > 0 with value − minEffect ≥ −1; got ${minEffect} (value ${value})`);
  const key = `${n1}/${n2}/${value}/${minEffect}/${alpha}`;
  let rate = misses.get(key);
  if (!rate) {
    const sup = boundarySupremum(notShownSet(n1, n2, value, alpha), value - minEffect);
    rate = { rate: sup.bound, method: 'exact', note: `miss rate at the smallest effect of interest (p₁ − p₂ = ${value} − ${minEffect}, every nuisance p₂): ${sup.note}` };
    misses.set(key, rate);
  }
  return rate;
}

/**
 * The demonstration check for the relation `shownBelow(v, minEffect)`; without a smallest effect of
 * interest its miss rate cannot be bounded (reported as a calibration warning).
 */
export function differenceShownBelow(minEffect?: number): Check {
  const fn = 'differenceBelowShown';
  if (minEffect !== undefined && !(minEffect > 0 && minEffect <= 2)) throw new Error(`${fn}: minEffect must be in (0, 2]; got ${minEffect}`);
  return {
    name: 'p(units) − p(reference) is shown to be below the prediction',
    method: `one-sided Newcombe hybrid score upper bound at level 1 − α on two independent samples of 0/1 units; consistent iff it is below the prediction; false-failure rate = exact miss rate at the smallest effect of interest${minEffect === undefined ? '' : ` (${minEffect})`} over every nuisance value`,
    sides: 'lower',
    evaluate(units, prediction, alpha, reference) {
      checkAlpha(fn, alpha);
      checkValue(fn, 'prediction', prediction);
      if (!reference) throw new Error(`${fn} needs a reference sample (Experiment.reference)`);
      const x1 = countSuccesses(fn, 'units', units);
      const x2 = countSuccesses(fn, 'reference', reference);
      const n1 = units.length;
      const n2 = reference.length;
      const ci = newcombeInterval(x1, n1, x2, n2, 1 - alpha, 'upper');
      const miss = minEffect === undefined ? undefined : demonstrationMissRate(n1, n2, prediction, minEffect, alpha);
      const warning =
        miss === undefined
          ? 'CALIBRATION WARNING: the relation states no smallest effect of interest (shownBelow(value, minEffect)): the miss rate of this demonstration is unbounded'
          : miss.rate > alpha
            ? `CALIBRATION WARNING: the exact miss rate ${miss.rate.toExponential(2)} at the smallest effect of interest ${minEffect} exceeds α = ${alpha.toExponential(2)} at n = ${n1}, ${n2}: raise n`
            : undefined;
      return {
        estimate: ci.estimate,
        interval: { lower: ci.lower, upper: ci.upper, level: 1 - alpha },
        verdict: ci.upper < prediction ? 'consistent' : 'rejected',
        notes: [
          `p(units) = ${x1}/${n1} = ${(x1 / n1).toPrecision(4)}, p(reference) = ${x2}/${n2} = ${(x2 / n2).toPrecision(4)}`,
          ...(miss ? [`exact miss rate at the smallest effect of interest (a difference ${prediction - minEffect!} or below): ≤ ${miss.rate.toExponential(3)} (α = ${alpha.toExponential(2)})`] : []),
        ],
        ...(miss ? { falseFailure: miss } : {}),
        ...(warning ? { calibrationWarning: warning } : {}),
      };
    },
    /** Exact: P(upper bound ≥ prediction) at the world's proportions [p_units, p_reference]. */
    designPower(plan, prediction, world, alpha) {
      const [n1, n2] = planSizes(`${fn}.designPower`, plan, 2);
      checkAlpha(fn, alpha);
      checkValue(fn, 'prediction', prediction);
      const [p1, p2] = worldArms(`${fn}.designPower`, world);
      return setProbability(notShownSet(n1, n2, prediction, alpha), p1, p2);
    },
    /** Exact: P(upper bound < world.value) at the world's proportions (which must show the effect the twin claims). */
    acceptance(plan, world, alpha) {
      const [n1, n2] = planSizes(`${fn}.acceptance`, plan, 2);
      checkAlpha(fn, alpha);
      checkValue(fn, 'world.value', world.value);
      const [p1, p2] = worldArms(`${fn}.acceptance`, world);
      return 1 - setProbability(notShownSet(n1, n2, world.value, alpha), p1, p2);
    },
  };
}
