/**
 * Proportions: checks on units that are 0/1 values (one Bernoulli trial per unit, e.g. "this network
 * is born dead"), one sample against a predicted probability, or two independent samples.
 *
 * One sample, x successes in n units, claim about p = P(unit = 1):
 * - {@link proportionEqualsPrediction}: "p = p₀", two-sided Clopper–Pearson interval;
 * - {@link proportionAtMostPrediction}: "p ≤ p₀", rejected when the one-sided lower bound [L, ∞)
 *   lies above p₀ (the data show p > p₀);
 * - {@link proportionAtLeastPrediction}: "p ≥ p₀", rejected when (−∞, U] lies below p₀.
 *
 * Why Clopper–Pearson and not Wilson. The suite spends α ≈ 1e-5 per assertion, far in the tail where
 * the normal approximation behind the Wilson (score) interval fails for skewed binomials: its actual
 * false-failure rate is many times α when n·p₀ is not huge (exact values for α = 1e-5 are pinned in
 * proportion.test.ts, e.g. ≈ 20α at n = 1000, p₀ = 0.01). Clopper–Pearson inverts the exact binomial
 * tails, so its false-failure rate is ≤ α for every n and p₀ (Clopper & Pearson 1934; Brown, Cai &
 * DasGupta 2001) — conservative, never anti-conservative, which is what a claim's test needs. Its
 * p-value (reported) is the dual exact one: one-sided P_{p₀}(X ≥ x) or P_{p₀}(X ≤ x), two-sided
 * min(1, 2·min of both) ("central" p-value; R's `binom.test` reports the same one-sided values but a
 * different two-sided one, not dual to Clopper–Pearson). Power and the smallest detectable deviation
 * are exact too: the rejection region is a pair of binomial critical values and the power is a
 * binomial tail at the alternative.
 *
 * Two samples (units: x₁ of n₁; reference: x₂ of n₂), claim about d = p₁ − p₂:
 * - {@link proportionDifferenceAtMostPrediction}: "d ≤ δ₀" (δ₀ = 0: "p_units is not above
 *   p_reference"), rejected when the lower bound of d exceeds δ₀;
 * - {@link proportionDifferenceAtLeastPrediction}: "d ≥ δ₀";
 * - {@link proportionDifferenceEqualsPrediction}: "d = δ₀", two-sided.
 *
 * A claim "p₁ < p₂" (e.g. born-dead probability lower under one initialization than another) is a
 * strict inequality no finite sample can reject at the boundary p₁ = p₂. The suite's convention (see
 * log-slope.ts) is that a claim is rejected only when the data contradict it at level α, so such a
 * claim is tested as "p₁ − p₂ ≤ 0" with `proportionDifferenceAtMostPrediction` — rejected only when
 * the data show p₁ > p₂ — or, to require a margin, as "p₁ − p₂ ≤ −m" (prediction −m). Its reject twin
 * must then be an engine with p₁ > p₂ (or p₁ − p₂ > −m); a twin with p₁ = p₂ has power only α.
 * (Rejecting whenever the data fail to *show* p₁ < p₂ would make the false-failure rate depend on
 * the true difference instead of α.)
 *
 * Two-sample interval: Newcombe's hybrid score interval (method 10; `newcombeInterval`). At α = 1e-5
 * its actual false-failure rate at the boundary d = δ₀ is close to α for equal n (≤ 1.9α at n = 50,
 * ≤ 1.1α at n ≥ 1000 over a grid of p) but up to ≈ 20α for unequal samples (n₁ = 100, n₂ = 1000,
 * p ≈ 0.02) — computed exactly by double binomial sums. So the check runs the interval at the largest
 * nominal α′ ≤ α whose actual rate is ≤ α over the WHOLE boundary p₁ − p₂ = δ₀ (every nuisance value
 * p₂, not only one estimated from the data): the rate is the exact probability of the rejection set,
 * bounded between the points of a fine grid by Hölder's inequality (two-sample-exact.ts), so the
 * recorded `falseFailure` is a proven upper bound. α′ depends only on (n₁, n₂, δ₀, α, sides) and is
 * cached. When even α/MAX_NEWCOMBE_CORRECTION does not suffice a calibration warning is raised. Design
 * power and own-world acceptance are exact (the probability of the rejection set at the world's two
 * proportions, `World.arms`); the smallest detectable difference in the notes uses the normal
 * approximation Φ((|Δ| − z σ₀)/σ₁) (Lachin 1981) at the pooled proportion, relative to the larger of
 * the two proportions (the difference itself is often 0).
 *
 * References: Clopper & Pearson (1934), Biometrika 26:404–413; Brown, Cai & DasGupta (2001), Stat.
 * Sci. 16:101–133; Newcombe (1998), Stat. Med. 17:873–890; Lachin (1981), Controlled Clinical Trials
 * 2:93–113.
 */
