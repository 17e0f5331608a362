/**
 * One hidden layer, exact: the expected number of breakpoints on a segment (the depth-1 anchor of
 * Hanin & Rolnick's line counts, and the validation of the exact counter).
 *
 * N neurons z_j(x) = w_j·x + b_j, w_j ~ N(0, s_w² I) (s_w² = c/n_in), b_j ~ N(0, s_b²). On
 * x(t) = x0 + t·u (‖u‖ = 1, t ∈ [0, T]) neuron j breaks at t* = −(w·x0 + b)/(w·u). Decompose w
 * along u: w·u = s_w·G₁ and w·x0 + b = s_w·(m·G₁ + g·G₂) with m = u·x0, g² = ‖x0‖² − m² + s_b²/s_w²
 * and G₁, G₂ independent N(0, 1), so −t* = m + g·G₂/G₁ is Cauchy(m, g) and
 *
 *     E[# breakpoints on the segment] = (N/π)·[arctan((T + m)/g) − arctan(m/g)]     [D]
 *
 * (the count itself is Binomial(N, p) with that p = E/N). On the whole line every neuron breaks
 * exactly once (a.s.), so the count is N — the counter's validation tests check that per network.
 *
 * Verification. [D] derived above; docs/claims.md §3.2 records the same law with an MC check
 * (n_in = 5, N = 40, s_b = 0.3, T = 2: 11.350 ± 0.020 vs 11.339).
 */
import { equals } from '../relation';
import { OutOfDomainError, type Theorem } from '../types';
import { checkLineConfig, neurons, type LineNetConfig } from './line-config';
import { citeIcml } from './paper';

const ID = 'HR2019.Lines.one-layer';

/** m = u·x0 and g = sqrt(‖x0‖² − m² + s_b²/s_w²) of the Cauchy law; `swapped` exchanges s_b and s_w (a reject twin). */
export function cauchyParameters(c: LineNetConfig, swapped = false): { m: number; g: number } {
  const sw2 = c.weightScale / c.inputDim;
  const sb2 = c.biasStd ** 2;
  const { x0, u } = c.segment;
  const m = x0.reduce((s, v, i) => s + v * u[i], 0);
  const perp2 = Math.max(0, x0.reduce((s, v) => s + v * v, 0) - m * m);
  return { m, g: Math.sqrt(perp2 + (swapped ? sw2 / sb2 : sb2 / sw2)) };
}

export function oneLayerBreakpoints(c: LineNetConfig, swapped = false): number {
  const { m, g } = cauchyParameters(c, swapped);
  const T = c.segment.length;
  return (neurons(c.widths) / Math.PI) * (Math.atan((T + m) / g) - Math.atan(m / g));
}

export const oneLayerLaw: Theorem<LineNetConfig> = {
  id: ID,
  title: 'One hidden layer: the expected number of breakpoints on a segment is (N/π)[arctan((T+m)/g) − arctan(m/g)]',
  paper: citeIcml('§3 ("the average number of regions along any one-dimensional subspace grows linearly in the total number of neurons"); exact depth-1 law derived (docs/claims.md §3.2)'),
  provenance: 'D',
  statement:
    'For one hidden ReLU layer of N neurons with w ~ N(0, s_w² I), b ~ N(0, s_b²) and the segment x0 + t·u, t ∈ [0, T], ‖u‖ = 1: E[#breakpoints] = (N/π)[arctan((T + m)/g) − arctan(m/g)], m = u·x0, g = √(‖x0‖² − m² + s_b²/s_w²).',
  hypotheses: ['exactly one hidden layer', 'weights i.i.d. N(0, c/n_in), biases i.i.d. N(0, s_b²) with s_b > 0', 'segment fixed, ‖u‖ = 1', 'breakpoints counted exactly (float64)'],
  verification: '[D] derived in the file header (−t* is Cauchy(m, g)); docs/claims.md records an MC check of the same law. The paper states only the linear growth in N.',
  unit: { kind: 'continuous', description: 'one network: its number of breakpoints on the segment, counted exactly' },
  domain(c) {
    checkLineConfig(ID, c);
    if (c.widths.length !== 1) throw new OutOfDomainError(ID, `the law is for one hidden layer; got widths ${JSON.stringify(c.widths)}`);
    return c;
  },
  predict: (c) => equals(oneLayerBreakpoints(c)),
};
