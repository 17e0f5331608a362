/**
 * Importance sampling of a test's rejection probability at the suite's α (≈ 1e-6 … 1e-5), where
 * plain Monte Carlo would need ~1e8 replications: the units are drawn from a tilted proposal law
 * under which rejection is common, and each replication is weighted by the likelihood ratio
 * p/q of its whole sample (Rubinstein & Kroese 2017, Simulation and the Monte Carlo Method, 3rd ed.,
 * §5.7; exponential tilting: Siegmund 1976, "Importance sampling in the Monte Carlo study of
 * sequential tests", Ann. Stat. 4(4):673–684). The estimate is unbiased for every tilt; the tilt
 * only changes its relative standard error, which is reported.
 *
 * The laws here are the unit laws the suite's continuous checks face, each with a one-parameter
 * proposal family whose likelihood ratio is closed-form:
 * - {@link chiSquareProductLaw}: Π_l χ²_{k_l}/k_l (the Gaussian-weight FM length ratio M_d/M_0 of
 *   Hanin & Rolnick 2018, with k_l the widths); proposal: every latent normal scaled by e^{τ/2}
 *   (each factor's χ² scale tilted by e^τ). k = [2] is the exponential law.
 * - {@link lognormalLaw}: exp(σZ − σ²/2) (mean 1); proposal: Z shifted by τ.
 * - {@link poissonLaw}: counts; proposal: λ → λe^τ (the exponential tilt of a Poisson).
 * - {@link affineLaw}: any of these moved to a given mean and sd, optionally reflected (left skew);
 *   same proposals and likelihood ratios.
 * - {@link dirichletMultinomialImportance}: the bin counts of a multinomial sample (a goodness-of-fit
 *   statistic's law); proposal: the Dirichlet–multinomial, a continuous mixture of every exponential
 *   tilt of the bin probabilities, whose covariance is the multinomial's inflated by a factor ρ (so
 *   a χ²-type statistic is ≈ ρ·χ²: rejections are common when ρ·(k − 1) is near the critical value).
 *
 * Deterministic: every estimate comes from a fixed seed (engine/random/stream.ts).
 */
import { RandomStream } from '../../engine/random/stream';
import { logGamma } from './distributions';

// Captured once: jest's sandbox makes every Math.x lookup slow in hot loops (see engine/random).
const { exp, log, pow, sqrt } = Math;

/** A unit law with a one-parameter family of proposals (τ = 0 is the law itself). */

/** The importance-sampling estimate from the sums of the weights (and their squares) of the hits among `reps` draws. */
function weightedEstimate(sum: number, sumSq: number, reps: number, hits: number): { estimate: number; relativeSE: number; reps: number; hits: number } {
  const estimate = sum / reps;
  const variance = Math.max(0, sumSq / reps - estimate * estimate) / (reps - 1);
  return { estimate, relativeSE: estimate > 0 ? sqrt(variance) / estimate : Infinity, reps, hits };
}

export interface TiltedLaw {
  name: string;
  /** Mean and standard deviation of one unit under the law. */
  mean: number;
  sd: number;
  /** Mean and standard deviation of one unit under the proposal with tilt τ (to choose τ). */
  meanSdAt(tau: number): { mean: number; sd: number };
  /** Fills `out` with units drawn under tilt τ; returns log Π p(unit)/q_τ(unit) over the filled units. */
  sample(stream: RandomStream, tau: number, out: Float64Array): number;
}

/**
 * Π_l χ²_{k_l}/k_l (mean 1, E[unit²] = Π(1 + 2/k_l)), each χ²_k a sum of k squared standard normal
 * latents. Proposal τ: latents N(0, s²) with s² = e^τ, log p/q per latent = log s − (g²/2)(1 − 1/s²).
 *
 * @example chiSquareProductLaw([2]).sd; // 1 (the exponential law)
 */
export function chiSquareProductLaw(ks: number[]): TiltedLaw {
  if (ks.length === 0 || ks.some((k) => !(Number.isInteger(k) && k >= 1))) throw new Error(`chiSquareProductLaw: ks must be a non-empty list of integers >= 1; got [${ks.join(', ')}]`);
  const latents = ks.reduce((a, b) => a + b, 0);
  const second = ks.reduce((p, k) => p * (1 + 2 / k), 1);
  let buffer = new Float64Array(0);
  return {
    name: ks.length === 1 && ks[0] === 2 ? 'exponential' : `Π χ²_k/k, k = [${ks.join(', ')}]`,
    mean: 1,
    sd: sqrt(second - 1),
    meanSdAt(tau) {
      const m = exp(tau * ks.length);
      return { mean: m, sd: m * sqrt(second - 1) };
    },
    sample(stream, tau, out) {
      const need = out.length * latents;
      if (buffer.length < need) buffer = new Float64Array(need);
      const s = exp(tau / 2);
      stream.fillNormal(buffer, s, 0, need);
      const c = 0.5 * (1 - 1 / (s * s));
      let sumSq = 0;
      let j = 0;
      for (let i = 0; i < out.length; i++) {
        let unit = 1;
        for (let l = 0; l < ks.length; l++) {
          const k = ks[l];
          let chi = 0;
          for (let t = 0; t < k; t++) {
            const g = buffer[j++];
            chi += g * g;
          }
          sumSq += chi;
          unit *= chi / k;
        }
        out[i] = unit;
      }
      return need * log(s) - c * sumSq;
    },
  };
}