import { clopperPearsonInterval, compareToPrediction, newcombeInterval, normalCdf, normalQuantile } from '../stats';
import { wilsonBounds } from '../stats/proportion-interval';
import type { Sides } from '../../theorems/vocabulary';
import type { Check, CheckOutcome, Plan, World } from '../harness/types';
import { binomialTail } from './binomial';
import { DETECTION_POWER } from './detection';
import { lineSupremum, outcomeSet, setProbability, type OutcomeSet } from './two-sample-exact';

// Captured once: jest's sandbox makes every Math.x lookup slow in hot loops (see engine/random).
const { abs, exp, log, max, min, sqrt } = Math;

// ---------------------------------------------------------------------------------------------
// Input validation

/** Number of ones in 0/1 units; throws naming `parameter` for any other value. */
export function countSuccesses(fn: string, parameter: string, units: Float64Array, minLength = 1): number {
  if (!(units instanceof Float64Array) && !Array.isArray(units)) throw new Error(`${fn}: ${parameter} must be a Float64Array of 0/1 values`);
  if (units.length < minLength) throw new Error(`${fn}: ${parameter} must hold at least ${minLength} unit(s); got ${units.length}`);
  let x = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u === 1) x++;
    else if (u !== 0) throw new Error(`${fn}: ${parameter} must be 0/1 values (one Bernoulli trial per unit); ${parameter}[${i}] = ${u}`);
  }
  return x;
}

function checkProbability(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new Error(`${fn}: ${name} must be a probability in [0, 1]; got ${value}`);
}

