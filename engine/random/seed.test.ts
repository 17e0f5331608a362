import { canonicalJson, deriveSeed, parseSeed, resolveMasterSeed, DEFAULT_MASTER_SEED } from './seed';

describe('master seed', () => {
  it('defaults to the fixed master seed', () => {
    expect(resolveMasterSeed({})).toEqual({ seed: DEFAULT_MASTER_SEED, fresh: false });
  });

  it('reads THEORYCHECK_SEED and rejects anything but a uint32 with a clear message', () => {
    expect(resolveMasterSeed({ THEORYCHECK_SEED: '42' }).seed).toBe(42);
    expect(() => parseSeed('-1')).toThrow('THEORYCHECK_SEED must be an integer in [0, 4294967295]; got "-1"');
    expect(() => parseSeed('1e3')).toThrow(/THEORYCHECK_SEED/);
    expect(() => parseSeed('4294967296')).toThrow(/THEORYCHECK_SEED/);
  });

  it('draws a fresh seed once and exports it so child processes share it', () => {
    const env: NodeJS.ProcessEnv = { THEORYCHECK_FRESH_SEED: '1' };
    const first = resolveMasterSeed(env);
    expect(first.fresh).toBe(true);
    expect(env.THEORYCHECK_SEED).toBe(String(first.seed));
    expect(resolveMasterSeed(env).seed).toBe(first.seed);
  });
});

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
