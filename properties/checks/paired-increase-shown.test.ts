import { RandomStream } from '../../engine/random/stream';
import { describeRelation, shownStepsIncrease } from '../../theorems/relation';
import { binomialTail } from './binomial';
import { signTestCritical } from './monotone-paired';
import { criticalCounts, pairedStepsIncreaseShown, stepMissProbability, stepMissSupremum, stepShownProbability, stepsMissRate } from './paired-increase-shown';
import { selectCheck } from './select';

const none = new Float64Array(0);
const counts = (values: number[]) => Float64Array.from(values);
const asGroups = (units: Float64Array[]) => units.map((u, j) => ({ x: j + 1, units: u }));

/** Brute force: P(step not shown) by enumerating every (K up, D down, T ties) of the trinomial. */
function bruteMiss(n: number, a: number, above: number, below: number): number {
  const ties = 1 - above - below;
  const logFact = (k: number): number => (k < 2 ? 0 : Array.from({ length: k - 1 }, (_, i) => Math.log(i + 2)).reduce((s, v) => s + v, 0));
  const term = (p: number, k: number): number => (k === 0 ? 0 : k * Math.log(p));
  let total = 0;
  for (let K = 0; K <= n; K++) {
    for (let D = 0; D + K <= n; D++) {
      const T = n - K - D;
      const N = K + D;
      const c = N === 0 ? 1 : signTestCritical(N, a);
      if (c <= N && K >= c) continue; // shown
      total += Math.exp(logFact(n) - logFact(K) - logFact(D) - logFact(T) + term(above, K) + term(below, D) + term(ties, T));
    }
  }
  return total;
}

