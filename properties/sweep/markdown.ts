/**
 * `sweep.md`: the sweep's table for people (the same numbers as `sweep.json`, see aggregate.ts).
 */
import { formatAlpha, formatDuration, formatInterval, formatLevel, formatNumber, inlineCode, table } from '../../reports/format';
import type { SweepSummary } from './aggregate';

const seedList = (seeds: readonly number[]): string => (seeds.length === 0 ? '—' : seeds.join(', '));

/** Seeds as `101 … 130` when consecutive, else listed. */
function seedRange(seeds: readonly number[]): string {
  if (seeds.length > 2 && seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1)) return `${seeds[0]} … ${seeds[seeds.length - 1]}`;
  return seedList(seeds);
}

function familyWiseSection(s: SweepSummary): string {
  const f = s.familyWise;
  const verdict =
    f.runs === 0
      ? 'no complete run'
      : f.aboveBudget
        ? '⚠ ABOVE BUDGET: the interval lies wholly above the budget'
        : f.upper !== null && f.upper <= f.budget
          ? 'within budget: the interval lies below the budget'
          : 'consistent with the budget (the interval contains it)';
  const rows = [
    [
      String(f.runs),
      String(f.failures),
      f.runs > 0 ? formatNumber(f.failures / f.runs) : '—',
      f.lower === null || f.upper === null ? '—' : formatInterval({ lower: f.lower, upper: f.upper }),
      formatAlpha(f.budget),
      formatNumber(f.expectedAtBudget),
      verdict,
    ],
  ];
  return [
    '## Family-wise failures',
    '',
    table(
      ['runs', 'runs with a failure', 'rate', `Clopper–Pearson ${formatLevel(f.level)}`, 'budget', 'failures expected at the budget', 'verdict'],
      rows,
      ['r', 'r', 'r', 'l', 'r', 'r', 'l'],
    ),
    '',
    `A run fails when jest counted any failure in it (a claim rejected, a twin not rejected, a test file crashed). ` +
      `With no failure the interval's upper bound reaches the budget only after ${Number.isFinite(f.runsToBoundBudget) ? f.runsToBoundBudget : '—'} runs, ` +
      'so a short sweep can contradict the budget but not confirm it.',
  ].join('\n');
}

function accountingSection(s: SweepSummary): string {
  const a = s.actualRate;
  const rate = a === null ? 'no report prints it' : `mean ${formatAlpha(a.mean)}, range [${formatAlpha(a.min)}, ${formatAlpha(a.max)}] over ${a.runs} run(s)`;
  const warnings = s.maxCalibrationWarnings === null ? 'no report prints them' : `at most ${s.maxCalibrationWarnings} in a run`;
  return [
    '## The reports’ own accounting',
    '',
    `- Summed actual false-failure rate (report header, per run): ${rate} — to compare with the budget ${formatAlpha(s.familyWise.budget)} and the observed rate above.`,
    `- Calibration warnings: ${warnings}.`,
  ].join('\n');
}

function propertiesSection(s: SweepSummary): string {
  const rows = s.properties.map((p) => [
    inlineCode(p.claimId),
    p.kind === 'twin' ? 'twin' : 'claim',
    String(p.failingSeeds.length),
    String(p.runs),
    seedList(p.failingSeeds),
  ]);
  const crashed = s.crashedFiles.map((c) => [inlineCode(c.file), 'crashed file', String(c.failingSeeds.length), String(s.familyWise.runs), seedList(c.failingSeeds)]);
  return [
    '## Failures per claim and twin',
    '',
    'A claim fails when a configuration rejects its prediction; a twin fails when it does not reject its wrong engine.',
    '',
    table(['property', 'kind', 'failing seeds', 'runs', 'seeds'], [...rows, ...crashed], ['l', 'l', 'r', 'r', 'l']),
  ].join('\n');
}

function runsSection(s: SweepSummary): string {
  const rows = s.runs.map((r) => [
    String(r.seed),
    String(r.passed),
    String(r.failed),
    r.actualRate === undefined ? '—' : formatAlpha(r.actualRate),
    r.calibrationWarnings === undefined ? '—' : String(r.calibrationWarnings),
    formatDuration(r.wallTimeMs),
    r.failures.length === 0 ? '—' : r.failures.join(', '),
  ]);
  return ['## Runs', '', table(['seed', 'passed', 'failed', 'actual rate', 'calibration warnings', 'wall time', 'failures'], rows, ['r', 'r', 'r', 'r', 'r', 'r', 'l'])].join('\n');
}

/** The Markdown table of a sweep; `command` is the line that produced it. */
export function renderSweepMarkdown(s: SweepSummary, command: string): string {
  const commits = [...new Set(s.runs.map((r) => r.gitCommit ?? '—'))].join(', ') || '—';
  const incomplete = s.seeds.incomplete.length > 0 ? `; ⚠ incomplete (no report, not counted): ${seedList(s.seeds.incomplete)}` : '';
  return [
    `# Seed sweep: ${s.profile} tier, ${s.seeds.complete.length} run(s)`,
    '',
    `Command: ${inlineCode(command)}`,
    '',
    `Seeds: ${seedRange(s.seeds.complete)}${incomplete}. Git commit(s): ${commits}.`,
    '',
    familyWiseSection(s),
    '',
    accountingSection(s),
    '',
    propertiesSection(s),
    '',
    runsSection(s),
    '',
  ].join('\n');
}
