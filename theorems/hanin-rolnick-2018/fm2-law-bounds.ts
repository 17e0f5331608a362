/**
 * FM2 for any symmetric weight law (Hanin & Rolnick 2018, main FC theorem: constants depending on
 * the law's fourth moment; claims.md §2.3 [D]).
 *
 * With the normalized fourth moment μ̃4 = E[w⁴]/E[w²]², the per-layer factor of a ReLU layer is
 * 1 + (5 + 2(μ̃4 − 3)ρ(v))/n_j with ρ(v) = Σ v_k⁴/‖v‖⁴ ∈ (0, 1] (v the layer's input), hence
 *
 *     ∏_j (1 + min(5, 2μ̃4 − 1)/n_j) ≤ E[M_d²]/E[M_d]² ≤ ∏_j (1 + max(5, 2μ̃4 − 1)/n_j).
 *
 * The suite tests the two bounds as two one-sided claims on E[M_d²]/M_0² (× ∏ (c_j/2)², FM1's mean):
 * uniform weights (μ̃4 = 9/5: bounds with 2.6 and 5) and TF's truncated normal (μ̃4 = 2.3655:
 * 3.731 and 5). The lower bound is attained at a one-dimensional input (ρ = 1 in the first layer).
 *
 * Verification. [D] derived in claims.md §2.3 (uniform, widths [10,20,5,15,10]: 5.90 inside
 * [3.20, 7.50] by MC); [R] the paper's exact constants.
 */
import { OutOfDomainError, type Theorem } from '../types';
import { normalizedFourthMoment } from '../_internals/initialization';
import { checkFm1Domain, meanLengthRatio, type LengthConfig } from './fm1-mean-length';
import { cite } from './paper';

/** Per-layer constant of the bound: 2μ̃4 − 1 for the law (5 is the Gaussian value). */
export function lawConstant(config: LengthConfig): number {
  return 2 * normalizedFourthMoment(config.init.law) - 1;
}

function bound(config: LengthConfig, pick: (a: number, b: number) => number): number {
  const k = pick(5, lawConstant(config));
  const mean = meanLengthRatio(config);
  return mean * mean * config.widths.slice(1).reduce((p, n) => p * (1 + k / n), 1);
}

function domain(id: string, config: LengthConfig): LengthConfig {
  checkFm1Domain(id, config);
  if (config.init.law === 'gaussian') throw new OutOfDomainError(id, 'Gaussian weights have the exact value (HR2018.FM2.gaussian); the bounds are for other symmetric laws');
  return config;
}

const shared = {
  paper: cite('main fully connected theorem: second moment for a general symmetric law (constants via the fourth moment)'),
  provenance: 'D' as const,
  hypotheses: ['fully connected, every layer ReLU, zero biases', 'weights i.i.d. from a symmetric law (uniform or truncated normal here) of variance c_j / n_{j−1}', 'input x fixed and non-zero'],
  verification: '[D] derived in claims.md §2.3 and MC-checked there; [R] the paper’s constants.',
};

export const fm2LawLowerBound: Theorem<LengthConfig> = {
  ...shared,
  id: 'HR2018.FM2.law-lower-bound',
  title: 'FM2, any symmetric law: E[M_d²]/E[M_d]² ≥ ∏(1 + min(5, 2μ̃4 − 1)/n_j)',
  statement: 'E[M_d²]/M_0² ≥ ∏_j (c_j/2)² (1 + min(5, 2μ̃4 − 1)/n_j) for a symmetric weight law with normalized fourth moment μ̃4.',
  domain: (c) => domain('HR2018.FM2.law-lower-bound', c),
  predict: (c) => bound(c, Math.min),
};

export const fm2LawUpperBound: Theorem<LengthConfig> = {
  ...shared,
  id: 'HR2018.FM2.law-upper-bound',
  title: 'FM2, any symmetric law: E[M_d²]/E[M_d]² ≤ ∏(1 + max(5, 2μ̃4 − 1)/n_j) ≤ exp(max(5, 2μ̃4 − 1)·β)',
  statement: 'E[M_d²]/M_0² ≤ ∏_j (c_j/2)² (1 + max(5, 2μ̃4 − 1)/n_j) for a symmetric weight law with normalized fourth moment μ̃4.',
  domain: (c) => domain('HR2018.FM2.law-upper-bound', c),
  predict: (c) => bound(c, Math.max),
};
