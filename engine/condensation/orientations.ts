/**
 * Orientation analysis of a layer's input weights (Zhou, Zhou, Luo, Zhang & Xu 2022, docs/claims.md
 * §4.1): neuron j of a layer with fan-in d has the input weight u_j = (w_j, b_j) ∈ R^{d+1} (bias
 * included, as in the paper: x̃ = (x, 1)). Two neurons have the same orientation when their
 * normalized input weights are nearly parallel, D(u, v) = uᵀv/(|u||v|) ≈ 1; the same *line* when
 * they are parallel or opposite, |D| ≈ 1.
 *
 * Rules (all stated, none tuned per run; the calibration that fixed them is in
 * theorems/zhou-2022/rules.ts):
 * - negligible-norm filter: neuron j is analysed iff |u_j| ≥ c · max_k |u_k| (c = `negligibleFraction`;
 *   the paper drops |u| below a fixed absolute value, 0.001–0.04, which depends on the init scale —
 *   a fraction of the largest norm is scale-free);
 * - clustering: complete linkage (agglomerative, merging the two clusters whose *least* similar pair is
 *   most similar while that similarity is ≥ τ), so every cluster has all its pairwise similarities
 *   ≥ τ — a diameter bound, independent of the neurons' order. Orientations use the similarity D,
 *   lines |D|. Ties are broken by the lower index (deterministic).
 * - condensation score: the fraction of unordered pairs of analysed neurons with |D| ≥ τ.
 * - heat-map order: the neurons sorted by their component in the leading eigenvector of the similarity
 *   matrix S = UUᵀ (as the authors' notebook; U = the rows u_j/|u_j|). It is computed from the small
 *   (d+1)×(d+1) matrix UᵀU (mathjs `eigs`): S's leading eigenvector is U v₁ / σ₁.
 */
import type { DenseLayer64 } from '../train/params';

// mathjs ships its types as an ES module, which a CommonJS file cannot `import` (as in theorems/_internals/math.ts).
type MathJs = typeof import('mathjs', { with: { 'resolution-mode': 'import' } });
let mathjs: MathJs | undefined;
/** mathjs' eigs, required on first use: the full build takes ≈ 0.5 s to load, which every importer of this module (e.g. the fault catalog) would pay. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const eigs: MathJs['eigs'] = ((...args: Parameters<MathJs['eigs']>) => (mathjs ??= require('mathjs') as MathJs).eigs(...args)) as MathJs['eigs'];

export interface OrientationRules {
  /** c in (0, 1): neurons with |u_j| < c · max |u| are negligible. */
  negligibleFraction: number;
  /** τ in (0, 1): the cosine threshold of an orientation (D ≥ τ) and of a line (|D| ≥ τ). */
  cosineThreshold: number;
}

export interface OrientationAnalysis {
  /** |u_j| for every neuron. */
  norms: Float64Array;
  /** Indices of the analysed (non-negligible) neurons, in increasing order. */
  kept: number[];
  /** Normalized input weights of the kept neurons (row k ↔ neuron kept[k]). */
  units: Float64Array[];
  orientations: number;
  lines: number;
  /** Cluster label (0 …) of every kept neuron, orientation clusters. */
  orientationLabels: Int32Array;
  /** Fraction of pairs of kept neurons with |D| ≥ τ (1 when fewer than 2 neurons are kept). */
  score: number;
}

export function validateRules(r: OrientationRules, parameter = 'rules'): OrientationRules {
  if (r === null || typeof r !== 'object') throw new Error(`${parameter} must be { negligibleFraction, cosineThreshold }; got ${String(r)}`);
  if (!(Number.isFinite(r.negligibleFraction) && r.negligibleFraction > 0 && r.negligibleFraction < 1)) {
    throw new Error(`${parameter}.negligibleFraction must be a number in (0, 1); got ${r.negligibleFraction}`);
  }
  if (!(Number.isFinite(r.cosineThreshold) && r.cosineThreshold > 0 && r.cosineThreshold < 1)) {
    throw new Error(`${parameter}.cosineThreshold must be a number in (0, 1); got ${r.cosineThreshold}`);
  }
  return r;
}

/** The input weights u_j = (w_j, b_j) of a layer, one Float64Array of length fanIn + 1 per neuron. */
export function inputWeights(layer: DenseLayer64): Float64Array[] {
  const { fanIn, fanOut, weights, biases } = layer;
  return Array.from({ length: fanOut }, (_, j) => {
    const u = new Float64Array(fanIn + 1);
    u.set(weights.subarray(j * fanIn, (j + 1) * fanIn));
    u[fanIn] = biases[j];
    return u;
  });
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export const norm = (a: ArrayLike<number>): number => Math.sqrt(dot(a, a));

/** Cosine of the angle between two non-zero vectors (throws on a zero vector). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = norm(a);
  const nb = norm(b);
  if (!(na > 0 && nb > 0)) throw new Error(`cosine needs non-zero vectors; got norms ${na} and ${nb}`);
  return dot(a, b) / (na * nb);
}

/** Largest |u_j| of a layer. */
export function maxInputWeightNorm(layer: DenseLayer64): number {
  return inputWeights(layer).reduce((m, u) => Math.max(m, norm(u)), 0);
}

/**
 * Complete-linkage clusters of rows of `sim` (a symmetric similarity matrix, n × n, row-major) at
 * threshold τ: returns one label per row (labels 0, 1, … in order of first appearance).
 */
export function completeLinkage(sim: Float64Array, n: number, tau: number): Int32Array {
  // link[a·n + b] = min similarity between clusters a and b (clusters indexed by a representative).
  const link = Float64Array.from(sim);
  const alive = new Uint8Array(n).fill(1);
  const owner = Int32Array.from({ length: n }, (_, i) => i);
  for (;;) {
    let best = -Infinity;
    let bi = -1;
    let bk = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let k = i + 1; k < n; k++) {
        if (alive[k] && link[i * n + k] > best) {
          best = link[i * n + k];
          bi = i;
          bk = k;
        }
      }
    }
    if (bi < 0 || best < tau) break;
    alive[bk] = 0;
    for (let i = 0; i < n; i++) {
      if (!alive[i] || i === bi) continue;
      const v = Math.min(link[bi * n + i], link[bk * n + i]);
      link[bi * n + i] = v;
      link[i * n + bi] = v;
    }
    for (let i = 0; i < n; i++) if (owner[i] === bk) owner[i] = bi;
  }
  const labels = new Int32Array(n);
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!map.has(owner[i])) map.set(owner[i], map.size);
    labels[i] = map.get(owner[i])!;
  }
  return labels;
}

