import { exactEquality } from './exact-equality';

describe('exactEquality', () => {
  it('is consistent iff every unit equals the prediction; power 1 against any other value', () => {
    const ok = exactEquality.evaluate(Float64Array.of(3, 3), 3, 1e-5);
    expect(ok.verdict).toBe('consistent');
    expect(ok.interval).toEqual({ lower: 3, upper: 3, level: 1 });
    const bad = exactEquality.evaluate(Float64Array.of(3, 1), 3, 1e-5);
    expect(bad.verdict).toBe('rejected');
    expect(bad.estimate).toBe(1);
    expect(bad.powerAgainst!(2)).toBe(1);
    expect(() => exactEquality.evaluate(new Float64Array(0), 1, 1e-5)).toThrow('at least one unit');
  });
});
