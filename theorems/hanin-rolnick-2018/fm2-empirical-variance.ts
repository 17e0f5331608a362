/**
 * Empirical variance of the lengths across layers (Hanin & Rolnick 2018, FM2: "the empirical
 * variance of length scales across layers grows exponentially with the depth"; docs/claims.md §2.3 [D]).
 *
 * For He-initialized Gaussian networks (c_j = 2, every layer ReLU, zero biases), with
 * Var̂[M] = (1/d)Σ_j M_j² − ((1/d)Σ_j M_j)² and S_j = ∏_{k≤j} (1 + 5/n_k) (S_0 = 1):
 * E[M_i M_j] = M_0² S_min(i,j) (M is a martingale whose squared increments multiply by 1 + 5/n_k), so
 *
 *     E[Var̂[M]] / M_0² = (1/d) Σ_j S_j − (1/d²) Σ_j (2(d − j) + 1) S_j,
 *
 * the number of pairs (i, i′) with min(i, i′) = j being 2(d − j) + 1.
 *
 * Verification. [P] the FM2 sentence above; [D] the exact formula; [R] the paper's statement of it.
 */
import { OutOfDomainError, type Theorem } from '../types';
import { equals } from '../relation';
import { checkFm1Domain, gaussianFactors, type LengthConfig } from './fully-connected';
import { cite } from './paper';

export const ID = 'HR2018.FM2.empirical-variance';

/** E[Var̂[M]]/M_0² for He Gaussian networks. */
export function expectedEmpiricalVariance(widths: readonly number[]): number {
  const d = widths.length - 1;
  let s = 1;
  let first = 0;
  let second = 0;
  gaussianFactors(widths).forEach((f, k) => {
    const j = k + 1;
    s *= f;
    first += s;
    second += (2 * (d - j) + 1) * s;
  });
  return first / d - second / (d * d);
}

export const fm2EmpiricalVariance: Theorem<LengthConfig> = {
  id: ID,
  title: 'FM2: the empirical variance of M_j across layers has mean (1/d)ΣS_j − (1/d²)Σ(2(d−j)+1)S_j',
  paper: cite('§1 failure mode (FM2): "the empirical variance of length scales across layers grows exponentially with the depth"'),
  provenance: 'D',
  statement: 'He Gaussian weights, zero biases: E[Var̂_j(M_j)]/M_0² = (1/d)Σ_j S_j − (1/d²)Σ_j (2(d−j)+1) S_j, S_j = ∏_{k≤j}(1 + 5/n_k).',
  hypotheses: ['fully connected, every layer ReLU, zero biases', 'He Gaussian weights (variance 2/fan-in)', 'depth d ≥ 2', 'input x fixed and non-zero'],
  verification: '[P] FM2 sentence; [D] exact formula (docs/claims.md §2.3); [R] the paper’s form of it.',
  unit: { kind: 'continuous', description: 'one random network: the empirical variance across layers 1..d of M_j/M_0, averaged over a few fixed inputs (its mean is E[Var̂[M]]/M_0²)' },
  domain: (config) => {
    checkFm1Domain(ID, config);
    if (config.init.law !== 'gaussian' || !('preset' in config.init.variance) || config.init.variance.preset !== 'he') {
      throw new OutOfDomainError(ID, `He Gaussian weights are required; got ${JSON.stringify(config.init)}`);
    }
    if (config.widths.length < 3) throw new OutOfDomainError(ID, `depth must be ≥ 2 (one layer has no variance across layers); got ${config.widths.length - 1}`);
    return config;
  },
  predict: (config) => equals(expectedEmpiricalVariance(config.widths)),
};
