import { RandomStream } from '../../engine/random/stream';
import { consistentRate, expectRelClose, bernoulliUnits, drawBernoulli } from '../stats/testing';
import { normalCdf, normalQuantile } from '../stats';
import { fitProportionTrend, proportionTrendShown } from './proportion-trend-shown';

describe('fitProportionTrend', () => {
  it('equals the least-squares slope of the 0/1 units on x, with the unpooled standard error', () => {
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
    const b = (100 * ((2 - xBar) * 0.2 + (4 - xBar) * 0.5 + (8 - xBar) * 0.9)) / S;
    const v = (100 * ((2 - xBar) ** 2 * 0.16 + (4 - xBar) ** 2 * 0.25 + (8 - xBar) ** 2 * 0.09)) / S ** 2;
    expectRelClose(fit.slope, b, 1e-12);
    expectRelClose(fit.se, Math.sqrt(v), 1e-12);
  });

  it('keeps a positive standard error when every group is all 0 or all 1', () => {
    const fit = fitProportionTrend([
      { x: 1, units: bernoulliUnits(0, 50) },
      { x: 2, units: bernoulliUnits(50, 50) },
    ]);
    expect(fit.slope).toBeCloseTo(1, 12);
    expect(fit.se).toBeGreaterThan(0);
  });
});

describe('proportionTrendShown', () => {
  it('is consistent when the rise is shown, rejected when it is not, with the stated power', () => {
    const rising = [
      { x: 2, units: bernoulliUnits(30, 200) },
      { x: 4, units: bernoulliUnits(120, 200) },
      { x: 8, units: bernoulliUnits(195, 200) },
    ];
    const flat = rising.map((g) => ({ x: g.x, units: bernoulliUnits(100, 200) }));
    const units = new Float64Array(0);
    const up = proportionTrendShown.evaluate(units, 0, 1e-5, undefined, rising);
    expect(up.verdict).toBe('consistent');
    expect(up.interval.lower).toBeGreaterThan(0);
    expect(up.calibrationWarning).toBeUndefined();
    const none = proportionTrendShown.evaluate(units, 0, 1e-5, undefined, flat);
    expect(none.verdict).toBe('rejected');
    // A claimed slope above the true one is rejected (a wrong prediction).
    expect(proportionTrendShown.evaluate(units, 0.5, 1e-5, undefined, rising).verdict).toBe('rejected');
    // Power: Φ((b − b₀)/se − z).
    const fit = fitProportionTrend(rising);
    expectRelClose(1 - up.powerAgainst!(0.1), normalCdf((0.1 - 0) / fit.se - normalQuantile(1 - 1e-5)), 1e-12);
  });

  it('warns when the power at the observed slope is below 1 − α', () => {
    const weak = [
      { x: 2, units: bernoulliUnits(48, 100) },
      { x: 4, units: bernoulliUnits(52, 100) },
    ];
    const out = proportionTrendShown.evaluate(new Float64Array(0), 0, 1e-3, undefined, weak);
    expect(out.calibrationWarning).toMatch(/CALIBRATION WARNING/);
  });

  it('simulation at α = 0.05: a flat trend is shown at rate ≤ α (one-sided), a rising one at the stated power', () => {
    const stream = new RandomStream(20190723);
    const trials = 2000;
    const ps = [0.3, 0.34, 0.38];
    let flatShown = 0;
    let risingShown = 0;
    let stated = 0;
    for (let t = 0; t < trials; t++) {
      const flat = [2, 4, 6].map((x) => ({ x, units: drawBernoulli(stream, 150, 0.34) }));
      const rising = [2, 4, 6].map((x, i) => ({ x, units: drawBernoulli(stream, 150, ps[i]) }));
      if (proportionTrendShown.evaluate(new Float64Array(0), 0, 0.05, undefined, flat).verdict === 'consistent') flatShown++;
      const out = proportionTrendShown.evaluate(new Float64Array(0), 0, 0.05, undefined, rising);
      if (out.verdict === 'consistent') risingShown++;
      stated += (1 - out.powerAgainst!(0.02)) / trials;
    }
    expect(consistentRate(flatShown, trials, 0.05, 1e-6) || flatShown / trials < 0.05).toBe(true);
    expect(Math.abs(risingShown / trials - stated)).toBeLessThan(0.05);
  });

  it('rejects bad input, naming the parameter', () => {
    const g = [{ x: 1, units: bernoulliUnits(3, 10) }];
    expect(() => proportionTrendShown.evaluate(new Float64Array(0), 0, 1e-3)).toThrow(/needs Experiment.groups/);
    expect(() => proportionTrendShown.evaluate(new Float64Array(0), 0, 1e-3, undefined, g)).toThrow(/at least 2 groups/);
    expect(() => proportionTrendShown.evaluate(new Float64Array(0), 0, 1e-3, undefined, [...g, { x: 1, units: bernoulliUnits(2, 10) }])).toThrow(/two distinct x/);
    expect(() => proportionTrendShown.evaluate(new Float64Array(0), 0, 1e-3, undefined, [...g, { x: 2, units: Float64Array.of(0, 2) }])).toThrow(/groups\[1\]\.units must be 0\/1 values/);
    expect(() => proportionTrendShown.evaluate(new Float64Array(0), 0, 2, undefined, g)).toThrow(/alpha must be in/);
  });
});
