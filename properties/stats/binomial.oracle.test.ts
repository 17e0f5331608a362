/**
 * Oracle tests for the exact binomial machinery: the Clopper–Pearson interval and the hand-written
 * binomial tail sums (properties/checks/proportion.ts `binomialTail`, used by the proportion and
 * goodness-of-fit checks) against
 * - @stdlib/stats-binomial-test (R's `binom.test`: Clopper–Pearson interval, exact one-sided p-values
 *   from stdlib's binomial cdf, i.e. its regularized incomplete beta);
 * - @stdlib/math-base-special-betainc: P(X ≥ x) = I_p(x, n − x + 1) (Johnson, Kemp & Kotz 2005,
 *   Univariate Discrete Distributions, 3rd ed., §3.6; Abramowitz & Stegun 26.5.24);
 * - an exact reference: for p = a/1000 the tail Σ_{k ≥ x} C(n, k) aᵏ (1000 − a)^{n−k} / 1000ⁿ is a
 *   rational number, summed in BigInt and rounded once to float64.
 *
 * Measured accuracy (worst relative error), against the exact rational tail for n ≤ 2000 (p = a/1000,
 * 0.001 … 0.999, 5578 tails down to 1e-300) and against a 50-digit mpmath sum of the pmf for
 * n = 10³ … 10⁶ (p = 10⁻⁴ … 0.5, x within −8 … +12 standard deviations of the mean):
 *
 * | n | binomialTail | betainc |
 * |---|---|---|
 * | ≤ 2000 | 3.2e-12 | 1.9e-13 (tails ≥ 1e-200) |
 * | 10⁴ | 2.2e-11 | 7.8e-13 |
 * | 10⁵ | 3.2e-10 | 3.8e-12 |
 * | 10⁶ | 3.1e-9 | 1.7e-11 |
 *
 * `binomialTail` loses ≈ log(n!)·ε through the log-gamma differences of its pmf; `betainc` is 10–200×
 * more accurate but underflows to 0 for some tails below ≈ 1e-200 (n = 200, p = 0.01, x = 164: exact
 * 4.5e-289). The tolerances below are those bounds rounded up. stdlib's binomial-test p-values are
 * 1 − cdf, so they carry an absolute error ≈ 1e-17 (relative 3e-8 at p = 1.25e-10): compared with an
 * absolute floor of 1e-15.
 *
 * Deterministic: fast-check with fixed seeds.
 */
import fc from 'fast-check';
import betainc = require('@stdlib/math-base-special-betainc');
import binomialTest = require('@stdlib/stats-binomial-test');
import { binomialTail } from '../checks/binomial';
import { clopperPearsonInterval, type Sides } from './index';
import { expectRelClose } from './testing';

const SEED = 20240613;

/** num/den (positive BigInts) rounded to float64 (one rounding of a 64-bit quotient: < 2⁻⁶³ relative). */
function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const e = num.toString(2).length - den.toString(2).length;
  const q = e <= 64 ? (num << BigInt(64 - e)) / den : num / (den << BigInt(e - 64));
  return Number(q) * 2 ** -64 * 2 ** e;
}

/** Exact P(X ≥ x), X ~ Binomial(n, a/1000), rounded once to float64. */
function exactUpperTail(x: number, n: number, a: number): number {
  const A = BigInt(a);
  const C = 1000n - A;
  let num = 0n;
  let binom = 1n; // C(n, k)
  for (let k = 0; k <= n; k++) {
    if (k >= x) num += binom * A ** BigInt(k) * C ** BigInt(n - k);
    binom = (binom * BigInt(n - k)) / BigInt(k + 1);
  }
  return ratioToNumber(num, 1000n ** BigInt(n));
}

/** P(X ≥ x) from the regularized incomplete beta, 1 ≤ x ≤ n. */
const betaincUpperTail = (x: number, n: number, p: number): number => betainc(p, x, n - x + 1);

/** (n, x, a) with 1 ≤ x ≤ n ≤ maxN and p = a/1000. */
const tailCase = (maxN: number): fc.Arbitrary<[number, number, number]> =>
  fc
    .integer({ min: 1, max: maxN })
    .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: 999 })));

