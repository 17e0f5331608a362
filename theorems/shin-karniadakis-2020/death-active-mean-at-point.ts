/**
 * The mean number of active neurons of the last hidden layer at an input, unconditionally
 * (Shin & Karniadakis 2020; docs/claims.md §1.2 [D]).
 *
 * With non-zero symmetric biases every layer is Binomial(N_l, ½) whatever came before
 * (death-active-count-at-point.ts), so E[A_d] = N_d/2. With zero biases a layer that is all-zero at
 * x passes z = 0 to every later neuron — inactive by definition (ReLU(0) = 0, zero gradient) — so the
 * network stays dead: E[A_d] = (N_d/2)·∏_{l<d}(1 − 2^{−N_l}). A counter that takes z = 0 for active
 * counts the N_d neurons after a dead layer (a reject twin).
 *
 * Verification. [D] derived above.
 */
import { type Theorem } from '../types';
import { equals } from '../relation';
import { citeSK } from './paper';
import { aliveProbability, deathNetProblem, pointProblem, throwIf, type DeathNetConfig } from './config';

const ID = 'SK2020.Death.active-mean-at-point';

export function lastLayerActiveMean(c: DeathNetConfig, zeroIsActive = false): number {
  const hidden = c.widths.slice(1);
  const last = hidden[hidden.length - 1];
  if (c.biasStd > 0) return last / 2;
  const alive = aliveProbability(hidden.slice(0, -1));
  return zeroIsActive ? (last / 2) * alive + last * (1 - alive) : (last / 2) * alive;
}

export const deathActiveMeanAtPoint: Theorem<DeathNetConfig> = {
  id: ID,
  title: 'E[active neurons of the last hidden layer at x] = (N_d/2)·∏_{l<d}(1 − 2^{−N_l}) with zero biases, N_d/2 with symmetric biases',
  paper: citeSK('abstract (distribution of active neurons); docs/claims.md §1.2 [D]'),
  provenance: 'D',
  statement: 'At a fixed x ≠ 0: with zero biases E[A_d] = (N_d/2)·∏_{l<d}(1 − 2^{−N_l}); with i.i.d. N(0, s_b²) biases E[A_d] = N_d/2 (a neuron with z = 0 is inactive).',
  hypotheses: ['weights i.i.d. N(0, c/fan-in); biases zero or i.i.d. N(0, s_b²)', 'x fixed and non-zero; active iff z > 0'],
  verification: '[D] derived in the header.',
  unit: { kind: 'continuous', description: 'one network: the number of active neurons (z > 0) of its last hidden layer at x' },
  domain(c) {
    throwIf(ID, deathNetProblem(c) ?? pointProblem(c.x, c.widths[0]));
    return c;
  },
  predict: (c) => equals(lastLayerActiveMean(c)),
};
