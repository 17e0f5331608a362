/**
 * Test support for the statistical core: oracle comparison and the calibration decision. Used only
 * by the `*.test.ts` files here; not re-exported from `index.ts`.
 */
import { clopperPearsonInterval } from './proportion-interval';

/**
 * Asserts |actual − expected| ≤ rel·|expected| (or ≤ rel when expected = 0), with a message that
 * shows both values and the relative error.
 *
 * @example expectRelClose(tQuantile(0.975, 9), 2.2621571627982049, 1e-13);
 */
export function expectRelClose(actual: number, expected: number, rel: number): void {
  const scale = expected === 0 ? 1 : Math.abs(expected);
  const err = Math.abs(actual - expected) / scale;
  if (!(err <= rel)) {
    throw new Error(`expected ${actual} to equal ${expected} within relative ${rel}; relative error ${err.toExponential(3)}`);
  }
}

/**
 * The calibration decision: is `failures` out of `trials` consistent with a failure rate `rate`?
 * True when `rate` lies in the two-sided Clopper–Pearson interval at level 1 − `alpha`. If the true
 * rate is `rate`, this returns false with probability ≤ `alpha` (Clopper–Pearson is conservative).
 *
 * Reference: Clopper & Pearson (1934), Biometrika 26(4):404–413.
 *
 * @example consistentRate(412, 4000, 0.1, 1e-6); // true
 */
export function consistentRate(failures: number, trials: number, rate: number, alpha: number): boolean {
  const ci = clopperPearsonInterval(failures, trials, 1 - alpha);
  return ci.lower <= rate && rate <= ci.upper;
}

/**
 * Binomial probabilities P(X = k), k = 0..n, by the product recurrence
 * P(k + 1) = P(k)·(n − k)/(k + 1)·p/(1 − p) from P(0) = (1 − p)ⁿ; accurate to ~1e-14 for n ≤ 100 and
 * p not extreme. For exact-coverage computations in tests.
 *
 * Reference: Johnson, Kemp & Kotz (2005), Univariate Discrete Distributions, 3rd ed., ch. 3.
 *
 * @example binomialPmf(2, 0.5); // [0.25, 0.5, 0.25]
 */
export function binomialPmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  out[0] = Math.pow(1 - p, n);
  const r = p / (1 - p);
  for (let k = 0; k < n; k++) out[k + 1] = (out[k] * (n - k) * r) / (k + 1);
  return out;
}

/** `x` ones then `n − x` zeros: a sample of 0/1 units with a chosen count. */
export const bernoulliUnits = (x: number, n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => (i < x ? 1 : 0));

/** `n` i.i.d. Bernoulli(p) units from a stream with a `nextFloat64()` in [0, 1). */
export function drawBernoulli(stream: { nextFloat64(): number }, n: number, p: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = stream.nextFloat64() < p ? 1 : 0;
  return out;
}
