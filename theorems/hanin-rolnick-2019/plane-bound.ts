/**
 * NeurIPS 2019, Theorem 5 with T = 1, in a 2-D cross-section: the mean number of activation regions
 * per unit area is at most (T·N)²/2! = N²/2 (N = #neurons, all layers together).
 *
 * The theorem bounds E[#regions in C]/vol(C) by (T·#neurons)^{n_in}/n_in! with T a constant that
 * depends on C_grad·C_bias and that could not be read ([R], docs/claims.md §3.2); on a 2-D
 * cross-section the exponent is the slice's dimension, 2. The experiments normalize counts by T = 1
 * — e.g. 96²/2 = 4608 regions per unit area for depth 3, width 32 (docs/claims.md §6.2) — and find
 * counts "of that order". So T = 1 is the normalization of the papers' experiments [S], not a
 * verified constant of the theorem: this claim asserts that the normalized bound holds,
 *
 *     E[#regions in K] ≤ area(K) · (T·N)^{n}/n!,   T = 1, n = 2,                           [S]
 *
 * one-sided, at depths 1–8 and bias scales from the experiments' 1e-3 to 1, in the paper's setting
 * (the triangle through three data-like points of a high-dimensional input; area in input-space
 * units) and in the data square of a 2-D input. How tight it is (count ÷ bound, and
 * T̂ = √(2·count/area)/N) is reported per configuration; "the bound is tight in practice" is a
 * reproduction row (depth 3, width 32), not an assertion.
 *
 * What the test can and cannot see. Measured before this claim was written (He weights, N = 24
 * neurons split over the layers): count ÷ bound ≤ 0.26 in [−1, 1]² of a 2-D input at depths 1–8 and
 * s_b 1e-3–0.5, and ≤ 0.03 in the triangle through three N(0, I) points of a 16-D input. A counter
 * off by a factor 2 (`double-counting`) therefore never exceeds this bound in the paper's regime:
 * the bound has no power against it (HR2019.Plane.one-layer, with its exact law, rejects that
 * counter). It does reject counts that grow like 2^{depth−1} — the classical exponential bound's
 * world — at depth 8, where 2⁷ × the tightness is ≫ 1.
 *
 * Verification. [R] Theorem 5 (docs/claims.md §3.2); [S] T = 1 from secondary descriptions of the
 * experiments (docs/claims.md §6.2), unverified.
 */
import { atMost } from '../relation';
import { throwIf, type Theorem } from '../types';
import { biasProblem, squareProblem, triangleProblem, type SquareSpec, type TriangleSlice } from './plane-config';
import { widthsProblem } from './line-config';
import { citeNeurips } from './paper';

const ID = 'HR2019.Plane.bound';

/** T of the bound: the experiments' normalization (docs/claims.md §6.2), not a verified constant. */
export const T_EXPERIMENTS = 1;

/** The 2-D domain: a square of a 2-D input space, or the triangle through three points of R^{n_in}. */
export type PlaneDomain = { kind: 'square'; square: SquareSpec } | { kind: 'triangle'; slice: TriangleSlice };

export interface PlaneBoundConfig {
  /** Hidden widths n_1, …, n_d (N = their sum). */
  widths: number[];
  biasStd: number;
  domain: PlaneDomain;
}

/** Area of the domain in input-space units: (2h)² for the square, ½√(‖u‖²‖v‖² − (u·v)²) for the triangle. */
export function domainArea(d: PlaneDomain): number {
  if (d.kind === 'square') return (2 * d.square.halfSide) ** 2;
  const [a, b, c] = d.slice.points;
  const u = b.map((x, i) => x - a[i]);
  const v = c.map((x, i) => x - a[i]);
  const uu = u.reduce((s, x) => s + x * x, 0);
  const vv = v.reduce((s, x) => s + x * x, 0);
  const uv = u.reduce((s, x, i) => s + x * v[i], 0);
  return 0.5 * Math.sqrt(Math.max(0, uu * vv - uv * uv));
}

export const totalNeurons = (widths: readonly number[]): number => widths.reduce((a, b) => a + b, 0);

/** area · (T·N)²/2!: the bound on E[#regions] in the 2-D domain. */
export function planeRegionBound(c: PlaneBoundConfig, T = T_EXPERIMENTS): number {
  const N = totalNeurons(c.widths);
  return (domainArea(c.domain) * (T * N) ** 2) / 2;
}

/** N neurons split as evenly as possible over `depth` layers (the larger widths first). */
export function splitNeurons(neurons: number, depth: number): number[] {
  return Array.from({ length: depth }, (_, i) => Math.floor(neurons / depth) + (i < neurons % depth ? 1 : 0));
}

export const planeBound: Theorem<PlaneBoundConfig> = {
  id: ID,
  title: 'Regions in a 2-D slice at most (T·N)²/2 per unit area with the experiments\' T = 1 (NeurIPS Theorem 5, n_in = 2)',
  paper: citeNeurips('Theorem 5 (E[#regions in C]/vol(C) ≤ (T·#neurons)^{n_in}/n_in!); T = 1 as in the experiments\' normalization, e.g. 96²/2 = 4608 (docs/claims.md §3.2, §6.2)'),
  provenance: 'S',
  statement: 'He Gaussian weights, biases N(0, s_b²), any depth: E[#activation regions in a 2-D domain K] ≤ area(K)·N²/2 (T = 1), K the triangle through three data-like points of an n_in-dimensional input or a square of a 2-D input.',
  hypotheses: [
    'weights i.i.d. N(0, 2/fan-in) (He), biases i.i.d. N(0, s_b²) with s_b > 0',
    'K a triangle through three points of R^{n_in} (a cross-section) or a square of R²; area in input-space units',
    'T = 1 is the experiments\' normalization, not a verified constant (docs/claims.md §6.2)',
  ],
  verification:
    '[R] Theorem 5 (docs/claims.md §3.2); [S] T = 1 from secondary descriptions of the experiments (96²/2 = 4608 for depth 3, width 32; docs/claims.md §6.2), not verified. Power: measured tightness ≤ 0.26 in [−1, 1]² of a 2-D input (N = 24, depths 1–8, s_b 1e-3–0.5) and ≤ 0.03 in the triangle through three N(0, I) points of a 16-D input, so a counter off by ×2 (double-counting) never exceeds the T = 1 bound in the paper\'s regime and is not a twin here (HR2019.Plane.one-layer rejects it); counts growing like 2^{depth−1} are rejected at depth 8.',
  unit: { kind: 'continuous', description: 'one network: its number of activation regions in the 2-D domain, counted exactly' },
  domain(c) {
    throwIf(
      ID,
      biasProblem(c.biasStd) ??
        widthsProblem(c.widths) ??
        (c.widths.length <= 16 ? undefined : `depth must be ≤ 16; got ${c.widths.length}`) ??
        (c.domain.kind === 'square' ? squareProblem(c.domain.square) : c.domain.kind === 'triangle' ? triangleProblem(c.domain.slice) : `domain.kind must be 'square' or 'triangle'; got ${JSON.stringify(c.domain)}`),
    );
    return c;
  },
  predict: (c) => atMost(planeRegionBound(c)),
};
