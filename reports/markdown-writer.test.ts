import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildReport } from './build';
import { formatAlpha, formatDuration, formatInterval, formatLevel, formatNumber, formatPercent, impliedRange, PROPORTION } from './format';
import { configText, decisionRule, deviationScore, effectiveRelation, mergeNotes, renderMarkdown, ruleMargin, ruleText, worstConfigIndex, writeMarkdownReport } from './markdown-writer';
import type { ConfigResult, PropertyRecord, Relation, Report } from './schema';
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

/** The line of a table that starts with the id. */
function row(md: string, id: string): string {
  const line = md.split('\n').find((l) => l.startsWith(`| ${id} |`));
  if (line === undefined) throw new Error(`no table row for ${id}`);
  return line;
}

/** The text of a `## ` section whose heading starts with `title` (up to the next `## ` heading). */
function section(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

/** The `## ` section of the paper with this key (its heading ends with `(key)`; records without one: 'unknown'). */
function paper(md: string, key: string): string {
  const end = key === 'unknown' ? '(records without a paper key)' : `(${key})`;
  const heading = md.split('\n').find((l) => l.startsWith('## ') && l.endsWith(end));
  if (heading === undefined) throw new Error(`no section for paper ${key}`);
  return section(md, heading.slice(3));
}

/** The `### ` subsection of a claim (up to the next `### ` or `## ` heading). */
function detail(md: string, id: string): string {
  const start = md.indexOf(`\n### ${id} — `);
  if (start < 0) throw new Error(`no detail section for ${id}`);
  const next = md.slice(start + 1).search(/\n##/);
  return md.slice(start, next < 0 ? undefined : start + 1 + next);
}

const config = (overrides: Partial<ConfigResult>): ConfigResult => ({ ...fixtureClaim().configs[0], notes: undefined, ...overrides });

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

  test('α is scientific; durations and levels', () => {
    expect(formatAlpha(1e-3)).toBe('1e-3');
    expect(formatAlpha(2.5e-5)).toBe('2.5e-5');
    expect(formatAlpha(1.23456e-4)).toBe('1.235e-4');
    expect(formatAlpha(0.05)).toBe('5e-2');
    expect(formatPercent(0.012, true)).toBe('+1.200%');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(83_400)).toBe('1 min 23.4 s');
    expect(formatLevel(0.95)).toBe('95%');
    expect(formatLevel(0.99999)).toBe('1 − 1e-5');
  });
});

describe('intervals', () => {
  test('two bounds print as [L, U]; one-sided intervals of an unbounded quantity as [L, ∞) / (−∞, U]', () => {
    expect(formatInterval({ lower: 0.95, upper: 1.001 })).toBe('[0.9500, 1.001]');
    expect(formatInterval({ lower: 0.93, upper: null })).toBe('[0.9300, ∞)');
    expect(formatInterval({ lower: 0.93, upper: Infinity })).toBe('[0.9300, ∞)');
    expect(formatInterval({ lower: null, upper: 1.5 })).toBe('(−∞, 1.500]');
    expect(formatInterval({ lower: -Infinity, upper: -0.2551 })).toBe('(−∞, -0.2551]');
    expect(formatInterval({ lower: null, upper: null })).toBe('(−∞, ∞)');
    // A finite bound below 0 is a real bound when nothing says the quantity is a probability.
    expect(formatInterval({ lower: -0.837, upper: 0.896 })).toBe('[-0.8370, 0.8960]');
  });

  test('a probability prints its one bound (≤ U / ≥ L), a bound past [0, 1] counting as none: never a bare −∞', () => {
    expect(formatInterval({ lower: null, upper: 0.21 }, PROPORTION)).toBe('≤ 0.2100');
    expect(formatInterval({ lower: -Infinity, upper: 0.21 }, PROPORTION)).toBe('≤ 0.2100');
    expect(formatInterval({ lower: -0.04, upper: 0.21 }, PROPORTION)).toBe('≤ 0.2100');
    expect(formatInterval({ lower: 0.93, upper: null }, PROPORTION)).toBe('≥ 0.9300');
    expect(formatInterval({ lower: 0.93, upper: 1.2 }, PROPORTION)).toBe('≥ 0.9300');
    expect(formatInterval({ lower: 0, upper: 0.2028 }, PROPORTION)).toBe('[0, 0.2028]');
    expect(formatInterval({ lower: null, upper: 1.3 }, PROPORTION)).toBe('no bound');
    expect(formatInterval({ lower: null, upper: -0.2551 }, [-1, 1])).toBe('≤ -0.2551');
  });

  test('impliedRange: a probability when told, or when a one-sided interval and its estimate lie in [0, 1]', () => {
    expect(impliedRange(0.5, { lower: null, upper: 0.6 })).toBe(PROPORTION);
    expect(impliedRange(0.5, { lower: 0.45, upper: Infinity })).toBe(PROPORTION);
    expect(impliedRange(0.5, { lower: 0.4, upper: 0.6 })).toBeUndefined();
    expect(impliedRange(0.03, { lower: -0.837, upper: 0.896 })).toBeUndefined();
    expect(impliedRange(55.7, { lower: 51.8, upper: null })).toBeUndefined();
    expect(impliedRange(0.98, { lower: null, upper: 1.02 })).toBeUndefined();
    expect(impliedRange(3, { lower: 1, upper: 4 }, [-1, 1])).toEqual([-1, 1]);
  });
});

