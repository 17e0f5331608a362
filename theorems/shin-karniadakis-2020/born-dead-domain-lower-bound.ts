/**
 * Deep ReLU networks die on their whole domain with probability → 1 in depth (Lu, Shin, Su &
 * Karniadakis 2020, abstract: "a deep ReLU network will eventually die in probability as the depth
 * goes to infinite"), with an exact lower bound for the 1-D domain [a, c] ∋ 0.
 *
 * Lower bound [D]. Zero biases make the network positively homogeneous: for x > 0 every hidden
 * layer's output is x·h_l(1), for x < 0 it is |x|·h_l(−1). A layer that is all-zero at 1 stays so
 * in every later layer (zero biases), and likewise at −1; so the network is dead on [a, c] (a < 0 < c:
 * some hidden layer identically zero there) iff it is dead both at 1 and at −1. Each of those has
 * probability 1 − ∏_l (1 − 2^{−N_l}) (born-dead-at-point.ts), and P(A ∩ B) ≥ P(A) + P(B) − 1:
 *
 *     P(dead on [a, c]) ≥ 1 − 2·∏_l (1 − 2^{−N_l})  →  1 as the depth grows at fixed width,
 *
 * while LSSK2020.BornDead.domain-bound gives the upper bound 1 − ∏_l (1 − 2^{−N_l}).
 *
 * Verification. [P] abstract; [D] the bound above (the paper's own bounds could not be read).
 */
import { type Theorem } from '../types';
import { atLeast } from '../relation';
import { citeLu } from './paper';
import { aliveProbability, deathNetProblem, throwIf } from './config';
import type { DomainConfig } from './born-dead-domain-bound';

const ID = 'LSSK2020.BornDead.domain-lower-bound';

/** 1 − 2·∏_l (1 − 2^{−N_l}) over the hidden widths (may be negative: then vacuous). */
export const deadOnDomainLowerBound = (hidden: readonly number[]): number => 1 - 2 * aliveProbability(hidden);

/** The least depth at which the bound is informative (> 0) for hidden layers of width N: (1 − 2^{−N})^d < ½. */
export function minInformativeDepth(N: number): number {
  if (!(Number.isInteger(N) && N >= 1 && N <= 30)) throw new Error(`minInformativeDepth: N must be an integer in [1, 30]; got ${N}`);
  let d = 1;
  while (deadOnDomainLowerBound(Array<number>(d).fill(N)) <= 0) d++;
  return d;
}

export const bornDeadDomainLowerBound: Theorem<DomainConfig> = {
  id: ID,
  title: 'P(dead on a domain around 0) ≥ 1 − 2·∏_l (1 − 2^{−N_l}) → 1 with depth (zero biases)',
  paper: citeLu('abstract ("will eventually die in probability as the depth goes to infinite")'),
  provenance: 'D',
  statement: 'Symmetric continuous weights, zero biases, 1-D input, interval [a, c] with a < 0 < c: P(some hidden layer is identically zero on [a, c]) ≥ 1 − 2·∏_l (1 − 2^{−N_l}), which tends to 1 as the depth grows at fixed width.',
  hypotheses: ['weights i.i.d. N(0, 2/fan-in), biases zero', '1-D input; the interval contains 0 in its interior'],
  verification: '[P] abstract; [D] homogeneity and the union bound (file header).',
  unit: { kind: 'binary', description: 'one network: 1 if some hidden layer is identically zero on [a, c] (exact, from its linear pieces)' },
  domain(c) {
    throwIf(
      ID,
      deathNetProblem(c) ??
        (c.widths[0] === 1 ? undefined : `the input must be 1-D; got n_0 = ${c.widths[0]}`) ??
        (c.biasStd === 0 ? undefined : `biasStd must be 0 (the bound uses positive homogeneity); got ${c.biasStd}`) ??
        (Array.isArray(c.interval) && c.interval[0] < 0 && c.interval[1] > 0 ? undefined : `interval must be [a, c] with a < 0 < c; got ${JSON.stringify(c.interval)}`) ??
        (deadOnDomainLowerBound(c.widths.slice(1)) > 0
          ? undefined
          : `widths must make the bound informative: 1 − 2·∏(1 − 2^{−N_l}) = ${deadOnDomainLowerBound(c.widths.slice(1)).toPrecision(4)} ≤ 0 (a vacuous bound is no test; e.g. width N needs depth ≥ minInformativeDepth(N): 3 for N = 2, 6 for 3, 11 for 4); got ${JSON.stringify(c.widths.slice(1))}`),
    );
    return c;
  },
  predict: (c) => atLeast(deadOnDomainLowerBound(c.widths.slice(1))),
};
