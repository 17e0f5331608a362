/**
 * The property the data-dependent initialization is meant to have (Shin & Karniadakis 2020,
 * abstract: "a data-dependent initialization is proposed"; docs/claims.md §1.3: the algorithm could not
 * be read — test the property, not the paper's DDI): no first-layer neuron is born dead on the
 * training data, so none is permanently dead. Exact: every network of the sample must have zero
 * permanently dead first-layer neurons (engine/init/data-dependent.ts anchors each first-layer
 * hyperplane beside a training input, which is then strictly active).
 *
 * Verification. [P] abstract (DDI proposed for the over-parameterized regime); [R] its purpose
 * (docs/claims.md §1.3); the initialization itself is this suite's.
 */
import { type Theorem } from '../types';
import { equals } from '../relation';
import { citeSK } from './paper';
import { deathNetProblem, throwIf } from './config';

const ID = 'SK2020.DDI.no-permanently-dead';

export interface DdiConfig {
  /** [n_0, n_1, …, n_d] hidden widths (the read-out is added by the experiment). */
  widths: number[];
  biasStd: number;
  /** Number of training inputs, drawn uniformly in [−1, 1]^{n_0} per network. */
  points: number;
}

export const ddiNoPermanentlyDead: Theorem<DdiConfig> = {
  id: ID,
  title: 'Under the data-dependent initialization no first-layer neuron is dead on the training data',
  paper: citeSK('abstract ("a data-dependent initialization method is proposed"); docs/claims.md §1.3 (property, not algorithm)'),
  provenance: 'R',
  statement: 'Under a data-dependent initialization that anchors every first-layer hyperplane at the training data, the probability that a network has a permanently dead (dead on all training inputs) first-layer neuron is 0.',
  hypotheses: ['first layer initialized by engine/init/data-dependent.ts; deeper layers He with N(0, s_b²) biases', 'training inputs: any finite set (here uniform in [−1, 1]^{n_0})'],
  verification: '[R] the purpose of the paper\'s DDI; the initialization is this suite\'s; the property is exact (deterministic).',
  unit: { kind: 'binary', description: 'one network with its own training inputs: 1 if some first-layer neuron is dead (z ≤ 0) on all of them' },
  domain(c) {
    throwIf(ID, deathNetProblem(c) ?? (Number.isInteger(c.points) && c.points >= 1 ? undefined : `points must be an integer ≥ 1; got ${c.points}`));
    return c;
  },
  predict: () => equals(0),
};
