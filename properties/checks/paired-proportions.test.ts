import { binomialTail } from './binomial';
import { criticalDiscordant, pairedProportionAtMost, pairedRejectionProbability } from './paired-proportions';

const f = (xs: number[]) => Float64Array.from(xs);

describe('pairedProportionAtMost (exact conditional sign test)', () => {
  test('threshold: the smallest b with P(Bin(k, ½) ≥ b) ≤ α', () => {
    expect(criticalDiscordant(10, 0.05)).toBe(9); // P(≥ 9) = 11/1024 ≤ 0.05 < P(≥ 8) = 56/1024
    expect(criticalDiscordant(3, 0.05)).toBe(4); // even 3 of 3 has p = 1/8: never rejected
    for (const k of [1, 7, 40, 200]) {
      const b = criticalDiscordant(k, 1e-5);
      if (b <= k) expect(binomialTail(b, k, 0.5, 'upper')).toBeLessThanOrEqual(1e-5);
      expect(binomialTail(b - 1, k, 0.5, 'upper')).toBeGreaterThan(1e-5);
    }
  });

  test('false-failure rate ≤ α at the boundary p₊ = p₋, whatever the discordance', () => {
    for (const q of [0.02, 0.2, 0.6, 1]) expect(pairedRejectionProbability(128, q / 2, q / 2, 1e-5)).toBeLessThanOrEqual(1e-5);
    // Inside the claim (p₊ < p₋) it is smaller still; an implication (p₊ = 0) never rejects.
    expect(pairedRejectionProbability(128, 0, 0.3, 1e-5)).toBe(0);
  });

  test('power against a clear violation, by enumeration', () => {
    // n = 1: reject iff the one pair is (1, 0) and P(Bin(1, ½) ≥ 1) = ½ ≤ α.
    expect(pairedRejectionProbability(1, 0.3, 0.1, 0.6)).toBeCloseTo(0.3, 12);
    expect(pairedRejectionProbability(256, 0.3, 0.05, 1e-5)).toBeGreaterThan(0.99);
    expect(pairedRejectionProbability(128, 0.3, 0.05, 1e-5)).toBeLessThan(0.8);
  });

  test('evaluate: decisions, estimate, record; bad input named', () => {
    const ok = pairedProportionAtMost.evaluate(f([1, 0, 0, 1]), 0, 0.05, f([1, 1, 0, 1]));
    expect(ok.verdict).toBe('consistent');
    expect(ok.estimate).toBeCloseTo(-0.25, 12);
    expect(ok.falseFailure?.rate).toBeLessThanOrEqual(0.05);
    const units = f(Array(20).fill(1));
    const bad = pairedProportionAtMost.evaluate(units, 0, 1e-3, f(Array(20).fill(0)));
    expect(bad.verdict).toBe('rejected');
    expect(() => pairedProportionAtMost.evaluate(units, 0.1, 0.05, units)).toThrow(/only the prediction 0/);
    expect(() => pairedProportionAtMost.evaluate(units, 0, 0.05)).toThrow(/reference sample/);
    expect(() => pairedProportionAtMost.designPower({ n: [10] }, 0, { value: 0, arms: [0.7, 0.6], source: '' }, 0.05)).toThrow(/sum ≤ 1/);
  });
});
