/**
 * "P(unit = 1) is shown to rise with x": a trend check on independent groups of 0/1 units (group g
 * at design point x_g, e.g. a width, with x_g successes of n_g). The claim is a *demonstration*,
 * like difference-shown.ts: it is consistent when a one-sided lower confidence bound of the trend
 * slope exceeds the prediction v (0: "rises"), rejected otherwise.
 *
 * Trend slope. The least-squares slope of the 0/1 units on x (the linear-probability slope, the
 * statistic behind the Cochran–Armitage test; Armitage 1955, Agresti 2013 §5.3.5):
 *     b = Σ_g c_g p̂_g,   c_g = n_g (x_g − x̄) / S,   S = Σ_g n_g (x_g − x̄)²,   x̄ = Σ n_g x_g / n.
 * Its expectation is the slope β of the best linear approximation of the true p_g (whatever their
 * curve): "rises" means β > 0.
 *
 * Bound (distribution-free). b is a sum of n independent terms, unit i of group g contributing
 * (c_g/n_g)·Y_gi with Y_gi ∈ {0, 1}: a range |c_g|/n_g, so Σ ranges² = Σ_g c_g²/n_g = 1/S, and
 * Hoeffding's inequality (1963, Thm 2) gives P(b − β ≥ t) ≤ exp(−2 S t²) and the same for b − β ≤ −t,
 * for every vector of true probabilities. The lower bound is L = b − t_α with t_α = √(ln(1/α)/(2S)):
 * P(L > β) ≤ α exactly as stated, at any n. (The normal bound of the unpooled z statistic it replaces
 * had no proven rate at α ≈ 1e-6 and needed the p̂_g; this one is ≈ 12% wider at p ≈ ½.)
 *
 * Error rates. A demonstration's false-failure rate is its miss rate P(L ≤ v) when the rise is real.
 * The relation carries the smallest effect of interest m (`shownIncreasing(v, m)`, fixed in the
 * theorem from the paper): for every p-vector with slope β ≥ v + m, Hoeffding again gives
 *     P(L ≤ v) = P(b − β ≤ v + t_α − β) ≤ exp(−2 S (m − t_α)²)   (m > t_α),
 * which depends only on the design (the group sizes and x's): property files size the groups so it is
 * ≤ α_i. The same bound gives design power (twins: P(L ≤ v) ≥ 1 − exp(−2S(v + t_α − β)²) when the
 * world's slope β < v + t_α) and own-world acceptance (P(L > v) ≥ 1 − exp(−2S(β − v − t_α)²)).
 * These are lower bounds (Hoeffding is conservative: exact sums over k groups of n_g ~ 10³ outcomes
 * each are out of reach); the world's slope is computed from `World.arms` (one p per group) and the
 * plan's x.
 *
 * References: Hoeffding (1963), JASA 58:13–30; Armitage (1955), Biometrics 11:375–386; Agresti (2013),
 * Categorical Data Analysis, 3rd ed., §5.3.5.
 */
import type { Check, FalseFailureRate, Group, Plan, World } from '../harness/types';
import { countSuccesses, planSizes } from './proportion';

const { exp, log, min, sqrt } = Math;

export interface TrendFit {
  slope: number;
  /** S = Σ n_g (x_g − x̄)²: the slope's Hoeffding scale (Σ ranges² = 1/S). */
  S: number;
  groups: { x: number; n: number; successes: number; p: number }[];
}

/** S = Σ n_g (x_g − x̄)² and the weights c_g of the slope b = Σ c_g p_g, for group sizes n and design points x. */
export function trendDesign(fn: string, n: number[], x: number[]): { S: number; c: number[] } {
  if (x.length !== n.length || x.length < 2) throw new Error(`${fn}: needs ≥ 2 groups with one x and one size each; got ${x.length} x, ${n.length} sizes`);
  x.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`${fn}: groups[${i}].x must be a finite number; got ${v}`);
  });
  const total = n.reduce((s, k) => s + k, 0);
  const xBar = n.reduce((s, k, i) => s + k * x[i], 0) / total;
  const S = n.reduce((s, k, i) => s + k * (x[i] - xBar) ** 2, 0);
  if (!(S > 0)) throw new Error(`${fn}: the groups need at least two distinct x`);
  return { S, c: n.map((k, i) => (k * (x[i] - xBar)) / S) };
}

/** Least-squares trend slope of 0/1 units on x over independent groups. */
export function fitProportionTrend(groups: Group[]): TrendFit {
  if (!Array.isArray(groups) || groups.length < 2) throw new Error(`fitProportionTrend: needs at least 2 groups (Experiment.groups); got ${groups?.length}`);
  const rows = groups.map((g, i) => {
    if (!Number.isFinite(g.x)) throw new Error(`fitProportionTrend: groups[${i}].x must be a finite number; got ${g.x}`);
    const successes = countSuccesses('fitProportionTrend', `groups[${i}].units`, g.units);
    return { x: g.x, n: g.units.length, successes, p: successes / g.units.length };
  });
  const { S, c } = trendDesign('fitProportionTrend', rows.map((r) => r.n), rows.map((r) => r.x));
  return { slope: rows.reduce((s, r, i) => s + c[i] * r.p, 0), S, groups: rows };
}

/** Hoeffding half-width t_α = √(ln(1/α)/(2S)) of the one-sided bound. */
export const hoeffdingHalfWidth = (S: number, alpha: number): number => sqrt(log(1 / alpha) / (2 * S));

