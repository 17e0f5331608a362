/**
 * Wilson and Clopper–Pearson intervals: oracle pins, the exact-coverage guarantee of
 * Clopper–Pearson, and an end-to-end calibration test of Wilson.
 *
 * Oracles: R 4.2.2 `prop.test(x, n, correct = FALSE)` (Wilson) and `binom.test` (Clopper–Pearson),
 * printed with sprintf("%.17g"); cross-checked with statsmodels 0.13.5
 * `proportion_confint(..., method='wilson' | 'beta')` (agrees to ≤ 3e-16 relative, printed below
 * where used). Tolerance 1e-13 relative (see distributions.test.ts).
 *
 * False-failure budget of this file: the Wilson calibration check fails with probability ≤ 1e-6;
 * the rest is deterministic.
 */
import fc from 'fast-check';
import { RandomStream } from '../../engine/random/stream';
import { clopperPearsonInterval, wilsonInterval } from './proportion-interval';
import { binomialPmf, consistentRate, expectRelClose } from './testing';

const REL = 1e-13;

describe('wilsonInterval', () => {
  it('matches R prop.test(correct = FALSE) and statsmodels', () => {
    // R 4.2.2: prop.test(7, 20, correct=FALSE)$conf.int -> 0.18119182410108206, 0.56714572331476365
    // statsmodels 0.13.5: proportion_confint(7, 20, alpha=0.05, method='wilson') -> (0.18119182410108203, 0.5671457233147638)
    const a = wilsonInterval(7, 20, 0.95);
    expectRelClose(a.lower, 0.18119182410108206, REL);
    expectRelClose(a.upper, 0.56714572331476365, REL);
    expect(a).toMatchObject({ estimate: 0.35, n: 20, successes: 7, method: 'wilson', sides: 'two-sided', level: 0.95 });
    // R 4.2.2: prop.test(1, 40, correct=FALSE)$conf.int -> 0.0044268315026813922, 0.12881368963474088
    const b = wilsonInterval(1, 40, 0.95);
    expectRelClose(b.lower, 0.0044268315026813922, REL);
    expectRelClose(b.upper, 0.12881368963474088, REL);
  });

  it('gives exact 0 and 1 bounds at x = 0 and x = n', () => {
    // R 4.2.2: prop.test(0, 15, correct=FALSE)$conf.int -> 0, 0.20388330103584854
    const z = wilsonInterval(0, 15, 0.95);
    expect(z.lower).toBe(0);
    expectRelClose(z.upper, 0.20388330103584854, REL);
    // R 4.2.2: prop.test(15, 15, correct=FALSE)$conf.int -> 0.79611669896415138, 1
    const f = wilsonInterval(15, 15, 0.95);
    expectRelClose(f.lower, 0.79611669896415138, REL);
    expect(f.upper).toBe(1);
  });

  it("maps 'lower' to R's alternative = 'greater' and 'upper' to 'less', keeping ±Infinity on the open side", () => {
    // R 4.2.2: prop.test(7, 20, correct=FALSE, conf.level=0.9, alternative='greater')$conf.int -> 0.22949725724670728, 1
    const lo = wilsonInterval(7, 20, 0.9, 'lower');
    expectRelClose(lo.lower, 0.22949725724670728, REL);
    expect(lo.upper).toBe(Infinity);
    // R 4.2.2: prop.test(7, 20, correct=FALSE, conf.level=0.9, alternative='less')$conf.int -> 0, 0.49326883648652192
    const up = wilsonInterval(7, 20, 0.9, 'upper');
    expect(up.lower).toBe(-Infinity);
    expectRelClose(up.upper, 0.49326883648652192, REL);
  });

  it('rejects bad counts and levels with messages naming the parameter and range', () => {
    expect(() => wilsonInterval(21, 20, 0.95)).toThrow('wilsonInterval: successes must be an integer in [0, 20]; got 21');
    expect(() => wilsonInterval(2.5, 20, 0.95)).toThrow('wilsonInterval: successes must be an integer in [0, 20]; got 2.5');
    expect(() => wilsonInterval(0, 0, 0.95)).toThrow('wilsonInterval: n must be an integer >= 1; got 0');
    expect(() => wilsonInterval(1, 2, 95)).toThrow('wilsonInterval: level must be in (0, 1); got 95');
  });

  it('has, in simulation, the exact coverage that R computes for n = 30, p = 0.3 (calibration, α = 1e-6)', () => {
    // Wilson's coverage is not exactly nominal (binomial discreteness). R 4.2.2, exact coverage of
    // the two-sided 90% interval at n = 30, p = 0.3:
    //   cov <- function(n, p, conf) { x <- 0:n; ci <- sapply(x, function(k) prop.test(k, n, correct=FALSE, conf.level=conf)$conf.int)
    //                                 sum(dbinom(x, n, p) * (ci[1, ] <= p & p <= ci[2, ])) }
    //   cov(30, 0.3, 0.9) -> 0.92979250921577916
    const n = 30;
    const p = 0.3;
    const pmf = binomialPmf(n, p);
    let exact = 0;
    for (let x = 0; x <= n; x++) {
      const ci = wilsonInterval(x, n, 0.9);
      if (ci.lower <= p && p <= ci.upper) exact += pmf[x];
    }
    // binomialPmf is accurate to ~1e-14 here; 1e-12 absolute covers the 31-term sum.
    expect(Math.abs(exact - 0.92979250921577916)).toBeLessThanOrEqual(1e-12);

    // End to end: 20,000 simulated experiments of 30 Bernoulli(0.3) trials; the miss count must be
    // consistent with 1 − 0.92979250921577916 (Clopper–Pearson at level 1 − 1e-6). Power: flags a
    // true miss rate outside about [0.061, 0.079] (half-width 4.9·√(0.07·0.93/20000)).
    const reps = 20_000;
    const stream = new RandomStream(0x5eed_0004);
    let misses = 0;
    for (let r = 0; r < reps; r++) {
      let x = 0;
      for (let i = 0; i < n; i++) if (stream.nextFloat64() < p) x++;
      const ci = wilsonInterval(x, n, 0.9);
      if (!(ci.lower <= p && p <= ci.upper)) misses++;
    }
    expect(consistentRate(misses, reps, 1 - 0.92979250921577916, 1e-6)).toBe(true);
  });
});

