/**
 * "The average number of regions along any one-dimensional subspace grows linearly in the total
 * number of neurons" (ICML 2019, abstract) — at fixed depth, under He initialisation.
 *
 * Test: the same segment, depth d, constant width w over several widths (N = d·w); the growth
 * exponent a in E[#breakpoints] ∝ N^a, fitted on log–log, lies within a ± RESOLUTION of 1. The
 * resolution is the meaning of "linear" used here: ±0.15 separates N¹ from N^{1.5} (and from the N²
 * of 2-D slices), and from anything exponential. It is not a measured value.
 *
 * Verification. [P] ICML abstract; [D] heuristic in docs/claims.md §3.2 (every layer contributes about
 * Λ_0/π per neuron, see lines-kac-rice.ts), so the exponent is 1 up to finite-width corrections.
 */
import { within } from '../relation';
import { OutOfDomainError, type Theorem } from '../types';
import { netProblem, segmentProblem, type SegmentSpec } from './line-config';
import { citeIcml } from './paper';

const ID = 'HR2019.Lines.linear-in-neurons';
export const RESOLUTION = 0.15;

export interface WidthSweepConfig {
  inputDim: number;
  depth: number;
  /** Constant widths compared (one group each), increasing. */
  widths: number[];
  weightScale: number;
  biasStd: number;
  segment: SegmentSpec;
}

export const linearInNeurons: Theorem<WidthSweepConfig> = {
  id: ID,
  title: 'Breakpoints along a segment grow linearly in the number of neurons (fixed depth)',
  paper: citeIcml('abstract ("grows linearly in the total number of neurons, far below the exponential upper bound")'),
  provenance: 'P',
  statement: `He initialisation, fixed depth: the exponent a of E[#breakpoints on a segment] ∝ N^a lies within 1 ± ${RESOLUTION}.`,
  hypotheses: ['weights i.i.d. N(0, 2/fan-in), biases N(0, s_b²), s_b > 0', 'fixed segment and depth; constant width per network', `resolution ±${RESOLUTION} on the exponent (what "linear" means here)`],
  verification: '[P] ICML 2019 abstract. The exponent 1 is the paper\'s; the resolution is this suite\'s reading of "linearly".',
  unit: { kind: 'groups', description: 'one network of constant width w and the configuration\'s depth, at x = N = d·w neurons: its exact number of breakpoints on the segment' },
  domain(c) {
    const problem =
      netProblem(c) ??
      segmentProblem(c.segment, c.inputDim) ??
      (!Number.isInteger(c.depth) || c.depth < 1 || c.depth > 64 ? `depth must be an integer in [1, 64]; got ${c.depth}` : undefined) ??
      (!Array.isArray(c.widths) || c.widths.length < 2 || c.widths.some((w, i) => !Number.isInteger(w) || w < 1 || (i > 0 && w <= c.widths[i - 1]))
        ? `widths must be ≥ 2 increasing integers ≥ 1; got ${JSON.stringify(c.widths)}`
        : undefined) ??
      (c.weightScale !== 2 ? `the claim is about He initialisation (weightScale 2); got ${c.weightScale}` : undefined);
    if (problem !== undefined) throw new OutOfDomainError(ID, problem);
    return c;
  },
  predict: () => within(1, RESOLUTION, 'log'),
};
