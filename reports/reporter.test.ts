import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tallyJest, type JestResultsLike } from './build';
import { RUN_DIR_ENV, writeRecord as writeTo } from './records';
import TheorycheckReporter, { pointLatest } from './reporter';
import type { Report } from './schema';
import { FIXTURE_CLAIM_ID, FIXTURE_TWIN_ID, fixtureClaim, fixtureFailingClaim, fixtureTwin } from './test-fixtures';

const DEFAULT_MASTER_SEED = 20181203;
/** The variable the reporter writes (for its workers); restored after each test so no later test writes into a temp dir. */
const ENV_KEYS = [RUN_DIR_ENV, 'GITHUB_STEP_SUMMARY'];
/** Workers write into the run directory the reporter exported, exactly as the harness does. */
const writeRecord = (record: Parameters<typeof writeTo>[0]): string => writeTo(record, process.env[RUN_DIR_ENV]!);

let tmp: string;
let savedEnv: Record<string, string | undefined>;

beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'theorycheck-reporter-'));
});

afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

const START = new Date(Date.UTC(2025, 2, 4, 5, 6, 7));

/** A clock that returns START, then START + 61.5 s. */
function clock(): () => Date {
  let calls = 0;
  return () => new Date(START.getTime() + (calls++ === 0 ? 0 : 61_500));
}

/** jest's aggregated result, reduced to what the reporter reads; one crashed file, one failing test. */
function fakeResults(root: string): JestResultsLike {
  return {
    numPassedTests: 5,
    numFailedTests: 1,
    numPendingTests: 1,
    numTodoTests: 0,
    testResults: [
      { testFilePath: path.join(root, 'theorems/ok.test.ts'), numFailingTests: 0, testResults: [{ fullName: 'ok', status: 'passed' }] },
      {
        testFilePath: path.join(root, 'theorems/lecun.test.ts'),
        numFailingTests: 1,
        testResults: [{ fullName: 'FIX2018 lecun', status: 'failed' }],
      },
      {
        testFilePath: path.join(root, 'theorems/crash.test.ts'),
        testExecError: { message: 'Cannot find module ../stats' },
        failureMessage: '  ● Test suite failed to run\n\n    Cannot find module ../stats',
        numFailingTests: 0,
        testResults: [],
      },
    ],
  };
}

function makeReporter(extra: { outDir?: string; masterSeed?: number; freshSeed?: boolean; profile?: string } = {}): { reporter: TheorycheckReporter; out: string[] } {
  const out: string[] = [];
  const reporter = new TheorycheckReporter(
    { rootDir: tmp },
    { outDir: path.join(tmp, 'out'), now: clock(), write: (text) => out.push(text), ...extra },
  );
  return { reporter, out };
}

