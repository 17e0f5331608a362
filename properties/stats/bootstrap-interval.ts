/**
 * Nonparametric bootstrap confidence intervals: percentile and BCa.
 *
 * When each is valid (i.i.d. data, a statistic that is a smooth function of means, such as the
 * mean itself):
 * - Percentile: first-order accurate, coverage error O(n^{-1/2}) one-sided and O(1/n) two-sided; for
 *   the mean it is too narrow by about √((n−1)/n) and ignores skewness in the bias of the endpoints.
 *   Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13; Hall (1992), ch. 3.
 * - BCa (bias-corrected and accelerated): second-order accurate, coverage error O(1/n) both one- and
 *   two-sided, and transformation-respecting. Efron (1987), "Better bootstrap confidence
 *   intervals", JASA 82(397):171–185; Efron & Tibshirani (1993), ch. 14; Davison & Hinkley (1997),
 *   Bootstrap Methods and their Application, ch. 5.
 * - Monte Carlo error: the endpoints are order statistics of B resamples. At level 1 − α use
 *   B ≳ 10/α (each tail then has ≥ 5 replicates beyond the endpoint; Efron & Tibshirani 1993,
 *   ch. 19, and Davison & Hinkley 1997, ch. 5, advise B ≥ 1000 at 95 %). BCa moves the endpoints further
 *   into the tails than the nominal α, so it needs more resamples than the percentile method; the
 *   result lists a warning when B < 10/α or when an endpoint is an extreme order statistic.
 *
 * The endpoint rule is `norm.inter` of the R package boot (Canty & Ripley, companion to Davison &
 * Hinkley 1997): the ((B+1)q)-th order statistic, interpolated on the normal-quantile scale when (B+1)q
 * is not an integer.
 */
import { normalCdf, normalQuantile } from './distributions';
import { meanOf } from './moments';
import { tailProbability } from './sides';
import type { Interval, Sides, UniformRandom } from './types';
import { checkInteger, checkLevel, checkSample, checkSides, fail } from './validate';

/** 'percentile' (first-order) or 'bca' (second-order). */
export type BootstrapMethod = 'percentile' | 'bca';

/**
 * Options of `bootstrapInterval`.
 *
 * @example const o: BootstrapOptions = { resamples: 2000, random: () => stream.nextFloat64(), method: 'bca' };
 */
export interface BootstrapOptions {
  /** Number of bootstrap resamples B (integer ≥ 2); use B ≳ 10/α. */
  resamples: number;
  /** Uniform [0, 1) source, seeded by the caller. Each resample draws n values from it. */
  random: UniformRandom;
  method: BootstrapMethod;
  /** Default 'two-sided'. */
  sides?: Sides;
  /**
   * The statistic (default: the mean). It receives a reused buffer, so it must not keep a
   * reference to it, and must return a finite number.
   */
  statistic?: (resample: Float64Array) => number;
}

/**
 * A bootstrap interval and its diagnostics.
 *
 * @example const ci: BootstrapInterval = bootstrapInterval([1, 2, 3, 4], 0.9, { resamples: 999, random, method: 'bca' });
 */
export interface BootstrapInterval extends Interval {
  method: 'bootstrap-percentile' | 'bootstrap-bca';
  /** B. */
  resamples: number;
  /** BCa bias correction z₀ = Φ⁻¹(#{θ* < θ̂}/B) (ties count one half); absent for 'percentile'. */
  biasCorrection?: number;
  /** BCa acceleration a from the jackknife; absent for 'percentile'. */
  acceleration?: number;
  /** Monte Carlo warnings (too few resamples, extreme order statistics used as endpoints). */
  warnings: string[];
}

/**
 * Inputs of `bootstrapIntervalFromReplicates`.
 *
 * @example const r: BootstrapReplicates = { estimate: 2.5, replicates: [2.1, 2.7, 2.4], level: 0.9, method: 'percentile', n: 4 };
 */
export interface BootstrapReplicates {
  /** θ̂ on the original sample. */
  estimate: number;
  /** θ* on each resample (B ≥ 2 finite values). */
  replicates: ArrayLike<number>;
  level: number;
  method: BootstrapMethod;
  sides?: Sides;
  /** Leave-one-out values θ̂₍₋ᵢ₎, i = 1..n; required for 'bca' (they give the acceleration). */
  jackknife?: ArrayLike<number>;
  /** Sample size n (defaults to the jackknife's length; required for 'percentile'). */
  n?: number;
}

