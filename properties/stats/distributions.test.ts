/**
 * Oracle pins for the distribution wrappers.
 *
 * Oracle: R 4.2.2 (2022-11-10 r83330), values printed with sprintf("%.17g"), i.e. exact to the
 * last bit of the double R computed. Tolerance 1e-13 relative: R and stdlib both target full
 * double precision (observed differences ≤ 2e-15 relative), so 1e-13 leaves room for a few ulps of
 * iterative inversion and nothing more.
 *
 * SciPy 1.10.1 is NOT used for t quantiles: `scipy.stats.t.ppf(0.975, 9)` prints
 * 2.2621571627409915, which is off by 2.5e-11 relative; R, stdlib and mpmath (40 digits,
 * root of the regularized incomplete beta CDF) agree on 2.2621571627982055. SciPy 1.10.1 agrees
 * with R to ≤ 1e-15 on the normal, beta and χ² values below.
 */
import {
  betaQuantile,
  chiSquareCdf,
  chiSquareQuantile,
  logGamma,
  normalCdf,
  normalPdf,
  normalQuantile,
  tCdf,
  tQuantile,
} from './distributions';
import { expectRelClose } from './testing';

const REL = 1e-13;

describe('tQuantile', () => {
  it('matches R qt at common and extreme arguments', () => {
    // R 4.2.2: qt(0.975, 9) -> 2.2621571627982049  (mpmath 40 digits: 2.262157162798205542607769637943)
    expectRelClose(tQuantile(0.975, 9), 2.2621571627982049, REL);
    // R 4.2.2: qt(0.995, 29) -> 2.7563859036706049  (mpmath: 2.756385903670605488595989808733)
    expectRelClose(tQuantile(0.995, 29), 2.7563859036706049, REL);
    // R 4.2.2: qt(0.9, 2.5) -> 1.7302509288071761  (mpmath: 1.730250928807176589590124441155)
    expectRelClose(tQuantile(0.9, 2.5), 1.7302509288071761, REL);
    // R 4.2.2: qt(0.05, 1000) -> -1.6463788172854645
    expectRelClose(tQuantile(0.05, 1000), -1.6463788172854645, REL);
    // R 4.2.2: qt(1e-8, 4) -> -131.59473694062353  (mpmath: -131.5947369406235524116117470638)
    expectRelClose(tQuantile(1e-8, 4), -131.59473694062353, REL);
    // R 4.2.2: qt(1e-12, 30) -> -11.397217523311411
    expectRelClose(tQuantile(1e-12, 30), -11.397217523311411, REL);
  });

  it('gives the normal quantile when df is Infinity', () => {
    // R 4.2.2: qnorm(0.975) -> 1.9599639845400536
    expectRelClose(tQuantile(0.975, Infinity), 1.9599639845400536, REL);
  });

  it('rejects p outside (0, 1), NaN and non-positive df with a message naming the parameter', () => {
    expect(() => tQuantile(1.5, 3)).toThrow('tQuantile: p must be in (0, 1); got 1.5');
    expect(() => tQuantile(0, 3)).toThrow('tQuantile: p must be in (0, 1); got 0');
    expect(() => tQuantile(NaN, 3)).toThrow('tQuantile: p must be in (0, 1); got NaN');
    expect(() => tQuantile(0.5, 0)).toThrow('tQuantile: df must be > 0 (Infinity allowed); got 0');
    expect(() => tQuantile(0.5, NaN)).toThrow('tQuantile: df must be > 0 (Infinity allowed); got NaN');
  });
});

describe('tCdf', () => {
  it('matches R pt', () => {
    // R 4.2.2: pt(2.0, 9) -> 0.96172358811464953
    expectRelClose(tCdf(2.0, 9), 0.96172358811464953, REL);
    // R 4.2.2: pt(-1.5, 3.7) -> 0.10679908460100665
    expectRelClose(tCdf(-1.5, 3.7), 0.10679908460100665, REL);
    // R 4.2.2: pt(0.3, 250) -> 0.61778677549197525
    expectRelClose(tCdf(0.3, 250), 0.61778677549197525, REL);
  });

  it('accepts infinite x and rejects NaN x and bad df', () => {
    expect(tCdf(Infinity, 3)).toBe(1);
    expect(tCdf(-Infinity, 3)).toBe(0);
    expect(() => tCdf(NaN, 3)).toThrow('tCdf: x must be a number (not NaN); got NaN');
    expect(() => tCdf(1, -2)).toThrow('tCdf: df must be > 0 (Infinity allowed); got -2');
  });
});

