/**
 * Trainability is necessary for success (Shin & Karniadakis 2020, abstract: "being trainable is a
 * necessary condition for successful training"; "trainability serves as an upper bound of successful
 * training rates"). Trainable and success as defined in task.ts: every hidden layer keeps at least the
 * task's minimal width m = 2 of neurons that are not permanently dead on the training inputs; success
 * = the training MSE falls below 10⁻³·Var(y) within the step budget.
 *
 * Why it holds here [D]. With the standard He initialization (zero biases) on inputs of both signs,
 * every first-layer neuron ReLU(w x) is active on one side of 0, so none is permanently dead and the
 * first layer keeps all its N ≥ m neurons; deeper layers lose neurons permanently only when the
 * network is born dead on the data. So a network of uniform width N ≥ m is trainable iff it is not
 * born dead, and a born-dead network is constant on the data forever (every gradient below and in the
 * dead layer is 0), so its loss never falls below Var(y). A leaky ReLU (dead neurons still get
 * gradient) or a death rule that takes tentatively dead neurons for permanent ones breaks the
 * implication; the reject twins show both.
 *
 * What does not hold [finding]: with random biases the first layer can lose neurons permanently, and a
 * network with a single live first-layer neuron can still succeed (the neuron moves its kink past the
 * data and the layers above rebuild |x| from an affine copy of x): the reading "m neurons in every
 * layer, the first included" is not necessary there. The property file reproduces that run as a
 * reproduction row; the statement below is asserted at zero biases only, where it is a theorem.
 *
 * Verification. [P] abstract statements; [D] the argument above; [R] the paper's task settings
 * (unreadable) — the tasks are this suite's.
 */
import { type Theorem } from '../types';
import { implication } from '../relation';
import { citeSK } from './paper';
import { throwIf } from './config';
import { TRAINING_HYPOTHESES, trainabilityProblem, uniformWidthProblem, type TrainabilityConfig } from './task';

const ID = 'SK2020.Trainability.necessary';

export const trainabilityNecessary: Theorem<TrainabilityConfig> = {
  id: ID,
  title: 'Being trainable for the task at initialization is necessary for success: P(success and not trainable) = 0',
  paper: citeSK('abstract ("being trainable is a necessary condition for successful training"; "trainability serves as an upper bound of successful training rates")'),
  provenance: 'P',
  statement: 'For every run, success ⇒ trainable at initialization (every hidden layer keeps ≥ the task\'s minimal width of neurons not permanently dead on the data); hence P(success) ≤ P(trainable).',
  hypotheses: [...TRAINING_HYPOTHESES, 'hidden layers of one width N (the minimal width is a uniform-width notion); biases initialized to zero (the standard He initialization; with random biases the first layer can lose neurons and the implication fails — file header)'],
  verification: '[P] abstract; [D] the implication at zero biases (file header); the tasks are this suite\'s.',
  unit: { kind: 'binary', description: 'one training run: 1 if it succeeded and its network was not trainable for the task at initialization' },
  domain(c) {
    throwIf(
      ID,
      trainabilityProblem(c) ??
        uniformWidthProblem(c) ??
        (c.biasStd === 0 ? undefined : `biasStd must be 0 (standard He biases: the implication is a theorem there; random biases are a reproduction row); got ${c.biasStd}`),
    );
    return c;
  },
  predict: () => implication('success', 'trainable for the task at initialization'),
};
