/**
 * Shared types of the statistical core.
 *
 * Sidedness convention (used by every interval, p-value and power function here, and by
 * `compareToPrediction`):
 *
 * - `'two-sided'`: `[lower, upper]`, with α/2 in each tail.
 * - `'lower'`: a lower confidence bound only, the interval `[lower, +∞)` (`upper = Infinity`), with
 *   all of α in the lower tail. It rejects a prediction only when the prediction lies *below*
 *   `lower`, i.e. when the data show the true value is larger than predicted. It is therefore the
 *   test of a claim "true value ≤ prediction" (for example "P(success) ≤ P(trainable)", tested on
 *   the difference P(success) − P(trainable) with prediction 0).
 * - `'upper'`: an upper confidence bound only, `(−∞, upper]` (`lower = −Infinity`). It rejects only
 *   predictions above `upper`: the test of a claim "true value ≥ prediction".
 *
 * One-sided intervals keep ±Infinity even for bounded parameters (a proportion's `'lower'` interval
 * is `[lower, Infinity)`, not `[lower, 1]`), so that the side is visible from the numbers alone.
 *
 * Reference: Casella & Berger (2002), Statistical Inference, 2nd ed., §9.2 (one-sided intervals
 * and the duality of intervals and tests).
 */
import type { Sides } from '../../theorems/vocabulary';

export type { Sides } from '../../theorems/vocabulary';

/**
 * A confidence interval for one scalar parameter.
 *
 * @example const i: Interval = { estimate: 0.5, lower: 0.4, upper: 0.6, level: 0.95, sides: 'two-sided', method: 'wilson', n: 100 };
 */
export interface Interval {
  /** Point estimate of the parameter. */
  estimate: number;
  /** Lower confidence bound (−Infinity when `sides` is `'upper'`). */
  lower: number;
  /** Upper confidence bound (+Infinity when `sides` is `'lower'`). */
  upper: number;
  /** Confidence level 1 − α, in (0, 1). */
  level: number;
  sides: Sides;
  /** How the interval was computed, e.g. `'t'`, `'wilson'`, `'clopper-pearson'`. */
  method: string;
  /** Number of i.i.d. units behind the estimate (for two-sample intervals, n₁ + n₂). */
  n: number;
}
