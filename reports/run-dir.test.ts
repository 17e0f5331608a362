import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import TheorycheckReporter from './reporter';
import { RUN_DIR_ENV } from './records';
import { findResumable, invocationOf, readManifest, writeManifest, type RunManifest } from './run-dir';

const manifest = (over: Partial<RunManifest> = {}): RunManifest => ({
  startedAt: '2026-01-01T00:00:00.000Z',
  masterSeed: 7,
  freshSeed: false,
  profile: 'full',
  alphaTotal: 1e-3,
  invocation: { THEORYCHECK_PROFILE: 'full' },
  jestArgs: ['properties/zhou-2022/'],
  ...over,
});

function runDir(out: string, name: string, m: RunManifest, finished = false): string {
  const dir = path.join(out, name);
  fs.mkdirSync(dir, { recursive: true });
  writeManifest(dir, m);
  if (finished) fs.writeFileSync(path.join(dir, 'report.json'), '{}');
  return dir;
}

describe('run manifests and --resume', () => {
  // The reporter exports its run directory: keep this worker's own value.
  const saved = process.env[RUN_DIR_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[RUN_DIR_ENV];
    else process.env[RUN_DIR_ENV] = saved;
  });

  test('invocation: the THEORYCHECK_* variables but the seed and the run directories, sorted', () => {
    expect(invocationOf({ THEORYCHECK_PROFILE: 'full', THEORYCHECK_SEED: '3', THEORYCHECK_RUN_DIR: '/x', THEORYCHECK_RESUME: '/y', THEORYCHECK_MUTANT: 'f', PATH: '/bin', THEORYCHECK_BACKEND: '' })).toEqual({
      THEORYCHECK_MUTANT: 'f',
      THEORYCHECK_PROFILE: 'full',
    });
  });

  test('the newest unfinished run with the same invocation and arguments is found; finished or different ones are not', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-'));
    runDir(out, 'old', manifest({ startedAt: '2026-01-01T00:00:00.000Z' }));
    const newest = runDir(out, 'new', manifest({ startedAt: '2026-01-02T00:00:00.000Z' }));
    runDir(out, 'done', manifest({ startedAt: '2026-01-03T00:00:00.000Z' }), true);
    runDir(out, 'other-args', manifest({ startedAt: '2026-01-04T00:00:00.000Z', jestArgs: [] }));
    runDir(out, 'other-fault', manifest({ startedAt: '2026-01-05T00:00:00.000Z', invocation: { THEORYCHECK_PROFILE: 'full', THEORYCHECK_MUTANT: 'f' } }));
    const key = { invocation: { THEORYCHECK_PROFILE: 'full' }, jestArgs: ['properties/zhou-2022/'] };
    expect(findResumable(out, key)).toBe(newest);
    expect(findResumable(out, { ...key, masterSeed: 8 })).toBeUndefined();
    expect(findResumable(path.join(out, 'missing'), key)).toBeUndefined();
  });

  test('the reporter writes the manifest of a new run, and a resumed run keeps its directory and start time', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-'));
    const fresh = new TheorycheckReporter({ rootDir: out }, { outDir: out, masterSeed: 7, profile: 'full', invocation: { THEORYCHECK_PROFILE: 'full' }, jestArgs: ['a'], now: () => new Date(Date.UTC(2026, 0, 1)) });
    expect(readManifest(fresh.runDir)).toMatchObject({ masterSeed: 7, profile: 'full', jestArgs: ['a'], startedAt: '2026-01-01T00:00:00.000Z' });
    const resumed = new TheorycheckReporter({ rootDir: out }, { outDir: out, masterSeed: 7, profile: 'full', resumeDir: fresh.runDir, now: () => new Date(Date.UTC(2026, 0, 2)) });
    expect(resumed.runDir).toBe(fresh.runDir);
    expect(resumed.buildReport({ numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 }).header.startedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(() => new TheorycheckReporter({ rootDir: out }, { outDir: out, masterSeed: 8, profile: 'full', resumeDir: fresh.runDir })).toThrow(/ran seed 7, profile full; this run has seed 8/);
  });
});
