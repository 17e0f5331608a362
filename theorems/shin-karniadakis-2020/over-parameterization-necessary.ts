/**
 * Over-parameterization is necessary for zero training loss (Shin & Karniadakis 2020, abstract:
 * "over-parameterization is both necessary and sufficient for minimizing the training loss"; v1: a
 * network is "over-parameterized if the number of parameters is larger than the number of training
 * data"). Asserted here for one hidden layer on 1-D inputs, where the necessity has an exact,
 * per-data-set form.
 *
 * Statement [D]. A network x ↦ Σ_i a_i·ReLU(w_i x + b_i) + c with N hidden neurons has
 * P = 3N + 1 parameters and is piecewise linear with at most N + 1 pieces (its kinks are the N points
 * −b_i/w_i). On n training points with distinct inputs, each piece is affine on a run of consecutive
 * points (inputs sorted), so the training MSE of *any* such network is at least
 *
 *     F_k(x, y) = (1/n) · min over partitions of the sorted points into ≤ k consecutive groups of
 *                 Σ_groups (least-squares residual of a line fitted to the group),   k = N + 1,
 *
 * computed exactly by dynamic programming (`pieceFloor`). A group of ≥ 3 points with targets drawn
 * from a continuous law is not collinear with probability 1, so F_k > 0 almost surely as soon as
 * k < n/2; and P < n (fewer parameters than points) gives N + 1 < (n + 2)/3 ≤ n/2 for n ≥ 4. Hence: with
 * fewer parameters than training points and generic targets, no trained network — whatever the
 * optimizer, the initialization or the step budget — reaches a training loss below F_{N+1} > 0. An
 * engine whose network is more expressive than declared, whose loss is evaluated on fewer points, or
 * whose trainer misreports success breaks it.
 *
 * What it does not say: in 1-D the piece count, not the parameter count, binds. Zero loss needs
 * N + 1 ≥ n/2 pieces, i.e. P ≥ 3n/2 − 2 > n, so P > n alone is not sufficient here; the property
 * file's transition rows (success against P/n) show where training actually starts to succeed.
 *
 * Verification. [P] abstract (necessity, and the meaning of "over-parameterized"); [D] the floor and
 * its positivity (argued above; `pieceFloor` checked against brute force over partitions in
 * theorems.test.ts); the 1-D one-hidden-layer setting and the targets are this suite's.
 */
import { type Theorem } from '../types';
import { implication } from '../relation';
import { citeSK } from './paper';
import { throwIf } from './config';

const ID = 'SK2020.Trainability.over-parameterization-necessary';

/** A one-hidden-layer network of width `width` trained on `points` 1-D inputs with random targets. */
export interface OverParameterizationConfig {
  /** N: hidden neurons. */
  width: number;
  /** n: training points (equally spaced on [−1, 1]; generic targets — a continuous law — drawn per run). */
  points: number;
  steps: number;
  lr: number;
}

/** P = 3N + 1: the parameters of a one-hidden-layer network with scalar input and output. */
export const parameterCount = (width: number): number => 3 * width + 1;

