/**
 * Two-sample intervals for a difference: Welch's t interval for mean(a) − mean(b), and Newcombe's
 * hybrid Wilson score interval for p₁ − p₂.
 *
 * When each is valid:
 * - Welch: two independent i.i.d. samples, unequal variances allowed. Approximate even for normal
 *   data (the Welch–Satterthwaite df is an approximation), but very accurate there; for skewed data
 *   the same Edgeworth caveats as the one-sample t apply (two-sided better than one-sided).
 * - Newcombe (method 10): two independent binomial samples. Good coverage close to nominal for
 *   small and moderate n, unlike the Wald interval (Newcombe 1998, Table II).
 */
import { normalQuantile, tQuantile } from './distributions';
import { meanOf, varianceOf } from './moments';
import { wilsonBounds } from './proportion-interval';
import { oneSidedBounds, tailProbability } from './sides';
import type { Interval, Sides } from './types';
import { checkCount, checkInteger, checkLevel, checkSample, checkSides } from './validate';

/**
 * Welch interval for mean(a) − mean(b).
 *
 * @example const ci: WelchInterval = welchInterval([1, 2, 3], [2, 3, 5], 0.95);
 */
export interface WelchInterval extends Interval {
  method: 'welch';
  n1: number;
  n2: number;
  /** √(s₁²/n₁ + s₂²/n₂). */
  se: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
}

/**
 * Newcombe interval for p₁ − p₂.
 *
 * @example const ci: NewcombeInterval = newcombeInterval(56, 70, 48, 80, 0.95);
 */
export interface NewcombeInterval extends Interval {
  method: 'newcombe-wilson';
  n1: number;
  n2: number;
  successes1: number;
  successes2: number;
}

/**
 * Welch's interval for mean(a) − mean(b): d ± t_{1−α/2, ν}·se with se² = s₁²/n₁ + s₂²/n₂ and
 * ν = se⁴ / [ (s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1) ]. If both samples are constant, se = 0 and the
 * interval is the point [d, d] with ν reported as n₁ + n₂ − 2.
 *
 * Reference: Welch (1947), "The generalization of 'Student's' problem when several different
 * population variances are involved", Biometrika 34(1–2):28–35; Satterthwaite (1946), Biometrics
 * Bulletin 2(6):110–114.
 *
 * @example welchInterval([1, 2, 3, 4], [2, 4, 6, 8, 10], 0.95).df; // 5.52
 */
export function welchInterval(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  level: number,
  sides: Sides = 'two-sided',
): WelchInterval {
  const fn = 'welchInterval';
  checkLevel(fn, level);
  checkSides(fn, sides);
  const x = checkSample(fn, 'a', a, 2);
  const y = checkSample(fn, 'b', b, 2);
  const n1 = x.length;
  const n2 = y.length;
  const m1 = meanOf(x);
  const m2 = meanOf(y);
  const v1 = varianceOf(x, m1) / n1;
  const v2 = varianceOf(y, m2) / n2;
  const se = Math.sqrt(v1 + v2);
  const estimate = m1 - m2;
  let df: number;
  let half: number;
  if (se === 0) {
    df = n1 + n2 - 2;
    half = 0;
  } else {
    df = ((v1 + v2) * (v1 + v2)) / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1));
    half = tQuantile(1 - tailProbability(level, sides), df) * se;
  }
  return {
    estimate,
    ...oneSidedBounds(estimate - half, estimate + half, sides),
    level,
    sides,
    method: 'welch',
    n: n1 + n2,
    n1,
    n2,
    se,
    df,
  };
}

/**
 * Newcombe's hybrid score interval for p₁ − p₂ (method 10): with Wilson bounds (lᵢ, uᵢ) at the same
 * critical value z, lower = d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²) and upper = d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²).
 * One-sided intervals use z = z_{1−α}.
 *
 * Reference: Newcombe (1998), "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Statistics in Medicine 17(8):873–890, method 10
 * (example 56/70 − 48/80: 0.0524 to 0.3339 at 95 %).
 *
 * @example newcombeInterval(56, 70, 48, 80, 0.95); // [0.0524, 0.3339]
 */
export function newcombeInterval(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
  level: number,
  sides: Sides = 'two-sided',
): NewcombeInterval {
  const fn = 'newcombeInterval';
  checkInteger(fn, 'n1', n1, 1);
  checkInteger(fn, 'n2', n2, 1);
  checkCount(fn, 'successes1', successes1, n1);
  checkCount(fn, 'successes2', successes2, n2);
  checkLevel(fn, level);
  checkSides(fn, sides);
  const z = normalQuantile(1 - tailProbability(level, sides));
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const w1 = wilsonBounds(successes1, n1, z);
  const w2 = wilsonBounds(successes2, n2, z);
  const d = p1 - p2;
  const delta = Math.hypot(p1 - w1.lower, w2.upper - p2);
  const epsilon = Math.hypot(w1.upper - p1, p2 - w2.lower);
  return {
    estimate: d,
    ...oneSidedBounds(d - delta, d + epsilon, sides),
    level,
    sides,
    method: 'newcombe-wilson',
    n: n1 + n2,
    n1,
    n2,
    successes1,
    successes2,
  };
}
