/**
 * Assembles a {@link Report} from the property records and jest's aggregated results. Pure apart
 * from {@link gitCommit}, so that it can be tested without jest.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import canonicalJson from 'fast-json-stable-stringify';
import { stripAnsi } from './format';
import { REPORT_SCHEMA_VERSION, REPRODUCTION_VERDICTS, type EngineInfo, type PropertyRecord, type Report, type ReproductionRow, type RunHeader } from './schema';

/** The part of jest's `AssertionResult` the report reads. */
export interface JestTestCaseLike {
  fullName: string;
  status: string;
}

/** The part of jest's `TestResult` (one test file) the report reads. */
export interface JestFileResultLike {
  testFilePath: string;
  testExecError?: { message?: string } | null;
  failureMessage?: string | null;
  numFailingTests: number;
  testResults?: JestTestCaseLike[];
  /** jest's timing of the file (ms since the epoch). */
  perfStats?: { start: number; end: number };
}

/** The part of jest's `AggregatedResult` the report reads. */
export interface JestResultsLike {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  testResults?: JestFileResultLike[];
}

const MAX_CRASH_MESSAGE = 4000;

/**
 * Jest's counts, with one failure added per test file that failed without a failing test (it crashed
 * on import or in a hook before writing records): jest counts those only in numFailedTestSuites.
 */
export function tallyJest(results: JestResultsLike, rootDir: string): RunHeader['tests'] {
  const files = results.testResults ?? [];
  const rel = (file: string): string => path.relative(rootDir, file) || file;
  const crashedFiles = files
    .filter((f) => f.testExecError != null && f.numFailingTests === 0)
    .map((f) => {
      let message = stripAnsi(f.failureMessage ?? f.testExecError?.message ?? '').trim();
      if (message.length > MAX_CRASH_MESSAGE) message = `${message.slice(0, MAX_CRASH_MESSAGE)}\n… (truncated)`;
      return { file: rel(f.testFilePath), message };
    });
  const failingTests = files.flatMap((f) =>
    (f.testResults ?? []).filter((t) => t.status === 'failed').map((t) => ({ file: rel(f.testFilePath), name: t.fullName })),
  );
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + crashedFiles.length,
    skipped: results.numPendingTests + (results.numTodoTests ?? 0),
    crashedFiles,
    failingTests,
  };
}

/** The one-line summary written to `summary.txt` and printed last: `N passed, N failed`. */
export function summaryLine(tests: { passed: number; failed: number }): string {
  return `${tests.passed} passed, ${tests.failed} failed`;
}

/** Distinct engines among the records (by content), sorted by backend name. */
export function distinctEngines(records: PropertyRecord[]): EngineInfo[] {
  const byKey = new Map<string, EngineInfo>();
  for (const r of records) {
    if (r.engine === undefined || r.engine === null) continue;
    const key = canonicalJson(r.engine);
    if (!byKey.has(key)) byKey.set(key, r.engine);
  }
  return [...byKey.entries()]
    .sort(([ka, a], [kb, b]) => a.backend.localeCompare(b.backend) || ka.localeCompare(kb))
    .map(([, e]) => e);
}

/** `YYYYMMDD-HHMMSS-seed<seed>` in UTC. */
export function makeRunId(start: Date, seed: number): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const date = `${p(start.getUTCFullYear(), 4)}${p(start.getUTCMonth() + 1)}${p(start.getUTCDate())}`;
  const time = `${p(start.getUTCHours())}${p(start.getUTCMinutes())}${p(start.getUTCSeconds())}`;
  return `${date}-${time}-seed${seed}`;
}

/** `git rev-parse HEAD`, suffixed `-dirty` when `git status --porcelain` is non-empty; null outside a repository. */
export function gitCommit(cwd: string): string | null {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 15_000 }).trim();
  let sha: string;
  try {
    sha = git('rev-parse', 'HEAD');
  } catch {
    return null;
  }
  if (!/^[0-9a-f]{40,64}$/.test(sha)) return null;
  try {
    return git('status', '--porcelain') === '' ? sha : `${sha}-dirty`;
  } catch {
    return `${sha}-dirty?`;
  }
}

