/**
 * One hidden layer on a 2-D input, exact: the expected number of activation regions in a square (the
 * depth-1 anchor of Hanin & Rolnick's 2-D counts, and the validation of the exact 2-D counter).
 *
 * N neurons z_j(x) = w_j·x + b_j on x ∈ R², w_j ~ N(0, s_w² I₂), b_j ~ N(0, s_b²) (He: s_w² = 2/2 = 1),
 * and a square K. The regions of one layer are the cells of the arrangement of its N zero lines, so
 * for lines in general position (a.s.) every line that crosses K adds 1 region plus 1 for each earlier
 * line it meets inside K:
 *
 *     #regions in K = 1 + #{lines crossing K} + #{pairs of lines meeting inside K},
 *
 *     E[#regions in K] = 1 + N·p₁ + C(N, 2)·p₂.                                          [D]
 *
 * The sphere picture. Write a row as (w, b) = (s_w g₁, s_w g₂, s_b g₃), g ~ N(0, I₃). Then
 * w·x + b = g·(s_w x, s_b): the zero line of a neuron is the great circle orthogonal to g/‖g‖ (uniform
 * on S²), read through the gnomonic map x ↦ (s_w x, s_b)/‖·‖. K maps to a convex spherical polygon K̂
 * with vertices ŷ_k = (s_w v_k, s_b)/‖·‖ (v_k the corners of K; s_b > 0).
 *
 * p₁ = P(a line crosses K) = P(a uniform great circle meets K̂) = perimeter(K̂)/(2π): the great circle
 *      misses K̂ iff ±g lies in the polar cone of K̂, whose spherical area is 2π − perimeter(K̂) (the
 *      polar of a convex spherical polygon), and the two signs give 2(2π − perimeter)/(4π). So
 *
 *          p₁ = (1/2π)·Σ_k ∠(ŷ_k, ŷ_{k+1}).
 *
 *      Equivalently (the quadrature cross-check, `lineCrossProbabilityByQuadrature`): the line is
 *      θ·x = d with θ = w/‖w‖ uniform on the circle and d = −b/‖w‖ = c·Z/χ₂ independent of θ
 *      (c = s_b/s_w), whose law is P(|d| ≤ r) = r/√(c² + r²); it crosses K iff
 *      −h_K(−θ) ≤ d ≤ h_K(θ) (h_K the support function), so
 *      p₁ = (1/2π)∫ [G(h_K(θ)) − G(−h_K(−θ))] dθ with G(x) = x/(2√(c² + x²)).
 * p₂ = P(two lines meet inside K): the meeting point x of two independent lines satisfies
 *      g·(s_w x, s_b) = 0 for both rows, so (s_w x, s_b) ∝ the null vector n of a 2×3 Gaussian matrix,
 *      uniform on S² (rotation invariance), and x = c·(n₁/n₃, n₂/n₃) — the gnomonic projection of the
 *      uniform sphere, with density (1/(2πc²))(1 + ‖x‖²/c²)^{−3/2}. So p₂ = Ω(K at height c)/(2π),
 *      the solid angle of K lifted to height c seen from the origin, over 2π. For the square
 *      [x₀, x₁] × [y₀, y₁] the density integrates in closed form, F(x, y) = ∫₀^x∫₀^y =
 *      (1/2π)·arctan(xy/(c√(c² + x² + y²))), and p₂ = F(x₁, y₁) − F(x₀, y₁) − F(x₁, y₀) + F(x₀, y₀)
 *      (cross-check: the Van Oosterom–Strackee solid angle of the lifted square,
 *      `vertexInsideProbabilityBySolidAngle`).
 *
 * Limits: as K grows to the whole plane, p₁, p₂ → 1 and E[#regions] → 1 + N + C(N, 2), the number of
 * cells of N lines in general position. As s_b → 0 every line passes near the origin: for a square
 * around the origin p₁, p₂ → 1 still (near-collapse, every vertex within ~s_b/s_w of the origin), for
 * a square away from it p₂ → 0 and p₁ → the fraction of directions the square subtends. The law is
 * exact at every s_b > 0; what limits the property's domain is the counter's resolution (its
 * tolerance rules resolve features down to 1e-12 of the domain's diameter), which the derivation puts
 * far below the regions' size at s_b ≥ 1e-3 (vertices spread over ~s_b/s_w).
 *
 * Verification. [D] derived above; unit-tested (theorems.test.ts) against a Monte Carlo of 10⁶ lines
 * and 10⁶ pairs of lines, against the quadrature and the solid-angle forms, and against the
 * whole-plane limit. The paper states only the order N²/2 per unit area (Theorem 5).
 */
import { equals } from '../relation';
import { throwIf, type Theorem } from '../types';
import { biasProblem, squareProblem, type SquareSpec } from './plane-config';
import { citeNeurips } from './paper';

