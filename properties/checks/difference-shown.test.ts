import { bernoulliUnits } from '../stats/testing';
import { newcombeInterval } from '../stats';
import { demonstrationMissRate, differenceShownBelow, notShownSet } from './difference-shown';
import { setProbability } from './two-sample-exact';

describe('differenceShownBelow (demonstration, exact miss rate)', () => {
  it('is consistent iff the one-sided Newcombe upper bound is below the prediction', () => {
    const check = differenceShownBelow(0.8);
    const out = check.evaluate(bernoulliUnits(0, 40), 0, 1.25e-5, bernoulliUnits(40, 40));
    expect(out.verdict).toBe('consistent');
    expect(out.interval.upper).toBe(newcombeInterval(0, 40, 40, 40, 1 - 1.25e-5, 'upper').upper);
    expect(check.evaluate(bernoulliUnits(20, 40), 0, 1.25e-5, bernoulliUnits(22, 40)).verdict).toBe('rejected');
  });

  it('SmallInit (issue 12): 0/24 vs 24/24 used to print power 1.00000; the exact miss rate at the smallest effect is recorded instead', () => {
    const out = differenceShownBelow(0.8).evaluate(bernoulliUnits(0, 24), 0, 1.25e-5, bernoulliUnits(24, 24));
    expect(out.verdict).toBe('consistent');
    expect(out.falseFailure!.method).toBe('exact');
    expect(out.falseFailure!.rate).toBeGreaterThan(1e-3); // 24 per arm cannot vouch for the miss rate …
    expect(out.calibrationWarning).toMatch(/exceeds α .* raise n/);
    expect(out.notes!.join(' ')).not.toMatch(/power/);
    // … 40 per arm can (the design the claim uses).
    expect(demonstrationMissRate(40, 40, 0, 0.8, 1.25e-5).rate).toBeLessThanOrEqual(1.25e-5);
  });

  it('the miss rate bounds the exact probability at every nuisance value on the line p₁ − p₂ = −m', () => {
    const bound = demonstrationMissRate(40, 40, 0, 0.8, 1.25e-5).rate;
    const set = notShownSet(40, 40, 0, 1.25e-5);
    for (let p2 = 0.8; p2 <= 1; p2 += 0.01) expect(setProbability(set, p2 - 0.8, p2)).toBeLessThanOrEqual(bound);
  });

  it('acceptance exposes a vacuous demonstration: at 48 per arm the bound never goes below −0.62', () => {
    const check = differenceShownBelow(0.5);
    const plan = { n: [48, 48] };
    expect(check.evaluate(bernoulliUnits(0, 48), 0, 1.5e-5, bernoulliUnits(48, 48)).interval.upper).toBeGreaterThan(-0.63);
    expect(check.acceptance(plan, { value: -0.99, arms: [0, 1], source: 'test' }, 1.5e-5)).toBe(0);
    expect(check.acceptance(plan, { value: -0.5, arms: [0, 1], source: 'test' }, 1.5e-5)).toBe(1);
    // Design power against an engine where the effect is absent (equal arms): the demonstration fails with probability ≥ 1 − α.
    expect(check.designPower(plan, 0, { value: 0, arms: [0.4, 0.4], source: 'test' }, 1.5e-5)).toBeGreaterThanOrEqual(1 - 1.5e-5);
  });

  it('warns when no smallest effect of interest is stated; bad input names the parameter', () => {
    expect(differenceShownBelow().evaluate(bernoulliUnits(0, 24), 0, 1e-5, bernoulliUnits(24, 24)).calibrationWarning).toMatch(/no smallest effect of interest/);
    expect(() => differenceShownBelow().evaluate(bernoulliUnits(0, 24), 0, 1e-5)).toThrow(/needs a reference sample/);
    expect(() => differenceShownBelow(0)).toThrow(/minEffect must be in/);
    expect(() => differenceShownBelow().designPower({ n: [24, 24] }, 0, { value: 0, source: 'test' }, 1e-5)).toThrow(/world.arms/);
  });
});
