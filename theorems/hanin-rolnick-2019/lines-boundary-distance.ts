/**
 * "The average distance to the nearest region boundary at initialization scales like the inverse of
 * the number of neurons" (ICML 2019, abstract).
 *
 * Measured along a line: from a fixed point x, the distance along ±u to the nearest breakpoint
 * (an upper bound on the Euclidean distance to the boundary, and the quantity of docs/claims.md T3.8).
 * Test: fixed depth, widths w₁ < … < w_k; the exponent a of E[distance] ∝ N^a lies within −1 ±
 * RESOLUTION (0.15, as for the line counts). For one layer the exact law is
 * P(D > r) = (1 − q(r))^N with q(r) the Cauchy mass of (−r, r) (lines-one-layer.ts), so
 * E[D] ≈ 1/(2N·density(x)) for large N — exponent −1 up to O(1/N).
 *
 * Verification. [P] ICML abstract; [D] the one-layer law.
 */
import { within } from '../relation';
import { OutOfDomainError, type Theorem } from '../types';
import { netProblem, segmentProblem } from './line-config';
import { citeIcml } from './paper';

const ID = 'HR2019.Lines.boundary-distance';
export const RESOLUTION = 0.15;

export interface DistanceSweepConfig {
  inputDim: number;
  depth: number;
  widths: number[];
  biasStd: number;
  /** The point x (segment.x0) and direction u (segment.length unused). */
  point: number[];
  direction: number[];
}

export const boundaryDistance: Theorem<DistanceSweepConfig> = {
  id: ID,
  title: 'Distance from a point to the nearest region boundary (along a line) scales like 1/#neurons',
  paper: citeIcml('abstract ("the average distance to the nearest region boundary at initialization scales like the inverse of the number of neurons")'),
  provenance: 'P',
  statement: `He initialisation, fixed depth: the exponent a of E[distance along ±u from x to the nearest breakpoint] ∝ N^a lies within −1 ± ${RESOLUTION}.`,
  hypotheses: [
    'weights i.i.d. N(0, 2/fan-in), biases N(0, s_b²), s_b > 0',
    'fixed point and direction; constant width',
    `resolution ±${RESOLUTION} on the exponent`,
    'a 1/N law needs N large against the breakpoint density’s scale of variation: a nearly radial line of a near-homogeneous net (small s_b) has all first-layer breakpoints near the origin, and its nearest boundary stays there until N ≫ ‖x‖/g (the property domain excludes such lines)',
  ],
  verification: '[P] ICML 2019 abstract; measured along a line (docs/claims.md T3.8), not the full-space distance.',
  unit: { kind: 'groups', description: 'one network of constant width w and the configuration\'s depth, at x = N = d·w neurons: the distance along ±u from the point to its nearest breakpoint' },
  domain(c) {
    const problem =
      netProblem({ inputDim: c.inputDim, weightScale: 2, biasStd: c.biasStd }) ??
      segmentProblem({ x0: c.point, u: c.direction, length: 1 }, c.inputDim) ??
      (!Number.isInteger(c.depth) || c.depth < 1 ? `depth must be an integer ≥ 1; got ${c.depth}` : undefined) ??
      (!Array.isArray(c.widths) || c.widths.length < 2 || c.widths.some((w, i) => !Number.isInteger(w) || w < 1 || (i > 0 && w <= c.widths[i - 1]))
        ? `widths must be ≥ 2 increasing integers ≥ 1; got ${JSON.stringify(c.widths)}`
        : undefined);
    if (problem !== undefined) throw new OutOfDomainError(ID, problem);
    return c;
  },
  predict: () => within(-1, RESOLUTION, 'log'),
};
