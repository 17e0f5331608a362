/**
 * The decision step: compare a theory's prediction with a confidence interval.
 *
 * By the duality of tests and intervals, rejecting when the prediction lies outside a level-(1 − α)
 * interval is a level-α test of "true value = prediction" (Casella & Berger 2002, Statistical
 * Inference, 2nd ed., Theorem 9.2.2). The false-failure rate is α exactly when the interval's
 * coverage is exact, and otherwise off by the interval's coverage error.
 *
 * Which side to use. Write the claim as an inequality between the true value θ and the prediction c:
 * - "θ = c": `'two-sided'`, rejected when c < lower or c > upper.
 * - "θ ≤ c": `'lower'`, the interval [lower, ∞); rejected only when c < lower, i.e. when the data
 *   show θ > c. Example: the claim "P(success) ≤ P(trainable)" is tested on θ = P(success) −
 *   P(trainable) with c = 0 and `newcombeInterval(xS, n, xT, n, 1 − α, 'lower')`: the claim is
 *   rejected when the lower bound of the difference is above 0.
 * - "θ ≥ c": `'upper'`, the interval (−∞, upper]; rejected only when c > upper.
 */
import type { Interval, Sides } from './types';
import { checkFinite, checkLevel, checkSides, fail } from './validate';

/**
 * Outcome of comparing a prediction with an interval.
 *
 * @example const c: Comparison = compareToPrediction(tInterval(x, 0.99), 1);
 */
export interface Comparison {
  verdict: 'consistent' | 'rejected';
  prediction: number;
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  sides: Sides;
  /** The test's nominal false-failure rate, 1 − level. */
  alpha: number;
  /**
   * How far the prediction lies outside the interval: prediction − upper (> 0) when above,
   * prediction − lower (< 0) when below, 0 when consistent.
   */
  excess: number;
  /** One sentence for reports. */
  reason: string;
}

function describe(interval: Interval): string {
  const pct = `${+(interval.level * 100).toPrecision(6)}%`;
  if (interval.sides === 'lower') return `the one-sided ${pct} interval [${interval.lower}, ∞)`;
  if (interval.sides === 'upper') return `the one-sided ${pct} interval (−∞, ${interval.upper}]`;
  return `the two-sided ${pct} interval [${interval.lower}, ${interval.upper}]`;
}

/**
 * Verdict of a level-α test of the prediction: 'rejected' iff the prediction lies outside the
 * (closed) interval; with the sides convention of `types.ts`, a `'lower'` interval rejects only
 * predictions below `lower` and an `'upper'` interval only predictions above `upper`.
 *
 * Reference: Casella & Berger (2002), Statistical Inference, 2nd ed., Theorem 9.2.2.
 *
 * @example compareToPrediction(wilsonInterval(30, 100, 0.95), 0.5).verdict; // 'rejected'
 */
export function compareToPrediction(interval: Interval, prediction: number): Comparison {
  const fn = 'compareToPrediction';
  if (interval === null || typeof interval !== 'object') fail(fn, 'interval', 'an Interval object', interval);
  checkFinite(fn, 'prediction', prediction);
  checkLevel(fn, interval.level);
  checkSides(fn, interval.sides);
  const { lower, upper, sides } = interval;
  if (Number.isNaN(lower) || Number.isNaN(upper) || !(lower <= upper)) {
    fail(fn, 'interval', 'ordered bounds lower <= upper (not NaN)', `[${lower}, ${upper}]`);
  }
  if (sides === 'lower' && upper !== Infinity) fail(fn, 'interval.upper', "Infinity for sides 'lower'", upper);
  if (sides === 'upper' && lower !== -Infinity) fail(fn, 'interval.lower', "-Infinity for sides 'upper'", lower);
  if (sides === 'two-sided' && !(Number.isFinite(lower) && Number.isFinite(upper))) {
    fail(fn, 'interval bounds', "finite for sides 'two-sided'", `[${lower}, ${upper}]`);
  }
  const excess = prediction < lower ? prediction - lower : prediction > upper ? prediction - upper : 0;
  const verdict = excess === 0 ? 'consistent' : 'rejected';
  const where = describe(interval);
  const reason =
    excess < 0
      ? `prediction ${prediction} lies below ${where}: the data show the true value is larger than predicted`
      : excess > 0
        ? `prediction ${prediction} lies above ${where}: the data show the true value is smaller than predicted`
        : `prediction ${prediction} lies inside ${where}`;
  return {
    verdict,
    prediction,
    estimate: interval.estimate,
    lower,
    upper,
    level: interval.level,
    sides,
    alpha: 1 - interval.level,
    excess,
    reason,
  };
}