function checkAlpha(fn: string, alpha: number): void {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha must be in (0, 1); got ${alpha}`);
}

/** The planned sample sizes of a check with `count` samples, validated (Plan.n). */
export function planSizes(fn: string, plan: Plan, count: number): number[] {
  const n = plan?.n;
  if (!Array.isArray(n) || n.length !== count || !n.every((k) => Number.isInteger(k) && k >= 1)) {
    throw new Error(`${fn}: plan.n must hold ${count} integer sample size(s) ≥ 1; got ${JSON.stringify(n)}`);
  }
  return n;
}

/** The two true proportions [p_units, p_reference] of a two-sample world (World.arms), validated. */
export function worldArms(fn: string, world: World): [number, number] {
  const arms = world?.arms;
  if (!Array.isArray(arms) || arms.length !== 2 || !arms.every((p) => p >= 0 && p <= 1)) {
    throw new Error(`${fn}: world.arms must be the two true proportions [p_units, p_reference] in [0, 1]; got ${JSON.stringify(arms)}`);
  }
  return [arms[0], arms[1]];
}

// ---------------------------------------------------------------------------------------------
// One sample: Clopper–Pearson

type Claimed = 'equal' | 'at-least' | 'at-most';

/** The interval that tests each claim: 'at-most' uses [L, ∞) ('lower'), 'at-least' (−∞, U] ('upper'). */
const SIDES_FOR: Record<Claimed, Sides> = { equal: 'two-sided', 'at-least': 'upper', 'at-most': 'lower' };

/**
 * Critical values of the Clopper–Pearson test of p₀ with tail probability t per side: it rejects
 * exactly when x ≥ hi (P_{p₀}(X ≥ x) < t) or x ≤ lo (P_{p₀}(X ≤ x) < t); lo = −1 / hi = n + 1 when a
 * side has no rejection region.
 */
export function clopperPearsonCriticalValues(n: number, p0: number, t: number): { lo: number; hi: number } {
  // Smallest x with upper tail < t (upper tail is decreasing in x; x = n + 1 gives 0).
  let a = 0;
  let b = n + 1;
  while (a < b) {
    const m = (a + b) >> 1;
    if (binomialTail(m, n, p0, 'upper') < t) b = m;
    else a = m + 1;
  }
  const hi = a;
  // Largest x with lower tail < t (lower tail is increasing in x; x = −1 gives 0).
  a = -1;
  b = n;
  while (a < b) {
    const m = (a + b + 1) >> 1;
    if (binomialTail(m, n, p0, 'lower') < t) a = m;
    else b = m - 1;
  }
  return { lo: a, hi };
}

/** Exact power of the Clopper–Pearson test of p₀ (sides, level α) when the true proportion is p₁. */
export function clopperPearsonPower(n: number, p0: number, alpha: number, sides: Sides, p1: number): number {
  const t = sides === 'two-sided' ? alpha / 2 : alpha;
  const { lo, hi } = clopperPearsonCriticalValues(n, p0, t);
  const up = sides === 'upper' ? 0 : binomialTail(hi, n, p1, 'upper');
  const down = sides === 'lower' ? 0 : binomialTail(lo, n, p1, 'lower');
  return min(1, up + down);
}

/** p₁ on one side of p₀ at which `power(p1)` reaches `target` (bisection), or null if p₁ = far does not. */
function solveDetectable(power: (p1: number) => number, p0: number, far: number, target: number): number | null {
  if (power(far) < target) return null;
  let near = p0;
  let away = far;
  for (let i = 0; i < 60 && abs(away - near) > 1e-12; i++) {
    const mid = 0.5 * (near + away);
    if (power(mid) >= target) away = mid;
    else near = mid;
  }
  return away;
}

function proportionCheck(claimed: Claimed): Check {
  const sides = SIDES_FOR[claimed];
  const fnName = { equal: 'proportionEqualsPrediction', 'at-least': 'proportionAtLeastPrediction', 'at-most': 'proportionAtMostPrediction' }[claimed];
  const words = {
    equal: 'P(unit = 1) equals the prediction',
    'at-least': 'P(unit = 1) is at least the prediction (lower bound)',
    'at-most': 'P(unit = 1) is at most the prediction (upper bound)',
  }[claimed];
  return {
    name: words,
    method: `${sides === 'two-sided' ? 'two-sided' : 'one-sided'} Clopper–Pearson (exact binomial) interval on 0/1 units; false-failure rate ≤ α for every n and p`,
    sides,
    evaluate(units, prediction, alpha): CheckOutcome {
      checkAlpha(fnName, alpha);
      checkProbability(fnName, 'prediction', prediction);
      const n = units.length;
      const x = countSuccesses(fnName, 'units', units);
      const ci = clopperPearsonInterval(x, n, 1 - alpha, sides);
      const upperP = binomialTail(x, n, prediction, 'upper');
      const lowerP = binomialTail(x, n, prediction, 'lower');
      const pValue = sides === 'lower' ? upperP : sides === 'upper' ? lowerP : min(1, 2 * min(upperP, lowerP));
      const power = (p1: number): number => clopperPearsonPower(n, prediction, alpha, sides, p1);
      // The detectable deviations (nested bisections over exact binomial tails) are computed only
      // when the report reads them; simulations of the verdict never do.
      let detectable: { above: number | null; below: number | null } | undefined;
      const detect = (): { above: number | null; below: number | null } =>
        (detectable ??= {
          above: sides === 'upper' || prediction >= 1 ? null : solveDetectable(power, prediction, 1, DETECTION_POWER),
          below: sides === 'lower' || prediction <= 0 ? null : solveDetectable(power, prediction, 0, DETECTION_POWER),
        });
      const shift = (): number => {
        const { above, below } = detect();
        return min(above === null ? Infinity : above - prediction, below === null ? Infinity : prediction - below);
      };
      const summary = `${x} of ${n} units are 1 (p̂ = ${(x / n).toPrecision(4)}); exact binomial p-value ${pValue.toExponential(2)}`;
      return {
        estimate: x / n,
        interval: { lower: ci.lower, upper: ci.upper, level: 1 - alpha },
        verdict: compareToPrediction(ci, prediction).verdict,
        pValue,
        falseFailure: {
          rate: power(prediction),
          method: 'exact',
          note: `exact binomial tails of the Clopper–Pearson rejection region at p = ${prediction} (the least favourable point of the null: the rejection probability is monotone in p on each side), n = ${n}`,
        },
        get minDetectable() {
          const s = shift();
          return prediction > 0 && Number.isFinite(s) ? { relative: s / prediction, power: DETECTION_POWER } : undefined;
        },
        get notes() {
          const { above, below } = detect();
          const bounds = [above === null ? null : `p ≥ ${above.toPrecision(4)}`, below === null ? null : `p ≤ ${below.toPrecision(4)}`].filter((t) => t !== null);
          return [summary, `detectable at ${DETECTION_POWER} power (exact binomial): ${bounds.join(' or ') || 'none'}`];
        },
      };
    },
    /** Exact: the binomial tails of the rejection region at the true proportion world.value. */
    designPower(plan, prediction, world, alpha) {
      const [n] = planSizes(`${fnName}.designPower`, plan, 1);
      checkAlpha(fnName, alpha);
      checkProbability(fnName, 'prediction', prediction);
      checkProbability(fnName, 'world.value', world.value);
      return clopperPearsonPower(n, prediction, alpha, sides, world.value);
    },
    /** Exact: 1 − the size of the test of world.value when it is true. */
    acceptance(plan, world, alpha) {
      const [n] = planSizes(`${fnName}.acceptance`, plan, 1);
      checkAlpha(fnName, alpha);
      checkProbability(fnName, 'world.value', world.value);
      return 1 - clopperPearsonPower(n, world.value, alpha, sides, world.value);
    },
  };
}

export const proportionEqualsPrediction: Check = proportionCheck('equal');
export const proportionAtMostPrediction: Check = proportionCheck('at-most');
export const proportionAtLeastPrediction: Check = proportionCheck('at-least');

// ---------------------------------------------------------------------------------------------
// Two samples: Newcombe, calibrated by the exact rejection probability on the boundary

/** Below α/MAX_NEWCOMBE_CORRECTION the check stops lowering α′ and warns. */
export const MAX_NEWCOMBE_CORRECTION = 1000;

/**
 * The outcomes (x₁, x₂) where the Newcombe test at nominal α′ rejects "d {≤, ≥, =} δ₀" (sides 'lower',
 * 'upper', 'two-sided'): the same arithmetic as `newcombeInterval` and `compareToPrediction`, so the
 * set is exactly where `evaluate` returns 'rejected'.
 */
export function newcombeRejectionSet(n1: number, n2: number, delta0: number, nominalAlpha: number, sides: Sides): OutcomeSet {
  const z = normalQuantile(1 - (sides === 'two-sided' ? nominalAlpha / 2 : nominalAlpha));
  const prep = (n: number) =>
    Array.from({ length: n + 1 }, (_, x) => {
      const b = wilsonBounds(x, n, z);
      return { phat: x / n, below: x / n - b.lower, above: b.upper - x / n };
    });
  const a = prep(n1);
  const b = prep(n2);
  return outcomeSet(n1, n2, (x1, x2) => {
    const d = a[x1].phat - b[x2].phat;
    return (sides !== 'upper' && d - Math.hypot(a[x1].below, b[x2].above) > delta0) || (sides !== 'lower' && d + Math.hypot(a[x1].above, b[x2].below) < delta0);
  });
}

/** Exact probability that the Newcombe test at nominal α′ rejects "d {≤, ≥, =} δ₀" when the true proportions are p1, p2. */
export function newcombeRejectionProbability(n1: number, n2: number, p1: number, p2: number, delta0: number, nominalAlpha: number, sides: Sides): number {
  return setProbability(newcombeRejectionSet(n1, n2, delta0, nominalAlpha, sides), min(1, max(0, p1)), min(1, max(0, p2)));
}

/** Supremum bound of a set's probability on the line p₁ − p₂ = d (a single point when |d| = 1). */
export function boundarySupremum(set: OutcomeSet, d: number): { bound: number; note: string } {
  if (abs(d) >= 1) {
    const bound = setProbability(set, d > 0 ? 1 : 0, d > 0 ? 0 : 1);
    return { bound, note: `exact probability at the single point of the line p₁ − p₂ = ${d}` };
  }
  const s = lineSupremum(set, d);
  return {
    bound: s.bound,
    note: `exact probability at ${s.points} points of the line p₁ − p₂ = ${d} (max ${s.gridMax.toExponential(3)} at p₂ = ${s.at.toPrecision(4)}), bounded between them by Hölder's inequality (two-sample-exact.ts)`,
  };
}

