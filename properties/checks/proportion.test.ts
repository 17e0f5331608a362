import { RandomStream } from '../../engine/random/stream';
import { newcombeInterval, wilsonInterval } from '../stats';
import { binomialPmf, consistentRate, expectRelClose, bernoulliUnits, drawBernoulli } from '../stats/testing';
import { binomialTail } from './binomial';
import {
  calibratedNewcombeAlpha,
  clopperPearsonCriticalValues,
  clopperPearsonPower,
  differenceAtMostPrediction,
  newcombeRejectionProbability,
  proportionAtLeastPrediction,
  proportionAtMostPrediction,
  proportionDifferenceAtLeastPrediction,
  proportionDifferenceAtMostPrediction,
  proportionDifferenceEqualsPrediction,
  proportionEqualsPrediction,
} from './proportion';

describe('binomialTail (oracle: R pbinom)', () => {
  it.each([
    [30, 100, 0.5, 'lower', 3.92506982279684e-5],
    [70, 100, 0.5, 'upper', 3.92506982279661e-5],
    [3, 1000, 0.01, 'lower', 0.0100726547720144],
    [25, 1000, 0.01, 'upper', 4.20292084483674e-5],
    [500, 1000, 0.5, 'upper', 0.51261250908918],
  ] as const)('P(X %s) at x=%i, n=%i, p=%f', (x, n, p, tail, expected) => {
    expectRelClose(binomialTail(x, n, p, tail), expected, 1e-11);
  });

  it('handles the edges p ∈ {0, 1} and x outside 0..n', () => {
    expect(binomialTail(1, 10, 0, 'upper')).toBe(0);
    expect(binomialTail(0, 10, 0, 'lower')).toBe(1);
    expect(binomialTail(10, 10, 1, 'upper')).toBe(1);
    expect(binomialTail(-1, 10, 0.3, 'lower')).toBe(0);
    expect(binomialTail(11, 10, 0.3, 'upper')).toBe(0);
  });
});

