/**
 * During memorization training the number of activation regions in a 2-D slice stays of order
 * #neurons² (NeurIPS 2019, abstract: the bound (T·#neurons)^{n_in}/n_in! "is tight both at
 * initialization and during training"). Test: fixed depth, increasing widths, each network
 * trained on its own memorization task (memorization.ts) until it has memorized it (MSE < 1/P, every
 * label fitted; a network that does not within the step cap fails the configuration); at its
 * memorization step the exponent a in
 * E[Q] ∝ C(N, 2)^a of the crossing part Q = #regions − 1 − V_bd/2 lies within 1 ± RESOLUTION
 * (0.125), as at initialization (plane-neurons-squared.ts explains the Euler decomposition and why
 * the pairs C(N, 2) ≈ N²/2 are the regressor).
 *
 * Verification. [P] NeurIPS abstract; [R] Theorem 5's constant (the fitted T̂ is reported, not
 * asserted).
 */
import { within } from '../relation';
import { throwIf, type Theorem } from '../types';
import { taskProblem, type MemorizationTask } from './memorization';
import { increasingProblem } from './plane-config';
import { citeNeurips } from './paper';
import { RESOLUTION } from './plane-neurons-squared';

const ID = 'HR2019.Training.neurons-squared';
/** The resolution at initialization (HR2019.Plane.neurons-squared). */
export { RESOLUTION };

export interface TrainedWidthSweepConfig extends MemorizationTask {
  depth: number;
  widths: number[];
}

export const trainedNeuronsSquared: Theorem<TrainedWidthSweepConfig> = {
  id: ID,
  title: 'During memorization training, 2-D region counts stay of order #neurons² (crossing part, fixed depth)',
  paper: citeNeurips('abstract (the bound is "tight both at initialization and during training, even on memorization tasks"); Theorem 5'),
  provenance: 'P',
  statement: `2-D input, depth d, increasing widths, trained with Adam (lr 1e-3) on random ±1 labels of P random points in [−1, 1]² until training MSE < 1/P (every label fitted): at memorization the exponent of E[#regions − 1 − V_bd/2] in C(N, 2) lies within 1 ± ${RESOLUTION}.`,
  hypotheses: [
    'He Gaussian weights and N(0, s_b²) biases at initialization; linear scalar read-out',
    'full-batch Adam, lr 1e-3, MSE; each network its own random data set',
    'every network memorizes (MSE < 1/P) within the step cap — checked: otherwise the configuration fails',
    `resolution ±${RESOLUTION} on the exponent of C(N, 2)`,
  ],
  verification: '[P] NeurIPS 2019 abstract; task parameters are this suite\'s.',
  unit: { kind: 'groups', description: 'one network of constant width w and the configuration\'s depth trained on its own memorization task, at x = C(N, 2) pairs of its N = d·w neurons: its crossing count Q = #regions − 1 − V_bd/2 in [−1, 1]² at its memorization step' },
  domain(c) {
    throwIf(ID, taskProblem(c) ?? (Number.isInteger(c.depth) && c.depth >= 1 && c.depth <= 16 ? undefined : `depth must be an integer in [1, 16]; got ${c.depth}`) ?? increasingProblem('widths', c.widths));
    return c;
  },
  predict: () => within(1, RESOLUTION, 'log'),
};
