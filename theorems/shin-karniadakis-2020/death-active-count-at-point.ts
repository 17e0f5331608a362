/**
 * Active neurons at one input, layer by layer (Shin & Karniadakis 2020; docs/claims.md §1.2 [D]).
 *
 * Weights from a symmetric continuous law, biases zero or symmetric continuous. Condition on the
 * previous layer's output h. If h ≠ 0, or the biases are non-zero, each neuron's pre-activation
 * z = w·h + b is symmetric and a.s. non-zero (flip the sign of (w, b)), independently across the
 * layer's neurons, so the number active is Binomial(N_l, ½) — whatever h is. The per-layer counts
 * of layers whose previous layer is alive (layer 1 always) are therefore i.i.d. Binomial(N, ½) for a
 * constant width N; the test is a goodness-of-fit test of their histogram, which also checks the
 * mean N/2 and the variance N/4.
 *
 * Verification. [D] derived above; [R] the paper's Markov-chain statement (docs/claims.md §1.2).
 */
import { type Theorem } from '../types';
import { binomialLaw } from '../relation';
import { citeSK } from './paper';
import { deathNetProblem, pointProblem, throwIf, type DeathNetConfig } from './config';

const ID = 'SK2020.Death.active-count-at-point';

export const deathActiveCountAtPoint: Theorem<DeathNetConfig> = {
  id: ID,
  title: 'Active neurons per layer at an input are Binomial(N, ½) given the previous layer is alive',
  paper: citeSK('abstract ("the probability distribution of the number of active neurons"); docs/claims.md §1.2 [D]'),
  provenance: 'D',
  statement: 'Symmetric continuous weights, zero or symmetric continuous biases, constant hidden width N: at a fixed x ≠ 0, the number of active neurons of every layer whose previous layer is not all-zero is Binomial(N, ½), independently.',
  hypotheses: ['weights i.i.d. N(0, c/fan-in); biases zero or i.i.d. N(0, s_b²)', 'constant hidden width N (one Binomial for every layer)', 'x fixed and non-zero; active iff z > 0'],
  verification: '[D] derived in the header (sign-flip symmetry of (w, b)); the paper\'s exact statement is [R].',
  unit: { kind: 'counts', description: 'one hidden layer of one network whose previous layer is not all-zero at x (layer 1 always): its number of active neurons (z > 0) at x' },
  domain(c) {
    throwIf(ID, deathNetProblem(c) ?? pointProblem(c.x, c.widths[0]) ?? (new Set(c.widths.slice(1)).size === 1 ? undefined : `hidden widths must be equal (one Binomial); got ${JSON.stringify(c.widths.slice(1))}`));
    return c;
  },
  /** The whole law Binomial(N, ½) (its mean N/2 is the relation's value). */
  predict: (c) => binomialLaw(c.widths[1], 0.5),
};
