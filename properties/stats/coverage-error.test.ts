/**
 * tCoverageErrorEstimate: formula pins (R 4.2.2 transcription of Hall's q₁, q₂), an exact check of
 * the expansion's order on normal data, and Monte Carlo checks on exponential data.
 *
 * False-failure budget of this file: the four Monte Carlo checks each fail with probability
 * ≤ 1e-6 when their claim holds with the margins measured beforehand (see the comment there);
 * the rest is deterministic.
 */
import { RandomStream } from '../../engine/random/stream';
import { normalQuantile, tCdf, tQuantile } from './distributions';
import { tCoverageErrorEstimate } from './coverage-error';
import { clopperPearsonInterval } from './proportion-interval';
import { expectRelClose } from './testing';
import type { Sides } from './types';

const REL = 1e-13;

describe('tCoverageErrorEstimate', () => {
  // R 4.2.2 transcription used for the pins below:
  //   q1 <- function(x, g) g/6*(2*x^2+1)
  //   q2 <- function(x, g, k) x*((k/12)*(x^2-3) - (g^2/18)*(x^4+2*x^2-3) - (1/4)*(x^2+3))
  //   q2t <- function(x, g, k) x*((k/12)*(x^2-3) - (g^2/18)*(x^4+2*x^2-3))
  //   two <- function(n, g, k, a) { z <- qnorm(1-a/2); c(a - 2*q2t(z,g,k)*dnorm(z)/n, a - 2*q2(z,g,k)*dnorm(z)/n) }
  //   one <- function(n, g, k, a, s) { z <- qnorm(1-a); c(a + s*q1(z,g)*dnorm(z)/sqrt(n) - q2t(z,g,k)*dnorm(z)/n,
  //                                                       a + s*q1(z,g)*dnorm(z)/sqrt(n) - q2(z,g,k)*dnorm(z)/n) }
  it('matches the R transcription of the two-sided formula', () => {
    // R 4.2.2: two(50, 2, 6, 0.05) -> 0.067866212483834537 0.07570311942772158
    const e = tCoverageErrorEstimate(50, 2, 6, 0.05);
    expectRelClose(e.estimated, 0.067866212483834537, REL);
    expectRelClose(e.estimatedZ, 0.07570311942772158, REL);
    expect(e).toMatchObject({ nominal: 0.05, sides: 'two-sided', n: 50 });
    // R 4.2.2: two(25, -0.8, 1.5, 0.01) -> 0.014398010123051317 0.021575204503923341
    const f = tCoverageErrorEstimate(25, -0.8, 1.5, 0.01);
    expectRelClose(f.estimated, 0.014398010123051317, REL);
    expectRelClose(f.estimatedZ, 0.021575204503923341, REL);
  });

  it('matches the R transcription of the one-sided formulas', () => {
    // R 4.2.2: one(30, 2, 6, 0.05, -1) -> 0.022820674777657108 0.030886555540622172   ('lower')
    const lo = tCoverageErrorEstimate(30, 2, 6, 0.05, 'lower');
    expectRelClose(lo.estimated, 0.022820674777657108, REL);
    expectRelClose(lo.estimatedZ, 0.030886555540622172, REL);
    // R 4.2.2: one(30, 2, 6, 0.05, 1) -> 0.10330078217487519 0.11136666293784026   ('upper')
    const up = tCoverageErrorEstimate(30, 2, 6, 0.05, 'upper');
    expectRelClose(up.estimated, 0.10330078217487519, REL);
    expectRelClose(up.estimatedZ, 0.11136666293784026, REL);
  });

  it('estimates no error for the t interval on normal data, where it is exact', () => {
    // R 4.2.2: two(20, 0, 0, 0.05) -> 0.050000000000000003 0.069592267359717616
    const e = tCoverageErrorEstimate(20, 0, 0, 0.05);
    expectRelClose(e.estimated, 0.05, REL);
    expectRelClose(e.estimatedZ, 0.069592267359717616, REL);
  });

  it("has an O(1/n²) remainder for Hall's z interval on normal data (exact value from the t distribution)", () => {
    // For normal data √n(X̄ − μ)/σ̂ with divisor-n σ̂ is t_{n−1}·√(n/(n−1)), so the z interval's exact
    // non-coverage is 2·P(t_{n−1} < −z·√((n−1)/n)). R 4.2.2 gives n²·(Edgeworth − exact) =
    // −0.6837, −0.6898, −0.6930, −0.6946 at n = 20, 40, 80, 160: the 1/n term is right, and the
    // remainder is O(n⁻²) with constant < 1. A wrong 1/n term would make n²·diff grow like n.
    const z = normalQuantile(0.975);
    for (const n of [20, 40, 80, 160]) {
      const exact = 2 * tCdf(-z * Math.sqrt((n - 1) / n), n - 1);
      const scaled = n * n * (tCoverageErrorEstimate(n, 0, 0, 0.05).estimatedZ - exact);
      expect({ n, withinOneOverNSquared: Math.abs(scaled) < 1 }).toEqual({ n, withinOneOverNSquared: true });
    }
  });

  it('clamps to [0, 1]', () => {
    // α = 0.5 one-sided: z = 0, q₂(0) = 0, so the raw value is 0.5 ± (γ/6)·φ(0)/√2 = 0.5 ± 0.94 at γ = 20.
    expect(tCoverageErrorEstimate(2, 20, 0, 0.5, 'upper').estimated).toBe(1);
    expect(tCoverageErrorEstimate(2, 20, 0, 0.5, 'lower').estimated).toBe(0);
  });

  it('rejects bad arguments with messages naming the parameter and range', () => {
    expect(() => tCoverageErrorEstimate(1, 0, 0, 0.05)).toThrow('tCoverageErrorEstimate: n must be an integer >= 2; got 1');
    expect(() => tCoverageErrorEstimate(10, NaN, 0, 0.05)).toThrow('tCoverageErrorEstimate: skewness must be a finite number; got NaN');
    expect(() => tCoverageErrorEstimate(10, 0, -3, 0.05)).toThrow(
      'tCoverageErrorEstimate: excessKurtosis must be >= -2 (every distribution has κ >= -2); got -3',
    );
    expect(() => tCoverageErrorEstimate(10, 0, 0, 1)).toThrow('tCoverageErrorEstimate: alpha must be in (0, 1); got 1');
  });

  it('is closer than the nominal α to the simulated false-failure rate on exponential data (Monte Carlo, α = 1e-6 per check)', () => {
    // Exponential(1): γ = 2, κ = 6, n = 30, nominal α = 0.05; 100,000 replications, each check at
    // Clopper–Pearson level 1 − 1e-6. A check passes when (i) the CP interval for the true miss
    // rate excludes the nominal α (the error is visible) and (ii) every rate in that interval is
    // closer to the Edgeworth estimate than to α. Margins measured beforehand with NumPy 1.24.2
    // (400,000 replications, default_rng(1)/(2)): true rates ≈ 0.0730 (t, two-sided, estimate
    // 0.0798), 0.0225 ('lower', 0.0228), 0.0980 ('upper', 0.1033), 0.0866 (z interval, 0.0928); the
    // CP half-width here is ≤ 0.0047, well inside every margin, so (ii) fails by chance with
    // probability ≤ 1e-6 per check.
    const reps = 100_000;
    const n = 30;
    const alpha = 0.05;
    const stream = new RandomStream(0x5eed_0002);
    const normals = new Float64Array(2 * n);
    const tTwo = tQuantile(1 - alpha / 2, n - 1);
    const tOne = tQuantile(1 - alpha, n - 1);
    const zTwo = normalQuantile(1 - alpha / 2);
    let missTwo = 0;
    let missLower = 0;
    let missUpper = 0;
    let missZ = 0;
    for (let r = 0; r < reps; r++) {
      stream.fillNormal(normals, 1);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += 0.5 * (normals[2 * i] ** 2 + normals[2 * i + 1] ** 2); // (Z₁² + Z₂²)/2 ~ Exp(1)
      const mean = sum / n;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const d = 0.5 * (normals[2 * i] ** 2 + normals[2 * i + 1] ** 2) - mean;
        ss += d * d;
      }
      const t = (mean - 1) / Math.sqrt(ss / (n - 1) / n); // true mean 1
      const tBiased = (mean - 1) / Math.sqrt(ss / n / n);
      if (Math.abs(t) > tTwo) missTwo++;
      if (t > tOne) missLower++; // [x̄ − t·se, ∞) misses μ when T > t
      if (t < -tOne) missUpper++; // (−∞, x̄ + t·se] misses μ when T < −t
      if (Math.abs(tBiased) > zTwo) missZ++;
    }
    const cases: { name: string; misses: number; estimate: number }[] = [
      { name: 't two-sided', misses: missTwo, estimate: tCoverageErrorEstimate(n, 2, 6, alpha).estimated },
      { name: "t 'lower'", misses: missLower, estimate: tCoverageErrorEstimate(n, 2, 6, alpha, 'lower' as Sides).estimated },
      { name: "t 'upper'", misses: missUpper, estimate: tCoverageErrorEstimate(n, 2, 6, alpha, 'upper' as Sides).estimated },
      { name: 'z two-sided', misses: missZ, estimate: tCoverageErrorEstimate(n, 2, 6, alpha).estimatedZ },
    ];
    for (const c of cases) {
      const ci = clopperPearsonInterval(c.misses, reps, 1 - 1e-6);
      const errorVisible = alpha < ci.lower || alpha > ci.upper;
      const worstEstimateDistance = Math.max(Math.abs(c.estimate - ci.lower), Math.abs(c.estimate - ci.upper));
      const bestNominalDistance = Math.min(Math.abs(alpha - ci.lower), Math.abs(alpha - ci.upper));
      expect({ case: c.name, errorVisible, estimateCloser: worstEstimateDistance < bestNominalDistance }).toEqual({
        case: c.name,
        errorVisible: true,
        estimateCloser: true,
      });
    }
  });
});
