import { OutOfDomainError } from '../types';
import { effectiveScales, normalizedFourthMoment, truncatedNormalVariance } from '../_internals/initialization';
import { equals } from '../relation';
import type { LengthConfig } from './fully-connected';
import { fm1MeanLength } from './fm1-mean-length';
import { fm1HeCritical } from './fm1-he-critical';
import { fm1TruncatedNormal } from './fm1-truncated-normal';
import { fm1Lecun } from './fm1-lecun';
import { fm1TruncatedNormalAtDepth, logLengthUpperBound } from './fm1-truncated-normal-at-depth';
import { logLengthMoments } from './fm1-log-length';

const config = (widths: number[], law: LengthConfig['init']['law'], variance: LengthConfig['init']['variance']): LengthConfig => ({
  widths,
  init: { law, variance, bias: { law: 'zero' } },
});

describe('initialization constants', () => {
  it('the uncorrected ±2σ truncated normal keeps 0.773741 of the variance', () => {
    // SciPy 1.10.1: scipy.stats.truncnorm(-2, 2).var() -> 0.7737413035499232
    expect(truncatedNormalVariance(2)).toBeCloseTo(0.7737413035499232, 14);
    // SciPy 1.10.1: t = truncnorm(-2, 2); t.moment(4) / t.var()**2 -> 2.3655367171296495
    expect(normalizedFourthMoment('truncated-normal')).toBeCloseTo(2.3655367171296495, 13);
    expect(normalizedFourthMoment('uniform')).toBe(9 / 5);
  });

  it('Glorot gives c_j = 2 n_{j−1}/(n_{j−1} + n_j)', () => {
    expect(effectiveScales({ law: 'gaussian', variance: { preset: 'glorot' } }, [10, 30, 30])).toEqual([0.5, 1]);
  });
});

describe('HR2018.FM1 predictions', () => {
  it('every FM1 claim states an equality with the exact value', () => {
    expect(fm1MeanLength.predict(config([3, 8, 8, 8], 'gaussian', { scale: 3 }))).toEqual(equals(1.5 ** 3));
    expect(fm1HeCritical.predict(config([3, 8], 'uniform', { preset: 'he' }))).toEqual(equals(1));
    expect(fm1Lecun.predict(config([3, 8, 8], 'gaussian', { preset: 'lecun' }))).toEqual(equals(0.25));
    expect(fm1TruncatedNormal.predict(config([3, 8], 'truncated-normal', { preset: 'he' })).kind).toBe('equals');
    for (const t of [fm1MeanLength, fm1HeCritical, fm1TruncatedNormal, fm1Lecun]) expect(t.unit.kind).toBe('continuous');
  });

  it('E[M_d]/M_0 = ∏ c_j/2', () => {
    expect(fm1MeanLength.predict(config([3, 8, 8, 8], 'uniform', { scale: 3 })).value).toBeCloseTo(1.5 ** 3, 14);
    expect(fm1MeanLength.predict(config([3, 8, 8], 'truncated-normal', { preset: 'he' })).value).toBeCloseTo(0.7737413035499232 ** 2, 14);
  });

  it('He: 1 at every depth; truncated normal: 0.773741^d; LeCun: 2^−d', () => {
    for (const d of [1, 5, 40]) {
      const widths = [4, ...Array<number>(d).fill(16)];
      expect(fm1HeCritical.predict(config(widths, 'gaussian', { preset: 'he' })).value).toBe(1);
      expect(fm1TruncatedNormal.predict(config(widths, 'truncated-normal', { preset: 'he' })).value).toBeCloseTo(0.7737413035499232 ** d, 14);
      expect(fm1Lecun.predict(config(widths, 'uniform', { preset: 'lecun' })).value).toBe(2 ** -d);
    }
  });

  it('the corollaries agree with the general product law on their own domains', () => {
    const widths = [5, 20, 30, 40];
    for (const [theorem, c] of [
      [fm1HeCritical, config(widths, 'uniform', { preset: 'he' })],
      [fm1TruncatedNormal, config(widths, 'truncated-normal', { preset: 'he' })],
      [fm1Lecun, config(widths, 'gaussian', { preset: 'lecun' })],
    ] as const) {
      expect(theorem.predict(c).value).toBeCloseTo(fm1MeanLength.predict(c).value, 14);
    }
  });
});

