/**
 * bootstrapInterval: pinned against the R package boot (boot.ci, types "perc" and "bca") on the
 * same resamples, plus exact-moment checks of the resampling.
 *
 * Oracle: R 4.2.2, boot 1.3.28.1. Both sides draw resample indices from the same LCG
 * s ← (69069·s + 1) mod 2³² (s₀ = 12345, exact in doubles in R and JS), index = ⌊(s/2³²)·n⌋, so R's
 * replicates are the ones bootstrapInterval computes. R script (values printed with "%.17g"):
 *   xb <- c(0.8, 2.3, 1.1, 4.7, 0.3, 1.9, 3.2, 0.6, 1.4, 6.1, 2.8, 0.9, 1.7, 0.4, 2.2); n <- 15; B <- 99
 *   s <- 12345; idx <- matrix(0L, B, n)
 *   for (b in 1:B) for (i in 1:n) { s <- (69069 * s + 1) %% 4294967296; idx[b, i] <- floor(s / 4294967296 * n) + 1 }
 *   tstar <- apply(idx, 1, function(k) mean(xb[k]))
 *   bo <- boot(xb, function(d, i) mean(d[i]), R = B); bo$t <- matrix(tstar, ncol = 1); bo$t0 <- mean(xb)
 *   L <- empinf(bo, type = "jack")          # jackknife influence values, as bootstrapInterval uses
 *   boot.ci(bo, conf = 0.9, type = c("perc", "bca"), L = L); boot.ci(bo, conf = 0.8, ...)
 *   (no replicate ties with t0, so boot's strict z0 count equals our mid-rank count)
 * Tolerance 1e-13 relative: R sums the replicate means in long double, we in double with
 * compensation; order statistics agree to a few ulps.
 *
 * False-failure budget of this file: the two moment checks fail with probability ≈ 1e-6 and
 * ≈ 1.3e-6 (Edgeworth estimate for the skewed squared deviations, see there); the rest is
 * deterministic.
 */
import { RandomStream } from '../../engine/random/stream';
import { bootstrapInterval, bootstrapIntervalFromReplicates } from './bootstrap-interval';
import { tInterval } from './mean-interval';
import { expectRelClose } from './testing';
import type { UniformRandom } from './types';

const REL = 1e-13;
const XB = [0.8, 2.3, 1.1, 4.7, 0.3, 1.9, 3.2, 0.6, 1.4, 6.1, 2.8, 0.9, 1.7, 0.4, 2.2];

function lcg(seed: number): UniformRandom {
  let s = seed;
  return () => {
    s = (69069 * s + 1) % 4294967296;
    return s / 4294967296;
  };
}

