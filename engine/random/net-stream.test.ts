import { DEFAULT_COMPONENTS } from '../components';
import { netSeed } from './net-stream';
import { deriveSeed } from './seed';
import { RandomStream } from './stream';

/** The largest ensemble the suite draws (FM1's 4 × 20000 networks in the full profile) with margin. */
const LARGEST_ENSEMBLE = 100_000;

describe('netStream: the seed of network i of an ensemble', () => {
  it('is the engine component, deriveSeed(seed, label, index) by default', () => {
    expect(DEFAULT_COMPONENTS.netStream).toBe(netSeed);
    for (const [seed, label, index] of [
      [1, 'net', 0],
      [0xffffffff, 'net', 99_999],
      [12345, 'width', 7],
    ] as const) {
      expect(netSeed(seed, label, index)).toBe(deriveSeed(seed, label, index));
    }
  });

  it('distinct indices of one ensemble give distinct seeds (no collision over a grid of 6 seeds × 2 labels × 100 000 indices)', () => {
    // A uint32 random function would collide ~ C(10^5, 2)/2^32 ≈ 1.2 times per ensemble: the
    // decimal index through FNV-1a and an avalanche bijection does not.
    const seen = new Uint32Array(LARGEST_ENSEMBLE);
    for (let k = 0; k < 6; k++) {
      const seed = deriveSeed(0x5eed, 'grid', k);
      for (const label of ['net', 'width']) {
        for (let i = 0; i < LARGEST_ENSEMBLE; i++) seen[i] = netSeed(seed, label, i);
        const sorted = seen.slice().sort();
        let collisions = 0;
        for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) collisions++;
        expect(collisions).toBe(0);
      }
    }
  });

  it('distinct (seed, label, index) triples give streams whose first draws differ', () => {
    const firsts = new Map<string, string>();
    for (const seed of [0, 1, 2, 0x7fffffff, 0xffffffff]) {
      for (const label of ['net', 'width', 'depth']) {
        for (let i = 0; i < 400; i++) {
          const s = new RandomStream(netSeed(seed, label, i));
          const draws = [s.nextFloat64(), s.nextFloat64()].join(',');
          const triple = `${seed}/${label}/${i}`;
          expect(firsts.get(draws)).toBeUndefined();
          firsts.set(draws, triple);
        }
      }
    }
    expect(firsts.size).toBe(5 * 3 * 400);
  });

  it('rejects a negative or fractional index', () => {
    expect(() => netSeed(1, 'net', -1)).toThrow(/netStream: index must be an integer ≥ 0; got -1/);
    expect(() => netSeed(1, 'net', 0.5)).toThrow(/index must be an integer ≥ 0/);
  });
});