/** Hoeffding's bound exp(−2 S gap²) on P(b − β beyond gap), 1 when gap ≤ 0. */
const tail = (S: number, gap: number): number => (gap > 0 ? min(1, exp(-2 * S * gap * gap)) : 1);

/** Miss rate bound of "slope shown above v" at the smallest effect of interest m: exp(−2S(m − t_α)²). */
export function trendMissRate(S: number, minEffect: number, alpha: number): FalseFailureRate {
  const t = hoeffdingHalfWidth(S, alpha);
  return {
    rate: tail(S, minEffect - t),
    method: 'bound',
    note: `Hoeffding: every p-vector whose trend slope exceeds the prediction by ≥ ${minEffect} is missed with probability ≤ exp(−2S(m − t_α)²), S = ${S.toPrecision(5)}, t_α = ${t.toPrecision(4)}`,
  };
}

function checkAlpha(fn: string, alpha: number): void {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha must be in (0, 1); got ${alpha}`);
}

function checkPrediction(fn: string, name: string, value: number): void {
  if (!Number.isFinite(value)) throw new Error(`${fn}: ${name} (the slope to exceed) must be finite; got ${value}`);
}

/** The design's S and the world's slope Σ c_g p_g from World.arms (one probability per group). */
function worldSlope(fn: string, plan: Plan, world: World): { S: number; slope: number } {
  if (!Array.isArray(plan?.x)) throw new Error(`${fn}: plan.x must give one design point per group`);
  const n = planSizes(fn, plan, plan.x.length);
  const { S, c } = trendDesign(fn, n, plan.x);
  const arms = world?.arms;
  if (!Array.isArray(arms) || arms.length !== n.length || !arms.every((p) => p >= 0 && p <= 1)) {
    throw new Error(`${fn}: world.arms must hold one true probability in [0, 1] per group (${n.length}); got ${JSON.stringify(arms)}`);
  }
  return { S, slope: arms.reduce((s, p, i) => s + c[i] * p, 0) };
}

/**
 * The demonstration check for the relation `shownIncreasing(v, minEffect)`; without a smallest effect
 * of interest its miss rate cannot be bounded (reported as a calibration warning).
 */
export function trendShownIncreasing(minEffect?: number): Check {
  const fn = 'proportionTrendShown';
  if (minEffect !== undefined && !(minEffect > 0 && Number.isFinite(minEffect))) throw new Error(`${fn}: minEffect must be a finite number > 0; got ${minEffect}`);
  return {
    name: 'P(unit = 1) is shown to rise with the design point (trend slope above the prediction)',
    method: `least-squares trend slope of 0/1 units on x over independent groups (Cochran–Armitage statistic), one-sided Hoeffding lower bound at level 1 − α (distribution-free); consistent iff it is above the prediction; false-failure rate = Hoeffding bound on the miss rate at the smallest effect of interest${minEffect === undefined ? '' : ` (${minEffect})`}`,
    sides: 'upper',
    evaluate(_units, prediction, alpha, _reference, groups) {
      checkAlpha(fn, alpha);
      checkPrediction(fn, 'prediction', prediction);
      if (!groups) throw new Error(`${fn} needs Experiment.groups (one group of 0/1 units per design point)`);
      const fit = fitProportionTrend(groups);
      const t = hoeffdingHalfWidth(fit.S, alpha);
      const lower = fit.slope - t;
      const miss = minEffect === undefined ? undefined : trendMissRate(fit.S, minEffect, alpha);
      const warning =
        miss === undefined
          ? 'CALIBRATION WARNING: the relation states no smallest effect of interest (shownIncreasing(value, minEffect)): the miss rate of this demonstration is unbounded'
          : miss.rate > alpha
            ? `CALIBRATION WARNING: the miss rate bound ${miss.rate.toExponential(2)} at the smallest effect of interest ${minEffect} exceeds α = ${alpha.toExponential(2)} at these group sizes: raise n`
            : undefined;
      return {
        estimate: fit.slope,
        interval: { lower, upper: Infinity, level: 1 - alpha },
        verdict: lower > prediction ? 'consistent' : 'rejected',
        notes: [
          `per group (x: successes/n): ${fit.groups.map((g) => `${g.x}: ${g.successes}/${g.n} = ${g.p.toPrecision(3)}`).join(', ')}`,
          `trend slope ${fit.slope.toPrecision(4)} per unit of x, Hoeffding half-width ${t.toPrecision(3)} (S = ${fit.S.toPrecision(5)})${miss ? `; miss rate at the smallest effect of interest (slope ≥ ${prediction} + ${minEffect}) ≤ ${miss.rate.toExponential(3)}` : ''}`,
        ],
        ...(miss ? { falseFailure: miss } : {}),
        ...(warning ? { calibrationWarning: warning } : {}),
      };
    },
    /** Lower bound (Hoeffding) on P(not shown above the prediction) at the world's group probabilities. */
    designPower(plan, prediction, world, alpha) {
      checkAlpha(fn, alpha);
      checkPrediction(fn, 'prediction', prediction);
      const { S, slope } = worldSlope(`${fn}.designPower`, plan, world);
      return 1 - tail(S, prediction + hoeffdingHalfWidth(S, alpha) - slope);
    },
    /** Lower bound (Hoeffding) on P(shown above world.value) at the world's group probabilities. */
    acceptance(plan, world, alpha) {
      checkAlpha(fn, alpha);
      checkPrediction(fn, 'world.value', world.value);
      const { S, slope } = worldSlope(`${fn}.acceptance`, plan, world);
      return 1 - tail(S, slope - world.value - hoeffdingHalfWidth(S, alpha));
    },
  };
}