const ID = 'HR2019.Plane.one-layer';

/** s_w for He weights on a 2-D input: Var(w) = 2/fan-in = 1. */
export const HE_WEIGHT_STD_2D = 1;

export interface PlaneOneLayerConfig {
  /** N, the neurons of the one hidden layer. */
  neurons: number;
  /** s_b > 0. */
  biasStd: number;
  square: SquareSpec;
}

/** The square's corners, counter-clockwise. */
export function squareCorners(sq: SquareSpec): [number, number][] {
  const [cx, cy] = sq.center;
  const h = sq.halfSide;
  return [
    [cx - h, cy - h],
    [cx + h, cy - h],
    [cx + h, cy + h],
    [cx - h, cy + h],
  ];
}

/** c = s_b/s_w, the scale of the lines' distances to the origin (the height of the gnomonic lift). */
const liftHeight = (biasStd: number, weightStd = HE_WEIGHT_STD_2D): number => biasStd / weightStd;

type V3 = [number, number, number];
const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V3): number => Math.hypot(a[0], a[1], a[2]);
/** The angle between two vectors, accurate at every size (atan2 of |a × b| and a·b). */
const angle = (a: V3, b: V3): number => Math.atan2(norm(cross(a, b)), dot(a, b));

/** p₁ = perimeter(K̂)/(2π): the probability that one neuron's zero line crosses the square. */
export function lineCrossProbability(sq: SquareSpec, biasStd: number, weightStd = HE_WEIGHT_STD_2D): number {
  const c = liftHeight(biasStd, weightStd);
  const y = squareCorners(sq).map(([a, b]): V3 => [a, b, c]);
  let perimeter = 0;
  for (let k = 0; k < 4; k++) perimeter += angle(y[k], y[(k + 1) % 4]);
  return perimeter / (2 * Math.PI);
}

/** F(x, y) = P(the meeting point lies in the signed rectangle [0, x] × [0, y]) = (1/2π)·arctan(xy/(c√(c² + x² + y²))). */
const quadrantMass = (x: number, y: number, c: number): number => Math.atan((x * y) / (c * Math.sqrt(c * c + x * x + y * y))) / (2 * Math.PI);

/** p₂: the probability that the zero lines of two neurons meet inside the square (closed form by inclusion–exclusion). */
export function vertexInsideProbability(sq: SquareSpec, biasStd: number, weightStd = HE_WEIGHT_STD_2D): number {
  const c = liftHeight(biasStd, weightStd);
  const [cx, cy] = sq.center;
  const h = sq.halfSide;
  const [x0, x1, y0, y1] = [cx - h, cx + h, cy - h, cy + h];
  return quadrantMass(x1, y1, c) - quadrantMass(x0, y1, c) - quadrantMass(x1, y0, c) + quadrantMass(x0, y0, c);
}

/** E[#regions in K] = 1 + N·p₁ + C(N, 2)·p₂ (`factor` scales the count part: 2 and offset −1 give a counter reporting 2·#regions − 1). */
export function oneLayerRegions(c: PlaneOneLayerConfig): number {
  const N = c.neurons;
  return 1 + N * lineCrossProbability(c.square, c.biasStd) + ((N * (N - 1)) / 2) * vertexInsideProbability(c.square, c.biasStd);
}

// ---- Independent cross-checks (unit tests): a quadrature over directions, and the solid angle. ----

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton on P_n). */
function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

const GL = gaussLegendre(20);

function glOn(f: (t: number) => number, a: number, b: number): number {
  const m = (a + b) / 2;
  const r = (b - a) / 2;
  let s = 0;
  for (let i = 0; i < GL.x.length; i++) s += GL.w[i] * f(m + r * GL.x[i]);
  return s * r;
}

/** Adaptive composite Gauss–Legendre (20 points): split until the two halves agree with the whole to `tol`. */
export function adaptiveIntegral(f: (t: number) => number, a: number, b: number, tol = 1e-13, depth = 0): number {
  const whole = glOn(f, a, b);
  const m = (a + b) / 2;
  const left = glOn(f, a, m);
  const right = glOn(f, m, b);
  if (Math.abs(left + right - whole) <= tol || depth >= 40) return left + right;
  return adaptiveIntegral(f, a, m, tol / 2, depth + 1) + adaptiveIntegral(f, m, b, tol / 2, depth + 1);
}

/**
 * p₁ by quadrature over the line's direction θ: (1/2π)∫ [G(h_K(θ)) − G(−h_K(−θ))] dθ, G(x) =
 * x/(2√(c² + x²)), split at the support function's kinks (multiples of π/2) and at the zeros of
 * h_K(θ) and h_K(−θ) (where G is steep when c is small).
 */
