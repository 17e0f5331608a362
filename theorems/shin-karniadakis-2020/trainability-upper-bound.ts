/**
 * Trainability upper-bounds the success rate (Shin & Karniadakis 2020, abstract: "trainability serves
 * as an upper bound of successful training rates"): on the same networks, P(success) ≤ P(trainable
 * for the task at initialization) — the rate form of SK2020.Trainability.necessary, stated over the
 * paper's whole initialization family (He weights with zero or random N(0, s_b²) biases), where the
 * per-run implication can fail (a network with one live first-layer neuron can still succeed, see
 * trainability-necessary.ts) but the rates need not. Trainable and success as in task.ts.
 *
 * Verification. [P] abstract statement; the tasks and bias scales are this suite's.
 */
import { type Theorem } from '../types';
import { atMost } from '../relation';
import { citeSK } from './paper';
import { throwIf } from './config';
import { TRAINING_HYPOTHESES, trainabilityProblem, uniformWidthProblem, type TrainabilityConfig } from './task';

const ID = 'SK2020.Trainability.upper-bound';

export const trainabilityUpperBound: Theorem<TrainabilityConfig> = {
  id: ID,
  title: 'Trainability upper-bounds the success rate: P(success) ≤ P(trainable) on the same networks',
  paper: citeSK('abstract ("trainability serves as an upper bound of successful training rates")'),
  provenance: 'P',
  statement: 'P(success) − P(trainable for the task at initialization) ≤ 0, both measured on the same networks, for He weights with zero or random biases.',
  hypotheses: [...TRAINING_HYPOTHESES, 'hidden layers of one width N'],
  verification: '[P] abstract; the tasks and bias scales are this suite\'s.',
  unit: { kind: 'paired-binary', description: 'one training run: 1 if it succeeded; reference: 1 if its network was trainable for the task at initialization (the same network)' },
  domain(c) {
    throwIf(
      ID,
      trainabilityProblem(c) ?? uniformWidthProblem(c),
    );
    return c;
  },
  predict: () => atMost(0),
};