describe('bootstrapInterval', () => {
  it('matches boot.ci percentile intervals on the same resamples', () => {
    // R: boot.ci(conf=0.90, type='perc')$percent[4:5] -> 1.3866666666666667, 2.9266666666666667
    const p90 = bootstrapInterval(XB, 0.9, { resamples: 99, random: lcg(12345), method: 'percentile' });
    expectRelClose(p90.lower, 1.3866666666666667, REL);
    expectRelClose(p90.upper, 2.9266666666666667, REL);
    // R: boot.ci(conf=0.80, type='perc')$percent[4:5] -> 1.6133333333333333, 2.6666666666666665
    const p80 = bootstrapInterval(XB, 0.8, { resamples: 99, random: lcg(12345), method: 'percentile' });
    expectRelClose(p80.lower, 1.6133333333333333, REL);
    expectRelClose(p80.upper, 2.6666666666666665, REL);
    expect(p80).toMatchObject({ method: 'bootstrap-percentile', resamples: 99, n: 15, sides: 'two-sided', warnings: [] });
    // R: mean(xb) -> 2.0266666666666668
    expectRelClose(p80.estimate, 2.0266666666666668, REL);
  });

  it('matches boot.ci BCa intervals, bias correction and acceleration on the same resamples', () => {
    // R: boot.ci(conf=0.90, type='bca', L=empinf(type='jack'))$bca[4:5] -> 1.4825054379769262, 2.9333333333333331
    const b90 = bootstrapInterval(XB, 0.9, { resamples: 99, random: lcg(12345), method: 'bca' });
    expectRelClose(b90.lower, 1.4825054379769262, REL);
    expectRelClose(b90.upper, 2.9333333333333331, REL);
    // R: w <- qnorm(sum(tstar < mean(xb)) / B) -> 0.012660076940314147; a <- sum(L^3)/(6*sum(L^2)^1.5) -> 0.052046800739003002
    expectRelClose(b90.biasCorrection ?? NaN, 0.012660076940314147, REL);
    expectRelClose(b90.acceleration ?? NaN, 0.052046800739003002, REL);
    // R: boot.ci(conf=0.80, type='bca', L=empinf(type='jack'))$bca[4:5] -> 1.6533333333333333, 2.7528434715562353
    const b80 = bootstrapInterval(XB, 0.8, { resamples: 99, random: lcg(12345), method: 'bca' });
    expectRelClose(b80.lower, 1.6533333333333333, REL);
    expectRelClose(b80.upper, 2.7528434715562353, REL);
  });

  it('gives one-sided bounds equal to the matching end of the two-sided interval at twice the α', () => {
    // 'lower' at 0.95 = lower end of the 90% two-sided interval (R values above).
    const lo = bootstrapInterval(XB, 0.95, { resamples: 99, random: lcg(12345), method: 'bca', sides: 'lower' });
    expectRelClose(lo.lower, 1.4825054379769262, REL);
    expect(lo.upper).toBe(Infinity);
    const up = bootstrapInterval(XB, 0.95, { resamples: 99, random: lcg(12345), method: 'bca', sides: 'upper' });
    expect(up.lower).toBe(-Infinity);
    expectRelClose(up.upper, 2.9333333333333331, REL);
    const plo = bootstrapInterval(XB, 0.9, { resamples: 99, random: lcg(12345), method: 'percentile', sides: 'lower' });
    expectRelClose(plo.lower, 1.6133333333333333, REL);
  });

  it('warns when B < 10/α', () => {
    const r = bootstrapInterval(XB, 0.9, { resamples: 99, random: lcg(12345), method: 'percentile' });
    expect(r.warnings).toEqual(['resamples B = 99 < 10/α = 100: the endpoints carry large Monte Carlo error']);
  });

  it('warns when an endpoint is an extreme order statistic', () => {
    const r = bootstrapIntervalFromReplicates({ estimate: 5, replicates: [4, 5.5, 6, 4.5], level: 0.9, method: 'percentile', n: 4 });
    expect(r.lower).toBe(4);
    expect(r.upper).toBe(6);
    expect(r.warnings.filter((w) => w.startsWith('extreme order statistic'))).toHaveLength(2);
  });

  it('reproduces the exact bootstrap moments of the mean (Monte Carlo, α ≈ 1e-6 per check)', () => {
    // Given the sample, each replicate mean θ* has E[θ*] = x̄ and E[(θ* − x̄)²] = σ̂²/n with σ̂² the
    // divisor-n variance (the plug-in variance of a mean; Efron & Tibshirani 1993, ch. 5): exact, whatever the data. Two-sided t
    // intervals at level 1 − 1e-6 over B = 20,000 replicates must contain them. The replicates are
    // close to normal, so the first check's false-failure rate is 1e-6; the squared deviations are
    // ≈ σ̂²/n·χ²₁ (γ = √8, κ = 12), for which tCoverageErrorEstimate(20000, √8, 12, 1e-6) gives 1.3e-6.
    const replicates: number[] = [];
    const stream = new RandomStream(0x5eed_0003);
    let calls = 0;
    bootstrapInterval(XB, 0.95, {
      resamples: 20_000,
      random: () => stream.nextFloat64(),
      method: 'percentile',
      statistic: (r) => {
        let s = 0;
        for (let i = 0; i < r.length; i++) s += r[i];
        if (calls++ > 0) replicates.push(s / r.length); // the first call is the original sample
        return s / r.length;
      },
    });
    expect(replicates).toHaveLength(20_000);
    const n = XB.length;
    const mean = XB.reduce((a, b) => a + b, 0) / n;
    const varN = XB.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    const m = tInterval(replicates, 1 - 1e-6);
    expect(m.lower <= mean && mean <= m.upper).toBe(true);
    const v = tInterval(
      replicates.map((t) => (t - mean) ** 2),
      1 - 1e-6,
    );
    expect(v.lower <= varN / n && varN / n <= v.upper).toBe(true);
  });

  it('refuses BCa when every replicate lies on one side of the estimate', () => {
    expect(() =>
      bootstrapIntervalFromReplicates({ estimate: 1, replicates: [2, 3, 4], level: 0.9, method: 'bca', jackknife: [1, 2, 3] }),
    ).toThrow('bootstrapIntervalFromReplicates: the bias correction z0 is infinite');
  });

  it('rejects bad options with messages naming the parameter and range', () => {
    const random = lcg(1);
    expect(() => bootstrapInterval(XB, 0.9, { resamples: 1.5, random, method: 'bca' })).toThrow(
      'bootstrapInterval: resamples must be an integer >= 2; got 1.5',
    );
    expect(() => bootstrapInterval(XB, 0.9, { resamples: 10, random: () => 1, method: 'bca' })).toThrow(
      'bootstrapInterval: random() must be a number in [0, 1); got 1',
    );
    expect(() => bootstrapInterval(XB, 0.9, { resamples: 10, random, method: 'basic' as 'bca' })).toThrow(
      `bootstrapInterval: method must be 'percentile' or 'bca'; got "basic"`,
    );
    expect(() => bootstrapInterval(XB, 0.9, { resamples: 10, random, method: 'bca', statistic: () => NaN })).toThrow(
      'bootstrapInterval: statistic must return a finite number; got NaN on the original sample',
    );
    expect(() => bootstrapInterval([1], 0.9, { resamples: 10, random, method: 'bca' })).toThrow(
      'bootstrapInterval: sample needs n >= 2 values; got n = 1',
    );
    expect(() => bootstrapIntervalFromReplicates({ estimate: 1, replicates: [2, 3], level: 0.9, method: 'bca' })).toThrow(
      "bootstrapIntervalFromReplicates: jackknife must be given (leave-one-out values) for method 'bca'; got undefined",
    );
  });
});
