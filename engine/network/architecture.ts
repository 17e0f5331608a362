/** Width profiles n_0, …, n_d of fully connected networks. */

export const MAX_WIDTH = 100_000;
export const MAX_DEPTH = 10_000;

/**
 * Validates a width profile [n_0, n_1, …, n_d] (input width first) and returns it.
 * @example validateWidths([3, 16, 16]); // depth 2
 */
export function validateWidths(widths: readonly number[], parameter = 'widths'): readonly number[] {
  if (!Array.isArray(widths) || widths.length < 2) {
    throw new Error(`${parameter} must list the input width and at least one layer width (depth ≥ 1); got ${JSON.stringify(widths)}`);
  }
  if (widths.length - 1 > MAX_DEPTH) throw new Error(`${parameter}: depth must be in [1, ${MAX_DEPTH}]; got ${widths.length - 1}`);
  widths.forEach((n, j) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_WIDTH) {
      throw new Error(`${parameter}[${j}] must be an integer in [1, ${MAX_WIDTH}]; got ${n}`);
    }
  });
  return widths;
}
