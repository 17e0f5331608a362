/**
 * p = 1 alignment with z at the end of the initial stage (docs/claims.md §4.2 [D], from [P: sub] §5.1), for
 * the paper's model: a two-layer net whose read-out has no bias.
 */
import { atLeast } from '../relation';
import type { Theorem } from '../types';
import { citeZhou, intProblem, rangeProblem, throwIf } from './paper';

const ID = 'ZZLZX2022.Alignment.p1';

/** "Near 1": the claim is E[mean_j |cos(u_j, z)|] ≥ 1 − ALIGNMENT_RESOLUTION. */
export const ALIGNMENT_RESOLUTION = 0.05;

/** Gradient-descent step for input dimension d: 0.05/d (the data's ‖z‖/n grows ∝ d, so the linear growth rate per step stays ≈ fixed). */
export const alignmentLearningRate = (d: number): number => 0.05 / d;

/** The initial-stage rule of the GD runs: R_end = 0.05 (f ≪ y still), checkpoints every 20 steps up to 800. */
export const GD_STAGE_RULE = { amplitude: 0.05, minGrowthForStall: 2, stallGrowth: 0.02, stallWindow: 40, every: 20, maxSteps: 800 } as const;

/**
 * The direction of the claim, z = Σ_i y_i (x_i, 1) ∈ R^{d+1}, for n points x_i ∈ R^d stored row-major
 * in `inputs` with targets y_i. [D]
 */
export function alignmentDirection(data: { inputs: ArrayLike<number>; targets: ArrayLike<number> }, d: number): Float64Array {
  const n = data.targets.length;
  const z = new Float64Array(d + 1);
  for (let i = 0; i < n; i++) {
    const y = data.targets[i];
    for (let k = 0; k < d; k++) z[k] += y * data.inputs[i * d + k];
    z[d] += y;
  }
  return z;
}

export interface AlignmentConfig {
  /** Input dimension d. */
  d: number;
  /** Hidden width m. */
  m: number;
  /** Standard deviation of every parameter at initialization (explicit std). */
  std: number;
}

export const alignmentP1: Theorem<AlignmentConfig> = {
  id: ID,
  title: 'p = 1: at the end of the initial stage every non-negligible input weight is aligned with ±z, z = Σ_i y_i (x_i, 1)',
  paper: citeZhou('§5.1 (case p = 1: u = ±Σ_i e_i x_i / ‖Σ_i e_i x_i‖) [P: sub]; the tiny-init consequence is docs/claims.md §4.2 [D]; read-out without bias as in the authors\' notebook [P: code, docs/claims.md §4.4]'),
  provenance: 'D',
  statement:
    'Two-layer tanh net f = Σ_j a_j tanh(w_j·x + b_j) (read-out without bias, as the paper\'s f and the authors\' notebook), all parameters N(0, s²) with s ≪ 1, full-batch gradient descent on the MSE. To leading order e_i = f(x_i) − y_i ≈ −y_i, w_j\' ∝ a_j z and a_j\' ∝ w_j·z with z = Σ_i y_i (x_i, 1): every neuron that grows aligns with ±z. Claim: E[mean_j |cos(u_j, z)|] ≥ 1 − 0.05 over the non-negligible neurons; a random direction gives Γ(k/2)/(√π Γ((k+1)/2)) (k = d + 1: 2/π at d = 1, 0.34 at d = 5). (With a trained read-out bias b₀ — the engine\'s default — b₀ fits ȳ at O(1) rate first and the direction becomes z_c = Σ_i (y_i − ȳ)(x_i, 1); reported in the figures.)',
  hypotheses: [
    'activation tanh (σ(0) = 0, σ\'(0) = 1): for σ(0) ≠ 0 (sigmoid, softplus) the a_j get an O(1) drive and the direction follows the transient residual — measured only (figures)',
    'input dimension d ∈ {1, …, 5}, Fig. 2 data (80 points x ~ U[−4, 2]^d, y = Σ_k 3.5 sin(5x_k + 1)); hidden width m ∈ [20, 60]; read-out without bias (0, not trained)',
    'init std s ∈ [1e-5, 1e-4] (explicit standard deviation, every weight and bias); gradient descent, lr = 0.05/d',
    'initial stage: first checkpoint (every 20 steps) with max_j |u_j| ≥ 0.05, or a stall (< 2% growth over 40 steps after ≥ 2× growth), cap 800 steps',
    'non-negligible: |u_j| ≥ 0.2·max_k |u_k|',
    'units: the nets whose stage ended (amplitude or stall); nets still below R_end at the cap have no end-of-stage state and are counted as the outcome stage-cap (fewer than 10 ended nets is an engine fault)',
  ],
  verification:
    '[D] derivation above (leading order, gradient flow). Resolution 0.05: the init residual orthogonal to z contributes E[1 − |cos|] ≲ d s²/(2(0.2·0.05)²) ≤ 5e-4 and the neglected cubic term of tanh is ≤ (0.05·max|x̃|)²/3 ≤ 0.07 relative (d = 5), so 0.05 is a resolution the theory must meet, not a fit. Calibration before the tests (32 nets, GD lr 0.05/d): read-out without bias, against z: mean |cos| 0.9995 (d = 1, m = 30, s = 1e-5), 0.9992 (d = 2, m = 40, s = 3e-5), 0.9997 (d = 3, m = 20, s = 1e-4), 0.9995 (d = 5, m = 60, s = 1e-4), 0.9997 (d = 5, m = 30, s = 1e-5), min over nets ≥ 0.990, every stage ended by amplitude; with the engine\'s trained read-out bias: 0.9991–0.9998 against z_c but only 0.85–0.93 against z (the bias absorbs ȳ). Not verified: Adam (the paper\'s optimizer) normalizes per coordinate and drives u_j towards ±sign(z) instead (measured in the figures), and σ(0) ≠ 0.',
  unit: { kind: 'unit-interval', description: 'one network whose initial stage ended: mean_j |cos(u_j, z)| ∈ [0, 1] over its non-negligible neurons u_j = (w_j, b_j) at the stage end, z from its own data' },
  domain(c) {
    throwIf(ID, intProblem('d', c.d, 1, 5) ?? intProblem('m', c.m, 20, 60) ?? rangeProblem('std', c.std, 1e-5, 1e-4));
    return c;
  },
  predict: () => atLeast(1 - ALIGNMENT_RESOLUTION),
};
