/**
 * Power and smallest detectable deviations of the tests in this folder, so that a report can say
 * what a 'consistent' verdict rules out.
 *
 * Direction convention (as in `types.ts`): shift = true value − prediction. A `'lower'` test
 * (interval [L, ∞)) detects only shift > 0, an `'upper'` test only shift < 0, a two-sided test both.
 *
 * Mean tests (one-sample t at level α on n units with standard deviation σ):
 * - `'normal'` approximation: power ≈ Φ(|shift|/(σ/√n) − z_{1−α/2}) (+ the other tail),
 *   min. detectable shift = (z_{1−α/2} + z_{power})·σ/√n (two-sided; z_{1−α} one-sided).
 * - `'t'` approximation (default): the critical value z_{1−α/2} is replaced by t_{1−α/2, n−1}. The exact
 *   power needs the noncentral t distribution (not available here). Both approximations overstate
 *   it, 't' only slightly: two-sided α = 0.05, shift = σ, n = 10: exact 0.803 (R power.t.test),
 *   't' 0.816, 'normal' 0.885; shift = σ/2, n = 30: exact 0.754, 't' 0.756, 'normal' 0.782. So the
 *   detectable shifts reported here are slightly optimistic; 't' is the default for that reason.
 *
 * Proportion tests (score test / Wilson interval): with σ₀ = √(p₀(1 − p₀)/n) under the prediction
 * and σ₁ = √(p₁(1 − p₁)/n) under the alternative, power ≈ Φ((|p₁ − p₀| − z σ₀)/σ₁) (+ the other
 * tail).
 *
 * Reference: Lachin (1981), "Introduction to sample size determination and power analysis for
 * clinical trials", Controlled Clinical Trials 2(2):93–113 (the general form
 * √n |Δ| = z_{1−α} σ₀ + z_{1−β} σ₁); Cohen (1988), Statistical Power Analysis for the Behavioral
 * Sciences, 2nd ed., ch. 2.
 */
import { chiSquareCdf, normalCdf, normalQuantile, tQuantile } from './distributions';
import { tailProbability } from './sides';
import type { Sides } from './types';
import { checkFinite, checkInteger, checkOpenUnit, checkPositive, checkSides, fail } from './validate';

/** How the critical value of the mean test is approximated: normal z or Student t with n − 1 df. */
export type PowerApproximation = 'normal' | 't';

/**
 * Design of a one-sample mean test.
 *
 * @example const d: MeanTestDesign = { sd: 1, n: 30, alpha: 0.01, sides: 'two-sided' };
 */
export interface MeanTestDesign {
  /** Standard deviation of one unit (σ > 0). */
  sd: number;
  /** Number of units (integer; ≥ 2 for 't', ≥ 1 for 'normal'). */
  n: number;
  /** Significance level α in (0, 1). */
  alpha: number;
  sides: Sides;
  /** Default 't'. */
  approximation?: PowerApproximation;
}



function meanCritical(fn: string, d: MeanTestDesign): { critical: number; se: number } {
  const approximation = d.approximation ?? 't';
  if (approximation !== 'normal' && approximation !== 't') fail(fn, 'approximation', "'normal' or 't'", approximation);
  checkPositive(fn, 'sd', d.sd);
  checkInteger(fn, 'n', d.n, approximation === 't' ? 2 : 1);
  checkOpenUnit(fn, 'alpha', d.alpha);
  checkSides(fn, d.sides);
  const q = 1 - tailProbability(1 - d.alpha, d.sides);
  const critical = approximation === 't' ? tQuantile(q, d.n - 1) : normalQuantile(q);
  return { critical, se: d.sd / Math.sqrt(d.n) };
}

