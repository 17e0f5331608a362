import { FIXTURE_CLAIM_ID, FIXTURE_TWIN_ID, fixtureClaim, fixtureFailingClaim, fixtureTwin } from '../../reports/test-fixtures';
import type { Report, RunHeader } from '../../reports/schema';
import { aggregateSweep, runFailed, runsToBound } from './aggregate';
import { renderSweepMarkdown } from './markdown';
import type { SeedRun } from './seed-runs';

function header(seed: number, overrides: Partial<RunHeader> = {}): RunHeader {
  return {
    schemaVersion: '1.2.0',
    runId: `20260101-000000-seed${seed}`,
    startedAt: '2026-01-01T00:00:00.000Z',
    wallTimeMs: 250_000,
    masterSeed: seed,
    freshSeed: false,
    profile: 'gate',
    gitCommit: 'abc',
    engines: [],
    alphaBudget: { total: 1e-3, allocated: 9e-4, assertions: 3, actual: 8e-4, unbounded: 0, calibrationWarnings: 0 },
    tests: { passed: 3, failed: 0, skipped: 0, crashedFiles: [], failingTests: [] },
    ...overrides,
  };
}

const run = (seed: number, properties: Report['properties'], overrides: Partial<RunHeader> = {}): SeedRun => ({
  seed,
  file: `/out/seed-${seed}/x/report.json`,
  report: { header: header(seed, overrides), properties },
});

const passing = (seed: number, actual = 8e-4): SeedRun => run(seed, [fixtureClaim(), fixtureTwin()], { alphaBudget: { ...header(seed).alphaBudget, actual } });

describe('runsToBound (zero-failure runs until the Clopper–Pearson upper bound reaches the budget)', () => {
  it('solves 1 − 0.025^{1/R} ≤ budget', () => {
    // ln(0.025)/ln(0.999) = 3687.1…; R = 3688 is the first integer whose bound is ≤ 1e-3.
    expect(runsToBound(1e-3, 0.95)).toBe(3688);
    expect(1 - Math.pow(0.025, 1 / 3688)).toBeLessThanOrEqual(1e-3);
    expect(1 - Math.pow(0.025, 1 / 3687)).toBeGreaterThan(1e-3);
  });
});

describe('runFailed', () => {
  it('counts a failing property, a jest failure without a record, and nothing else', () => {
    expect(runFailed(passing(1).report)).toBe(false);
    expect(runFailed(run(1, [fixtureFailingClaim()], { tests: { passed: 2, failed: 1, skipped: 0 } }).report)).toBe(true);
    const crashed = run(1, [fixtureClaim()], { tests: { passed: 1, failed: 1, skipped: 0, crashedFiles: [{ file: 'a.claim.ts', message: 'boom' }] } });
    expect(runFailed(crashed.report)).toBe(true);
    // A twin that did not reject its wrong engine is a failure of the run.
    expect(runFailed(run(1, [fixtureTwin({ verdict: 'fail' })]).report)).toBe(true);
  });
});

