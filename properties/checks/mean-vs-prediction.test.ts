import { tCoverageErrorEstimate } from '../stats';
import { calibratedAlpha, meanAtLeastPrediction, meanAtMostPrediction, meanEqualsPrediction } from './mean-vs-prediction';

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

describe('one-sided bounds', () => {
  const units = Float64Array.from({ length: 400 }, (_, i) => 1 + Math.sin(i * 12.9898) * 0.5);
  const mean = units.reduce((a, b) => a + b, 0) / units.length;

  it('"at least" rejects only a prediction clearly above the mean', () => {
    expect(meanAtLeastPrediction.evaluate(units, mean - 0.5, 1e-3).verdict).toBe('consistent');
    expect(meanAtLeastPrediction.evaluate(units, mean + 0.2, 1e-3).verdict).toBe('rejected');
    expect(meanAtLeastPrediction.evaluate(units, mean, 1e-3).interval.lower).toBe(-Infinity);
  });

  it('"at most" rejects only a prediction clearly below the mean', () => {
    expect(meanAtMostPrediction.evaluate(units, mean + 0.5, 1e-3).verdict).toBe('consistent');
    expect(meanAtMostPrediction.evaluate(units, mean - 0.2, 1e-3).verdict).toBe('rejected');
    expect(meanAtMostPrediction.evaluate(units, mean, 1e-3).powerAgainst?.(mean + 0.3)).toBeGreaterThan(0.99);
    expect(meanAtMostPrediction.evaluate(units, mean, 1e-3).powerAgainst?.(mean - 0.3)).toBeLessThan(1e-6);
  });
});

describe('calibration warning', () => {
  it('is raised, apart from the notes, when the units are too heavy-tailed for n', () => {
    // 198 ones and two huge values: skewness ≈ 10, so α′ would have to fall far below α/5.
    const units = Float64Array.from({ length: 200 }, (_, i) => (i < 2 ? 500 : 1));
    const out = meanEqualsPrediction.evaluate(units, 6, 1e-5);
    expect(out.calibrationWarning).toMatch(/^CALIBRATION WARNING: α′ < α\/5/);
    expect(out.notes?.some((n) => n.startsWith('CALIBRATION'))).toBe(false);
  });

  it('is absent for light-tailed units', () => {
    const units = Float64Array.from({ length: 400 }, (_, i) => 1 + Math.sin(i * 12.9898) * 0.5);
    expect(meanEqualsPrediction.evaluate(units, 1, 1e-3).calibrationWarning).toBeUndefined();
  });
});
