import { tCoverageErrorEstimate } from '../stats';
import { calibratedAlpha, meanEqualsPrediction } from './mean-equals';

describe('calibratedAlpha', () => {
  it('leaves α alone for symmetric, light-tailed units', () => {
    expect(calibratedAlpha(1000, 0, 0, 1e-5)).toBe(1e-5);
  });

  it('lowers the nominal level until the Edgeworth-estimated actual rate equals α', () => {
    // Exponential units: skewness 2, excess kurtosis 6.
    const nominal = calibratedAlpha(3000, 2, 6, 1e-5);
    expect(nominal).toBeLessThan(1e-5);
    expect(tCoverageErrorEstimate(3000, 2, 6, nominal).estimated).toBeCloseTo(1e-5, 9);
  });
});

describe('meanEqualsPrediction', () => {
  const units = Float64Array.from({ length: 400 }, (_, i) => 1 + Math.sin(i * 12.9898) * 0.5);

  it('is consistent with the sample mean and rejects a prediction 10 standard errors away', () => {
    const mean = units.reduce((a, b) => a + b, 0) / units.length;
    expect(meanEqualsPrediction.evaluate(units, mean, 1e-3).verdict).toBe('consistent');
    expect(meanEqualsPrediction.evaluate(units, mean + 10 * (0.35 / 20), 1e-3).verdict).toBe('rejected');
  });

  it('reports the smallest relative deviation detectable at 99% power', () => {
    const out = meanEqualsPrediction.evaluate(units, 1, 1e-3);
    // (z_{1−α/2} + z_{0.99})·sd/√n ≈ (3.29 + 2.33)·0.354/20 ≈ 0.10
    expect(out.minDetectable?.relative).toBeGreaterThan(0.08);
    expect(out.minDetectable?.relative).toBeLessThan(0.12);
    expect(out.powerAgainst?.(1.2)).toBeGreaterThan(0.99);
  });
});
