/**
 * Randomized asymmetric initialization lowers the born-dead probability (Lu, Shin, Su & Karniadakis
 * 2020, abstract: symmetric initializations "suffer from the dying ReLU"; RAI is the proposed fix).
 *
 * Test: at the same architecture and input, P_RAI(some hidden layer all-zero at x) < P_He(same),
 * shown by two independent samples: the one-sided Newcombe upper bound of p_RAI − p_He must be
 * below 0. He's value is exact (born-dead-at-point.ts); RAI's is not known in closed form. The paper's
 * numbers ([S], e.g. 93.8% vs 32.6% collapsed after training) are not asserted.
 *
 * Verification. [P] abstract; [S] RAI's construction (engine/init/rai.ts) and the direction of the
 * effect; measured here: N = 2–4, depth 6–10, x = 0.5: He 0.32–0.94 vs RAI 0.02–0.37.
 */
import { type Theorem } from '../types';
import { shownBelow } from '../relation';
import { citeLu } from './paper';
import { deathNetProblem, pointProblem, throwIf, type DeathNetConfig } from './config';

const ID = 'LSSK2020.RAI.born-dead-lower';

/**
 * Smallest effect of interest (fixed before any data): RAI is the paper's fix of the dying ReLU, which
 * it reports cutting the collapse rate from 93.8% to 32.6% ([S], a reduction of 0.61); a reduction of
 * the born-dead probability below a third of that, 0.2, would not be the fix the paper proposes.
 */
export const RAI_MIN_EFFECT = 0.2;

export const raiBornDeadLower: Theorem<DeathNetConfig> = {
  id: ID,
  title: 'RAI has a lower born-dead probability than He at the same architecture',
  paper: citeLu('abstract (symmetric initialization "suffers from the dying ReLU"; "randomized asymmetric initialization"); RAI construction [S] (docs/claims.md §1.5)'),
  provenance: 'P',
  statement: 'At a fixed x ≠ 0 and the same widths, P(some hidden layer all-zero) under RAI (σ = 0.6007, one Beta(2, 1) entry per neuron) is lower than under He with zero biases: p_RAI − p_He < 0 (demonstrated; miss rate bounded at the smallest effect of interest p_RAI − p_He = −0.2).',
  hypotheses: ['RAI as in engine/init/rai.ts ([S] third-party implementations)', 'He: weights N(0, 2/fan-in), zero biases', 'x fixed and non-zero'],
  verification: '[P] abstract (direction); [S] construction; no number of the paper is asserted.',
  unit: { kind: 'two-sample-binary', description: 'one network: 1 if some hidden layer is all-zero at x; units: RAI networks, reference: He networks (independent samples)' },
  domain(c) {
    throwIf(ID, deathNetProblem(c) ?? pointProblem(c.x, c.widths[0]) ?? (c.biasStd === 0 ? undefined : `the He arm uses zero biases (biasStd 0); got ${c.biasStd}`));
    return c;
  },
  /** The claimed sign: the difference p_RAI − p_He is shown below 0. */
  predict: () => shownBelow(0, RAI_MIN_EFFECT),
};
