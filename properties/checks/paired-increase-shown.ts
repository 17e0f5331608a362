/**
 * "Every consecutive paired step rises, demonstrated": groups x₁ < x₂ < … < x_k of *paired* units
 * (unit i of every group comes from the same seed), step j the paired difference D_j = U_{j+1} − U_j.
 * The relation `shownStepsIncrease(v, δ)` claims, for every step, Δ_j = P(D_j > v) − P(D_j < v) > 0
 * (an increase more likely than a decrease), and it must be *shown*: the claim is rejected when the
 * data fail to show it (the convention of difference-shown.ts and proportion-trend-shown.ts).
 *
 * Test (intersection–union of exact sign tests). Per step, ties D = v are set aside; of the N_j other
 * pairs, K_j = #{i : D_ij > v} is, given N_j, Binomial(N_j, q_j) with q_j = P(D_j > v)/(P(D_j > v) +
 * P(D_j < v)). Step j is shown when K_j ≥ c(N_j), the smallest count with P(Binomial(N_j, ½) ≥ c) ≤ α
 * (monotone-paired.ts' signTestCritical). The claim is consistent iff EVERY step is shown. No
 * Bonferroni split is needed: a claim that needs every step shown is accepted, in a world where some
 * step has Δ_j ≤ 0, with probability ≤ P(that step shown) ≤ α (Berger 1982, intersection–union tests).
 *
 * Error rates. As a demonstration, its false-failure rate is the miss rate where the effect is real:
 * the relation carries the smallest effect of interest δ on Δ_j (fixed in the theorem before any data),
 * and the rate is Σ_j sup P(step j not shown) over every law of a step with Δ_j ≥ δ. The sup is exact:
 * (1) the "shown" set {K ≥ c(K + D)} (D the decreases) is monotone — c(N) ≤ c(N + 1) ≤ c(N) + 1, so
 *     turning a decrease into a tie, or a tie into an increase, never loses "shown"; coupling (each
 *     increase independently becomes a tie) shows the miss rate at Δ > δ is at most that at a point of
 *     the line Δ = δ with the same P(D < v). The sup over the region is the sup over the line
 *     {(above, below) = (b + δ, b) : 0 ≤ b ≤ (1 − δ)/2};
 * (2) on the line, P_b(not shown) = Σ_N P(N_j = N) P(Binomial(N, q) < c(N)) is summed exactly at grid
 *     points, and bounded on each cell [b_i, b_{i+1}] by the same monotonicity: given T ties the miss
 *     probability G_T(q) = P(Binomial(n − T, q) < c(n − T)) decreases in q = P(up | moving) =
 *     (b + δ)/(2b + δ), which decreases in b, so G_T ≤ G_T(q(b_{i+1})); the ties are Binomial(n, ε),
 *     ε = 1 − δ − 2b, and each P(T ties) is at most its maximum over the cell's ε range (the pmf is
 *     unimodal in ε). The bound is Σ_T max_ε P_ε(T)·G_T(q(b_{i+1})), within 0.02–2% of the grid maximum
 *     at the default grid (64·√n cells, finer at both ends).
 * The rate depends only on (n, α, δ, the number of steps): property files size n so that it is ≤ α_i;
 * a larger rate at the run's n is a calibration warning. It is recorded with method 'exact' (exact sums
 * and a proven bound between grid points, as two-sample-exact.ts' rates are). For δ < 1 the least
 * favourable laws are at or near the no-tie end (a step that moves in nearly every seed), where the test
 * is about the binomial test of n pairs against ½ and needs Δ ≈ 2·z_α/√n to be shown (δ = ¾ at α =
 * 6.7e-6: n ≈ 108 per step pair; the supremum there is at P(D < v) ≈ 0.123, 13% above the no-tie value).
 *
 * Design power and acceptance take `World.arms` = per step the probabilities of a step below and above
 * the prediction, [below₁, above₁, below₂, above₂, …] (monotone-paired.ts' convention; ties have the
 * rest). Per step P(shown) is exact; power ≥ 1 − min_j P(step j shown) (the claim needs every step) and
 * acceptance ≥ 1 − Σ_j P(step j not shown).
 *
 * References: the sign test with ties set aside (Conover 1999, Practical Nonparametric Statistics, 3rd
 * ed., §3.4); Berger (1982), Technometrics 24:295–300 (intersection–union tests).
 */