describe('decision rules', () => {
  const rules: [Relation, string][] = [
    [{ kind: 'equals', value: 1 }, '= 1.000'],
    [{ kind: 'atMost', value: 0.25 }, '≤ 0.2500'],
    [{ kind: 'atLeast', value: 0.9 }, '≥ 0.9000'],
    [{ kind: 'atLeast', value: 0.9, sequential: { alternative: 0.75, nMin: 200, batch: 100, nMax: 600 } }, '≥ 0.9000 (sequential, against 0.7500)'],
    [{ kind: 'within', value: 1, resolution: 0.15, axis: 'log' }, 'exponent within ± 0.1500 of 1.000'],
    [{ kind: 'within', value: Math.log(2), resolution: 0.1, axis: 'linear' }, 'log-slope within ± 0.1000 of 0.6931 (factor ×/÷ 1.105 of 2.000 per unit of x)'],
    [{ kind: 'shownBelow', value: 0 }, 'shown < 0'],
    [{ kind: 'shownBelow', value: 0, minEffect: 0.2 }, 'shown < 0, smallest effect 0.2000'],
    [{ kind: 'shownIncreasing', value: 0, minEffect: 0.05 }, 'shown increasing, smallest effect 0.05000'],
    [{ kind: 'nonDecreasing', value: 0 }, 'non-decreasing'],
    [{ kind: 'shownStepsIncrease', value: 0 }, 'every step shown to rise'],
    [{ kind: 'distributed', law: 'binomial', trials: 12, p: 0.5, value: 6 }, 'Binomial(12, ½)'],
    [{ kind: 'distributed', law: 'binomial', trials: 4, p: 0.3, value: 1.2 }, 'Binomial(4, 0.3000)'],
    [{ kind: 'implication', antecedent: 'success', consequent: 'trainable', value: 0 }, 'success ⇒ trainable'],
  ];
  test.each(rules)('%j → %s', (relation, text) => {
    expect(decisionRule(relation)).toBe(text);
  });

  test('the margin: relative deviation only for "= v" with v ≠ 0 and a CI away from 0; slack for bounds; inside/outside for bands', () => {
    expect(ruleMargin(1.012, { kind: 'equals', value: 1 }, { lower: 0.99, upper: 1.03 })).toBe('+1.200%');
    expect(ruleMargin(0.03, { kind: 'equals', value: 0 })).toBeNull();
    expect(ruleMargin(0.02603, { kind: 'equals', value: -0.01748 }, { lower: -0.1246, upper: 0.1767 })).toBe('off by +0.04351');
    expect(ruleMargin(0.2, { kind: 'atMost', value: 0.25 })).toBe('0.05000 below the bound');
    expect(ruleMargin(0.27, { kind: 'atMost', value: 0.25 })).toBe('0.02000 above the bound');
    expect(ruleMargin(0.95, { kind: 'atLeast', value: 0.9 })).toBe('0.05000 above the bound');
    expect(ruleMargin(0.9, { kind: 'atLeast', value: 0.9 })).toBe('at the bound');
    expect(ruleMargin(1.1, { kind: 'within', value: 1, resolution: 0.15, axis: 'log' })).toBe('inside the band');
    expect(ruleMargin(1.5, { kind: 'within', value: 1, resolution: 0.15, axis: 'log' })).toBe('0.3500 outside the band');
    expect(ruleMargin(-0.32, { kind: 'shownBelow', value: 0, minEffect: 0.2 })).toBeNull();
    expect(ruleMargin(4.2, { kind: 'distributed', law: 'binomial', trials: 6, p: 0.5, value: 3 })).toBeNull();
    expect(ruleMargin(0, { kind: 'implication', antecedent: 'A', consequent: 'B', value: 0 })).toBeNull();
  });

  test('a bound with slack shows the slack, never a relative deviation', () => {
    const c = config({ estimate: 0.05324, interval: { lower: 0.05191, upper: Infinity, level: 0.99999 }, prediction: 0.2541, relation: { kind: 'atMost', value: 0.2541 } });
    expect(ruleText(c)).toBe('≤ 0.2541 (0.2009 below the bound)');
    expect(ruleText(c)).not.toContain('%');
  });

  test('a rule that ends in parentheses takes its margin inside them', () => {
    const c = config({ estimate: 0.945, prediction: 0.9, relation: { kind: 'atLeast', value: 0.9, sequential: { alternative: 0.75, nMin: 200, batch: 100, nMax: 600 } } });
    expect(ruleText(c)).toBe('≥ 0.9000 (sequential, against 0.7500; 0.04500 above the bound)');
  });

  test('records without a relation (before 1.2.0) fall back to the test\'s sides', () => {
    const c = { estimate: 0.5, prediction: 0.4 };
    expect(effectiveRelation(c, 'two-sided')).toEqual({ kind: 'equals', value: 0.4 });
    expect(effectiveRelation(c, 'lower')).toEqual({ kind: 'atMost', value: 0.4 });
    expect(effectiveRelation(c, 'upper')).toEqual({ kind: 'atLeast', value: 0.4 });
    expect(effectiveRelation({ ...c, relation: { kind: 'shownBelow', value: 0 } }, 'lower')).toEqual({ kind: 'shownBelow', value: 0 });
    expect(ruleText(c, 'lower')).toBe('≤ 0.4000 (0.1000 above the bound)');
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

  test('a bound on its allowed side scores 0; a demonstration is worst where its bound barely clears the value', () => {
    const slack = config({ estimate: 0.2, interval: { lower: 0.15, upper: Infinity, level: 0.99 }, prediction: 0.25, relation: { kind: 'atMost', value: 0.25 } });
    expect(deviationScore(slack)).toBe(0);
    const shown = (estimate: number, upper: number): ConfigResult =>
      config({ estimate, interval: { lower: -Infinity, upper, level: 0.99 }, prediction: 0, relation: { kind: 'shownBelow', value: 0 } });
    expect(deviationScore(shown(-0.32, -0.26))).toBeCloseTo(0.06 / 0.32, 10);
    expect(worstConfigIndex([shown(-0.32, -0.26), shown(-0.1, -0.01)])).toBe(1);
    expect(deviationScore(shown(0.1, 0.2))).toBe(Infinity);
    const band = config({ estimate: 1.1, interval: { lower: 1.0, upper: 1.2, level: 0.99 }, prediction: 1, relation: { kind: 'within', value: 1, resolution: 0.15, axis: 'log' } });
    expect(deviationScore(band)).toBe(0);
  });
});

describe('configurations and notes', () => {
  test('configurations print as key=value, numbers to 4 significant digits, long arrays cut', () => {
    expect(configText({ width: 32, depth: 10 })).toBe('depth=10 width=32');
    expect(configText({ init: { law: 'gaussian', variance: { preset: 'he' } }, label: 'two words' })).toBe('init={law=gaussian,variance={preset=he}} label="two words"');
    expect(configText({ u: [0.17279999999999998, -0.1514, 0.06069, 0.1, 0.2, 0.3, 0.4], widths: [8, 48, 48, 48, 48, 48, 48] })).toBe('u=[0.1728,-0.1514,0.06069,…7] widths=[8,48,48,48,48,48,48]');
    expect(configText({})).toBe('{}');
  });

  test('notes that differ only in numbers merge across configurations; others stay one per line', () => {
    const lines = mergeNotes([
      { label: 'cfg 1', notes: ['skewness 1.15, excess kurtosis 3.1 (target α/4 = 1.07e-6)', 'pinned 389/512 = 0.7598'] },
      { label: 'cfg 2', notes: ['skewness 0.28, excess kurtosis 3.1 (target α/4 = 1.07e-6)', 'pinned 438/512 = 0.8555'] },
    ]);
    expect(lines).toEqual([
      '- cfg 1, cfg 2: skewness 1.15 / 0.28, excess kurtosis 3.1 (target α/4 = 1.07e-6)',
      '- cfg 1: pinned 389/512 = 0.7598',
      '- cfg 2: pinned 438/512 = 0.8555',
    ]);
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
    expect(renderMarkdown(report([fixtureClaim(), twin]))).toContain('| ~he-1.8 | Twin: gain 1.8 instead of 2: weights drawn with variance 1.8/fan_in |');
    expect(renderMarkdown(report([fixtureClaim(), twin]))).not.toContain('design-time power');
  });

  test('an automatic fallback of the backend is shown, never silent', () => {
    const engine = { backend: 'cpu', versions: { node: 'v20.20.2' }, fallback: 'wasm: setBackend returned false' };
    const withFallback = renderMarkdown(report([fixtureClaim({ engine })]));
    expect(withFallback).toContain('| Backend(s) | cpu ⚠ automatic fallback (wasm: setBackend returned false) |');
  });

  test('has a "How to read" text explaining the columns and the decision rules', () => {
    const how = section(md, 'How to read');
    for (const word of ['estimate', 'CI', 'rule', '`= v`', '`≤ v`', 'shown < v', 'Binomial(N, p)', 'A ⇒ B', 'slack', 'relative deviation', 'verdict', 'reject twin', 'Min detectable', '99% power', 'budget', '≤ upper']) {
      expect(how).toContain(word);
    }
  });

  test('one row per claim: id, title, provenance, configs, n range, worst configuration with its rule, verdict, twins', () => {
    const claims = paper(md, 'unknown');
    const line = row(claims, FIXTURE_CLAIM_ID);
    expect(line).toContain('| Mean squared length is preserved at He init |');
    expect(line).toContain('| P |');
    expect(line).toContain('| 2 | 100–200 |');
    // A record without a relation (before 1.2.0): the two-sided test reads as "= prediction".
    expect(line).toContain('| worst (cfg 2/2): 0.9750 [0.9500, 1.001] | = 1.000 (-2.500%) |');
    expect(line).toContain('✅ pass: consistent in 2/2');
    expect(line).toContain('| ~he-1.8 ✅ |');
    // Twins are not claim rows.
    expect(claims).not.toContain(`| ${FIXTURE_TWIN_ID} |`);
  });

  test('per-claim detail: the per-configuration table with rules, merged notes, replay line, then the twins', () => {
    const d = detail(md, FIXTURE_CLAIM_ID);
    expect(d).toContain(`### ${FIXTURE_CLAIM_ID} — Mean squared length is preserved at He init`);
    expect(d).toContain('- Where: Thm 5');
    expect(d).toContain('- α: 2e-5 over 2 assertions (1e-5 each)');
    expect(d).toContain('| # | Config | n | Estimate | CI | Level | Rule | p | Min detectable (99% power) | Verdict |');
    expect(d).toContain('| 1 | `depth=10 width=32` | 100 | 1.010 | [0.9800, 1.040] | 1 − 1e-5 | = 1.000 (+1.000%) | 0.5100 | 5.200% | ✅ |');
    expect(d).toContain('| 2 | `depth=20 width=8` | 200 | 0.9750 | [0.9500, 1.001] | 1 − 1e-5 | = 1.000 (-2.500%) | 2.300e-4 | 8.100% | ✅ |');
    expect(d).toContain('- Outcomes: ok=100, overflow=0 in every configuration');
    expect(d).toContain('- cfg 2: coverage error of the t interval estimated below 1e-4');
    expect(d).toContain("```sh\nTHEORYCHECK_SEED=20181203 npx jest theorems/fix.test.ts -t 'mean length'\n```");
    expect(d).toContain(`Reject twins of ${FIXTURE_CLAIM_ID}:`);
    expect(row(d, '~he-1.8')).toContain('| 0.4200 [0.4000, 0.4400] | = 1.000 (-58.00%) | 1.000e-12 | 1.000 against 0.4300 | ✅ rejected |');
    expect(d).toContain("THEORYCHECK_MUTANT=he-1.8 npx jest theorems/fix.test.ts -t 'twin he-1.8'");
    expect(section(md, 'Failures')).toContain('None.');
  });

  test('grouped by paper, in byPaper\'s order; each paper has its claims table, reproduction rows and details', () => {
    const b = fixtureClaim({ claimId: 'FIXB2020.X.one', title: 'B claim', paperKey: 'b-paper', paper: { authors: 'Bee', year: 2020, title: 'Paper B', where: '§2' } });
    const a = fixtureClaim({ paperKey: 'a-paper' });
    const twin = fixtureTwin({ paperKey: 'a-paper' });
    const rowA = { claim: FIXTURE_CLAIM_ID, setting: 's', paper: 'p', verdict: 'reproduced' as const };
    const rowB = { claim: 'FIXB2020 headline', setting: 's', paper: 'p', verdict: 'not comparable' as const };
    const rowNone = { claim: 'OTHER2000 headline', setting: 's', paper: 'p', verdict: 'reproduced' as const };
    const out = renderMarkdown({ ...report([b, a, twin]), reproductions: [rowA, rowB, rowNone] });
    const headings = out.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Failures',
      '## How to read',
      '## Papers',
      '## Fixture & Example 2018: A fixture paper (a-paper)',
      '## Bee 2020: Paper B (b-paper)',
      '## Reproduction rows of no paper in this run',
    ]);
    const sa = paper(out, 'a-paper');
    expect(sa).toContain('Fixture & Example (2018). *A fixture paper*. arXiv:1801.00000.');
    expect(row(sa, FIXTURE_CLAIM_ID)).toContain('| ~he-1.8 ✅ |');
    expect(sa).toContain(`### Reproduction rows`);
    expect(sa).toContain(`| ${FIXTURE_CLAIM_ID} | s | p | — | **reproduced** |  |`);
    expect(sa).not.toContain('FIXB2020');
    const sb = paper(out, 'b-paper');
    expect(row(sb, 'FIXB2020.X.one')).toContain('| B claim |');
    expect(row(sb, 'FIXB2020 headline')).toContain('| **not comparable** |');
    expect(sb).toContain('### FIXB2020.X.one — B claim');
    expect(row(section(out, 'Reproduction rows of no paper'), 'OTHER2000 headline')).toContain('| **reproduced** |');
    expect(row(section(out, 'Papers'), 'Fixture & Example 2018: A fixture paper (a-paper)')).toBe('| Fixture & Example 2018: A fixture paper (a-paper) | 1/1 | 1/1 | 1/1 reproduced |');
  });

  test('rules per relation kind in the tables; a one-sided interval of a probability is its bound, never −∞', () => {
    const pClaim = fixtureClaim({
      claimId: 'FIX2018.P.at-least',
      test: { name: 'P(unit = 1) is at least the prediction (lower bound)', method: 'one-sided Clopper–Pearson', sides: 'upper' },
      configs: [config({ estimate: 0.945, interval: { lower: -Infinity, upper: 0.963, level: 0.99999 }, prediction: 0.9, relation: { kind: 'atLeast', value: 0.9 } })],
    });
    const bound = fixtureClaim({
      claimId: 'FIX2018.B.bound',
      test: { name: 'true mean is at most the prediction (upper bound)', method: 'one-sided t', sides: 'lower' },
      configs: [config({ estimate: 55.75, interval: { lower: 51.82, upper: Infinity, level: 0.99999 }, prediction: 90.27, relation: { kind: 'atMost', value: 90.27 } })],
    });
    const shown = fixtureClaim({
      claimId: 'FIX2018.S.shown',
      test: { name: 'p(units) − p(reference) is shown to be below the prediction', method: 'Newcombe', sides: 'lower' },
      configs: [config({ estimate: -0.3193, interval: { lower: -Infinity, upper: -0.2551, level: 0.99999 }, prediction: 0, relation: { kind: 'shownBelow', value: 0, minEffect: 0.2 } })],
    });
    const law = fixtureClaim({
      claimId: 'FIX2018.L.law',
      configs: [config({ estimate: 2.011, interval: { lower: 1.965, upper: 2.056, level: 0.99999 }, prediction: 2, relation: { kind: 'distributed', law: 'binomial', trials: 4, p: 0.5, value: 2 } })],
    });
    const growth = fixtureClaim({
      claimId: 'FIX2018.G.growth',
      configs: [config({ estimate: 0.9994, interval: { lower: 0.9345, upper: 1.064, level: 0.99999 }, prediction: 1, relation: { kind: 'within', value: 1, resolution: 0.15, axis: 'log' } })],
    });
    const implication = fixtureClaim({
      claimId: 'FIX2018.I.implies',
      configs: [config({ estimate: 0, interval: { lower: 0, upper: 0.2028, level: 0.99999 }, prediction: 0, relation: { kind: 'implication', antecedent: 'success', consequent: 'trainable', value: 0 } })],
    });
    // JSON turns the infinities into null: the report read back from report.json prints the same.
    const r: Report = JSON.parse(JSON.stringify(report([pClaim, bound, shown, law, growth, implication])));
    const out = renderMarkdown(r);
    expect(row(out, 'FIX2018.P.at-least')).toContain('| 0.9450 (≤ 0.9630) | ≥ 0.9000 (0.04500 above the bound) |');
    expect(row(out, 'FIX2018.B.bound')).toContain('| 55.75 [51.82, ∞) | ≤ 90.27 (34.52 below the bound) |');
    expect(row(out, 'FIX2018.S.shown')).toContain('| -0.3193 (≤ -0.2551) | shown < 0, smallest effect 0.2000 |');
    expect(row(out, 'FIX2018.L.law')).toContain('| 2.011 [1.965, 2.056] | Binomial(4, ½) |');
    expect(row(out, 'FIX2018.G.growth')).toContain('| 0.9994 [0.9345, 1.064] | exponent within ± 0.1500 of 1.000 (inside the band) |');
    expect(row(out, 'FIX2018.I.implies')).toContain('| 0 [0, 0.2028] | success ⇒ trainable |');
    expect(detail(out, 'FIX2018.P.at-least')).toContain('| 0.9450 | ≤ 0.9630 | 1 − 1e-5 | ≥ 0.9000 (0.04500 above the bound) |');
    expect(out.replace(section(out, 'How to read'), '')).not.toContain('−∞');
    expect(out).not.toMatch(/below the bound\)[^|]*%/);
  });

  test('independence notes fold into one line; a rejected twin keeps its alternative, the rest of its notes stay in report.json', () => {
    const claim = fixtureClaim();
    claim.configs = claim.configs.map((c, i) => ({
      ...c,
      notes: [`independence (a): ${100 * (i + 1)} network fingerprints, 0 repeated; P(≥ 0) ≤ 1.00e+0 (level 2.61e-8)`, `skewness ${i + 1}.5, excess kurtosis 3.1`],
      independence: { rate: 1e-8, method: 'bound' },
    }));
    const twin = fixtureTwin();
    twin.configs = [{ ...twin.configs[0], notes: ['skewness 0.12, excess kurtosis -0.1', 'alternative: true value 0.43 (closed form: 0.9^d)'] }];
    const out = renderMarkdown(report([claim, twin]));
    const d = detail(out, FIXTURE_CLAIM_ID);
    expect(d).toContain('- cfg 1, 2: skewness 1.5 / 2.5, excess kurtosis 3.1');
    expect(d).toContain('- independence of the units: 2 tests on 2 configurations passed (false-failure rate ≤ 2e-8)');
    expect(d).not.toContain('network fingerprints');
    expect(d).toContain('- ~he-1.8: alternative: true value 0.43 (closed form: 0.9^d)');
    expect(d).not.toContain('skewness 0.12');
  });

  test('a twin whose claim has no record gets its own section', () => {
    const out = renderMarkdown(report([fixtureTwin()]));
    expect(out).toContain('### Reject twins without a claim record');
    expect(detail(out, FIXTURE_TWIN_ID)).toContain(`- Reject twin of: ${FIXTURE_CLAIM_ID} (no record of it in this run): weights drawn with variance 1.8/fan_in`);
    expect(out).toContain('_No claim records for this paper._');
  });

  test('a twin that was not rejected shows "NOT rejected ❌" and appears under Failures', () => {
    const weak = fixtureTwin({ verdict: 'fail', failure: 'twin he-1.8 was not rejected', configs: [{ ...fixtureTwin().configs[0], verdict: 'consistent' }] });
    const out = renderMarkdown(report([fixtureClaim(), weak]));
    expect(row(out, FIXTURE_CLAIM_ID)).toContain('~he-1.8 NOT rejected ❌');
    const failures = section(out, 'Failures');
    expect(failures).toContain(`### ${FIXTURE_TWIN_ID} (reject twin NOT rejected)`);
    expect(failures).toContain('twin he-1.8 was not rejected');
  });

  test('Failures come first, with the worst configuration, the failure message and the replay line', () => {
    const failing = fixtureFailingClaim();
    const out = renderMarkdown(report([fixtureClaim(), fixtureFailingClaim()]));
    expect(out.indexOf('\n## Failures\n')).toBeLessThan(out.indexOf('\n## How to read\n'));
    expect(out.indexOf('\n## Failures\n')).toBeLessThan(out.indexOf('\n## Papers\n'));
    expect(row(out, failing.claimId)).toContain('❌ FAIL: rejected in 1/2');
    expect(row(out, failing.claimId)).toContain('| worst (cfg 2/2): 0.5000 [0.4800, 0.5200] | = 1.000 (-50.00%) |');
    const failures = section(out, 'Failures');
    expect(failures).toContain(`### ${failing.claimId}\n\nWorst configuration (cfg 2/2): \`depth=20 width=8\`: 0.5000 [0.4800, 0.5200], rule = 1.000 (-50.00%).\n\n\`\`\`\n${failing.failure}\n\`\`\``);
    expect(failures).toContain(`Replay:\n\n\`\`\`sh\n${failing.replay}\n\`\`\``);
    expect(failures).not.toContain(`### ${FIXTURE_CLAIM_ID}\n`);
    expect(row(section(out, 'Papers'), 'Fixture & Example 2018 (records without a paper key)')).toContain('| 1/2 ❌ 1 failed |');
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
    // In its claim's paper section (records without a paper key: 'unknown').
    const s = paper(md, 'unknown');
    expect(s).toContain('### Reproduction rows');
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
