/**
 * FM2 in the exponential regime, on the log scale (Hanin & Rolnick 2018, abstract and §1 "(FM2)": the
 * variance of the activation length grows exponentially in β = Σ_j 1/n_j).
 *
 * Statement ([D], this suite's derivation for Gaussian weights; fm1-log-length.ts derives the law).
 * Given the network is alive at x, log(M_d/M_0) is a sum of d independent terms log((c_j/n_j)·χ²_{K_j}),
 * K_j ~ Binomial(n_j, ½) given K_j ≥ 1, so
 *
 *     Var[log(M_d/M_0) | alive] = Σ_j ( E[ψ′(K_j/2) | K_j ≥ 1] + Var[ψ(K_j/2) | K_j ≥ 1] ) ≈ 5β,
 *
 * each term being 5/n_j + O(1/n_j²). The same law gives FM2's statement on M_d itself,
 * E[M_d²]/E[M_d]² = ∏_j (1 + 5/n_j) (HR2018.FM2.gaussian): the length's spread grows exponentially in
 * β while its log-variance grows linearly — and unlike M_d², whose moments are out of reach of any
 * sample at β ≈ 1 (E[M_d⁴]/E[M_d²]² ≈ e^{20β}), the log-variance is estimable with light-tailed units
 * at any β. So this claim asserts FM2's mechanism in the regime the paper calls exponential
 * (β up to 2), where the second-moment claims cannot go.
 *
 * Verification. [P] the abstract's FM2 statement (variance of the length exponential in Σ 1/n_j).
 * [D] the variance formula: derived in fm1-log-length.ts and checked there against float64 simulation.
 * The log form is this suite's.
 */
import { equals } from '../relation';
import type { Theorem } from '../types';
import type { LengthConfig } from './fully-connected';
import { checkLogLengthDomain, logLengthMoments } from './fm1-log-length';
import { cite } from './paper';

export const ID = 'HR2018.FM2.log-variance';

export const fm2LogVariance: Theorem<LengthConfig> = {
  id: ID,
  title: 'FM2 at large β: the exact variance of the log activation length of Gaussian ReLU networks',
  paper: cite('abstract; §1 failure mode (FM2) — the variance of the length grows exponentially in Σ_j 1/n_j'),
  provenance: 'D',
  statement:
    'For Gaussian weights of variance c_j/n_{j−1} and zero biases, given the network is alive at x: Var[log(M_d/M_0)] = Σ_j (E[ψ′(K_j/2) | K_j ≥ 1] + Var[ψ(K_j/2) | K_j ≥ 1]) ≈ 5·Σ_j 1/n_j, K_j ~ Binomial(n_j, ½) — the law behind E[M_d²]/E[M_d]² = ∏(1 + 5/n_j).',
  hypotheses: [
    'fully connected, every layer ReLU',
    'biases zero',
    'weights i.i.d. Gaussian with variance c_j / n_{j−1} (the variance does not depend on c_j)',
    'input x fixed and non-zero; over the weights, given the network is alive at x',
  ],
  verification:
    '[P] abstract: FM2 (variance of the length exponential in β). [D] the log-variance, derived in fm1-log-length.ts and checked there against float64 simulation of Gaussian ReLU networks. The log form is this suite\'s.',
  unit: {
    kind: 'continuous',
    description: 'the unbiased sample variance of log(M_d/M_0) over a block of networks alive at x (blocks disjoint, so units are i.i.d. with mean Var[log(M_d/M_0)])',
  },
  domain: (config) => checkLogLengthDomain(ID, config),
  predict: (config) => equals(logLengthMoments(config).variance),
};