describe('pairedStepsIncreaseShown (exact sign test per step; every step must be shown)', () => {
  it('critical counts: c(N) ≤ c(N + 1) ≤ c(N) + 1 (the "shown" set is monotone), and signTestCritical', () => {
    for (const a of [0.05, 1e-3, 2e-5 / 3, 2.5e-6]) {
      const c = criticalCounts(150, a);
      expect(c[0]).toBe(1);
      for (let N = 1; N <= 150; N++) {
        expect(c[N]).toBe(signTestCritical(N, a));
        expect(c[N] - c[N - 1]).toBeGreaterThanOrEqual(0);
        expect(c[N] - c[N - 1]).toBeLessThanOrEqual(1);
      }
    }
  });

  it('exact step probabilities: brute-force trinomial enumeration, complements, and the no-tie binomial', () => {
    for (const [n, a, above, below] of [
      [12, 0.05, 0.6, 0.1],
      [15, 0.01, 0.5, 0.3],
      [20, 0.05, 0.875, 0.125],
      [9, 0.1, 0.2, 0.05],
    ] as const) {
      expect(stepMissProbability(n, a, above, below)).toBeCloseTo(bruteMiss(n, a, above, below), 13);
      expect(stepMissProbability(n, a, above, below) + stepShownProbability(n, a, above, below)).toBeCloseTo(1, 13);
    }
    // No ties: the binomial test of n pairs, P(Bin(n, q) < c(n)).
    const c = signTestCritical(108, 2e-5 / 3);
    expect(stepMissProbability(108, 2e-5 / 3, 0.875, 0.125) / binomialTail(c - 1, 108, 0.875, 'lower')).toBeCloseTo(1, 10);
    // All ties (equal counts): never shown.
    expect(stepShownProbability(108, 2e-5 / 3, 0, 0)).toBe(0);
    expect(stepMissProbability(108, 2e-5 / 3, 0, 0)).toBe(1);
  });

  it('level: where increases are no more likely than decreases, a step is shown with probability ≤ α at every tie rate', () => {
    for (const a of [0.05, 1e-4]) {
      for (const moving of [0.02, 0.1, 0.3, 0.6, 0.9, 1]) {
        for (const n of [10, 33, 108]) {
          expect(stepShownProbability(n, a, moving / 2, moving / 2)).toBeLessThanOrEqual(a);
          expect(stepShownProbability(n, a, 0.4 * moving, 0.6 * moving)).toBeLessThanOrEqual(a);
        }
      }
    }
  });

  it('miss-rate supremum: an upper bound of the exact miss probability everywhere on the region Δ ≥ δ, within 2% of the grid maximum', () => {
    for (const [n, a, delta] of [
      [40, 0.01, 0.5],
      [108, 2e-5 / 3, 0.75],
      [120, 2.5e-6, 0.75],
    ] as const) {
      const s = stepMissSupremum(n, a, delta);
      expect(s.bound).toBeGreaterThanOrEqual(s.gridMax);
      expect(s.bound / s.gridMax).toBeLessThan(1.02);
      const bMax = (1 - delta) / 2;
      const stream = new RandomStream(7);
      for (let t = 0; t < 200; t++) {
        const b = bMax * stream.nextFloat64();
        const extra = (1 - delta - 2 * b) * stream.nextFloat64(); // any point with Δ ≥ δ
        expect(stepMissProbability(n, a, b + delta + extra, b)).toBeLessThanOrEqual(s.bound * (1 + 1e-12));
      }
      // The region's sup is on the line (a larger Δ at the same P(down) is missed less often).
      expect(stepMissProbability(n, a, bMax / 2 + delta + 0.05, bMax / 2)).toBeLessThanOrEqual(stepMissProbability(n, a, bMax / 2 + delta, bMax / 2));
    }
  });

  it('the claim design (ZZLZX2022.Orientations.monotone-in-p): miss rate ≤ α_i at 108 seeds (gate) and 120 (full), not at 96', () => {
    const gate = 2e-5 / 3;
    const full = 2e-5 / 8;
    expect(stepsMissRate(108, 2, gate, 0.75).rate).toBeLessThanOrEqual(gate);
    expect(stepsMissRate(108, 2, gate, 0.75).rate).toBeCloseTo(4.47e-6, 8);
    expect(stepsMissRate(96, 2, gate, 0.75).rate).toBeGreaterThan(gate);
    expect(stepsMissRate(120, 2, full, 0.75).rate).toBeLessThanOrEqual(full);
    expect(stepsMissRate(108, 2, full, 0.75).rate).toBeGreaterThan(full);
    expect(stepsMissRate(108, 2, gate, 0.75).method).toBe('exact');
  });

  it('Monte Carlo at a loose level agrees with the exact miss probability (n = 30, α = 0.05, 4000 trials, 4σ)', () => {
    const check = pairedStepsIncreaseShown(0.5);
    const s = new RandomStream(11);
    const trial = (above: number, below: number): boolean => {
      const base = new Float64Array(30);
      const mid = Float64Array.from(base, () => {
        const u = s.nextFloat64();
        return u < above ? 1 : u < above + below ? -1 : 0;
      });
      const top = Float64Array.from(mid, (m) => {
        const u = s.nextFloat64();
        return m + (u < above ? 1 : u < above + below ? -1 : 0);
      });
      return check.evaluate(none, 0, 0.05, undefined, asGroups([base, mid, top])).verdict === 'rejected';
    };
    for (const [above, below] of [
      [0.75, 0.25],
      [0.55, 0.05],
    ] as const) {
      let rejected = 0;
      for (let t = 0; t < 4000; t++) if (trial(above, below)) rejected++;
      const m = stepMissProbability(30, 0.05, above, below);
      const exact = 1 - (1 - m) ** 2; // the two steps are independent here
      expect(Math.abs(rejected / 4000 - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 4000) + 1e-3);
    }
  });

  it('evaluate: rising paired counts are shown; equal counts, one flat step or a swap are rejected', () => {
    const check = pairedStepsIncreaseShown(0.75);
    const n = 108;
    const p1 = counts(Array.from({ length: n }, (_, i) => (i % 9 === 0 ? 3 : 2)));
    const p2 = counts(Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 3 : 4)));
    const p3 = counts(Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 4 : 6)));
    const up = check.evaluate(none, 0, 2e-5 / 3, undefined, asGroups([p1, p2, p3]));
    expect(up.verdict).toBe('consistent');
    expect(up.interval.lower).toBeGreaterThan(0);
    expect(up.falseFailure).toEqual(expect.objectContaining({ method: 'exact' }));
    expect(up.falseFailure!.rate).toBeLessThanOrEqual(2e-5 / 3);
    expect(up.calibrationWarning).toBeUndefined();
    const equal = check.evaluate(none, 0, 2e-5 / 3, undefined, asGroups([p2, p2, p2]));
    expect(equal.verdict).toBe('rejected');
    expect(equal.notes!.some((t) => t.includes('0 above, 0 below, 108 ties') && t.includes('NOT shown'))).toBe(true);
    const flatSecond = check.evaluate(none, 0, 2e-5 / 3, undefined, asGroups([p1, p2, p2]));
    expect(flatSecond.verdict).toBe('rejected');
    expect(flatSecond.interval.lower).toBe(-1); // the step not shown is the one reported
    expect(check.evaluate(none, 0, 2e-5 / 3, undefined, asGroups([p3, p2, p1])).verdict).toBe('rejected');
    // Too few seeds for the smallest effect: a calibration warning (the miss rate exceeds α).
    const small = check.evaluate(none, 0, 2e-5 / 3, undefined, asGroups([p1.slice(0, 40), p2.slice(0, 40), p3.slice(0, 40)]));
    expect(small.calibrationWarning).toMatch(/exact miss rate .* exceeds α/);
    expect(pairedStepsIncreaseShown().evaluate(none, 0, 1e-3, undefined, asGroups([p1, p2, p3])).calibrationWarning).toMatch(/no smallest effect of interest/);
  });

  it('design power and acceptance from the per-step probabilities of a step below / above the prediction', () => {
    const check = pairedStepsIncreaseShown(0.75);
    const gate = 2e-5 / 3;
    const plan = { n: [108, 108, 108], x: [1, 2, 3] };
    const swapped = { value: -1.69, arms: [0.676, 0.0409, 0.709, 0.0836], source: 'test' };
    expect(check.designPower(plan, 0, swapped, gate)).toBeGreaterThan(1 - 1e-12);
    expect(check.designPower(plan, 0, { value: 0, arms: [0, 0, 0, 0], source: 'equal counts' }, gate)).toBe(1);
    // Equal in law (no ties, up as likely as down): power ≥ 1 − α by the sign test's level.
    expect(check.designPower(plan, 0, { value: 0, arms: [0.5, 0.5, 0.5, 0.5], source: 'test' }, gate)).toBeGreaterThanOrEqual(1 - gate);
    const boundary = { value: 0, arms: [0.125, 0.875, 0.125, 0.875], source: 'smallest effect, no ties' };
    expect(check.acceptance(plan, boundary, gate)).toBeGreaterThanOrEqual(1 - gate);
    expect(check.acceptance(plan, boundary, gate)).toBeCloseTo(1 - 2 * stepMissProbability(108, gate, 0.875, 0.125), 14);
    expect(check.acceptance({ n: [96, 96, 96] }, boundary, gate)).toBeLessThan(1 - gate);
    expect(() => check.designPower(plan, 0, { value: 0, source: 'test' }, gate)).toThrow(/world.arms must hold per step the probabilities/);
    expect(() => check.designPower({ n: [32, 30] }, 0, { value: 0, arms: [0.9, 0], source: 'test' }, gate)).toThrow(/equal \(paired\) integer group sizes/);
  });

  it('is selected for shownStepsIncrease on paired groups, and rendered', () => {
    const r = shownStepsIncrease(0, 0.75);
    expect(selectCheck(r, 'paired-groups').name).toMatch(/shown to rise/);
    expect(describeRelation(r)).toBe('every paired step shown to rise (P(step > 0) − P(step < 0) > 0; smallest effect of interest 0.75)');
    expect(() => shownStepsIncrease(0, 1.5)).toThrow(/≤ 1/);
    expect(() => pairedStepsIncreaseShown(0)).toThrow(/minEffect/);
  });
});
