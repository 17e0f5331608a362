/**
 * Oracle tests: the Student t interval and p-value and Welch's interval against stdlib's maintained
 * implementations, @stdlib/stats-ttest (one-sample) and @stdlib/stats-ttest2 (two-sample, `variance:
 * 'unequal'` = Welch–Satterthwaite), on fast-check generated samples (fixed seed) at the levels the
 * suite uses (95 % … 1 − 10⁻⁶) and all three sides.
 *
 * Sides: our `'lower'` ([L, ∞), tests θ ≤ θ₀ against θ > θ₀) is stdlib's `alternative: 'greater'`,
 * our `'upper'` is `'less'` (properties/stats/types.ts).
 *
 * Tolerance: both sides use the same t distribution (stdlib's t-cdf and t-quantile), so they differ
 * only by the rounding of the moments (ours: two-pass mean and variance). Samples are multiples of
 * 10⁻³ in [−10³, 10³] with a spread ≥ 10⁻³, where that rounding is < 10⁻¹² relative; the stated
 * tolerance 10⁻⁹ relative (bounds, df, p-values) leaves room for the t-quantile's own accuracy at
 * extreme levels.
 */
import fc from 'fast-check';
import ttest = require('@stdlib/stats-ttest');
import ttest2 = require('@stdlib/stats-ttest2');
import { tInterval, tTestPValue, welchInterval, type Sides } from './index';
import { expectRelClose } from './testing';

const SEED = 20240612;
const RUNS = 300;
const REL = 1e-9;

const ALTERNATIVE: Record<Sides, 'two-sided' | 'greater' | 'less'> = { 'two-sided': 'two-sided', lower: 'greater', upper: 'less' };

const sample = (maxLength: number): fc.Arbitrary<number[]> =>
  fc
    .array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 2, maxLength })
    .filter((xs) => new Set(xs).size > 1)
    .map((xs) => xs.map((v) => v / 1000));
const level = fc.constantFrom(0.95, 0.99, 1 - 1e-3, 1 - 1e-5, 1 - 1e-6);
const sides = fc.constantFrom<Sides>('two-sided', 'lower', 'upper');

/** A bound equal to stdlib's: both infinite with the same sign, or within REL. */
function expectBound(ours: number, theirs: number): void {
  if (!Number.isFinite(theirs)) expect(ours).toBe(theirs);
  else expectRelClose(ours, theirs, REL);
}

describe('tInterval and tTestPValue vs @stdlib/stats-ttest', () => {
  it('one-sample interval: same bounds at every level and side', () => {
    fc.assert(
      fc.property(sample(60), level, sides, (x, lvl, s) => {
        const ours = tInterval(x, lvl, s);
        const theirs = ttest(x, { alpha: 1 - lvl, alternative: ALTERNATIVE[s] });
        expectBound(ours.lower, theirs.ci[0]);
        expectBound(ours.upper, theirs.ci[1]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('one-sample p-value: same p for any null mean and side', () => {
    fc.assert(
      fc.property(sample(60), fc.integer({ min: -2000, max: 2000 }), sides, (x, mu1000, s) => {
        const mu = mu1000 / 2;
        const ours = tTestPValue(x, mu, s);
        const theirs = ttest(x, { mu, alternative: ALTERNATIVE[s] }).pValue;
        // p-values underflowing to subnormal range are compared absolutely.
        if (theirs < 1e-300) expect(ours).toBeLessThan(1e-290);
        else expectRelClose(ours, theirs, REL);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});

describe('welchInterval vs @stdlib/stats-ttest2 (variance: unequal)', () => {
  it('same bounds and Welch–Satterthwaite df at every level and side', () => {
    fc.assert(
      fc.property(sample(40), sample(40), level, sides, (a, b, lvl, s) => {
        const ours = welchInterval(a, b, lvl, s);
        const theirs = ttest2(a, b, { variance: 'unequal', alpha: 1 - lvl, alternative: ALTERNATIVE[s] });
        expectRelClose(ours.df, theirs.df, REL);
        expectBound(ours.lower, theirs.ci[0]);
        expectBound(ours.upper, theirs.ci[1]);
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });
});
