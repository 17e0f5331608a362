/**
 * Born dead (Lu, Shin, Su & Karniadakis 2020): "a deep ReLU network will eventually die in
 * probability as the depth goes to infinite".
 *
 * At a fixed input x ≠ 0 (symmetric continuous weights, zero or symmetric continuous biases), a
 * layer whose previous layer is alive is all-zero with probability 2^{−N_l}, independently of the
 * past (active-count-at-point.ts); with zero biases a dead layer stays dead. So
 *
 *     P(some hidden layer is all-zero at x) = 1 − ∏_l (1 − 2^{−N_l})   (= 1 − (1 − 2^{−N})^{L−1}
 *                                                                     for L − 1 layers of width N),
 *
 * which tends to 1 as the depth grows at fixed width (claims.md §1.5, MC-checked: N = 2, L = 10:
 * 0.924 vs 0.925). A network that is constant on a whole interval containing x has a layer that is
 * all-zero on the interval, in particular at x, so P(constant on the interval) ≤ that value
 * (LSSK2020.BornDead.domain-bound; tested one-sided).
 *
 * Verification. [P] abstract (dies in probability with depth); [D] the exact formula (claims.md
 * §1.5); [R] the paper's own bounds.
 */
import { type Theorem } from '../types';
import { citeLu } from './paper';
import { aliveProbability, deathNetProblem, pointProblem, throwIf, type DeathNetConfig } from './config';

export const ID_POINT = 'LSSK2020.BornDead.at-point';
export const ID_DOMAIN = 'LSSK2020.BornDead.domain-bound';

export const bornDeadAtPoint = (hidden: readonly number[]): number => 1 - aliveProbability(hidden);

export const bornDeadAtPointTheorem: Theorem<DeathNetConfig> = {
  id: ID_POINT,
  title: 'P(some hidden layer is all-zero at x) = 1 − ∏_l (1 − 2^{−N_l})',
  paper: citeLu('abstract ("will eventually die in probability as the depth goes to infinite"); born-dead probability (claims.md §1.5)'),
  provenance: 'D',
  statement: 'Symmetric continuous weights, zero or symmetric continuous biases, fixed x ≠ 0: P(some hidden layer is all-zero at x) = 1 − ∏_l (1 − 2^{−N_l}) → 1 with depth at fixed width.',
  hypotheses: ['weights i.i.d. N(0, c/fan-in); biases zero or i.i.d. N(0, s_b²)', 'x fixed and non-zero; a layer is all-zero iff none of its neurons has z > 0'],
  verification: '[P] abstract; [D] exact formula, MC-checked in claims.md §1.5.',
  domain(c) {
    throwIf(ID_POINT, deathNetProblem(c) ?? pointProblem(c.x, c.widths[0]));
    return c;
  },
  predict: (c) => bornDeadAtPoint(c.widths.slice(1)),
};

export interface DomainConfig {
  /** [1, n_1, …, n_d]: 1-D input. */
  widths: number[];
  biasStd: number;
  /** The interval [a, c] ∋ x of the bound (x = its midpoint when non-zero, else c). */
  interval: [number, number];
}

export const bornDeadDomainBound: Theorem<DomainConfig> = {
  id: ID_DOMAIN,
  title: 'P(network constant on an interval) ≤ 1 − ∏_l (1 − 2^{−N_l})',
  paper: citeLu('born dead: a network that is constant on its domain (claims.md §1.5); the bound by the at-a-point probability is derived'),
  provenance: 'D',
  statement: '1-D input, symmetric continuous weights and zero or symmetric biases: P(some hidden layer is identically zero on [a, c]) ≤ 1 − ∏_l (1 − 2^{−N_l}).',
  hypotheses: ['1-D input; weights i.i.d. N(0, c/fan-in); biases zero or i.i.d. N(0, s_b²)', 'the interval contains a point x ≠ 0', '"constant on the interval" is measured as a hidden layer identically zero there (exact, from the piecewise-linear pieces)'],
  verification: '[D] a layer zero on the interval is zero at x ∈ [a, c].',
  domain(c) {
    const [a, b] = Array.isArray(c.interval) ? c.interval : [NaN, NaN];
    throwIf(
      ID_DOMAIN,
      deathNetProblem(c) ??
        (c.widths[0] !== 1 ? `the input must be 1-D; got n_0 = ${c.widths[0]}` : undefined) ??
        (Number.isFinite(a) && Number.isFinite(b) && a < b && !(a === 0 && b === 0) ? undefined : `interval must be [a, c] with finite a < c; got ${JSON.stringify(c.interval)}`),
    );
    return c;
  },
  predict: (c) => bornDeadAtPoint(c.widths.slice(1)),
};
