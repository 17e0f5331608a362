import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildReport } from './build';
import { formatAlpha, formatDuration, formatInterval, formatLevel, formatNumber, formatPercent } from './format';
import { deviationScore, renderMarkdown, worstConfigIndex, writeMarkdownReport } from './markdown-writer';
import type { PropertyRecord, Report } from './schema';
import { FIXTURE_CLAIM_ID, FIXTURE_TWIN_ID, fixtureClaim, fixtureFailingClaim, fixtureTwin } from './test-fixtures';

function report(records: PropertyRecord[], extra: Partial<Parameters<typeof buildReport>[0]> = {}): Report {
  return buildReport({
    runId: '20250101-120000-seed20181203',
    startedAt: new Date(Date.UTC(2025, 0, 1, 12, 0, 0)),
    wallTimeMs: 83_400,
    masterSeed: 20181203,
    freshSeed: false,
    profile: 'gate',
    gitCommit: '0123456789abcdef0123456789abcdef01234567-dirty',
    alphaTotal: 1e-3,
    records,
    jest: { numPassedTests: 7, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1, testResults: [] },
    rootDir: '/repo',
    ...extra,
  });
}

/** The line of the claims table that starts with the claim id. */
function row(md: string, id: string): string {
  const line = md.split('\n').find((l) => l.startsWith(`| ${id} |`));
  if (line === undefined) throw new Error(`no table row for ${id}`);
  return line;
}

/** The text of a `## ` section (up to the next `## ` heading). */
function section(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

describe('number formatting', () => {
  test('4 significant digits, scientific below 1e-3 and from 1e5', () => {
    expect(formatNumber(1)).toBe('1.000');
    expect(formatNumber(0.975)).toBe('0.9750');
    expect(formatNumber(12.3456)).toBe('12.35');
    expect(formatNumber(12345.6)).toBe('12350');
    expect(formatNumber(99999.9)).toBe('1.000e+5');
    expect(formatNumber(123456)).toBe('1.235e+5');
    expect(formatNumber(0.001234)).toBe('0.001234');
    expect(formatNumber(0.0001234)).toBe('1.234e-4');
    expect(formatNumber(-2.5e-7)).toBe('-2.500e-7');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(null)).toBe('—');
  });

  test('α is scientific; intervals print open bounds; durations and levels', () => {
    expect(formatAlpha(1e-3)).toBe('1e-3');
    expect(formatAlpha(2.5e-5)).toBe('2.5e-5');
    expect(formatAlpha(1.23456e-4)).toBe('1.235e-4');
    expect(formatAlpha(0.05)).toBe('5e-2');
    expect(formatInterval({ lower: null, upper: 1.5 })).toBe('[−∞, 1.500]');
    expect(formatPercent(0.012, true)).toBe('+1.200%');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(83_400)).toBe('1 min 23.4 s');
    expect(formatLevel(0.95)).toBe('95%');
    expect(formatLevel(0.99999)).toBe('1 − 1e-5');
  });
});

