import { ALL_SHARES, allocatedShare, assertionAlpha, claimAlpha, DEFAULT_SUITE_ALPHA } from './budget';
import { parseAlpha } from './settings';

describe('the suite α budget', () => {
  it('never allocates more than the whole budget', () => {
    expect(allocatedShare()).toBeLessThanOrEqual(1 + 1e-12);
    expect(Object.values(ALL_SHARES).every((s) => s > 0)).toBe(true);
  });

  it('splits a claim share equally among its assertions', () => {
    expect(assertionAlpha('HR2018.FM1.mean-length', 4, DEFAULT_SUITE_ALPHA)).toBeCloseTo((0.035 * DEFAULT_SUITE_ALPHA) / 4, 15);
  });

  it('rejects an unknown claim and a bad THEORYCHECK_ALPHA with a clear message', () => {
    expect(() => claimAlpha('nope', DEFAULT_SUITE_ALPHA)).toThrow(/no α share for "nope"/);
    expect(() => parseAlpha('NaN')).toThrow(/THEORYCHECK_ALPHA must be a number in \(0, 0.5\)/);
    expect(() => parseAlpha('0.7')).toThrow(/THEORYCHECK_ALPHA/);
  });
});
