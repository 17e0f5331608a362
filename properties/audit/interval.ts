/**
 * The audit's intervals: means of i.i.d. per-network (or per-kernel) values with the normal
 * quantile at the audit's level, and ratios of means by the delta method. The samples are hundreds
 * to thousands of draws of light-tailed statistics, where the normal limit is accurate; the audit
 * reports these intervals, it does not spend the suite's α budget (it is not a gate claim).
 */
import type { Estimate } from '../../reports/audit-schema';
import { sampleMoments } from '../stats';

/** The values of several samples as one (an initializer's layers, pooled). */
export function concat(xs: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(xs.reduce((s, x) => s + x.length, 0));
  let k = 0;
  for (const x of xs) {
    out.set(x, k);
    k += x.length;
  }
  return out;
}

/** Sample covariance (n − 1) of paired values with known means. */
function covariance(x: ArrayLike<number>, mx: number, y: ArrayLike<number>, my: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
  return s / (x.length - 1);
}

/** Mean ± z·sd/√n. */
export function meanInterval(x: ArrayLike<number>, z: number): Estimate {
  const { mean, sd, n } = sampleMoments(x);
  const half = (z * sd) / Math.sqrt(n);
  return { estimate: mean, lower: mean - half, upper: mean + half };
}

/**
 * mean(a)/mean(b)^p with its delta-method interval (p = 1 or 2): the gradient of A/B^p is
 * (1/B^p, −pA/B^{p+1}).
 */
export function ratioOfMeans(a: ArrayLike<number>, b: ArrayLike<number>, p: 1 | 2, z: number): Estimate {
  const ma = sampleMoments(a);
  const mb = sampleMoments(b);
  const A = ma.mean;
  const B = mb.mean;
  const ga = 1 / B ** p;
  const gb = (-p * A) / B ** (p + 1);
  const variance = (ga * ga * ma.variance + gb * gb * mb.variance + 2 * ga * gb * covariance(a, A, b, B)) / a.length;
  const r = A / B ** p;
  const half = z * Math.sqrt(Math.max(0, variance));
  return { estimate: r, lower: r - half, upper: r + half };
}

export const scale = (e: Estimate, k: number): Estimate => ({ estimate: e.estimate * k, lower: e.lower * k, upper: e.upper * k });
export const overlaps = (e: Estimate, lo: number, hi: number): boolean => e.upper >= lo && e.lower <= hi;
