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
 *
 * Deterministic: every estimate comes from a fixed seed (engine/random/stream.ts).
 */
import { RandomStream } from '../../engine/random/stream';

// Captured once: jest's sandbox makes every Math.x lookup slow in hot loops (see engine/random).
const { exp, log, sqrt } = Math;

/** A unit law with a one-parameter family of proposals (τ = 0 is the law itself). */
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
  const estimate = sum / reps;
  const variance = Math.max(0, sumSq / reps - estimate * estimate) / (reps - 1);
  return { estimate, relativeSE: estimate > 0 ? sqrt(variance) / estimate : Infinity, reps, hits };
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
  let lo = -8;
  let hi = 8;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (shift(mid) < z) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
