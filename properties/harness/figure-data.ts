/**
 * Small helpers for the reviewers' figure data written into report.json: rounding, means, value
 * counts and a proportion with its 95% Wilson interval (display values; the claims' tests use their
 * own α and methods).
 */
import { wilsonInterval } from '../stats';

/** x rounded to `digits` decimals (figure data stays readable and diff-able). */
export const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Arithmetic mean of a non-empty list. */
export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) throw new Error('mean: needs at least one value');
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Counts of each value, e.g. {"2": 60, "3": 4}. */
export function histogram(values: readonly (number | string)[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const v of values) h[String(v)] = (h[String(v)] ?? 0) + 1;
  return h;
}

export interface ProportionWithCi {
  x: number;
  n: number;
  proportion: number;
  wilson95: [number, number];
}

/** x of n with its two-sided 95% Wilson interval, rounded. */
export function proportionWithCi(x: number, n: number): ProportionWithCi {
  const ci = wilsonInterval(x, n, 0.95);
  return { x, n, proportion: round(x / n), wilson95: [round(ci.lower), round(ci.upper)] };
}
