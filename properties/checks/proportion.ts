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
 * p ≈ 0.02) — computed exactly by double binomial sums. So, as for the t checks (Edgeworth) the
 * check spends its budget on the *estimated actual* rate: it computes the exact rejection probability
 * of the Newcombe test on the boundary d = δ₀ at the nuisance value estimated from the data
 * (p₂* = (x₁ + x₂ − n₁δ₀)/(n₁ + n₂)) and at p₂* ± 3 standard errors, and runs the interval at the
 * largest nominal α′ ≤ α whose maximum over those three points is ≤ α. The α′ is reported; when even
 * α/1000 does not suffice a calibration warning is raised. Power and detectable differences use the
 * normal approximation Φ((|Δ| − z σ₀)/σ₁) with σ₀, σ₁ the standard errors of p̂₁ − p̂₂ on the boundary
 * and at the alternative (Lachin 1981), at the calibrated α′; relative deviations are relative to the
 * larger of the two proportions (the difference itself is often 0).
 *
 * References: Clopper & Pearson (1934), Biometrika 26:404–413; Brown, Cai & DasGupta (2001), Stat.
 * Sci. 16:101–133; Newcombe (1998), Stat. Med. 17:873–890; Lachin (1981), Controlled Clinical Trials
 * 2:93–113.
 */
import { clopperPearsonInterval, compareToPrediction, logGamma, newcombeInterval, normalCdf, normalQuantile } from '../stats';
import { wilsonBounds } from '../stats/proportion-interval';
import type { Sides } from '../../theorems/vocabulary';
import type { Check, CheckOutcome } from '../harness/types';
import { DETECTION_POWER } from './detection';

// Captured once: jest's sandbox makes every Math.x lookup slow in hot loops (see engine/random).
const { abs, exp, floor, log, log1p, max, min, sqrt } = Math;

// ---------------------------------------------------------------------------------------------
// Exact binomial arithmetic (float64; shared with goodness-of-fit.ts)

/** log P(X = k) for X ~ Binomial(n, p), 0 < p < 1, 0 ≤ k ≤ n integers. */
export function binomialLogPmf(k: number, n: number, p: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * log(p) + (n - k) * log1p(-p);
}

/** P(X ≥ x) by summing from x away from the mode (terms decrease), stopping at relative 1e-17. */
function upperTailBeyondMode(x: number, n: number, p: number): number {
  let term = exp(binomialLogPmf(x, n, p));
  let sum = term;
  const r = p / (1 - p);
  for (let k = x; k < n && term > sum * 1e-17; k++) {
    term *= ((n - k) / (k + 1)) * r;
    sum += term;
  }
  return sum;
}

/**
 * Exact binomial tail: `'upper'` P(X ≥ x), `'lower'` P(X ≤ x), X ~ Binomial(n, p), any integer x and
 * p ∈ [0, 1]. Accurate to ~1e-13 relative in the tails (a tail containing the mode is 1 − the other).
 */
export function binomialTail(x: number, n: number, p: number, tail: 'upper' | 'lower'): number {
  if (tail === 'lower') return binomialTail(n - x, n, 1 - p, 'upper');
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const mode = floor((n + 1) * p);
  if (x > mode) return upperTailBeyondMode(x, n, p);
  // P(X ≥ x) = 1 − P(X ≤ x − 1), with x − 1 < mode: that lower tail sums away from the mode.
  return max(0, 1 - upperTailBeyondMode(n - x + 1, n, 1 - p));
}

/**
 * Binomial(n, p) probabilities over the window where they exceed 1e-16 × the largest one (the mass
 * outside is < n·1e-16): `pmf[i] = P(X = start + i)`.
 */
