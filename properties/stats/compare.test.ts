/**
 * compareToPrediction: the decision rule and its sidedness convention. Deterministic.
 */
import { compareToPrediction } from './compare';
import { newcombeInterval } from './two-sample';
import type { Interval } from './types';

function interval(lower: number, upper: number, sides: Interval['sides'], level = 0.95): Interval {
  return { estimate: Number.isFinite(lower) ? lower : upper, lower, upper, level, sides, method: 'test', n: 10 };
}

describe('compareToPrediction', () => {
  it('rejects a prediction outside a two-sided interval and reports the signed excess', () => {
    const ci = interval(1, 2, 'two-sided');
    expect(compareToPrediction(ci, 1.5)).toMatchObject({ verdict: 'consistent', excess: 0 });
    expect(compareToPrediction(ci, 2.5)).toMatchObject({ verdict: 'rejected', excess: 0.5 });
    expect(compareToPrediction(ci, 0.75)).toMatchObject({ verdict: 'rejected', excess: -0.25 });
  });

  it('treats the bounds as part of the interval', () => {
    const ci = interval(1, 2, 'two-sided');
    expect(compareToPrediction(ci, 1).verdict).toBe('consistent');
    expect(compareToPrediction(ci, 2).verdict).toBe('consistent');
  });

  it("with 'lower' ([L, ∞)) rejects only predictions below L: the test of a claim 'true value ≤ prediction'", () => {
    const ci = interval(1, Infinity, 'lower');
    expect(compareToPrediction(ci, 0.75)).toMatchObject({ verdict: 'rejected', excess: -0.25 });
    expect(compareToPrediction(ci, 1e9).verdict).toBe('consistent');
  });

  it("with 'upper' ((−∞, U]) rejects only predictions above U: the test of a claim 'true value ≥ prediction'", () => {
    const ci = interval(-Infinity, 2, 'upper');
    expect(compareToPrediction(ci, 2.1).verdict).toBe('rejected');
    expect(compareToPrediction(ci, -1e9).verdict).toBe('consistent');
  });

  it("tests the claim 'P(success) ≤ P(trainable)' one-sided on the difference, with prediction 0", () => {
    // 30/40 successes vs 18/40 trainable: the difference is clearly positive, so the claim is rejected.
    const clearlyViolated = newcombeInterval(30, 40, 18, 40, 0.99, 'lower');
    expect(compareToPrediction(clearlyViolated, 0).verdict).toBe('rejected');
    // 18/40 successes vs 30/40 trainable agrees with the claim: never rejected, however strongly.
    const agrees = newcombeInterval(18, 40, 30, 40, 0.99, 'lower');
    expect(compareToPrediction(agrees, 0).verdict).toBe('consistent');
  });

  it('explains the verdict in one sentence and reports α = 1 − level', () => {
    const c = compareToPrediction(interval(1, Infinity, 'lower', 0.99), 0.5);
    expect(c.reason).toBe(
      'prediction 0.5 lies below the one-sided 99% interval [1, ∞): the data show the true value is larger than predicted',
    );
    expect(c.alpha).toBeCloseTo(0.01, 15);
  });

  it('rejects malformed input with messages naming the parameter', () => {
    expect(() => compareToPrediction(interval(1, 2, 'two-sided'), NaN)).toThrow('compareToPrediction: prediction must be a finite number; got NaN');
    expect(() => compareToPrediction(interval(2, 1, 'two-sided'), 1)).toThrow(
      'compareToPrediction: interval must be ordered bounds lower <= upper (not NaN); got "[2, 1]"',
    );
    expect(() => compareToPrediction(interval(1, 2, 'lower'), 1)).toThrow(
      "compareToPrediction: interval.upper must be Infinity for sides 'lower'; got 2",
    );
    expect(() => compareToPrediction(interval(1, 2, 'upper'), 1)).toThrow(
      "compareToPrediction: interval.lower must be -Infinity for sides 'upper'; got 1",
    );
    expect(() => compareToPrediction(interval(1, 2, 'two-sided', 1), 1)).toThrow('compareToPrediction: level must be in (0, 1); got 1');
  });
});
