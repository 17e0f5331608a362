/**
 * tInterval: oracle pins (R 4.2.2 `t.test`, printed with sprintf("%.17g"); tolerance 1e-13
 * relative, see distributions.test.ts) and an end-to-end calibration test.
 *
 * False-failure budget of this file: the three calibration checks each fail with probability
 * ≤ 1e-6 when tInterval is correct (Clopper–Pearson at level 1 − 1e-6), ≤ 3e-6 in total. All other
 * tests are deterministic.
 */
import { RandomStream } from '../../engine/random/stream';
import { tInterval } from './mean-interval';
import { consistentRate, expectRelClose } from './testing';
import type { Sides } from './types';

const REL = 1e-13;
const X1 = [4.2, 5.1, 3.8, 6.0, 5.5, 4.9, 5.2, 4.4, 6.3, 5.0, 4.7, 5.8];

describe('tInterval', () => {
  it('matches R t.test for a two-sided 95% interval', () => {
    // R 4.2.2: x1 <- c(4.2, 5.1, 3.8, 6.0, 5.5, 4.9, 5.2, 4.4, 6.3, 5.0, 4.7, 5.8)
    // t.test(x1, conf.level=0.95): conf.int 4.6017571699598401, 5.5482428300401594
    //   estimate 5.0750000000000002  stderr 0.21501409397074556  df 11;  sd(x1) 0.74483067020144056
    const ci = tInterval(X1, 0.95);
    expectRelClose(ci.lower, 4.6017571699598401, REL);
    expectRelClose(ci.upper, 5.5482428300401594, REL);
    expectRelClose(ci.estimate, 5.0750000000000002, REL);
    expectRelClose(ci.se, 0.21501409397074556, REL);
    expectRelClose(ci.sd, 0.74483067020144056, REL);
    expect(ci).toMatchObject({ df: 11, n: 12, level: 0.95, sides: 'two-sided', method: 't' });
  });

  it("maps 'lower' to R's alternative = 'greater' and 'upper' to 'less'", () => {
    // R 4.2.2: t.test(x1, conf.level=0.9, alternative='greater'): conf.int 4.7818432654785674, Inf
    const lower = tInterval(X1, 0.9, 'lower');
    expectRelClose(lower.lower, 4.7818432654785674, REL);
    expect(lower.upper).toBe(Infinity);
    // R 4.2.2: t.test(x1, conf.level=0.9, alternative='less'): conf.int -Inf, 5.368156734521432
    const upper = tInterval(X1, 0.9, 'upper');
    expect(upper.lower).toBe(-Infinity);
    expectRelClose(upper.upper, 5.368156734521432, REL);
  });

  it('accepts typed arrays', () => {
    const ci = tInterval(Float64Array.from(X1), 0.95);
    expectRelClose(ci.lower, 4.6017571699598401, REL);
  });

  it('returns the degenerate interval [mean, mean] for a constant sample', () => {
    expect(tInterval([2, 2, 2], 0.95)).toMatchObject({ lower: 2, upper: 2, se: 0, sd: 0 });
  });

  it('rejects bad levels, sides and samples with messages naming the parameter and range', () => {
    expect(() => tInterval(X1, 1.5)).toThrow('tInterval: level must be in (0, 1); got 1.5');
    expect(() => tInterval(X1, 0)).toThrow('tInterval: level must be in (0, 1); got 0');
    expect(() => tInterval(X1, 0.95, 'both' as Sides)).toThrow(
      `tInterval: sides must be one of 'two-sided', 'lower', 'upper'; got "both"`,
    );
    expect(() => tInterval([1], 0.95)).toThrow('tInterval: sample needs n >= 2 values; got n = 1');
    expect(() => tInterval([1, Infinity], 0.95)).toThrow('tInterval: sample must contain only finite numbers; got Infinity at index 1');
  });

  it('covers the mean of normal data at the nominal 90% rate, on both sides and two-sided (calibration, α = 1e-6 each)', () => {
    // 20,000 replications of n = 30 N(0, 1) draws; the true mean 0 is missed with probability
    // exactly 0.10 by each interval. The check passes when 0.10 lies in the Clopper–Pearson
    // interval at level 1 − 1e-6 of the observed miss count. Power: with 20,000 replications it
    // flags a true miss rate outside about [0.089, 0.111] (CP half-width 4.9·√(0.1·0.9/20000)).
    const reps = 20_000;
    const n = 30;
    const stream = new RandomStream(0x5eed_0001);
    const x = new Float64Array(n);
    const misses: Record<Sides, number> = { 'two-sided': 0, lower: 0, upper: 0 };
    for (let r = 0; r < reps; r++) {
      stream.fillNormal(x, 1);
      for (const sides of ['two-sided', 'lower', 'upper'] as const) {
        const ci = tInterval(x, 0.9, sides);
        if (!(ci.lower <= 0 && 0 <= ci.upper)) misses[sides]++;
      }
    }
    for (const sides of ['two-sided', 'lower', 'upper'] as const) {
      expect({ sides, consistent: consistentRate(misses[sides], reps, 0.1, 1e-6) }).toEqual({ sides, consistent: true });
    }
  });
});
