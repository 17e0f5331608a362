/**
 * Deep networks, exact in conditional expectation: the Kac–Rice (Crofton) identity behind the
 * ICML 2019 line counts, tested per network.
 *
 * Condition on layers 1 … l−1. Along the segment, layer l's input h_{l−1}(t) is a known continuous
 * curve; a layer-l neuron is z(t) = w·h_{l−1}(t) + b = s_w·(g·ĥ(t)) with ĥ = (h_{l−1}, s_b/s_w) and
 * g ~ N(0, I) independent of the past (Gaussian weights and biases). Its zeros are the crossings of
 * the normalised curve ĥ/‖ĥ‖ on the sphere with the uniformly random great hypersphere g^⊥, and
 * Crofton's formula gives E[#crossings] = Λ_{l−1}/π, Λ_{l−1} the curve's spherical length. Hence
 *
 *     E[ C − P ] = 0,   C = #breakpoints,   P = Σ_l n_l · Λ_{l−1} / π                       [D]
 *
 * for every depth, width, bias scale and positively homogeneous or not activation. P is computed here
 * ({@link kacRicePrediction}) from the spherical lengths Λ_{l−1} measured on the same network's exact
 * piecewise-linear pieces (a measurement: engine/geometry/spherical-length.ts). The test
 * is a paired mean: it checks the exact counter in deep networks (a counter that skips deeper layers
 * fails it) and the isotropy of the engine's weights (uniform weights fail it in 1-D). With one layer
 * it reduces to HR2019.Lines.one-layer (Λ_0 = arctan((T+m)/g) − arctan(m/g)).
 *
 * The paper's theorem is the same formula written as an integral, E[#breakpoints in L] =
 * Σ_z ∫_L E[|∇z·u| ρ_{b_z}(z − b_z)] — an upper bound follows from it (HR2019.Lines.bound). Why the
 * count is then ~ linear in N and flat in depth: He initialisation keeps E[Λ_l] ≈ Λ_0 (the
 * normalised arc-cosine kernel has slope 1 at correlation 1), so every neuron of every layer adds
 * about Λ_0/π breakpoints.
 *
 * Verification. [D] derived here (Crofton on S^n; conditional Gaussianity). [R] the paper's
 * Theorem (docs/claims.md §3.2) has the same structure; its exact "good set" indicator is unverified.
 */
import { equals } from '../relation';
import { type Theorem } from '../types';
import { checkLineConfig, type LineNetConfig } from './line-config';
import { citeIcml } from './paper';

const ID = 'HR2019.Lines.kac-rice';

/**
 * s_b/s_w,l of a layer with fan-in `fanIn` under the configuration's law Var(w) = c/fan-in: the extra
 * coordinate of the augmented input ĥ = (h_{l−1}, s_b/s_w,l) whose spherical length is Λ_{l−1}. It is
 * the theorem's law, not the engine's: an engine that draws another variance changes the truth, not
 * this prediction.
 */
export const augmentedCoordinate = (c: Pick<LineNetConfig, 'weightScale' | 'biasStd'>, fanIn: number): number => c.biasStd / Math.sqrt(c.weightScale / fanIn);

/** One layer of a network: its width n_l and the measured spherical length Λ_{l−1} of its augmented input curve. */
export interface LayerLength {
  width: number;
  sphericalLength: number;
}

/** The per-network prediction P = Σ_l n_l·Λ_{l−1}/π (layers in order). */
export const kacRicePrediction = (layers: readonly LayerLength[]): number => layers.reduce((P, l) => P + (l.width * l.sphericalLength) / Math.PI, 0);

export const kacRiceLines: Theorem<LineNetConfig> = {
  id: ID,
  title: 'Deep nets: breakpoints on a segment = Σ_l n_l Λ_{l−1}/π in conditional expectation (Kac–Rice/Crofton)',
  paper: citeIcml('main theorem (Kac–Rice formula for the boundary volume; docs/claims.md §3.2), written per layer'),
  provenance: 'D',
  statement:
    'Gaussian weights N(0, c/fan-in) and biases N(0, s_b²), any depth: E[#breakpoints − Σ_l n_l·Λ_{l−1}/π] = 0, where Λ_{l−1} is the spherical length of the curve t ↦ (h_{l−1}(x(t)), s_b/s_w,l) normalised, over the segment.',
  hypotheses: [
    'weights i.i.d. N(0, c/fan-in) and biases i.i.d. N(0, s_b²), s_b > 0 (Gaussian: the identity uses rotational invariance of (w, b))',
    'ReLU hidden layers (any activation would do: Λ is measured on the network itself)',
    'segment fixed; breakpoints counted exactly (float64)',
  ],
  verification: '[D] derived in the file header; it is the per-layer form of the ICML 2019 Kac–Rice theorem, whose exact statement is [R].',
  unit: {
    kind: 'paired',
    description: 'one network: its exact number of breakpoints on the segment, paired with its own prediction Σ_l n_l·Λ_{l−1}/π (kacRicePrediction) from the spherical lengths measured on the same network',
  },
  domain: (c) => checkLineConfig(ID, c),
  predict: () => equals(0),
};