describe('normalQuantile', () => {
  it('matches R qnorm in the body', () => {
    // R 4.2.2: qnorm(0.975) -> 1.9599639845400536
    expectRelClose(normalQuantile(0.975), 1.9599639845400536, REL);
    // R 4.2.2: qnorm(0.8) -> 0.84162123357291441
    expectRelClose(normalQuantile(0.8), 0.84162123357291441, REL);
    // R 4.2.2: qnorm(0.5) -> 0
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('stays accurate far in the tails, where stdlib normal-quantile 0.3.1 loses digits or returns -Infinity', () => {
    // R 4.2.2: qnorm(1e-6) -> -4.7534243088228987  (mpmath: -4.753424308822898948193988189850)
    expectRelClose(normalQuantile(1e-6), -4.7534243088228987, REL);
    // R 4.2.2: qnorm(1e-10) -> -6.3613409024040557  (stdlib normal-quantile gives -6.361340889697423)
    expectRelClose(normalQuantile(1e-10), -6.3613409024040557, REL);
    // R 4.2.2: qnorm(1e-17) -> -8.4937932241096004  (stdlib normal-quantile gives -Infinity)
    expectRelClose(normalQuantile(1e-17), -8.4937932241096004, REL);
    // R 4.2.2: qnorm(1-1e-10) -> 6.3613408896974208  (1 - 1e-10 is not exact in binary; R and we use the same double)
    expectRelClose(normalQuantile(1 - 1e-10), 6.3613408896974208, REL);
    // R 4.2.2: qnorm(1e-300) -> -37.047096299361201  (mpmath 50 digits: -37.04709629936119923722296)
    // Measured before writing this bound: stdlib erfcinv is 7e-14 relative off here, so this one
    // argument is held to 1e-12; every p >= 1e-17 above is held to 1e-13.
    expectRelClose(normalQuantile(1e-300), -37.047096299361201, 1e-12);
  });

  it('rejects p outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow('normalQuantile: p must be in (0, 1); got 1');
    expect(() => normalQuantile(-0.1)).toThrow('normalQuantile: p must be in (0, 1); got -0.1');
  });
});

describe('normalCdf and normalPdf', () => {
  it('match R pnorm and dnorm', () => {
    // R 4.2.2: pnorm(1.2) -> 0.88493032977829178
    expectRelClose(normalCdf(1.2), 0.88493032977829178, REL);
    // R 4.2.2: pnorm(-5) -> 2.8665157187919391e-07
    expectRelClose(normalCdf(-5), 2.8665157187919391e-7, REL);
    // R 4.2.2: dnorm(1.3) -> 0.17136859204780736
    expectRelClose(normalPdf(1.3), 0.17136859204780736, REL);
    // R 4.2.2: dnorm(0) -> 0.3989422804014327
    expectRelClose(normalPdf(0), 0.3989422804014327, REL);
  });

  it('reject NaN', () => {
    expect(() => normalCdf(NaN)).toThrow('normalCdf: x must be a number (not NaN); got NaN');
    expect(() => normalPdf(NaN)).toThrow('normalPdf: x must be a number (not NaN); got NaN');
  });
});

describe('betaQuantile', () => {
  it('matches R qbeta', () => {
    // R 4.2.2: qbeta(0.025, 7, 14) -> 0.15390920478454115
    expectRelClose(betaQuantile(0.025, 7, 14), 0.15390920478454115, REL);
    // R 4.2.2: qbeta(0.975, 8, 13) -> 0.59218853453282816
    expectRelClose(betaQuantile(0.975, 8, 13), 0.59218853453282816, REL);
    // R 4.2.2: qbeta(0.3, 0.5, 0.5) -> 0.20610737385376351
    expectRelClose(betaQuantile(0.3, 0.5, 0.5), 0.20610737385376351, REL);
    // R 4.2.2: qbeta(5e-7, 400, 3601) -> 0.078316269204024014
    expectRelClose(betaQuantile(5e-7, 400, 3601), 0.078316269204024014, REL);
  });

  it('rejects bad p and shape parameters', () => {
    expect(() => betaQuantile(0.5, 0, 1)).toThrow('betaQuantile: a must be a finite number > 0; got 0');
    expect(() => betaQuantile(0.5, 1, Infinity)).toThrow('betaQuantile: b must be a finite number > 0; got Infinity');
    expect(() => betaQuantile(2, 1, 1)).toThrow('betaQuantile: p must be in (0, 1); got 2');
  });
});

describe('chiSquareCdf and chiSquareQuantile', () => {
  it('match R pchisq and qchisq', () => {
    // R 4.2.2: pchisq(3.841458820694124, 1) -> 0.95000000000000007
    expectRelClose(chiSquareCdf(3.841458820694124, 1), 0.95000000000000007, REL);
    // R 4.2.2: pchisq(10, 7.5) -> 0.77457656848416723
    expectRelClose(chiSquareCdf(10, 7.5), 0.77457656848416723, REL);
    // R 4.2.2: qchisq(0.95, 10) -> 18.307038053275146
    expectRelClose(chiSquareQuantile(0.95, 10), 18.307038053275146, REL);
    // R 4.2.2: qchisq(0.01, 2.5) -> 0.056212054834822126
    expectRelClose(chiSquareQuantile(0.01, 2.5), 0.056212054834822126, REL);
  });

  it('reject bad degrees of freedom and p', () => {
    expect(() => chiSquareCdf(1, 0)).toThrow('chiSquareCdf: k must be a finite number > 0; got 0');
    expect(() => chiSquareQuantile(0.5, -1)).toThrow('chiSquareQuantile: k must be a finite number > 0; got -1');
    expect(() => chiSquareQuantile(1, 3)).toThrow('chiSquareQuantile: p must be in (0, 1); got 1');
  });
});

describe('logGamma (oracle: C99 lgamma via Python math.lgamma)', () => {
  it.each([
    [0.5, 0.5723649429247004],
    [5, 3.178053830347945],
    [1001, 5912.128178488163],
    [1e-3, 6.907178885383854],
  ])('log Γ(%f)', (x, expected) => {
    expectRelClose(logGamma(x), expected, 1e-13);
  });

  it('rejects x ≤ 0 or NaN, naming the parameter', () => {
    expect(() => logGamma(0)).toThrow(/logGamma: x/);
    expect(() => logGamma(NaN)).toThrow(/logGamma: x/);
  });
});