/**
 * The boot package's `norm.inter` endpoint: order statistic (B+1)q of the sorted replicates,
 * interpolated on the normal scale; the extreme order statistic when (B+1)q < 1 or > B.
 */
function normInter(sorted: Float64Array, q: number, warnings: string[]): number {
  const B = sorted.length;
  let rk = (B + 1) * q;
  const nearest = Math.round(rk);
  if (Math.abs(rk - nearest) <= 1e-9 * Math.max(1, rk)) rk = nearest;
  const k = Math.trunc(rk);
  if (!(rk > 1 && rk < B)) {
    warnings.push(
      `extreme order statistic used as an endpoint: (B+1)·q = ${rk.toFixed(2)} for tail probability q = ${q.toPrecision(3)} with B = ${B}; increase resamples`,
    );
  }
  if (k === 0) return sorted[0];
  if (k >= B) return sorted[B - 1];
  if (k === rk) return sorted[k - 1];
  const zq = normalQuantile(q);
  const zk = normalQuantile(k / (B + 1));
  const zk1 = normalQuantile((k + 1) / (B + 1));
  const tk = sorted[k - 1];
  const tk1 = sorted[k];
  return tk + ((zq - zk) / (zk1 - zk)) * (tk1 - tk);
}

/**
 * A percentile or BCa interval from already computed bootstrap replicates (and, for BCa, the
 * jackknife values). `bootstrapInterval` draws the resamples and calls this.
 *
 * BCa: z₀ = Φ⁻¹(#{θ* < θ̂}/B) (ties count ½), a = Σdᵢ³ / (6 (Σdᵢ²)^{3/2}) with dᵢ = θ̄₍.₎ − θ̂₍₋ᵢ₎,
 * and the endpoint for tail probability q is the Φ(z₀ + (z₀ + z_q)/(1 − a(z₀ + z_q))) quantile of θ*.
 *
 * Reference: Efron (1987), JASA 82:171–185; Davison & Hinkley (1997), ch. 5; R package boot,
 * `bca.ci`, `perc.ci` and `norm.inter`.
 *
 * @example bootstrapIntervalFromReplicates({ estimate: 2.5, replicates: reps, level: 0.9, method: 'bca', jackknife: jack });
 */
export function bootstrapIntervalFromReplicates(input: BootstrapReplicates): BootstrapInterval {
  const fn = 'bootstrapIntervalFromReplicates';
  const { estimate, level, method } = input;
  const sides = input.sides ?? 'two-sided';
  checkLevel(fn, level);
  checkSides(fn, sides);
  if (method !== 'percentile' && method !== 'bca') fail(fn, 'method', "'percentile' or 'bca'", method);
  if (typeof estimate !== 'number' || !Number.isFinite(estimate)) fail(fn, 'estimate', 'a finite number', estimate);
  const sorted = checkSample(fn, 'replicates', input.replicates, 2).sort();
  const B = sorted.length;
  let n: number;
  let jack: Float64Array | undefined;
  if (method === 'bca') {
    if (input.jackknife === undefined) fail(fn, 'jackknife', "given (leave-one-out values) for method 'bca'", undefined);
    jack = checkSample(fn, 'jackknife', input.jackknife, 2);
    n = input.n ?? jack.length;
    if (n !== jack.length) fail(fn, 'n', `the jackknife's length ${jack.length}`, n);
  } else {
    if (input.n === undefined) fail(fn, 'n', "given (the sample size) for method 'percentile'", undefined);
    n = input.n;
  }
  checkInteger(fn, 'n', n, 2);

  const warnings: string[] = [];
  const alpha = 1 - level;
  if (B < (10 / alpha) * (1 - 1e-9)) {
    warnings.push(`resamples B = ${B} < 10/α = ${+(10 / alpha).toPrecision(6)}: the endpoints carry large Monte Carlo error`);
  }
  const tail = tailProbability(level, sides);
  const qLower = tail;
  const qUpper = 1 - tail;

  let pLower = qLower;
  let pUpper = qUpper;
  let biasCorrection: number | undefined;
  let acceleration: number | undefined;
  if (jack !== undefined) {
    let below = 0;
    let ties = 0;
    for (let i = 0; i < B; i++) {
      if (sorted[i] < estimate) below++;
      else if (sorted[i] === estimate) ties++;
    }
    const rank = below + 0.5 * ties;
    if (rank === 0 || rank === B) {
      throw new Error(
        `${fn}: the bias correction z0 is infinite (all ${B} replicates lie on one side of the estimate ${estimate}); the BCa interval does not exist for these replicates`,
      );
    }
    const z0 = normalQuantile(rank / B);
    const jm = meanOf(jack);
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < jack.length; i++) {
      const d = jm - jack[i];
      s2 += d * d;
      s3 += d * d * d;
    }
    const a = s2 > 0 ? s3 / (6 * Math.pow(s2, 1.5)) : 0;
    const adjust = (q: number): number => {
      const w = z0 + normalQuantile(q);
      const denom = 1 - a * w;
      if (!(denom > 0)) {
        throw new Error(
          `${fn}: the BCa adjustment is undefined (1 − a(z0 + z_q) = ${denom} <= 0 with a = ${a}, z0 = ${z0}); the acceleration is too large for this level`,
        );
      }
      return normalCdf(z0 + w / denom);
    };
    pLower = adjust(qLower);
    pUpper = adjust(qUpper);
    biasCorrection = z0;
    acceleration = a;
  }

  const lower = sides === 'upper' ? -Infinity : normInter(sorted, pLower, warnings);
  const upper = sides === 'lower' ? Infinity : normInter(sorted, pUpper, warnings);
  const result: BootstrapInterval = {
    estimate,
    lower,
    upper,
    level,
    sides,
    method: method === 'bca' ? 'bootstrap-bca' : 'bootstrap-percentile',
    n,
    resamples: B,
    warnings,
  };
  if (biasCorrection !== undefined) result.biasCorrection = biasCorrection;
  if (acceleration !== undefined) result.acceleration = acceleration;
  return result;
}

