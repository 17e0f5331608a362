import { buildReport } from './build';
import { mergeReports } from './merge';
import type { PropertyRecord, Report } from './schema';
import { fixtureClaim, fixtureFailingClaim, fixtureTwin } from './test-fixtures';

const when = new Date(Date.UTC(2025, 0, 1, 12, 0, 0));

function run(records: PropertyRecord[], tests: { passed: number; failed: number }, extra: Partial<Parameters<typeof buildReport>[0]> = {}): Report {
  return buildReport({
    runId: 'r',
    startedAt: when,
    wallTimeMs: 1000 * records.length,
    masterSeed: 7,
    freshSeed: false,
    profile: 'full',
    gitCommit: 'abc',
    alphaTotal: 1e-3,
    records,
    jest: { numPassedTests: tests.passed, numFailedTests: tests.failed, numPendingTests: 0 },
    rootDir: '/repo',
    ...extra,
  });
}

describe('merge: shard reports → the unsharded report', () => {
  const all = [fixtureClaim(), fixtureFailingClaim(), fixtureTwin()];

  test('two shards merge to the unsharded run (records, order, accounting, counts), whatever the shard order', () => {
    // An unsharded run's records come in record-file order (records.ts: readRecords sorts the file names).
    const whole = run([all[1], all[0], all[2]], { passed: 2, failed: 1 });
    const a = run([all[2], all[0]], { passed: 2, failed: 0 });
    const b = run([all[1]], { passed: 0, failed: 1 });
    for (const shards of [[a, b], [b, a]]) {
      const merged = mergeReports(shards, { runId: 'r', startedAt: when, rootDir: '/repo' });
      expect(merged.properties).toEqual(whole.properties);
      expect(merged.header.alphaBudget).toEqual(whole.header.alphaBudget);
      expect(merged.header.tests).toEqual(whole.header.tests);
      expect({ ...merged.header, wallTimeMs: 0 }).toEqual({ ...whole.header, wallTimeMs: 0 });
    }
  });

  test('refuses shards of different runs, and a property that differs between shards', () => {
    const a = run([all[0]], { passed: 1, failed: 0 });
    expect(() => mergeReports([a, run([all[2]], { passed: 1, failed: 0 }, { masterSeed: 8 })], { runId: 'r', startedAt: when, rootDir: '/repo' })).toThrow(/the shards disagree on the master seed \(7 vs 8\)/);
    expect(() => mergeReports([a, run([all[2]], { passed: 1, failed: 0 }, { profile: 'gate' })], { runId: 'r', startedAt: when, rootDir: '/repo' })).toThrow(/disagree on the profile/);
    const changed = run([{ ...all[0], durationMs: 1 }], { passed: 1, failed: 0 });
    expect(() => mergeReports([a, changed], { runId: 'r', startedAt: when, rootDir: '/repo' })).toThrow(/FIX2018\.FM1\.mean-length differs between shards/);
    expect(mergeReports([a, a], { runId: 'r', startedAt: when, rootDir: '/repo' }).properties).toHaveLength(1);
    expect(() => mergeReports([], { runId: 'r', startedAt: when, rootDir: '/repo' })).toThrow(/at least one shard/);
  });
});
