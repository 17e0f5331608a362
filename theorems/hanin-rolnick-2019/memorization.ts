/**
 * The memorization task of Hanin & Rolnick (2019, NeurIPS §"during training"; docs/claims.md §3.3):
 * networks with 2-D input trained with Adam (lr 1e-3, "the learning rate in all other
 * experiments") to fit random labels on random low-dimensional data, with activation regions
 * counted in the data's square [−1, 1]² at checkpoints.
 *
 * Task as implemented: P points uniform in [−1, 1]², labels ±1 with probability ½ each, independent
 * of the points; full-batch Adam (β = 0.9, 0.999, ε = 1e-7), lr 1e-3, MSE loss; He Gaussian
 * weights, Gaussian biases N(0, s_b²) at initialization, linear scalar read-out. Every network gets
 * its own data set, so the networks are i.i.d. units.
 */
import { biasProblem } from './plane-config';

export const ADAM_LR = 1e-3;
/** The square in which regions are counted: the data's domain. */
export const DATA_SQUARE = { center: [0, 0], halfSide: 1 } as const;

export interface MemorizationTask {
  /** Number of training points P. */
  points: number;
  /** Adam steps of the run; the regions are counted after `checkpoint` of them. */
  steps: number;
  checkpoint: number;
  biasStd: number;
}

export function taskProblem(t: MemorizationTask): string | undefined {
  if (!Number.isInteger(t.points) || t.points < 1 || t.points > 10_000) return `points must be an integer in [1, 10000]; got ${t.points}`;
  if (!Number.isInteger(t.steps) || t.steps < 1 || t.steps > 1_000_000) return `steps must be an integer in [1, 1e6]; got ${t.steps}`;
  if (!Number.isInteger(t.checkpoint) || t.checkpoint < 0 || t.checkpoint > t.steps) return `checkpoint must be an integer in [0, steps = ${t.steps}]; got ${t.checkpoint}`;
  return biasProblem(t.biasStd);
}