describe('aggregateSweep', () => {
  const crashedRun = run(104, [fixtureClaim(), fixtureTwin()], {
    tests: { passed: 2, failed: 1, skipped: 0, crashedFiles: [{ file: 'properties/x.claim.ts', message: 'boom' }] },
    alphaBudget: { ...header(104).alphaBudget, actual: 9.5e-4, calibrationWarnings: 2 },
  });
  const runs = [
    passing(103, 7e-4),
    run(102, [fixtureClaim({ verdict: 'fail' }), fixtureTwin()], { tests: { passed: 1, failed: 1, skipped: 0 } }),
    passing(101),
    crashedRun,
  ];
  const summary = aggregateSweep(runs, [101, 102, 103, 104, 105], 'gate');

  it('counts failing seeds per claim and twin, sorted by id (a twin after its claim)', () => {
    expect(summary.properties).toEqual([
      { claimId: FIXTURE_CLAIM_ID, kind: 'claim', runs: 4, failingSeeds: [102] },
      { claimId: FIXTURE_TWIN_ID, kind: 'twin', twinOf: FIXTURE_CLAIM_ID, runs: 4, failingSeeds: [] },
    ]);
    expect(summary.crashedFiles).toEqual([{ file: 'properties/x.claim.ts', failingSeeds: [104] }]);
  });

  it('separates complete from incomplete seeds', () => {
    expect(summary.seeds).toEqual({ requested: [101, 102, 103, 104, 105], complete: [101, 102, 103, 104], incomplete: [105] });
    expect(summary.runs.map((r) => r.seed)).toEqual([101, 102, 103, 104]);
    expect(summary.runs[3].failures).toEqual(['properties/x.claim.ts (crashed)']);
  });

  it('gives the family-wise count with its exact Clopper–Pearson 95% interval (oracle: R binom.test)', () => {
    const f = summary.familyWise;
    expect([f.failures, f.runs, f.budget, f.level]).toEqual([2, 4, 1e-3, 0.95]);
    // R 4.x: binom.test(2, 4)$conf.int = 0.06758599 0.93241401
    expect(f.lower).toBeCloseTo(0.06758599, 7);
    expect(f.upper).toBeCloseTo(0.93241401, 7);
    expect(f.expectedAtBudget).toBeCloseTo(4e-3, 15);
    expect(f.aboveBudget).toBe(true);
  });

  it('zero failures in 30 runs: interval [0, 1 − 0.025^{1/30}] contains the budget', () => {
    const s = aggregateSweep(
      Array.from({ length: 30 }, (_, i) => passing(i + 1)),
      Array.from({ length: 30 }, (_, i) => i + 1),
      'gate',
    );
    expect(s.familyWise.failures).toBe(0);
    expect(s.familyWise.lower).toBe(0);
    expect(s.familyWise.upper).toBeCloseTo(1 - Math.pow(0.025, 1 / 30), 12); // 0.1157
    expect(s.familyWise.aboveBudget).toBe(false);
  });

  it('summarises the reports’ summed actual rates and calibration warnings', () => {
    expect(summary.actualRate).toEqual({ mean: (8e-4 + 8e-4 + 7e-4 + 9.5e-4) / 4, min: 7e-4, max: 9.5e-4, runs: 4 });
    expect(summary.maxCalibrationWarnings).toBe(2);
  });

  it('has no interval, no rate and no warning count without a complete run', () => {
    const s = aggregateSweep([], [1, 2], 'gate');
    expect(s.familyWise.lower).toBeNull();
    expect(s.familyWise.upper).toBeNull();
    expect(s.actualRate).toBeNull();
    expect(s.maxCalibrationWarnings).toBeNull();
    expect(s.seeds.incomplete).toEqual([1, 2]);
  });

  it('refuses runs that state different budgets, naming them', () => {
    const other = run(7, [fixtureClaim()], { alphaBudget: { ...header(7).alphaBudget, total: 1e-2 } });
    expect(() => aggregateSweep([passing(6), other], [6, 7], 'gate')).toThrow(
      'aggregateSweep: the runs\' reports state different budgets (alphaBudget.total): 0.001 (seeds 6); 0.01 (seeds 7)',
    );
  });
});

describe('renderSweepMarkdown', () => {
  const md = renderSweepMarkdown(aggregateSweep([passing(101), passing(102), passing(103)], [101, 102, 103, 104], 'gate'), 'npm run sweep -- --seeds 4 --start 101');

  it('shows the command, the seeds and the incomplete ones', () => {
    expect(md).toContain('# Seed sweep: gate tier, 3 run(s)');
    expect(md).toContain('Command: `npm run sweep -- --seeds 4 --start 101`');
    expect(md).toContain('Seeds: 101 … 103; ⚠ incomplete (no report, not counted): 104.');
  });

  it('prints the family-wise row next to the budget', () => {
    // 0 of 3: Clopper–Pearson upper bound 1 − 0.025^{1/3} = 0.7076.
    expect(md).toContain('| 3 | 0 | 0 | [0, 0.7076] | 1e-3 | 0.003000 | consistent with the budget (the interval contains it) |');
    expect(md).toContain('only after 3688 runs');
  });

  it('prints a row per claim and twin and the reports’ accounting', () => {
    expect(md).toContain(`| \`${FIXTURE_CLAIM_ID}\` | claim | 0 | 3 | — |`);
    expect(md).toContain(`| \`${FIXTURE_TWIN_ID}\` | twin | 0 | 3 | — |`);
    expect(md).toContain('mean 8e-4, range [8e-4, 8e-4] over 3 run(s)');
    expect(md).toContain('Calibration warnings: at most 0 in a run.');
  });
});