/**
 * Approximate power of the one-sample mean test against a true mean = prediction + shift:
 * two-sided Φ(δ − c) + Φ(−δ − c), `'lower'` Φ(δ − c), `'upper'` Φ(−δ − c), with δ = shift/(σ/√n) and
 * c = z or t critical value (see the module comment).
 *
 * Reference: Cohen (1988), ch. 2; Lachin (1981), Controlled Clinical Trials 2:93–113.
 *
 * @example powerOfMeanTest({ shift: 0.5, sd: 1, n: 30, alpha: 0.05, sides: 'two-sided', approximation: 'normal' }); // 0.782
 */
export function powerOfMeanTest(design: MeanTestDesign & { shift: number }): number {
  const fn = 'powerOfMeanTest';
  checkFinite(fn, 'shift', design.shift);
  const { critical, se } = meanCritical(fn, design);
  const delta = design.shift / se;
  if (design.sides === 'lower') return normalCdf(delta - critical);
  if (design.sides === 'upper') return normalCdf(-delta - critical);
  return Math.min(1, normalCdf(delta - critical) + normalCdf(-delta - critical));
}

/**
 * Smallest |shift| detected with the given power: (c + z_{power})·σ/√n, c the z or t critical value
 * (the negligible opposite tail of a two-sided test is ignored, so the power there is ≥ `power`). For
 * one-sided tests the shift is detectable only in the test's direction (positive for `'lower'`).
 *
 * Reference: Cohen (1988), ch. 2; Lachin (1981) (√n|Δ| = (z_{1−α} + z_{1−β})σ).
 *
 * @example minDetectableMeanShift({ sd: 1, n: 30, alpha: 0.05, power: 0.8, sides: 'two-sided' }); // 0.5271
 */
export function minDetectableMeanShift(design: MeanTestDesign & { power: number }): number {
  const fn = 'minDetectableMeanShift';
  checkOpenUnit(fn, 'power', design.power);
  const { critical, se } = meanCritical(fn, design);
  return (critical + normalQuantile(design.power)) * se;
}

/**
 * Smallest n whose test detects a shift of the given magnitude with the given power:
 * ⌈((z_{1−α/2} + z_{power})·σ/|shift|)²⌉ ('normal'), or the smallest n ≥ 2 with
 * (t_{1−α/2, n−1} + z_{power})·σ/√n ≤ |shift| ('t', default). The shift is taken in the direction the
 * test detects.
 *
 * Reference: Cohen (1988), ch. 2; Lachin (1981), Controlled Clinical Trials 2:93–113.
 *
 * @example requiredSampleSizeForMean({ shift: 0.5, sd: 1, alpha: 0.05, power: 0.8, sides: 'two-sided' }); // 34
 */
export function requiredSampleSizeForMean(design: {
  shift: number;
  sd: number;
  alpha: number;
  power: number;
  sides: Sides;
  approximation?: PowerApproximation;
}): number {
  const fn = 'requiredSampleSizeForMean';
  const approximation = design.approximation ?? 't';
  if (approximation !== 'normal' && approximation !== 't') fail(fn, 'approximation', "'normal' or 't'", approximation);
  checkFinite(fn, 'shift', design.shift);
  if (design.shift === 0) fail(fn, 'shift', 'non-zero', design.shift);
  checkPositive(fn, 'sd', design.sd);
  checkOpenUnit(fn, 'alpha', design.alpha);
  checkOpenUnit(fn, 'power', design.power);
  checkSides(fn, design.sides);
  const zc = normalQuantile(1 - tailProbability(1 - design.alpha, design.sides));
  const zp = normalQuantile(design.power);
  const ratio = design.sd / Math.abs(design.shift);
  const nNormal = Math.max(1, Math.ceil(((zc + zp) * ratio) ** 2 * (1 - 1e-12)));
  if (approximation === 'normal') return nNormal;
  // t critical values exceed z, so the answer is ≥ the normal one; step up from there.
  const q = 1 - tailProbability(1 - design.alpha, design.sides);
  for (let n = Math.max(2, nNormal); ; n++) {
    if ((tQuantile(q, n - 1) + zp) * ratio <= Math.sqrt(n)) return n;
    if (n > 1e9) throw new Error(`${fn}: no n <= 1e9 reaches the requested power`);
  }
}