/**
 * exp(σZ − σ²/2), Z ~ N(0, 1) (mean 1). Proposal τ: Z ~ N(τ, 1), log p/q = −τZ + τ²/2.
 *
 * @example lognormalLaw(1).sd; // √(e − 1) ≈ 1.31
 */
export function lognormalLaw(sigma: number): TiltedLaw {
  if (!(sigma > 0 && Number.isFinite(sigma))) throw new Error(`lognormalLaw: sigma must be a finite number > 0; got ${sigma}`);
  const spread = sqrt(exp(sigma * sigma) - 1);
  return {
    name: `lognormal σ = ${sigma}`,
    mean: 1,
    sd: spread,
    meanSdAt(tau) {
      const m = exp(sigma * tau);
      return { mean: m, sd: m * spread };
    },
    sample(stream, tau, out) {
      stream.fillNormal(out);
      let sumZ = 0;
      for (let i = 0; i < out.length; i++) {
        const z = out[i] + tau;
        sumZ += z;
        out[i] = exp(sigma * z - 0.5 * sigma * sigma);
      }
      return -tau * sumZ + 0.5 * out.length * tau * tau;
    },
  };
}

/**
 * Poisson(λ) counts (λ ≤ 1000). Proposal τ: Poisson(λe^τ), log p/q = −τx + λ(e^τ − 1) per count.
 * Draws by inversion (sequential search of the CDF from 0).
 *
 * @example poissonLaw(20).sd; // √20
 */
export function poissonLaw(lambda: number): TiltedLaw {
  if (!(lambda > 0 && lambda <= 1000)) throw new Error(`poissonLaw: lambda must be in (0, 1000]; got ${lambda}`);
  let uniforms = new Float64Array(0);
  return {
    name: `Poisson λ = ${lambda}`,
    mean: lambda,
    sd: sqrt(lambda),
    meanSdAt(tau) {
      const m = lambda * exp(tau);
      return { mean: m, sd: sqrt(m) };
    },
    sample(stream, tau, out) {
      if (uniforms.length < out.length) uniforms = new Float64Array(out.length);
      stream.fillUniform(uniforms, 0.5, 0, out.length);
      const mu = lambda * exp(tau);
      const p0 = exp(-mu);
      let sum = 0;
      for (let i = 0; i < out.length; i++) {
        const u = uniforms[i] + 0.5;
        let x = 0;
        let p = p0;
        let cdf = p0;
        while (u > cdf && x < 100000) {
          x++;
          p *= mu / x;
          cdf += p;
        }
        out[i] = x;
        sum += x;
      }
      return -tau * sum + out.length * (mu - lambda);
    },
  };
}

/**
 * The law of mean + sd·(±(X − μ)/σ) for X from `law` (mean μ, sd σ): any mean and sd, and with
 * `reflect` the mirrored (left-skewed) shape. An affine map of every unit leaves the likelihood
 * ratio of the sample unchanged, so proposals and weights are those of `law`.
 *
 * @example affineLaw(chiSquareProductLaw([3]), 300, 2, true); // skewness −1.63, mean 300, sd 2
 */
export function affineLaw(law: TiltedLaw, mean: number, sd: number, reflect = false): TiltedLaw {
  if (!Number.isFinite(mean)) throw new Error(`affineLaw: mean must be finite; got ${mean}`);
  if (!(sd > 0 && Number.isFinite(sd))) throw new Error(`affineLaw: sd must be a finite number > 0; got ${sd}`);
  const b = ((reflect ? -1 : 1) * sd) / law.sd;
  return {
    name: `${mean} + ${sd}·${reflect ? '(−)' : ''}standardized ${law.name}`,
    mean,
    sd,
    meanSdAt(tau) {
      const m = law.meanSdAt(tau);
      return { mean: mean + b * (m.mean - law.mean), sd: Math.abs(b) * m.sd };
    },
    sample(stream, tau, out) {
      const logRatio = law.sample(stream, tau, out);
      for (let i = 0; i < out.length; i++) out[i] = mean + b * (out[i] - law.mean);
      return logRatio;
    },
  };
}

/** One sample of the experiment: its law, size and tilt. */
export interface TiltedSample {
  law: TiltedLaw;
  n: number;
  tau: number;
}