export interface BuildReportInput {
  runId: string;
  startedAt: Date;
  wallTimeMs: number;
  masterSeed: number;
  freshSeed: boolean;
  profile: string;
  gitCommit: string | null;
  alphaTotal: number;
  records: PropertyRecord[];
  jest: JestResultsLike;
  /** Test file paths in the report are relative to this directory. */
  rootDir: string;
}

/**
 * The run's actual false-failure accounting: per assertion the bounded rate (a claim configuration's
 * `falseFailure`, a twin's miss rate 1 − power), else its nominal α (counted as unbounded); plus each
 * claim configuration's independence-check rate.
 */
export function actualRates(records: PropertyRecord[]): { actual: number; unbounded: number; calibrationWarnings: number } {
  let actual = 0;
  let unbounded = 0;
  let calibrationWarnings = 0;
  for (const r of records) {
    for (const c of r.configs ?? []) {
      if (r.kind !== 'twin' && c.calibrationWarning !== undefined) calibrationWarnings++;
      const bound = r.kind === 'twin' ? (c.power ? 1 - c.power.power : undefined) : c.falseFailure?.rate;
      if (c.independence !== undefined) actual += Math.max(0, c.independence.rate);
      if (bound !== undefined && Number.isFinite(bound)) actual += Math.max(0, bound);
      else {
        actual += Number.isFinite(c.alpha) ? c.alpha : 0;
        unbounded++;
      }
    }
  }
  return { actual, unbounded, calibrationWarnings };
}

/**
 * The properties' reproduction rows (`figures.reproduction`, and `reproduction` in each configuration's
 * figures, `figures.perConfig[i]`: one row or an array), each checked for its required fields and verdict.
 */
export function reproductionRows(records: PropertyRecord[]): ReproductionRow[] {
  type Given = Partial<ReproductionRow> | Partial<ReproductionRow>[] | undefined;
  return records.flatMap((r) => {
    const perConfig = Array.isArray(r.figures?.perConfig) ? (r.figures.perConfig as { reproduction?: Given }[]) : [];
    const given = [r.figures?.reproduction as Given, ...perConfig.map((f) => f.reproduction)].flatMap((g) => (g === undefined ? [] : Array.isArray(g) ? g : [g]));
    return given.map((row) => {
    if (typeof row.claim !== 'string' || typeof row.setting !== 'string' || typeof row.paper !== 'string' || !REPRODUCTION_VERDICTS.includes(row.verdict as ReproductionRow['verdict'])) {
      throw new Error(`${r.claimId}: figures.reproduction needs claim, setting, paper (strings) and a verdict in ${REPRODUCTION_VERDICTS.join(' | ')}; got ${JSON.stringify(row).slice(0, 200)}`);
    }
    return row as ReproductionRow;
    });
  });
}

export function buildReport(input: BuildReportInput): Report {
  const { records } = input;
  const header: RunHeader = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: input.runId,
    startedAt: input.startedAt.toISOString(),
    wallTimeMs: input.wallTimeMs,
    masterSeed: input.masterSeed,
    freshSeed: input.freshSeed,
    profile: input.profile,
    gitCommit: input.gitCommit,
    engines: distinctEngines(records),
    alphaBudget: {
      total: input.alphaTotal,
      allocated: records.reduce((sum, r) => sum + (Number.isFinite(r.alpha) ? r.alpha : 0), 0),
      assertions: records.reduce((sum, r) => sum + (r.configs?.length ?? 0), 0),
      ...actualRates(records),
    },
    tests: tallyJest(input.jest, input.rootDir),
  };
  const reproductions = reproductionRows(records);
  if (reproductions.length > 0) {
    const count = (v: ReproductionRow['verdict']): number => reproductions.filter((x) => x.verdict === v).length;
    header.reproductions = { total: reproductions.length, reproduced: count('reproduced'), notReproduced: count('not reproduced'), notComparable: count('not comparable') };
    return { header, properties: records, reproductions };
  }
  return { header, properties: records };
}
