/**
 * The 1-D setting of the orientation claims (Figs. 5/6 of Zhou et al. 2022), shared by
 * orientations-at-most-2p and orientations-monotone-in-p: the network, data, optimizer, stage rule and
 * the init std ranges where the calibration found the 2p bound robust.
 */

/**
 * The small-initialization regime of the orientation claims, one range for every p, stated from the
 * theory rather than from which range passes. The analysis is the small-init limit: in the initial
 * stage the input weights u_j grow from their random initial values along the flow's stationary
 * directions, and a neuron's direction is the flow's only when the growth dwarfs the initial value —
 * the angle to the attractor is ≈ |u_j(0)|/|u_j(T*)|. With Adam (≈ lr per coordinate per step) the
 * stage ends at max|u| ≈ 0.08–0.2 (the stall or amplitude rule, theorems/zhou-2022/rules.ts), and
 * at std s the largest initial |u_j| of m = 100 neurons is ≈ 3·√2·s. Requiring that growth to leave
 * every neuron within 1/4 of the clustering half-angle (≈ 3°, 0.056 rad) of its attractor at the
 * stall amplitude 0.08 gives 3·√2·s ≤ 0.056·0.08, s ≤ 1.06e-3: the range's top is 1e-3. Its bottom,
 * 2.5e-4, keeps the init a factor 4 below (far from float32 resolution and from Adam's ε = 1e-8 in
 * the first steps). The paper's own Fig. 5 std, 0.005, is 5× above the top: there the stall rule ends
 * the p = 1 stage after a growth of only ≈ 4–5×, and the claim rows run it as a reproduction row.
 */
export const SMALL_INIT_STD_RANGE = [2.5e-4, 1e-3] as const;

/** Init std ranges (explicit standard deviation) where the calibration found the bound robust (monotone-in-p). */
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
