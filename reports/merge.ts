/**
 * Shard outputs → the report an unsharded run gives: the union of the shards' property records (never
 * re-sampled), in the order an unsharded run writes them, with jest's counts summed. Every shard must
 * come from the same master seed, profile, α budget and commit (a shard run of `npx jest --shard i/n`
 * with the same settings, on any machine); a property present in two shards must be identical in both.
 * Reads only the report schema.
 */
import stableStringify from 'fast-json-stable-stringify';
import { buildReport } from './build';
import { recordFileName } from './records';
import type { PropertyRecord, Report } from './schema';

export interface MergeOptions {
  runId: string;
  startedAt: Date;
  /** Test file paths in the report are relative to this directory. */
  rootDir: string;
}

function same<T>(what: string, values: T[]): T {
  const distinct = [...new Set(values.map((v) => JSON.stringify(v)))];
  if (distinct.length > 1) throw new Error(`merge: the shards disagree on ${what} (${distinct.join(' vs ')}); merge only shards of one run`);
  return values[0];
}

export function mergeReports(shards: readonly Report[], options: MergeOptions): Report {
  if (shards.length === 0) throw new Error('merge: give at least one shard report');
  const headers = shards.map((s) => s.header);
  const masterSeed = same('the master seed', headers.map((h) => h.masterSeed));
  const profile = same('the profile', headers.map((h) => h.profile));
  const alphaTotal = same('the α budget', headers.map((h) => h.alphaBudget.total));
  const gitCommit = same('the commit', headers.map((h) => h.gitCommit));
  const freshSeed = same('fresh-seed', headers.map((h) => h.freshSeed));
  const byId = new Map<string, PropertyRecord>();
  for (const record of shards.flatMap((s) => s.properties)) {
    const seen = byId.get(record.claimId);
    if (seen !== undefined && stableStringify(seen) !== stableStringify(record)) throw new Error(`merge: ${record.claimId} differs between shards (two runs of one property); merge only shards of one run`);
    byId.set(record.claimId, record);
  }
  const records = [...byId.values()].sort((a, b) => (recordFileName(a.claimId) < recordFileName(b.claimId) ? -1 : recordFileName(a.claimId) > recordFileName(b.claimId) ? 1 : 0));
  const report = buildReport({
    runId: options.runId,
    startedAt: options.startedAt,
    wallTimeMs: Math.max(...headers.map((h) => h.wallTimeMs)),
    masterSeed,
    freshSeed,
    profile,
    gitCommit,
    alphaTotal,
    records,
    jest: { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 },
    rootDir: options.rootDir,
  });
  report.header.tests = {
    passed: headers.reduce((s, h) => s + h.tests.passed, 0),
    failed: headers.reduce((s, h) => s + h.tests.failed, 0),
    skipped: headers.reduce((s, h) => s + h.tests.skipped, 0),
    crashedFiles: headers.flatMap((h) => h.tests.crashedFiles ?? []),
    failingTests: headers.flatMap((h) => h.tests.failingTests ?? []),
  };
  return report;
}
