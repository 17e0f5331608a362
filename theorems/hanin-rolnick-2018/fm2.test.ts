import { OutOfDomainError } from '../types';
import { atLeast, atMost, equals } from '../relation';
import { beta } from '../_internals/initialization';
import { gaussianFactors, lawConstant } from './fully-connected';
import { fm2Gaussian, secondMomentRatio, type SecondMomentConfig } from './fm2-gaussian';
import { fm2LawLowerBound } from './fm2-law-lower-bound';
import { fm2LawUpperBound } from './fm2-law-upper-bound';
import { expectedEmpiricalVariance, fm2EmpiricalVariance } from './fm2-empirical-variance';
import { fm2SameBeta } from './fm2-same-beta';

const cfg = (widths: number[], law: SecondMomentConfig['init']['law'] = 'gaussian', output?: 'linear'): SecondMomentConfig => ({
  widths,
  init: { law, variance: { preset: 'he' }, bias: { law: 'zero' } },
  ...(output ? { output } : {}),
});

describe('HR2018.FM2 predictions', () => {
  it('each claim states its relation: exact values are equalities, the general-law bounds one-sided', () => {
    const he = cfg([3, 10, 4]);
    expect(fm2Gaussian.predict(he)).toEqual(equals((1 + 5 / 10) * (1 + 5 / 4)));
    const u = cfg([3, 10, 20], 'uniform');
    expect(fm2LawLowerBound.predict(u)).toEqual({ ...atLeast(1), value: expect.closeTo((1 + 2.6 / 10) * (1 + 2.6 / 20), 12) });
    expect(fm2LawUpperBound.predict(u)).toEqual({ ...atMost(1), value: expect.closeTo((1 + 5 / 10) * (1 + 5 / 20), 12) });
    expect(fm2SameBeta.predict({ n0: 4, width: 50, depth: 2 }).kind).toBe('equals');
    expect(fm2EmpiricalVariance.predict(cfg([3, 10, 20])).kind).toBe('equals');
    expect(fm2SameBeta.unit.kind).toBe('two-sample');
    for (const t of [fm2Gaussian, fm2LawLowerBound, fm2LawUpperBound, fm2EmpiricalVariance]) expect(t.unit.kind).toBe('continuous');
  });

  it('reproduces docs/claims.md §2.3: widths [10,20,5,15,10] give ∏(1 + 5/n_j) = 7.50', () => {
    // (1.5)(1.25)(2)(4/3)(1.5) = 7.5 exactly
    expect(secondMomentRatio(cfg([3, 10, 20, 5, 15, 10]))).toBeCloseTo(7.5, 12);
    expect(secondMomentRatio(cfg([3, 10, 20, 5, 15, 10]))).toBeLessThanOrEqual(Math.exp(5 * beta([3, 10, 20, 5, 15, 10])));
  });

  it('a linear output layer contributes 1 + 2/n_d and a mean gain c_d instead of c_d/2', () => {
    expect(gaussianFactors([3, 10, 4], 'linear')).toEqual([1.5, 1.5]);
    // He: gains 1 and 2 → E[M²]/M_0² = 1²·1.5 · 2²·1.5 = 9
    expect(fm2Gaussian.predict(cfg([3, 10, 4], 'gaussian', 'linear')).value).toBeCloseTo(9, 12);
  });

  it('is independent of the variance scale once divided by E[M_d]²', () => {
    const c: SecondMomentConfig = { widths: [3, 8, 8], init: { law: 'gaussian', variance: { scale: 3.7 }, bias: { law: 'zero' } } };
    expect(fm2Gaussian.predict(c).value / (3.7 / 2) ** 4).toBeCloseTo((1 + 5 / 8) ** 2, 12);
  });

  it('general laws: uniform between ∏(1 + 2.6/n) and ∏(1 + 5/n) — docs/claims.md §2.3 [3.20, 7.50]', () => {
    const c = cfg([3, 10, 20, 5, 15, 10], 'uniform');
    expect(lawConstant(c)).toBeCloseTo(2.6, 14);
    // 1.26 · 1.13 · 1.52 · (1 + 2.6/15) · 1.26 = 3.1995177984 (docs/claims.md rounds it to 3.20)
    expect(fm2LawLowerBound.predict(c).value).toBeCloseTo(3.1995177984, 9);
    expect(fm2LawUpperBound.predict(c).value).toBeCloseTo(7.5, 12);
  });

  it('empirical variance across layers: one layer of width n at depth 2 by hand', () => {
    // d = 2: S_1 = 1 + 5/n1, S_2 = S_1 (1 + 5/n2); E = (S_1 + S_2)/2 − (3 S_1 + S_2)/4 = (S_2 − S_1)/4
    const s1 = 1 + 5 / 10;
    const s2 = s1 * (1 + 5 / 20);
    expect(expectedEmpiricalVariance([3, 10, 20])).toBeCloseTo((s2 - s1) / 4, 14);
  });

  it('same β: depth d width w vs depth 2d width 2w differ by O(d/w²)', () => {
    const diff = fm2SameBeta.predict({ n0: 4, width: 50, depth: 2 }).value;
    expect(diff).toBeCloseTo((1.1 ** 2) - (1.05 ** 4), 14);
    expect(Math.abs(diff)).toBeLessThan(0.02);
  });
});

describe('HR2018.FM2 hypotheses', () => {
  it('the exact value needs Gaussian weights; the bounds need another law', () => {
    expect(() => fm2Gaussian.domain(cfg([3, 8], 'uniform'))).toThrow(OutOfDomainError);
    expect(() => fm2LawLowerBound.domain(cfg([3, 8]))).toThrow(/Gaussian weights have the exact value/);
  });

  it('empirical variance needs He Gaussian weights and depth ≥ 2', () => {
    expect(() => fm2EmpiricalVariance.domain(cfg([3, 8]))).toThrow(/depth must be ≥ 2/);
    expect(() => fm2EmpiricalVariance.domain(cfg([3, 8, 8], 'uniform'))).toThrow(/He Gaussian/);
  });

  it('rejects a bad output kind and bad same-β sizes, naming the parameter', () => {
    expect(() => fm2Gaussian.domain({ ...cfg([3, 8]), output: 'tanh' as never })).toThrow(`output must be 'relu' or 'linear'; got "tanh"`);
    expect(() => fm2SameBeta.domain({ n0: 4, width: 0, depth: 2 })).toThrow('width must be an integer ≥ 1; got 0');
  });
});
