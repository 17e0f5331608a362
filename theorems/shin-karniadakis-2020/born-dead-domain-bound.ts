/**
 * Born dead on a domain (Lu, Shin, Su & Karniadakis 2020): a network that is constant on a whole
 * interval containing x has a layer that is all-zero on the interval, in particular at x, so
 *
 *     P(constant on the interval) ≤ P(some hidden layer all-zero at x) = 1 − ∏_l (1 − 2^{−N_l})
 *
 * (born-dead-at-point.ts; tested one-sided). "Constant on the interval" is measured exactly from the
 * piecewise-linear pieces as a hidden layer identically zero on [a, c].
 *
 * Verification. [D] a layer zero on the interval is zero at x ∈ [a, c]; [R] the paper's own bounds.
 */
import { type Theorem } from '../types';
import { atMost } from '../relation';
import { citeLu } from './paper';
import { bornDeadProbability, deathNetProblem, throwIf } from './config';

const ID = 'LSSK2020.BornDead.domain-bound';

export interface DomainConfig {
  /** [1, n_1, …, n_d]: 1-D input. */
  widths: number[];
  biasStd: number;
  /** The interval [a, c] ∋ x of the bound (x = its midpoint when non-zero, else c). */
  interval: [number, number];
}

export const bornDeadDomainBound: Theorem<DomainConfig> = {
  id: ID,
  title: 'P(network constant on an interval) ≤ 1 − ∏_l (1 − 2^{−N_l})',
  paper: citeLu('born dead: a network that is constant on its domain (docs/claims.md §1.5); the bound by the at-a-point probability is derived'),
  provenance: 'D',
  statement: '1-D input, symmetric continuous weights and zero or symmetric biases: P(some hidden layer is identically zero on [a, c]) ≤ 1 − ∏_l (1 − 2^{−N_l}).',
  hypotheses: ['1-D input; weights i.i.d. N(0, c/fan-in); biases zero or i.i.d. N(0, s_b²)', 'the interval contains a point x ≠ 0', '"constant on the interval" is measured as a hidden layer identically zero there (exact, from the piecewise-linear pieces)'],
  verification: '[D] a layer zero on the interval is zero at x ∈ [a, c].',
  unit: { kind: 'binary', description: 'one network: 1 if some hidden layer is identically zero on [a, c] (exact, from its pieces)' },
  domain(c) {
    const [a, b] = Array.isArray(c.interval) ? c.interval : [NaN, NaN];
    throwIf(
      ID,
      deathNetProblem(c) ??
        (c.widths[0] !== 1 ? `the input must be 1-D; got n_0 = ${c.widths[0]}` : undefined) ??
        (Number.isFinite(a) && Number.isFinite(b) && a < b && !(a === 0 && b === 0) ? undefined : `interval must be [a, c] with finite a < c; got ${JSON.stringify(c.interval)}`),
    );
    return c;
  },
  predict: (c) => atMost(bornDeadProbability(c.widths.slice(1))),
};
