/**
 * Confidence intervals for a binomial proportion: Wilson score and Clopper–Pearson.
 *
 * When each is valid (x successes in n independent trials with a common success probability):
 * - Wilson: the inversion of the score test. Its coverage oscillates around the nominal level with
 *   n and p (binomial discreteness) but stays close to it on average, also for small n and p near 0
 *   or 1; recommended by Brown, Cai & DasGupta (2001), "Interval estimation for a binomial
 *   proportion", Statistical Science 16(2):101–133, for n ≤ 40 and generally.
 * - Clopper–Pearson: the inversion of two one-sided exact binomial tests. Coverage is ≥ the nominal
 *   level for every p and n (conservative, sometimes much wider than needed). Use it when the
 *   false-failure rate must never exceed α, e.g. for calibration tests.
 *
 * One-sided intervals put all of α in one tail and keep ±Infinity on the unbounded side (see
 * `types.ts`).
 */
import { betaQuantile, normalQuantile } from './distributions';
import { oneSidedBounds, tailProbability } from './sides';
import type { Interval, Sides } from './types';
import { checkCount, checkInteger, checkLevel, checkSides } from './validate';

// Captured once: jest's sandbox makes every Math.x lookup slow in hot loops (see engine/random).
const { max, min, sqrt } = Math;

/**
 * An interval for a proportion.
 *
 * @example const ci: ProportionInterval = wilsonInterval(7, 20, 0.95);
 */
export interface ProportionInterval extends Interval {
  method: 'wilson' | 'clopper-pearson';
  successes: number;
}

/**
 * Both Wilson score bounds at critical value z, clamped to [0, 1] (x = 0 gives lower 0 exactly,
 * x = n gives upper 1 exactly). Shared with `newcombeInterval`; not re-exported from `index.ts`.
 *
 * Reference: Wilson (1927), JASA 22(158):209–212.
 *
 * @example wilsonBounds(7, 20, 1.959963984540054); // { lower: 0.1812, upper: 0.5671 }
 */
export function wilsonBounds(successes: number, n: number, z: number): { lower: number; upper: number } {
  const p = successes / n;
  const z2 = z * z;
  const denom = n + z2;
  const center = (successes + z2 / 2) / denom;
  const half = ((z * sqrt(n)) / denom) * sqrt(p * (1 - p) + z2 / (4 * n));
  return {
    lower: successes === 0 ? 0 : max(0, center - half),
    upper: successes === n ? 1 : min(1, center + half),
  };
}

function checkBinomial(fn: string, successes: number, n: number, level: number, sides: Sides): void {
  checkInteger(fn, 'n', n, 1);
  checkCount(fn, 'successes', successes, n);
  checkLevel(fn, level);
  checkSides(fn, sides);
}

/**
 * Wilson score interval for a binomial proportion:
 * (x + z²/2)/(n + z²) ± z√n/(n + z²)·√(p̂(1 − p̂) + z²/(4n)), z = z_{1−α/2} (two-sided) or z_{1−α}.
 *
 * Reference: Wilson (1927), "Probable inference, the law of succession, and statistical
 * inference", JASA 22(158):209–212; Brown, Cai & DasGupta (2001), Stat. Sci. 16(2):101–133.
 *
 * @example wilsonInterval(7, 20, 0.95); // [0.1812, 0.5671]
 */
export function wilsonInterval(successes: number, n: number, level: number, sides: Sides = 'two-sided'): ProportionInterval {
  checkBinomial('wilsonInterval', successes, n, level, sides);
  const z = normalQuantile(1 - tailProbability(level, sides));
  const b = wilsonBounds(successes, n, z);
  return {
    estimate: successes / n,
    ...oneSidedBounds(b.lower, b.upper, sides),
    level,
    sides,
    method: 'wilson',
    n,
    successes,
  };
}

/**
 * Clopper–Pearson ("exact") interval for a binomial proportion from beta quantiles:
 * lower = B⁻¹(t; x, n − x + 1), upper = B⁻¹(1 − t; x + 1, n − x), t = α/2 (two-sided) or α,
 * with lower = 0 when x = 0 and upper = 1 when x = n. Coverage ≥ level for every p.
 *
 * Reference: Clopper & Pearson (1934), "The use of confidence or fiducial limits illustrated in the
 * case of the binomial", Biometrika 26(4):404–413; Brown, Cai & DasGupta (2001), Stat. Sci. 16(2):101–133.
 *
 * @example clopperPearsonInterval(0, 10, 0.95).upper; // 0.3085 (= 1 − 0.025^(1/10))
 */
export function clopperPearsonInterval(
  successes: number,
  n: number,
  level: number,
  sides: Sides = 'two-sided',
): ProportionInterval {
  checkBinomial('clopperPearsonInterval', successes, n, level, sides);
  const t = tailProbability(level, sides);
  const lower = successes === 0 ? 0 : betaQuantile(t, successes, n - successes + 1);
  const upper = successes === n ? 1 : betaQuantile(1 - t, successes + 1, n - successes);
  return {
    estimate: successes / n,
    ...oneSidedBounds(lower, upper, sides),
    level,
    sides,
    method: 'clopper-pearson',
    n,
    successes,
  };
}