import { clopperPearsonInterval } from '../stats';
import type { Check, CheckOutcome, FalseFailureRate, Group, Plan, World } from '../harness/types';
import { binomialLogPmf, binomialTail, binomialWindow } from './binomial';
import { checkAlpha, planSteps, signTestCritical } from './monotone-paired';

// Captured once: jest's sandbox makes every Math.x lookup slow in hot loops.
const { cos, exp, max, min, PI, sqrt } = Math;

const criticals = new Map<string, Int32Array>();

/** c(N) for N = 0…n at level a (c(N) = N + 1: that N cannot show the step). Cached. */
export function criticalCounts(n: number, a: number): Int32Array {
  const key = `${n}/${a}`;
  let c = criticals.get(key);
  if (!c) {
    c = new Int32Array(n + 1);
    c[0] = 1;
    for (let N = 1; N <= n; N++) c[N] = signTestCritical(N, a);
    criticals.set(key, c);
  }
  return c;
}

/**
 * Σ_N P(N moving pairs)·term(N, c(N), q) over the numerically non-zero window of N ~ Binomial(n,
 * above + below), q = P(up | moving); returns the sum and the window's mass.
 */
function overMovingPairs(n: number, a: number, above: number, below: number, term: (N: number, cN: number, q: number) => number): { total: number; kept: number } {
  const c = criticalCounts(n, a);
  const moving = above + below;
  const q = min(1, above / moving);
  const w = binomialWindow(n, min(1, moving));
  let total = 0;
  let kept = 0;
  for (let i = 0; i < w.pmf.length; i++) {
    const N = w.start + i;
    kept += w.pmf[i];
    total += w.pmf[i] * term(N, c[N], q);
  }
  return { total, kept };
}

/**
 * Exact P(a step is NOT shown) over n pairs at level a, when each pair's step is above the prediction
 * with probability `above` and below it with probability `below` (a tie otherwise).
 */
export function stepMissProbability(n: number, a: number, above: number, below: number): number {
  if (above + below <= 0) return 1;
  // P(Binomial(N, q) ≤ c(N) − 1): 1 when c(N) > N (cannot be shown).
  const { total, kept } = overMovingPairs(n, a, above, below, (N, cN, q) => (cN > N ? 1 : binomialTail(cN - 1, N, q, 'lower')));
  // The window drops < n·1e-16 of mass: added, so the result stays an upper bound.
  return min(1, total + max(0, 1 - kept));
}

/** Exact P(a step IS shown), summed directly (not 1 − miss) so that small values keep their digits. */
export function stepShownProbability(n: number, a: number, above: number, below: number): number {
  if (above + below <= 0) return 0;
  return min(1, overMovingPairs(n, a, above, below, (N, cN, q) => (cN <= N ? binomialTail(cN, N, q, 'upper') : 0)).total);
}

/** max over e ∈ [lo, hi] of P(Binomial(n, e) = T): the pmf is unimodal in e with its maximum at T/n. */
function maxPmfOver(T: number, n: number, lo: number, hi: number): number {
  const e = min(hi, max(lo, T / n));
  if (e <= 0) return T === 0 ? 1 : 0;
  if (e >= 1) return T === n ? 1 : 0;
  return exp(binomialLogPmf(T, n, e));
}

