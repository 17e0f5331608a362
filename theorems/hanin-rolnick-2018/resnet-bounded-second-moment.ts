/**
 * FM2 absent in residual networks once FM1 is avoided: the second moment of the activation length
 * (Hanin & Rolnick 2018, abstract; ResNet section). Claim sheet: docs/claims.md §2.4.
 *
 * Model: as HR2018.ResNet.mean-length (z_l = z_{l−1} + η_l W2_l ReLU(W1_l z_{l−1}), width n, zero
 * biases; residual.ts), with GAUSSIAN weights: W1 ~ N(0, 2/n), W2 ~ N(0, 1/n) entrywise.
 *
 * Statement. For a fixed input x ≠ 0,
 *
 *     E[M_L²] / M_0² = ∏_{l=1}^{L} (1 + 2η_l² + 4η_l²/n + η_l⁴ (1 + 5/n)(1 + 2/n)),
 *
 * and, since 1 + t ≤ e^t, for every L
 *
 *     E[M_L²] / M_0² ≤ exp(Σ_l [2η_l² + 4η_l²/n + η_l⁴ (1 + 5/n)(1 + 2/n)]),
 *
 * which is finite, independently of L, whenever Σ η_l² < ∞ (then Σ η_l⁴ < ∞ too). So the second
 * moment of M_L — hence Var[M_L] = E[M_L²] − E[M_L]² — stays bounded in depth exactly when the mean
 * does: FM2 does not occur once FM1 is avoided.
 *
 * Why [D]. Write R_l = ‖z_l‖²/‖z_{l−1}‖². By rotation invariance of the Gaussian W1, W2 and positive
 * homogeneity, the conditional law of R_l given z_{l−1} does not depend on z_{l−1}; so R_1, …, R_L
 * are independent and E[M_L²]/M_0² = ∏ E[R_l²]. Fix ‖z‖ = 1, z = z_{l−1}:
 * - y = W1 z has i.i.d. N(0, 2/n) coordinates; h_i = ReLU(y_i) has E h_i² = 1/n and
 *   E h_i⁴ = ½·3·(2/n)² = 6/n², so Var h_i² = 5/n² and E‖h‖⁴ = 1 + 5/n.
 * - Given h, u = W2 h ~ N(0, (‖h‖²/n) I_n): ⟨z, u⟩ ~ N(0, ‖h‖²/n), ‖u‖² = (‖h‖²/n) χ²_n, so
 *   E[⟨z,u⟩² | h] = ‖h‖²/n, E[‖u‖² | h] = ‖h‖², E[‖u‖⁴ | h] = ‖h‖⁴ (1 + 2/n), and the odd terms
 *   E⟨z,u⟩ = E[⟨z,u⟩‖u‖²] = 0 (u ↦ −u).
 * - R = 1 + 2η⟨z,u⟩ + η²‖u‖², so E R² = 1 + 4η² E⟨z,u⟩² + 2η² E‖u‖² + η⁴ E‖u‖⁴
 *   = 1 + 4η²/n + 2η² + η⁴ (1 + 5/n)(1 + 2/n).
 * Higher moments (used to size the Monte Carlo): residual.ts, moduleRatioMoment.
 */
import { OutOfDomainError, type Theorem } from '../types';
import { equals } from '../relation';
import { checkResNetDomain, type ResNetConfig } from './residual';
import { cite } from './paper';

export const ID = 'HR2018.ResNet.bounded-second-moment';

/** E[R²] of one module: 1 + 2η² + 4η²/n + η⁴ (1 + 5/n)(1 + 2/n). */
export function moduleSecondMoment(eta: number, width: number): number {
  const e2 = eta * eta;
  return 1 + 2 * e2 + (4 * e2) / width + e2 * e2 * (1 + 5 / width) * (1 + 2 / width);
}

/** ∏_l E[R_l²] = E[M_L²]/M_0². */
function resnetSecondMomentRatio(config: Pick<ResNetConfig, 'width' | 'etas'>): number {
  return config.etas.reduce((p, eta) => p * moduleSecondMoment(eta, config.width), 1);
}

/** The L-independent bound exp(Σ_l (E[R_l²] − 1)) ≥ E[M_L²]/M_0². */
export function resnetSecondMomentBound(config: Pick<ResNetConfig, 'width' | 'etas'>): number {
  return Math.exp(config.etas.reduce((s, eta) => s + (moduleSecondMoment(eta, config.width) - 1), 0));
}

export const resnetBoundedSecondMoment: Theorem<ResNetConfig> = {
  id: ID,
  title: 'ResNet FM2 absent once FM1 is avoided: E[M_L²] is an exact product, bounded in L for summable η²',
  paper: cite('abstract ("FM2 … never occurs in residual nets once the first failure mode is avoided"); ResNet section'),
  provenance: 'D',
  statement:
    'With Gaussian W1 ~ N(0, 2/n), W2 ~ N(0, 1/n): E[M_L²]/M_0² = ∏_{l=1}^{L} (1 + 2η_l² + 4η_l²/n + η_l⁴(1 + 5/n)(1 + 2/n)) exactly, x fixed; this is ≤ exp(Σ_l [2η_l² + 4η_l²/n + η_l⁴(1 + 5/n)(1 + 2/n)]), finite independently of L when Σ η_l² < ∞, so Var[M_L] stays bounded in depth once FM1 is avoided.',
  hypotheses: [
    'residual modules z ↦ z + η_l W2_l ReLU(W1_l z) of width n, no input projection, zero biases',
    'W1_l i.i.d. N(0, 2/n), W2_l i.i.d. N(0, 1/n), all modules independent (Gaussian: the per-module ratio is then independent of z_{l−1} by rotation invariance; other laws add z-dependent fourth-moment terms)',
    'η_l finite and ≥ 0',
    'input x fixed and non-zero; expectation over the weights',
  ],
  verification:
    '[P] abstract: FM2 "never occurs in residual nets once the first failure mode is avoided". [R] the paper\'s own statement (a bound on Var[M_L] / the empirical variance independent of L) and its parameterization of η. [D] the exact product for E[M_L²] and its exp(Σ) bound: derived in this file\'s doc comment, checked against the general moment formula (moduleRatioMoment) and by Monte Carlo in the property test.',
  unit: { kind: 'continuous', description: 'one random residual network: (M_L/M_0)² averaged over a few fixed inputs (its mean is E[M_L²]/M_0²)' },
  domain: (config) => {
    checkResNetDomain(ID, config);
    if (!Number.isFinite(resnetSecondMomentRatio(config))) {
      throw new OutOfDomainError(ID, `the predicted E[M_L²]/M_0² overflows float64 (Σ log E[R_l²] too large); got etas ${JSON.stringify(config.etas)}`);
    }
    return config;
  },
  predict: (config) => equals(resnetSecondMomentRatio(config)),
};