/**
 * An importance-sampling estimate of a probability.
 *
 * @example const e: ImportanceEstimate = { estimate: 3e-6, relativeSE: 0.05, reps: 4000, hits: 2100 };
 */
export interface ImportanceEstimate {
  estimate: number;
  /** Standard error / estimate (Infinity when no replication hit the event). */
  relativeSE: number;
  reps: number;
  /** Replications in which the event occurred under the proposal. */
  hits: number;
}

/**
 * P(event) for independent samples (one per entry of `samples`, each drawn from its law under its
 * tilt), by importance sampling with `reps` replications from `seed`: mean of 1{event}·Π p/q.
 *
 * Reference: Rubinstein & Kroese (2017), §5.7.
 *
 * @example importanceSample([{ law: lognormalLaw(1), n: 30, tau: -0.5 }], (s) => s[0][0] < 0.01, 1000, 1);
 */
export function importanceSample(samples: TiltedSample[], event: (units: Float64Array[]) => boolean, reps: number, seed: number): ImportanceEstimate {
  if (samples.length === 0) throw new Error('importanceSample: samples must not be empty');
  if (!(Number.isInteger(reps) && reps >= 2)) throw new Error(`importanceSample: reps must be an integer >= 2; got ${reps}`);
  for (const s of samples) {
    if (!(Number.isInteger(s.n) && s.n >= 2)) throw new Error(`importanceSample: n must be an integer >= 2; got ${s.n} (${s.law.name})`);
    if (!Number.isFinite(s.tau)) throw new Error(`importanceSample: tau must be finite; got ${s.tau} (${s.law.name})`);
  }
  const stream = new RandomStream(seed);
  const units = samples.map((s) => new Float64Array(s.n));
  let sum = 0;
  let sumSq = 0;
  let hits = 0;
  for (let r = 0; r < reps; r++) {
    let logW = 0;
    for (let j = 0; j < samples.length; j++) logW += samples[j].law.sample(stream, samples[j].tau, units[j]);
    if (event(units)) {
      const w = exp(logW);
      sum += w;
      sumSq += w * w;
      hits++;
    }
  }
  return weightedEstimate(sum, sumSq, reps, hits);
}

/**
 * The tilt τ under which one unit's standardized mean shift √n(mean_τ − mean)/sd_τ equals `z` (the
 * classical choice: the proposal centred on the rejection boundary), by bisection on τ ∈ [−8, 8].
 *
 * Reference: Siegmund (1976), Ann. Stat. 4(4):673–684 (tilting to the boundary).
 *
 * @example tiltToward(lognormalLaw(1), 1000, -4.4); // ≈ −0.11
 */
export function tiltToward(law: TiltedLaw, n: number, z: number): number {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`tiltToward: n must be an integer >= 1; got ${n}`);
  if (!Number.isFinite(z)) throw new Error(`tiltToward: z must be finite; got ${z}`);
  const shift = (tau: number): number => {
    const m = law.meanSdAt(tau);
    return (sqrt(n) * (m.mean - law.mean)) / m.sd;
  };
  // The shift increases with τ, except for a reflected law (affineLaw), where it decreases.
  const increasing = shift(8) > shift(-8);
  let lo = -8;
  let hi = 8;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (shift(mid) < z === increasing) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * One Gamma(shape, 1) variate: Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3):363–372 (squeeze and log acceptance, shape ≥ 1); shape < 1 by their
 * boost Gamma(a) = Gamma(a + 1)·U^{1/a}. `normal` is a one-slot scratch buffer for the stream.
 */