/**
 * Upper bound of P_b(step not shown) for every b in [bLo, bHi] on the line Δ = δ. Given T ties the
 * miss probability is G_T(q) = P(Binomial(n − T, q) < c(n − T)), decreasing in q = P(up | moving) =
 * (b + δ)/(2b + δ), itself decreasing in b: so G_T(q(b)) ≤ G_T(q(bHi)). The ties are Binomial(n, ε),
 * ε = 1 − δ − 2b ∈ [ε(bHi), ε(bLo)], and each P(T ties) is at most its maximum over that range.
 */
function cellBound(n: number, c: Int32Array, delta: number, bLo: number, bHi: number): number {
  const q = (bHi + delta) / (2 * bHi + delta);
  const eLo = max(0, 1 - delta - 2 * bHi);
  const eHi = max(0, 1 - delta - 2 * bLo);
  let total = 0;
  for (let T = 0; T <= n; T++) {
    const w = maxPmfOver(T, n, eLo, eHi);
    if (w === 0) continue;
    const N = n - T;
    total += w * (c[N] > N ? 1 : binomialTail(c[N] - 1, N, q, 'lower'));
  }
  return min(1, total);
}

export interface StepMissSupremum {
  /** Proven upper bound of P(step not shown) over every step law with Δ ≥ δ. */
  bound: number;
  /** Largest exact value at a grid point, and where (b = P(step below)). */
  gridMax: number;
  at: number;
  /** Exact value at the no-tie end (b = (1 − δ)/2). */
  noTies: number;
  points: number;
}

const suprema = new Map<string, StepMissSupremum>();

/**
 * sup over the region Δ ≥ δ of P(one step not shown) at n pairs and level a (module comment): exact
 * sums at the grid points b_i = b_max (1 − cos πi/cells)/2 (finer at both ends of the line, where the
 * law is least smooth), and on each cell the bound of `cellBound` (rigorous, from the monotonicity in q
 * and the largest tie probabilities on the cell). Cached.
 */
export function stepMissSupremum(n: number, a: number, delta: number, cells = Math.max(256, Math.ceil(64 * sqrt(n)))): StepMissSupremum {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`stepMissSupremum: n must be an integer ≥ 1; got ${n}`);
  if (!(a > 0 && a < 1)) throw new Error(`stepMissSupremum: the level must be in (0, 1); got ${a}`);
  if (!(delta > 0 && delta <= 1)) throw new Error(`stepMissSupremum: δ (the smallest sign difference) must be in (0, 1]; got ${delta}`);
  const key = `${n}/${a}/${delta}/${cells}`;
  const hit = suprema.get(key);
  if (hit) return hit;
  const bMax = (1 - delta) / 2;
  let out: StepMissSupremum;
  if (bMax <= 0) {
    const v = stepMissProbability(n, a, 1, 0);
    out = { bound: v, gridMax: v, at: 0, noTies: v, points: 1 };
  } else {
    const c = criticalCounts(n, a);
    const grid = Float64Array.from({ length: cells + 1 }, (_, i) => (i === cells ? bMax : (bMax * (1 - cos((PI * i) / cells))) / 2));
    let gridMax = 0;
    let at = 0;
    grid.forEach((b) => {
      const p = stepMissProbability(n, a, b + delta, b);
      if (p > gridMax) {
        gridMax = p;
        at = b;
      }
    });
    let bound = gridMax;
    for (let i = 0; i < cells; i++) bound = max(bound, cellBound(n, c, delta, grid[i], grid[i + 1]));
    out = { bound: min(1, bound), gridMax, at, noTies: stepMissProbability(n, a, 1 - bMax, bMax), points: cells + 1 };
  }
  suprema.set(key, out);
  return out;
}

/** The demonstration's miss rate at the smallest effect of interest δ: Σ over the steps of the per-step supremum. */
export function stepsMissRate(n: number, steps: number, a: number, delta: number): FalseFailureRate {
  const s = stepMissSupremum(n, a, delta);
  return {
    rate: min(1, steps * s.bound),
    method: 'exact',
    note: `miss rate where every step's P(step > v) − P(step < v) ≥ ${delta}: per step ≤ ${s.bound.toExponential(3)} (exact sums at ${s.points} points of the least favourable line, a proven bound on every cell between them; largest at P(step < v) = ${s.at.toPrecision(3)}, no-tie end ${s.noTies.toExponential(3)}), summed over ${steps} step(s)`,
  };
}

