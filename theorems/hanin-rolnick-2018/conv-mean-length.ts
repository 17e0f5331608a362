/**
 * FM1 for convolutional networks (Hanin & Rolnick 2018, abstract and §1 conclusions): the mean
 * activation length of a 1-D convolutional ReLU network with circular padding.
 *
 * Architecture. Sequence length T (constant: stride 1), channels C_0 (input), C_1, …, C_d, odd
 * kernel size k, h = (k − 1)/2, zero biases, circular padding (periodic boundary):
 *
 *     z_j[c, t] = ReLU( Σ_{c', s} W_j[c, c', s] · z_{j−1}[c', (t + s − h) mod T] ),
 *
 * weights i.i.d. from a symmetric law with variance c_j / (C_{j−1}·k) (fan-in = C_{j−1}·k, the
 * convolutional convention), M_j = ‖z_j‖² / (C_j·T). Then, for a fixed input x ≠ 0,
 *
 *     E[M_d] / M_0 = ∏_{j=1}^{d} c_j / 2        (He, c_j = 2: E[M_d] = M_0 at every depth).
 *
 * Derivation [D]. Condition on v = z_{j−1} and write p_t ∈ ℝ^{C_{j−1}·k} for the patch of v around t
 * (its entries v[c', (t + s − h) mod T]). The pre-activation y[c, t] = ⟨W_j[c], p_t⟩ is symmetric
 * (flip the sign of the row W_j[c]) with E y[c, t]² = (c_j / (C_{j−1}k))·‖p_t‖², and ReLU keeps
 * exactly half of a symmetric variable's second moment, so E[‖z_j‖² | v] = C_j · (c_j/(2C_{j−1}k)) ·
 * Σ_t ‖p_t‖². With circular padding every input position (t + s − h) mod T is hit exactly once per
 * tap s as t runs over the circle, so every element of v lies in exactly k patches and
 *
 *     Σ_t ‖p_t‖² = k·‖v‖²   EXACTLY (no boundary term),
 *
 * giving E[M_j | v] = (c_j/2)·‖v‖²/(C_{j−1}T) = (c_j/2)·M_{j−1}; take expectations layer by layer.
 * Only the symmetry of the law and its variance enter (Gaussian, uniform, or TF's truncated normal
 * cut at ±2σ without rescaling, whose effective c is 0.773741·c as in FM1). The identity needs
 * neither an odd kernel nor k ≤ T; those restrictions only fix the architecture as defined.
 *
 * Why circular padding is a hypothesis. With zero ('same') padding, the h positions at each end of
 * the sequence lose the taps that fall outside it: Σ_t ‖p_t‖² = Σ_τ m_τ ‖v[·, τ]‖² with
 * m_τ = k − (number of missing taps) < k near the boundary, so E[M_j | v] = (c_j/2)·M_{j−1}·ρ(v) with
 * ρ(v) = Σ_τ m_τ‖v_τ‖² / (k‖v‖²) < 1 depending on where v's mass sits: the mean would depend on
 * the input (and on how each layer moves mass to the ends), not just on c_j.
 *
 * Verification. [P] abstract: FM1 "can be avoided by initializing weights from a symmetric
 * distribution with variance 2/fan-in"; intro: "Initializing weights with the correct variance (in
 * fully connected and convolutional networks) ... prevents the mean size of activations from
 * becoming exponentially large or small". The paper states no convolutional formula: the product
 * law, the circular-padding hypothesis and the fan-in C_{j−1}·k are [D] (derived above).
 */
import type { Theorem } from '../types';
import { equals } from '../relation';
import { lawVarianceFactor, nominalScale } from '../_internals/initialization';
import { checkConvDomain, type ConvLengthConfig } from './convolutional';
import { cite } from './paper';

export const ID = 'HR2018.Conv.mean-length';

/** Effective c_j = (C_{j−1}·k)·Var(W_j) of every layer (fan-in C_{j−1}·k, fan-out C_j·k). */
export function convEffectiveScales(config: ConvLengthConfig): number[] {
  const { channels, kernel, init } = config;
  const factor = lawVarianceFactor(init.law);
  return channels.slice(1).map((cOut, j) => factor * nominalScale(init.variance, channels[j] * kernel, cOut * kernel));
}

/** ∏_j c_j / 2. */
export function convMeanLengthRatio(config: ConvLengthConfig): number {
  return convEffectiveScales(config).reduce((p, c) => p * (c / 2), 1);
}

export const convMeanLength: Theorem<ConvLengthConfig> = {
  id: ID,
  title: 'FM1 in convolutional networks: mean activation length is multiplied by c_j/2 per layer',
  paper: cite('abstract (FM1 avoided by "variance 2/fan-in"); §1 conclusions ("in fully connected and convolutional networks")'),
  provenance: 'D',
  statement:
    'E[M_d]/M_0 = ∏_{j=1}^{d} c_j/2 for a 1-D convolutional ReLU network with circular padding, stride 1, zero biases and any symmetric weight law of variance c_j/(C_{j−1}·k) (M_j = ‖z_j‖²/(C_j·T), x fixed).',
  hypotheses: [
    '1-D convolution, stride 1, circular padding (periodic boundary), odd kernel k ≤ T, every layer ReLU',
    'biases zero',
    'weights i.i.d. from a symmetric law with variance c_j / (C_{j−1}·k), fan-in = input channels × kernel size (gaussian, uniform, or truncated normal at ±2σ uncorrected, whose effective c is 0.773741·c)',
    'input x fixed and non-zero; expectation over the weights',
  ],
  verification:
    '[P] abstract and §1: correct variance (2/fan-in) avoids FM1 "in fully connected and convolutional networks". [D] exact product formula (the paper gives none for convolutions), derived in the file header: with circular padding Σ_t‖patch_t‖² = k‖z‖² exactly; with zero padding it would not hold.',
  unit: { kind: 'continuous', description: 'one random convolutional network: M_d/M_0 averaged over a few fixed input sequences (its mean is E[M_d]/M_0)' },
  domain: (config) => checkConvDomain(ID, config),
  predict: (config) => equals(convMeanLengthRatio(config)),
};