/**
 * Nonparametric bootstrap interval for a statistic (default: the mean) of i.i.d. data, by the
 * percentile or BCa method, from B resamples drawn with the caller's seeded uniform source. See the
 * module comment for when each method is valid; B ≳ 10/α.
 *
 * Reference: Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13–14;
 * Efron (1987), JASA 82:171–185.
 *
 * @example bootstrapInterval(sample, 0.95, { resamples: 4000, random: () => stream.nextFloat64(), method: 'bca' });
 */
export function bootstrapInterval(sample: ArrayLike<number>, level: number, options: BootstrapOptions): BootstrapInterval {
  const fn = 'bootstrapInterval';
  checkLevel(fn, level);
  if (options === null || typeof options !== 'object') fail(fn, 'options', 'an object', options);
  const { resamples, random, method } = options;
  const sides = options.sides ?? 'two-sided';
  const statistic = options.statistic ?? meanOf;
  checkSides(fn, sides);
  checkInteger(fn, 'resamples', resamples, 2);
  if (typeof random !== 'function') fail(fn, 'random', 'a function returning uniform [0, 1) numbers', random);
  if (method !== 'percentile' && method !== 'bca') fail(fn, 'method', "'percentile' or 'bca'", method);
  if (typeof statistic !== 'function') fail(fn, 'statistic', 'a function', statistic);
  const x = checkSample(fn, 'sample', sample, 2);
  const n = x.length;

  const evaluate = (data: Float64Array, what: string): number => {
    const v = statistic(data);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${fn}: statistic must return a finite number; got ${String(v)} on ${what}`);
    }
    return v;
  };
  const estimate = evaluate(x.slice(), 'the original sample');

  const replicates = new Float64Array(resamples);
  const buffer = new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) fail(fn, 'random()', 'a number in [0, 1)', u);
      buffer[i] = x[Math.floor(u * n)];
    }
    replicates[b] = evaluate(buffer, `resample ${b}`);
  }

  let jackknife: Float64Array | undefined;
  if (method === 'bca') {
    jackknife = new Float64Array(n);
    const loo = new Float64Array(n - 1);
    for (let i = 0; i < n; i++) {
      for (let j = 0, k = 0; j < n; j++) if (j !== i) loo[k++] = x[j];
      jackknife[i] = evaluate(loo, `the jackknife sample without index ${i}`);
    }
  }
  return bootstrapIntervalFromReplicates({ estimate, replicates, level, method, sides, jackknife, n });
}
