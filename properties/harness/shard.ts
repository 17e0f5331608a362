/**
 * `--shard i/n` balanced by expected duration: test files go, longest first, to the shard with the
 * least expected time so far (greedy LPT; ties by path, so every shard computes the same partition).
 * Files without a known duration count as the median of the known ones.
 */
export function balancedShard<T extends { path: string }>(tests: readonly T[], weight: (path: string) => number | undefined, shardIndex: number, shardCount: number): T[] {
  if (!Number.isInteger(shardCount) || shardCount < 1 || !Number.isInteger(shardIndex) || shardIndex < 1 || shardIndex > shardCount) {
    throw new Error(`shard must be i/n with 1 ≤ i ≤ n; got ${shardIndex}/${shardCount}`);
  }
  const known = tests.map((t) => weight(t.path)).filter((w): w is number => w !== undefined && Number.isFinite(w) && w >= 0).sort((a, b) => a - b);
  const median = known.length === 0 ? 1 : known[Math.floor(known.length / 2)];
  const weighted = tests
    .map((t) => ({ t, w: weight(t.path) ?? median }))
    .sort((a, b) => b.w - a.w || a.t.path.localeCompare(b.t.path));
  const load = new Array<number>(shardCount).fill(0);
  const mine: T[] = [];
  for (const { t, w } of weighted) {
    let k = 0;
    for (let j = 1; j < shardCount; j++) if (load[j] < load[k]) k = j;
    load[k] += w;
    if (k === shardIndex - 1) mine.push(t);
  }
  return mine;
}
