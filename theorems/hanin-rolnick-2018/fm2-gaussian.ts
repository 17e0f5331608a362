/**
 * FM2, the variance of the activation length (Hanin & Rolnick 2018, abstract and §1 "(FM2)"; main
 * fully connected theorem, second moment).
 *
 * Statement. Fully connected network, zero biases, Gaussian weights of variance c_j / n_{j−1}, input
 * x fixed. Then, whatever the variance scales c_j (FM2 is architectural, FM1 is about the
 * initialization),
 *
 *     E[M_d²] / E[M_d]² = ∏_{ReLU layers j} (1 + 5/n_j) · (1 + 2/n_d if the output layer is linear)
 *                       ≤ exp(5 β),   β = Σ_j 1/n_j,
 *
 * equivalently (with FM1's E[M_d] = M_0 ∏ c_j/2, or c_d for a linear output layer)
 * E[M_d²]/M_0² = ∏_j g_j² (1 + 5/n_j) with g_j = c_j/2 for a ReLU layer and g_d = c_d, factor
 * (1 + 2/n_d), for a linear one. The suite tests this second form: it needs no ratio estimator.
 *
 * Which layers enter. Every layer whose output is measured: a ReLU layer contributes 1 + 5/n_j, a
 * linear output layer 1 + 2/n_d. Why (docs/claims.md §2.3 [D]): for Gaussian W and a fixed v, y = W v has
 * i.i.d. N(0, s²‖v‖²) coordinates (s² = c/n_{j−1}), so ‖ReLU(y)‖² = s²‖v‖² χ²_K with
 * K ~ Binomial(n_j, 1/2) and E[(χ²_K)²]/E[χ²_K]² = 1 + 5/n_j; ‖y‖² = s²‖v‖² χ²_{n_j}, ratio 1 + 2/n_j.
 * The factor's law does not depend on v (rotation invariance), so the layers are independent and
 * the moments multiply.
 *
 * Verification. [P] abstract: the variance of the length grows exponentially in Σ 1/n_j; [S]
 * reviewer: "exponential in the sum of reciprocal of widths". [D] the exact product (derived above,
 * MC-checked in docs/claims.md: widths [10,20,5,15,10] → 7.50). [R] the paper's constants.
 */
import { OutOfDomainError, type Theorem } from '../types';
import { equals } from '../relation';
import { effectiveScales } from '../_internals/initialization';
import { checkFm1Domain, gaussianFactors, type LengthConfig } from './fully-connected';
import { cite } from './paper';

export interface SecondMomentConfig extends LengthConfig {
  /** Activation of the last layer (default ReLU). */
  output?: 'relu' | 'linear';
}

export const ID = 'HR2018.FM2.gaussian';

/** Per-layer mean gains g_j = E[M_j | M_{j−1}] / M_{j−1}: c_j/2 (ReLU) or c_d (linear output). */
function meanGains(config: SecondMomentConfig): number[] {
  const c = effectiveScales(config.init, config.widths);
  return c.map((cj, k) => (config.output === 'linear' && k === c.length - 1 ? cj : cj / 2));
}

/** E[M_d²]/E[M_d]² for Gaussian weights. */
export function secondMomentRatio(config: SecondMomentConfig): number {
  return gaussianFactors(config.widths, config.output).reduce((p, f) => p * f, 1);
}

export const fm2Gaussian: Theorem<SecondMomentConfig> = {
  id: ID,
  title: 'FM2: E[M_d²]/E[M_d]² = ∏(1 + 5/n_j) (× (1 + 2/n_d) for a linear output), whatever the variance scale',
  paper: cite('abstract and §1 failure mode (FM2); main fully connected theorem (second moment of M_d)'),
  provenance: 'D',
  statement:
    'Gaussian weights of variance c_j/fan-in, zero biases: E[M_d²]/M_0² = ∏_j g_j²·f_j with g_j = c_j/2, f_j = 1 + 5/n_j for ReLU layers and g_d = c_d, f_d = 1 + 2/n_d for a linear output layer; hence E[M_d²]/E[M_d]² = ∏ f_j ≤ exp(5β), independent of c.',
  hypotheses: ['fully connected, zero biases', 'Gaussian weights, variance c_j / n_{j−1} (any c_j > 0)', 'every layer ReLU, or all but a linear output layer', 'input x fixed and non-zero'],
  verification: '[P] abstract (variance exponential in Σ1/n_j); [D] exact product, derived from the χ²_K structure (docs/claims.md §2.3); [R] the paper’s own constants.',
  unit: { kind: 'continuous', description: 'one random network: (M_d/M_0)² averaged over a few fixed inputs (its mean is E[M_d²]/M_0²)' },
  domain: (config) => {
    checkFm1Domain(ID, config);
    if (config.output !== undefined && config.output !== 'relu' && config.output !== 'linear') {
      throw new OutOfDomainError(ID, `output must be 'relu' or 'linear'; got "${String(config.output)}"`);
    }
    if (config.init.law !== 'gaussian') {
      throw new OutOfDomainError(ID, `the exact factor 1 + 5/n_j needs Gaussian weights; got law "${config.init.law}" (see HR2018.FM2.law-*-bound)`);
    }
    return config;
  },
  predict: (config) => equals(meanGains(config).reduce((p, g) => p * g * g, 1) * secondMomentRatio(config)),
};
