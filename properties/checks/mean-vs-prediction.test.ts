import { tCoverageErrorEstimate } from '../stats';
import { calibratedAlpha, meanAtLeastPrediction, meanAtMostPrediction, meanEqualsPrediction } from './mean-vs-prediction';

describe('calibratedAlpha', () => {
  it('is α/4 for symmetric, light-tailed units', () => {
    expect(calibratedAlpha(1000, 0, 0, 1e-5)).toBe(2.5e-6);
  });

  it('lowers the nominal level until the Edgeworth-estimated actual rate equals α/4', () => {
    // Exponential units: skewness 2, excess kurtosis 6.
    const nominal = calibratedAlpha(3000, 2, 6, 1e-5);
    expect(nominal).toBeLessThan(2.5e-6);
    expect(tCoverageErrorEstimate(3000, 2, 6, nominal).estimated).toBeCloseTo(2.5e-6, 12);
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
    expect(out.minDetectable?.relative).toBeLessThan(0.13);
    expect(out.falseFailure).toEqual(expect.objectContaining({ rate: 1e-3, method: 'edgeworth' }));
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
    const plan = { n: [400] };
    expect(meanAtMostPrediction.designPower(plan, mean, { value: mean + 0.3, sd: 0.36, source: 'test' }, 1e-3)).toBeGreaterThan(0.99);
    expect(meanAtMostPrediction.designPower(plan, mean, { value: mean - 0.3, sd: 0.36, source: 'test' }, 1e-3)).toBe(0);
  });
});

describe('calibration warning', () => {
  it('is raised, apart from the notes, when the units are too heavy-tailed for n', () => {
    // 398 ones and two huge values: skewness ≈ 14, so α′ would have to fall far below α/20.
    const units = Float64Array.from({ length: 400 }, (_, i) => (i < 2 ? 500 : 1));
    const out = meanEqualsPrediction.evaluate(units, 6, 1e-5);
    expect(out.calibrationWarning).toMatch(/^CALIBRATION WARNING: (α′ = .* < α\/20|no nominal α′)/);
    expect(out.falseFailure).toBeUndefined();
    expect(out.notes?.some((n) => n.startsWith('CALIBRATION'))).toBe(false);
  });

  it('is absent for light-tailed units', () => {
    const units = Float64Array.from({ length: 400 }, (_, i) => 1 + Math.sin(i * 12.9898) * 0.5);
    expect(meanEqualsPrediction.evaluate(units, 1, 1e-3).calibrationWarning).toBeUndefined();
  });
});

describe('degenerate samples, design-time power and acceptance', () => {
  it('a constant sample is an engine fault naming the check, n and the value', () => {
    expect(() => meanEqualsPrediction.evaluate(new Float64Array(50).fill(2.5), 2.5, 1e-5)).toThrow(/units: all 50 units equal 2.5: a constant sample cannot come from a continuous unit law/);
  });

  it('a symmetric two-point sample (excess kurtosis −2 up to rounding) does not crash', () => {
    const units = Float64Array.from({ length: 600 }, (_, i) => (i % 2 ? 3.7 : -3.33));
    expect(meanEqualsPrediction.evaluate(units, 0.185, 1e-5).verdict).toBe('consistent');
  });

  it('power grows with the shift and is a lower bound at the smallest trusted level α/20', () => {
    const world = (value: number) => ({ value, sd: 1, source: 'test' });
    const p1 = meanEqualsPrediction.designPower({ n: [1000] }, 0, world(0.2), 1e-5);
    const p2 = meanEqualsPrediction.designPower({ n: [1000] }, 0, world(0.3), 1e-5);
    expect(p1).toBeLessThan(p2);
    expect(p2).toBeGreaterThan(0.999);
    // Normal-theory power at α/20 two-sided: Φ(0.2·√1000 − z_{1−1.25e-7}) ≈ Φ(6.32 − 5.16) ≈ 0.88; the bound is below it.
    expect(p1).toBeLessThan(0.88);
    expect(p1).toBeGreaterThan(0.8);
    expect(meanAtLeastPrediction.designPower({ n: [1000] }, 1, world(0.7), 1e-5)).toBeGreaterThan(0.999);
    expect(meanAtLeastPrediction.designPower({ n: [1000] }, 1, world(1.3), 1e-5)).toBe(0);
  });

  it('throws without world.sd or with a bad plan; acceptance is 1 − α', () => {
    expect(() => meanEqualsPrediction.designPower({ n: [100] }, 0, { value: 1, source: 'closed form' }, 1e-5)).toThrow(/needs world.sd/);
    expect(() => meanEqualsPrediction.designPower({ n: [100, 100] }, 0, { value: 1, sd: 1, source: 's' }, 1e-5)).toThrow(/plan.n must be \[n\]/);
    expect(meanEqualsPrediction.acceptance({ n: [100] }, { value: 0, source: 's' }, 1e-5)).toBe(1 - 1e-5);
  });
});
