import { RandomStream } from '../../engine/random/stream';
import { fitLogSlope, fromGroups, intervalNullCritical, logSlopeAtMost, logSlopeWithin, MAX_SKEW_PER_ROOT_N, untilGroupTrusted } from './log-slope';
import { sampleMoments } from '../stats';
import { normalQuantile, tQuantile } from '../stats';

/** Groups of normal units with means m·x^b (log-log) and CV 0.3. */
function groups(stream: RandomStream, xs: number[], slope: number, n: number) {
  return xs.map((x) => {
    const units = new Float64Array(n);
    stream.fillNormal(units, 0.3 * x ** slope);
    const mean = x ** slope;
    for (let i = 0; i < n; i++) units[i] += mean;
    return { x, units };
  });
}

describe('logSlopeWithin (interval null on a growth exponent)', () => {
  test('recovers a known exponent; se matches the spread of replicated fits', () => {
    const s = new RandomStream(5);
    const fits = Array.from({ length: 400 }, () => fitLogSlope(groups(s, [8, 16, 32], 2, 200), true));
    const mean = fits.reduce((a, f) => a + f.slope, 0) / fits.length;
    const sd = Math.sqrt(fits.reduce((a, f) => a + (f.slope - mean) ** 2, 0) / (fits.length - 1));
    expect(Math.abs(mean - 2)).toBeLessThan(0.01);
    expect(sd / fits[0].se).toBeGreaterThan(0.85);
    expect(sd / fits[0].se).toBeLessThan(1.15);
  });

  // α spent here is counted in the budget's 'stats.calibration' share (false-failure of these
  // simulation tests: the tolerances below are ≥ 5 binomial standard errors).
  test('false-failure rate at the edge of the null region is α/SLOPE_MARGIN = α/4; inside it, smaller', () => {
    const s = new RandomStream(6);
    const check = logSlopeWithin(0.2, true);
    const reps = 1500;
    let atEdge = 0;
    let inside = 0;
    for (let r = 0; r < reps; r++) {
      const gEdge = groups(s, [8, 16, 32], 1.2, 150);
      if (check.evaluate(new Float64Array(0), 1, 0.1, undefined, gEdge).verdict === 'rejected') atEdge++;
      const gIn = groups(s, [8, 16, 32], 1, 150);
      if (check.evaluate(new Float64Array(0), 1, 0.1, undefined, gIn).verdict === 'rejected') inside++;
    }
    // Nominal rate at the edge: α/4 = 0.025 (binomial se 0.0040).
    expect(atEdge / reps).toBeGreaterThan(0.025 - 5 * 0.004);
    expect(atEdge / reps).toBeLessThan(0.025 + 5 * 0.004);
    expect(inside / reps).toBeLessThan(0.005);
  });

  test('power against a slope outside the region, and its reported power', () => {
    const s = new RandomStream(7);
    const check = logSlopeWithin(0.15, true);
    const out = check.evaluate(new Float64Array(0), 2, 1e-5, undefined, groups(s, [8, 16, 32], 1, 300));
    expect(out.verdict).toBe('rejected');
    expect(out.falseFailure).toEqual(expect.objectContaining({ rate: 1e-5, method: 'importance-sampling' }));
    expect(out.calibrationWarning).toBeUndefined();
    const plan = { n: [300, 300, 300], x: [8, 16, 32] };
    const world = (value: number) => ({ value, arms: [8, 16, 32], sd: [2.4, 4.8, 9.6], source: 'test' });
    expect(check.designPower(plan, 2, world(1), 1e-5)).toBeGreaterThan(0.999);
    expect(check.designPower(plan, 2, world(2.1), 1e-5)).toBe(0);
    expect(() => check.designPower(plan, 2, { value: 1, sd: 1, source: 'test' }, 1e-5)).toThrow(/needs world.arms/);
    expect(() => check.designPower(plan, 2, { value: 1, arms: [8, 16, 32], source: 'test' }, 1e-5)).toThrow(/needs world.sd/);
    expect(check.acceptance(plan, world(2), 1e-5)).toBe(1 - 1e-5);
  });

  test('critical value: t_{1−α} per disjoint edge when δ ≫ se, t_{1−α/2} for a point null; Satterthwaite df', () => {
    expect(intervalNullCritical(1e-5, 10, 0.01, 40)).toBeCloseTo(tQuantile(1 - 1e-5, 40), 8);
    expect(intervalNullCritical(1e-5, 0, 0.01, Infinity)).toBeCloseTo(normalQuantile(1 - 5e-6), 8);
    const fit = fitLogSlope(groups(new RandomStream(8), [8, 16, 32], 1, 24), true);
    expect(fit.df).toBeGreaterThan(23);
    expect(fit.df).toBeLessThan(3 * 23 + 1e-9);
  });

  test('outside the validated regime (small or skewed groups) the check warns instead of vouching', () => {
    const check = logSlopeWithin(0.15, true);
    const small = check.evaluate(new Float64Array(0), 1, 1e-5, undefined, groups(new RandomStream(9), [8, 16, 32], 1, 24));
    expect(small.falseFailure?.method).toBe('edgeworth');
    expect(small.calibrationWarning).toMatch(/group at x = 8 has n = 24 < 80/);
    // Exponential units at n = 100: sample skewness ≈ 2 > 0.1·√100.
    const s = new RandomStream(10);
    const skewed = [8, 16, 32].map((x) => ({ x, units: Float64Array.from({ length: 100 }, () => -x * Math.log(1 - s.nextFloat64())) }));
    expect(check.evaluate(new Float64Array(0), 1, 1e-5, undefined, skewed).calibrationWarning).toMatch(/\|sample skewness\| .* > 0.1·√n = 1.00 \(n = 100\)/);
  });

  test('a constant group is a design error naming the group', () => {
    const g = [{ x: 1, units: Float64Array.of(2, 2, 2) }, { x: 2, units: Float64Array.of(1, 3, 4) }];
    expect(() => fitLogSlope(g, true)).toThrow(/group at x = 1 has all 3 units equal to 2/);
  });

  test('fromGroups concatenates; bad input', () => {
    expect(fromGroups([{ x: 1, units: Float64Array.of(1, 2) }, { x: 2, units: Float64Array.of(3) }]).units).toEqual(Float64Array.of(1, 2, 3));
    expect(() => fitLogSlope([{ x: 1, units: Float64Array.of(1, 2) }], true)).toThrow(/at least 2 groups/);
    expect(() => fitLogSlope([{ x: 0, units: Float64Array.of(1, 2) }, { x: 2, units: Float64Array.of(1, 3) }], true)).toThrow(/x must be > 0/);
    expect(() => logSlopeWithin(-1, true)).toThrow(/delta must be/);
  });
});

