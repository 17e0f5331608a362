/**
 * The audit's intervals: means of i.i.d. per-network (or per-kernel) values with the normal
 * quantile at the audit's level, and ratios of means by the delta method. The samples are hundreds
 * to thousands of draws of light-tailed statistics, where the normal limit is accurate; the audit
 * reports these intervals, it does not spend the suite's α budget (it is not a gate claim).
 */
import type { Estimate } from '../../reports/audit-schema';

const mean = (x: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
};

const cov = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  const mx = mean(x);
  const my = mean(y);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
  return s / (x.length - 1);
};

/** Mean ± z·sd/√n. */
export function meanInterval(x: ArrayLike<number>, z: number): Estimate {
  const m = mean(x);
  const half = (z * Math.sqrt(cov(x, x))) / Math.sqrt(x.length);
  return { estimate: m, lower: m - half, upper: m + half };
}

/**
 * mean(a)/mean(b)^p with its delta-method interval (p = 1 or 2): the gradient of A/B^p is
 * (1/B^p, −pA/B^{p+1}).
 */
export function ratioOfMeans(a: ArrayLike<number>, b: ArrayLike<number>, p: 1 | 2, z: number): Estimate {
  const A = mean(a);
  const B = mean(b);
  const ga = 1 / B ** p;
  const gb = (-p * A) / B ** (p + 1);
  const variance = (ga * ga * cov(a, a) + gb * gb * cov(b, b) + 2 * ga * gb * cov(a, b)) / a.length;
  const r = A / B ** p;
  const half = z * Math.sqrt(Math.max(0, variance));
  return { estimate: r, lower: r - half, upper: r + half };
}

export const scale = (e: Estimate, k: number): Estimate => ({ estimate: e.estimate * k, lower: e.lower * k, upper: e.upper * k });
export const overlaps = (e: Estimate, lo: number, hi: number): boolean => e.upper >= lo && e.lower <= hi;
