/**
 * "This depth-independent bound is tight both at initialization and during training, even on
 * memorization tasks" (NeurIPS 2019, abstract): during training on random labels, the number of
 * activation regions in a 2-D input square stays independent of depth at a fixed number of neurons.
 *
 * Test: N neurons split evenly over depths d₁ < … < d_k, each network trained on its own
 * memorization task (memorization.ts) and its regions in [−1, 1]² counted exactly after a checkpoint
 * (a fast-check parameter: several checkpoints across configurations, the initialization included);
 * the slope of log E[#regions] against depth lies within 0 ± RESOLUTION (0.1 per layer, as at
 * initialization). The exponential alternative 2^depth is a reject twin. The figure data gives the
 * counts at every checkpoint and the training losses (that the nets do memorize).
 *
 * Verification. [P] NeurIPS abstract; [S] the memorization experiments (docs/claims.md §3.3: depth 3
 * width 32 with label corruption; random 2-D data); the exact task parameters (data size, steps)
 * of the paper are not recorded, so the ones used are stated in the property file.
 */
import { within } from '../relation';
import { throwIf, type Theorem } from '../types';
import { taskProblem, type MemorizationTask } from './memorization';
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
  statement: `2-D input, N neurons over d layers, trained with Adam (lr 1e-3) on random ±1 labels of random points in [−1, 1]²: at every checkpoint the slope of log E[#regions in [−1, 1]²] against d lies within 0 ± ${RESOLUTION}.`,
  hypotheses: [
    'He Gaussian weights and N(0, s_b²) biases at initialization; linear scalar read-out',
    'full-batch Adam, lr 1e-3, MSE; each network its own random data set (points uniform in [−1, 1]², labels ±1)',
    `resolution ±${RESOLUTION} per layer in log count`,
  ],
  verification: '[P] NeurIPS 2019 abstract; the task parameters are this suite\'s (the paper\'s are not recorded in docs/claims.md).',
  unit: { kind: 'groups', description: 'one network of depth d and width N/d trained on its own memorization task, at x = d: its exact number of activation regions in [−1, 1]² after the checkpoint' },
  domain(c) {
    throwIf(ID, taskProblem(c) ?? (Number.isInteger(c.neurons) && c.neurons >= 1 ? undefined : `neurons must be an integer ≥ 1; got ${c.neurons}`) ?? increasingProblem('depths', c.depths, c.neurons));
    return c;
  },
  predict: () => within(0, RESOLUTION, 'linear'),
};