export function lineCrossProbabilityByQuadrature(sq: SquareSpec, biasStd: number, weightStd = HE_WEIGHT_STD_2D, tol = 1e-13): number {
  const c = liftHeight(biasStd, weightStd);
  const [cx, cy] = sq.center;
  const h = sq.halfSide;
  const G = (x: number): number => x / (2 * Math.sqrt(c * c + x * x));
  const spread = (t: number): number => h * (Math.abs(Math.cos(t)) + Math.abs(Math.sin(t)));
  const f = (t: number): number => {
    const m = cx * Math.cos(t) + cy * Math.sin(t);
    const s = spread(t);
    return G(m + s) - G(m - s);
  };
  const cuts = [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2, 2 * Math.PI];
  // Zeros of m(θ) ± s(θ): on quadrant q, s = h(σx cos θ + σy sin θ), so m ± s = A cos θ + B sin θ.
  for (let q = 0; q < 4; q++) {
    const sx = q === 0 || q === 3 ? 1 : -1;
    const sy = q < 2 ? 1 : -1;
    for (const sign of [1, -1]) {
      const A = cx + sign * h * sx;
      const B = cy + sign * h * sy;
      for (const t0 of [Math.atan2(-A, B), Math.atan2(A, -B)]) {
        const t = ((t0 % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        if (t > (q * Math.PI) / 2 && t < ((q + 1) * Math.PI) / 2) cuts.push(t);
      }
    }
  }
  cuts.sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < cuts.length; i++) if (cuts[i + 1] > cuts[i]) total += adaptiveIntegral(f, cuts[i], cuts[i + 1], tol);
  return total / (2 * Math.PI);
}

/** p₂ as the solid angle of the lifted square over 2π (Van Oosterom–Strackee, fan of two triangles). */
export function vertexInsideProbabilityBySolidAngle(sq: SquareSpec, biasStd: number, weightStd = HE_WEIGHT_STD_2D): number {
  const c = liftHeight(biasStd, weightStd);
  const y = squareCorners(sq).map(([a, b]): V3 => [a, b, c]);
  const tri = (a: V3, b: V3, d: V3): number => {
    const num = dot(a, cross(b, d));
    const den = norm(a) * norm(b) * norm(d) + dot(a, b) * norm(d) + dot(a, d) * norm(b) + dot(b, d) * norm(a);
    return 2 * Math.atan2(num, den);
  };
  return Math.abs(tri(y[0], y[1], y[2]) + tri(y[0], y[2], y[3])) / (2 * Math.PI);
}

export const planeOneLayerLaw: Theorem<PlaneOneLayerConfig> = {
  id: ID,
  title: 'One hidden layer on a 2-D input: E[#regions in a square] = 1 + N·p₁ + C(N, 2)·p₂ (p₁ = perimeter of the lifted square on S²/2π, p₂ = its solid angle/2π)',
  paper: citeNeurips('Theorem 5 (E[#regions]/area ≤ (T·#neurons)^{n_in}/n_in!); the exact one-layer law in 2-D derived here (docs/claims.md §3.2)'),
  provenance: 'D',
  statement:
    'One hidden ReLU layer of N neurons on R², w ~ N(0, I₂) (He), b ~ N(0, s_b²), square K: E[#regions in K] = 1 + N·p₁ + C(N, 2)·p₂ with p₁ = (1/2π)Σ_k ∠(ŷ_k, ŷ_{k+1}), ŷ_k = (v_k, s_b) over the corners v_k of K, and p₂ = (1/2π)·Σ± arctan(xy/(s_b√(s_b² + x² + y²))) over the corners (x, y) (inclusion–exclusion).',
  hypotheses: ['exactly one hidden layer on a 2-D input', 'weights i.i.d. N(0, 2/fan-in) = N(0, 1), biases i.i.d. N(0, s_b²) with s_b > 0', 'a fixed axis-aligned square', 'regions counted exactly (float64, engine/geometry/plane-regions.ts)'],
  verification:
    '[D] derived in the file header (gnomonic lift to S²: a line is a uniform great circle, the meeting point of two lines is a uniform point); unit-tested against Monte Carlo (10⁶ lines, 10⁶ pairs), a 1-D quadrature over directions (support function) and the solid angle to ≤ 1e-9, and the whole-plane limit 1 + N + C(N, 2). The paper states only the order N²/2 per unit area.',
  unit: { kind: 'continuous', description: 'one network: its number of activation regions in the square, counted exactly' },
  domain(c) {
    throwIf(ID, biasProblem(c.biasStd) ?? squareProblem(c.square) ?? (Number.isInteger(c.neurons) && c.neurons >= 1 && c.neurons <= 4096 ? undefined : `neurons must be an integer in [1, 4096]; got ${c.neurons}`));
    return c;
  },
  predict: (c) => equals(oneLayerRegions(c)),
};
