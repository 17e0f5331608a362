/**
 * "P(unit = 1) is shown to rise with x": a trend check on independent groups of 0/1 units (group g
 * at design point x_g, e.g. a width, with x_g successes of n_g). The claim is a *demonstration*,
 * like difference-shown.ts: it is consistent when the one-sided lower confidence bound of the trend
 * slope exceeds the prediction (0: "rises"), rejected otherwise.
 *
 * Trend slope. The least-squares slope of the 0/1 units on x (the linear-probability slope, the
 * statistic behind the Cochran–Armitage test; Armitage 1955, Agresti 2013 §5.3.5):
 *     b = Σ_g n_g (x_g − x̄)(p̂_g − p̄) / S,   S = Σ_g n_g (x_g − x̄)²,   x̄ = Σ n_g x_g / n,
 * with the unpooled (heteroscedastic) standard error se² = Σ_g n_g (x_g − x̄)² p̂_g(1 − p̂_g) / S²
 * (groups are independent; each p̂_g has variance p_g(1 − p_g)/n_g). When the true curve is not a
 * line, b estimates the slope of its best linear approximation: "rises" means that slope is positive.
 * A group with p̂_g ∈ {0, 1} contributes no variance; the se is floored by the variance of one
 * success moved between the extreme groups (so an all-0/all-1 design does not get se = 0).
 *
 * Error rates. A demonstration's false-failure rate is its miss rate 1 − power at the true slope,
 * not α. The check reports the power at the observed slope (normal approximation) and raises a
 * calibration warning when it is below 1 − α — the configuration's n cannot then vouch for a
 * false-failure rate ≤ α. Properties choose domains where the rise is large against se.
 *
 * References: Armitage (1955), Biometrics 11:375–386; Agresti (2013), Categorical Data Analysis,
 * 3rd ed., §5.3.5.
 */
import { normalCdf, normalQuantile } from '../stats';
import type { Check, Group } from '../harness/types';
import { DETECTION_POWER } from './detection';
import { countSuccesses } from './proportion';

const { sqrt, max } = Math;

export interface TrendFit {
  slope: number;
  se: number;
  groups: { x: number; n: number; successes: number; p: number }[];
}

/** Least-squares trend slope of 0/1 units on x over independent groups, with its unpooled se. */
export function fitProportionTrend(groups: Group[]): TrendFit {
  if (!Array.isArray(groups) || groups.length < 2) throw new Error(`fitProportionTrend: needs at least 2 groups (Experiment.groups); got ${groups?.length}`);
  const rows = groups.map((g, i) => {
    if (!Number.isFinite(g.x)) throw new Error(`fitProportionTrend: groups[${i}].x must be a finite number; got ${g.x}`);
    const successes = countSuccesses('fitProportionTrend', `groups[${i}].units`, g.units);
    return { x: g.x, n: g.units.length, successes, p: successes / g.units.length };
  });
  const n = rows.reduce((s, r) => s + r.n, 0);
  const xBar = rows.reduce((s, r) => s + r.n * r.x, 0) / n;
  const pBar = rows.reduce((s, r) => s + r.successes, 0) / n;
  const S = rows.reduce((s, r) => s + r.n * (r.x - xBar) ** 2, 0);
  if (!(S > 0)) throw new Error('fitProportionTrend: the groups need at least two distinct x');
  const slope = rows.reduce((s, r) => s + r.n * (r.x - xBar) * (r.p - pBar), 0) / S;
  const v = rows.reduce((s, r) => s + r.n * (r.x - xBar) ** 2 * r.p * (1 - r.p), 0) / (S * S);
  const xs = rows.map((r) => r.x);
  const span = max(...xs) - Math.min(...xs);
  const floor = (span / S) ** 2 / 4; // one success moved between the extreme groups, squared, /4
  return { slope, se: sqrt(max(v, floor)), groups: rows };
}

export const proportionTrendShown: Check = {
  name: 'P(unit = 1) is shown to rise with the design point (trend slope above the prediction)',
  method: 'least-squares trend slope of 0/1 units on x over independent groups (Cochran–Armitage statistic), unpooled standard error, one-sided normal lower bound at level 1 − α; consistent iff it is above the prediction (miss rate 1 − power reported)',
  sides: 'upper',
  evaluate(_units, prediction, alpha, _reference, groups) {
    if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new Error(`proportionTrendShown: alpha must be in (0, 1); got ${alpha}`);
    if (!Number.isFinite(prediction)) throw new Error(`proportionTrendShown: prediction (the slope to exceed) must be finite; got ${prediction}`);
    if (!groups) throw new Error('proportionTrendShown needs Experiment.groups (one group of 0/1 units per design point)');
    const fit = fitProportionTrend(groups);
    const z = normalQuantile(1 - alpha);
    const lower = fit.slope - z * fit.se;
    const power = (slope: number): number => normalCdf((slope - prediction) / fit.se - z);
    const estPower = power(fit.slope);
    return {
      estimate: fit.slope,
      interval: { lower, upper: Infinity, level: 1 - alpha },
      verdict: lower > prediction ? 'consistent' : 'rejected',
      minDetectable: { relative: (z + normalQuantile(DETECTION_POWER)) * fit.se, power: DETECTION_POWER },
      powerAgainst: (alternative: number) => 1 - power(alternative),
      notes: [
        `per group (x: successes/n): ${fit.groups.map((g) => `${g.x}: ${g.successes}/${g.n} = ${g.p.toPrecision(3)}`).join(', ')}`,
        `trend slope ${fit.slope.toPrecision(4)} per unit of x (se ${fit.se.toPrecision(3)}); estimated power to show it above ${prediction} at this n: ${estPower.toPrecision(6)} (its miss rate is this check's false-failure rate); min detectable is the slope above the prediction shown with ${DETECTION_POWER} power`,
      ],
      ...(estPower < 1 - alpha ? { calibrationWarning: `CALIBRATION WARNING: estimated power ${estPower.toPrecision(4)} < 1 − α: the miss rate of this demonstration exceeds α at these group sizes` } : {}),
    };
  },
};
