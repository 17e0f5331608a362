/**
 * FM1 at depth, on the log scale (Hanin & Rolnick 2018, abstract and §1 "(FM1)": the mean length
 * "grows or decays exponentially in depth" unless the weights have variance 2/fan-in).
 *
 * Statement ([D], this suite's derivation for Gaussian weights). Fully connected ReLU network, zero
 * biases, weights of layer j i.i.d. N(0, c_j/n_{j−1}), a fixed input x ≠ 0, M_j = ‖z^(j)‖²/n_j. Given
 * z^(j−1) with M_{j−1} > 0, the pre-activations y_i = (W_j z^(j−1))_i are i.i.d.
 * N(0, (c_j/n_{j−1})‖z^(j−1)‖²) = N(0, c_j M_{j−1}); ReLU keeps the K_j ~ Binomial(n_j, ½) positive ones, whose squares are
 * independent of K_j and i.i.d. c_j M_{j−1}·χ²₁. So
 *
 *     M_j = M_{j−1} · (c_j/n_j) · χ²_{K_j},
 *
 * with (K_j, χ²) independent of everything before layer j (the law of y given z^(j−1) depends on
 * z^(j−1) only through M_{j−1}). The network is dead at x when some K_j = 0 (probability
 * 1 − ∏_j (1 − 2^{−n_j})). Given that it is alive, log(M_d/M_0) is a sum of d independent terms, and
 * with E[log χ²_k] = ψ(k/2) + log 2, Var[log χ²_k] = ψ′(k/2) (ψ the digamma function):
 *
 *     E[log(M_d/M_0) | alive]   = Σ_j ( log(c_j/n_j) + log 2 + E[ψ(K_j/2) | K_j ≥ 1] ),
 *     Var[log(M_d/M_0) | alive] = Σ_j ( E[ψ′(K_j/2) | K_j ≥ 1] + Var[ψ(K_j/2) | K_j ≥ 1] ).
 *
 * Each layer's mean is log(c_j/2) + O(1/n_j): He (c = 2) keeps the log length within O(Σ 1/n_j) of
 * log M_0 at any depth (FM1 avoided), LeCun (c = 1) loses log 2 per layer (the exponential decay
 * 2^{−d}), whatever the depth; the variance is ≈ 5Σ 1/n_j (FM2's β). Unlike M_d itself (whose
 * relative variance grows like e^{5β}), the log length is light-tailed, so its mean is an exact,
 * informative prediction at depth 100.
 *
 * ψ and ψ′ are only needed at half-integers, where they have closed forms: ψ(1) = −γ,
 * ψ(½) = −γ − 2 log 2, ψ′(1) = π²/6, ψ′(½) = π²/2, and ψ(x + 1) = ψ(x) + 1/x, ψ′(x + 1) = ψ′(x) − 1/x²
 * (Abramowitz & Stegun 6.3.2–6.3.5, 6.4.2–6.4.6).
 *
 * Verification. [P] the abstract's FM1 statement (variance 2/fan-in avoids it). [D] the law above:
 * derived here, checked against direct float64 simulation of Gaussian ReLU networks in
 * fm1-log-length.test.ts. The paper states FM1 for E[M_d]; the log form is this suite's.
 */
import { equals } from '../relation';
import { OutOfDomainError, type Theorem } from '../types';
import { checkFm1Domain, type LengthConfig } from './fully-connected';
import { effectiveScales } from '../_internals/initialization';
import { cite } from './paper';

export const ID = 'HR2018.FM1.log-length';

/** The Euler–Mascheroni constant γ (A&S 6.1.3). */
const EULER_GAMMA = 0.5772156649015329;

/** ψ(k/2) and ψ′(k/2) for k = 1 … kMax, by the recurrences from ψ(½), ψ(1), ψ′(½), ψ′(1). */
export function halfIntegerPolygammas(kMax: number): { digamma: Float64Array; trigamma: Float64Array } {
  if (!(Number.isInteger(kMax) && kMax >= 1)) throw new Error(`halfIntegerPolygammas: kMax must be an integer ≥ 1; got ${kMax}`);
  const digamma = new Float64Array(kMax + 1);
  const trigamma = new Float64Array(kMax + 1);
  digamma[0] = Number.NaN;
  trigamma[0] = Number.NaN;
  for (let k = 1; k <= kMax; k++) {
    if (k <= 2) {
      digamma[k] = k === 1 ? -EULER_GAMMA - 2 * Math.LN2 : -EULER_GAMMA;
      trigamma[k] = k === 1 ? (Math.PI * Math.PI) / 2 : (Math.PI * Math.PI) / 6;
    } else {
      const x = (k - 2) / 2; // ψ(k/2) = ψ(x + 1) with x = k/2 − 1
      digamma[k] = digamma[k - 2] + 1 / x;
      trigamma[k] = trigamma[k - 2] - 1 / (x * x);
    }
  }
  return { digamma, trigamma };
}

