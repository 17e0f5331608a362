import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ProgressReporter, { formatSeconds, propertyIdOf } from './progress-reporter';
import { writeProgress } from './progress';
import { updateDurations } from './durations';
import { RUN_DIR_ENV } from './records';

describe('progress reporter', () => {
  test('property ids from jest test cases: claim, twin, none for unit tests', () => {
    const file = { path: '/r/properties/x/a.claim.ts' };
    expect(propertyIdOf(file, { ancestorTitles: ['HR2018.FM1.mean-length'], title: 'claim: E[M_d] = M_0' })).toBe('HR2018.FM1.mean-length');
    expect(propertyIdOf(file, { ancestorTitles: ['HR2018.FM1.mean-length'], title: 'twin he-variance-1.8 is rejected: …' })).toBe('HR2018.FM1.mean-length~he-variance-1.8');
    expect(propertyIdOf({ path: '/r/reports/a.test.ts' }, { ancestorTitles: ['x'], title: 'y' })).toBeUndefined();
  });

  test('plain lines (CI): one per finished property, with configurations, files done and the ETA from the last run', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'progress-'));
    const runDir = path.join(out, 'run');
    updateDurations(out, 'gate', { files: { 'a.claim.ts': 40_000, 'b.claim.ts': 20_000 }, properties: {} });
    const lines: string[] = [];
    let now = 0;
    const saved = process.env[RUN_DIR_ENV];
    process.env[RUN_DIR_ENV] = runDir;
    try {
      const r = new ProgressReporter({}, { outDir: out, profile: 'gate', bars: false, workers: 2, write: (t) => void lines.push(t), now: () => now });
      r.onRunStart({ numTotalTestSuites: 2 });
      const test = { path: '/r/properties/p/a.claim.ts' };
      const c = { ancestorTitles: ['X.claim'], title: 'claim: …' };
      r.onTestCaseStart(test, c);
      writeProgress(runDir, 'X.claim', { done: 3, total: 5 });
      now = 10_000;
      r.onTestCaseResult(test, { ...c, status: 'passed', duration: 10_000 });
      r.onTestFileResult();
      r.onRunComplete();
    } finally {
      if (saved === undefined) delete process.env[RUN_DIR_ENV];
      else process.env[RUN_DIR_ENV] = saved;
    }
    expect(lines[0]).toBe('[0/2 files, ETA ~20s] ✓ X.claim (passed, 3/5 configurations, 10s)\n');
    expect(lines[1]).toBe('theorycheck: 1/2 test files in 10s\n');
  });

  test('durations print as seconds or minutes', () => {
    expect([formatSeconds(4_400), formatSeconds(65_000), formatSeconds(-5)]).toEqual(['4s', '1m05s', '0s']);
  });
});
