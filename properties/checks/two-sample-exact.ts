/**
 * Exact error rates of a test on two independent binomial counts (x₁ of n₁, x₂ of n₂): the
 * probability of a set of outcomes (x₁, x₂) — e.g. "the Newcombe bound rejects" — when the true
 * proportions are (p₁, p₂), and its supremum over a line p₁ − p₂ = d of the parameter square (the
 * boundary of a null, or the smallest effect of interest of a demonstration).
 *
 * Exact probability. The set is stored row by row: for each x₁ the x₂ it contains, as intervals. Its
 * probability is Σ_{x₁} P(X₁ = x₁) Σ_{[a, b] in row x₁} (F₂(b) − F₂(a − 1)), with the pmf and cdf
 * of each binomial summed in float64 (binomialWindow: terms below 1e-16 of the mode dropped, total
 * dropped mass < n·1e-16, added to the result so that it stays an upper bound).
 *
 * Supremum over the line (a rigorous upper bound, not a grid maximum). Parametrize the line by
 * t = p₂ ∈ [max(0, −d), min(1, 1 − d)], p₁ = t + d. For two parameter points e, t and any set A,
 * Hölder's inequality with exponents r and r/(r − 1) applied to P_t(A) = E_e[1_A · dP_t/dP_e] gives
 *     P_t(A) ≤ P_e(A)^{1 − 1/r} · M_r(e, t)^{1/r},   M_r(e, t) = E_e[(dP_t/dP_e)^r]
 *                                                   = m(p₁ᵉ, p₁ᵗ)^{n₁} · m(p₂ᵉ, p₂ᵗ)^{n₂},
 * with m(p, q) = p (q/p)^r + (1 − p)((1 − q)/(1 − p))^r (the r-th moment of a Bernoulli likelihood
 * ratio), for every r > 1 (Hölder; e.g. Lehmann & Romano 2005, the proof of Lemma 3.4.2 uses the same
 * device). m(p, ·) is convex with its minimum 1 at q = p, so M_r grows with |t − e|: on the half of a
 * grid cell nearest to the grid point e, M_r is largest at the cell's midpoint. The grid is uniform in
 * φ(t) = √n₁ asin √p₁ + √n₂ asin √p₂ (the variance-stabilizing scale, where the Fisher distance is
 * ≈ 2Δφ), so every half cell has about the same Fisher length, and the end cells reaching p ∈ {0, 1}
 * are bounded from their interior point (the likelihood ratio from an end point is unbounded, from an
 * interior point it is not). The bound over the whole line is the maximum over half cells of the best
 * of a ladder of r values; it exceeds the grid maximum by a few percent at the default spacing.
 *
 * References: Hölder's inequality for likelihood ratios, e.g. Lehmann & Romano (2005), Testing
 * Statistical Hypotheses, 3rd ed.; Anscombe (1948) for the arcsine scale of the binomial.
 */
import { binomialWindow } from './binomial';

const { asin, exp, log, max, min, sqrt } = Math;

/** A set of outcomes (x₁, x₂): per x₁ = 0..n₁, the sorted disjoint x₂ intervals [a, b] it contains. */
export interface OutcomeSet {
  n1: number;
  n2: number;
  rows: [number, number][][];
}

/** The set of (x₁, x₂) where `inside(x₁, x₂)` holds, row by row (n₁ + 1 rows of n₂ + 1 tests). */
export function outcomeSet(n1: number, n2: number, inside: (x1: number, x2: number) => boolean): OutcomeSet {
  for (const [name, n] of [['n1', n1], ['n2', n2]] as const) {
    if (!(Number.isInteger(n) && n >= 1)) throw new Error(`outcomeSet: ${name} must be an integer ≥ 1; got ${n}`);
  }
  const rows: [number, number][][] = [];
  for (let x1 = 0; x1 <= n1; x1++) {
    const row: [number, number][] = [];
    let start = -1;
    for (let x2 = 0; x2 <= n2; x2++) {
      const hit = inside(x1, x2);
      if (hit && start < 0) start = x2;
      if (!hit && start >= 0) {
        row.push([start, x2 - 1]);
        start = -1;
      }
    }
    if (start >= 0) row.push([start, n2]);
    rows.push(row);
  }
  return { n1, n2, rows };
}

/** Dense pmf of Binomial(n, p) on 0..n (window of binomialWindow, zeros outside) and the mass it drops. */
function densePmf(n: number, p: number): { pmf: Float64Array; dropped: number } {
  const w = binomialWindow(n, p);
  const pmf = new Float64Array(n + 1);
  let total = 0;
  for (let i = 0; i < w.pmf.length; i++) {
    pmf[w.start + i] = w.pmf[i];
    total += w.pmf[i];
  }
  return { pmf, dropped: max(0, 1 - total) };
}

function checkP(fn: string, name: string, p: number): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new Error(`${fn}: ${name} must be a probability in [0, 1]; got ${p}`);
}

