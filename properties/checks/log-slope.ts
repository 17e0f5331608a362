/**
 * "The growth exponent lies within ±δ of the prediction": a trend check on independent groups.
 *
 * Each group g (a design point x_g: a number of neurons, a depth) contributes y_g = log(mean of its
 * units), with delta-method variance v_g = s_g² / (n_g · m_g²). The slope b of y on x (or on log x,
 * for power laws) is fitted by weighted least squares (weights 1/v_g), Var(b̂) = 1/Σ_g w_g (x_g − x̄_w)².
 * The claim "b ∈ [b₀ − δ, b₀ + δ]" is an interval null hypothesis: it is rejected when the 1 − α
 * confidence interval b̂ ± z_{α/2}·se lies entirely outside [b₀ − δ, b₀ + δ] (its false-failure rate
 * is ≤ α/2 at either edge of the null region, and smaller inside it).
 *
 * δ is the claim's stated resolution (in the theorem file), chosen from what the paper's statement
 * means ("linear", "does not grow with depth"), never from the data. Paper-level statements are
 * approximate laws, so an exact two-sided slope test would reject them at a large enough n for
 * finite-width corrections of no interest; the interval null keeps the test calibrated while a reject
 * twin proves power against the alternative the paper rules out (e.g. exponential growth in depth).
 *
 * Calibration: normal interval for a smooth function of group means (delta method), valid for
 * light-tailed units (counts) and n_g in the hundreds; each group's skewness is reported.
 */
import { normalCdf, normalQuantile, sampleMoments } from '../stats';
import type { Check, Group } from '../harness/types';
import { DETECTION_POWER } from './detection';

export interface SlopeFit {
  slope: number;
  se: number;
  /** Fitted intercept (at x = 0 or log x = 0). */
  intercept: number;
  groups: { x: number; n: number; mean: number; logMean: number; seLog: number; skewness: number }[];
}

/** An experiment made of groups: its units are all groups' units together (n = total). */
export function fromGroups(groups: Group[]): { units: Float64Array; groups: Group[] } {
  return { units: Float64Array.from(groups.flatMap((g) => [...g.units])), groups };
}

/** Weighted least-squares slope of log(group mean) on x (or log x). */
export function fitLogSlope(groups: Group[], logX: boolean): SlopeFit {
  if (groups.length < 2) throw new Error(`a slope needs at least 2 groups; got ${groups.length}`);
  const rows = groups.map((g) => {
    const m = sampleMoments(g.units);
    if (!(m.mean > 0)) throw new Error(`group at x = ${g.x} has mean ${m.mean}; log-slopes need positive means`);
    if (logX && !(g.x > 0)) throw new Error(`group x must be > 0 for a log-log slope; got ${g.x}`);
    const seLog = Math.sqrt(m.variance / m.n) / m.mean;
    return { x: g.x, n: m.n, mean: m.mean, logMean: Math.log(m.mean), seLog, skewness: m.skewness, u: logX ? Math.log(g.x) : g.x };
  });
  const w = rows.map((r) => 1 / Math.max(r.seLog * r.seLog, 1e-300));
  const W = w.reduce((a, b) => a + b, 0);
  const ubar = rows.reduce((s, r, i) => s + w[i] * r.u, 0) / W;
  const ybar = rows.reduce((s, r, i) => s + w[i] * r.logMean, 0) / W;
  const sxx = rows.reduce((s, r, i) => s + w[i] * (r.u - ubar) ** 2, 0);
  if (!(sxx > 0)) throw new Error('groups must have at least two distinct x');
  const slope = rows.reduce((s, r, i) => s + w[i] * (r.u - ubar) * (r.logMean - ybar), 0) / sxx;
  return {
    slope,
    se: Math.sqrt(1 / sxx),
    intercept: ybar - slope * ubar,
    groups: rows.map(({ x, n, mean, logMean, seLog, skewness }) => ({ x, n, mean, logMean, seLog, skewness })),
  };
}

/** The slope check: `delta` is the claim's resolution; `logX` for power laws (log-log). */
export function logSlopeWithin(delta: number, logX: boolean): Check {
  if (!(delta >= 0 && Number.isFinite(delta))) throw new Error(`delta must be a finite number ≥ 0; got ${delta}`);
  const what = logX ? 'log-log slope (growth exponent)' : 'slope of log(mean) per unit of x (log growth rate)';
  return {
    name: `${what} within ±${delta} of the prediction`,
    method: `weighted least squares on log group means (delta-method variances), normal interval; rejected when the 1 − α interval lies outside [prediction − ${delta}, prediction + ${delta}]`,
    sides: 'two-sided',
    evaluate(_units, prediction, alpha, _reference, groups) {
      if (!groups) throw new Error('logSlopeWithin needs groups (Experiment.groups)');
      const fit = fitLogSlope(groups, logX);
      const z = normalQuantile(1 - alpha / 2);
      const lower = fit.slope - z * fit.se;
      const upper = fit.slope + z * fit.se;
      const rejected = lower > prediction + delta || upper < prediction - delta;
      const zPow = normalQuantile(DETECTION_POWER);
      return {
        estimate: fit.slope,
        interval: { lower, upper, level: 1 - alpha },
        verdict: rejected ? 'rejected' : 'consistent',
        // Smallest distance of the true slope from the prediction detected with 99% power, in slope
        // units relative to max(|prediction|, 1).
        minDetectable: { relative: (delta + (z + zPow) * fit.se) / Math.max(Math.abs(prediction), 1), power: DETECTION_POWER },
        powerAgainst: (alternative: number) => {
          const d = Math.abs(alternative - prediction) - delta;
          return d <= 0 ? 0 : normalCdf(d / fit.se - z);
        },
        notes: [
          `null region [${(prediction - delta).toPrecision(4)}, ${(prediction + delta).toPrecision(4)}]; slope ${fit.slope.toPrecision(4)} ± ${fit.se.toPrecision(2)} (se)`,
          `groups: ${fit.groups.map((g) => `x=${g.x}: n=${g.n}, mean=${g.mean.toPrecision(4)}, skew=${g.skewness.toFixed(2)}`).join('; ')}`,
        ],
      };
    },
  };
}
