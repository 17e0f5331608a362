/**
 * Sample moments: mean, unbiased variance, and the moment ratios (skewness, excess kurtosis) that
 * the Edgeworth coverage-error estimate needs.
 *
 * Mean and variance use the corrected two-pass algorithm (Chan, Golub & LeVeque 1983, "Algorithms
 * for computing the sample variance", Am. Stat. 37(3):242–247), which is accurate even when
 * the mean is large relative to the spread.
 */
import { checkSample } from './validate';

/** The smallest excess kurtosis of any law (m₄ ≥ m₂² by Jensen; equality for a symmetric two-point law). */
export const MIN_EXCESS_KURTOSIS = -2;

/**
 * Moments of a sample.
 *
 * @example const m: SampleMoments = sampleMoments([1, 2, 3, 4]);
 */
export interface SampleMoments {
  n: number;
  mean: number;
  /** Unbiased variance Σ(x − x̄)²/(n − 1). */
  variance: number;
  /** √variance. */
  sd: number;
  /** g₁ = m₃/m₂^{3/2} with central moments m_k = Σ(x − x̄)^k/n (SciPy `skew(bias=True)`); 0 if m₂ = 0. */
  skewness: number;
  /**
   * g₂ = m₄/m₂² − 3 (SciPy `kurtosis(bias=True)`), clamped at −2 (every distribution, and every
   * sample, has m₄ ≥ m₂², i.e. g₂ ≥ −2; rounding can give −2 − 4e-16 for a symmetric two-point
   * sample); 0 if m₂ = 0.
   */
  excessKurtosis: number;
}

/**
 * Mean of a non-empty array of finite numbers (compensated: x̄ + Σ(x − x̄)/n).
 * Internal helper for already validated data.
 *
 * Reference: Chan, Golub & LeVeque (1983), Am. Stat. 37(3):242–247.
 *
 * @example meanOf(Float64Array.of(1, 2, 6)); // 3
 */
export function meanOf(x: Float64Array): number {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const m = s / n;
  let c = 0;
  for (let i = 0; i < n; i++) c += x[i] - m;
  return m + c / n;
}

/**
 * Unbiased variance of validated data with n ≥ 2 given its mean (corrected two-pass:
 * [Σd² − (Σd)²/n]/(n − 1), d = x − mean). Internal helper for already validated data.
 *
 * Reference: Chan, Golub & LeVeque (1983), Am. Stat. 37(3):242–247.
 *
 * @example varianceOf(Float64Array.of(1, 2, 6), 3); // 7
 */
export function varianceOf(x: Float64Array, mean: number): number {
  const n = x.length;
  let ss = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    ss += d * d;
    c += d;
  }
  return Math.max(0, (ss - (c * c) / n) / (n - 1));
}

/**
 * Sample mean, unbiased variance, sd, skewness g₁ and excess kurtosis g₂ (n ≥ 2).
 *
 * The moment ratios are the plain (biased) plug-in estimates g₁ = m₃/m₂^{3/2}, g₂ = m₄/m₂² − 3
 * (Joanes & Gill 1998, "Comparing measures of sample skewness and kurtosis", The Statistician
 * 47(1):183–189, definitions g₁, g₂). They are noisy for small n and heavy tails; use them for
 * diagnostics such as `tCoverageErrorEstimate`, not as precise estimates.
 *
 * @example sampleMoments([2, 4, 4, 4, 5, 5, 7, 9]).variance; // 4.571428571428571
 */
export function sampleMoments(sample: ArrayLike<number>): SampleMoments {
  const x = checkSample('sampleMoments', 'sample', sample, 2);
  const n = x.length;
  const mean = meanOf(x);
  const variance = varianceOf(x, mean);
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const degenerate = !(m2 > 0);
  return {
    n,
    mean,
    variance,
    sd: Math.sqrt(variance),
    skewness: degenerate ? 0 : m3 / Math.pow(m2, 1.5),
    excessKurtosis: degenerate ? 0 : Math.max(MIN_EXCESS_KURTOSIS, m4 / (m2 * m2) - 3),
  };
}
