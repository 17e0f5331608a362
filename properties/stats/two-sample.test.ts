/**
 * Welch and Newcombe intervals: oracle pins. All tests are deterministic.
 *
 * Oracles: R 4.2.2 `t.test(a, b)` (Welch is R's default, var.equal = FALSE), printed with
 * sprintf("%.17g"); statsmodels 0.13.5 `confint_proportions_2indep(..., method='newcomb',
 * compare='diff')`, printed with repr; Newcombe (1998), Stat. Med. 17:873–890, Table II, method 10
 * (4 decimals). Tolerance 1e-13 relative for the 17-digit oracles, 5e-5 absolute (half a unit in the
 * 4th decimal) for the paper.
 */
import { newcombeInterval, welchInterval } from './two-sample';
import { expectRelClose } from './testing';

const REL = 1e-13;
const A = [12.1, 10.4, 11.8, 13.0, 9.7, 12.6, 11.1, 10.9];
const B = [9.8, 10.2, 8.7, 11.5, 9.1, 10.0, 8.9, 9.6, 10.8, 9.3, 9.9];

describe('welchInterval', () => {
  it('matches R t.test(a, b) with Welch–Satterthwaite df', () => {
    // R 4.2.2: t.test(a, b, conf.level=0.95): conf.int 0.62860509430737488, 2.6713949056926221
    //   df 12.297757713999541  stderr 0.47004420902885136
    const ci = welchInterval(A, B, 0.95);
    expectRelClose(ci.lower, 0.62860509430737488, REL);
    expectRelClose(ci.upper, 2.6713949056926221, REL);
    expectRelClose(ci.df, 12.297757713999541, REL);
    expectRelClose(ci.se, 0.47004420902885136, REL);
    expect(ci).toMatchObject({ n: 19, n1: 8, n2: 11, method: 'welch', sides: 'two-sided' });
  });

  it("maps 'lower' to R's alternative = 'greater' and 'upper' to 'less'", () => {
    // R 4.2.2: t.test(a, b, conf.level=0.99, alternative='greater'): conf.int 0.39438450323381252, Inf
    const lo = welchInterval(A, B, 0.99, 'lower');
    expectRelClose(lo.lower, 0.39438450323381252, REL);
    expect(lo.upper).toBe(Infinity);
    // R 4.2.2: t.test(a, b, conf.level=0.99, alternative='less'): conf.int -Inf, 2.9056154967661847
    const up = welchInterval(A, B, 0.99, 'upper');
    expect(up.lower).toBe(-Infinity);
    expectRelClose(up.upper, 2.9056154967661847, REL);
  });

  it('returns the point [d, d] when both samples are constant', () => {
    expect(welchInterval([1, 1], [3, 3, 3], 0.95)).toMatchObject({ estimate: -2, lower: -2, upper: -2, se: 0, df: 3 });
  });

  it('rejects short samples and bad levels with messages naming the parameter', () => {
    expect(() => welchInterval([1], B, 0.95)).toThrow('welchInterval: a needs n >= 2 values; got n = 1');
    expect(() => welchInterval(A, [NaN, 1], 0.95)).toThrow('welchInterval: b must contain only finite numbers; got NaN at index 0');
    expect(() => welchInterval(A, B, -0.5)).toThrow('welchInterval: level must be in (0, 1); got -0.5');
  });
});

describe('newcombeInterval', () => {
  it("reproduces Newcombe's (1998) example 56/70 − 48/80 and statsmodels", () => {
    // Newcombe (1998) Table II, method 10: 0.0524 to 0.3339
    // statsmodels 0.13.5: confint_proportions_2indep(56, 70, 48, 80, method='newcomb', compare='diff', alpha=0.05)
    //   -> (0.05243147240236498, 0.33387265403690614)
    const ci = newcombeInterval(56, 70, 48, 80, 0.95);
    expect(Math.abs(ci.lower - 0.0524)).toBeLessThanOrEqual(5e-5);
    expect(Math.abs(ci.upper - 0.3339)).toBeLessThanOrEqual(5e-5);
    expectRelClose(ci.lower, 0.05243147240236498, REL);
    expectRelClose(ci.upper, 0.33387265403690614, REL);
    expect(ci).toMatchObject({ n: 150, n1: 70, n2: 80, successes1: 56, successes2: 48, method: 'newcombe-wilson' });
    expectRelClose(ci.estimate, 0.2, REL);
  });

  it('matches statsmodels on small and boundary counts', () => {
    // statsmodels 0.13.5, method='newcomb', compare='diff', alpha=0.05:
    const cases: [number, number, number, number, number, number][] = [
      // (9, 10, 3, 10) -> (0.1705227239345029, 0.809017973535488)
      [9, 10, 3, 10, 0.1705227239345029, 0.809017973535488],
      // (6, 7, 2, 7) -> (0.05822792748231209, 0.8062496375242278)
      [6, 7, 2, 7, 0.05822792748231209, 0.8062496375242278],
      // (5, 56, 0, 29) -> (-0.038137147903536936, 0.19256001385511165)
      [5, 56, 0, 29, -0.038137147903536936, 0.19256001385511165],
      // (0, 10, 0, 20) -> (-0.1611251580528194, 0.27753279986288926)
      [0, 10, 0, 20, -0.1611251580528194, 0.27753279986288926],
      // (10, 10, 0, 20) -> (0.6790860371419145, 1.0)
      [10, 10, 0, 20, 0.6790860371419145, 1.0],
    ];
    for (const [x1, n1, x2, n2, lower, upper] of cases) {
      const ci = newcombeInterval(x1, n1, x2, n2, 0.95);
      expectRelClose(ci.lower, lower, REL);
      expectRelClose(ci.upper, upper, REL);
    }
  });

  it('gives a one-sided bound equal to the matching end of the two-sided interval at twice the α', () => {
    // statsmodels 0.13.5: confint_proportions_2indep(56, 70, 48, 80, method='newcomb', compare='diff', alpha=0.2)
    //   -> (0.10430593976377465, 0.2896655946541277)
    const lo = newcombeInterval(56, 70, 48, 80, 0.9, 'lower');
    expectRelClose(lo.lower, 0.10430593976377465, REL);
    expect(lo.upper).toBe(Infinity);
    const up = newcombeInterval(56, 70, 48, 80, 0.9, 'upper');
    expect(up.lower).toBe(-Infinity);
    expectRelClose(up.upper, 0.2896655946541277, REL);
  });

  it('rejects bad counts with messages naming the parameter and range', () => {
    expect(() => newcombeInterval(11, 10, 3, 10, 0.95)).toThrow('newcombeInterval: successes1 must be an integer in [0, 10]; got 11');
    expect(() => newcombeInterval(1, 10, 3, 0, 0.95)).toThrow('newcombeInterval: n2 must be an integer >= 1; got 0');
    expect(() => newcombeInterval(1, 10, 3, 10, 1)).toThrow('newcombeInterval: level must be in (0, 1); got 1');
  });
});