export function binomialWindow(n: number, p: number): { start: number; pmf: Float64Array } {
  if (p <= 0) return { start: 0, pmf: Float64Array.of(1) };
  if (p >= 1) return { start: n, pmf: Float64Array.of(1) };
  const mode = min(n, floor((n + 1) * p));
  const top = exp(binomialLogPmf(mode, n, p));
  const r = p / (1 - p);
  const up: number[] = [];
  for (let k = mode, t = top; k < n; k++) {
    t *= ((n - k) / (k + 1)) * r;
    if (t < top * 1e-16) break;
    up.push(t);
  }
  const down: number[] = [];
  for (let k = mode, t = top; k > 0; k--) {
    t *= (k / (n - k + 1)) / r;
    if (t < top * 1e-16) break;
    down.push(t);
  }
  const pmf = Float64Array.from([...down.reverse(), top, ...up]);
  return { start: mode - down.length, pmf };
}

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
        get minDetectable() {
          const s = shift();
          return prediction > 0 && Number.isFinite(s) ? { relative: s / prediction, power: DETECTION_POWER } : undefined;
        },
        powerAgainst: (alternative: number) => {
          checkProbability(fnName, 'alternative', alternative);
          return power(alternative);
        },
        get notes() {
          const { above, below } = detect();
          const bounds = [above === null ? null : `p ≥ ${above.toPrecision(4)}`, below === null ? null : `p ≤ ${below.toPrecision(4)}`].filter((t) => t !== null);
          return [summary, `detectable at ${DETECTION_POWER} power (exact binomial): ${bounds.join(' or ') || 'none'}`];
        },
      };
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
 * Exact probability that the Newcombe test at nominal α′ rejects "d {≤, ≥, =} δ₀" (sides 'lower',
 * 'upper', 'two-sided') when the true proportions are p1, p2 (double binomial sum over the windows
 * where both pmfs exceed 1e-16 of their maxima).
 */
export function newcombeRejectionProbability(
  n1: number,
  n2: number,
  p1: number,
  p2: number,
  delta0: number,
  nominalAlpha: number,
  sides: Sides,
): number {
  const z = normalQuantile(1 - (sides === 'two-sided' ? nominalAlpha / 2 : nominalAlpha));
  const w1 = binomialWindow(n1, min(1, max(0, p1)));
  const w2 = binomialWindow(n2, min(1, max(0, p2)));
  const prep = (w: { start: number; pmf: Float64Array }, n: number) => {
    const len = w.pmf.length;
    const phat = new Float64Array(len);
    const below = new Float64Array(len); // p̂ − Wilson lower
    const above = new Float64Array(len); // Wilson upper − p̂
    for (let i = 0; i < len; i++) {
      const x = w.start + i;
      const b = wilsonBounds(x, n, z);
      phat[i] = x / n;
      below[i] = phat[i] - b.lower;
      above[i] = b.upper - phat[i];
    }
    return { phat, below, above };
  };
  const a = prep(w1, n1);
  const b = prep(w2, n2);
  let total = 0;
  for (let i = 0; i < w1.pmf.length; i++) {
    let row = 0;
    for (let j = 0; j < w2.pmf.length; j++) {
      const d = a.phat[i] - b.phat[j];
      const rejectLow = sides !== 'upper' && d - sqrt(a.below[i] * a.below[i] + b.above[j] * b.above[j]) > delta0;
      const rejectHigh = sides !== 'lower' && d + sqrt(a.above[i] * a.above[i] + b.below[j] * b.below[j]) < delta0;
      if (rejectLow || rejectHigh) row += w2.pmf[j];
    }
    total += w1.pmf[i] * row;
  }
  return total;
}

/** Nuisance values on the boundary p₁ − p₂ = δ₀ where the check estimates its actual rate. */
export function boundaryNuisance(x1: number, n1: number, x2: number, n2: number, delta0: number): number[] {
  const lo = max(0, -delta0);
  const hi = min(1, 1 - delta0);
  const clamp = (p: number): number => min(hi, max(lo, p));
  const centre = clamp((x1 + x2 - n1 * delta0) / (n1 + n2));
  const v = max(centre * (1 - centre), 1 / (n1 + n2));
  const se = sqrt(v / (n1 + n2));
  return [...new Set([clamp(centre - 3 * se), centre, clamp(centre + 3 * se)])];
}

/**
 * Largest nominal α′ ≤ α whose exact Newcombe rejection probability on the boundary, maximised over
 * `nuisance` values of p₂, is ≤ α (bisection in log α′ down to α/MAX_NEWCOMBE_CORRECTION).
 */
