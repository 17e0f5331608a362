/**
 * NeurIPS 2019: the number of activation regions in a 2-D cross-section does not grow with depth at
 * a fixed number of neurons (the bound (T·N)²/2! has no depth in it; "the depth-independent bound
 * is tight"). Test: N neurons split evenly over d layers, the same cross-section; the slope of
 * log E[#regions] against depth is at most RESOLUTION (0.1 per layer, as for lines): one-sided — a
 * count that falls with depth (as it does at larger biases, measured ~10% per layer at s_b ~ 0.3)
 * does not contradict a depth-independent bound. The exponential alternative 2^depth is a reject twin.
 *
 * Setting: the paper's — a 2-D cross-section of a high-dimensional input space through three data
 * points (its experiments: MNIST, 784-D), here n_in ≥ 8 and the triangle through three points drawn
 * N(0, I), with biases from the experiments' tiny scale up. In a 2-D *input* space with tiny biases
 * every first-layer line nearly passes through the origin (the "collapse" the experiments' bias
 * variance prevents); in a square away from the origin the count then grows with depth (34.7 → 53.4
 * over depths 1–4 at N = 48, s_b ≈ 0.01, while the bound is ≈ 1500): a reproduction row of the
 * property file, not asserted.
 *
 * Verification. [P] NeurIPS abstract ("bounded by the total number of neurons raised to the input
 * dimension", "tight both at initialization and during training"); [R] Theorem 5; [R] the slices
 * through three data points (docs/claims.md §3.3).
 */
import { atMost } from '../relation';
import { throwIf, type Theorem } from '../types';
import { biasProblem, increasingProblem, triangleProblem, type TriangleSlice } from './plane-config';
import { citeNeurips } from './paper';

const ID = 'HR2019.Plane.depth-independent';
export const RESOLUTION = 0.1;
/** The smallest input dimension of the paper's setting asserted here (file header). */
export const MIN_INPUT_DIM = 8;

export interface PlaneDepthSweepConfig {
  neurons: number;
  depths: number[];
  biasStd: number;
  slice: TriangleSlice;
}

export const planeDepthIndependent: Theorem<PlaneDepthSweepConfig> = {
  id: ID,
  title: 'Regions in a 2-D slice do not grow with depth at a fixed number of neurons',
  paper: citeNeurips('abstract (depth-independent bound, tight at initialization); Theorem 5'),
  provenance: 'P',
  statement: `He initialisation, N neurons split evenly over d layers, a 2-D cross-section of an input space of dimension ≥ ${MIN_INPUT_DIM}: the slope of log E[#regions in the cross-section] against d is at most ${RESOLUTION} (the count does not grow with depth).`,
  hypotheses: ['weights i.i.d. N(0, 2/fan-in), biases N(0, s_b²), s_b > 0', `the triangle through three points of an input space of dimension n_in ≥ ${MIN_INPUT_DIM} (the experiments: MNIST) — see the file header for 2-D inputs`, 'fixed cross-section and total number of neurons; width N/d', `resolution ${RESOLUTION} per layer in log count, one-sided`],
  verification: '[P] NeurIPS 2019 abstract; [R] Theorem 5. The resolution is this suite\'s reading of "does not grow with depth".',
  unit: { kind: 'groups', description: 'one network of depth d and width N/d, at x = d: its exact number of activation regions in the cross-section' },
  domain(c) {
    throwIf(ID, biasProblem(c.biasStd) ?? triangleProblem(c.slice) ?? (c.slice.inputDim >= MIN_INPUT_DIM ? undefined : `slice.inputDim must be ≥ ${MIN_INPUT_DIM} (the paper's high-dimensional setting; file header); got ${c.slice.inputDim}`) ?? (Number.isInteger(c.neurons) && c.neurons >= 1 ? undefined : `neurons must be an integer ≥ 1; got ${c.neurons}`) ?? increasingProblem('depths', c.depths, c.neurons));
    return c;
  },
  predict: () => atMost(RESOLUTION),
};