/**
 * Moments of one layer's log factor log((c/n)·χ²_K), K ~ Binomial(n, ½) given K ≥ 1, and P(K ≥ 1).
 * `tables`: ψ(k/2), ψ′(k/2) for k ≤ n at least (default: computed for n).
 */
export function logFactorMoments(c: number, n: number, tables?: ReturnType<typeof halfIntegerPolygammas>): { mean: number; variance: number; alive: number } {
  if (!(Number.isFinite(c) && c > 0)) throw new Error(`logFactorMoments: c must be a finite number > 0; got ${c}`);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`logFactorMoments: n must be an integer ≥ 1; got ${n}`);
  const { digamma, trigamma } = tables && tables.digamma.length > n ? tables : halfIntegerPolygammas(n);
  // P(K = k) = C(n, k)/2^n in log space; conditioned on K ≥ 1.
  const logP = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) logP[k] = logP[k - 1] + Math.log((n - k + 1) / k);
  const alive = -Math.expm1(-n * Math.LN2);
  let e1 = 0;
  let e2 = 0;
  let et = 0;
  for (let k = 1; k <= n; k++) {
    const p = Math.exp(logP[k] - n * Math.LN2) / alive;
    e1 += p * digamma[k];
    e2 += p * digamma[k] * digamma[k];
    et += p * trigamma[k];
  }
  return { mean: Math.log(c / n) + Math.LN2 + e1, variance: et + Math.max(0, e2 - e1 * e1), alive };
}

/** E and Var of log(M_d/M_0) given the network is alive at x, and P(alive), for Gaussian weights. */
export function logLengthMoments(config: LengthConfig): { mean: number; variance: number; alive: number } {
  const scales = effectiveScales(config.init, config.widths);
  const tables = halfIntegerPolygammas(Math.max(...config.widths.slice(1))); // once, for every layer
  return config.widths.slice(1).reduce(
    (acc, n, k) => {
      const f = logFactorMoments(scales[k], n, tables);
      return { mean: acc.mean + f.mean, variance: acc.variance + f.variance, alive: acc.alive * f.alive };
    },
    { mean: 0, variance: 0, alive: 1 },
  );
}

/** The log-length law's hypotheses: the fully connected ones (zero biases) and Gaussian weights. */
export function checkLogLengthDomain(id: string, config: LengthConfig): LengthConfig {
  checkFm1Domain(id, config);
  if (config.init.law !== 'gaussian') throw new OutOfDomainError(id, `the log-length law is exact for Gaussian weights only; got law "${config.init.law}"`);
  return config;
}

export const fm1LogLength: Theorem<LengthConfig> = {
  id: ID,
  title: 'FM1 at depth: the exact mean log activation length of Gaussian ReLU networks',
  paper: cite('abstract; §1 failure mode (FM1) — "the mean length … grows or decays exponentially in depth" unless the variance is 2/fan-in'),
  provenance: 'D',
  statement:
    'For Gaussian weights of variance c_j/n_{j−1} and zero biases, given the network is alive at x: E[log(M_d/M_0)] = Σ_j (log(c_j/n_j) + log 2 + E[ψ(K_j/2) | K_j ≥ 1]), K_j ~ Binomial(n_j, ½) — within O(Σ 1/n_j) of 0 for He (c = 2) at any depth, −d·log 2 + O(Σ 1/n_j) for LeCun (c = 1).',
  hypotheses: [
    'fully connected, every layer ReLU',
    'biases zero',
    'weights i.i.d. Gaussian with variance c_j / n_{j−1}',
    'input x fixed and non-zero; expectation over the weights, given the network is alive at x (no layer entirely zero)',
  ],
  verification:
    '[P] abstract: FM1 is avoided by variance 2/fan-in. [D] the per-layer factor (c_j/n_j)·χ²_{K_j} and its log moments, derived in this file and checked against float64 simulation of Gaussian ReLU networks (fm1-log-length.test.ts). The log form is this suite\'s: the paper states FM1 for E[M_d].',
  unit: { kind: 'continuous', description: 'one random network alive at the fixed input x: log(M_d/M_0) (networks dead at x are counted and excluded)' },
  domain: (config) => checkLogLengthDomain(ID, config),
  predict: (config) => equals(logLengthMoments(config).mean),
};
