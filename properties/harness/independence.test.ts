import { RandomStream } from '../../engine/random/stream';
import {
  checkIndependence,
  duplicateFingerprints,
  fingerprintCollisionBound,
  fingerprintPValueBound,
  neighbourTies,
  runsDistribution,
  runsTest,
  tieMass,
  tiesPValueBound,
} from './independence';

const ALPHA = 1e-6;

/** n float32 log-normal units (a continuous law with float32 ties possible), from a fixed seed. */
function continuous(n: number, seed: number): Float64Array {
  const z = new Float32Array(n);
  new RandomStream(seed).fillNormal(z);
  return Float64Array.from(z, (x) => Math.fround(Math.exp(0.3 * x)));
}
const binary = (n: number, seed: number): Float64Array => continuous(n, seed).map((x) => (x > 1.1 ? 1 : 0));
const counts = (n: number, seed: number): Float64Array => continuous(n, seed).map((x) => Math.round(20 * x));
/** The fault shared-network-seeds seen on the units: unit i is unit i − (i mod 2). */
const pairedUp = (u: Float64Array): Float64Array => u.map((_, i) => u[i - (i % 2)]);

/** Every permutation of `values` (Heap's algorithm). */
function* permutations(values: number[]): Generator<number[]> {
  const a = values.slice();
  const c = new Array<number>(a.length).fill(0);
  yield a.slice();
  let i = 0;
  while (i < a.length) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [a[j], a[i]] = [a[i], a[j]];
      yield a.slice();
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

describe('independence check: duplicated networks are detected', () => {
  it.each([
    ['continuous', continuous],
    ['binary', binary],
    ['counts', counts],
  ])('%s units duplicated in pairs (2k, 2k+1) fail, naming the check; the i.i.d. sample passes', (_name, draw) => {
    for (const seed of [1, 2, 3]) {
      const iid = draw(1500, seed);
      const ok = checkIndependence({ units: iid }, 'continuous', ALPHA);
      expect(ok.ok).toBe(true);
      expect(ok.falseFailure.rate).toBeLessThanOrEqual(ALPHA);
      const bad = checkIndependence({ units: pairedUp(iid) }, 'continuous', ALPHA);
      expect(bad.ok).toBe(false);
      expect(bad.reason).toMatch(/^independence check failed \(units are not i\.i\.d\.\): units: 750 of 750 neighbouring pairs \(0\+2k, 1\+2k\) are exact duplicates/);
    }
  });

  it('networks sharing their parameters fail through their fingerprints; distinct fingerprints pass at the hash-collision rate', () => {
    const fp = Float64Array.from({ length: 1000 }, (_, i) => i * 7919 + 1);
    const units = continuous(1000, 4);
    const ok = checkIndependence({ units, fingerprints: fp }, 'continuous', ALPHA);
    expect(ok.ok).toBe(true);
    expect(ok.falseFailure.note).toMatch(/\(a\) fingerprint collisions ≤ min\(α_t, C\(N, 2\)·2\^−53\) = 5\.55e-11/);
    fp[501] = fp[500];
    const bad = checkIndependence({ units, fingerprints: fp }, 'continuous', ALPHA);
    expect(bad.reason).toMatch(/independence check failed .*1 of 1000 networks share their parameters with an earlier one \(equal fingerprints, e\.g\. networks 500 and 501\); by chance P\(≥ 1\) ≤ 5\.55e-11/);
    expect(duplicateFingerprints([5, 6, 5, 5, 7, 6])).toEqual({ repeats: 3, pairs: [[0, 2], [0, 3], [1, 5]] });
    expect(fingerprintCollisionBound(1000)).toBeCloseTo((1000 * 999) / 2 / 2 ** 53, 25);
    // 80 000 networks (λ = 3.6e-7): one chance repeat is too likely at α_t = 1e-7, two are not.
    const lambda = fingerprintCollisionBound(80_000);
    expect(fingerprintPValueBound(80_000, 1)).toBeCloseTo(lambda, 20);
    expect(fingerprintPValueBound(80_000, 2)).toBeCloseTo(lambda ** 2 / 2, 25);
    expect(fingerprintPValueBound(80_000, 0)).toBe(1);
    expect(() => fingerprintPValueBound(10, 10)).toThrow(/repeats must be an integer in \[0, N − 1\] = \[0, 9\]; got 10/);
  });

  it('tests each group (and units, reference) on its own: groups of different laws side by side pass', () => {
    const g1 = continuous(400, 5);
    const g2 = continuous(400, 6).map((x) => x + 10);
    const exp = { units: Float64Array.from([...g1, ...g2]), groups: [{ x: 1, units: g1 }, { x: 2, units: g2 }] };
    expect(checkIndependence(exp, 'groups', ALPHA).ok).toBe(true);
    // The same units concatenated into one sample would be flagged by the runs test (800 units, 2 runs).
    expect(checkIndependence({ units: exp.units }, 'continuous', ALPHA).reason).toMatch(/units: 2 runs above\/below the median .* lag-1 dependence/);
    const dupRef = checkIndependence({ units: g1, reference: pairedUp(g2) }, 'two-sample', ALPHA);
    expect(dupRef.reason).toMatch(/reference: 200 of 200 neighbouring pairs/);
  });

  it('deterministic units (kind exact) are not tested; a bad α is an error', () => {
    expect(checkIndependence({ units: Float64Array.from([1, 1, 1, 1]) }, 'exact', ALPHA)).toMatchObject({ ok: true, falseFailure: { rate: 0 } });
    expect(() => checkIndependence({ units: new Float64Array(3) }, 'continuous', 0)).toThrow(/alpha must be in \(0, 0.5\); got 0/);
  });
});

describe('independence check: false-failure rates', () => {
  it('the runs law is exact: it matches the enumeration of all arrangements', () => {
    for (const [n1, n2] of [
      [4, 5],
      [1, 6],
      [6, 6],
    ]) {
      const freq = new Float64Array(n1 + n2 + 1);
      let total = 0;
      const n = n1 + n2;
      for (let mask = 0; mask < 1 << n; mask++) {
        let ones = 0;
        for (let i = 0; i < n; i++) ones += (mask >> i) & 1;
        if (ones !== n1) continue;
        let runs = 1;
        for (let i = 1; i < n; i++) if (((mask >> i) & 1) !== ((mask >> (i - 1)) & 1)) runs++;
        freq[runs]++;
        total++;
      }
      const pmf = runsDistribution(n1, n2);
      for (let r = 0; r <= n; r++) expect(pmf[r]).toBeCloseTo(freq[r] / total, 12);
    }
    expect(() => runsDistribution(0, 3)).toThrow(/n1 must be an integer ≥ 1; got 0/);
  });

  it('the runs test rejects with exactly its reported size, which is ≤ α (enumeration, n = 14)', () => {
    const alpha = 0.02;
    const base = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
    let rejected = 0;
    let total = 0;
    let size = Number.NaN;
    for (let mask = 0; mask < 1 << 14; mask++) {
      // every order of the labels above / below the median, with the values in a fixed order per side
      let ones = 0;
      for (let i = 0; i < 14; i++) ones += (mask >> i) & 1;
      if (ones !== 7) continue;
      let hi = 8;
      let lo = 1;
      const units = Float64Array.from(base, (_, i) => ((mask >> i) & 1 ? hi++ : lo++));
      const r = runsTest(units, alpha);
      if (r === undefined) throw new Error('the sample is balanced');
      size = r.size;
      if (r.rejected) rejected++;
      total++;
    }
    expect(rejected / total).toBeCloseTo(size, 12);
    expect(size).toBeLessThanOrEqual(alpha);
    expect(size).toBeGreaterThan(0);
  });

  it('the neighbouring-duplicates bound holds for every d (enumeration of all orders of a tied multiset)', () => {
    for (const values of [
      [1, 1, 2, 2, 3, 4, 5, 6],
      [1, 1, 1, 2, 2, 3, 3, 3],
      [0, 0, 0, 0, 1, 1, 1, 1],
    ]) {
      const n = values.length;
      const S = tieMass(values);
      for (const offset of [0, 1] as const) {
        const pairs = Math.floor((n - offset) / 2);
        const tail = new Float64Array(pairs + 2);
        let total = 0;
        for (const p of permutations(values)) {
          tail[neighbourTies(p, offset).tied]++;
          total++;
        }
        for (let d = pairs; d >= 0; d--) tail[d] += tail[d + 1]; // counts of D ≥ d
        for (let d = 0; d <= pairs; d++) expect(tail[d] / total).toBeLessThanOrEqual(tiesPValueBound(n, pairs, S, d) + 1e-12);
      }
    }
  });

  it('a continuous sample with no ties can never fail the duplicates test; bad arguments are errors naming them', () => {
    expect(tiesPValueBound(100, 50, 0, 0)).toBe(1);
    expect(tiesPValueBound(100, 50, 2, 1)).toBeCloseTo((50 * 2) / (100 * 99), 15);
    expect(() => tiesPValueBound(10, 6, 0, 0)).toThrow(/pairs must be an integer in \[1, n\/2\] = \[1, 5\]; got 6/);
    expect(() => tiesPValueBound(10, 5, 0, 6)).toThrow(/tied must be an integer in \[0, pairs = 5\]; got 6/);
  });

  it('on i.i.d. samples the whole check passes and reports a rate ≤ α (200 fixed-seed samples of each law)', () => {
    for (let seed = 100; seed < 300; seed++) {
      for (const draw of [continuous, binary, counts]) {
        const r = checkIndependence({ units: draw(300, seed) }, 'continuous', ALPHA);
        expect(r.ok).toBe(true);
        expect(r.falseFailure.rate).toBeLessThanOrEqual(ALPHA);
      }
    }
  });
});
