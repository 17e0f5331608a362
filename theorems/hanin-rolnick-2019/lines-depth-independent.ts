/**
 * At a fixed total number of neurons, the number of regions along a line does not grow with depth
 * (ICML 2019: "far below the exponential upper bound"; regions per unit length normalised by
 * #neurons stay roughly constant across depths, docs/claims.md §3.3).
 *
 * Test: the same segment; depths d₁ < … < d_k with constant width N/d; the slope b of
 * log E[#breakpoints] against depth is at most RESOLUTION = 0.1 (growth of at most ~10% per layer):
 * "do not grow", one-sided — a count that falls with depth (as it does at larger biases) does not
 * contradict a depth-independent bound. The exponential alternative of the worst-case bounds
 * (2^depth: b = log 2 ≈ 0.69) is a reject twin.
 *
 * Setting: the paper's, a high-dimensional input (its experiments: MNIST, 784-D, lines through data
 * points), here n_in ≥ 8. In a 2-D input space with tiny biases the first-layer hyperplanes nearly
 * pass through the origin (the "collapse" the experiments' bias variance is there to prevent) and a
 * segment running almost radially sees a count that grows with depth (0.87 → 2.30 over depths 1–6,
 * far below the bound): reported as a reproduction row by the property file, not asserted.
 *
 * Verification. [P] ICML abstract (linear in N, not exponential); [R] figure-level statement that
 * counts per neuron are flat in depth.
 */
import { atMost } from '../relation';
import { OutOfDomainError, type Theorem } from '../types';
import { netProblem, segmentProblem, type SegmentSpec } from './line-config';
import { citeIcml } from './paper';

const ID = 'HR2019.Lines.depth-independent';
export const RESOLUTION = 0.1;
/** The smallest input dimension of the paper's setting asserted here (file header). */
export const MIN_INPUT_DIM = 8;

export interface DepthSweepConfig {
  inputDim: number;
  /** Total hidden neurons N, divisible by every depth. */
  neurons: number;
  depths: number[];
  biasStd: number;
  segment: SegmentSpec;
}

export const depthIndependent: Theorem<DepthSweepConfig> = {
  id: ID,
  title: 'Breakpoints along a segment do not grow with depth at a fixed number of neurons',
  paper: citeIcml('abstract; figures of regions per unit length / #neurons across depths (docs/claims.md §3.3)'),
  provenance: 'P',
  statement: `He initialisation, N neurons split evenly over d layers, input dimension ≥ ${MIN_INPUT_DIM}: the slope of log E[#breakpoints] against d is at most ${RESOLUTION} (the count does not grow with depth).`,
  hypotheses: ['weights i.i.d. N(0, 2/fan-in), biases N(0, s_b²), s_b > 0', `a high-dimensional input (n_in ≥ ${MIN_INPUT_DIM}; the experiments: MNIST) — see the file header for 2-D inputs`, 'fixed segment and total number of neurons; width N/d', `resolution ${RESOLUTION} per layer in log count, one-sided`],
  verification: '[P] ICML 2019 abstract; [R] the figures. The resolution is this suite\'s reading of "does not grow with depth".',
  unit: { kind: 'groups', description: 'one network of depth d and width N/d, at x = d: its exact number of breakpoints on the segment' },
  domain(c) {
    const base =
      netProblem({ inputDim: c.inputDim, weightScale: 2, biasStd: c.biasStd }) ??
      segmentProblem(c.segment, c.inputDim) ??
      (c.inputDim >= MIN_INPUT_DIM ? undefined : `inputDim must be ≥ ${MIN_INPUT_DIM} (the paper's high-dimensional setting; file header); got ${c.inputDim}`);
    const problem =
      base ??
      (!Number.isInteger(c.neurons) || c.neurons < 1 ? `neurons must be an integer ≥ 1; got ${c.neurons}` : undefined) ??
      (!Array.isArray(c.depths) || c.depths.length < 2 || c.depths.some((d, i) => !Number.isInteger(d) || d < 1 || c.neurons % d !== 0 || (i > 0 && d <= c.depths[i - 1]))
        ? `depths must be ≥ 2 increasing divisors of neurons = ${c.neurons}; got ${JSON.stringify(c.depths)}`
        : undefined);
    if (problem !== undefined) throw new OutOfDomainError(ID, problem);
    return c;
  },
  predict: () => atMost(RESOLUTION),
};
