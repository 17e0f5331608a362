/**
 * Distributional checks of the engine's samplers, each a test with a stated false-failure rate from
 * the suite budget (share `engine.sampler`): a DKW band (Massart 1990: P(sup|F_n − F| > ε) ≤ 2e^{−2nε²})
 * around the exact CDF, and exact-variance checks through the t interval.
 */
import normalCdf = require('@stdlib/stats-base-dists-normal-cdf');
import { wilsonInterval } from '../../properties/stats';
import { claimAlpha, DEFAULT_SUITE_ALPHA } from '../../properties/budget';
import { tInterval } from '../../properties/stats';
import { sampleLaw, type WeightLaw } from '../init/laws';
import { RandomStream } from './stream';

const TESTS = 7;
// Half of the `engine.sampler` share; the oracle tests (samplers.oracle.test.ts) spend the other half.
const ALPHA = claimAlpha('engine.sampler', DEFAULT_SUITE_ALPHA) / 2 / TESTS;
const N = 200_000;

const PHI2 = normalCdf(2, 0, 1) - normalCdf(-2, 0, 1);
const CDF: Record<WeightLaw, (x: number) => number> = {
  gaussian: (x) => normalCdf(x, 0, 1),
  uniform: (x) => Math.min(1, Math.max(0, (x + Math.sqrt(3)) / (2 * Math.sqrt(3)))),
  'truncated-normal': (x) => (x <= -2 ? 0 : x >= 2 ? 1 : (normalCdf(x, 0, 1) - normalCdf(-2, 0, 1)) / PHI2),
};
// Exact variances at nominal std 1 (truncated normal: Var(Z | |Z| ≤ 2), uncorrected).
const VARIANCE: Record<WeightLaw, number> = { gaussian: 1, uniform: 1, 'truncated-normal': 0.7737413035499232 };

describe.each(['gaussian', 'uniform', 'truncated-normal'] as const)('sampler %s', (law) => {
  const x = new Float64Array(N);
  sampleLaw(new RandomStream(20240101), law, 1, x);

  it(`lies in the DKW band around its exact CDF (α = ${ALPHA.toExponential(1)})`, () => {
    const sorted = Float64Array.from(x).sort();
    let d = 0;
    for (let i = 0; i < N; i++) {
      const f = CDF[law](sorted[i]);
      d = Math.max(d, Math.abs(f - i / N), Math.abs(f - (i + 1) / N));
    }
    const epsilon = Math.sqrt(Math.log(2 / ALPHA) / (2 * N));
    expect(d).toBeLessThan(epsilon);
  });

  it(`has the exact variance (two-sided t interval on x², α = ${ALPHA.toExponential(1)})`, () => {
    const squares = x.map((v) => v * v);
    const ci = tInterval(squares, 1 - ALPHA, 'two-sided');
    expect(ci.lower).toBeLessThanOrEqual(VARIANCE[law]);
    expect(ci.upper).toBeGreaterThanOrEqual(VARIANCE[law]);
  });
});

describe('the ziggurat tail', () => {
  // The base strip of the ziggurat hands |x| > R = 3.4426 to Marsaglia's tail method, which must loop
  // until it accepts. An earlier version restarted the whole ziggurat on a tail rejection: the tail
  // mass came out ~8% low (P(|Z| > 3) 1.3% low, z = −6.6 over 10⁸ draws) yet passed the DKW band.
  // At n = 2·10⁷ that deficit is ~8 standard errors: this test has power against it.
  const R = 3.442619855899;
  const n = 20_000_000;

  it(`puts exactly P(|Z| > R) = 2Φ(−R) of the mass beyond R (Wilson interval, α = ${ALPHA.toExponential(1)})`, () => {
    const x = new Float32Array(n);
    new RandomStream(77).fillNormal(x);
    let beyond = 0;
    for (let i = 0; i < n; i++) if (x[i] > R || x[i] < -R) beyond++;
    const ci = wilsonInterval(beyond, n, 1 - ALPHA);
    const exact = 2 * normalCdf(-R, 0, 1);
    expect(ci.lower).toBeLessThanOrEqual(exact);
    expect(ci.upper).toBeGreaterThanOrEqual(exact);
  });
});
