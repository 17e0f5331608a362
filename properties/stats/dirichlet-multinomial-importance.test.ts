/**
 * The Dirichlet–multinomial importance sampler of multinomial bin counts (deterministic: fixed
 * seeds). Oracles: exact binomial tails (a bin's count is Binomial(n, π_j)) via the regularized
 * incomplete beta of checks/binomial.ts.
 */
import { binomialTail } from '../checks/binomial';
import { dirichletMultinomialImportance } from './importance-sampling';

describe('dirichletMultinomialImportance', () => {
  it('recovers a rare exact tail: P(first of 3 bins ≥ 55 of 100) under (0.3, 0.3, 0.4)', () => {
    const exact = binomialTail(55, 100, 0.3, 'upper');
    expect(exact).toBeLessThan(1e-6);
    const e = dirichletMultinomialImportance(Float64Array.of(0.3, 0.3, 0.4), 100, 8, (x) => x[0] >= 55, 4000, 3);
    expect(e.hits).toBeGreaterThan(20);
    expect(Math.abs(e.estimate / exact - 1)).toBeLessThan(4 * e.relativeSE);
  });

  it('is unbiased for a common event (conditional binomials draw the multinomial exactly)', () => {
    const exact = binomialTail(260, 1000, 0.25, 'upper');
    const e = dirichletMultinomialImportance(Float64Array.of(0.25, 0.5, 0.25), 1000, 2, (x) => x[2] >= 260, 20000, 4);
    expect(e.relativeSE).toBeLessThan(0.05);
    expect(Math.abs(e.estimate / exact - 1)).toBeLessThan(4 * e.relativeSE);
  });

  it('rejects bad input, naming the parameter', () => {
    const event = (): boolean => true;
    expect(() => dirichletMultinomialImportance(Float64Array.of(1), 10, 2, event, 10, 1)).toThrow(/probs must hold ≥ 2/);
    expect(() => dirichletMultinomialImportance(Float64Array.of(0.5, 0.6), 10, 2, event, 10, 1)).toThrow(/probs must sum to 1/);
    expect(() => dirichletMultinomialImportance(Float64Array.of(0.5, 0.5), 1, 2, event, 10, 1)).toThrow(/n must be an integer >= 2/);
    expect(() => dirichletMultinomialImportance(Float64Array.of(0.5, 0.5), 10, 1, event, 10, 1)).toThrow(/inflation must be in \(1, n = 10\)/);
    expect(() => dirichletMultinomialImportance(Float64Array.of(0.5, 0.5), 10, 2, event, 1, 1)).toThrow(/reps must be an integer >= 2/);
  });
});
