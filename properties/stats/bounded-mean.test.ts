import { boundedMeanHalfWidths, boundedMeanInterval, boundedMeanPower } from './bounded-mean';

describe('distribution-free bounds for [0, 1] units', () => {
  it('Hoeffding and empirical Bernstein half-widths (closed forms)', () => {
    const h = boundedMeanHalfWidths(100, 0.01, 1e-3);
    expect(h.hoeffding).toBeCloseTo(Math.sqrt(Math.log(1000) / 200), 14);
    expect(h.empiricalBernstein).toBeCloseTo(Math.sqrt((2 * 0.01 * Math.log(2000)) / 100) + (7 * Math.log(2000)) / (3 * 99), 14);
  });

  it('takes the better bound at α/2 each (two-sided: α/4), clipped to [0, 1]', () => {
    const x = Float64Array.from({ length: 5000 }, (_, i) => 0.9 + 0.01 * Math.sin(i));
    const b = boundedMeanInterval(x, 1e-5, 'two-sided');
    expect(b.methods).toEqual({ lower: 'empirical-bernstein', upper: 'empirical-bernstein' });
    const h = boundedMeanHalfWidths(5000, b.variance, 1e-5 / 4);
    expect(b.upper - b.estimate).toBeCloseTo(h.empiricalBernstein, 12);
    const small = boundedMeanInterval([0.99, 1, 0.98], 1e-5, 'upper');
    expect(small.upper).toBe(1);
    expect(small.lower).toBe(-Infinity);
    expect(small.methods.upper).toBe('hoeffding');
  });

  it('power lower bound is 0 inside the Hoeffding width and → 1 far away', () => {
    expect(boundedMeanPower(32, 0.9, 0.95, 0.1, 1e-5, 'below')).toBe(0);
    // n = 32: t = 0.95 − √(ln(2e5)/64) − 0.34 = 0.1733, Hoeffding miss exp(−64 t²) = 0.1463.
    expect(boundedMeanPower(32, 0.34, 0.95, 0.5, 1e-5, 'below')).toBeCloseTo(1 - Math.exp(-64 * (0.95 - Math.sqrt(Math.log(2e5) / 64) - 0.34) ** 2), 12);
    expect(boundedMeanPower(100, 0.34, 0.95, 0.5, 1e-5, 'below')).toBeGreaterThan(1 - 1e-6);
    expect(boundedMeanPower(100, 0.95, 0.34, 0.5, 1e-5, 'above')).toBeGreaterThan(1 - 1e-6);
  });

  it('rejects bad input', () => {
    expect(() => boundedMeanInterval([0.5, 1.5], 0.01)).toThrow(/sample\[1\] must be in \[0, 1\]/);
    expect(() => boundedMeanInterval([0.5, 0.5], 0)).toThrow(/alpha/);
    expect(() => boundedMeanPower(1, 0.5, 0.6, 0.1, 0.01, 'below')).toThrow(/n must be an integer >= 2/);
  });
});
