import { exactEquality } from './exact-equality';

describe('exactEquality', () => {
  it('is consistent iff every unit equals the prediction; power 1 against any other value', () => {
    const ok = exactEquality.evaluate(Float64Array.of(3, 3), 3, 1e-5);
    expect(ok.verdict).toBe('consistent');
    expect(ok.interval).toEqual({ lower: 3, upper: 3, level: 1 });
    const bad = exactEquality.evaluate(Float64Array.of(3, 1), 3, 1e-5);
    expect(bad.verdict).toBe('rejected');
    expect(bad.estimate).toBe(1);
    expect(exactEquality.designPower({ n: [2] }, 3, { value: 2, source: 'test' }, 1e-5)).toBe(1);
    expect(() => exactEquality.evaluate(new Float64Array(0), 1, 1e-5)).toThrow('at least one unit');
  });

  it('spends nothing: false-failure rate 0, design power 1 against any other value, acceptance 1', () => {
    expect(exactEquality.evaluate(Float64Array.of(3, 3), 3, 1e-5).falseFailure).toEqual(expect.objectContaining({ rate: 0, method: 'exact' }));
    expect(exactEquality.designPower({ n: [2] }, 3, { value: 2, source: 'test' }, 1e-5)).toBe(1);
    expect(exactEquality.designPower({ n: [2] }, 3, { value: 3, source: 'test' }, 1e-5)).toBe(0);
    expect(exactEquality.acceptance({ n: [2] }, { value: 3, source: 'test' }, 1e-5)).toBe(1);
    expect(() => exactEquality.designPower({ n: [2] }, 3, { value: NaN, source: 'test' }, 1e-5)).toThrow(/world.value must be finite/);
  });
});
