/**
 * The 1-D setting of the orientation claims (Figs. 5/6 of Zhou et al. 2022), shared by
 * orientations-at-most-2p and orientations-monotone-in-p: the network, data, optimizer, stage rule and
 * the init std ranges where the calibration found the 2p bound robust.
 */

/** Init std ranges (explicit standard deviation) where the calibration found the bound robust. */
export const STD_RANGE = { p1: [5e-4, 1e-3], p23: [5e-4, 5e-3] } as const;

export const FIG5_SETTING = { points: 40, m: 100, lr: 5e-4, epsilon: 1e-8 } as const;

/** The smooth activations of the paper (those the multiplicity applies to). */
export type SmoothPaperActivation = 'tanh' | 'sigmoid' | 'softplus' | 'xtanh' | 'x2tanh';

export const FIG5_HYPOTHESES: readonly string[] = [
  'two-layer net 1-m-1, m = 100, the Fig. 5/6 data: 40 points x ~ U[−1, 1.5], y = sin 3x + ½ sin 6x (fresh per net)',
  'all parameters N(0, std²), explicit std; Adam lr 5e-4, ε = 1e-8 (PyTorch\'s default, the authors\' framework), full batch',
  'initial stage: first checkpoint (every 20 steps) with max_j |u_j| ≥ 0.2, or a stall (< 2% growth over 40 steps after ≥ 2× growth), cap 600 steps',
  'orientations: complete-linkage clusters of the normalized (w_j, b_j) at D ≥ 0.9 among neurons with |u_j| ≥ 0.2·max |u| (theorems/zhou-2022/rules.ts)',
];