describe('proportionEqualsPrediction (Clopper–Pearson)', () => {
  const units = bernoulliUnits(37, 200);

  it('matches R binom.test: interval at 1 − 1e-5, one-sided p-values; the two-sided p-value is the central one', () => {
    const out = proportionEqualsPrediction.evaluate(units, 0.1, 1e-5);
    expectRelClose(out.interval.lower, 0.0843733886777476, 1e-9);
    expectRelClose(out.interval.upper, 0.3274060888949307, 1e-9);
    expect(out.interval.level).toBe(1 - 1e-5);
    expect(out.estimate).toBe(0.185);
    // binom.test(37, 200, 0.1, alternative = "greater")$p.value = 0.000185767800450079; doubled.
    expectRelClose(out.pValue!, 2 * 0.000185767800450079, 1e-9);
    expect(out.verdict).toBe('consistent');
    expect(proportionEqualsPrediction.evaluate(units, 0.1, 1e-3).verdict).toBe('rejected');
  });

  it('one-sided claims: "at most" uses [L, ∞), "at least" uses (−∞, U]', () => {
    const atMost = proportionAtMostPrediction.evaluate(units, 0.1, 1e-5);
    expectRelClose(atMost.interval.lower, 0.0870234068977316, 1e-9); // binom.test(..., "greater", conf.level = 1 − 1e-5)
    expect(atMost.interval.upper).toBe(Infinity);
    expectRelClose(atMost.pValue!, 0.000185767800450079, 1e-9);
    expect(proportionAtMostPrediction.evaluate(units, 0.08, 1e-5).verdict).toBe('rejected');
    const atLeast = proportionAtLeastPrediction.evaluate(units, 0.1, 1e-5);
    expect(atLeast.interval.lower).toBe(-Infinity);
    expectRelClose(atLeast.pValue!, 0.999913703104681, 1e-12); // binom.test(..., "less")
    expect(atLeast.verdict).toBe('consistent');
    expect(proportionAtLeastPrediction.evaluate(units, 0.35, 1e-5).verdict).toBe('rejected');
  });

  it('verdict and p-value are dual: rejected ⇔ p < α, for every x (two-sided and one-sided)', () => {
    for (const check of [proportionEqualsPrediction, proportionAtMostPrediction, proportionAtLeastPrediction]) {
      for (let x = 0; x <= 60; x++) {
        const out = check.evaluate(bernoulliUnits(x, 60), 0.3, 1e-3);
        expect(out.verdict === 'rejected').toBe(out.pValue! < 1e-3);
      }
    }
  });

  it('handles x = 0 (R: upper 0.0711217364641976 for 0/50 at 95%) and the prediction 0', () => {
    const out = proportionEqualsPrediction.evaluate(bernoulliUnits(0, 50), 0.01, 0.05);
    expect(out.interval.lower).toBe(0);
    expectRelClose(out.interval.upper, 0.0711217364641976, 1e-9);
    expect(proportionAtMostPrediction.evaluate(bernoulliUnits(0, 50), 0, 1e-5).verdict).toBe('consistent');
    const one = proportionAtMostPrediction.evaluate(bernoulliUnits(1, 50), 0, 1e-5);
    expect(one.verdict).toBe('rejected');
    expect(one.pValue).toBe(0);
    expect(one.minDetectable).toBeUndefined(); // no relative deviation from 0
  });

  it('exact power and detectable deviation (R: P(X ≥ 28 | n = 1000, p = 0.03) = 0.670135656172766)', () => {
    expect(clopperPearsonCriticalValues(1000, 0.01, 5e-6)).toEqual({ lo: -1, hi: 28 });
    expectRelClose(clopperPearsonPower(1000, 0.01, 1e-5, 'two-sided', 0.03), 0.670135656172766, 1e-10);
    const out = proportionEqualsPrediction.evaluate(bernoulliUnits(10, 1000), 0.01, 1e-5);
    const p1 = 0.01 * (1 + out.minDetectable!.relative);
    const power = (p: number): number => proportionEqualsPrediction.designPower({ n: [1000] }, 0.01, { value: p, source: 'test' }, 1e-5);
    expect(power(p1)).toBeGreaterThanOrEqual(0.99);
    expect(power(p1 - 1e-4)).toBeLessThan(0.99);
    expect(power(0.01)).toBeLessThanOrEqual(1e-5);
  });

  it('is calibrated at tiny α where Wilson is not: exact false-failure rates at α = 1e-5', () => {
    // Exact rate of each test = Σ_x P_{p0}(x)·[rejects]. Wilson (score): 10.9·α (R, same sum);
    // Clopper–Pearson: ≤ α for every p0.
    const n = 1000;
    const rate = (p0: number, rejects: (x: number) => boolean): number => binomialPmf(n, p0).reduce((s, w, x) => s + (rejects(x) ? w : 0), 0);
    const wilson = rate(0.01, (x) => {
      const ci = wilsonInterval(x, n, 1 - 1e-5);
      return 0.01 < ci.lower || 0.01 > ci.upper;
    });
    expectRelClose(wilson / 1e-5, 10.9083850712281, 1e-6);
    for (const p0 of [0.002, 0.01, 0.05, 0.2, 0.5]) {
      const { lo, hi } = clopperPearsonCriticalValues(n, p0, 5e-6);
      const cp = rate(p0, (x) => x <= lo || x >= hi);
      expect(cp).toBeLessThanOrEqual(1e-5);
    }
  });

  it('simulation at α = 0.01: null rejection rate ≤ α, power as computed', () => {
    const stream = new RandomStream(20240611);
    const trials = 2000;
    let falseFailures = 0;
    let hits = 0;
    for (let t = 0; t < trials; t++) {
      if (proportionEqualsPrediction.evaluate(drawBernoulli(stream, 150, 0.3), 0.3, 0.01).verdict === 'rejected') falseFailures++;
      if (proportionEqualsPrediction.evaluate(drawBernoulli(stream, 150, 0.45), 0.3, 0.01).verdict === 'rejected') hits++;
    }
    // Exact size of this test, and the exact power against 0.45:
    const { lo, hi } = clopperPearsonCriticalValues(150, 0.3, 0.005);
    const size = binomialTail(hi, 150, 0.3, 'upper') + binomialTail(lo, 150, 0.3, 'lower');
    expect(size).toBeLessThanOrEqual(0.01);
    expect(consistentRate(falseFailures, trials, size, 1e-6)).toBe(true);
    expect(falseFailures / trials).toBeLessThanOrEqual(0.01 + 5 * Math.sqrt((0.01 * 0.99) / trials));
    const power = clopperPearsonPower(150, 0.3, 0.01, 'two-sided', 0.45);
    expect(power).toBeGreaterThan(0.5);
    expect(consistentRate(hits, trials, power, 1e-6)).toBe(true);
  });

  it('records its exact false-failure rate; design power and acceptance are exact binomial tails', () => {
    const out = proportionAtMostPrediction.evaluate(bernoulliUnits(10, 1000), 0.01, 1e-5);
    const { hi } = clopperPearsonCriticalValues(1000, 0.01, 1e-5);
    expect(out.falseFailure).toEqual(expect.objectContaining({ rate: binomialTail(hi, 1000, 0.01, 'upper'), method: 'exact' }));
    expect(out.falseFailure!.rate).toBeLessThanOrEqual(1e-5);
    const plan = { n: [1000] };
    expect(proportionAtMostPrediction.designPower(plan, 0.01, { value: 0.03, source: 'test' }, 1e-5)).toBe(binomialTail(hi, 1000, 0.03, 'upper'));
    expect(proportionEqualsPrediction.acceptance(plan, { value: 0.3, source: 'test' }, 1e-5)).toBeGreaterThanOrEqual(1 - 1e-5);
    expect(() => proportionEqualsPrediction.designPower({ n: [0] }, 0.3, { value: 0.3, source: 'test' }, 1e-5)).toThrow(/plan.n must hold 1 integer/);
  });

  it('rejects bad input, naming the parameter', () => {
    expect(() => proportionEqualsPrediction.evaluate(Float64Array.of(0, 1, 0.5), 0.5, 1e-3)).toThrow(/units must be 0\/1 values.*units\[2\] = 0\.5/);
    expect(() => proportionEqualsPrediction.evaluate(Float64Array.of(0, 1, NaN), 0.5, 1e-3)).toThrow(/units\[2\] = NaN/);
    expect(() => proportionEqualsPrediction.evaluate(new Float64Array(0), 0.5, 1e-3)).toThrow(/units must hold at least 1/);
    expect(() => proportionAtMostPrediction.evaluate(Float64Array.of(0, 1), 1.2, 1e-3)).toThrow(/prediction must be a probability in \[0, 1\]; got 1.2/);
    expect(() => proportionAtLeastPrediction.evaluate(Float64Array.of(0, 1), 0.5, 0)).toThrow(/alpha must be in \(0, 1\)/);
  });
});