/**
 * A lower bound on the power of the one-sample t test (interval at level 1 − α, t_{n−1} critical
 * value c) for NORMAL units with standard deviation σ and true mean = prediction + shift, exact up to
 * the choice of q (no normal approximation of the t statistic): the test detects a shift in its
 * direction when Z + δ > c·S/σ (Z standard normal, δ = |shift|√n/σ, (S/σ)² ~ χ²_{n−1}/(n − 1)
 * independent of Z), so for every q > 0
 *
 *   power ≥ P(Z + δ > c√q) · P(χ²_{n−1} ≤ (n − 1)q) = Φ(δ − c√q) · F_{χ²_{n−1}}((n − 1)q),
 *
 * maximised over a grid of q (q = 1 + j·√(2/(n − 1))/8, j = 0…160, i.e. up to 20 standard deviations
 * of S²/σ², and a geometric grid on [0.25, 16]; the opposite tail of a two-sided test is dropped). A
 * larger σ lowers it, so an upper bound on σ gives a lower bound on the power. For non-normal units
 * it is the normal-theory value (the t statistic is asymptotically normal). Shifts the test cannot
 * detect (the wrong direction for one-sided tests) give 0.
 *
 * Reference: the noncentral t power P(T′ > c) = E[Φ(δ − c S/σ)] (Johnson, Kotz & Balakrishnan 1995,
 * vol. 2, ch. 31); the bound keeps the part of the expectation where S/σ ≤ √q.
 *
 * @example meanTestPowerLowerBound({ shift: 1, sd: 1, n: 30, alpha: 1e-5, sides: 'two-sided' }); // ≈ 0.80
 */
export function meanTestPowerLowerBound(design: MeanTestDesign & { shift: number }): number {
  const fn = 'meanTestPowerLowerBound';
  checkFinite(fn, 'shift', design.shift);
  checkPositive(fn, 'sd', design.sd);
  checkInteger(fn, 'n', design.n, 2);
  checkOpenUnit(fn, 'alpha', design.alpha);
  checkSides(fn, design.sides);
  const detectable = design.sides === 'two-sided' || (design.sides === 'lower' ? design.shift > 0 : design.shift < 0);
  if (!detectable || design.shift === 0) return 0;
  const df = design.n - 1;
  const c = tQuantile(1 - tailProbability(1 - design.alpha, design.sides), df);
  return studentizedPowerLowerBound((Math.abs(design.shift) * Math.sqrt(design.n)) / design.sd, c, df);
}

/**
 * The bound of {@link meanTestPowerLowerBound} for any statistic (θ̂ − θ₀)/ŝe with θ̂ normal around
 * θ₀ + δ·se and (ŝe/se)² ~ χ²_df/df independent of it: P(rejected at critical value c) ≥
 * max_q Φ(δ − c√q)·F_{χ²_df}(df·q) (grid of q as there). For Welch and weighted-least-squares
 * statistics df is a Satterthwaite approximation.
 *
 * @example studentizedPowerLowerBound(8, 4.4, 1000); // ≈ 0.9998
 */
export function studentizedPowerLowerBound(delta: number, critical: number, df: number): number {
  const fn = 'studentizedPowerLowerBound';
  checkFinite(fn, 'delta', delta);
  checkFinite(fn, 'critical', critical);
  checkPositive(fn, 'df', df);
  if (delta <= 0) return 0;
  const at = (q: number): number => normalCdf(delta - critical * Math.sqrt(q)) * chiSquareCdf(df * q, df);
  let best = 0;
  for (let j = 0; j <= 160; j++) best = Math.max(best, at(1 + (j * Math.sqrt(2 / df)) / 8));
  for (let i = 0; i <= 200; i++) best = Math.max(best, at(0.25 * Math.pow(64, i / 200)));
  return best;
}
