/**
 * The test support helpers. Deterministic.
 */
import { binomialPmf, consistentRate, expectRelClose } from './testing';

describe('testing helpers', () => {
  it('expectRelClose accepts values within the relative tolerance and explains failures', () => {
    expect(() => expectRelClose(1 + 1e-14, 1, 1e-13)).not.toThrow();
    expect(() => expectRelClose(1.1, 1, 1e-13)).toThrow('expected 1.1 to equal 1 within relative 1e-13');
    expect(() => expectRelClose(NaN, 1, 1e-13)).toThrow();
    expect(() => expectRelClose(1e-20, 0, 1e-13)).not.toThrow();
  });

  it('binomialPmf matches R dbinom', () => {
    // R 4.2.2: sprintf("%.17g", dbinom(0:3, 3, 0.3)) -> 0.34299999999999992 0.44099999999999995 0.18900000000000008 0.026999999999999982
    const pmf = binomialPmf(3, 0.3);
    expectRelClose(pmf[0], 0.34299999999999992, 1e-14);
    expectRelClose(pmf[1], 0.44099999999999995, 1e-14);
    expectRelClose(pmf[2], 0.18900000000000008, 1e-14);
    expectRelClose(pmf[3], 0.026999999999999982, 1e-14);
  });

  it('consistentRate decides with the Clopper–Pearson interval', () => {
    // R 4.2.2: binom.test(412, 4000, conf.level = 1 - 1e-6)$conf.int -> 0.080998963357226769 0.128251055566497296 (contains 0.1)
    //          binom.test(500, 4000, conf.level = 1 - 1e-6)$conf.int -> 0.10084683404480291 0.15222152994315818 (does not)
    expect(consistentRate(412, 4000, 0.1, 1e-6)).toBe(true);
    expect(consistentRate(500, 4000, 0.1, 1e-6)).toBe(false);
  });
});
