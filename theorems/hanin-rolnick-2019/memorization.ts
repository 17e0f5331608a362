/**
 * The memorization task of Hanin & Rolnick (2019, NeurIPS §"during training"; docs/claims.md §3.3):
 * networks with 2-D input trained with Adam (lr 1e-3, "the learning rate in all other
 * experiments") to fit random labels on random low-dimensional data, with activation regions
 * counted in the data's square [−1, 1]² at initialization and once the network has memorized.
 *
 * Task as implemented: P points uniform in [−1, 1]², labels ±1 with probability ½ each, independent
 * of the points; full-batch Adam (β = 0.9, 0.999, ε = 1e-7), lr 1e-3, MSE loss (mean over points,
 * no ½); He Gaussian weights, Gaussian biases N(0, s_b²) at initialization, linear scalar read-out.
 * Every network gets its own data set, so the networks are i.i.d. units.
 *
 * Memorization criterion (stated before any count): a network has memorized its task at the first
 * checkpoint t ∈ {k·every} (or the step where training stopped) with training MSE < 1/P. Then
 * Σ_i (f(x_i) − y_i)² < 1, so every |f(x_i) − y_i| < 1 and, as y_i = ±1, sign f(x_i) = y_i: every
 * label is fitted. Memorization times are heavy-tailed, so the precondition tolerates a stated share
 * of stragglers: if more than 2% of a group's networks have not memorized within the step cap
 * `steps`, the configuration fails ("precondition not met"), it never passes; otherwise the counts
 * are those of the networks that memorized and the stragglers are reported. A training loop that
 * never memorizes therefore fails the claim instead of passing it.
 *
 * The bound of Theorem 5 [R] with the papers' experimental normalization T = 1 [S] (docs/claims.md
 * §6.2): E[#regions in a 2-D region of area A] ≤ A·(T·N)²/2! = A·N²/2; in [−1, 1]² (A = 4) 2N².
 */
import { biasProblem } from './plane-config';

export const ADAM_LR = 1e-3;
/** The square in which regions are counted: the data's domain. */
export const DATA_SQUARE = { center: [0, 0], halfSide: 1 } as const;
/** Its area. */
export const DATA_AREA = 4;

export interface MemorizationTask {
  /** Number of training points P. */
  points: number;
  /** Step cap: Adam steps within which every network must memorize (the precondition). */
  steps: number;
  /** Checkpoint spacing: the memorization step is the first multiple of it (or the stop step) with MSE < 1/P. */
  every: number;
  biasStd: number;
}

/**
 * The precondition's tolerance (header): more than this share of a group's networks unmemorized within
 * the cap fails the configuration. Memorization times are heavy-tailed: a scratch group of 320 left
 * one network unmemorized at 4000 steps.
 */
export const MAX_UNMEMORIZED_SHARE = 0.02;

/** The memorization criterion: training MSE below 1/P (every label fitted, header). */
export const memorizationThreshold = (points: number): number => 1 / points;

/** Theorem 5's bound on E[#regions] in the data square, T = 1: area·N²/2 = 2N². */
export const regionBound = (neurons: number): number => (DATA_AREA * neurons * neurons) / 2;

export function taskProblem(t: MemorizationTask): string | undefined {
  if (!Number.isInteger(t.points) || t.points < 1 || t.points > 10_000) return `points must be an integer in [1, 10000]; got ${t.points}`;
  if (!Number.isInteger(t.steps) || t.steps < 1 || t.steps > 1_000_000) return `steps must be an integer in [1, 1e6]; got ${t.steps}`;
  if (!Number.isInteger(t.every) || t.every < 1 || t.every > t.steps) return `every must be an integer in [1, steps = ${t.steps}]; got ${t.every}`;
  return biasProblem(t.biasStd);
}
