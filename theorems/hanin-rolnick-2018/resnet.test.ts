import { OutOfDomainError } from '../types';
import { equals } from '../relation';
import { constantEtas, etasOf, geometricEtas, harmonicEtas, lengthRatioMoment, moduleRatioMoment, scheduled, type ResNetConfig } from './residual';
import { resnetMeanLength } from './resnet-mean-length';
import { moduleSecondMoment, resnetBoundedSecondMoment, resnetSecondMomentBound } from './resnet-bounded-second-moment';

describe('η schedules', () => {
  it('constant, geometric and harmonic', () => {
    expect(constantEtas(0.3, 3)).toEqual([0.3, 0.3, 0.3]);
    expect(geometricEtas(0.8, 0.5, 4)).toEqual([0.8, 0.4, 0.2, 0.1]);
    expect(harmonicEtas(0.6, 3)).toEqual([0.6, 0.6 / 2, 0.6 / 3]);
    expect(etasOf({ kind: 'harmonic', eta1: 0.6, modules: 3 })).toEqual(harmonicEtas(0.6, 3));
    expect(scheduled(16, { kind: 'constant', eta: 0.5, modules: 2 })).toEqual({ width: 16, etas: [0.5, 0.5], schedule: { kind: 'constant', eta: 0.5, modules: 2 } });
  });
});

describe('HR2018.ResNet predictions', () => {
  it('both claims state an equality on continuous units', () => {
    expect(resnetMeanLength.predict({ width: 16, etas: [0.5, 1] })).toEqual(equals(1.25 * 2));
    expect(resnetBoundedSecondMoment.predict({ width: 4, etas: [1] })).toEqual(equals(7.375));
    for (const t of [resnetMeanLength, resnetBoundedSecondMoment]) expect(t.unit.kind).toBe('continuous');
  });

  it('E[M_L]/M_0 = ∏(1 + η_l²)', () => {
    expect(resnetMeanLength.predict({ width: 16, etas: [0.5, 0, 1] }).value).toBeCloseTo(1.25 * 1 * 2, 14);
    expect(resnetMeanLength.predict({ width: 3, etas: constantEtas(1, 10) }).value).toBe(1024);
    // Summable schedules stay bounded: harmonic ≤ exp(η_1² π²/6), geometric ≤ exp(η_1²/(1 − b²)).
    expect(resnetMeanLength.predict({ width: 8, etas: harmonicEtas(1, 10_000) }).value).toBeLessThan(Math.exp(Math.PI ** 2 / 6));
    expect(resnetMeanLength.predict({ width: 8, etas: geometricEtas(1, 0.5, 10_000) }).value).toBeLessThan(Math.exp(4 / 3));
  });

  it('E[M_L²]/M_0² = ∏(1 + 2η² + 4η²/n + η⁴(1 + 5/n)(1 + 2/n)), term by term', () => {
    // n = 4, η = 1: 1 + 2 + 1 + (9/4)(3/2) = 7.375
    expect(moduleSecondMoment(1, 4)).toBe(7.375);
    // n = 10, η = 0.5: 1 + 0.5 + 0.1 + 0.0625 · 1.5 · 1.2 = 1.7125
    expect(moduleSecondMoment(0.5, 10)).toBeCloseTo(1.7125, 14);
    expect(resnetBoundedSecondMoment.predict({ width: 10, etas: [0.5, 0.5, 0] }).value).toBeCloseTo(1.7125 ** 2, 13);
  });

  it('the closed forms agree with the general moment formula E[R^k] (cumulants of ‖h‖², χ² moments)', () => {
    for (const n of [1, 2, 7, 16, 100]) {
      for (const eta of [0, 0.1, 0.5, 1, 3]) {
        expect(moduleRatioMoment(0, eta, n)).toBeCloseTo(1, 12);
        expect(moduleRatioMoment(1, eta, n) / (1 + eta * eta)).toBeCloseTo(1, 12);
        expect(moduleRatioMoment(2, eta, n) / moduleSecondMoment(eta, n)).toBeCloseTo(1, 12);
      }
    }
    // n = 1 by hand: R = (1 + η w h)², w ~ N(0, 1), h = ReLU(N(0, 2)): E h² = 1, E h⁴ = 6, E h⁶ = 60,
    // so E R³ = 1 + 15η² E(wh)² + 15η⁴ E(wh)⁴ + η⁶ E(wh)⁶ = 1 + 15η² + 15·3·6 η⁴ + 15·60 η⁶.
    expect(moduleRatioMoment(3, 0.5, 1)).toBeCloseTo(1 + 15 * 0.25 + 270 * 0.0625 + 900 * 0.015625, 10);
    expect(lengthRatioMoment(2, { width: 10, etas: [0.5, 0.5] })).toBeCloseTo(1.7125 ** 2, 12);
  });

  it('the exp(Σ) bound holds and does not grow with L for summable η²', () => {
    for (const L of [1, 10, 100, 1000]) {
      const c: ResNetConfig = { width: 16, etas: harmonicEtas(0.8, L) };
      const bound = resnetSecondMomentBound(c);
      expect(resnetBoundedSecondMoment.predict(c).value).toBeLessThanOrEqual(bound);
      expect(bound).toBeLessThan(Math.exp((0.64 * Math.PI ** 2) / 6 * (2 + 4 / 16) + 0.4096 * 1.3125 * 1.125 * 1.0823));
    }
    // Constant η: the second moment explodes like (E[R²])^L.
    expect(resnetBoundedSecondMoment.predict({ width: 16, etas: constantEtas(0.5, 100) }).value).toBeGreaterThan(1e20);
  });
});

