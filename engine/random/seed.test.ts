import { canonicalJson, deriveSeed, hashString, mix32 } from './seed';

/** deriveSeed as first written: every non-string label through canonicalJson. */
function deriveSeedViaJson(parent: number, ...labels: unknown[]): number {
  let h = mix32((parent >>> 0) ^ 0x9e3779b9);
  for (const label of labels) h = hashString(typeof label === 'string' ? label : canonicalJson(label), h ^ 0x811c9dc5);
  return h;
}

describe('derived seeds', () => {
  it('depend only on the parent seed and the labels', () => {
    expect(deriveSeed(1, 'claim', { a: 1, b: [2, 3] })).toBe(deriveSeed(1, 'claim', { b: [2, 3], a: 1 }));
    expect(deriveSeed(1, 'claim')).not.toBe(deriveSeed(2, 'claim'));
    expect(deriveSeed(1, 'a', 'b')).not.toBe(deriveSeed(1, 'b', 'a'));
    expect(deriveSeed(1, 'ab')).not.toBe(deriveSeed(1, 'a', 'b'));
  });

  it('are uint32', () => {
    for (let i = 0; i < 100; i++) {
      const s = deriveSeed(i, 'x', i);
      expect(Number.isInteger(s) && s >= 0 && s <= 0xffffffff).toBe(true);
    }
  });

  it('a number label hashes as its JSON text (the fast path for finite numbers changes no seed)', () => {
    for (const x of [0, -0, 7, -3, 123456789, 0.1, 1e-7, 1.5e300, 2 ** 53 + 2, NaN, Infinity, -Infinity]) {
      expect(deriveSeed(5, 'net', x)).toBe(deriveSeedViaJson(5, 'net', x));
    }
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});