describe('HR2018.FM1 hypotheses reject configurations outside the domain, naming the parameter', () => {
  it.each([
    [config([3, 0, 8], 'gaussian', { preset: 'he' }), 'widths[1] must be an integer ≥ 1; got 0'],
    [config([3], 'gaussian', { preset: 'he' }), 'widths must be [n_0, n_1, …, n_d] with depth d ≥ 1'],
    [config([3, 8], 'gaussian', { scale: Number.NaN }), 'variance.scale (c in Var = c/fan-in) must be a finite number > 0; got NaN'],
    [config([3, 8], 'gaussian', { scale: -1 }), 'variance.scale (c in Var = c/fan-in) must be a finite number > 0; got -1'],
    [config([3, 8], 'cauchy' as never, { preset: 'he' }), 'law must be one of gaussian, uniform, truncated-normal; got "cauchy"'],
  ])('%j', (c, message) => {
    expect(() => fm1MeanLength.domain(c)).toThrow(OutOfDomainError);
    expect(() => fm1MeanLength.domain(c)).toThrow(message);
  });

  it('non-zero biases break the product law', () => {
    const c: LengthConfig = { widths: [3, 8], init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: 0.1 } } };
    expect(() => fm1MeanLength.domain(c)).toThrow(/biases must be zero/);
  });

  it('each corollary requires its own initializer', () => {
    expect(() => fm1HeCritical.domain(config([3, 8], 'gaussian', { preset: 'lecun' }))).toThrow(/the He preset is required/);
    expect(() => fm1HeCritical.domain(config([3, 8], 'truncated-normal', { preset: 'he' }))).toThrow(/0\.7737/);
    expect(() => fm1TruncatedNormal.domain(config([3, 8], 'gaussian', { preset: 'he' }))).toThrow(/law truncated-normal with the He preset is required/);
    expect(() => fm1Lecun.domain(config([3, 8], 'gaussian', { preset: 'he' }))).toThrow(/LeCun preset/);
  });
});

describe('HR2018.FM1.truncated-normal-at-depth: Jensen\'s bound on the mean log length', () => {
  const deep = (depth: number, width: number, law: LengthConfig['init']['law'] = 'truncated-normal'): LengthConfig => ({
    widths: [8, ...Array<number>(depth).fill(width)],
    init: { law, variance: { preset: 'he' }, bias: { law: 'zero' } },
  });

  it('is d·log 0.773741 − Σ_j log(1 − 2^{−n_j}) (hand value) and lies above the Gaussian He law it would be without truncation', () => {
    const c = deep(40, 30);
    const hand = 40 * Math.log(0.7737413035499232) - 40 * Math.log(1 - 2 ** -30);
    expect(fm1TruncatedNormalAtDepth.predict(fm1TruncatedNormalAtDepth.domain(c))).toEqual({ kind: 'atMost', value: expect.closeTo(hand, 12) });
    expect(logLengthUpperBound(c)).toBeCloseTo(hand, 12);
    // The twin's world (no truncation) sits far above the bound: the bound has teeth.
    expect(logLengthMoments(deep(40, 30, 'gaussian')).mean - hand).toBeGreaterThan(5);
  });

  it('rejects other laws and presets, naming the parameter', () => {
    expect(() => fm1TruncatedNormalAtDepth.domain(deep(40, 30, 'gaussian'))).toThrow(/law truncated-normal with the He preset is required/);
    expect(() => fm1TruncatedNormalAtDepth.domain({ ...deep(40, 30), init: { ...deep(40, 30).init, bias: { law: 'gaussian', std: 0.1 } } })).toThrow(/biases must be zero/);
  });
});