describe('TheorycheckReporter', () => {
  test('constructor creates the run directory and exports it to workers via THEORYCHECK_RUN_DIR', () => {
    const { reporter } = makeReporter();
    expect(reporter.runId).toBe(`20250304-050607-seed${DEFAULT_MASTER_SEED}`);
    expect(reporter.runDir).toBe(path.join(tmp, 'out', reporter.runId));
    expect(fs.statSync(path.join(reporter.runDir, 'records')).isDirectory()).toBe(true);
    expect(process.env[RUN_DIR_ENV]).toBe(reporter.runDir);
  });

  test('a second run in the same second gets its own directory', () => {
    const first = makeReporter().reporter;
    const second = makeReporter().reporter;
    expect(second.runDir).toBe(`${first.runDir}-2`);
    expect(process.env[RUN_DIR_ENV]).toBe(second.runDir);
  });

  test('fresh seed: the seed given is named in the run id and flagged in the header', () => {
    const { reporter } = makeReporter({ masterSeed: 4242, freshSeed: true });
    expect(reporter.runId).toBe('20250304-050607-seed4242');
    const report = reporter.buildReport(fakeResults(tmp));
    expect(report.header.masterSeed).toBe(4242);
    expect(report.header.freshSeed).toBe(true);
  });

  test('onRunComplete writes report.json, report.md, summary.txt and the latest link', async () => {
    const { reporter, out } = makeReporter({ profile: 'full' });
    // Workers write through the environment, exactly as properties do.
    writeRecord(fixtureClaim());
    writeRecord(fixtureTwin());
    writeRecord(fixtureFailingClaim());
    await reporter.onRunComplete(new Set(), fakeResults(tmp));
    expect(reporter.getLastError()).toBeUndefined();

    const report = JSON.parse(fs.readFileSync(path.join(reporter.runDir, 'report.json'), 'utf8')) as Report;
    expect(report.header).toMatchObject({
      schemaVersion: '1.4.0',
      runId: reporter.runId,
      startedAt: START.toISOString(),
      wallTimeMs: 61_500,
      masterSeed: DEFAULT_MASTER_SEED,
      freshSeed: false,
      profile: 'full',
      gitCommit: null,
      engines: [{ backend: 'cpu', versions: { '@tensorflow/tfjs': '4.22.0', node: 'v20.20.2' } }],
      // allocated: claim 2e-5 + failing claim 2e-5 + twin 1e-5 (checked below); assertions: 2 + 2 + 1 configs.
      alphaBudget: { total: 1e-3, assertions: 5 },
      tests: { passed: 5, failed: 2, skipped: 1 },
    });
    expect(report.header.alphaBudget.allocated).toBeCloseTo(5e-5, 15);
    expect(report.header.tests.crashedFiles).toEqual([
      { file: path.join('theorems', 'crash.test.ts'), message: '● Test suite failed to run\n\n    Cannot find module ../stats' },
    ]);
    expect(report.properties.map((p) => p.claimId).sort()).toEqual([FIXTURE_CLAIM_ID, FIXTURE_TWIN_ID, 'FIX2018.FM1.lecun'].sort());

    expect(fs.readFileSync(path.join(reporter.runDir, 'report.html'), 'utf8')).toContain('<figure id="fig-');
    const md = fs.readFileSync(path.join(reporter.runDir, 'report.md'), 'utf8');
    expect(md).toContain(`# theorycheck report — ${reporter.runId}`);
    expect(md).toContain('| Tests (jest) | 5 passed, 2 failed, 1 skipped (incl. 1 test file that crashed) |');
    expect(md).toContain(`| ${FIXTURE_CLAIM_ID} |`);
    expect(md).toContain("THEORYCHECK_SEED=20181203 npx jest theorems/fix.test.ts -t 'lecun'");

    const latest = path.join(tmp, 'out', 'latest');
    expect(fs.lstatSync(latest).isSymbolicLink()).toBe(true);
    expect(fs.realpathSync(latest)).toBe(fs.realpathSync(reporter.runDir));

    expect(out.join('')).toBe(`${path.join(reporter.runDir, 'report.md')}\n5 passed, 2 failed\n`);
  });

  test('with a step-summary file (GitHub Actions), the job summary is appended: header line, one line per claim, failures first, twins', async () => {
    const file = path.join(tmp, 'step-summary.md');
    fs.writeFileSync(file, 'earlier step\n');
    const reporter = new TheorycheckReporter({ rootDir: tmp }, { outDir: path.join(tmp, 'out'), now: clock(), write: () => undefined, stepSummary: file });
    writeRecord(fixtureClaim());
    writeRecord(fixtureTwin());
    writeRecord(fixtureFailingClaim());
    await reporter.onRunComplete(new Set(), fakeResults(tmp));
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('earlier step\n### theorycheck — 5 passed, 2 failed')).toBe(true);
    const lines = text.split('\n').filter((l) => l.startsWith('- '));
    expect(lines[0]).toMatch(/^- ❌ `FIX2018\.FM1\.lecun`/);
    expect(lines[1].startsWith(`- ✅ \`${FIXTURE_CLAIM_ID}\``)).toBe(true);
    expect(lines[1].endsWith(' — twins: ✅ he-1.8')).toBe(true);
  });

  test('summary.txt and the last stdout line are exactly "N passed, N failed"', async () => {
    const reporter = new TheorycheckReporter({ rootDir: tmp }, { outDir: path.join(tmp, 'out'), now: clock() });
    writeRecord(fixtureClaim());
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await reporter.onRunComplete(new Set(), { numPassedTests: 12, numFailedTests: 0, numPendingTests: 0, testResults: [] });
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(path.join(reporter.runDir, 'summary.txt'), 'utf8')).toBe('12 passed, 0 failed');
    const lines = written.join('').split('\n');
    expect(lines.pop()).toBe(''); // output ends with a newline
    expect(lines[lines.length - 1]).toBe('12 passed, 0 failed');
    expect(lines[lines.length - 2]).toBe(path.join(reporter.runDir, 'report.md'));
  });

  test('a run without any record still reports jest\'s numbers', async () => {
    const { reporter, out } = makeReporter();
    await reporter.onRunComplete(new Set(), fakeResults(tmp));
    expect(fs.readFileSync(path.join(reporter.runDir, 'summary.txt'), 'utf8')).toBe('5 passed, 2 failed');
    expect(out.join('').trimEnd().split('\n').pop()).toBe('5 passed, 2 failed');
    const md = fs.readFileSync(path.join(reporter.runDir, 'report.md'), 'utf8');
    expect(md).toContain('_No claim records were written in this run._');
    expect(md).toContain('Cannot find module ../stats');
  });

  test('git commit is recorded and marked -dirty when the tree has changes', () => {
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(repo);
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: repo,
        encoding: 'utf8',
      }).trim();
    git('init', '-q');
    fs.writeFileSync(path.join(repo, 'a.txt'), 'a');
    git('add', 'a.txt');
    git('commit', '-q', '-m', 'init');
    const sha = git('rev-parse', 'HEAD');
    const outDir = path.join(tmp, 'out');
    const clean = new TheorycheckReporter({ rootDir: repo }, { outDir, now: clock(), write: () => undefined });
    expect(clean.buildReport(fakeResults(repo)).header.gitCommit).toBe(sha);
    fs.writeFileSync(path.join(repo, 'a.txt'), 'changed');
    const dirty = new TheorycheckReporter({ rootDir: repo }, { outDir, now: clock(), write: () => undefined });
    expect(dirty.buildReport(fakeResults(repo)).header.gitCommit).toBe(`${sha}-dirty`);
  });

  test('watch-mode re-runs start with an empty records directory', () => {
    const { reporter } = makeReporter();
    reporter.onRunStart();
    writeRecord(fixtureClaim());
    reporter.onRunStart();
    expect(reporter.buildReport(fakeResults(tmp)).properties).toEqual([]);
  });
});

