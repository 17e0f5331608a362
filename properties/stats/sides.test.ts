/**
 * The sidedness helpers and the convention of types.ts, checked across every interval builder:
 * a one-sided interval at level 1 − α keeps ±Infinity on its open side, and its finite bound is the
 * same end of the two-sided interval at level 1 − 2α. Deterministic.
 */
import { tInterval } from './mean-interval';
import { clopperPearsonInterval, wilsonInterval } from './proportion-interval';
import { SIDES, isSides, tailProbability } from './sides';
import { newcombeInterval, welchInterval } from './two-sample';
import { expectRelClose } from './testing';
import type { Interval, Sides } from './types';

describe('sides helpers', () => {
  it('lists the three sides of the report schema', () => {
    expect(SIDES).toEqual(['two-sided', 'lower', 'upper']);
    expect(isSides('lower')).toBe(true);
    expect(isSides('greater')).toBe(false);
    expect(isSides(undefined)).toBe(false);
  });

  it('puts α/2 in each tail two-sided and α in the one tail one-sided', () => {
    expectRelClose(tailProbability(0.95, 'two-sided'), 0.025, 1e-14);
    expectRelClose(tailProbability(0.95, 'lower'), 0.05, 1e-14);
    expectRelClose(tailProbability(0.95, 'upper'), 0.05, 1e-14);
  });
});

describe('the one-sided convention of every interval builder', () => {
  const x = [3.1, 2.7, 4.4, 3.9, 2.2, 3.3, 5.0, 2.9];
  const y = [2.1, 1.7, 2.4, 3.0, 1.2, 2.6];
  const builders: Record<string, (level: number, sides: Sides) => Interval> = {
    tInterval: (level, sides) => tInterval(x, level, sides),
    wilsonInterval: (level, sides) => wilsonInterval(7, 20, level, sides),
    clopperPearsonInterval: (level, sides) => clopperPearsonInterval(7, 20, level, sides),
    welchInterval: (level, sides) => welchInterval(x, y, level, sides),
    newcombeInterval: (level, sides) => newcombeInterval(7, 20, 12, 25, level, sides),
  };

  for (const [name, build] of Object.entries(builders)) {
    it(`${name}: 'lower' is [L, Infinity) and 'upper' is (-Infinity, U], matching the two-sided interval at 1 − 2α`, () => {
      const two = build(0.8, 'two-sided');
      const lower = build(0.9, 'lower');
      const upper = build(0.9, 'upper');
      expect(lower.upper).toBe(Infinity);
      expect(upper.lower).toBe(-Infinity);
      expect(lower.sides).toBe('lower');
      expect(upper.sides).toBe('upper');
      // 1 − 0.8 and (1 − 0.9)·2 differ in the last bits; the bounds agree to rounding.
      expectRelClose(lower.lower, two.lower, 1e-12);
      expectRelClose(upper.upper, two.upper, 1e-12);
    });
  }
});