describe('worst configuration', () => {
  test('ranks by |estimate − prediction| / CI half-width, rejected first', () => {
    const [c1, c2] = fixtureClaim().configs;
    expect(deviationScore(c1)).toBeCloseTo(0.01 / 0.03, 10);
    expect(deviationScore(c2)).toBeCloseTo(0.025 / 0.026, 10);
    expect(worstConfigIndex([c1, c2])).toBe(1);
    expect(worstConfigIndex([{ ...c1, verdict: 'rejected' }, c2])).toBe(0);
    expect(worstConfigIndex([])).toBe(-1);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(report([fixtureClaim(), fixtureTwin()]));

  test('header table carries the run fields', () => {
    expect(md.startsWith('# theorycheck report — 20250101-120000-seed20181203\n')).toBe(true);
    expect(md).toContain('| Master seed | 20181203 |');
    expect(md).toContain('| Fresh seed? | no |');
    expect(md).toContain('| Profile | gate |');
    expect(md).toContain('| Backend(s) | cpu |');
    expect(md).toContain('| Versions | @tensorflow/tfjs 4.22.0, node v20.20.2 |');
    expect(md).toContain('| Git commit | 0123456789abcdef0123456789abcdef01234567-dirty |');
    // allocated = 2e-5 (claim) + 1e-5 (twin); assertions = 2 + 1 configurations.
    expect(md).toContain('| α budget (total / allocated / #assertions) | 1e-3 / 3e-5 (3.000% of total) / 3 |');
    expect(md).toContain('| Wall time | 1 min 23.4 s |');
    expect(md).toContain('| Tests (jest) | 7 passed, 1 failed, 3 skipped |');
  });

  test('the header sums the actual false-failure rates and counts calibration warnings', () => {
    // Claim: cfg 1 bounded at 4e-6 (exact), cfg 2 unbounded (counted at its α 1e-5) and warned; twin: miss rate 1 − 0.999999.
    const claim = fixtureClaim();
    claim.configs[0] = { ...claim.configs[0], falseFailure: { rate: 4e-6, method: 'exact' } };
    claim.configs[1] = { ...claim.configs[1], calibrationWarning: 'CALIBRATION WARNING: too heavy-tailed' };
    const r = report([claim, fixtureTwin()]);
    expect(r.header.alphaBudget.actual).toBeCloseTo(4e-6 + 1e-5 + 1e-6, 15);
    expect(r.header.alphaBudget.unbounded).toBe(1);
    expect(r.header.alphaBudget.calibrationWarnings).toBe(1);
    const text = renderMarkdown(r);
    expect(text).toContain('| Actual false-failure rate (sum) | 1.5e-5 — 1 of 3 assertions without a bound (counted at their nominal α) |');
    expect(text).toContain('| Calibration warnings | 1 ⚠ (must be 0 in the gate and full profiles) |');
    expect(row(text, FIXTURE_CLAIM_ID)).toContain('✅ pass: consistent in 2/2 ⚠ calibration warning in 1/2');
  });

  test('a twin without a declared alternative does not claim power', () => {
    const twin = fixtureTwin();
    twin.configs = twin.configs.map((c) => {
      const copy = { ...c };
      delete copy.power;
      return copy;
    });
    expect(renderMarkdown(report([fixtureClaim(), twin]))).toContain('rejected ✅ (power not computed: no alternative declared)');
  });

  test('an automatic fallback of the backend is shown, never silent', () => {
    const engine = { backend: 'cpu', versions: { node: 'v20.20.2' }, fallback: 'wasm: setBackend returned false' };
    const withFallback = renderMarkdown(report([fixtureClaim({ engine })]));
    expect(withFallback).toContain('| Backend(s) | cpu ⚠ automatic fallback (wasm: setBackend returned false) |');
  });

  test('has a "How to read" paragraph explaining the columns', () => {
    const how = section(md, 'How to read');
    for (const word of ['estimate', 'CI', 'prediction', 'verdict', 'reject twin', 'Min detectable', '99% power', 'budget']) {
      expect(how).toContain(word);
    }
  });

  test('one row per claim: paper, provenance, configs, n range, worst config, verdict, twins', () => {
    const claims = section(md, 'Claims');
    const line = row(claims, FIXTURE_CLAIM_ID);
    expect(line).toContain('| Mean squared length is preserved at He init |');
    expect(line).toContain('| Fixture & Example 2018, Thm 5 |');
    expect(line).toContain('| P |');
    expect(line).toContain('| 2 | 100–200 |');
    expect(line).toContain('worst (cfg 2/2): 0.9750 [0.9500, 1.001] vs 1.000 (-2.500%)');
    expect(line).toContain('≤ 8.100% @ 99% power');
    expect(line).toContain('✅ pass: consistent in 2/2');
    expect(line).toContain('~he-1.8: rejected ✅ (design-time power 1.000 against 0.4300)');
    // Twins are not claim rows.
    expect(claims).not.toContain(`| ${FIXTURE_TWIN_ID} |`);
  });

  test('twins table and per-claim detail sections with a per-config sub-table', () => {
    const twins = section(md, 'Reject twins');
    expect(row(twins, FIXTURE_TWIN_ID)).toContain(`| ${FIXTURE_CLAIM_ID} | weights drawn with variance 1.8/fan_in |`);
    const details = section(md, 'Properties in detail');
    expect(details).toContain(`### ${FIXTURE_CLAIM_ID} — Mean squared length is preserved at He init`);
    expect(details).toContain(`### ${FIXTURE_TWIN_ID} — Twin: gain 1.8 instead of 2`);
    expect(details).toMatch(/\| 1 \| `\{"depth":10,"width":32\}` \| 1234 \| 100 \| 1\.010 \| \[0\.9800, 1\.040\] \| 1 − 1e-5 \| 1\.000 \| \+1\.000% \| 1e-5 \| 0\.5100 \|/);
    expect(details).toMatch(/\| 2 \| `\{"depth":20,"width":8\}` \| 5678 \| 200 \| 0\.9750 \|/);
    expect(details).toContain('- cfg 2: coverage error of the t interval estimated below 1e-4');
    expect(section(md, 'Failures')).toContain('None.');
  });

  test('a twin that was not rejected shows "NOT rejected ❌" and appears under Failures', () => {
    const weak = fixtureTwin({ verdict: 'fail', failure: 'twin he-1.8 was not rejected', configs: [{ ...fixtureTwin().configs[0], verdict: 'consistent' }] });
    const out = renderMarkdown(report([fixtureClaim(), weak]));
    expect(row(section(out, 'Claims'), FIXTURE_CLAIM_ID)).toContain('~he-1.8: NOT rejected ❌');
    const failures = section(out, 'Failures');
    expect(failures).toContain(`### ${FIXTURE_TWIN_ID} (reject twin NOT rejected)`);
    expect(failures).toContain('twin he-1.8 was not rejected');
  });

  test('Failures section has the failure message and the replay line in code blocks', () => {
    const failing = fixtureFailingClaim();
    const out = renderMarkdown(report([fixtureClaim(), fixtureFailingClaim()]));
    expect(row(section(out, 'Claims'), failing.claimId)).toContain('❌ FAIL: rejected in 1/2');
    expect(row(section(out, 'Claims'), failing.claimId)).toContain('worst (cfg 2/2): 0.5000 [0.4800, 0.5200] vs 1.000 (-50.00%)');
    const failures = section(out, 'Failures');
    expect(failures).toContain(`### ${failing.claimId}\n\n\`\`\`\n${failing.failure}\n\`\`\``);
    expect(failures).toContain(`Replay:\n\n\`\`\`sh\n${failing.replay}\n\`\`\``);
    expect(failures).not.toContain(`### ${FIXTURE_CLAIM_ID}\n`);
  });

  test('crashed test files and failing jest tests are listed under Failures', () => {
    const out = renderMarkdown(
      report([], {
        jest: {
          numPassedTests: 0,
          numFailedTests: 1,
          numPendingTests: 0,
          testResults: [
            { testFilePath: '/repo/theorems/a.test.ts', testExecError: { message: 'boom' }, failureMessage: '\u001b[1m● Test suite failed to run\u001b[22m\n\n    boom', numFailingTests: 0, testResults: [] },
            { testFilePath: '/repo/theorems/b.test.ts', numFailingTests: 1, testResults: [{ fullName: 'b fails', status: 'failed' }] },
          ],
        },
      }),
    );
    expect(out).toContain('| Tests (jest) | 0 passed, 2 failed, 0 skipped (incl. 1 test file that crashed) |');
    expect(out).toContain('_No claim records were written in this run._');
    const failures = section(out, 'Failures');
    expect(failures).toContain('- `theorems/a.test.ts`\n\n```\n● Test suite failed to run\n\n    boom\n```');
    expect(failures).toContain('- `theorems/b.test.ts`: b fails');
  });

  test('table cells escape pipes; writeMarkdownReport writes report.md', () => {
    const piped = fixtureClaim({ title: 'a | b' });
    const out = renderMarkdown(report([piped]));
    expect(row(out, FIXTURE_CLAIM_ID)).toContain('| a \\| b |');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'theorycheck-md-'));
    try {
      const file = writeMarkdownReport(report([piped]), dir);
      expect(file).toBe(path.join(dir, 'report.md'));
      expect(fs.readFileSync(file, 'utf8')).toBe(out);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reproduction rows', () => {
  const row = { claim: FIXTURE_CLAIM_ID, setting: 'a 2-D input', paper: 'counts do not grow', ours: { slope: 0.1893 }, verdict: 'not reproduced' as const, why: 'collapse | at small biases' };

  test('collected from figures.reproduction, counted in the header apart from claims, and tabled', () => {
    const r = report([fixtureClaim({ figures: { reproduction: row } }), fixtureTwin()]);
    expect(r.reproductions).toEqual([row]);
    expect(r.header.reproductions).toEqual({ total: 1, reproduced: 0, notReproduced: 1, notComparable: 0 });
    const md = renderMarkdown(r);
    expect(md).toContain('| Reproduction rows (apart from claims) | 1: 0 reproduced, 1 not reproduced, 0 not comparable |');
    const s = section(md, 'Reproduction rows');
    expect(s).toContain('| **not reproduced** | collapse \\| at small biases |');
    expect(s).toContain('{"slope":0.1893}');
  });

  test('rows of single configurations (figures.perConfig[i].reproduction) are collected after the claim-level ones', () => {
    const perConfig = { ...row, setting: 'configuration 2', verdict: 'reproduced' as const };
    const r = report([fixtureClaim({ figures: { reproduction: row, perConfig: [{ config: {} }, { config: {}, reproduction: [perConfig] }] } })]);
    expect(r.reproductions).toEqual([row, perConfig]);
    expect(r.header.reproductions).toEqual({ total: 2, reproduced: 1, notReproduced: 1, notComparable: 0 });
  });

  test('no rows, no section; a malformed row is an error naming the claim', () => {
    const plain = report([fixtureClaim()]);
    expect(plain.reproductions).toBeUndefined();
    expect(renderMarkdown(plain)).not.toContain('## Reproduction rows');
    expect(() => report([fixtureClaim({ figures: { reproduction: { ...row, verdict: 'maybe' } } })])).toThrow(new RegExp(`${FIXTURE_CLAIM_ID.replace(/\./g, '\\.')}: figures.reproduction needs .* a verdict in reproduced \\| not reproduced \\| not comparable`));
  });
});
