import { RandomStream } from '../../engine/random/stream';
import { expectRelClose, bernoulliUnits, drawBernoulli } from '../stats/testing';
import { fitProportionTrend, hoeffdingHalfWidth, trendMissRate, trendShownIncreasing } from './proportion-trend-shown';

describe('fitProportionTrend', () => {
  it('equals the least-squares slope of the 0/1 units on x, with S = Σ n (x − x̄)²', () => {
    // Arrange: three groups; the slope computed by hand from the unit-level regression.
    const groups = [
      { x: 2, units: bernoulliUnits(20, 100) },
      { x: 4, units: bernoulliUnits(50, 100) },
      { x: 8, units: bernoulliUnits(90, 100) },
    ];
    // Act
    const fit = fitProportionTrend(groups);
    // Assert: x̄ = 14/3; S = 100[(2−x̄)² + (4−x̄)² + (8−x̄)²]; b = Σ n (x − x̄) p̂ / S.
    const xBar = 14 / 3;
    const S = 100 * ((2 - xBar) ** 2 + (4 - xBar) ** 2 + (8 - xBar) ** 2);
    expectRelClose(fit.slope, (100 * ((2 - xBar) * 0.2 + (4 - xBar) * 0.5 + (8 - xBar) * 0.9)) / S, 1e-12);
    expectRelClose(fit.S, S, 1e-12);
  });
});

describe('proportionTrendShown (Hoeffding bound)', () => {
  const rising = [
    { x: 2, units: bernoulliUnits(30, 200) },
    { x: 4, units: bernoulliUnits(120, 200) },
    { x: 8, units: bernoulliUnits(195, 200) },
  ];
  const units = new Float64Array(0);

  it('is consistent when the rise is shown, rejected when it is not; the bound is b − √(ln(1/α)/(2S))', () => {
    const check = trendShownIncreasing(0.05);
    const up = check.evaluate(units, 0, 1e-5, undefined, rising);
    const fit = fitProportionTrend(rising);
    expect(up.verdict).toBe('consistent');
    expectRelClose(up.interval.lower, fit.slope - Math.sqrt(Math.log(1e5) / (2 * fit.S)), 1e-12);
    expect(check.evaluate(units, 0, 1e-5, undefined, rising.map((g) => ({ x: g.x, units: bernoulliUnits(100, 200) }))).verdict).toBe('rejected');
    expect(check.evaluate(units, 0.5, 1e-5, undefined, rising).verdict).toBe('rejected'); // a claimed slope above the true one
  });

  it('records the miss rate at the smallest effect of interest (Hoeffding) and warns when it exceeds α', () => {
    const fit = fitProportionTrend(rising);
    const ok = trendShownIncreasing(0.1).evaluate(units, 0, 1e-5, undefined, rising);
    expect(ok.falseFailure).toEqual(trendMissRate(fit.S, 0.1, 1e-5));
    expectRelClose(ok.falseFailure!.rate, Math.exp(-2 * fit.S * (0.1 - hoeffdingHalfWidth(fit.S, 1e-5)) ** 2), 1e-12);
    expect(ok.calibrationWarning).toBeUndefined();
    expect(trendShownIncreasing(0.01).evaluate(units, 0, 1e-5, undefined, rising).calibrationWarning).toMatch(/miss rate bound .* exceeds α/);
    expect(trendShownIncreasing().evaluate(units, 0, 1e-5, undefined, rising).calibrationWarning).toMatch(/no smallest effect of interest/);
    expect(ok.notes!.join(' ')).not.toMatch(/power/); // no plug-in power
  });

  it('the miss-rate bound holds by simulation at a slope exactly at the smallest effect (α = 0.05, 2000 trials)', () => {
    const stream = new RandomStream(20190723);
    const xs = [2, 4, 6];
    const ps = [0.3, 0.4, 0.5]; // slope 0.05 per unit of x
    const check = trendShownIncreasing(0.05);
    let missed = 0;
    let bound = 0;
    for (let t = 0; t < 2000; t++) {
      const out = check.evaluate(units, 0, 0.05, undefined, xs.map((x, i) => ({ x, units: drawBernoulli(stream, 300, ps[i]) })));
      if (out.verdict === 'rejected') missed++;
      bound = out.falseFailure!.rate;
    }
    expect(missed / 2000).toBeLessThanOrEqual(bound);
  });

  it('design power and acceptance from the world arms; a vacuous twin has acceptance 0', () => {
    const check = trendShownIncreasing(0.05);
    const plan = { n: [1000, 1000, 1000, 1000], x: [2, 4, 6, 8] };
    // Truth: slope 0.1 (p = 0.2 … 0.8); a claimed slope > 0.5 is rejected with power ≈ 1.
    const truth = { value: 0.1, arms: [0.2, 0.4, 0.6, 0.8], source: 'test' };
    expect(check.designPower(plan, 0.5, truth, 1e-5)).toBeGreaterThan(1 - 1e-12);
    expect(check.acceptance(plan, truth, 1e-5)).toBeLessThan(1); // at its boundary a demonstration is not accepted…
    // …but with a clear margin it is; the largest slope any arms can have over x = 2…8 is 0.2 < 0.5: vacuous.
    expect(check.acceptance(plan, { value: 0, arms: [0.2, 0.4, 0.6, 0.8], source: 'test' }, 1e-5)).toBeGreaterThan(1 - 1e-5);
    expect(check.acceptance(plan, { value: 0.5, arms: [0, 0, 1, 1], source: 'test' }, 1e-5)).toBe(0);
    expect(() => check.designPower(plan, 0, { value: 0.1, source: 'test' }, 1e-5)).toThrow(/world.arms must hold one true probability/);
  });

  it('rejects bad input, naming the parameter', () => {
    const g = [{ x: 1, units: bernoulliUnits(3, 10) }];
    expect(() => trendShownIncreasing().evaluate(units, 0, 1e-3)).toThrow(/needs Experiment.groups/);
    expect(() => trendShownIncreasing().evaluate(units, 0, 1e-3, undefined, g)).toThrow(/at least 2 groups/);
    expect(() => trendShownIncreasing().evaluate(units, 0, 1e-3, undefined, [...g, { x: 1, units: bernoulliUnits(2, 10) }])).toThrow(/two distinct x/);
    expect(() => trendShownIncreasing().evaluate(units, 0, 1e-3, undefined, [...g, { x: 2, units: Float64Array.of(0, 2) }])).toThrow(/groups\[1\]\.units must be 0\/1 values/);
    expect(() => trendShownIncreasing().evaluate(units, 0, 2, undefined, g)).toThrow(/alpha must be in/);
    expect(() => trendShownIncreasing(-1)).toThrow(/minEffect must be a finite number > 0/);
  });
});
