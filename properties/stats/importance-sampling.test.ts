import { chiSquareCdf } from './distributions';
import { chiSquareProductLaw, importanceSample, lognormalLaw, poissonLaw, tiltToward } from './importance-sampling';
import { meanTestPowerLowerBound, powerOfMeanTest, studentizedPowerLowerBound } from './power';

describe('importance sampling (deterministic, fixed seeds)', () => {
  it('recovers an exact rare tail: P(mean of 100 exponentials < 0.6) = F_{χ²_200}(120) ≈ 6.6e-5', () => {
    const law = chiSquareProductLaw([2]);
    const exact = chiSquareCdf(120, 200);
    const tau = tiltToward(law, 100, (0.6 - 1) * 10);
    const e = importanceSample([{ law, n: 100, tau }], ([u]) => u.reduce((a, b) => a + b, 0) / 100 < 0.6, 4000, 11);
    expect(e.relativeSE).toBeLessThan(0.15);
    expect(Math.abs(e.estimate / exact - 1)).toBeLessThan(4 * e.relativeSE);
  });

  it('lognormal and Poisson tilts are unbiased (the untilted probability of a common event)', () => {
    const ln = importanceSample([{ law: lognormalLaw(1), n: 10, tau: 0.3 }], ([u]) => u[0] > 1, 20000, 12);
    // P(exp(Z − 1/2) > 1) = P(Z > 1/2) = 0.3085
    expect(Math.abs(ln.estimate - 0.30854)).toBeLessThan(4 * ln.estimate * ln.relativeSE);
    const po = importanceSample([{ law: poissonLaw(4), n: 5, tau: -0.2 }], ([u]) => u[0] === 0, 20000, 13);
    expect(Math.abs(po.estimate - Math.exp(-4))).toBeLessThan(4 * po.estimate * po.relativeSE);
  });

  it('rejects bad input', () => {
    expect(() => chiSquareProductLaw([0])).toThrow(/ks must be/);
    expect(() => importanceSample([], () => true, 10, 1)).toThrow(/samples must not be empty/);
    expect(() => tiltToward(lognormalLaw(1), 0, 1)).toThrow(/n must be/);
  });
});

describe('power lower bounds (normal units)', () => {
  it('is below the (optimistic) t approximation Φ(δ − t_crit), and not far below it', () => {
    const design = { shift: 1, sd: 1, n: 30, alpha: 1e-5, sides: 'two-sided' } as const;
    const p = meanTestPowerLowerBound(design);
    expect(p).toBeLessThan(powerOfMeanTest(design));
    expect(p).toBeGreaterThan(0.5 * powerOfMeanTest(design));
    expect(meanTestPowerLowerBound({ shift: -1, sd: 1, n: 30, alpha: 1e-5, sides: 'lower' })).toBe(0);
    expect(studentizedPowerLowerBound(0, 4, 100)).toBe(0);
    expect(studentizedPowerLowerBound(12, 4.4, 1000)).toBeGreaterThan(1 - 1e-9);
  });
});
