/**
 * p-values: oracle pins (R 4.2.2 `t.test`, printed with
 * sprintf("%.17g"); tolerance 1e-13 relative) and the duality with the intervals (p < α exactly
 * when compareToPrediction rejects). Deterministic (fast-check with a fixed seed).
 */
import fc from 'fast-check';
import { compareToPrediction } from './compare';
import { tInterval } from './mean-interval';
import { tTestPValue } from './p-values';
import { expectRelClose } from './testing';

const REL = 1e-13;
const X1 = [4.2, 5.1, 3.8, 6.0, 5.5, 4.9, 5.2, 4.4, 6.3, 5.0, 4.7, 5.8];
const SIDES = ['two-sided', 'lower', 'upper'] as const;

describe('tTestPValue', () => {
  it("matches R t.test p-values ('lower' = alternative 'greater', 'upper' = 'less')", () => {
    // R 4.2.2: t.test(x1, mu=4.6, alternative='two.sided')$p.value -> 0.049291098820611515
    expectRelClose(tTestPValue(X1, 4.6, 'two-sided'), 0.049291098820611515, REL);
    // R 4.2.2: t.test(x1, mu=4.6, alternative='greater')$p.value -> 0.024645549410305757
    expectRelClose(tTestPValue(X1, 4.6, 'lower'), 0.024645549410305757, REL);
    // R 4.2.2: t.test(x1, mu=4.6, alternative='less')$p.value -> 0.97535445058969428
    expectRelClose(tTestPValue(X1, 4.6, 'upper'), 0.97535445058969428, REL);
    // R 4.2.2: t.test(x1, mu=5.4, alternative='two.sided')$p.value -> 0.1588370494122841
    expectRelClose(tTestPValue(X1, 5.4), 0.1588370494122841, REL);
    // R 4.2.2: t.test(x1, mu=5.4, alternative='greater')$p.value -> 0.92058147529385792
    expectRelClose(tTestPValue(X1, 5.4, 'lower'), 0.92058147529385792, REL);
    // R 4.2.2: t.test(x1, mu=5.4, alternative='less')$p.value -> 0.079418524706142052
    expectRelClose(tTestPValue(X1, 5.4, 'upper'), 0.079418524706142052, REL);
  });

  it('is dual to tInterval: p < α exactly when the interval rejects mu0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: -12, max: 12, noNaN: true }),
        fc.constantFrom(0.01, 0.05, 0.2),
        fc.constantFrom(...SIDES),
        (sample, mu0, alpha, sides) => {
          const ci = tInterval(sample, 1 - alpha, sides);
          if (ci.se === 0) return true; // degenerate sample: covered by its own test
          const p = tTestPValue(sample, mu0, sides);
          // Skip the measure-zero boundary, where rounding in t vs. the quantile may disagree.
          if (Math.abs(p - alpha) < 1e-9) return true;
          return (p < alpha) === (compareToPrediction(ci, mu0).verdict === 'rejected');
        },
      ),
      { seed: 4242, numRuns: 400 },
    );
  });

  it('gives 1 or 0 for a constant sample, consistent with the degenerate interval', () => {
    expect(tTestPValue([3, 3, 3], 3)).toBe(1);
    expect(tTestPValue([3, 3, 3], 2)).toBe(0);
    expect(tTestPValue([3, 3, 3], 2, 'upper')).toBe(1);
    expect(tTestPValue([3, 3, 3], 2, 'lower')).toBe(0);
  });

  it('rejects bad input with messages naming the parameter', () => {
    expect(() => tTestPValue(X1, NaN)).toThrow('tTestPValue: mu0 must be a finite number; got NaN');
    expect(() => tTestPValue([1], 0)).toThrow('tTestPValue: sample needs n >= 2 values; got n = 1');
  });
});