describe('pointLatest', () => {
  test('replaces an existing link atomically', () => {
    const out = path.join(tmp, 'out');
    const a = path.join(out, 'run-a');
    const b = path.join(out, 'run-b');
    fs.mkdirSync(a, { recursive: true });
    fs.mkdirSync(b);
    pointLatest(out, a);
    expect(fs.readlinkSync(path.join(out, 'latest'))).toBe('run-a');
    pointLatest(out, b);
    expect(fs.readlinkSync(path.join(out, 'latest'))).toBe('run-b');
    expect(fs.readdirSync(out).sort()).toEqual(['latest', 'run-a', 'run-b']);
  });

  test('falls back to a LATEST file when the link cannot be placed', () => {
    const out = path.join(tmp, 'out');
    const run = path.join(out, 'run-a');
    fs.mkdirSync(run, { recursive: true });
    // A non-empty directory named `latest` cannot be replaced by a rename.
    fs.mkdirSync(path.join(out, 'latest', 'x'), { recursive: true });
    expect(pointLatest(out, run)).toBe(path.join(out, 'LATEST'));
    expect(fs.readFileSync(path.join(out, 'LATEST'), 'utf8')).toBe(`${run}\n`);
  });
});

describe('tallyJest', () => {
  test('counts a file that crashed without failing tests as one failure', () => {
    const tests = tallyJest(fakeResults('/repo'), '/repo');
    expect(tests.passed).toBe(5);
    expect(tests.failed).toBe(2);
    expect(tests.failingTests).toEqual([{ file: path.join('theorems', 'lecun.test.ts'), name: 'FIX2018 lecun' }]);
  });

  test('a file with a hook error and failing tests is not counted twice', () => {
    const tests = tallyJest(
      {
        numPassedTests: 0,
        numFailedTests: 1,
        numPendingTests: 0,
        testResults: [{ testFilePath: '/repo/x.test.ts', testExecError: { message: '' }, numFailingTests: 1, testResults: [{ fullName: 'x', status: 'failed' }] }],
      },
      '/repo',
    );
    expect(tests.failed).toBe(1);
    expect(tests.crashedFiles).toEqual([]);
  });
});
