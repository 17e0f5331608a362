/**
 * Trainability and training success (Shin & Karniadakis 2020, abstract: "being trainable is a
 * necessary condition for successful training"; "trainability serves as an upper bound of
 * successful training rates"; "over-parameterization is both necessary and sufficient for
 * minimizing the training loss"; a data-dependent initialization raises success).
 *
 * Definitions as implemented (engine/measure/neuron-states.ts; the paper's exact wording could
 * not be read): a network is **trainable** at initialization iff no hidden layer is dead on all
 * the training inputs (otherwise it is constant on the data forever: every gradient below and in
 * the dead layer is exactly 0, and nothing above varies with the input); **success** as in task.ts.
 *
 *   SK2020.Trainability.necessary  P(success and not trainable) = 0 — checked on every run (any
 *     such run rejects); it implies P(success) ≤ P(trainable), whose rates are reported with CIs.
 *   SK2020.Trainability.over-parameterization  the success rate at a narrow width is shown below
 *     the rate at a wide one (same depth and task): p_narrow − p_wide < 0.
 *   SK2020.DDI.success-vs-he  P(success | He) − P(success | DDI) ≤ 0, in the regime the DDI is for
 *     (shallow, over-parameterized, He with N(0, s_b²) biases that kill first-layer neurons).
 *
 * Verification. [P] abstract statements; [R] the paper's task settings (claims.md §1.4) — the
 * tasks here are this suite's; [R] DDI's algorithm (claims.md §1.3): ours anchors first-layer
 * hyperplanes at the data (engine/init/data-dependent.ts). Measured while designing: deep narrow
 * nets (depth 6, |x|, 3000 Adam steps) He success 0.08 → 1.0 for widths 2 → 10, trainability 0.27
 * → 1.0; shallow nets with s_b = 1 (sin 3x, lr 1e-2): He 0.52 vs DDI 0.73 at width 16.
 */
import { type Theorem } from '../types';
import { citeSK } from './paper';
import { deathNetProblem, throwIf } from './config';
import { taskProblem, type TrainingTask } from './task';

export const ID_NECESSARY = 'SK2020.Trainability.necessary';
export const ID_OVERPARAM = 'SK2020.Trainability.over-parameterization';
export const ID_DDI = 'SK2020.DDI.success-vs-he';

export interface TrainabilityConfig extends TrainingTask {
  /** [1, n_1, …, n_d]: hidden widths (a scalar read-out is added). */
  widths: number[];
  biasStd: number;
}

export interface WidthComparisonConfig extends TrainingTask {
  depth: number;
  narrow: number;
  wide: number;
  biasStd: number;
}

const hypotheses = [
  '1-D input, hidden ReLU layers, scalar linear read-out; He Gaussian weights, zero or N(0, s_b²) biases',
  'full-batch Adam on MSE over P equally spaced inputs of [−1, 1] (task.ts); success = MSE < threshold < Var(targets) within the step budget',
  'trainable = no hidden layer dead (z ≤ 0) on all the training inputs at initialization',
];

export const trainabilityNecessary: Theorem<TrainabilityConfig> = {
  id: ID_NECESSARY,
  title: 'Being trainable at initialization is necessary for success: P(success and not trainable) = 0',
  paper: citeSK('abstract ("being trainable is a necessary condition for successful training"; "trainability serves as an upper bound of successful training rates")'),
  provenance: 'P',
  statement: 'For every run, success ⇒ trainable at initialization; hence P(success) ≤ P(trainable).',
  hypotheses,
  verification: '[P] abstract; the definitions are this suite\'s reading (file header).',
  domain(c) {
    throwIf(ID_NECESSARY, deathNetProblem(c) ?? (c.widths[0] !== 1 ? `the input must be 1-D; got n_0 = ${c.widths[0]}` : undefined) ?? taskProblem(c));
    return c;
  },
  predict: () => 0,
};

export const overParameterization: Theorem<WidthComparisonConfig> = {
  id: ID_OVERPARAM,
  title: 'Over-parameterization: the success rate at a narrow width is below the rate at a wide one',
  paper: citeSK('abstract ("over-parameterization is both necessary and sufficient for minimizing the training loss")'),
  provenance: 'P',
  statement: 'Same depth and task: P(success | width narrow) − P(success | width wide) < 0 (shown by two samples).',
  hypotheses,
  verification: '[P] abstract; the widths compared and the task are this suite\'s.',
  domain(c) {
    throwIf(
      ID_OVERPARAM,
      deathNetProblem({ widths: [1, c.narrow, c.wide], biasStd: c.biasStd }) ??
        (c.narrow < c.wide ? undefined : `narrow must be < wide; got ${c.narrow}, ${c.wide}`) ??
        (Number.isInteger(c.depth) && c.depth >= 1 ? undefined : `depth must be an integer ≥ 1; got ${c.depth}`) ??
        taskProblem(c),
    );
    return c;
  },
  predict: () => 0,
};

export const ddiSuccess: Theorem<TrainabilityConfig> = {
  id: ID_DDI,
  title: 'The data-dependent initialization succeeds at least as often as He',
  paper: citeSK('abstract ("a data-dependent initialization method is proposed ... numerical examples are provided to demonstrate the effectiveness"); claims.md §1.3'),
  provenance: 'R',
  statement: 'Same architecture and task: P(success | He) − P(success | DDI) ≤ 0.',
  hypotheses: [...hypotheses, 'DDI: engine/init/data-dependent.ts (first layer anchored at the data; deeper layers as He)'],
  verification: '[P] the DDI is proposed as effective; [R] its algorithm; the claim is tested for this suite\'s DDI in the shallow over-parameterized regime.',
  domain(c) {
    throwIf(ID_DDI, deathNetProblem(c) ?? (c.widths[0] !== 1 ? `the input must be 1-D; got n_0 = ${c.widths[0]}` : undefined) ?? taskProblem(c));
    return c;
  },
  predict: () => 0,
};
