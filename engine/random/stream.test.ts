import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { RandomStream } from './stream';

/** Number of pure-rand steps that take `from` to `to` (≤ limit), or -1. */
function stepsBetween(from: [number, number, number, number], to: readonly number[], limit: number): number {
  const g = xoroshiro128plusFromState(from);
  for (let k = 0; k <= limit; k++) {
    if (g.getState().every((v, i) => v === to[i])) return k;
    g.next();
  }
  return -1;
}

describe('RandomStream', () => {
  it('rejects a seed outside uint32 with a clear message', () => {
    expect(() => new RandomStream(-1)).toThrow('RandomStream seed must be an integer in [0, 4294967295]; got -1');
    expect(() => new RandomStream(0.5)).toThrow(/RandomStream seed/);
  });

  it('scalar draws are pure-rand xoroshiro128+ draws', () => {
    const s = new RandomStream(7);
    const g = xoroshiro128plusFromState(s.state());
    for (let i = 0; i < 100; i++) expect(s.nextInt32()).toBe(g.next());
  });

  it('the bulk normal sampler advances exactly pure-rand xoroshiro128+ (one step per variate on the fast path, a few more in the wedges and tail)', () => {
    const s = new RandomStream(11);
    for (let trial = 0; trial < 200; trial++) {
      const before = s.state();
      s.fillNormal(new Float64Array(1));
      const k = stepsBetween(before, s.state(), 40);
      expect(k).toBeGreaterThanOrEqual(1);
    }
  });

  it('is reproducible: the same seed gives the same stream (known-answer values pinned)', () => {
    const a = new Float64Array(5);
    new RandomStream(42).fillNormal(a);
    const b = new Float64Array(5);
    new RandomStream(42).fillNormal(b);
    expect(Array.from(a)).toEqual(Array.from(b));
    // Golden values: a change here changes every report; update only deliberately.
    expect(Array.from(a).map((v) => v.toFixed(12))).toMatchSnapshot();
  });

  it('nextInt covers [0, n) and nextFloat64 lies in [0, 1)', () => {
    const s = new RandomStream(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = s.nextInt(7);
      expect(k >= 0 && k < 7).toBe(true);
      seen.add(k);
      const u = s.nextFloat64();
      expect(u >= 0 && u < 1).toBe(true);
    }
    expect(seen.size).toBe(7);
    expect(() => s.nextInt(0)).toThrow(/nextInt bound must be an integer in \[1, 4294967295\]/);
  });

  it('the truncated normal never exceeds its bound', () => {
    const out = new Float32Array(100_000);
    new RandomStream(5).fillTruncatedNormal(out, 0.5, 2);
    expect(out.every((v) => Math.abs(v) <= 1)).toBe(true);
  });
});