describe('logSlopeAtMost (one-sided: "does not grow by more than the prediction")', () => {
  /** Groups of normal units with means exp(b·x) and CV 0.3 (slope b of log mean per unit x). */
  function linearGroups(stream: RandomStream, xs: number[], slope: number, n: number) {
    return xs.map((x) => {
      const mean = Math.exp(slope * x);
      const units = new Float64Array(n);
      stream.fillNormal(units, 0.3 * mean);
      for (let i = 0; i < n; i++) units[i] += mean;
      return { x, units };
    });
  }

  // α spent here is counted in the budget's 'stats.calibration' share (tolerances ≥ 5 binomial se).
  test('rate at the boundary is the upper edge of the interval check, α/4; below it, smaller; falling counts never reject', () => {
    const s = new RandomStream(16);
    const check = logSlopeAtMost();
    const reps = 1500;
    let atEdge = 0;
    let falling = 0;
    for (let r = 0; r < reps; r++) {
      if (check.evaluate(new Float64Array(0), 0.1, 0.1, undefined, linearGroups(s, [1, 2, 3, 4], 0.1, 150)).verdict === 'rejected') atEdge++;
      if (check.evaluate(new Float64Array(0), 0.1, 0.1, undefined, linearGroups(s, [1, 2, 3, 4], -0.3, 150)).verdict === 'rejected') falling++;
    }
    expect(atEdge / reps).toBeGreaterThan(0.025 - 5 * 0.004);
    expect(atEdge / reps).toBeLessThan(0.025 + 5 * 0.004);
    expect(falling).toBe(0);
  });

  test('power against growth, design power, acceptance; outcome fields', () => {
    const s = new RandomStream(17);
    const check = logSlopeAtMost();
    const out = check.evaluate(new Float64Array(0), 0.1, 1e-5, undefined, linearGroups(s, [1, 2, 3, 4], Math.log(2), 400));
    expect(out.verdict).toBe('rejected');
    expect(out.interval.upper).toBe(Infinity);
    expect(out.falseFailure?.method).toBe('importance-sampling');
    const plan = { n: [400, 400, 400, 400], x: [1, 2, 3, 4] };
    const world = { value: Math.log(2), arms: [2, 4, 8, 16], sd: [0.6, 1.2, 2.4, 4.8], source: 'test' };
    expect(check.designPower(plan, 0.1, world, 1e-5)).toBeGreaterThan(0.999);
    expect(check.acceptance(plan, world, 1e-5)).toBe(1 - 1e-5);
    expect(() => check.evaluate(new Float64Array(0), 0.1, 0.1)).toThrow(/needs groups/);
  });
});

describe('untilGroupTrusted', () => {
  /** The first n draws of one fixed stream of χ²₁ units (skewness 2.83): a larger n contains the smaller. */
  const all = new Float64Array(102_400);
  new RandomStream(11).fillNormal(all);
  const chi2 = (n: number): Float64Array => all.slice(0, n).map((v) => v * v);

  it('grows a heavy-tailed group ×4 until its |skewness| ≤ 0.1·√n, reading only the skewness', () => {
    const sizes: number[] = [];
    const out = untilGroupTrusted(100, 100_000, (n) => (sizes.push(n), chi2(n)), (u) => u);
    expect(sizes[0]).toBe(100);
    expect(sizes.every((n, i) => i === 0 || n === 4 * sizes[i - 1])).toBe(true);
    expect(Math.abs(sampleMoments(out).skewness)).toBeLessThanOrEqual(MAX_SKEW_PER_ROOT_N * Math.sqrt(out.length));
    expect(out.length).toBeGreaterThanOrEqual(800); // 2.83 > 0.1·√n needs n > 800
    expect(out.slice(0, 100)).toEqual(chi2(100));
  });

  it('stops at maxN (the check then reports the group) and rejects bad sizes', () => {
    expect(untilGroupTrusted(100, 250, chi2, (u) => u)).toHaveLength(250);
    expect(() => untilGroupTrusted(100, 50, chi2, (u) => u)).toThrow(/2 ≤ n ≤ maxN/);
  });
});
