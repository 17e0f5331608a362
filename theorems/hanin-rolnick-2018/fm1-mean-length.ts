/**
 * FM1, the mean activation length (Hanin & Rolnick 2018, abstract and §1 "(FM1)"; main FC theorem).
 *
 * Statement. For a fully connected ReLU network with zero biases and weights of layer j drawn i.i.d.
 * from a symmetric law with variance c_j / n_{j−1}, the normalized squared length
 * M_j = ‖z^(j)‖² / n_j of a fixed input x ≠ 0 satisfies
 *
 *     E[M_d] / M_0 = ∏_{j=1}^{d} c_j / 2.
 *
 * So the mean length explodes or vanishes exponentially in depth unless c_j = 2 ("2/fan-in").
 *
 * Why (docs/claims.md §2.3 [D]): y = W v has symmetric coordinates with E y_i² = (c_j/n_{j−1})‖v‖²;
 * ReLU keeps exactly half of a symmetric variable's second moment, so
 * E[M_j | M_{j−1}] = (c_j/2) M_{j−1}; take expectations layer by layer.
 *
 * Verification. The abstract's statement (FM1 avoided iff variance 2/fan-in, symmetric law) is [P].
 * The exact product formula is [D]: derived above and Monte Carlo checked in docs/claims.md; the paper's
 * own theorem numbering (recalled as Theorem 5) is [R] and is not relied upon.
 */
import type { Theorem } from '../types';
import { equals } from '../relation';
import { checkFm1Domain, meanLengthRatio, type LengthConfig } from './fully-connected';
import { cite } from './paper';

export const ID = 'HR2018.FM1.mean-length';

export const fm1MeanLength: Theorem<LengthConfig> = {
  id: ID,
  title: 'FM1: mean activation length is multiplied by c_j/2 per layer',
  paper: cite('abstract; §1 failure mode (FM1); main fully connected theorem (mean of M_d)'),
  provenance: 'D',
  statement: 'E[M_d]/M_0 = ∏_{j=1}^{d} c_j/2 for zero biases and any symmetric weight law of variance c_j/fan-in (M_j = ‖z_j‖²/n_j, x fixed).',
  hypotheses: [
    'fully connected, every layer ReLU',
    'biases zero',
    'weights i.i.d. from a symmetric law with variance c_j / n_{j−1} (gaussian, uniform, or truncated normal at ±2σ uncorrected, whose effective c is 0.773741·c)',
    'input x fixed and non-zero; expectation over the weights',
  ],
  verification:
    '[P] abstract: FM1 avoided by "a symmetric distribution with variance 2/fan-in". [D] exact product formula derived in docs/claims.md §2.3 and MC-checked. [R] theorem number.',
  unit: { kind: 'continuous', description: 'one random network: M_d/M_0 averaged over a few fixed inputs (its mean is E[M_d]/M_0)' },
  domain: (config) => checkFm1Domain(ID, config),
  predict: (config) => equals(meanLengthRatio(config)),
};
