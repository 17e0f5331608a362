/**
 * The Edgeworth calibration of the t mean tests, and its validation at the suite's α by importance
 * sampling (deterministic: fixed seeds). A rejection counts as a false failure when the check vouches
 * for its rate (no calibration warning; warned runs are design errors reported as such).
 * Measured (α = 1e-5, 600 replications per tail, runs without a warning; ratio to α ± relative se):
 * two-sided: exponential n = 1000 0.29 ± 14%; lognormal σ = 0.5 n = 1000 0.54 ± 34%; χ²₅/5 n = 300
 * 0.19 ± 16%, n = 1000 0.26 ± 10%; Π χ²₃₀/30 (depth 3) n = 300 0.33 ± 31%, n = 1000 0.28 ± 22%;
 * one-sided ≤ 0.47. Without the n ≥ 300 rule, n = 24–64 gave 3–9 α.
 */
import { RandomStream } from '../../engine/random/stream';
import { meanAtLeastPrediction, meanAtMostPrediction, meanEqualsPrediction } from '../checks/mean-vs-prediction';
import type { Check } from '../harness/types';
import { normalQuantile } from './distributions';
import { CALIBRATION_MARGIN, edgeworthCalibration, MIN_TRUSTED_N, welchEffectiveMoments } from './edgeworth-calibration';
import { chiSquareProductLaw, importanceSample, lognormalLaw, tiltToward, type TiltedLaw } from './importance-sampling';
import { sampleMoments } from './moments';

const ALPHA = 1e-5;

describe('edgeworthCalibration', () => {
  it('targets α/CALIBRATION_MARGIN; symmetric light-tailed units need no correction', () => {
    const c = edgeworthCalibration(1000, 0, 0, ALPHA);
    expect(c).toEqual(expect.objectContaining({ nominal: ALPHA / CALIBRATION_MARGIN, target: ALPHA / CALIBRATION_MARGIN, trusted: true }));
  });

  it('lowers α′ for skewed units until the estimated rate is the target', () => {
    const c = edgeworthCalibration(20000, 2, 6, ALPHA, 'upper');
    expect(c.nominal).toBeLessThan(c.target);
    expect(c.estimated).toBeCloseTo(c.target, 12);
    expect(c.trusted).toBe(true);
  });

  it('does not trust n below MIN_TRUSTED_N, nor a correction > 5×, nor a search without a level', () => {
    expect(edgeworthCalibration(MIN_TRUSTED_N - 1, 0, 0, ALPHA).problem).toMatch(/not trusted at this n/);
    expect(edgeworthCalibration(1000, 6, 100, ALPHA, 'upper').problem).toMatch(/correction exceeds 5×/);
    const none = edgeworthCalibration(2, 40, 1e4, ALPHA, 'upper');
    expect(none.trusted).toBe(false);
    expect(none.problem).toMatch(/cannot vouch for any level/);
  });

  it('reduces a Welch difference to one-sample moments (exact when one sample is constant)', () => {
    const a = sampleMoments([1, 2, 4, 8, 3, 1, 9, 2]);
    const e = welchEffectiveMoments(a, sampleMoments([5, 5, 5, 5]));
    expect(e.n).toBe(8);
    expect(e.skewness).toBeCloseTo(a.skewness, 12);
    expect(e.excessKurtosis).toBeCloseTo(a.excessKurtosis, 12);
  });
});

/** P(the check rejects on the `tail` side ∧ vouches for its rate) at the true mean, by importance sampling. */
function falseFailure(law: TiltedLaw, n: number, check: Check, tail: 'low' | 'high', seed: number) {
  const z = normalQuantile(1 - (check.sides === 'two-sided' ? ALPHA / 8 : ALPHA / 4));
  const tau = tiltToward(law, n, tail === 'low' ? -z : z);
  return importanceSample(
    [{ law, n, tau }],
    ([u]) => {
      const out = check.evaluate(u, law.mean, ALPHA);
      return out.verdict === 'rejected' && out.calibrationWarning === undefined && (tail === 'low' ? out.estimate < law.mean : out.estimate > law.mean);
    },
    600,
    seed,
  );
}

describe('importance sampling pins the actual false-failure rate ≤ α at α = 1e-5', () => {
  const cases: [TiltedLaw, number][] = [
    [chiSquareProductLaw([2]), 1000],
    [lognormalLaw(0.5), 1000],
    [chiSquareProductLaw([5]), 300],
    [chiSquareProductLaw([5]), 1000],
    [chiSquareProductLaw([30, 30, 30]), 300],
  ];
  it.each(cases.map(([law, n]) => [law.name, n, law] as const))('%s, n = %d: every check, estimate + 2 se ≤ α', (_name, n, law) => {
    const seeds = new RandomStream(n).nextUint32();
    const two = [falseFailure(law, n, meanEqualsPrediction, 'low', seeds), falseFailure(law, n, meanEqualsPrediction, 'high', seeds + 1)];
    const twoRate = two[0].estimate + two[1].estimate;
    const twoSe = Math.hypot(two[0].estimate * two[0].relativeSE || 0, two[1].estimate * two[1].relativeSE || 0);
    expect(twoRate + 2 * twoSe).toBeLessThanOrEqual(ALPHA);
    for (const [check, tail] of [[meanAtLeastPrediction, 'low'], [meanAtMostPrediction, 'high']] as const) {
      const r = falseFailure(law, n, check, tail, seeds + 2);
      expect(r.estimate * (1 + 2 * (Number.isFinite(r.relativeSE) ? r.relativeSE : 0))).toBeLessThanOrEqual(ALPHA);
    }
  });
});
