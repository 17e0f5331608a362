import { OutOfDomainError } from '../types';
import type { LengthConfig } from './fully-connected';
import { fm1LogLength, halfIntegerPolygammas, logFactorMoments, logLengthMoments } from './fm1-log-length';
import { fm2LogVariance } from './fm2-log-variance';

const config = (widths: number[], variance: LengthConfig['init']['variance'], law: LengthConfig['init']['law'] = 'gaussian'): LengthConfig => ({
  widths,
  init: { law, variance, bias: { law: 'zero' } },
});

/** A seeded float64 generator (mulberry32 + Box–Muller), independent of the engine. */
function normals(seed: number): () => number {
  const { sqrt, log, cos, imul, PI } = Math; // local: jest's sandbox makes global lookups slow in hot loops
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => sqrt(-2 * log(uniform())) * cos(2 * PI * uniform());
}

/** log(M_d/M_0) of `nets` Gaussian ReLU networks in float64 (dead networks dropped), input x = (1, …, 1). */
function simulate(widths: number[], c: number, nets: number, seed: number): Float64Array {
  const normal = normals(seed);
  const out: number[] = [];
  for (let e = 0; e < nets; e++) {
    let z = new Float64Array(widths[0]).fill(1);
    let logRatio = 0;
    let dead = false;
    for (let j = 1; j < widths.length && !dead; j++) {
      const std = Math.sqrt(c / widths[j - 1]);
      const next = new Float64Array(widths[j]);
      for (let i = 0; i < widths[j]; i++) {
        let y = 0;
        for (let k = 0; k < z.length; k++) y += std * normal() * z[k];
        next[i] = y > 0 ? y : 0;
      }
      const before = z.reduce((s, v) => s + v * v, 0) / z.length;
      const after = next.reduce((s, v) => s + v * v, 0) / next.length;
      if (after === 0) dead = true;
      else {
        logRatio += Math.log(after / before);
        const scale = 1 / Math.sqrt(after); // renormalise (exact: ReLU is positively homogeneous)
        z = next.map((v) => v * scale);
      }
    }
    if (!dead) out.push(logRatio);
  }
  return Float64Array.from(out);
}

describe('polygammas at half-integers', () => {
  it('match their closed forms and asymptotic expansions (A&S 6.3.2–6.3.18, 6.4.2–6.4.12)', () => {
    const { digamma, trigamma } = halfIntegerPolygammas(400);
    const g = 0.5772156649015329;
    expect(digamma[3]).toBeCloseTo(2 - g - 2 * Math.LN2, 14); // ψ(3/2)
    expect(digamma[4]).toBeCloseTo(1 - g, 14); // ψ(2)
    expect(trigamma[3]).toBeCloseTo((Math.PI * Math.PI) / 2 - 4, 13); // ψ′(3/2)
    expect(trigamma[4]).toBeCloseTo((Math.PI * Math.PI) / 6 - 1, 13); // ψ′(2)
    for (const k of [101, 256, 400]) {
      const x = k / 2;
      expect(digamma[k]).toBeCloseTo(Math.log(x) - 1 / (2 * x) - 1 / (12 * x * x) + 1 / (120 * x ** 4), 12);
      expect(trigamma[k]).toBeCloseTo(1 / x + 1 / (2 * x * x) + 1 / (6 * x ** 3) - 1 / (30 * x ** 5), 12);
    }
  });

  it('rejects a bad kMax', () => {
    expect(() => halfIntegerPolygammas(0)).toThrow(/kMax must be an integer ≥ 1/);
  });
});

const NETS = 30000;

describe('HR2018.FM1.log-length', () => {
  it('one layer: log 2 + ψ(1/2) + log c at width 1 (K = 1 given alive), log(c/2) + O(1/n) at large n', () => {
    const one = logFactorMoments(2, 1);
    expect(one.alive).toBe(0.5);
    expect(one.mean).toBeCloseTo(Math.log(2) + Math.LN2 - 0.5772156649015329 - 2 * Math.LN2, 14);
    expect(one.variance).toBeCloseTo((Math.PI * Math.PI) / 2, 13);
    const wide = logFactorMoments(2, 1000);
    expect(Math.abs(wide.mean)).toBeLessThan(3 / 1000);
    expect(wide.variance * 1000).toBeGreaterThan(4.5);
    expect(wide.variance * 1000).toBeLessThan(5.5);
  });

  it('He stays within O(Σ 1/n_j) of 0 at depth 100; LeCun loses log 2 per layer', () => {
    const widths = [8, ...Array<number>(100).fill(200)];
    const he = logLengthMoments(config(widths, { preset: 'he' }));
    const lecun = logLengthMoments(config(widths, { preset: 'lecun' }));
    // per layer ≈ −(5/2)/n (half the variance 5/n of the log factor): −1.26 over 100 layers of 200
    expect(he.mean).toBeLessThan(-2 * (100 / 200));
    expect(he.mean).toBeGreaterThan(-3 * (100 / 200));
    expect(lecun.mean - he.mean).toBeCloseTo(-100 * Math.LN2, 10);
    expect(he.variance).toBeCloseTo(lecun.variance, 12);
    expect(fm1LogLength.predict(config(widths, { preset: 'he' })).value).toBe(he.mean);
  });

  it.each([
    ['He, narrow', [3, 6, 5, 8, 4], 2],
    ['LeCun', [5, 8, 8, 8], 1],
    ['3/fan-in, width 2 layers (dead networks dropped)', [2, 2, 3, 2], 3],
  ] as const)('matches float64 simulation of Gaussian ReLU networks: %s', (_name, widths, c) => {
    const units = simulate([...widths], c, NETS, 17);
    const m = logLengthMoments(config([...widths], { scale: c }));
    const n = units.length;
    const mean = units.reduce((s, v) => s + v, 0) / n;
    const variance = units.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    // the fraction of networks alive at x (Binomial), the mean (CLT, 5 se) and the variance (±5%, ≈ 4 se)
    expect(Math.abs(n / NETS - m.alive)).toBeLessThan(5 * Math.sqrt((m.alive * (1 - m.alive)) / NETS) + 1e-9);
    expect(Math.abs(mean - m.mean)).toBeLessThan(5 * Math.sqrt(m.variance / n));
    expect(variance / m.variance).toBeGreaterThan(0.95);
    expect(variance / m.variance).toBeLessThan(1.05);
  });

  it('needs Gaussian weights, zero biases and a valid c and n', () => {
    expect(() => fm1LogLength.domain(config([3, 8], { preset: 'he' }, 'uniform'))).toThrow(OutOfDomainError);
    expect(() => fm1LogLength.domain({ widths: [3, 8], init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: 0.1 } } })).toThrow(/biases must be zero/);
    expect(() => logFactorMoments(0, 4)).toThrow(/c must be a finite number > 0/);
    expect(() => logFactorMoments(2, 0)).toThrow(/n must be an integer ≥ 1/);
  });
});

describe('HR2018.FM2.log-variance', () => {
  it('predicts the exact log-variance ≈ 5β, the same for every c, and needs Gaussian weights', () => {
    const widths = [4, ...Array<number>(40).fill(20)]; // β = 2
    const v = fm2LogVariance.predict(config(widths, { preset: 'he' })).value;
    expect(v).toBe(logLengthMoments(config(widths, { preset: 'lecun' })).variance);
    expect(v / 2).toBeGreaterThan(5);
    expect(v / 2).toBeLessThan(7);
    expect(() => fm2LogVariance.domain(config(widths, { preset: 'he' }, 'truncated-normal'))).toThrow(OutOfDomainError);
  });
});
