import { CLAIM_SHARES, RESERVED_SHARE, assertionAlpha, claimAlpha, suiteAlpha, DEFAULT_SUITE_ALPHA } from './budget';

describe('the suite α budget', () => {
  it('never allocates more than the whole budget, reserved shares included', () => {
    const allocated = Object.values(CLAIM_SHARES).reduce((a, b) => a + b, 0);
    expect(allocated + RESERVED_SHARE).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('splits a claim share equally among its assertions', () => {
    expect(assertionAlpha('HR2018.FM1.mean-length', 4, {})).toBeCloseTo((0.04 * DEFAULT_SUITE_ALPHA) / 4, 15);
  });

  it('rejects an unknown claim and a bad THEORYCHECK_ALPHA with a clear message', () => {
    expect(() => claimAlpha('nope', {})).toThrow(/no α share for "nope"/);
    expect(() => suiteAlpha({ THEORYCHECK_ALPHA: 'NaN' })).toThrow(/THEORYCHECK_ALPHA must be a number in \(0, 0.5\)/);
    expect(() => suiteAlpha({ THEORYCHECK_ALPHA: '0.7' })).toThrow(/THEORYCHECK_ALPHA/);
  });
});
