/**
 * NeurIPS 2019, Theorem 5: the average number of activation regions in a 2-D cross-section grows
 * like #neurons² (E[#regions]/area ≤ (T·#neurons)²/2!), not exponentially in depth.
 *
 * What is tested. The count in a square splits exactly (Euler's formula for the planar graph of
 * region boundaries: every interior vertex is a transversal crossing of two neurons' bent zero
 * lines, of degree 4; a zero line ends only on the square's boundary):
 *
 *     #regions = 1 + V_int + V_bd/2 + (#boundary components − 1),
 *
 * V_bd the breakpoints on the square's four edges (a line count: linear in N, HR2019.Lines.*) and
 * V_int the crossings inside. The N² part is Q = #regions − 1 − V_bd/2 = V_int + (closed loops).
 * Every crossing belongs to one pair of distinct neurons, so E[Q] is a sum over the C(N, 2) =
 * N(N − 1)/2 pairs — the N²/2! of the theorem — and for one hidden layer E[Q] = C(N, 2)·p exactly
 * (p: the probability that two random lines meet in the square). Test: at fixed depth over widths
 * w, 2w, 4w, the exponent a in E[Q] ∝ C(N, 2)^a lies within 1 ± RESOLUTION (0.125, i.e. N^{2±0.25}:
 * separates pairs of neurons from the N of lines and from triples). Regressing on N instead would
 * carry the finite-N bias log(N(N−1))/log N ≈ 2.1 at N ≈ 10.

 * The constant T. docs/claims.md records that the paper's T is unverified ([R]), and that its
 * experiments use T ≈ 1 (96²/2! = 4608 for depth 3, width 32). It is not asserted: the property's
 * figure data reports the fitted T̂ = √(2·E[#regions]/area)/N per configuration.
 *
 * Verification. [R] Theorem 5 (docs/claims.md §3.2); [D] the Euler decomposition above.
 */
import { within } from '../relation';
import { throwIf, type Theorem } from '../types';
import { biasProblem, increasingProblem, squareProblem, type SquareSpec } from './plane-config';
import { citeNeurips } from './paper';

const ID = 'HR2019.Plane.neurons-squared';
export const RESOLUTION = 0.125;

export interface PlaneWidthSweepConfig {
  depth: number;
  widths: number[];
  biasStd: number;
  square: SquareSpec;
}

export const planeNeuronsSquared: Theorem<PlaneWidthSweepConfig> = {
  id: ID,
  title: 'Regions in a 2-D slice grow like #neurons²: the crossing part of the count is proportional to the C(N, 2) pairs of neurons (fixed depth)',
  paper: citeNeurips('Theorem 5 ("bounded by the total number of neurons raised to the input dimension"); 2-D cross-section experiments (docs/claims.md §3.2–3.3)'),
  provenance: 'R',
  statement: `He initialisation, 2-D input, fixed depth and square: the exponent a of E[#regions − 1 − V_bd/2] ∝ C(N, 2)^a lies within 1 ± ${RESOLUTION} (V_bd: breakpoints on the square's edges; C(N, 2) ≈ N²/2).`,
  hypotheses: ['2-D input space; weights i.i.d. N(0, 2/fan-in), biases N(0, s_b²), s_b > 0', 'fixed square and depth; constant width', `resolution ±${RESOLUTION} on the exponent of C(N, 2) (±${2 * RESOLUTION} on that of N)`],
  verification: '[R] Theorem 5 and its constant T (docs/claims.md §3.2); [D] the Euler decomposition #regions = 1 + V_int + V_bd/2 + (components − 1) (validated per network in engine/geometry tests).',
  unit: { kind: 'groups', description: 'one network of constant width w and the configuration\'s depth, at x = C(N, 2) pairs of its N = d·w neurons: its crossing count Q = #regions − 1 − V_bd/2 in the square' },
  domain(c) {
    throwIf(ID, biasProblem(c.biasStd) ?? squareProblem(c.square) ?? increasingProblem('widths', c.widths) ?? (Number.isInteger(c.depth) && c.depth >= 1 && c.depth <= 16 ? undefined : `depth must be an integer in [1, 16]; got ${c.depth}`));
    return c;
  },
  predict: () => within(1, RESOLUTION, 'log'),
};
