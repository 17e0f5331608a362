/**
 * Born dead (Lu, Shin, Su & Karniadakis 2020): "a deep ReLU network will eventually die in
 * probability as the depth goes to infinite".
 *
 * At a fixed input x ≠ 0 (symmetric continuous weights, zero or symmetric continuous biases), a
 * layer whose previous layer is alive is all-zero with probability 2^{−N_l}, independently of the
 * past (death-active-count-at-point.ts); with zero biases a dead layer stays dead. So
 *
 *     P(some hidden layer is all-zero at x) = 1 − ∏_l (1 − 2^{−N_l})   (= 1 − (1 − 2^{−N})^{L−1}
 *                                                                     for L − 1 layers of width N),
 *
 * which tends to 1 as the depth grows at fixed width (docs/claims.md §1.5, MC-checked: N = 2, L = 10:
 * 0.924 vs 0.925). The formula is `bornDeadProbability` (config.ts); born-dead-domain-bound.ts uses
 * it as a bound on the probability that the network is constant on an interval.
 *
 * Verification. [P] abstract (dies in probability with depth); [D] the exact formula (docs/claims.md
 * §1.5); [R] the paper's own bounds.
 */
import { type Theorem } from '../types';
import { equals } from '../relation';
import { citeLu } from './paper';
import { bornDeadProbability, deathNetProblem, pointProblem, throwIf, type DeathNetConfig } from './config';

const ID = 'LSSK2020.BornDead.at-point';

export const bornDeadAtPoint: Theorem<DeathNetConfig> = {
  id: ID,
  title: 'P(some hidden layer is all-zero at x) = 1 − ∏_l (1 − 2^{−N_l})',
  paper: citeLu('abstract ("will eventually die in probability as the depth goes to infinite"); born-dead probability (docs/claims.md §1.5)'),
  provenance: 'D',
  statement: 'Symmetric continuous weights, zero or symmetric continuous biases, fixed x ≠ 0: P(some hidden layer is all-zero at x) = 1 − ∏_l (1 − 2^{−N_l}) → 1 with depth at fixed width.',
  hypotheses: ['weights i.i.d. N(0, c/fan-in); biases zero or i.i.d. N(0, s_b²)', 'x fixed and non-zero; a layer is all-zero iff none of its neurons has z > 0'],
  verification: '[P] abstract; [D] exact formula, MC-checked in docs/claims.md §1.5.',
  unit: { kind: 'binary', description: 'one network: 1 if some hidden layer is all-zero (no neuron with z > 0) at x' },
  domain(c) {
    throwIf(ID, deathNetProblem(c) ?? pointProblem(c.x, c.widths[0]));
    return c;
  },
  predict: (c) => equals(bornDeadProbability(c.widths.slice(1))),
};
