import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixtureClaim } from '../../reports/test-fixtures';
import type { Report } from '../../reports/schema';
import { REPORT_FILE, findCompleteRun, seedDir, seedsWithRuns } from './seed-runs';

function report(seed: number, startedAt: string, profile = 'gate'): Report {
  return {
    header: {
      schemaVersion: '1.2.0',
      runId: `r-${seed}`,
      startedAt,
      wallTimeMs: 1,
      masterSeed: seed,
      freshSeed: false,
      profile,
      gitCommit: null,
      engines: [],
      alphaBudget: { total: 1e-3, allocated: 1e-3, assertions: 1 },
      tests: { passed: 1, failed: 0, skipped: 0 },
    },
    properties: [fixtureClaim()],
  };
}

describe('findCompleteRun (resume: which seeds are done)', () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-test-'));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  const writeRun = (seed: number, runId: string, content: string | undefined): void => {
    const dir = path.join(seedDir(out, seed), runId);
    fs.mkdirSync(path.join(dir, 'records'), { recursive: true });
    if (content !== undefined) fs.writeFileSync(path.join(dir, REPORT_FILE), content);
  };

  it('no directory: not started', () => {
    expect(findCompleteRun(out, 5)).toBeUndefined();
    expect(seedsWithRuns(out, [5])).toEqual([]);
  });

  it('a run directory without report.json (jest stopped before its reporter wrote) is partial', () => {
    writeRun(5, 'a', undefined);
    expect(findCompleteRun(out, 5)).toBeUndefined();
    expect(seedsWithRuns(out, [5, 6])).toEqual([5]);
  });

  it('a truncated report, another seed’s report or another profile’s does not count', () => {
    writeRun(5, 'a', '{"header": {');
    writeRun(5, 'b', JSON.stringify(report(6, '2026-01-01T00:00:00Z')));
    writeRun(5, 'c', JSON.stringify(report(5, '2026-01-01T00:00:00Z', 'full')));
    expect(findCompleteRun(out, 5)).toBeUndefined();
  });

  it('takes the latest started complete run, and ignores the reporter’s latest symlink', () => {
    writeRun(5, 'old', JSON.stringify(report(5, '2026-01-01T00:00:00Z')));
    writeRun(5, 'new', JSON.stringify(report(5, '2026-01-02T00:00:00Z')));
    writeRun(5, 'partial', undefined);
    fs.symlinkSync('old', path.join(seedDir(out, 5), 'latest'));
    const run = findCompleteRun(out, 5);
    expect(run?.seed).toBe(5);
    expect(run?.file).toBe(path.join(seedDir(out, 5), 'new', REPORT_FILE));
    expect(run?.report.header.startedAt).toBe('2026-01-02T00:00:00Z');
  });
});
