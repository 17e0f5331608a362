import { canonicalJson, deriveSeed } from './seed';

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

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});