describe('clopperPearsonInterval', () => {
  it('matches R binom.test and statsmodels', () => {
    // R 4.2.2: binom.test(7, 20)$conf.int -> 0.15390920478454115, 0.59218853453282816
    // statsmodels 0.13.5: proportion_confint(7, 20, alpha=0.05, method='beta') -> (0.15390920478454118, 0.5921885345328282)
    const a = clopperPearsonInterval(7, 20, 0.95);
    expectRelClose(a.lower, 0.15390920478454115, REL);
    expectRelClose(a.upper, 0.59218853453282816, REL);
    expect(a.method).toBe('clopper-pearson');
    // R 4.2.2: binom.test(1, 40)$conf.int -> 0.00063274493204941928, 0.13158585848276572
    const b = clopperPearsonInterval(1, 40, 0.95);
    expectRelClose(b.lower, 0.00063274493204941928, REL);
    expectRelClose(b.upper, 0.13158585848276572, REL);
  });

  it('gives exact 0 and 1 bounds at x = 0 and x = n', () => {
    // R 4.2.2: binom.test(0, 15)$conf.int -> 0, 0.21801936091053398  (= 1 − 0.025^(1/15))
    const z = clopperPearsonInterval(0, 15, 0.95);
    expect(z.lower).toBe(0);
    expectRelClose(z.upper, 0.21801936091053398, REL);
    // R 4.2.2: binom.test(15, 15)$conf.int -> 0.78198063908946602, 1
    const f = clopperPearsonInterval(15, 15, 0.95);
    expectRelClose(f.lower, 0.78198063908946602, REL);
    expect(f.upper).toBe(1);
    // R 4.2.2: binom.test(0, 15, conf.level=0.99, alternative='less')$conf.int -> 0, 0.26435774554035874
    expectRelClose(clopperPearsonInterval(0, 15, 0.99, 'upper').upper, 0.26435774554035874, REL);
  });

  it("maps 'lower' to R's alternative = 'greater' and 'upper' to 'less'", () => {
    // R 4.2.2: binom.test(7, 20, conf.level=0.9, alternative='greater')$conf.int -> 0.20666403328284663, 1
    const lo = clopperPearsonInterval(7, 20, 0.9, 'lower');
    expectRelClose(lo.lower, 0.20666403328284663, REL);
    expect(lo.upper).toBe(Infinity);
    // R 4.2.2: binom.test(7, 20, conf.level=0.9, alternative='less')$conf.int -> 0, 0.51803075731820525
    const up = clopperPearsonInterval(7, 20, 0.9, 'upper');
    expect(up.lower).toBe(-Infinity);
    expectRelClose(up.upper, 0.51803075731820525, REL);
  });

  it('covers every p with probability at least the level (exact computation, any n ≤ 60)', () => {
    // Clopper & Pearson (1934): P_p(p ∈ CI) ≥ 1 − α for all p. Exact coverage by summing binomial
    // probabilities; 1e-12 absorbs the pmf's rounding.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        fc.constantFrom('two-sided' as const, 'lower' as const, 'upper' as const),
        (n, p, level, sides) => {
          const pmf = binomialPmf(n, p);
          let coverage = 0;
          for (let x = 0; x <= n; x++) {
            const ci = clopperPearsonInterval(x, n, level, sides);
            if (ci.lower <= p && p <= ci.upper) coverage += pmf[x];
          }
          return coverage >= level - 1e-12;
        },
      ),
      { seed: 20240607, numRuns: 300 },
    );
  });

  it('rejects bad counts with messages naming the parameter and range', () => {
    expect(() => clopperPearsonInterval(-1, 10, 0.95)).toThrow('clopperPearsonInterval: successes must be an integer in [0, 10]; got -1');
    expect(() => clopperPearsonInterval(1, 10.5, 0.95)).toThrow('clopperPearsonInterval: n must be an integer >= 1; got 10.5');
  });
});