describe('binomialTail and stdlib betainc vs the exact rational tail', () => {
  it('binomialTail is within 1e-11 relative of the exact tail (upper and lower)', () => {
    fc.assert(
      fc.property(tailCase(300), ([n, x, a]) => {
        const exact = exactUpperTail(x, n, a);
        if (!(exact > 1e-300)) return; // below float64's normal range
        expectRelClose(binomialTail(x, n, a / 1000, 'upper'), exact, 1e-11);
        // P(X ≤ x − 1) = 1 − P(X ≥ x) = P(Y ≥ n − x + 1) for Y ~ Binomial(n, 1 − p).
        expectRelClose(binomialTail(x - 1, n, a / 1000, 'lower'), exactUpperTail(n - x + 1, n, 1000 - a), 1e-11);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('betainc is within 1e-12 relative of the exact tail where it is ≥ 1e-200', () => {
    fc.assert(
      fc.property(tailCase(300), ([n, x, a]) => {
        const exact = exactUpperTail(x, n, a);
        if (!(exact >= 1e-200)) return;
        expectRelClose(betaincUpperTail(x, n, a / 1000), exact, 1e-12);
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('betainc underflows to 0 far in the tail, where binomialTail does not', () => {
    const exact = exactUpperTail(164, 200, 10);
    expectRelClose(exact, 4.50142502014939e-289, 1e-12);
    expect(betaincUpperTail(164, 200, 0.01)).toBe(0);
    expectRelClose(binomialTail(164, 200, 0.01, 'upper'), exact, 1e-11);
  });

  it('large n (10³ … 10⁶): binomialTail and betainc agree within 1e-8 relative for tails ≥ 1e-200', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 1_000_000 }),
        fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }),
        fc.double({ min: -8, max: 8, noNaN: true }),
        (n, p, z) => {
          // x within ±8 standard deviations of the mean: the region where tests decide.
          const x = Math.min(n, Math.max(1, Math.round(n * p + z * Math.sqrt(n * p * (1 - p)))));
          const theirs = betaincUpperTail(x, n, p);
          if (!(theirs >= 1e-200)) return;
          expectRelClose(binomialTail(x, n, p, 'upper'), theirs, 1e-8);
        },
      ),
      { seed: SEED + 2, numRuns: 200 },
    );
  });
});

describe('exact binomial test vs @stdlib/stats-binomial-test', () => {
  const ALTERNATIVE: Record<Sides, 'two-sided' | 'greater' | 'less'> = { 'two-sided': 'two-sided', lower: 'greater', upper: 'less' };

  it('clopperPearsonInterval has binom.test’s interval at every level and side (1e-10 relative)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        fc.constantFrom(0.95, 0.99, 1 - 1e-3, 1 - 1e-5, 1 - 1e-6),
        fc.constantFrom<Sides>('two-sided', 'lower', 'upper'),
        ([n, x], level, sides) => {
          const ours = clopperPearsonInterval(x, n, level, sides);
          const theirs = binomialTest(x, n, { alpha: 1 - level, alternative: ALTERNATIVE[sides] }).ci;
          // stdlib closes one-sided intervals at 0 and 1; ours keeps ±∞ on the open side (types.ts).
          if (sides !== 'upper') expectRelClose(ours.lower, theirs[0], 1e-10);
          else expect(ours.lower).toBe(-Infinity);
          if (sides !== 'lower') expectRelClose(ours.upper, theirs[1], 1e-10);
          else expect(ours.upper).toBe(Infinity);
        },
      ),
      { seed: SEED + 3, numRuns: 300 },
    );
  });

  it('one-sided exact p-values are binomialTail (within 1e-10 relative + 1e-15 absolute)', () => {
    const close = (ours: number, theirs: number): void => expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-10 * theirs + 1e-15);
    fc.assert(
      fc.property(tailCase(5000), ([n, x, a]) => {
        const p = a / 1000;
        close(binomialTail(x, n, p, 'upper'), binomialTest(x, n, { p, alternative: 'greater' }).pValue); // P(X ≥ x)
        close(binomialTail(x, n, p, 'lower'), binomialTest(x, n, { p, alternative: 'less' }).pValue); // P(X ≤ x)
      }),
      { seed: SEED + 4, numRuns: 300 },
    );
  });
});