describe('two-sample difference checks (Newcombe, calibrated on the boundary)', () => {
  it('keeps α for equal samples and lowers α′ for unequal ones until the exact boundary rate is ≤ α', () => {
    // Equal n = 1000: Newcombe's exact rate at p₁ = p₂ = 0.455 is ≈ 1.03α, so α′ is lowered only slightly.
    expectRelClose(newcombeRejectionProbability(1000, 1000, 0.455, 0.455, 0, 1e-5, 'lower') / 1e-5, 1.0256584773905928, 1e-6);
    // n₁ = 100, n₂ = 1000, p = 0.02: ≈ 20α at nominal α (same double sum in Python/scipy: 20.1845).
    expectRelClose(newcombeRejectionProbability(100, 1000, 0.02, 0.02, 0, 1e-5, 'lower') / 1e-5, 20.184459241726497, 1e-6);
    // The calibration bounds the rate over the WHOLE boundary p₁ = p₂ (not at one nuisance value).
    const cal = calibratedNewcombeAlpha(50, 400, 0, 1e-5, 'lower');
    expect(cal.converged).toBe(true);
    expect(cal.nominal).toBeLessThan(1e-5);
    expect(cal.actual).toBeLessThanOrEqual(1e-5);
    for (const p of [0.005, 0.02, 0.05, 0.2, 0.5, 0.9]) expect(newcombeRejectionProbability(50, 400, p, p, 0, cal.nominal, 'lower')).toBeLessThanOrEqual(cal.actual);
    const out = proportionDifferenceAtMostPrediction.evaluate(bernoulliUnits(1, 50), 0, 1e-5, bernoulliUnits(8, 400));
    expect(out.interval.level).toBe(1 - cal.nominal);
    expectRelClose(out.interval.lower, newcombeInterval(1, 50, 8, 400, 1 - cal.nominal, 'lower').lower, 1e-12);
    expect(out.falseFailure).toEqual(expect.objectContaining({ rate: cal.actual, method: 'exact' }));
    expect(out.calibrationWarning).toBeUndefined();
  });

  it('design power and own-world acceptance are the exact probabilities of the rejection set', () => {
    const check = proportionDifferenceAtMostPrediction;
    const plan = { n: [64, 64] };
    const nominal = calibratedNewcombeAlpha(64, 64, 0, 1e-5, 'lower').nominal;
    expectRelClose(check.designPower(plan, 0, { value: 0.4, arms: [0.6, 0.2], source: 'test' }, 1e-5), newcombeRejectionProbability(64, 64, 0.6, 0.2, 0, nominal, 'lower'), 1e-12);
    expect(check.acceptance(plan, { value: 0, arms: [0.3, 0.3], source: 'test' }, 1e-5)).toBeGreaterThanOrEqual(1 - 1e-5);
    expect(() => check.designPower(plan, 0, { value: 0.4, source: 'test' }, 1e-5)).toThrow(/world.arms must be the two true proportions/);
    expect(() => check.designPower({ n: [64] }, 0, { value: 0.4, arms: [0.6, 0.2], source: 'test' }, 1e-5)).toThrow(/plan.n must hold 2/);
  });

  it('claims "p₁ − p₂ ≤ δ₀" / "≥ δ₀" / "= δ₀" reject only when the data contradict them', () => {
    const a = bernoulliUnits(40, 80); // 0.50
    const b = bernoulliUnits(4, 80); // 0.05
    expect(proportionDifferenceAtMostPrediction.evaluate(a, 0, 1e-5, b).verdict).toBe('rejected'); // data show p₁ > p₂
    expect(proportionDifferenceAtMostPrediction.evaluate(b, 0, 1e-5, a).verdict).toBe('consistent');
    expect(proportionDifferenceAtLeastPrediction.evaluate(b, 0, 1e-5, a).verdict).toBe('rejected');
    expect(proportionDifferenceEqualsPrediction.evaluate(a, 0.45, 1e-5, b).verdict).toBe('consistent');
    expect(proportionDifferenceEqualsPrediction.evaluate(a, 0, 1e-5, b).verdict).toBe('rejected');
    // A wrong claimed gain ("p₁ − p₂ ≤ −0.9") on equal rates is rejected; a claim at the boundary is not.
    const c = bernoulliUnits(20, 64);
    expect(differenceAtMostPrediction().evaluate(c, -0.9, 1e-5, c).verdict).toBe('rejected');
    expect(differenceAtMostPrediction().evaluate(c, 0, 1e-5, c).verdict).toBe('consistent');
  });

  it('simulation at α = 0.01 with unequal samples: null rejection rate ≤ α; power near the stated one', () => {
    const stream = new RandomStream(7);
    const trials = 1000;
    let falseFailures = 0;
    let hits = 0;
    for (let t = 0; t < trials; t++) {
      const ref = drawBernoulli(stream, 200, 0.3);
      if (proportionDifferenceAtMostPrediction.evaluate(drawBernoulli(stream, 60, 0.3), 0, 0.01, ref).verdict === 'rejected') falseFailures++;
      if (proportionDifferenceAtMostPrediction.evaluate(drawBernoulli(stream, 60, 0.55), 0, 0.01, ref).verdict === 'rejected') hits++;
    }
    const stated = proportionDifferenceAtMostPrediction.designPower({ n: [60, 200] }, 0, { value: 0.25, arms: [0.55, 0.3], source: 'test' }, 0.01);
    expect(falseFailures / trials).toBeLessThanOrEqual(0.01 + 5 * Math.sqrt((0.01 * 0.99) / trials));
    expect(hits / trials).toBeGreaterThan(0.6);
    expect(consistentRate(hits, trials, stated, 1e-6)).toBe(true); // exact design power
  });

  it('rejects bad input, naming the parameter', () => {
    const u = bernoulliUnits(3, 10);
    expect(() => proportionDifferenceAtMostPrediction.evaluate(u, 0, 1e-3)).toThrow(/needs a reference sample/);
    expect(() => proportionDifferenceAtMostPrediction.evaluate(u, 0, 1e-3, Float64Array.of(0, 2))).toThrow(/reference must be 0\/1 values.*reference\[1\] = 2/);
    expect(() => proportionDifferenceEqualsPrediction.evaluate(Float64Array.of(-1), 0, 1e-3, u)).toThrow(/units must be 0\/1 values/);
    expect(() => proportionDifferenceEqualsPrediction.evaluate(u, 1.5, 1e-3, u)).toThrow(/prediction must be a difference of probabilities/);
  });
});
