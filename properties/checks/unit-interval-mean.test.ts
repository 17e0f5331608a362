import { RandomStream } from '../../engine/random/stream';
import { unitIntervalMeanAtLeast, unitIntervalMeanAtMost, unitIntervalMeanEquals } from './unit-interval-mean';
import { selectCheck } from './select';
import { atLeast } from '../../theorems/relation';

/** |cos|-like units near 1: 1 − |N(0, 0.01)| (skewness ≈ −1). */
function nearOne(n: number, seed: number): Float64Array {
  const g = new Float64Array(n);
  new RandomStream(seed).fillNormal(g, 0.01);
  return g.map((x) => 1 - Math.abs(x));
}

describe('unit-interval mean checks (distribution-free bounds)', () => {
  it('is selected for unit-interval units', () => {
    expect(selectCheck(atLeast(0.95), 'unit-interval')).toBe(unitIntervalMeanAtLeast);
  });

  it('accepts aligned nets at n = 32 and rejects a random-direction mean of 0.34', () => {
    const ok = unitIntervalMeanAtLeast.evaluate(nearOne(32, 1), 0.95, 1e-5);
    expect(ok.verdict).toBe('consistent');
    expect(ok.falseFailure).toEqual(expect.objectContaining({ rate: 1e-5, method: 'bound' }));
    const random = Float64Array.from({ length: 32 }, (_, i) => 0.34 + 0.1 * Math.sin(i));
    expect(unitIntervalMeanAtLeast.evaluate(random, 0.95, 1e-5).verdict).toBe('rejected');
  });

  it('a constant sample still gets a valid (non-zero-width) interval', () => {
    const out = unitIntervalMeanEquals.evaluate(new Float64Array(40).fill(0.5), 0.5, 1e-5);
    expect(out.interval.upper - out.interval.lower).toBeGreaterThan(0.5);
    expect(out.verdict).toBe('consistent');
  });

  it('"at most" rejects only a prediction clearly below the mean', () => {
    const u = nearOne(2000, 2);
    expect(unitIntervalMeanAtMost.evaluate(u, 0.9, 1e-5).verdict).toBe('rejected');
    expect(unitIntervalMeanAtMost.evaluate(u, 0.999, 1e-5).verdict).toBe('consistent');
  });

  it('clips rounding above 1, throws on units outside [0, 1]', () => {
    expect(unitIntervalMeanAtLeast.evaluate(Float64Array.of(1 + 2e-16, 0.99, 0.98), 0.95, 1e-5).verdict).toBe('consistent');
    expect(() => unitIntervalMeanAtLeast.evaluate(Float64Array.of(1.1, 0.99), 0.95, 1e-5)).toThrow(/unit 0 is 1.1, outside \[0, 1\]/);
  });

  it('design-time power: Hoeffding/Bernstein lower bound; acceptance 1 − α; sd required', () => {
    const world = { value: 0.34, sd: 0.5, source: 'closed form' };
    // At n = 32 the distribution-free bound vouches only for power 0.85 (sd ≤ 0.5); n = 100 gives > 1 − 1e-5.
    expect(unitIntervalMeanAtLeast.designPower({ n: [32] }, 0.95, world, 1e-5)).toBeCloseTo(0.8537, 4);
    expect(unitIntervalMeanAtLeast.designPower({ n: [100] }, 0.95, world, 1e-5)).toBeGreaterThan(1 - 1e-5);
    expect(unitIntervalMeanAtLeast.designPower({ n: [32] }, 0.95, { ...world, value: 0.9 }, 1e-5)).toBe(0);
    expect(() => unitIntervalMeanAtLeast.designPower({ n: [32] }, 0.95, { value: 0.34, source: 's' }, 1e-5)).toThrow(/needs world.sd/);
    expect(unitIntervalMeanAtLeast.acceptance({ n: [32] }, world, 1e-5)).toBe(1 - 1e-5);
  });
});