/** P((X₁, X₂) ∈ set) for independent X₁ ~ Binomial(n₁, p₁), X₂ ~ Binomial(n₂, p₂) (upper bound within 1e-15 absolute). */
export function setProbability(set: OutcomeSet, p1: number, p2: number): number {
  checkP('setProbability', 'p1', p1);
  checkP('setProbability', 'p2', p2);
  const a = densePmf(set.n1, p1);
  const b = densePmf(set.n2, p2);
  const cdf = new Float64Array(set.n2 + 2); // cdf[k + 1] = P(X₂ ≤ k)
  for (let k = 0; k <= set.n2; k++) cdf[k + 1] = cdf[k] + b.pmf[k];
  let total = 0;
  for (let x1 = 0; x1 <= set.n1; x1++) {
    const w = a.pmf[x1];
    if (w === 0) continue;
    let row = 0;
    for (const [lo, hi] of set.rows[x1]) row += cdf[hi + 1] - cdf[lo];
    total += w * max(0, row);
  }
  return min(1, total + a.dropped + b.dropped);
}

/** The Hölder ladder of exponents r tried on each half cell. */
const HOLDER_R = [1.25, 1.5, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597];

/** log m(p, q) = log E_p[(L_q/p)^r] for one Bernoulli trial; p ∈ (0, 1), q ∈ [0, 1]. */
function logBernoulliMoment(p: number, q: number, r: number): number {
  const up = q === 0 ? 0 : p * exp(r * log(q / p));
  const down = q === 1 ? 0 : (1 - p) * exp(r * log((1 - q) / (1 - p)));
  return log(up + down);
}

/** Hölder bound on P_t(A) from P_e(A) (e interior), t the farthest point of the half cell. */
function holderBound(pe: number, n1: number, n2: number, d: number, e: number, t: number): number {
  if (pe <= 0) return 0; // P_e(A) = 0 at an interior point: A is empty
  let best = 1;
  const logPe = log(pe);
  for (const r of HOLDER_R) {
    const logM = n1 * logBernoulliMoment(e + d, t + d, r) + n2 * logBernoulliMoment(e, t, r);
    best = min(best, exp((1 - 1 / r) * logPe + logM / r));
  }
  return best;
}

export interface LineSupremum {
  /** Rigorous upper bound of sup_t P_{t + d, t}(A) over the whole line. */
  bound: number;
  /** Largest exact probability at a grid point, and where (p₂). */
  gridMax: number;
  at: number;
  /** Grid points evaluated. */
  points: number;
}

/**
 * Upper bound of the probability of `set` over the line p₁ − p₂ = d (module comment). `spacing` is
 * the grid step in φ (default 0.01: Fisher length ≈ 0.01 per half cell).
 */
export function lineSupremum(set: OutcomeSet, d: number, spacing = 0.01): LineSupremum {
  if (!(d > -1 && d < 1)) throw new Error(`lineSupremum: d (the difference p₁ − p₂ on the line) must be in (−1, 1); got ${d}`);
  if (!(spacing > 0 && spacing <= 1)) throw new Error(`lineSupremum: spacing must be in (0, 1]; got ${spacing}`);
  const { n1, n2 } = set;
  const lo = max(0, -d);
  const hi = min(1, 1 - d);
  const phi = (t: number): number => sqrt(n1) * asin(sqrt(min(1, max(0, t + d)))) + sqrt(n2) * asin(sqrt(min(1, max(0, t))));
  const f0 = phi(lo);
  const cells = Math.max(2, Math.ceil((phi(hi) - f0) / spacing));
  const step = (phi(hi) - f0) / cells;
  // Grid t_0 = lo < t_1 < … < t_cells = hi, uniform in φ (bisection: φ is increasing).
  const grid = new Float64Array(cells + 1);
  grid[0] = lo;
  grid[cells] = hi;
  for (let i = 1; i < cells; i++) {
    const target = f0 + i * step;
    let a = grid[i - 1];
    let b = hi;
    for (let k = 0; k < 60 && b - a > 1e-15; k++) {
      const m = 0.5 * (a + b);
      if (phi(m) < target) a = m;
      else b = m;
    }
    grid[i] = 0.5 * (a + b);
  }
  const prob = Float64Array.from(grid, (t) => setProbability(set, t + d, t));
  let gridMax = 0;
  let at = grid[0];
  for (let i = 0; i <= cells; i++) {
    if (prob[i] > gridMax) {
      gridMax = prob[i];
      at = grid[i];
    }
  }
  let bound = gridMax;
  for (let i = 0; i < cells; i++) {
    const left = grid[i];
    const right = grid[i + 1];
    const mid = 0.5 * (left + right);
    const leftEdge = i === 0 && (left + d <= 0 || left <= 0); // a pmf is degenerate at the line's end
    const rightEdge = i === cells - 1 && (right + d >= 1 || right >= 1);
    if (leftEdge && rightEdge) throw new Error('lineSupremum: the grid needs an interior point; lower spacing');
    if (leftEdge) bound = max(bound, holderBound(prob[i + 1], n1, n2, d, right, left));
    else if (rightEdge) bound = max(bound, holderBound(prob[i], n1, n2, d, left, right));
    else bound = max(bound, holderBound(prob[i], n1, n2, d, left, mid), holderBound(prob[i + 1], n1, n2, d, right, mid));
  }
  return { bound: min(1, bound), gridMax, at, points: cells + 1 };
}
