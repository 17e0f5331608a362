import { RandomStream } from '../../engine/random/stream';
import { fitLogSlope, fromGroups, logSlopeWithin } from './log-slope';

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
  test('false-failure rate at the edge of the null region is ≤ α/2; inside it, smaller', () => {
    const s = new RandomStream(6);
    const check = logSlopeWithin(0.2, true);
    const reps = 4000;
    let atEdge = 0;
    let inside = 0;
    for (let r = 0; r < reps; r++) {
      const gEdge = groups(s, [8, 16, 32], 1.2, 150);
      if (check.evaluate(new Float64Array(0), 1, 0.1, undefined, gEdge).verdict === 'rejected') atEdge++;
      const gIn = groups(s, [8, 16, 32], 1, 150);
      if (check.evaluate(new Float64Array(0), 1, 0.1, undefined, gIn).verdict === 'rejected') inside++;
    }
    // Nominal rate at the edge: α/2 = 0.05 (binomial se 0.0034).
    expect(atEdge / reps).toBeGreaterThan(0.05 - 5 * 0.0035);
    expect(atEdge / reps).toBeLessThan(0.05 + 5 * 0.0035);
    expect(inside / reps).toBeLessThan(0.005);
  });

  test('power against a slope outside the region, and its reported power', () => {
    const s = new RandomStream(7);
    const check = logSlopeWithin(0.15, true);
    const out = check.evaluate(new Float64Array(0), 2, 1e-5, undefined, groups(s, [8, 16, 32], 1, 300));
    expect(out.verdict).toBe('rejected');
    expect(out.powerAgainst!(1)).toBeGreaterThan(0.999);
    expect(out.powerAgainst!(2.1)).toBe(0);
  });

  test('fromGroups concatenates; bad input', () => {
    expect(fromGroups([{ x: 1, units: Float64Array.of(1, 2) }, { x: 2, units: Float64Array.of(3) }]).units).toEqual(Float64Array.of(1, 2, 3));
    expect(() => fitLogSlope([{ x: 1, units: Float64Array.of(1, 2) }], true)).toThrow(/at least 2 groups/);
    expect(() => fitLogSlope([{ x: 0, units: Float64Array.of(1, 2) }, { x: 2, units: Float64Array.of(1, 3) }], true)).toThrow(/x must be > 0/);
    expect(() => logSlopeWithin(-1, true)).toThrow(/delta must be/);
  });
});
