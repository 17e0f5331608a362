/**
 * Oracle tests for the goodness-of-fit check of counts (properties/checks/goodness-of-fit.ts)
 * against stdlib's maintained tests, on fast-check generated counts (fixed seeds):
 * - the χ² reference distribution and its df convention: on the check's own pooled bins
 *   (`poolBins`), @stdlib/stats-chi2gof's Pearson p-value equals `1 − chiSquareCdf(X², bins − 1)`,
 *   the tail the check refers G/q to (1e-12 relative + 1e-15 absolute: the same χ² cdf on both sides,
 *   so only the bins' probabilities and the df can differ);
 * - the two-bin path (the exact binomial test of the first bin's count, central p-value
 *   min(1, 2·min(P(X ≥ x), P(X ≤ x)))) against @stdlib/stats-binomial-test's one-sided exact
 *   p-values (1e-10 relative + 1e-15 absolute: stdlib's p-values are 1 − cdf, absolute error ≈ 1e-17;
 *   see binomial.oracle.test.ts).
 * stdlib has no likelihood-ratio (G) test, so the G/q statistic itself has no oracle here; its
 * calibration is pinned by exact enumeration in goodness-of-fit.test.ts.
 *
 * Reference: Agresti (2013), Categorical Data Analysis, 3rd ed., §1.5 (Pearson and G tests, df = bins − 1).
 */
import fc from 'fast-check';
import chi2gof = require('@stdlib/stats-chi2gof');
import binomialTest = require('@stdlib/stats-binomial-test');
import { binomialCountsCheck, binomialLaw, poolBins } from '../checks/goodness-of-fit';
import { chiSquareCdf } from './index';

const SEED = 20240614;

const close = (ours: number, theirs: number, rel: number): void => expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(rel * theirs + 1e-15);

describe('chiSquareCdf on the check’s pooled bins vs @stdlib/stats-chi2gof', () => {
  it('Pearson p-value = 1 − chiSquareCdf(X², bins − 1) for Binomial(N, p) laws', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 5, max: 95 }),
        fc.integer({ min: 40, max: 2000 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 1_000_000 })),
        (N, p100, n, draws) => {
          const law = binomialLaw(N, p100 / 100);
          const probs = Float64Array.from({ length: N + 1 }, (_, k) => law.pmf(k));
          const bins = poolBins(probs, 0, n);
          if (bins.length < 2) return;
          // Counts spread over the support (they need not follow the law: only the tail is compared).
          const observed = new Array<number>(bins.length).fill(0);
          const it = draws[Symbol.iterator]();
          for (let i = 0; i < n; i++) {
            const u = it.next().value % (N + 1);
            observed[bins.findIndex((b) => u <= b.to)]++;
          }
          const theirs = chi2gof(observed, bins.map((b) => b.prob));
          close(1 - chiSquareCdf(theirs.statistic, bins.length - 1), theirs.pValue, 1e-12);
          expect(theirs.df).toBe(bins.length - 1);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('two-bin goodness of fit vs @stdlib/stats-binomial-test', () => {
  it('Bernoulli(0.3) counts: the check’s p-value is the central exact binomial p-value', () => {
    const check = binomialCountsCheck(0.3);
    fc.assert(
      fc.property(
        fc.integer({ min: 34, max: 3000 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        ([n, zeros]) => {
          // n ≥ 34: both bins ({0}, {1}) have expected counts ≥ 10, so the check has exactly two bins.
          const units = Float64Array.from({ length: n }, (_, i) => (i < zeros ? 0 : 1));
          const ours = check.evaluate(units, 0.3, 1e-6).pValue!;
          const options = { p: 0.7 }; // the first bin {0} has probability 0.7
          const greater = binomialTest(zeros, n, { ...options, alternative: 'greater' }).pValue;
          const less = binomialTest(zeros, n, { ...options, alternative: 'less' }).pValue;
          close(ours, Math.min(1, 2 * Math.min(greater, less)), 1e-10);
        },
      ),
      { seed: SEED + 1, numRuns: 300 },
    );
  });
});
