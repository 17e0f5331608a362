import { buildReport } from './build';
import { compareReports, halfWidth, renderComparison } from './compare';
import type { PropertyRecord, Report } from './schema';
import { FIXTURE_CLAIM_ID, fixtureClaim, fixtureTwin } from './test-fixtures';

function report(records: PropertyRecord[], runId = '20250101-120000-seed20181203'): Report {
  return buildReport({
    runId,
    startedAt: new Date(Date.UTC(2025, 0, 1, 12, 0, 0)),
    wallTimeMs: 1000,
    masterSeed: 20181203,
    freshSeed: false,
    profile: 'gate',
    gitCommit: 'abc',
    alphaTotal: 1e-3,
    records,
    jest: { numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] },
    rootDir: '/repo',
  });
}

describe('compare: two reports, per property the verdict change and the interval shifts', () => {
  test('a run against itself: nothing moved, every half-width ratio 1', () => {
    const r = report([fixtureClaim(), fixtureTwin()]);
    const c = compareReports(r, r);
    expect(c.moved).toEqual([]);
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
    expect(c.shifts.map((s) => s.maxHalfWidthRatio)).toEqual([1, 1]);
    expect(c.shifts.flatMap((s) => s.configs.map((x) => x.shift))).toEqual([0, 0, 0]);
    expect(renderComparison(c)).toContain('No property moved.');
  });

  test('a run under a fault: the rejected claim and the shifted estimate are named, with reasons', () => {
    const before = report([fixtureClaim(), fixtureTwin()]);
    const base = fixtureClaim();
    const faulty: PropertyRecord = {
      ...base,
      verdict: 'fail',
      configs: [base.configs[0], { ...base.configs[1], estimate: 0.5, interval: { lower: 0.48, upper: 0.52, level: 0.99999 }, verdict: 'rejected' }],
    };
    const after = report([faulty, fixtureTwin()], '20250101-130000-seed20181203');
    const c = compareReports(before, after);
    expect(c.moved).toEqual([FIXTURE_CLAIM_ID]);
    const s = c.shifts[0];
    expect(s.reasons).toEqual(['verdict pass → fail', 'configuration 1: consistent → rejected']);
    expect(s.configs[1].halfWidthRatio).toBeCloseTo(0.02 / 0.0255, 12);
    expect(s.configs[1].shift).toBeLessThan(-1);
    const md = renderComparison(c);
    expect(md).toContain(`1 property moved:`);
    expect(md).toContain(`- \`${FIXTURE_CLAIM_ID}\` (claim): verdict pass → fail; configuration 1: consistent → rejected`);
  });

  test('configurations are matched by their generated configuration, then by position; added and removed properties are listed', () => {
    const base = fixtureClaim();
    const reordered = { ...base, configs: [base.configs[1], { ...base.configs[0], estimate: base.configs[0].estimate + 10 }] };
    const c = compareReports(report([base]), report([reordered, fixtureTwin()]));
    expect(c.added).toEqual([fixtureTwin().claimId]);
    expect(c.shifts[0].configs[1].shift).toBe(0); // matched by config, not position
    expect(c.shifts[0].reasons[0]).toMatch(/^configuration 0: estimate shifted \d+\.\d\d combined half-widths$/);
    expect(compareReports(report([base, fixtureTwin()]), report([base])).removed).toEqual([fixtureTwin().claimId]);
  });

  test('half-width: two-sided, one-sided (null end), none', () => {
    expect(halfWidth({ estimate: 1, interval: { lower: 0.5, upper: 2, level: 0.9 } })).toBe(0.75);
    expect(halfWidth({ estimate: 1, interval: { lower: null as unknown as number, upper: 1.5, level: 0.9 } })).toBe(0.5);
    expect(halfWidth({ estimate: 1, interval: { lower: 0.2, upper: Infinity, level: 0.9 } })).toBe(0.8);
    expect(halfWidth({ estimate: 1, interval: { lower: -Infinity, upper: Infinity, level: 0.9 } })).toBeNull();
  });
});
