/**
 * "This depth-independent bound is tight both at initialization and during training, even on
 * memorization tasks" (NeurIPS 2019, abstract): during training on random labels, the number of
 * activation regions in a 2-D input square stays independent of depth at a fixed number of neurons.
 *
 * Test: N neurons split evenly over depths d₁ < … < d_k, each network trained on its own
 * memorization task (memorization.ts) until it has memorized it (training MSE < 1/P: every label
 * fitted) and its regions in [−1, 1]² counted exactly at that step; the slope of log E[#regions at
 * memorization] against depth is at most RESOLUTION (0.1 per layer, as at initialization): one-sided,
 * as for Plane.depth-independent — a count that falls with depth does not contradict a
 * depth-independent bound. If more than 2% of a group's networks do not memorize within the step cap,
 * the configuration fails (precondition not met), it never passes. The exponential alternative 2^depth is a
 * reject twin, a trainer that never memorizes (`never-memorizes`) another.
 *
 * Verification. [P] NeurIPS abstract; [S] the memorization experiments (docs/claims.md §3.3: depth 3
 * width 32 with label corruption; random 2-D data); the exact task parameters (data size, steps)
 * of the paper are not recorded, so the ones used are stated in the property file.
 */
import { atMost } from '../relation';
import { throwIf, type Theorem } from '../types';
import { MAX_UNMEMORIZED_SHARE, taskProblem, type MemorizationTask } from './memorization';
import { increasingProblem } from './plane-config';
import { citeNeurips } from './paper';

const ID = 'HR2019.Training.depth-independent';
export const RESOLUTION = 0.1;

export interface TrainedDepthSweepConfig extends MemorizationTask {
  neurons: number;
  depths: number[];
}

export const trainedDepthIndependent: Theorem<TrainedDepthSweepConfig> = {
  id: ID,
  title: 'During memorization training, 2-D region counts stay independent of depth at a fixed number of neurons',
  paper: citeNeurips('abstract ("tight both at initialization and during training, even on memorization tasks"); memorization experiments (docs/claims.md §3.3)'),
  provenance: 'P',
  statement: `2-D input, N neurons over d layers, trained with Adam (lr 1e-3) on random ±1 labels of P random points in [−1, 1]² until training MSE < 1/P (every label fitted): the slope of log E[#regions in [−1, 1]² at memorization] against d is at most ${RESOLUTION} (the count does not grow with depth).`,
  hypotheses: [
    'He Gaussian weights and N(0, s_b²) biases at initialization; linear scalar read-out',
    'full-batch Adam, lr 1e-3, MSE; each network its own random data set (points uniform in [−1, 1]², labels ±1)',
    `the networks memorize (MSE < 1/P) within the step cap, all but at most ${100 * MAX_UNMEMORIZED_SHARE}% per group — checked: otherwise the configuration fails ("precondition not met"); the counts are those of the networks that memorized`,
    `resolution ${RESOLUTION} per layer in log count, one-sided`,
  ],
  verification: '[P] NeurIPS 2019 abstract; the task parameters are this suite\'s (the paper\'s are not recorded in docs/claims.md).',
  unit: { kind: 'groups', description: 'one network of depth d and width N/d trained on its own memorization task, at x = d: its exact number of activation regions in [−1, 1]² at its memorization step (the first checkpoint with MSE < 1/P)' },
  domain(c) {
    throwIf(ID, taskProblem(c) ?? (Number.isInteger(c.neurons) && c.neurons >= 1 ? undefined : `neurons must be an integer ≥ 1; got ${c.neurons}`) ?? increasingProblem('depths', c.depths, c.neurons));
    return c;
  },
  predict: () => atMost(RESOLUTION),
};