export interface NewcombeCalibration {
  nominal: number;
  /** Proven upper bound of the rejection probability over the whole boundary p₁ − p₂ = δ₀ at α′. */
  actual: number;
  converged: boolean;
  note: string;
}

const calibrations = new Map<string, NewcombeCalibration>();

/**
 * Largest nominal α′ ≤ α whose rejection probability over the whole boundary p₁ − p₂ = δ₀ (proven
 * bound, {@link boundarySupremum}) is ≤ α: bisection in log α′ down to α/MAX_NEWCOMBE_CORRECTION
 * (the rejection sets are nested in α′, so the bound is monotone). Cached per (n₁, n₂, δ₀, α, sides).
 */
export function calibratedNewcombeAlpha(n1: number, n2: number, delta0: number, alpha: number, sides: Sides): NewcombeCalibration {
  const key = `${n1}/${n2}/${delta0}/${alpha}/${sides}`;
  const cached = calibrations.get(key);
  if (cached) return cached;
  const actual = (a: number) => boundarySupremum(newcombeRejectionSet(n1, n2, delta0, a, sides), delta0);
  let result: NewcombeCalibration;
  const atAlpha = actual(alpha);
  if (atAlpha.bound <= alpha) result = { nominal: alpha, actual: atAlpha.bound, converged: true, note: atAlpha.note };
  else {
    const alphaFloor = alpha / MAX_NEWCOMBE_CORRECTION;
    const atFloor = actual(alphaFloor);
    if (atFloor.bound > alpha) result = { nominal: alphaFloor, actual: atFloor.bound, converged: false, note: atFloor.note };
    else {
      let lo = log(alphaFloor);
      let hi = log(alpha);
      let best = atFloor;
      for (let i = 0; i < 16; i++) {
        const mid = (lo + hi) / 2;
        const r = actual(exp(mid));
        if (r.bound > alpha) hi = mid;
        else {
          lo = mid;
          best = r;
        }
      }
      result = { nominal: exp(lo), actual: best.bound, converged: true, note: best.note };
    }
  }
  calibrations.set(key, result);
  return result;
}