/** Per-step exact P(shown) of a world (World.arms = [below₁, above₁, …]), validated. */
function stepShown(fn: string, plan: Plan, world: World, alpha: number): { shown: number[]; missed: number[] } {
  const { n, steps } = planSteps(fn, plan);
  const arms = world?.arms;
  const valid = Array.isArray(arms) && arms.length === 2 * steps && arms.every((p) => p >= 0 && p <= 1);
  if (!valid || Array.from({ length: steps }, (_, j) => arms[2 * j] + arms[2 * j + 1]).some((s) => s > 1 + 1e-12)) {
    throw new Error(`${fn}: world.arms must hold per step the probabilities of a step below and above the prediction, [below₁, above₁, …] (${2 * steps} numbers in [0, 1], each pair summing to ≤ 1); got ${JSON.stringify(arms)}`);
  }
  const idx = Array.from({ length: steps }, (_, j) => j);
  return {
    shown: idx.map((j) => stepShownProbability(n, alpha, arms[2 * j + 1], arms[2 * j])),
    missed: idx.map((j) => stepMissProbability(n, alpha, arms[2 * j + 1], arms[2 * j])),
  };
}

interface StepRow {
  from: number;
  to: number;
  above: number;
  below: number;
  critical: number;
  shown: boolean;
  /** Exact one-sided lower bound of (P(D > v) − P(D < v))/(P(D > v) + P(D < v)) at level 1 − α (Clopper–Pearson on K given N). */
  lower: number;
}

/**
 * The demonstration check for `shownStepsIncrease(v, minEffect)`; without a smallest effect of
 * interest its miss rate cannot be bounded (reported as a calibration warning).
 */
