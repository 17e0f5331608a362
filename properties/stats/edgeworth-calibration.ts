/**
 * The nominal level at which a Student t mean test is run so that its actual false-failure rate at
 * the suite's α (≈ 1e-6 … 1e-5) stays ≤ α for skewed units.
 *
 * The Edgeworth estimate of the actual rate (Hall 1992 §2.6, `tCoverageErrorEstimate`, with the
 * one-sided q₁ term for one-sided tests) is only asymptotic: an independent importance-sampling
 * review found that calibrating it to equal α left the actual rate at 1.0–1.7 α for n ≥ 1000 and
 * ≈ 2.3 α at n = 300 for χ²-product units. So the calibration targets α/{@link CALIBRATION_MARGIN}:
 * α′ is the largest nominal level whose Edgeworth-estimated rate is ≤ α/4, and it is trusted only
 * for n ≥ {@link MIN_TRUSTED_N}. Importance sampling at α = 1e-5 (properties/stats/importance-sampling.ts)
 * measured, with margin 2, 0.5–1.5 α at n = 300–1000 and 3–9 α at n = 24–64 (among runs without a
 * warning); with margin 4 and n ≥ 300, 0.2–0.55 α (pinned in edgeworth-calibration.test.ts:
 * exponential, lognormal σ = 0.5, χ²₅/5, Π χ²₃₀/30 at n = 300 and 1000).
 *
 * A correction larger than {@link MAX_CORRECTION} (α′ < target/5), or a search that finds no α′ down
 * to target·{@link SEARCH_FLOOR}, means the expansion cannot vouch for the rate at this n: the
 * caller must report a calibration warning (a design error: raise n, narrow the domain, or use a
 * distribution-free method), never claim α.
 *
 * Reference: Hall (1992), The Bootstrap and Edgeworth Expansion, Springer, §2.6 (q₁, q₂ of the
 * Studentized mean).
 */
import { tCoverageErrorEstimate } from './coverage-error';
import { MIN_EXCESS_KURTOSIS, type SampleMoments } from './moments';
import type { Sides } from './types';
import { checkFinite, checkInteger, checkOpenUnit, checkSides } from './validate';

/** The calibration aims at α/CALIBRATION_MARGIN (validated by importance sampling, see the module comment). */
export const CALIBRATION_MARGIN = 4;

/**
 * Below this n the plug-in expansion is not trusted at all: importance sampling at α = 1e-5 found
 * actual rates of 3–9 α at n = 24–64 for exponential, lognormal (σ = 0.5) and χ²₅/5 units even among
 * runs whose correction looked small (the samples that reject are those whose sample skewness
 * understates the law's).
 */
export const MIN_TRUSTED_N = 300;

/** Below target/MAX_CORRECTION the Edgeworth correction is too large to trust. */
export const MAX_CORRECTION = 5;

/**
 * The search for α′ goes down to target·SEARCH_FLOOR (200 000× below any trusted correction; the
 * Edgeworth estimate itself needs α′ ≳ 1e-13, where 1 − α′ still resolves α′ to 1e-3).
 */
export const SEARCH_FLOOR = 1e-6;

/**
 * The smallest nominal level a trusted calibration uses for a test at α: α/(CALIBRATION_MARGIN ·
 * MAX_CORRECTION) = α/20. Design-time power computed at it is a lower bound for every calibrated run
 * (runs needing a smaller α′ carry a calibration warning).
 *
 * @example smallestTrustedNominal(1e-5); // 5e-7
 */
export function smallestTrustedNominal(alpha: number): number {
  checkOpenUnit('smallestTrustedNominal', 'alpha', alpha);
  return alpha / (CALIBRATION_MARGIN * MAX_CORRECTION);
}

/**
 * Outcome of the calibration.
 *
 * @example const c: EdgeworthCalibration = edgeworthCalibration(1000, 2, 6, 1e-5);
 */
export interface EdgeworthCalibration {
  /** The nominal level α′ to run the t interval at. */
  nominal: number;
  /** The Edgeworth-estimated actual rate aimed at: α/CALIBRATION_MARGIN. */
  target: number;
  /** The Edgeworth-estimated actual rate at `nominal`. */
  estimated: number;
  /** Whether the estimate at `nominal` is ≤ target with α′ ≥ target/MAX_CORRECTION (false: the expansion cannot vouch for the rate). */
  trusted: boolean;
  /** Why it is not trusted (absent when trusted). */
  problem?: string;
}

/**
 * The largest nominal α′ ≤ α/4 whose Edgeworth-estimated actual false-failure rate (n, skewness,
 * excess kurtosis of one unit, sides of the interval) is ≤ α/4: bisection in log α′ between
 * target·SEARCH_FLOOR and target (60 halvings: relative precision < 1e-15 of the bracket's log).
 * When even target·SEARCH_FLOOR does not reach the target, `nominal` is that floor and `trusted`
 * is false.
 *
 * Reference: Hall (1992), §2.6; module comment for the margin.
 *
 * @example edgeworthCalibration(1000, 0, 0, 1e-5).nominal; // 2.5e-6
 */
