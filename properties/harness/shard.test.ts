import { balancedShard } from './shard';

const tests = (ws: Record<string, number>): { path: string }[] => Object.keys(ws).map((path) => ({ path }));

describe('balancedShard', () => {
  const w = { a: 100, b: 60, c: 50, d: 10, e: 5 };
  test('the shards partition the files, longest first to the least-loaded shard', () => {
    const shards = [1, 2].map((i) => balancedShard(tests(w), (p) => w[p as keyof typeof w], i, 2).map((t) => t.path).sort());
    expect(shards).toEqual([['a', 'd', 'e'], ['b', 'c']]);
    const loads = shards.map((s) => s.reduce((t, p) => t + w[p as keyof typeof w], 0));
    expect(Math.abs(loads[0] - loads[1])).toBeLessThanOrEqual(5);
  });

  test('every file lands in exactly one of n shards, unknown durations at the median', () => {
    const files = tests({ ...w, x: 0, y: 0 });
    const weight = (p: string): number | undefined => (p in w ? w[p as keyof typeof w] : undefined);
    const all = [1, 2, 3].flatMap((i) => balancedShard(files, weight, i, 3).map((t) => t.path));
    expect(all.sort()).toEqual(files.map((t) => t.path).sort());
  });

  test('bad shard numbers name the rule', () => {
    expect(() => balancedShard([], () => 1, 3, 2)).toThrow('shard must be i/n with 1 ≤ i ≤ n; got 3/2');
  });
});
