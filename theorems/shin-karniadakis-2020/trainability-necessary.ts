/**
 * Trainability is necessary for success (Shin & Karniadakis 2020, abstract: "being trainable is a
 * necessary condition for successful training"; "trainability serves as an upper bound of successful
 * training rates"). Trainable and success as defined in task.ts.
 *
 * Test: P(success and not trainable) = 0 — checked on every run (any such run rejects); it implies
 * P(success) ≤ P(trainable), whose rates are reported with CIs.
 *
 * Verification. [P] abstract statements; [R] the paper's task settings (claims.md §1.4) — the tasks
 * here are this suite's.
 */
import { type Theorem } from '../types';
import { implication } from '../relation';
import { citeSK } from './paper';
import { throwIf } from './config';
import { TRAINING_HYPOTHESES, trainabilityProblem, type TrainabilityConfig } from './task';

const ID = 'SK2020.Trainability.necessary';

export const trainabilityNecessary: Theorem<TrainabilityConfig> = {
  id: ID,
  title: 'Being trainable at initialization is necessary for success: P(success and not trainable) = 0',
  paper: citeSK('abstract ("being trainable is a necessary condition for successful training"; "trainability serves as an upper bound of successful training rates")'),
  provenance: 'P',
  statement: 'For every run, success ⇒ trainable at initialization; hence P(success) ≤ P(trainable).',
  hypotheses: TRAINING_HYPOTHESES,
  verification: '[P] abstract; the definitions are this suite\'s reading (file header).',
  unit: { kind: 'binary', description: 'one training run: 1 if it succeeded and its network was not trainable at initialization' },
  domain(c) {
    throwIf(ID, trainabilityProblem(c));
    return c;
  },
  predict: () => implication('success', 'trainable at initialization'),
};