export function pairedStepsIncreaseShown(minEffect?: number): Check {
  const fn = 'pairedStepsIncreaseShown';
  if (minEffect !== undefined && !(minEffect > 0 && minEffect <= 1)) throw new Error(`${fn}: minEffect (a sign difference P(step > v) − P(step < v)) must be in (0, 1]; got ${minEffect}`);
  return {
    name: 'every paired step between consecutive design points is shown to rise (an increase more likely than a decrease)',
    method: `exact sign test per consecutive paired step at level α (ties set aside: steps above vs below the prediction against Binomial(N, ½)); consistent iff every step is shown (intersection–union, no split of α); false-failure rate = exact miss rate where every step's P(step > v) − P(step < v) ≥ ${minEffect ?? 'δ'}, at the least favourable tie rate`,
    sides: 'upper',
    evaluate(_units, prediction, alpha, _reference, groups?: Group[]): CheckOutcome {
      checkAlpha(fn, alpha);
      if (!Number.isFinite(prediction)) throw new Error(`${fn}: prediction (the step threshold v) must be finite; got ${prediction}`);
      if (!groups || groups.length < 2) throw new Error(`${fn} needs at least 2 groups (Experiment.groups), one per design point`);
      const sorted = [...groups].sort((a, b) => a.x - b.x);
      const n = sorted[0].units.length;
      if (n < 1) throw new Error(`${fn} needs at least 1 paired unit per group; got ${n}`);
      sorted.forEach((g, j) => {
        if (g.units.length !== n) throw new Error(`${fn}: groups must be paired (same length ${n}); group ${j} (x = ${g.x}) has ${g.units.length}`);
        g.units.forEach((u, i) => {
          if (!Number.isFinite(u)) throw new Error(`${fn}: group ${j} (x = ${g.x}) unit ${i} must be finite; got ${u}`);
        });
      });
      const steps = sorted.length - 1;
      const c = criticalCounts(n, alpha);
      const rows: StepRow[] = [];
      for (let j = 0; j < steps; j++) {
        let above = 0;
        let below = 0;
        sorted[j + 1].units.forEach((u, i) => {
          const d = u - sorted[j].units[i];
          if (d > prediction) above++;
          else if (d < prediction) below++;
        });
        const N = above + below;
        const lower = N === 0 ? -1 : 2 * clopperPearsonInterval(above, N, 1 - alpha, 'lower').lower - 1;
        rows.push({ from: sorted[j].x, to: sorted[j + 1].x, above, below, critical: c[N], shown: c[N] <= N && above >= c[N], lower });
      }
      // The claim fails when ANY step is not shown: report the step with the smallest lower bound.
      const worst = rows.reduce((w, r) => (!r.shown && w.shown ? r : r.shown === w.shown && r.lower < w.lower ? r : w));
      const moving = worst.above + worst.below;
      const miss = minEffect === undefined ? undefined : stepsMissRate(n, steps, alpha, minEffect);
      const warning =
        miss === undefined
          ? 'CALIBRATION WARNING: the relation states no smallest effect of interest (shownStepsIncrease(value, minEffect)): the miss rate of this demonstration is unbounded'
          : miss.rate > alpha
            ? `CALIBRATION WARNING: the exact miss rate ${miss.rate.toExponential(2)} at the smallest effect of interest ${minEffect} exceeds α = ${alpha.toExponential(2)} at n = ${n} paired units: raise n`
            : undefined;
      return {
        estimate: moving ? (worst.above - worst.below) / moving : 0,
        // The sign test and the Clopper–Pearson bound agree (bound > 0 iff shown) except when P(Bin(N, ½) ≥ K) = α exactly.
        interval: { lower: worst.lower, upper: Infinity, level: 1 - alpha },
        verdict: rows.every((r) => r.shown) ? 'consistent' : 'rejected',
        notes: [
          `sign test per step at level α = ${alpha.toExponential(2)} (every step must be shown; ties with the prediction ${prediction} set aside); estimate and bound: (P(step > v) − P(step < v))/(P(step > v) + P(step < v)) of the step with the smallest bound`,
          ...rows.map(
            (r) =>
              `x = ${r.from} → ${r.to}: ${r.above} above, ${r.below} below, ${n - r.above - r.below} ties of ${n} (P(step > v) − P(step < v) estimated ${((r.above - r.below) / n).toPrecision(3)}); shown at ≥ ${r.critical} above${r.critical > r.above + r.below ? ' (impossible with these ties)' : ''}: ${r.shown ? 'shown' : 'NOT shown'}; lower bound ${r.lower.toPrecision(4)}`,
          ),
          ...(miss ? [`exact miss rate at the smallest effect of interest (every step's P(step > v) − P(step < v) ≥ ${minEffect}): ≤ ${miss.rate.toExponential(3)} (α = ${alpha.toExponential(2)})`] : []),
        ],
        ...(miss ? { falseFailure: miss } : {}),
        ...(warning ? { calibrationWarning: warning } : {}),
      };
    },
    /** Lower bound on P(not every step shown): 1 − min_j P(step j shown), each exact. */
    designPower(plan, prediction, world, alpha) {
      checkAlpha(`${fn}.designPower`, alpha);
      if (!Number.isFinite(prediction)) throw new Error(`${fn}.designPower: prediction must be finite; got ${prediction}`);
      return 1 - min(...stepShown(`${fn}.designPower`, plan, world, alpha).shown);
    },
    /** Lower bound on P(every step shown): 1 − Σ_j P(step j not shown), each exact. */
    acceptance(plan, world, alpha) {
      checkAlpha(`${fn}.acceptance`, alpha);
      return max(0, 1 - stepShown(`${fn}.acceptance`, plan, world, alpha).missed.reduce((s, r) => s + r, 0));
    },
  };
}
