/**
 * FM1 in residual networks: the mean activation length (Hanin & Rolnick 2018, abstract; ResNet
 * section). Claim sheet: docs/claims.md §2.4. Model (residual.ts): z_0 = x,
 * z_l = z_{l−1} + η_l · W2_l · ReLU(W1_l z_{l−1}), width n, zero biases, W1 of variance 2/n (He),
 * W2 of variance 1/n, all symmetric and independent; M_l = ‖z_l‖²/n.
 *
 * Statement. For a fixed input x ≠ 0,
 *
 *     E[M_L] / M_0 = ∏_{l=1}^{L} (1 + η_l²).
 *
 * So the mean length stays bounded in depth iff Σ_l η_l² < ∞ ("correctly scaling the residual
 * modules"); a constant η explodes like (1 + η²)^L.
 *
 * Why [D]. Condition on z = z_{l−1}. y = W1 z has independent symmetric coordinates of variance
 * 2‖z‖²/n, and ReLU keeps half of a symmetric variable's second moment, so h = ReLU(y) has
 * E‖h‖² = n · ‖z‖²/n = ‖z‖². Given h, u = W2 h has E‖u‖² = n · ‖h‖²/n = ‖h‖², and
 * E⟨z, u⟩ = Σ_i z_i E[(W2 h)_i] = 0 because W2 is centred and independent of h. Hence
 * E[‖z_l‖² | z_{l−1}] = ‖z_{l−1}‖² + 2η E⟨z, u⟩ + η² E‖u‖² = (1 + η_l²) ‖z_{l−1}‖²; take
 * expectations module by module. In the claim sheet's notation the per-module gain is
 * a_l = η_l² κ with κ = E‖W2 ReLU(W1 z)‖²/‖z‖² = 1 for this module.
 */
import { OutOfDomainError, type Theorem } from '../types';
import { equals } from '../relation';
import { checkResNetDomain, resnetMeanRatio, type ResNetConfig } from './residual';
import { cite } from './paper';

export const ID = 'HR2018.ResNet.mean-length';

export const resnetMeanLength: Theorem<ResNetConfig> = {
  id: ID,
  title: 'ResNet FM1: mean length is multiplied by 1 + η_l² per residual module',
  paper: cite('abstract ("FM1 … in ResNets … avoided by correctly scaling the residual modules"); ResNet section'),
  provenance: 'D',
  statement:
    'For z_l = z_{l−1} + η_l W2_l ReLU(W1_l z_{l−1}) (width n, zero biases, W1 of variance 2/n, W2 symmetric of variance 1/n): E[M_L]/M_0 = ∏_{l=1}^{L} (1 + η_l²), x fixed. Bounded in L iff Σ η_l² < ∞; constant η explodes like (1 + η²)^L.',
  hypotheses: [
    'residual modules z ↦ z + η_l W2_l ReLU(W1_l z) of width n, no input projection, zero biases',
    'W1_l i.i.d. from a symmetric law of variance 2/n (He); W2_l i.i.d. from a symmetric law of variance 1/n; all modules independent',
    'η_l finite and ≥ 0 (the output scale of module l)',
    'input x fixed and non-zero; expectation over the weights',
  ],
  verification:
    '[P] abstract: FM1 in ResNets is avoided "by correctly scaling the residual modules". [R] the paper\'s parameterization (docs/claims.md §2.4 recalls "Σ η_l < ∞" with η_l the per-module contribution to the squared length); here η_l scales the module OUTPUT, so the condition reads Σ η_l² < ∞. [D] the exact product ∏(1 + η_l²): derived in this file\'s doc comment (cross term zero by symmetry of W2) and Monte Carlo checked (engine/measure/residual-lengths.test.ts and the property test).',
  unit: { kind: 'continuous', description: 'one random residual network: M_L/M_0 averaged over a few fixed inputs (its mean is E[M_L]/M_0)' },
  domain: (config) => {
    checkResNetDomain(ID, config);
    if (!Number.isFinite(resnetMeanRatio(config))) {
      throw new OutOfDomainError(ID, `the predicted E[M_L]/M_0 = ∏(1 + η_l²) overflows float64; got etas ${JSON.stringify(config.etas)}`);
    }
    return config;
  },
  predict: (config) => equals(resnetMeanRatio(config)),
};