export function edgeworthCalibration(n: number, skewness: number, excessKurtosis: number, alpha: number, sides: Sides = 'two-sided'): EdgeworthCalibration {
  const fn = 'edgeworthCalibration';
  checkInteger(fn, 'n', n, 2);
  checkFinite(fn, 'skewness', skewness);
  checkFinite(fn, 'excessKurtosis', excessKurtosis);
  checkOpenUnit(fn, 'alpha', alpha);
  checkSides(fn, sides);
  const target = alpha / CALIBRATION_MARGIN;
  const actual = (a: number): number => tCoverageErrorEstimate(n, skewness, excessKurtosis, a, sides).estimated;
  const result = (nominal: number, problem?: string): EdgeworthCalibration => {
    const small = n < MIN_TRUSTED_N ? `n = ${n} < ${MIN_TRUSTED_N}: the plug-in Edgeworth calibration is not trusted at this n` : undefined;
    const trusted = problem === undefined && small === undefined && nominal >= target / MAX_CORRECTION;
    const why = problem ?? small ?? (trusted ? undefined : `α′ = ${nominal.toExponential(2)} < α/${CALIBRATION_MARGIN * MAX_CORRECTION}: the Edgeworth correction exceeds ${MAX_CORRECTION}× (skewness ${skewness.toFixed(2)}, excess kurtosis ${excessKurtosis.toFixed(1)}, n = ${n})`);
    return { nominal, target, estimated: actual(nominal), trusted, ...(why ? { problem: why } : {}) };
  };
  if (actual(target) <= target) return result(target);
  let lo = Math.log(target * SEARCH_FLOOR);
  if (actual(Math.exp(lo)) > target) {
    return result(Math.exp(lo), `no nominal α′ ≥ ${(target * SEARCH_FLOOR).toExponential(1)} has an Edgeworth-estimated rate ≤ α/${CALIBRATION_MARGIN} (skewness ${skewness.toFixed(2)}, excess kurtosis ${excessKurtosis.toFixed(1)}, n = ${n}): the expansion cannot vouch for any level`);
  }
  let hi = Math.log(target);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (actual(Math.exp(mid)) > target) hi = mid;
    else lo = mid;
  }
  return result(Math.exp(lo));
}

/**
 * The one-sample moments with which the Welch statistic for mean(a) − mean(b) is calibrated: the
 * difference D = ā − b̄ has cumulants κ_r(D) = κ_r(a)/n_a^{r−1} + (−1)^r κ_r(b)/n_b^{r−1}, and a mean of
 * N i.i.d. units with skewness γ and excess kurtosis κ has standardized cumulants γ/√N and κ/N; so
 * N = ⌊Welch–Satterthwaite df⌋ + 1 (at least 2), γ = √N·κ₃(D)/Var(D)^{3/2}, κ = N·κ₄(D)/Var(D)² (clamped
 * at ≥ −2). Exact when one sample has zero variance (the one-sample case); otherwise an approximation
 * of the two-sample Edgeworth expansion (Hall 1992 §2.6 and §3.5 for Welch-type statistics).
 *
 * @example welchEffectiveMoments(sampleMoments(a), sampleMoments(b));
 */
export function welchEffectiveMoments(a: SampleMoments, b: SampleMoments): { n: number; skewness: number; excessKurtosis: number } {
  // Plug-in (divisor-n) cumulants, as the one-sample moments the calibration uses.
  const cum = (m: SampleMoments): { k2: number; m2: number; k3: number; k4: number } => {
    const m2 = (m.variance * (m.n - 1)) / m.n;
    return { k2: m.variance, m2, k3: m.skewness * Math.pow(m2, 1.5), k4: m.excessKurtosis * m2 * m2 };
  };
  const A = cum(a);
  const B = cum(b);
  const va = A.k2 / a.n;
  const vb = B.k2 / b.n;
  const v = va + vb;
  if (!(v > 0)) throw new Error('welchEffectiveMoments: both samples are constant (no variance)');
  const df = (v * v) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const n = Math.max(2, Math.floor(df) + 1);
  const k3 = A.k3 / (a.n * a.n) - B.k3 / (b.n * b.n);
  const k4 = A.k4 / a.n ** 3 + B.k4 / b.n ** 3;
  const vPlugIn = A.m2 / a.n + B.m2 / b.n;
  return { n, skewness: (Math.sqrt(n) * k3) / Math.pow(vPlugIn, 1.5), excessKurtosis: Math.max(MIN_EXCESS_KURTOSIS, (n * k4) / (vPlugIn * vPlugIn)) };
}