function gammaVariate(stream: RandomStream, shape: number, normal: Float64Array): number {
  if (shape < 1) return gammaVariate(stream, shape + 1, normal) * pow(stream.nextFloat64(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (;;) {
    stream.fillNormal(normal, 1, 0, 1);
    const x = normal[0];
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = stream.nextFloat64();
    if (u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}

/**
 * One Binomial(m, p) variate by chop-down inversion from the mode (Kemp 1986, "A modal method for
 * generating binomial variables", Commun. Stat. Theory Methods 15(3):805–813): a uniform u is
 * decreased by the probabilities of mode, mode + 1, mode − 1, mode + 2, … (the pmf walked outward by
 * its ratio recurrences) until it falls below 0 — an exact inversion over a reordering of the
 * support, O(√(mp(1 − p))) steps on average.
 */
function binomialVariate(stream: RandomStream, m: number, p: number): number {
  if (m === 0 || p <= 0) return 0;
  if (p >= 1) return m;
  const mode = Math.min(m, Math.floor((m + 1) * p));
  const odds = p / (1 - p);
  const pMode = exp(logGamma(m + 1) - logGamma(mode + 1) - logGamma(m - mode + 1) + mode * log(p) + (m - mode) * log(1 - p));
  let u = stream.nextFloat64() - pMode;
  let up = mode;
  let down = mode;
  let pUp = pMode;
  let pDown = pMode;
  while (u >= 0 && (up < m || down > 0)) {
    if (up < m) {
      pUp *= ((m - up) / (up + 1)) * odds;
      up++;
      u -= pUp;
      if (u < 0) return up;
    }
    if (down > 0) {
      pDown *= down / ((m - down + 1) * odds);
      down--;
      u -= pDown;
      if (u < 0) return down;
    }
  }
  // u ≥ 0 after the whole support: rounding in the pmf sums (probability ~1e-15); the mode.
  return mode;
}

/**
 * P(event(counts)) for the bin counts of n units drawn i.i.d. with bin probabilities `probs` (a
 * Multinomial(n, probs) vector), by importance sampling with `reps` replications from `seed`.
 *
 * Proposal: the Dirichlet–multinomial DM(n, A·probs) (draw q ~ Dirichlet(A·probs), then the n units
 * from q), with A = (n − ρ)/(ρ − 1) so that its covariance is the multinomial's times ρ = `inflation`
 * (Johnson, Kotz & Balakrishnan 1997, Discrete Multivariate Distributions, §35.13). It mixes every
 * exponential tilt q of the bin probabilities, so it covers a rejection region that surrounds the
 * null (the outside of a χ² or likelihood-ratio ball) in every direction; for a statistic ≈ χ²_{k−1}
 * under the law it is ≈ ρ·χ²_{k−1} under the proposal (choose ρ·(k − 1) near the critical value).
 * Likelihood ratio (closed form, from the counts x):
 * log p/q = Σ x_j log π_j + log Γ(n + A) − log Γ(A) − Σ_j [log Γ(x_j + a_j) − log Γ(a_j)], a_j = A·π_j.
 * The counts are drawn by conditional binomials ({@link binomialVariate}: O(k·√n) per replication).
 *
 * Reference: Rubinstein & Kroese (2017), §5.7 (mixture proposals).
 *
 * @example dirichletMultinomialImportance(Float64Array.of(0.25, 0.5, 0.25), 100, 3, (x) => x[0] > 45, 2000, 1);
 */
export function dirichletMultinomialImportance(probs: Float64Array, n: number, inflation: number, event: (counts: Float64Array) => boolean, reps: number, seed: number): ImportanceEstimate {
  const fn = 'dirichletMultinomialImportance';
  const k = probs.length;
  if (k < 2 || probs.some((p) => !(p > 0 && p < 1))) throw new Error(`${fn}: probs must hold ≥ 2 bin probabilities in (0, 1); got [${Array.from(probs).join(', ')}]`);
  const total = probs.reduce((a, b) => a + b, 0);
  if (!(Math.abs(total - 1) <= 1e-9)) throw new Error(`${fn}: probs must sum to 1; they sum to ${total}`);
  if (!(Number.isInteger(n) && n >= 2)) throw new Error(`${fn}: n must be an integer >= 2; got ${n}`);
  if (!(inflation > 1 && inflation < n)) throw new Error(`${fn}: inflation must be in (1, n = ${n}); got ${inflation}`);
  if (!(Number.isInteger(reps) && reps >= 2)) throw new Error(`${fn}: reps must be an integer >= 2; got ${reps}`);
  const A = (n - inflation) / (inflation - 1);
  const a = Array.from(probs, (p) => A * p);
  const logPi = Array.from(probs, (p) => log(p));
  const constant = logGamma(n + A) - logGamma(A) + a.reduce((s, ai) => s + logGamma(ai), 0);
  const stream = new RandomStream(seed);
  const normal = new Float64Array(1);
  const q = new Float64Array(k);
  const counts = new Float64Array(k);
  let sum = 0;
  let sumSq = 0;
  let hits = 0;
  for (let r = 0; r < reps; r++) {
    let gSum = 0;
    for (let j = 0; j < k; j++) {
      q[j] = gammaVariate(stream, a[j], normal);
      gSum += q[j];
    }
    // Multinomial(n, q) by conditional binomials: x_j ~ Binomial(n − x_1 − … − x_{j−1}, q_j/(q_j + … + q_k)).
    let left = n;
    let rest = gSum;
    for (let j = 0; j < k - 1; j++) {
      counts[j] = binomialVariate(stream, left, rest > 0 ? q[j] / rest : 0);
      left -= counts[j];
      rest -= q[j];
    }
    counts[k - 1] = left;
    if (event(counts)) {
      let logW = constant;
      for (let j = 0; j < k; j++) logW += counts[j] * logPi[j] - logGamma(counts[j] + a[j]);
      const w = exp(logW);
      sum += w;
      sumSq += w * w;
      hits++;
    }
  }
  return weightedEstimate(sum, sumSq, reps, hits);
}