/** Normal-approximation power of the difference test against d₁ (Lachin 1981), nuisance p₂ fixed. */
function differencePower(n1: number, n2: number, p2: number, delta0: number, d1: number, nominal: number, sides: Sides): number {
  const clamp = (p: number): number => min(1, max(0, p));
  const se = (q1: number, q2: number): number => sqrt((q1 * (1 - q1)) / n1 + (q2 * (1 - q2)) / n2);
  const s0 = max(se(clamp(p2 + delta0), p2), 1e-300);
  // Keep the alternative feasible: move p₂ if p₂ + d₁ leaves [0, 1].
  const q2 = min(max(p2, max(0, -d1)), min(1, 1 - d1));
  const s1 = se(clamp(q2 + d1), q2);
  const z = normalQuantile(1 - (sides === 'two-sided' ? nominal / 2 : nominal));
  const tail = (num: number): number => (s1 > 0 ? normalCdf(num / s1) : num > 0 ? 1 : 0);
  const up = tail(d1 - delta0 - z * s0);
  const down = tail(delta0 - d1 - z * s0);
  if (sides === 'lower') return up;
  if (sides === 'upper') return down;
  return min(1, up + down);
}

function differenceCheck(claimed: Claimed): Check {
  const sides = SIDES_FOR[claimed];
  const fnName = {
    equal: 'proportionDifferenceEqualsPrediction',
    'at-least': 'proportionDifferenceAtLeastPrediction',
    'at-most': 'proportionDifferenceAtMostPrediction',
  }[claimed];
  const words = {
    equal: 'P(unit = 1) − P(reference unit = 1) equals the prediction',
    'at-least': 'P(unit = 1) − P(reference unit = 1) is at least the prediction',
    'at-most': 'P(unit = 1) − P(reference unit = 1) is at most the prediction',
  }[claimed];
  const checkDifference = (name: string, value: number): void => {
    if (typeof value !== 'number' || !(value >= -1 && value <= 1)) throw new Error(`${fnName}: ${name} must be a difference of probabilities in [−1, 1]; got ${value}`);
  };
  /** The rejection set at the calibrated α′ of (n₁, n₂, δ₀, α). */
  const rejectionSet = (n1: number, n2: number, delta0: number, alpha: number): OutcomeSet =>
    newcombeRejectionSet(n1, n2, delta0, calibratedNewcombeAlpha(n1, n2, delta0, alpha, sides).nominal, sides);
  return {
    name: words,
    method: `${sides === 'two-sided' ? 'two-sided' : 'one-sided'} Newcombe hybrid score interval (method 10) for p₁ − p₂ on two independent samples of 0/1 units, nominal level lowered until the exact rejection probability over the whole boundary p₁ − p₂ = δ₀ (proven bound) is ≤ α`,
    sides,
    evaluate(units, prediction, alpha, reference): CheckOutcome {
      checkAlpha(fnName, alpha);
      checkDifference('prediction', prediction);
      if (!reference) throw new Error(`${fnName} needs a reference sample of 0/1 units (Experiment.reference)`);
      const n1 = units.length;
      const n2 = reference.length;
      const x1 = countSuccesses(fnName, 'units', units);
      const x2 = countSuccesses(fnName, 'reference', reference);
      const cal = calibratedNewcombeAlpha(n1, n2, prediction, alpha, sides);
      const ci = newcombeInterval(x1, n1, x2, n2, 1 - cal.nominal, sides);
      // Informational only: the detectable difference at the pooled proportion (normal approximation).
      const p2Star = min(min(1, 1 - prediction), max(max(0, -prediction), (x1 + x2 - n1 * prediction) / (n1 + n2)));
      const power = (d1: number): number => differencePower(n1, n2, p2Star, prediction, d1, cal.nominal, sides);
      const above = sides === 'upper' ? null : solveDetectable(power, prediction, min(1, 1 - p2Star), DETECTION_POWER);
      const below = sides === 'lower' ? null : solveDetectable(power, prediction, max(-1, -p2Star), DETECTION_POWER);
      const shift = min(above === null ? Infinity : above - prediction, below === null ? Infinity : prediction - below);
      const scale = max(x1 / n1, x2 / n2);
      const notes = [
        `units: ${x1} of ${n1} are 1 (p̂₁ = ${(x1 / n1).toPrecision(4)}); reference: ${x2} of ${n2} (p̂₂ = ${(x2 / n2).toPrecision(4)})`,
        `interval run at nominal α′ = ${cal.nominal.toExponential(2)}: its rejection probability over the boundary p₁ − p₂ = ${prediction} is ≤ ${cal.actual.toExponential(2)} (α = ${alpha.toExponential(2)})`,
        `detectable at ${DETECTION_POWER} power (normal approximation at the pooled proportion): ${[
          above === null ? null : `p₁ − p₂ ≥ ${above.toPrecision(4)}`,
          below === null ? null : `p₁ − p₂ ≤ ${below.toPrecision(4)}`,
        ]
          .filter((t) => t !== null)
          .join(' or ') || 'none'}; relative deviations are relative to the larger proportion`,
      ];
      const calibrationWarning = cal.converged
        ? undefined
        : `CALIBRATION WARNING: even at α′ = α/${MAX_NEWCOMBE_CORRECTION} the rejection probability on the boundary may reach ${cal.actual.toExponential(2)} > α; samples too small or too unequal (n₁ = ${n1}, n₂ = ${n2})`;
      return {
        estimate: ci.estimate,
        interval: { lower: ci.lower, upper: ci.upper, level: 1 - cal.nominal },
        verdict: compareToPrediction(ci, prediction).verdict,
        ...(scale > 0 && Number.isFinite(shift) ? { minDetectable: { relative: shift / scale, power: DETECTION_POWER } } : {}),
        notes,
        falseFailure: { rate: cal.actual, method: 'exact', note: `sup over the boundary of the Newcombe test at α′ = ${cal.nominal.toExponential(3)}: ${cal.note}` },
        ...(calibrationWarning ? { calibrationWarning } : {}),
      };
    },
    /** Exact: the probability of the rejection set at the world's proportions [p_units, p_reference]. */
    designPower(plan, prediction, world, alpha) {
      const [n1, n2] = planSizes(`${fnName}.designPower`, plan, 2);
      checkAlpha(fnName, alpha);
      checkDifference('prediction', prediction);
      const [p1, p2] = worldArms(`${fnName}.designPower`, world);
      return setProbability(rejectionSet(n1, n2, prediction, alpha), p1, p2);
    },
    /** Exact: 1 − the probability of the rejection set for the prediction world.value at the world's proportions. */
    acceptance(plan, world, alpha) {
      const [n1, n2] = planSizes(`${fnName}.acceptance`, plan, 2);
      checkAlpha(fnName, alpha);
      checkDifference('world.value', world.value);
      const [p1, p2] = worldArms(`${fnName}.acceptance`, world);
      return 1 - setProbability(rejectionSet(n1, n2, world.value, alpha), p1, p2);
    },
  };
}

export const proportionDifferenceEqualsPrediction: Check = differenceCheck('equal');
export const proportionDifferenceAtMostPrediction: Check = differenceCheck('at-most');
export const proportionDifferenceAtLeastPrediction: Check = differenceCheck('at-least');

/**
 * Factory forms of the two-sample checks, δ₀ coming from the prediction: `differenceAtMostPrediction()`
 * tests "p_units − p_reference ≤ prediction" (prediction 0: "p_units is not above p_reference").
 */
export function differenceAtMostPrediction(): Check {
  return proportionDifferenceAtMostPrediction;
}
export function differenceAtLeastPrediction(): Check {
  return proportionDifferenceAtLeastPrediction;
}