/** Σ (y − ŷ)² of the least-squares line through points lo … hi − 1 of (xs, ys) (float64, centred). */
function lineResidual(xs: ArrayLike<number>, ys: ArrayLike<number>, lo: number, hi: number): number {
  const m = hi - lo;
  if (m <= 1 || (m === 2 && xs[lo] !== xs[lo + 1])) return 0; // a line through ≤ 2 points of distinct inputs: exactly 0
  let mx = 0;
  let my = 0;
  for (let i = lo; i < hi; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= m;
  my /= m;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = lo; i < hi; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  return Math.max(0, sxx > 0 ? syy - (sxy * sxy) / sxx : syy);
}

/**
 * F_k(x, y): the least training MSE of any function that is affine on each of ≤ k runs of consecutive
 * points (inputs sorted) — a lower bound on the MSE of every piecewise linear function with ≤ k pieces.
 */
export function pieceFloor(inputs: ArrayLike<number>, targets: ArrayLike<number>, pieces: number): number {
  const n = inputs.length;
  if (targets.length !== n || n < 1) throw new Error(`pieceFloor: inputs and targets must have the same length ≥ 1; got ${n} and ${targets.length}`);
  if (!(Number.isInteger(pieces) && pieces >= 1)) throw new Error(`pieceFloor: pieces must be an integer ≥ 1; got ${pieces}`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => inputs[a] - inputs[b]);
  const xs = Float64Array.from(order, (i) => inputs[i]);
  const ys = Float64Array.from(order, (i) => targets[i]);
  const res: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let lo = 0; lo < n; lo++) for (let hi = lo + 1; hi <= n; hi++) res[lo][hi] = lineResidual(xs, ys, lo, hi);
  // best[j]: least residual of the first j points in ≤ g groups, for g = 1 … pieces.
  let best = Float64Array.from({ length: n + 1 }, (_, j) => res[0][j]);
  for (let g = 2; g <= Math.min(pieces, n); g++) {
    const next = Float64Array.from(best);
    for (let j = 1; j <= n; j++) for (let i = 1; i < j; i++) next[j] = Math.min(next[j], best[i] + res[i][j]);
    best = next;
  }
  return best[n] / n;
}

export function overParameterizationProblem(c: OverParameterizationConfig): string | undefined {
  if (!(Number.isInteger(c.points) && c.points >= 5 && c.points <= 200)) return `points must be an integer in [5, 200]; got ${c.points}`;
  if (!(Number.isInteger(c.width) && c.width >= 1 && parameterCount(c.width) < c.points)) {
    return `width must be an integer ≥ 1 with 3·width + 1 < points (fewer parameters than points: width ≤ ${Math.floor((c.points - 2) / 3)}); got ${c.width}`;
  }
  if (!(Number.isInteger(c.steps) && c.steps >= 1 && c.steps <= 1_000_000)) return `steps must be an integer in [1, 1e6]; got ${c.steps}`;
  if (!(Number.isFinite(c.lr) && c.lr > 0 && c.lr <= 1)) return `lr must be in (0, 1]; got ${c.lr}`;
  return undefined;
}

export const overParameterizationNecessary: Theorem<OverParameterizationConfig> = {
  id: ID,
  title: 'Over-parameterization is necessary: with fewer parameters than points, no training run reaches a loss below the exact piece floor F_{N+1} > 0',
  paper: citeSK('abstract ("over-parameterization is both necessary and sufficient for minimizing the training loss"); v1 abstract ("over-parameterized if the number of parameters is larger than the number of training data")'),
  provenance: 'D',
  statement:
    'One hidden layer of N ReLU neurons, 1-D inputs, n points, generic targets (a continuous law), P = 3N + 1 < n: every network has ≤ N + 1 linear pieces, so its training MSE is ≥ F_{N+1}(x, y) > 0 (a.s.) at every step of every run — zero loss is unreachable.',
  hypotheses: [
    'one hidden ReLU layer of width N, scalar input and linear scalar read-out (P = 3N + 1 parameters)',
    'n distinct inputs (equally spaced on [−1, 1]); generic targets (with a continuous law: here sin(3x) + N(0, 0.1²) noise), drawn per run',
    'fewer parameters than points: 3N + 1 < n',
    'any initialization and optimizer (here He weights, zero biases, full-batch Adam)',
  ],
  verification: '[P] abstract; [D] the piece floor and its positivity (file header), pieceFloor checked against brute force; the setting is this suite\'s.',
  unit: { kind: 'binary', description: 'one training run on its own random targets: 1 if its training MSE fell below the floor F_{N+1} of its data at some step' },
  domain(c) {
    throwIf(ID, overParameterizationProblem(c));
    return c;
  },
  predict: () => implication('a training run', 'its loss stays ≥ the piece floor F_{N+1}(x, y)'),
};
