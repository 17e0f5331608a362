/**
 * FM1 at depth for TF's uncorrected truncated normal (Hanin & Rolnick 2018, §2.5 / Fig. 1: an
 * initialization whose variance is below 2/fan-in makes the mean length vanish exponentially in depth),
 * on the log scale that stays informative at depths 30–100.
 *
 * Statement [D]. Zero biases, weights of layer j i.i.d. from a symmetric law with variance c_j/n_{j−1}
 * (here the truncated normal at ±2 nominal He std, c_j = 2·0.773741), a fixed input x ≠ 0. Then
 * E[M_d/M_0] = ∏_j c_j/2 (HR2018.FM1.mean-length; symmetry alone gives E[ReLU(y)²] = E[y²]/2), the
 * network is alive at x (no layer all zero) with probability A = ∏_j (1 − 2^{−n_j}) (each
 * pre-activation is symmetric, continuous and independent of the others given the layer below), and
 * M_d = 0 when it is dead. So E[M_d/M_0 | alive] = ∏_j (c_j/2) / A and, by Jensen's inequality,
 *
 *     E[log(M_d/M_0) | alive] ≤ Σ_j log(c_j/2) − log A  =  d·log 0.773741 − log A.
 *
 * The log length decays at least as fast as 0.773741^d in depth: FM1 is triggered at any depth. The
 * exact law of the log length (HR2018.FM1.log-length) needs Gaussian weights; for the truncated normal
 * the per-layer factor is not a scaled χ², so only this bound is exact. Its slack is the Jensen gap,
 * ≈ Var[log M_d]/2 ≈ 2.5·Σ 1/n_j (measured in the property file) — small against d·0.2566 at depth ≥ 30.
 *
 * Verification. [S] Fig. 1 compares the truncated normal with He; [D] the bound (derived here); the
 * factor 0.773741 = Var(Z | |Z| ≤ 2) is exact (theorems/_internals/initialization.ts).
 */
import { OutOfDomainError, type Theorem } from '../types';
import { atMost } from '../relation';
import { effectiveScales } from '../_internals/initialization';
import { checkFm1Domain, type LengthConfig } from './fully-connected';
import { cite } from './paper';

export const ID = 'HR2018.FM1.truncated-normal-at-depth';

/** Σ_j log(c_j/2) − log ∏_j (1 − 2^{−n_j}): Jensen's bound on E[log(M_d/M_0) | alive]. */
export function logLengthUpperBound(config: LengthConfig): number {
  const scales = effectiveScales(config.init, config.widths);
  const logMean = scales.reduce((s, c) => s + Math.log(c / 2), 0);
  const logAlive = config.widths.slice(1).reduce((s, n) => s + Math.log1p(-(2 ** -n)), 0);
  return logMean - logAlive;
}

export const fm1TruncatedNormalAtDepth: Theorem<LengthConfig> = {
  id: ID,
  title: 'FM1 at depth for the uncorrected truncated normal: the mean log length decays at least as fast as 0.773741^d',
  paper: cite('§2.5 / Fig. 1(a): initializations with variance below 2/fan-in make the output length vanish exponentially in depth'),
  provenance: 'D',
  statement:
    'Truncated normal at ±2 nominal He std (variance 0.773741·2/fan-in, no correction), zero biases, a fixed x ≠ 0: E[log(M_d/M_0) | alive at x] ≤ d·log 0.773741 − log ∏_j (1 − 2^{−n_j}) (Jensen on E[M_d/M_0] = 0.773741^d).',
  hypotheses: ['fully connected, every layer ReLU, biases zero', 'He preset with law truncated-normal (cut at ±2σ, not rescaled)', 'input x fixed and non-zero; networks dead at x (some layer all zero) excluded'],
  verification: '[S] Fig. 1; [D] the bound (file header); the log form is this suite\'s — the paper states FM1 for E[M_d].',
  unit: { kind: 'continuous', description: 'one random network alive at the fixed input x: log(M_d/M_0) (networks dead at x are counted and excluded)' },
  domain: (config) => {
    checkFm1Domain(ID, config);
    if (config.init.law !== 'truncated-normal' || !('preset' in config.init.variance) || config.init.variance.preset !== 'he') {
      throw new OutOfDomainError(ID, `law truncated-normal with the He preset is required; got ${JSON.stringify(config.init)}`);
    }
    return config;
  },
  predict: (config) => atMost(logLengthUpperBound(config)),
};
