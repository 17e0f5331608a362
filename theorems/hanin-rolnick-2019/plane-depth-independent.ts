/**
 * NeurIPS 2019: the number of activation regions in a 2-D cross-section is independent of depth at
 * a fixed number of neurons (the bound (T·N)²/2! has no depth in it; "the depth-independent bound
 * is tight"). Test: N neurons split evenly over d layers, the same square; the slope of
 * log E[#regions] against depth lies within 0 ± RESOLUTION (0.1 per layer, as for lines); the
 * exponential alternative 2^depth is a reject twin.
 *
 * Regime. The papers' experiments use tiny biases (variance 1e-6 "to prevent collapse of regions");
 * the property samples s_b ≤ 0.05. With larger biases (s_b ~ 0.3 at N = 48) the measured count
 * falls with depth by ~10% per layer — not a growth, reported as figure data, not asserted.
 *
 * Verification. [P] NeurIPS abstract ("bounded by the total number of neurons raised to the input
 * dimension", "tight both at initialization and during training"); [R] Theorem 5.
 */
import { within } from '../relation';
import { throwIf, type Theorem } from '../types';
import { biasProblem, increasingProblem, squareProblem, type SquareSpec } from './plane-config';
import { citeNeurips } from './paper';

const ID = 'HR2019.Plane.depth-independent';
export const RESOLUTION = 0.1;

export interface PlaneDepthSweepConfig {
  neurons: number;
  depths: number[];
  biasStd: number;
  square: SquareSpec;
}

export const planeDepthIndependent: Theorem<PlaneDepthSweepConfig> = {
  id: ID,
  title: 'Regions in a 2-D slice do not grow with depth at a fixed number of neurons',
  paper: citeNeurips('abstract (depth-independent bound, tight at initialization); Theorem 5'),
  provenance: 'P',
  statement: `He initialisation, 2-D input, N neurons split evenly over d layers: the slope of log E[#regions in a square] against d lies within 0 ± ${RESOLUTION}.`,
  hypotheses: ['2-D input space; weights i.i.d. N(0, 2/fan-in), biases N(0, s_b²), s_b > 0', 'fixed square and total number of neurons; width N/d', `resolution ±${RESOLUTION} per layer in log count`],
  verification: '[P] NeurIPS 2019 abstract; [R] Theorem 5. The resolution is this suite\'s reading of "independent of depth".',
  unit: { kind: 'groups', description: 'one network of depth d and width N/d, at x = d: its exact number of activation regions in the square' },
  domain(c) {
    throwIf(ID, biasProblem(c.biasStd) ?? squareProblem(c.square) ?? (Number.isInteger(c.neurons) && c.neurons >= 1 ? undefined : `neurons must be an integer ≥ 1; got ${c.neurons}`) ?? increasingProblem('depths', c.depths, c.neurons));
    return c;
  },
  predict: () => within(0, RESOLUTION, 'linear'),
};
