import { activationMultiplicity, centralDifference, computeMultiplicity, exactTaylorDerivatives, multiplicityNumber } from './multiplicity';
import type { TrainActivation } from '../train/activations';

describe('computeMultiplicity (finite differences on the engine\'s float64 σ)', () => {
  it.each([
    ['tanh', 1],
    ['sigmoid', 1],
    ['softplus', 1],
    ['xtanh', 2],
    ['x2tanh', 3],
    ['linear', 1],
  ] as const)('%s has multiplicity %d, and the computed derivatives match the exact power series within the zero tolerance 1e-5', (kind, p) => {
    const r = activationMultiplicity({ kind });
    expect(r.applicable).toBe(true);
    if (!r.applicable) return;
    expect(r.p).toBe(p);
    const exact = exactTaylorDerivatives(kind, 5);
    r.derivatives.forEach((v, k) => expect(Math.abs(v - exact[k + 1])).toBeLessThan(1e-5));
  });

  it('exact series: tanh 1, 0, −2, 0, 16; sigmoid ½, ¼, 0, −⅛; x tanh 0, 0, 2, 0, −8; x² tanh 0, 0, 0, 6, 0, −40; softplus ln 2, ½, ¼', () => {
    expect(exactTaylorDerivatives('tanh', 5).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 1, 0, -2, 0, 16]);
    expect(exactTaylorDerivatives('sigmoid', 3)).toEqual([0.5, 0.25, 0, -0.125]);
    expect(exactTaylorDerivatives('xtanh', 4)).toEqual([0, 0, 2, 0, -8]);
    expect(exactTaylorDerivatives('x2tanh', 5)).toEqual([0, 0, 0, 6, 0, -40]);
    expect(exactTaylorDerivatives('softplus', 2)).toEqual([Math.LN2, 0.5, 0.25]);
  });

  it('ReLU and leaky ReLU: not applicable (σ\' jumps at 0), encoded as 0', () => {
    for (const a of [{ kind: 'relu' }, { kind: 'leaky-relu', slope: 0.2 }] as TrainActivation[]) {
      const r = activationMultiplicity(a);
      expect(r.applicable).toBe(false);
      expect(multiplicityNumber(r)).toBe(0);
    }
  });

  it('detects higher multiplicities (x⁴ e^x: p = 4) and an activation component rewrite; refuses a flat function', () => {
    const r = computeMultiplicity((x) => x ** 4 * Math.exp(x));
    expect(r.applicable && r.p).toBe(4);
    expect(multiplicityNumber(activationMultiplicity({ kind: 'tanh' }, () => ({ kind: 'x2tanh' })))).toBe(3);
    expect(() => computeMultiplicity(() => 1)).toThrow('σ^(k)(0) = 0');
  });

  it('central differences are exact for polynomials of degree ≤ k + 1', () => {
    expect(centralDifference((x) => x ** 3, 3, 1 / 32)).toBeCloseTo(6, 8);
    expect(centralDifference((x) => x * x, 2, 1 / 32)).toBeCloseTo(2, 10);
  });
});
