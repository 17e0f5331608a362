/**
 * FM2 for any symmetric weight law, lower bound (Hanin & Rolnick 2018, main FC theorem: constants
 * depending on the law's fourth moment; docs/claims.md §2.3 [D]). With μ̃4 = E[w⁴]/E[w²]², a ReLU layer's
 * factor is 1 + (5 + 2(μ̃4 − 3)ρ(v))/n_j with ρ(v) = Σ v_k⁴/‖v‖⁴ ∈ (0, 1], so
 *
 *     E[M_d²]/E[M_d]² ≥ ∏_j (1 + min(5, 2μ̃4 − 1)/n_j),
 *
 * attained at a one-dimensional input (ρ = 1 in the first layer). Tested on E[M_d²]/M_0² (× FM1's
 * ∏(c_j/2)²) for uniform weights (μ̃4 = 9/5: constant 2.6) and TF's truncated normal (μ̃4 = 2.3655:
 * 3.731). Derivation: fully-connected.ts; [R] the paper's exact constants.
 */
import type { Theorem } from '../types';
import { atLeast } from '../relation';
import { checkLawDomain, lawBound, type LengthConfig } from './fully-connected';
import { cite } from './paper';

export const ID = 'HR2018.FM2.law-lower-bound';

export const fm2LawLowerBound: Theorem<LengthConfig> = {
  id: ID,
  title: 'FM2, any symmetric law: E[M_d²]/E[M_d]² ≥ ∏(1 + min(5, 2μ̃4 − 1)/n_j)',
  paper: cite('main fully connected theorem: second moment for a general symmetric law (constants via the fourth moment)'),
  provenance: 'D',
  statement: 'E[M_d²]/M_0² ≥ ∏_j (c_j/2)² (1 + min(5, 2μ̃4 − 1)/n_j) for a symmetric weight law with normalized fourth moment μ̃4.',
  hypotheses: ['fully connected, every layer ReLU, zero biases', 'weights i.i.d. from a symmetric law (uniform or truncated normal here) of variance c_j / n_{j−1}', 'input x fixed and non-zero'],
  verification: '[D] derived in docs/claims.md §2.3 and MC-checked there; [R] the paper’s constants.',
  unit: { kind: 'continuous', description: 'one random network: (M_d/M_0)² averaged over a few fixed inputs (its mean is E[M_d²]/M_0²)' },
  domain: (config) => checkLawDomain(ID, config),
  predict: (config) => atLeast(lawBound(config, 'lower')),
};
