import { monotonePaired } from './monotone-paired';
import { RandomStream } from '../../engine/random/stream';

describe('monotonePaired', () => {
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

  it('accepts an increasing or flat trend and rejects a clear decrease at one step', () => {
    expect(monotonePaired.evaluate(new Float64Array(0), 0, 1e-4, undefined, groups([0, 2, 4], 40, 0.5, 1)).verdict).toBe('consistent');
    expect(monotonePaired.evaluate(new Float64Array(0), 0, 1e-4, undefined, groups([0, 0, 0], 40, 0.5, 2)).verdict).toBe('consistent');
    const r = monotonePaired.evaluate(new Float64Array(0), 0, 1e-4, undefined, groups([0, 2, 0], 40, 0.5, 3));
    expect(r.verdict).toBe('rejected');
    expect(r.estimate).toBeLessThan(-1.5);
  });

  it('is calibrated: on a flat trend it rejects at most ≈ α (simulation at α = 0.1, 2000 trials, binomial 4σ margin)', () => {
    let rejected = 0;
    for (let t = 0; t < 2000; t++) if (monotonePaired.evaluate(new Float64Array(0), 0, 0.1, undefined, groups([0, 0, 0], 30, 1, 100 + t)).verdict === 'rejected') rejected++;
    // Each of the two differences at 0.05 one-sided: union ≤ 0.1.
    expect(rejected / 2000).toBeLessThan(0.1 + 4 * Math.sqrt((0.1 * 0.9) / 2000));
    expect(rejected / 2000).toBeGreaterThan(0.05);
  });

  it('exact differences (zero spread) are compared exactly; unpaired groups are an error', () => {
    const g = [
      { x: 1, units: Float64Array.of(2, 2, 2) },
      { x: 2, units: Float64Array.of(4, 4, 4) },
      { x: 3, units: Float64Array.of(3, 3, 3) },
    ];
    expect(monotonePaired.evaluate(new Float64Array(0), 0, 1e-4, undefined, g).verdict).toBe('rejected');
    expect(() => monotonePaired.evaluate(new Float64Array(0), 0, 1e-4, undefined, [g[0], { x: 2, units: Float64Array.of(1) }])).toThrow('paired');
  });
});
