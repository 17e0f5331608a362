import { monotonePaired, signTestCritical, signTestRate, signTestRejection } from './monotone-paired';
import { RandomStream } from '../../engine/random/stream';
import { binomialTail } from './binomial';

describe('monotonePaired (exact sign test per step, Bonferroni)', () => {
  const none = new Float64Array(0);
  const groups = (shifts: number[], n: number, sd: number, seed: number) => {
    const s = new RandomStream(seed);
    const base = new Float64Array(n);
    s.fillNormal(base, 1);
    return shifts.map((m, j) => {
      const noise = new Float64Array(n);
      s.fillNormal(noise, sd);
      return { x: j + 1, units: base.map((b, i) => b + m + noise[i]) };
    });
  };

  it('critical count: the smallest c with P(Binomial(n, ½) ≥ c) ≤ a', () => {
    // P(Bin(32, ½) ≥ 29) = 5489/2³² = 1.278e-6; P(≥ 28) = 9.65e-6.
    expect(signTestCritical(32, 5e-6)).toBe(29);
    expect(binomialTail(29, 32, 0.5, 'upper')).toBeCloseTo(5489 / 2 ** 32, 15);
    expect(signTestCritical(3, 1e-4)).toBe(4); // n = 3 cannot reject at this level
  });

  it('accepts an increasing or flat trend and rejects a clear decrease at one step', () => {
    expect(monotonePaired.evaluate(none, 0, 1e-4, undefined, groups([0, 2, 4], 40, 0.5, 1)).verdict).toBe('consistent');
    expect(monotonePaired.evaluate(none, 0, 1e-4, undefined, groups([0, 0, 0], 40, 0.5, 2)).verdict).toBe('consistent');
    const r = monotonePaired.evaluate(none, 0, 1e-4, undefined, groups([0, 2, 0], 40, 0.5, 3));
    expect(r.verdict).toBe('rejected');
    expect(r.interval.upper).toBeLessThan(0);
    expect(r.estimate).toBeLessThan(-1.5);
  });

  it('regression (issue 12): a step with a smaller estimate but a wide spread does not hide a step whose bound is below the prediction', () => {
    // Step 1 → 2: mean −0.5 (half the pairs at −20, half at +19): not shown to decrease.
    // Step 2 → 3: every pair decreases by ≈ 0.3: a decrease is certain. The old check tested only the
    // step with the smallest mean (step 1, upper bound > 0) and said 'consistent'.
    const n = 40;
    const g1 = new Float64Array(n);
    const g2 = Float64Array.from(g1, (_, i) => (i % 2 ? -20 : 19));
    const g3 = Float64Array.from(g2, (u, i) => u - 0.3 - 0.001 * i);
    const out = monotonePaired.evaluate(none, 0, 1e-5, undefined, [
      { x: 1, units: g1 },
      { x: 2, units: g2 },
      { x: 3, units: g3 },
    ]);
    expect(out.verdict).toBe('rejected');
    expect(out.interval.upper).toBeLessThan(0); // the reported step is the one with the smallest bound
    expect(out.estimate).toBeCloseTo(-0.32, 1);
  });

  it('records its exact false-failure rate (≤ α) and is calibrated by simulation at α = 0.1 (2000 trials, 4σ margin)', () => {
    const out = monotonePaired.evaluate(none, 0, 1e-5, undefined, groups([0, 0, 0], 32, 1, 9));
    expect(out.falseFailure).toEqual(expect.objectContaining({ method: 'exact', rate: 2 * signTestRate(32, 5e-6) }));
    expect(out.falseFailure!.rate).toBeLessThanOrEqual(1e-5);
    let rejected = 0;
    for (let t = 0; t < 2000; t++) if (monotonePaired.evaluate(none, 0, 0.1, undefined, groups([0, 0, 0], 30, 1, 100 + t)).verdict === 'rejected') rejected++;
    expect(rejected / 2000).toBeLessThan(0.1 + 4 * Math.sqrt((0.1 * 0.9) / 2000));
  });

  it('paired integer counts with ties: ties count as not below; a consistent swap is rejected', () => {
    const counts = (values: number[]) => Float64Array.from(values);
    const up = [counts(Array(32).fill(2)), counts(Array(32).fill(2).map((v, i) => (i % 4 ? v + 2 : v))), counts(Array(32).fill(6))];
    expect(monotonePaired.evaluate(none, 0, 1e-5, undefined, up.map((units, j) => ({ x: j + 1, units }))).verdict).toBe('consistent');
    const swapped = [...up].reverse();
    expect(monotonePaired.evaluate(none, 0, 1e-5, undefined, swapped.map((units, j) => ({ x: j + 1, units }))).verdict).toBe('rejected');
  });

  it('design power and acceptance from the per-step probabilities of a step below / above the prediction', () => {
    const plan = { n: [32, 32, 32], x: [1, 2, 3] };
    // No ties: the unconditional sign test, P(Binomial(32, q) ≥ c(32)).
    expect(signTestRejection(32, 5e-6, 0.95, 0.05)).toBeCloseTo(binomialTail(signTestCritical(32, 5e-6), 32, 0.95, 'upper'), 14);
    // A swapped engine (twin multiplicity-swapped: ≈ 0.79 of the steps below, 0.02 above over 3 seeds × 2 steps × 32
    // pairs): at 32 pairs the miss rate is ≈ 6e-3; at 60 (the claim's design) it is ≤ α.
    const swapped = { value: -2, arms: [0.75, 0.01, 0.75, 0.01], source: 'test' };
    expect(monotonePaired.designPower(plan, 0, swapped, 1e-5)).toBeLessThan(0.999);
    expect(monotonePaired.designPower({ n: [60, 60, 60] }, 0, swapped, 1e-5)).toBeGreaterThan(1 - 1e-5);
    expect(monotonePaired.acceptance(plan, { value: 0, arms: [0.5, 0.5, 0.3, 0.3], source: 'test' }, 1e-5)).toBeGreaterThanOrEqual(1 - 1e-5);
    expect(() => monotonePaired.designPower(plan, 0, { value: -2, source: 'test' }, 1e-5)).toThrow(/world.arms must hold per step the probabilities/);
    expect(() => monotonePaired.designPower({ n: [32, 30] }, 0, { value: -2, arms: [0.9, 0], source: 'test' }, 1e-5)).toThrow(/equal \(paired\) integer group sizes/);
  });

  it('bad input is an error naming the parameter', () => {
    const g = [
      { x: 1, units: Float64Array.of(2, 2, 2) },
      { x: 2, units: Float64Array.of(4, 4, 4) },
    ];
    expect(() => monotonePaired.evaluate(none, 0, 1e-4, undefined, [g[0], { x: 2, units: Float64Array.of(1) }])).toThrow('paired');
    expect(() => monotonePaired.evaluate(none, 0, 1e-4, undefined, [g[0], { x: 2, units: Float64Array.of(1, NaN, 1) }])).toThrow(/unit 1 must be finite/);
    expect(() => monotonePaired.evaluate(none, 0, 2, undefined, g)).toThrow(/alpha must be in/);
  });
});
