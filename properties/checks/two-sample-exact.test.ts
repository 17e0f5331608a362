import { binomialPmf, expectRelClose } from '../stats/testing';
import { lineSupremum, outcomeSet, setProbability } from './two-sample-exact';

describe('exact probabilities of outcome sets of two binomial counts', () => {
  // A set that is not a union of simple rows: x₁ + x₂ odd, or x₁ ≥ 2·x₂ + 3.
  const inside = (x1: number, x2: number) => (x1 + x2) % 2 === 1 || x1 >= 2 * x2 + 3;
  const set = outcomeSet(12, 9, inside);

  it('matches the brute-force double sum', () => {
    const a = binomialPmf(12, 0.37);
    const b = binomialPmf(9, 0.61);
    let brute = 0;
    a.forEach((pa, x1) => b.forEach((pb, x2) => (brute += inside(x1, x2) ? pa * pb : 0)));
    expectRelClose(setProbability(set, 0.37, 0.61), brute, 1e-12);
    expect(setProbability(outcomeSet(5, 5, () => true), 0, 1)).toBeCloseTo(1, 14);
  });

  it('the supremum bound over a line is ≥ the probability at every point of a much finer grid', () => {
    const sup = lineSupremum(set, -0.2, 0.05);
    expect(sup.bound).toBeGreaterThanOrEqual(sup.gridMax);
    for (let t = 0.2; t <= 1; t += 1e-3) expect(setProbability(set, t - 0.2, t)).toBeLessThanOrEqual(sup.bound);
    expect(() => lineSupremum(set, 1)).toThrow(/d \(the difference p₁ − p₂ on the line\) must be in \(−1, 1\)/);
    expect(() => outcomeSet(0, 3, inside)).toThrow(/n1 must be an integer ≥ 1/);
    expect(() => setProbability(set, 1.2, 0.5)).toThrow(/p1 must be a probability/);
  });
});
