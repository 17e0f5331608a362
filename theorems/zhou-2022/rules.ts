/**
 * The stated rules of the condensation analysis (Zhou et al. 2022), fixed once from a calibration run
 * (below) and used unchanged by every claim. They are part of the claims' hypotheses: a count is "the
 * number of orientations under these rules".
 *
 * Calibration (scratch runs before any test was written; 1-D Fig. 5 setting: n = 40 points of
 * sin 3x + ½ sin 6x, x ~ U[−1, 1.5], m = 100, all parameters N(0, 0.005²), Adam lr 5e-4, 64 nets,
 * checkpoints every 20 steps):
 * - the largest input-weight norm M(t) grows from ≈ 0.016 to ≈ 0.08 (tanh, then a plateau where the
 *   linear fit is reached; growth per 40 steps < 2%), ≈ 0.12 (x tanh, x² tanh) at step 100 and on
 *   linearly (Adam moves every coordinate by ≈ lr per step); the counts are stable from the end of that
 *   growth until M ≈ 0.3–0.5, after which new directions appear (nonlinear stage). Hence the stage
 *   rule: R_end = 0.2, or a stall (< 2% growth over 40 steps after ≥ 2× growth).
 * - the kept clusters are ±6–12° wide under Adam at this init (tanh) and two *distinct* lines of
 *   x tanh can be 13° apart: complete linkage at τ = 0.9 (cluster diameter ≤ 25.8°) vs 0.95 (18.2°)
 *   changed x tanh's proportion within 2p from 57/64 to 54/64 and tanh's from 10/64 to 1/64; the
 *   paper's heat maps read as blocks at |D| ≳ 0.9. τ = 0.9.
 * - the negligible-norm fraction c ∈ {0.1, 0.2, 0.3} changed no proportion by more than 2/64; c = 0.2.
 */

/** Negligible-norm fraction c and cosine threshold τ (engine/condensation/orientations.ts). */
export const ORIENTATION_RULES = { negligibleFraction: 0.2, cosineThreshold: 0.9 } as const;

/** The initial-stage rule of Adam runs (the paper's optimizer; engine/condensation/initial-stage.ts): checkpoints every 20 steps up to 600. */
export const ADAM_STAGE_RULE = { amplitude: 0.2, minGrowthForStall: 2, stallGrowth: 0.02, stallWindow: 40, every: 20, maxSteps: 600 } as const;

/**
 * The Fig. 2 setting (d = 5): 5-50-1, 80 points x ~ U[−4, 2]⁵, y = Σ_k 3.5 sin(5x_k + 1), Adam lr 1e-3
 * (the constants of the suite's Fig. 2 runs since they were written; [P: sub] Fig. 2 for d, the data and
 * the target).
 */
export const FIG2_SETTING = { d: 5, m: 50, points: 80, lr: 1e-3 } as const;

/**
 * The stage rule for Fig. 2 inputs, from the same principle as ADAM_STAGE_RULE's amplitude: the stage
 * ends while every pre-activation |w·x̃| ≤ 0.36 (σ within ~4% of its leading Taylor term), i.e. at
 * R_end = 0.36 / max|x̃|. With x̃ = (x, 1), x ∈ [−4, 2]⁵: max|x̃| = √(5·16 + 1) = 9, R_end = 0.04
 * (1-D Fig. 5 inputs: max|x̃| = √(1.5² + 1) ≈ 1.8, R_end = 0.2). Stall rule and checkpoints as
 * ADAM_STAGE_RULE, cap 300 steps.
 */
export const FIG2_STAGE_RULE = { ...ADAM_STAGE_RULE, amplitude: 0.04, maxSteps: 300 } as const;