const countLabels = (labels: Int32Array): number => (labels.length ? Math.max(...labels) + 1 : 0);

/** Similarity matrix UUᵀ of unit rows (row-major n × n). */
export function similarityMatrix(units: readonly Float64Array[]): Float64Array {
  const n = units.length;
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = i; k < n; k++) {
      const v = i === k ? 1 : dot(units[i], units[k]);
      s[i * n + k] = v;
      s[k * n + i] = v;
    }
  }
  return s;
}

/** Orientation and line counts of one layer under `rules`. */
export function analyzeOrientations(layer: DenseLayer64, rules: OrientationRules): OrientationAnalysis {
  validateRules(rules);
  const u = inputWeights(layer);
  const norms = Float64Array.from(u, norm);
  const max = norms.reduce((m, r) => Math.max(m, r), 0);
  if (!(max > 0)) throw new Error('analyzeOrientations: every input weight of the layer is zero (no orientation defined)');
  const kept: number[] = [];
  norms.forEach((r, j) => {
    if (r >= rules.negligibleFraction * max) kept.push(j);
  });
  const units = kept.map((j) => u[j].map((v) => v / norms[j]));
  const n = kept.length;
  const sim = similarityMatrix(units);
  const absSim = sim.map(Math.abs);
  const orientationLabels = completeLinkage(sim, n, rules.cosineThreshold);
  const lineLabels = completeLinkage(absSim, n, rules.cosineThreshold);
  let close = 0;
  for (let i = 0; i < n; i++) for (let k = i + 1; k < n; k++) if (absSim[i * n + k] >= rules.cosineThreshold) close++;
  return {
    norms,
    kept,
    units,
    orientations: countLabels(orientationLabels),
    lines: countLabels(lineLabels),
    orientationLabels,
    score: n < 2 ? 1 : close / ((n * (n - 1)) / 2),
  };
}

/** Mean of |cos(u_j, direction)| over the kept neurons. */
export function meanAbsCosine(units: readonly Float64Array[], direction: ArrayLike<number>): number {
  if (units.length === 0) throw new Error('meanAbsCosine needs at least one unit vector');
  const nd = norm(direction);
  if (!(nd > 0)) throw new Error('meanAbsCosine: direction must be non-zero');
  return units.reduce((s, v) => s + Math.abs(dot(v, direction)) / nd, 0) / units.length;
}

// ---------------------------------------------------------------------------------------------
// Heat-map ordering

/**
 * The authors' heat-map order: kept neurons sorted by their component in the leading eigenvector of
 * S = UUᵀ (sign fixed so that the largest-magnitude component is positive; ties by index). Returns
 * positions into `units`.
 */
export function leadingEigenvectorOrder(units: readonly Float64Array[]): number[] {
  const n = units.length;
  if (n === 0) return [];
  const d = units[0].length;
  const G = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const u of units) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) G[a][b] += u[a] * u[b];
  // mathjs' eigs (symmetric input: real eigenvalues, ascending); the last pair is the leading one.
  const pairs = eigs(G).eigenvectors;
  const v1 = Float64Array.from(pairs[pairs.length - 1].vector as number[]);
  const comp = units.map((u) => dot(u, v1));
  const big = comp.reduce((m, c) => (Math.abs(c) > Math.abs(m) ? c : m), 0);
  const sign = big < 0 ? -1 : 1;
  return comp.map((c, i) => ({ c: sign * c, i })).sort((a, b) => a.c - b.c || a.i - b.i).map((x) => x.i);
}

/** The similarity matrix of the kept neurons in heat-map order, rounded to 3 decimals (figure data). */
export function heatmap(units: readonly Float64Array[]): { order: number[]; matrix: number[][] } {
  const order = leadingEigenvectorOrder(units);
  const matrix = order.map((i) => order.map((k) => Math.round((i === k ? 1 : dot(units[i], units[k])) * 1000) / 1000));
  return { order, matrix };
}

/** Histogram of 1-D orientations θ_j = atan2(b_j, w_j) in degrees, `bins` equal bins over (−180°, 180°]. */
export function angleHistogram(units: readonly Float64Array[], bins = 36): { binDegrees: number; counts: number[] } {
  if (units.some((u) => u.length !== 2)) throw new Error('angleHistogram needs 1-D input weights (w_j, b_j)');
  const counts = new Array<number>(bins).fill(0);
  for (const u of units) {
    const deg = (Math.atan2(u[1], u[0]) * 180) / Math.PI;
    counts[Math.min(bins - 1, Math.floor(((deg + 180) / 360) * bins))]++;
  }
  return { binDegrees: 360 / bins, counts };
}
