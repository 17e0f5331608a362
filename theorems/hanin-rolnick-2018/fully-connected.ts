/**
 * The fully connected model of Hanin & Rolnick (2018) shared by the FM1 and FM2 claims: its
 * configuration, the hypotheses common to all of them (validated here) and the exact formulas more
 * than one claim uses.
 *
 * Model. Widths [n_0, n_1, …, n_d], every layer ReLU (FM2.gaussian also allows a linear output
 * layer), zero biases, weights of layer j i.i.d. from a symmetric law of variance c_j / n_{j−1};
 * M_j = ‖z^(j)‖² / n_j for a fixed input x ≠ 0.
 *
 * FM1 (docs/claims.md §2.3 [D]): y = W v has symmetric coordinates with E y_i² = (c_j/n_{j−1})‖v‖²; ReLU
 * keeps exactly half of a symmetric variable's second moment, so E[M_j | M_{j−1}] = (c_j/2) M_{j−1}
 * and E[M_d]/M_0 = ∏_j c_j/2 ({@link meanLengthRatio}).
 *
 * FM2 for a general symmetric law (docs/claims.md §2.3 [D]). With the normalized fourth moment
 * μ̃4 = E[w⁴]/E[w²]², the per-layer factor of a ReLU layer is 1 + (5 + 2(μ̃4 − 3)ρ(v))/n_j with
 * ρ(v) = Σ v_k⁴/‖v‖⁴ ∈ (0, 1] (v the layer's input), hence
 *
 *     ∏_j (1 + min(5, 2μ̃4 − 1)/n_j) ≤ E[M_d²]/E[M_d]² ≤ ∏_j (1 + max(5, 2μ̃4 − 1)/n_j).
 *
 * The suite tests the two bounds as two one-sided claims on E[M_d²]/M_0² (× ∏ (c_j/2)², FM1's mean):
 * uniform weights (μ̃4 = 9/5: bounds with 2.6 and 5) and TF's truncated normal (μ̃4 = 2.3655:
 * 3.731 and 5). The lower bound is attained at a one-dimensional input (ρ = 1 in the first layer).
 * Verification: [D] derived in docs/claims.md §2.3 (uniform, widths [10,20,5,15,10]: 5.90 inside
 * [3.20, 7.50] by MC); [R] the paper's exact constants.
 */
import { OutOfDomainError } from '../types';
import { effectiveScales, initProblem, normalizedFourthMoment, widthsProblem, type InitSpec } from '../_internals/initialization';

export interface LengthConfig {
  /** [n_0, n_1, …, n_d]; every layer is ReLU-activated. */
  widths: number[];
  init: InitSpec & { bias: { law: 'zero' } | { law: 'gaussian'; std: number } };
}

/** The hypotheses every fully connected claim shares: valid widths and initializer, zero biases. */
export function checkFm1Domain(id: string, config: LengthConfig): LengthConfig {
  const problem = widthsProblem(config.widths) ?? initProblem(config.init);
  if (problem !== undefined) throw new OutOfDomainError(id, problem);
  if (config.init.bias.law !== 'zero') {
    throw new OutOfDomainError(
      id,
      `biases must be zero (with bias variance s_b², E[M_j] follows (c_j/2)E[M_{j−1}] + s_b²/2, not a product); got ${JSON.stringify(config.init.bias)}`,
    );
  }
  return config;
}

/** FM1's product ∏_j c_j / 2 with c_j the effective variance scale of layer j. */
export function meanLengthRatio(config: LengthConfig): number {
  return effectiveScales(config.init, config.widths).reduce((p, c) => p * (c / 2), 1);
}

/** Per-layer factors E[F_j²]/E[F_j]² of the Gaussian law: 1 + 5/n_j (ReLU), 1 + 2/n_d (linear output). */
export function gaussianFactors(widths: readonly number[], output: 'relu' | 'linear' = 'relu'): number[] {
  return widths.slice(1).map((n, k, hidden) => (output === 'linear' && k === hidden.length - 1 ? 1 + 2 / n : 1 + 5 / n));
}

/** Per-layer constant of the general-law bounds: 2μ̃4 − 1 for the law (5 is the Gaussian value). */
export function lawConstant(config: LengthConfig): number {
  return 2 * normalizedFourthMoment(config.init.law) - 1;
}

/** The general-law bound on E[M_d²]/M_0²: ∏_j (c_j/2)² (1 + k/n_j), k = min (lower) or max (upper) of 5 and 2μ̃4 − 1. */
export function lawBound(config: LengthConfig, side: 'lower' | 'upper'): number {
  const k = (side === 'lower' ? Math.min : Math.max)(5, lawConstant(config));
  const mean = meanLengthRatio(config);
  return mean * mean * config.widths.slice(1).reduce((p, n) => p * (1 + k / n), 1);
}

/** The general-law bounds' domain: the shared hypotheses, and a law other than Gaussian (whose value is exact). */
export function checkLawDomain(id: string, config: LengthConfig): LengthConfig {
  checkFm1Domain(id, config);
  if (config.init.law === 'gaussian') throw new OutOfDomainError(id, 'Gaussian weights have the exact value (HR2018.FM2.gaussian); the bounds are for other symmetric laws');
  return config;
}
