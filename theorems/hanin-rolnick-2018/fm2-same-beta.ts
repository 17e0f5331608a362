/**
 * Architecture, not depth (Hanin & Rolnick 2018, abstract: FM2 "is avoided by keeping constant the
 * sum of the reciprocals of layer widths"; §1: "the width should grow approximately linearly with the
 * depth to avoid FM2").
 *
 * Two He Gaussian networks with the same β = Σ 1/n_j — A: depth d at width w, B: depth 2d at width
 * 2w — have nearly the same second moment: E[M²]/M_0² is (1 + 5/w)^d for A and (1 + 5/(2w))^{2d} =
 * (1 + 5/w + 25/(4w²))^d for B; both ≈ exp(5β), and their difference is only O(d/w²). So doubling
 * depth together with width leaves FM2 where it was, while doubling depth at constant width squares
 * the factor (HR2018.FM2.gaussian). The claim tested: E[(M_d/M_0)²]_A − E[(M_d/M_0)²]_B equals the
 * exact difference (1 + 5/w)^d − (1 + 5/(2w))^{2d}, two-sided (Welch interval on two independent
 * ensembles).
 *
 * Verification. [P] abstract and §1 conclusions; [D] the exact products.
 */
import { OutOfDomainError, type Theorem } from '../types';
import { equals } from '../relation';
import { cite } from './paper';

export interface SameBetaConfig {
  /** Input width. */
  n0: number;
  /** Width w of network A; network B has width 2w. */
  width: number;
  /** Depth d of network A; network B has depth 2d. */
  depth: number;
}

export const ID = 'HR2018.FM2.same-beta';

export const widthsA = (c: SameBetaConfig): number[] => [c.n0, ...Array<number>(c.depth).fill(c.width)];
export const widthsB = (c: SameBetaConfig): number[] => [c.n0, ...Array<number>(2 * c.depth).fill(2 * c.width)];
export const secondMomentA = (c: SameBetaConfig): number => (1 + 5 / c.width) ** c.depth;
export const secondMomentB = (c: SameBetaConfig): number => (1 + 5 / (2 * c.width)) ** (2 * c.depth);

export const fm2SameBeta: Theorem<SameBetaConfig> = {
  id: ID,
  title: 'FM2 is architectural: depth d at width w and depth 2d at width 2w (same β) have nearly the same E[M²]',
  paper: cite('abstract ("keeping constant the sum of the reciprocals of layer widths"); §1 conclusions (width growing linearly with depth)'),
  provenance: 'D',
  statement: 'He Gaussian, zero biases: E[M²]/M_0² at (depth d, width w) minus at (depth 2d, width 2w) equals (1 + 5/w)^d − (1 + 5/(2w))^{2d} = O(d/w²), although both are ≈ exp(5β).',
  hypotheses: ['fully connected, every layer ReLU, zero biases, He Gaussian weights', 'A: d layers of width w; B: 2d layers of width 2w (same β = d/w)'],
  verification: '[P] abstract and §1; [D] exact products (docs/claims.md §2.3).',
  unit: {
    kind: 'two-sample',
    description: 'two independent ensembles of random networks, A (depth d, width w) and B (depth 2d, width 2w): per network (M/M_0)² at the output, averaged over a few fixed inputs shared by A and B',
  },
  domain: (c) => {
    for (const [name, v] of [['n0', c.n0], ['width', c.width], ['depth', c.depth]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new OutOfDomainError(ID, `${name} must be an integer ≥ 1; got ${v}`);
    }
    return c;
  },
  predict: (c) => equals(secondMomentA(c) - secondMomentB(c)),
};