describe('HR2018.ResNet hypotheses reject configurations outside the domain, naming the parameter', () => {
  it.each([
    [{ width: 0, etas: [0.5] }, 'width (n) must be an integer ≥ 1; got 0'],
    [{ width: 4.5, etas: [0.5] }, 'width (n) must be an integer ≥ 1; got 4.5'],
    [{ width: 8, etas: [] }, 'etas must list η_1 … η_L with L ≥ 1 modules; got []'],
    [{ width: 8, etas: [0.5, -1] }, 'etas[1] (η_2, a module\'s output scale) must be a finite number ≥ 0; got -1'],
    [{ width: 8, etas: [Number.NaN] }, 'etas[0] (η_1, a module\'s output scale) must be a finite number ≥ 0; got NaN'],
    [{ width: 8, etas: [0.5, 0.5], schedule: { kind: 'constant', eta: 0.5, modules: 3 } }, 'etas do not follow schedule'],
    [{ width: 8, etas: [0.5, 0.5], schedule: { kind: 'geometric', eta1: 0.5, ratio: 1, modules: 2 } }, 'schedule.ratio (b in η_l = η_1·b^(l−1)) must lie in (0, 1) for a summable schedule; got 1'],
    [{ width: 8, etas: [0.5], schedule: { kind: 'cosine', modules: 1 } }, 'schedule.kind must be constant, geometric or harmonic; got "cosine"'],
  ])('%j → %s', (c, message) => {
    for (const theorem of [resnetMeanLength, resnetBoundedSecondMoment]) {
      expect(() => theorem.domain(c as ResNetConfig)).toThrow(OutOfDomainError);
      expect(() => theorem.domain(c as ResNetConfig)).toThrow(message);
    }
  });

  it('a prediction that overflows float64 is outside the domain', () => {
    expect(() => resnetMeanLength.domain({ width: 8, etas: constantEtas(1e200, 2) })).toThrow(/overflows float64/);
    expect(() => resnetBoundedSecondMoment.domain({ width: 8, etas: constantEtas(1e100, 2) })).toThrow(/overflows float64/);
  });

  it('configurations inside the domain pass through unchanged', () => {
    const c = scheduled(16, { kind: 'geometric', eta1: 0.7, ratio: 0.8, modules: 12 });
    expect(resnetMeanLength.domain(c)).toBe(c);
    expect(resnetBoundedSecondMoment.domain(c)).toBe(c);
  });
});
