import { fingerprint, fingerprintOf, firstLayerFingerprint } from './fingerprint';
import { RandomStream } from './stream';

describe('network fingerprints', () => {
  it('are 53-bit integers that depend on every value and on its position', () => {
    const w = new Float32Array(64);
    new RandomStream(3).fillNormal(w);
    const f = fingerprint(w);
    expect(Number.isSafeInteger(f) && f >= 0).toBe(true);
    expect(fingerprint(Float64Array.from(w))).toBe(f); // float32 values hash as their float64 widening
    for (const k of [0, 31, 63]) {
      const v = w.slice();
      v[k] = Math.fround(v[k] * (1 + 2 ** -20));
      expect(fingerprint(v)).not.toBe(f);
    }
    const swapped = w.slice();
    [swapped[0], swapped[1]] = [swapped[1], swapped[0]];
    expect(fingerprint(swapped)).not.toBe(f);
    expect(fingerprint(w, 0, 32)).not.toBe(fingerprint(w, 32, 32));
    expect(fingerprintOf(w.subarray(0, 10), w.subarray(10))).toBe(f);
  });

  it('do not collide over 200 000 random parameter vectors', () => {
    const s = new RandomStream(11);
    const v = new Float32Array(8);
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) {
      s.fillNormal(v);
      seen.add(fingerprint(v));
    }
    expect(seen.size).toBe(200_000);
  });

  it("of a network are its first layer's weights then biases", () => {
    const w = Float64Array.of(0.5, -1.25, 2);
    const b = Float64Array.of(0.125);
    const later = { weights: Float64Array.of(9), biases: Float64Array.of(9) };
    expect(firstLayerFingerprint({ layers: [{ weights: w, biases: b }, later] })).toBe(fingerprintOf(w, b));
    expect(firstLayerFingerprint({ layers: [{ weights: w, biases: b }] })).not.toBe(fingerprintOf(b, w));
    expect(() => firstLayerFingerprint({ layers: [] })).toThrow(/firstLayerFingerprint: the network must have at least one layer; got none/);
  });

  it('reject an empty or out-of-range slice', () => {
    expect(() => fingerprint(new Float64Array(4), 2, 3)).toThrow(/fingerprint: need 0 ≤ offset and 1 ≤ length with offset \+ length ≤ values.length = 4; got offset 2, length 3/);
    expect(() => fingerprint([])).toThrow(/fingerprint/);
  });
});
