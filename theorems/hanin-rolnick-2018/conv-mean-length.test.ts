import { OutOfDomainError } from '../types';
import { equals } from '../relation';
import type { ConvLengthConfig } from './convolutional';
import { convEffectiveScales, convMeanLength } from './conv-mean-length';
import { fm1MeanLength } from './fm1-mean-length';

type Init = ConvLengthConfig['init'];
const cfg = (channels: number[], kernel: number, length: number, law: Init['law'], variance: Init['variance']): ConvLengthConfig => ({
  channels,
  kernel,
  length,
  init: { law, variance, bias: { law: 'zero' } },
});

describe('HR2018.Conv.mean-length predictions', () => {
  it('states an equality on continuous units', () => {
    expect(convMeanLength.predict(cfg([3, 8, 8], 3, 16, 'gaussian', { scale: 3 }))).toEqual(equals(1.5 ** 2));
    expect(convMeanLength.unit.kind).toBe('continuous');
  });

  it('E[M_d]/M_0 = ∏ c_j/2 with fan-in C_{j−1}·k', () => {
    expect(convMeanLength.predict(cfg([3, 8, 8, 8], 5, 16, 'uniform', { scale: 3 })).value).toBeCloseTo(1.5 ** 3, 14);
    expect(convMeanLength.predict(cfg([3, 8, 8], 3, 16, 'truncated-normal', { preset: 'he' })).value).toBeCloseTo(0.7737413035499232 ** 2, 14);
    expect(convMeanLength.predict(cfg([1, 4, 16, 4], 3, 8, 'gaussian', { preset: 'lecun' })).value).toBe(2 ** -3);
  });

  it('He: 1 at every depth, whatever the channels, kernel and length', () => {
    for (const [channels, k, T] of [[[1, 4], 1, 8], [[3, 16, 4, 9], 5, 32], [[2, ...Array<number>(40).fill(7)], 3, 11]] as const) {
      expect(convMeanLength.predict(cfg([...channels], k, T, 'gaussian', { preset: 'he' })).value).toBe(1);
    }
  });

  it('Glorot uses fan-in C_in·k and fan-out C_out·k: c_j = 2 C_{j−1}/(C_{j−1} + C_j), independent of k', () => {
    for (const k of [1, 3, 7]) {
      expect(convEffectiveScales(cfg([4, 12, 12], k, 16, 'gaussian', { preset: 'glorot' }))).toEqual([0.5, 1]);
    }
  });

  it('kernel 1 is a dense layer applied at every position: same prediction as FM1 with widths = channels', () => {
    for (const variance of [{ preset: 'he' }, { preset: 'glorot' }, { scale: 0.7 }] as const) {
      const conv = cfg([3, 10, 20, 5], 1, 12, 'truncated-normal', variance);
      expect(convMeanLength.predict(conv).value).toBeCloseTo(fm1MeanLength.predict({ widths: conv.channels, init: conv.init }).value, 14);
    }
  });
});

describe('HR2018.Conv.mean-length hypotheses reject configurations outside the domain, naming the parameter', () => {
  it.each([
    [cfg([3, 0, 8], 3, 8, 'gaussian', { preset: 'he' }), 'channels[1] must be an integer ≥ 1; got 0'],
    [cfg([3, 2.5], 3, 8, 'gaussian', { preset: 'he' }), 'channels[1] must be an integer ≥ 1; got 2.5'],
    [cfg([3], 3, 8, 'gaussian', { preset: 'he' }), 'channels must be [C_0, C_1, …, C_d] with depth d ≥ 1; got [3]'],
    [cfg([3, 8], 4, 8, 'gaussian', { preset: 'he' }), 'kernel must be an odd integer in [1, length = 8]; got 4'],
    [cfg([3, 8], 9, 8, 'gaussian', { preset: 'he' }), 'kernel must be an odd integer in [1, length = 8]; got 9'],
    [cfg([3, 8], -1, 8, 'gaussian', { preset: 'he' }), 'kernel must be an odd integer in [1, length = 8]; got -1'],
    [cfg([3, 8], 1, 0, 'gaussian', { preset: 'he' }), 'length (T) must be an integer ≥ 1; got 0'],
    [cfg([3, 8], 1, 7.5, 'gaussian', { preset: 'he' }), 'length (T) must be an integer ≥ 1; got 7.5'],
    [cfg([3, 8], 3, 8, 'gaussian', { scale: Number.NaN }), 'variance.scale (c in Var = c/fan-in) must be a finite number > 0; got NaN'],
    [cfg([3, 8], 3, 8, 'cauchy' as never, { preset: 'he' }), 'law must be one of gaussian, uniform, truncated-normal; got "cauchy"'],
  ])('%j', (c, message) => {
    expect(() => convMeanLength.domain(c)).toThrow(OutOfDomainError);
    expect(() => convMeanLength.domain(c)).toThrow(message);
  });

  it('non-zero biases break the product law', () => {
    const c: ConvLengthConfig = { ...cfg([3, 8], 3, 8, 'gaussian', { preset: 'he' }), init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: 0.1 } } };
    expect(() => convMeanLength.domain(c)).toThrow(/biases must be zero/);
  });

  it('a valid configuration is returned unchanged', () => {
    const c = cfg([1, 4, 16], 5, 8, 'uniform', { preset: 'glorot' });
    expect(convMeanLength.domain(c)).toBe(c);
  });
});
