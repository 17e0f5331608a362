/**
 * The ICML 2019 upper bound along a line: E[#breakpoints in L] ≤ |L|·C_grad·C_bias·#neurons.
 *
 * From the Kac–Rice integral E[#] = Σ_z ∫_L E[|∇z(x)·u| ρ_{b_z}(·)] dx and ρ_{b_z} ≤ C_bias =
 * 1/(s_b√(2π)) (Gaussian biases), E[#] ≤ |L|·C_bias·Σ_z sup_x E|∇z(x)·u|. Here C_grad is that
 * supremum, and under He initialisation it is exact-bounded: by Jensen E|∇z·u| ≤ (E(∇z·u)²)^{1/2},
 * and E(∇z·u)² = 2‖u‖²/n_in for EVERY neuron at EVERY x — first layer: E(w·u)² = (2/n_in)‖u‖²;
 * layer l: E(∇z_l·u)² = (2/n_{l−1}) Σ_k E[1{z_{l−1,k} > 0}(∇z_{l−1,k}·u)²] and flipping the sign of
 * neuron k's incoming (w, b) (a symmetric law) shows the indicator keeps exactly half: the factor 2
 * cancels. So C_grad = √(2/n_in) and
 *
 *     E[#breakpoints on a segment of length T] ≤ T · √(2/n_in) / (s_b√(2π)) · N.     [D]
 *
 * The test is one-sided (the mean count is at most the bound). The bound holds at every s_b > 0 and is
 * loose when s_b is small relative to the pre-activation scale (it ignores the weights' own
 * randomness: for one layer the truth grows like log(1/s_b), the bound like 1/s_b), so it is asserted
 * from the paper's bias scale s_b = 1e-3 up, at depths 1–8. Where it is tight it has power against a
 * counter off by a factor 2: for one layer on a segment of length T centred on the origin of a 1-D
 * input the ratio truth ÷ bound is √(2/π)·arctan(v)/v with v = T·s_w/(2s_b) (s_w = √2), at most
 * √(2/π) ≈ 0.80 as v → 0 and 0.775 at v = 0.3 (N = 32, s_b = 1, T = 0.424), where a ×2 counter
 * exceeds the bound by half. At most generated configurations the tightness is 10⁻³–0.4, where a ×2
 * counter stays below it.
 *
 * Verification. [R] the ICML bound with constants C_grad, C_bias (docs/claims.md §3.2); [D] C_grad for
 * He and the m = 1 moment, derived above.
 */
import { atMost } from '../relation';
import { OutOfDomainError, type Theorem } from '../types';
import { checkLineConfig, neurons, type LineNetConfig } from './line-config';
import { citeIcml } from './paper';

const ID = 'HR2019.Lines.bound';

const cBias = (biasStd: number): number => 1 / (biasStd * Math.sqrt(2 * Math.PI));
const cGradHe = (inputDim: number): number => Math.sqrt(2 / inputDim);

export function breakpointBound(c: LineNetConfig, biasStdUsed = c.biasStd): number {
  return c.segment.length * cGradHe(c.inputDim) * cBias(biasStdUsed) * neurons(c.widths);
}

export const breakpointBoundTheorem: Theorem<LineNetConfig> = {
  id: ID,
  title: 'E[#breakpoints on a segment] ≤ |L|·C_grad·C_bias·#neurons (C_grad = √(2/n_in) under He)',
  paper: citeIcml('main theorem, 1-D case: E[#breakpoints in L] ≤ |L|·C_grad·C_bias·#neurons (docs/claims.md §3.2)'),
  provenance: 'D',
  statement: 'He Gaussian weights, biases N(0, s_b²): E[#breakpoints on a segment of length T] ≤ T·√(2/n_in)·#neurons/(s_b√(2π)).',
  hypotheses: ['weights i.i.d. N(0, 2/fan-in) (He), biases i.i.d. N(0, s_b²), s_b > 0', 'any depth and widths; fixed segment'],
  verification: '[R] the ICML 2019 bound (docs/claims.md §3.2: C_bias = 1/(s_b√(2π)), C_grad a sup of gradient moments); [D] C_grad = √(2/n_in) for He with the first moment, derived in the header. Power against a ×2 counter only where the bound is tight: one layer, n_in = 1, a segment centred on the origin (truth ÷ bound = 0.775 at N = 32, s_b = 1, T = 0.424; at most √(2/π) ≈ 0.80); elsewhere (tightness 10⁻³–0.4) a ×2 counter stays below the bound.',
  unit: { kind: 'continuous', description: 'one network: its number of breakpoints on the segment, counted exactly' },
  domain(c) {
    checkLineConfig(ID, c);
    if (c.weightScale !== 2) throw new OutOfDomainError(ID, `C_grad = √(2/n_in) is derived for He (weightScale 2); got ${c.weightScale}`);
    return c;
  },
  predict: (c) => atMost(breakpointBound(c)),
};
