/**
 * Oracle pins for sampleMoments. Oracle: SciPy 1.10.1 / NumPy 1.24.2 on Debian 12, printed with
 * repr (17 significant digits). Tolerance 1e-13 relative: the quantities are a few dozen flops, so
 * both sides are within ~1e-15 of exact; 1e-13 covers summation-order differences.
 */
import { sampleMoments } from './moments';
import { expectRelClose } from './testing';

const REL = 1e-13;

describe('sampleMoments', () => {
  it('matches NumPy/SciPy on a small sample', () => {
    // NumPy 1.24.2 / SciPy 1.10.1, x = [2,4,4,4,5,5,7,9]:
    // np.mean(x) -> 5.0; np.var(x, ddof=1) -> 4.571428571428571;
    // scipy.stats.skew(x, bias=True) -> 0.65625; scipy.stats.kurtosis(x, bias=True) -> -0.21875
    const m = sampleMoments([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(m.n).toBe(8);
    expectRelClose(m.mean, 5.0, REL);
    expectRelClose(m.variance, 4.571428571428571, REL);
    expectRelClose(m.sd, Math.sqrt(4.571428571428571), REL);
    expectRelClose(m.skewness, 0.65625, REL);
    expectRelClose(m.excessKurtosis, -0.21875, REL);
  });

  it('matches NumPy/SciPy on the one-sample test data', () => {
    // x1 = [4.2, 5.1, 3.8, 6.0, 5.5, 4.9, 5.2, 4.4, 6.3, 5.0, 4.7, 5.8]: np.mean -> 5.075;
    // np.var(ddof=1) -> 0.5547727272727272; skew(bias=True) -> -0.004394711647102835;
    // kurtosis(bias=True) -> -0.824852844206434
    const m = sampleMoments([4.2, 5.1, 3.8, 6.0, 5.5, 4.9, 5.2, 4.4, 6.3, 5.0, 4.7, 5.8]);
    expectRelClose(m.mean, 5.075, REL);
    expectRelClose(m.variance, 0.5547727272727272, REL);
    // skewness is a near-cancellation (m3 ≈ 0): compare with an absolute bound of 1e-13 instead
    expect(Math.abs(m.skewness - -0.004394711647102835)).toBeLessThanOrEqual(1e-13);
    expectRelClose(m.excessKurtosis, -0.824852844206434, REL);
  });

  it('keeps full accuracy when the mean is large relative to the spread', () => {
    // x = 1e9 + [0.1, 0.2, 0.4, 0.8] (as doubles): np.var(x, ddof=1) -> 0.09583330949147732,
    // R 4.2.2 var(x) -> 0.095833309491477323; kurtosis(bias=True) -> -1.0989791142480956
    // Near 1e9 a double resolves the mean only to ±ulp(1e9) = 1.2e-7, i.e. ±4e-7 of the sd (0.31).
    // The corrected two-pass variance cancels that error to first order (held to 1e-13); the
    // moment ratios do not, so the kurtosis is held to the first-order bound 1e-6.
    const m = sampleMoments([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.4, 1e9 + 0.8]);
    expectRelClose(m.variance, 0.095833309491477323, REL);
    expectRelClose(m.excessKurtosis, -1.0989791142480956, 1e-6);
  });

  it('reports zero skewness and kurtosis for a constant sample', () => {
    const m = sampleMoments([3, 3, 3]);
    expect(m).toEqual({ n: 3, mean: 3, variance: 0, sd: 0, skewness: 0, excessKurtosis: 0 });
  });

  it('clamps the excess kurtosis at −2 (a symmetric two-point sample rounds to −2 − 4e-16)', () => {
    const x = Float64Array.from({ length: 6 }, (_, i) => (i % 2 ? 3.7 : -3.33));
    const m = sampleMoments(x);
    expect(m.excessKurtosis).toBe(-2);
    expect(m.skewness).toBeCloseTo(0, 12);
  });

  it('rejects samples with fewer than 2 values or non-finite values', () => {
    expect(() => sampleMoments([1])).toThrow('sampleMoments: sample needs n >= 2 values; got n = 1');
    expect(() => sampleMoments([1, NaN])).toThrow('sampleMoments: sample must contain only finite numbers; got NaN at index 1');
  });
});
