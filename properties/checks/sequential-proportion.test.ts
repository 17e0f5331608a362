import { binomialTail } from './binomial';
import { sequentialBoundaries, sequentialDecision, sequentialProportionAtLeast, sequentialRejectionProbability } from './sequential-proportion';
import { RandomStream } from '../../engine/random/stream';

const DESIGN = { alternative: 0.75, nMin: 200, batch: 100, nMax: 500 };

/** P(reject) of the rule by brute force over every path of batch outcomes (exact binomial sums, no DP). */
function bruteForce(design: typeof DESIGN, p0: number, alpha: number, p: number): number {
  const b = sequentialBoundaries(design, p0, alpha);
  const q = 1 - p;
  const pmf = (n: number, f: number) => binomialTail(f, n, q, 'upper') - binomialTail(f + 1, n, q, 'upper');
  const walk = (k: number, f: number, mass: number): number => {
    if (f >= b.reject[k]) return mass;
    if (f <= b.accept[k]) return 0;
    if (k + 1 === b.looks.length) throw new Error('undecided at the last look');
    const step = b.looks[k + 1] - b.looks[k];
    let s = 0;
    for (let j = 0; j <= step; j++) s += walk(k + 1, f + j, mass * pmf(step, j));
    return s;
  };
  let total = 0;
  for (let f = 0; f <= b.looks[0]; f++) total += walk(0, f, pmf(b.looks[0], f));
  return total;
}

describe('sequentialProportionAtLeast (truncated group-sequential SPRT)', () => {
  it('exact error rates: DP equals brute-force path sums; false-failure ≤ α at p₀ and largest there; power against p₁ ≥ 1 − α', () => {
    const small = { alternative: 0.5, nMin: 10, batch: 5, nMax: 25 };
    for (const p of [0.9, 0.8, 0.6, 0.5, 0.3]) expect(sequentialRejectionProbability(small, 0.8, 1e-2, p)).toBeCloseTo(bruteForce(small, 0.8, 1e-2, p), 12);
    for (const alpha of [1e-3, 6e-6]) {
      const b = sequentialBoundaries(DESIGN, 0.9, alpha);
      expect(b.falseFailure).toBeLessThanOrEqual(alpha);
      expect(sequentialRejectionProbability(DESIGN, 0.9, alpha, 0.95)).toBeLessThan(b.falseFailure);
      expect(1 - sequentialRejectionProbability(DESIGN, 0.9, alpha, 0.75)).toBeLessThanOrEqual(alpha);
      // Thresholds are monotone in n and the last look closes the continuation region.
      for (let k = 1; k < b.looks.length; k++) expect(b.reject[k]).toBeGreaterThanOrEqual(b.reject[k - 1]);
      expect(b.accept[b.accept.length - 1]).toBe(b.reject[b.reject.length - 1] - 1);
    }
  });

  it('pins the gate design at α = 6e-6: looks 200…500, thresholds on the 0 units, power against 0.75', () => {
    const b = sequentialBoundaries(DESIGN, 0.9, 6e-6);
    expect(b.looks).toEqual([200, 300, 400, 500]);
    expect(b.reject[0]).toBe(45); // LLR = 1.0986 f − 36.46 ≥ 12.02
    expect(b.accept[0]).toBe(22);
    expect(1 - sequentialRejectionProbability(DESIGN, 0.9, 6e-6, 0.75)).toBeLessThan(6e-6);
  });

  it('simulated verdicts agree with the exact rejection probability (p = 0.87, 4000 runs)', () => {
    const b = sequentialBoundaries(DESIGN, 0.9, 1e-2);
    const s = new RandomStream(5);
    let rejected = 0;
    const runs = 4000;
    for (let r = 0; r < runs; r++) {
      const u = Float64Array.from({ length: 500 }, () => (s.nextFloat64() < 0.87 ? 1 : 0));
      if (sequentialDecision(u, b)?.verdict === 'rejected') rejected++;
    }
    const exact = sequentialRejectionProbability(DESIGN, 0.9, 1e-2, 0.87);
    expect(Math.abs(rejected / runs - exact)).toBeLessThan(4.5 * Math.sqrt((exact * (1 - exact)) / runs) + 1e-3);
  });

  it('evaluate decides at the first decisive look, reports exact rates; decided() tells the experiment when to stop; bad input names the parameter', () => {
    const check = sequentialProportionAtLeast(DESIGN);
    const good = new Float64Array(300).fill(1);
    good.fill(0, 0, 10);
    expect(check.decided!(good.subarray(0, 200), 0.9, 6e-6)).toBe(true);
    const out = check.evaluate(good, 0.9, 6e-6);
    expect(out.verdict).toBe('consistent');
    expect(out.estimate).toBeCloseTo(190 / 200, 12);
    expect(out.falseFailure!.method).toBe('exact');
    expect(out.falseFailure!.rate).toBeLessThanOrEqual(6e-6);
    const bad = new Float64Array(200).fill(1);
    bad.fill(0, 0, 60);
    expect(check.evaluate(bad, 0.9, 6e-6).verdict).toBe('rejected');
    const middle = new Float64Array(200).fill(1);
    middle.fill(0, 0, 30);
    expect(check.decided!(middle, 0.9, 6e-6)).toBe(false);
    expect(() => check.evaluate(middle, 0.9, 6e-6)).toThrow('the 200 units end before the rule decides');
    expect(check.designPower({ n: [200] }, 0.9, { value: 0.5, source: 'test' }, 6e-6)).toBeGreaterThan(1 - 1e-12);
    expect(check.acceptance({ n: [200] }, { value: 0.9, source: 'test' }, 6e-6)).toBeGreaterThanOrEqual(1 - 6e-6);
    expect(() => sequentialBoundaries({ ...DESIGN, alternative: 0.95 }, 0.9, 1e-3)).toThrow('sequential.alternative must be in (0, p₀ = 0.9); got 0.95');
    expect(() => sequentialBoundaries({ ...DESIGN, nMax: 450 }, 0.9, 1e-3)).toThrow('sequential.nMax must be an integer ≥ nMin (200) with nMax − nMin a multiple of batch (100); got 450');
  });
});

describe('sequentialProportionAtLeast: an under-powered design is flagged', () => {
  it('warns (calibration warning) when the power against the alternative is below 1 − α', () => {
    const weak = sequentialProportionAtLeast({ alternative: 0.85, nMin: 50, batch: 50, nMax: 100 });
    const units = new Float64Array(100).fill(1);
    expect(weak.evaluate(units, 0.9, 1e-3).calibrationWarning).toMatch(/under-powered design: power .* against p = 0.85/);
  });
});
