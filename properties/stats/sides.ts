/**
 * The sidedness helpers: which tail probability a level and a side put in each tail.
 *
 * Reference: Casella & Berger (2002), Statistical Inference, 2nd ed., §9.2.
 */
import type { Sides } from './types';

/**
 * All values of `Sides`, for validation and iteration.
 *
 * @example SIDES.includes('lower'); // true
 */
export const SIDES: readonly Sides[] = ['two-sided', 'lower', 'upper'];

/**
 * Whether a value is one of the `Sides` strings.
 *
 * @example isSides('upper'); // true
 */
export function isSides(value: unknown): value is Sides {
  return typeof value === 'string' && (SIDES as readonly string[]).includes(value);
}

/**
 * The probability in each bounded tail for level 1 − α: α/2 for `'two-sided'`, α for one-sided.
 * A bound is then the (1 − tail)-quantile of the pivot's distribution.
 *
 * Reference: Casella & Berger (2002), §9.2.
 *
 * @example tailProbability(0.95, 'two-sided'); // 0.025
 */
export function tailProbability(level: number, sides: Sides): number {
  const alpha = 1 - level;
  return sides === 'two-sided' ? alpha / 2 : alpha;
}

/**
 * The bounds an interval keeps for its sides: a two-sided interval keeps both, `'lower'` ([L, ∞))
 * drops the upper one and `'upper'` ((−∞, U]) the lower one.
 *
 * @example oneSidedBounds(0.1, 0.9, 'lower'); // { lower: 0.1, upper: Infinity }
 */
export function oneSidedBounds(lower: number, upper: number, sides: Sides): { lower: number; upper: number } {
  return { lower: sides === 'upper' ? -Infinity : lower, upper: sides === 'lower' ? Infinity : upper };
}