export function calibratedNewcombeAlpha(
  n1: number,
  n2: number,
  delta0: number,
  alpha: number,
  sides: Sides,
  nuisance: number[],
): { nominal: number; actual: number; converged: boolean } {
  const actual = (a: number): number => max(...nuisance.map((p2) => newcombeRejectionProbability(n1, n2, p2 + delta0, p2, delta0, a, sides)));
  const atAlpha = actual(alpha);
  if (atAlpha <= alpha) return { nominal: alpha, actual: atAlpha, converged: true };
  const alphaFloor = alpha / MAX_NEWCOMBE_CORRECTION;
  const atFloor = actual(alphaFloor);
  if (atFloor > alpha) return { nominal: alphaFloor, actual: atFloor, converged: false };
  let lo = log(alphaFloor);
  let hi = log(alpha);
  let best = atFloor;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    const r = actual(exp(mid));
    if (r > alpha) hi = mid;
    else {
      lo = mid;
      best = r;
    }
  }
  return { nominal: exp(lo), actual: best, converged: true };
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
  return {
    name: words,
    method: `${sides === 'two-sided' ? 'two-sided' : 'one-sided'} Newcombe hybrid score interval (method 10) for p₁ − p₂ on two independent samples of 0/1 units, nominal level lowered until the exact rejection probability on the boundary (at the estimated nuisance ± 3 se) is ≤ α`,
    sides,
    evaluate(units, prediction, alpha, reference): CheckOutcome {
      checkAlpha(fnName, alpha);
      if (typeof prediction !== 'number' || !(prediction >= -1 && prediction <= 1)) {
        throw new Error(`${fnName}: prediction must be a difference of probabilities in [−1, 1]; got ${prediction}`);
      }
      if (!reference) throw new Error(`${fnName} needs a reference sample of 0/1 units (Experiment.reference)`);
      const n1 = units.length;
      const n2 = reference.length;
      const x1 = countSuccesses(fnName, 'units', units);
      const x2 = countSuccesses(fnName, 'reference', reference);
      const nuisance = boundaryNuisance(x1, n1, x2, n2, prediction);
      const cal = calibratedNewcombeAlpha(n1, n2, prediction, alpha, sides, nuisance);
      const ci = newcombeInterval(x1, n1, x2, n2, 1 - cal.nominal, sides);
      const p2Star = nuisance[floor(nuisance.length / 2)];
      const power = (d1: number): number => differencePower(n1, n2, p2Star, prediction, d1, cal.nominal, sides);
      const above = sides === 'upper' ? null : solveDetectable(power, prediction, min(1, 1 - p2Star), DETECTION_POWER);
      const below = sides === 'lower' ? null : solveDetectable(power, prediction, max(-1, -p2Star), DETECTION_POWER);
      const shift = min(above === null ? Infinity : above - prediction, below === null ? Infinity : prediction - below);
      const scale = max(x1 / n1, x2 / n2);
      const notes = [
        `units: ${x1} of ${n1} are 1 (p̂₁ = ${(x1 / n1).toPrecision(4)}); reference: ${x2} of ${n2} (p̂₂ = ${(x2 / n2).toPrecision(4)})`,
        `interval run at nominal α′ = ${cal.nominal.toExponential(2)}: exact rejection probability on the boundary p₁ − p₂ = ${prediction} at p₂ ∈ {${nuisance
          .map((p) => p.toPrecision(3))
          .join(', ')}} is ${cal.actual.toExponential(2)} (α = ${alpha.toExponential(2)})`,
        `detectable at ${DETECTION_POWER} power (normal approximation): ${[
          above === null ? null : `p₁ − p₂ ≥ ${above.toPrecision(4)}`,
          below === null ? null : `p₁ − p₂ ≤ ${below.toPrecision(4)}`,
        ]
          .filter((s) => s !== null)
          .join(' or ') || 'none'}; relative deviations are relative to the larger proportion`,
      ];
      const calibrationWarning = cal.converged
        ? undefined
        : `CALIBRATION WARNING: even at α′ = α/${MAX_NEWCOMBE_CORRECTION} the exact rejection probability on the boundary is ${cal.actual.toExponential(2)} > α; samples too small or too unequal (n₁ = ${n1}, n₂ = ${n2})`;
      return {
        estimate: ci.estimate,
        interval: { lower: ci.lower, upper: ci.upper, level: 1 - cal.nominal },
        verdict: compareToPrediction(ci, prediction).verdict,
        ...(scale > 0 && Number.isFinite(shift) ? { minDetectable: { relative: shift / scale, power: DETECTION_POWER } } : {}),
        powerAgainst: (alternative: number) => power(alternative),
        notes,
        ...(calibrationWarning ? { calibrationWarning } : {}),
      };
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
