/**
 * `report.md`: the human-readable report. Plain Markdown (GitHub-flavoured tables), readable as text.
 *
 * Layout: header table, "How to read", one row per claim (worst configuration shown), one row per
 * reject twin, "Failures" (message + replay line), then one section per property with its
 * per-configuration table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import canonicalJson from 'fast-json-stable-stringify';
import {
  codeBlock,
  formatAlpha,
  formatCount,
  formatDuration,
  formatInterval,
  formatLevel,
  formatNumber,
  formatPercent,
  inlineCode,
  table,
} from './format';
import type { ConfigResult, EngineInfo, PropertyRecord, Provenance, Report, ReproductionRow } from './schema';
import { twinName, twinsOf } from './group';

export const MARKDOWN_FILE = 'report.md';

const PROVENANCE: Record<Provenance, string> = {
  P: 'paper text',
  S: 'secondary source',
  R: 'recalled, unverified',
  D: 'derived',
};

// ---------------------------------------------------------------------------------------------
// Per-configuration helpers (exported for tests)

/** estimate/prediction − 1, or null when the prediction is 0 or a value is not finite. */
export function relativeDeviation(c: Pick<ConfigResult, 'estimate' | 'prediction'>): number | null {
  if (!Number.isFinite(c.estimate) || !Number.isFinite(c.prediction) || c.prediction === 0) return null;
  return c.estimate / c.prediction - 1;
}

/**
 * How far the prediction lies from the estimate in units of the interval's half-width on the
 * prediction's side: |estimate − prediction| / half-width (= |estimate/prediction − 1| divided by the
 * interval's relative half-width). > 1 roughly means "outside the interval". Open bounds (null) give 0.
 */
export function deviationScore(c: ConfigResult): number {
  const dev = c.estimate - c.prediction;
  if (!Number.isFinite(dev)) return Number.isNaN(dev) ? 0 : Infinity;
  if (dev === 0) return 0;
  const bound = c.prediction > c.estimate ? c.interval?.upper : c.interval?.lower;
  if (bound === null || bound === undefined || !Number.isFinite(bound)) return 0;
  const halfWidth = Math.abs(bound - c.estimate);
  return halfWidth === 0 ? Infinity : Math.abs(dev) / halfWidth;
}

/** Index of the worst configuration: rejected ones first, then by {@link deviationScore}; −1 if none. */
export function worstConfigIndex(configs: ConfigResult[]): number {
  let best = -1;
  let bestKey: [number, number] = [-1, -1];
  configs.forEach((c, i) => {
    const key: [number, number] = [c.verdict === 'rejected' ? 1 : 0, deviationScore(c)];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = i;
      bestKey = key;
    }
  });
  return best;
}

/** `1.012 [0.9876, 1.037] vs 1.000 (+1.200%)`. */
export function estimateText(c: ConfigResult): string {
  const rel = relativeDeviation(c);
  const relText = rel === null ? '' : ` (${formatPercent(rel, true)})`;
  return `${formatNumber(c.estimate)} ${formatInterval(c.interval)} vs ${formatNumber(c.prediction)}${relText}`;
}

function minDetectableText(c: ConfigResult): string {
  if (c.minDetectable === undefined) return '—';
  return `${formatPercent(c.minDetectable.relative)} @ ${formatLevel(c.minDetectable.power)} power`;
}

function nRange(configs: ConfigResult[]): string {
  if (configs.length === 0) return '—';
  const ns = configs.map((c) => c.n);
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  return lo === hi ? formatCount(lo) : `${formatCount(lo)}–${formatCount(hi)}`;
}

// ---------------------------------------------------------------------------------------------
// Property-level texts

function configs(r: PropertyRecord): ConfigResult[] {
  return Array.isArray(r.configs) ? r.configs : [];
}

function paperShort(r: PropertyRecord): string {
  const p = r.paper;
  if (p === undefined) return '—';
  return `${p.authors} ${p.year}, ${p.where}`;
}

function paperFull(r: PropertyRecord): string {
  const p = r.paper;
  if (p === undefined) return '—';
  const parts = [`${p.authors} (${p.year}). *${p.title}*.`];
  if (p.venue !== undefined && p.venue !== '') parts.push(`${p.venue}.`);
  if (p.arxiv !== undefined && p.arxiv !== '') parts.push(`arXiv:${p.arxiv}.`);
  parts.push(`Where: ${p.where}.`);
  return parts.join(' ');
}

function estimateCell(r: PropertyRecord): string {
  const cs = configs(r);
  const i = worstConfigIndex(cs);
  if (i < 0) return '— (no configurations)';
  const text = estimateText(cs[i]);
  return cs.length === 1 ? text : `worst (cfg ${i + 1}/${cs.length}): ${text}`;
}

function claimVerdictText(r: PropertyRecord): string {
  const cs = configs(r);
  const rejected = cs.filter((c) => c.verdict === 'rejected').length;
  const warned = cs.filter((c) => c.calibrationWarning !== undefined).length;
  const warning = warned > 0 ? ` ⚠ calibration warning in ${warned}/${cs.length}` : '';
  if (r.verdict === 'pass') return `✅ pass: consistent in ${cs.length - rejected}/${cs.length}${warning}`;
  return rejected > 0 ? `❌ FAIL: rejected in ${rejected}/${cs.length}` : '❌ FAIL: see Failures';
}

export function twinVerdictText(r: PropertyRecord): string {
  if (r.verdict !== 'pass') return 'NOT rejected ❌';
  const p = configs(r).find((c) => c.power !== undefined)?.power;
  return p === undefined
    ? 'rejected ✅ (power not computed: no alternative declared)'
    : `rejected ✅ (design-time power ${formatNumber(p.power)} against ${formatNumber(p.alternative)}${p.acceptance !== undefined ? `; accepts in its own world w.p. ≥ ${formatNumber(p.acceptance)}` : ''})`;
}

/** The part of a twin's id after its claim's id (`X~he-1.8` → `~he-1.8`). */
function minDetectableCell(r: PropertyRecord): string {
  let worst: ConfigResult | undefined;
  let count = 0;
  for (const c of configs(r)) {
    if (c.minDetectable === undefined) continue;
    count++;
    if (worst?.minDetectable === undefined || c.minDetectable.relative > worst.minDetectable.relative) worst = c;
  }
  if (worst === undefined) return '—';
  return count === 1 ? minDetectableText(worst) : `≤ ${minDetectableText(worst)}`;
}

function configVerdictText(r: PropertyRecord, c: ConfigResult): string {
  if (r.kind === 'twin') return c.verdict === 'rejected' ? '✅ rejected' : '❌ consistent';
  return c.verdict === 'consistent' ? '✅ consistent' : '❌ rejected';
}

function enginesText(engines: EngineInfo[]): { backends: string; versions: string } {
  if (engines.length === 0) return { backends: '— (no records)', versions: '—' };
  const versionList = (e: EngineInfo): string =>
    Object.entries(e.versions ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || '—';
  const backends = [
    ...new Set(engines.map((e) => (e.fallback ? `${e.backend} ⚠ automatic fallback (${e.fallback})` : e.backend))),
  ].join(', ');
  const lists = [...new Set(engines.map(versionList))];
  const versions = lists.length === 1 ? lists[0] : engines.map((e) => `${e.backend}: ${versionList(e)}`).join('; ');
  return { backends, versions };
}

// ---------------------------------------------------------------------------------------------
// Sections

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function headerSection(report: Report): string {
  const h = report.header;
  const claims = report.properties.filter((r) => r.kind !== 'twin');
  const twins = report.properties.filter((r) => r.kind === 'twin');
  const { backends, versions } = enginesText(h.engines);
  const b = h.alphaBudget;
  const share = b.total > 0 ? ` (${formatPercent(b.allocated / b.total)} of total)` : '';
  const over = b.allocated > b.total * (1 + 1e-9) ? ' ⚠ OVER BUDGET' : '';
  const crashed = h.tests.crashedFiles?.length ?? 0;
  const crashText = crashed > 0 ? ` (incl. ${plural(crashed, 'test file')} that crashed)` : '';
  const rows: string[][] = [
    ['Master seed', `${h.masterSeed}`],
    ['Fresh seed?', h.freshSeed ? 'yes (drawn for this run; replay with THEORYCHECK_SEED)' : 'no'],
    ['Profile', h.profile],
    ['Backend(s)', backends],
    ['Versions', versions],
    ['Git commit', h.gitCommit ?? '— (not a git repository)'],
    ['α budget (total / allocated / #assertions)', `${formatAlpha(b.total)} / ${formatAlpha(b.allocated)}${share} / ${b.assertions}${over}`],
    ...(b.actual !== undefined
      ? [
          [
            'Actual false-failure rate (sum)',
            `${formatAlpha(b.actual)}${b.actual > b.total * (1 + 1e-9) ? ' ⚠ ABOVE BUDGET' : ''} — ${b.unbounded ?? 0} of ${b.assertions} assertions without a bound (counted at their nominal α)`,
          ],
          ['Calibration warnings', `${b.calibrationWarnings ?? 0}${(b.calibrationWarnings ?? 0) > 0 ? ' ⚠ (must be 0 in the gate and full profiles)' : ''}`],
        ]
      : []),
    ...(h.reproductions
      ? [['Reproduction rows (apart from claims)', `${h.reproductions.total}: ${h.reproductions.reproduced} reproduced, ${h.reproductions.notReproduced} not reproduced, ${h.reproductions.notComparable} not comparable`]]
      : []),
    ['Wall time', formatDuration(h.wallTimeMs)],
    ['Tests (jest)', `${h.tests.passed} passed, ${h.tests.failed} failed, ${h.tests.skipped} skipped${crashText}`],
    [
      'Properties',
      `${plural(claims.length, 'claim')} (${claims.filter((r) => r.verdict === 'pass').length} pass, ${claims.filter((r) => r.verdict !== 'pass').length} fail); ` +
        `${plural(twins.length, 'reject twin')} (${twins.filter((r) => r.verdict === 'pass').length} rejected, ${twins.filter((r) => r.verdict !== 'pass').length} not)`,
    ],
    ['Started', h.startedAt],
    ['Run id / schema', `${h.runId} / ${h.schemaVersion}`],
  ];
  return table(['Field', 'Value'], rows);
}

const HOW_TO_READ = [
  'Each property turns a claim from a paper into a statistical test on the engine. For every generated',
  'configuration a Monte Carlo experiment runs on n independent units (e.g. freshly initialised networks):',
  '**estimate** is the measured quantity, **CI** its confidence interval [lower, upper] at level 1 − α,',
  'and **prediction** the value the claim predicts. The **verdict** of a configuration is *consistent* when',
  'its interval is compatible with the prediction (on the allowed side for one-sided tests) and',
  '*rejected* otherwise; a claim passes (✅) only if every configuration is consistent, and fails (❌)',
  'otherwise. The α of each test is its share of the suite-wide false-failure budget (header: total /',
  'allocated / number of assertions), so a correct engine makes the whole suite fail with probability at',
  'most the total. A **reject twin** re-runs a claim\'s test against something deliberately wrong (a mutant',
  'engine or a wrong prediction): it must be *rejected*. Each twin declares its alternative (the true value',
  'its test faces, from a closed form or a pinned offline run) and its power against it is computed at',
  'design time from the planned n (≥ 1 − α, else the run stops with a design error); it must also be able',
  'to pass where its own relation holds ("accepts in its own world"). "NOT rejected ❌" counts as a failure.',
  '**Min detectable** is the smallest relative deviation |true/prediction − 1| that the test detects with',
  'at least 99% power at its n and α (the power is printed after the @). When a property has several',
  'configurations, its row shows the **worst** one: rejected configurations first, then the largest',
  '|estimate − prediction| in units of the CI half-width on the prediction\'s side (i.e. |estimate/prediction − 1|',
  'relative to the CI); the percentage in parentheses is estimate/prediction − 1. Each property\'s section',
  'below lists all its configurations. Provenance: P paper text, S secondary source, R recalled (unverified),',
  'D derived. Replay lines re-run one property with the same seeds.',
].join('\n');

function claimsSection(report: Report): string {
  const claims = report.properties.filter((r) => r.kind !== 'twin');
  if (claims.length === 0) return '_No claim records were written in this run._';
  const rows = claims.map((r) => {
    const twins = twinsOf(report.properties, r.claimId);
    const twinText = twins.length === 0 ? '—' : twins.map((t) => `${twinName(t, r.claimId)}: ${twinVerdictText(t)}`).join('; ');
    return [
      r.claimId,
      r.title,
      paperShort(r),
      r.provenance,
      String(configs(r).length),
      nRange(configs(r)),
      estimateCell(r),
      minDetectableCell(r),
      claimVerdictText(r),
      twinText,
    ];
  });
  return table(
    ['Claim', 'Title', 'Paper', 'Prov.', 'Configs', 'n', 'Estimate [CI] vs prediction', 'Min detectable', 'Verdict', 'Twins'],
    rows,
    ['l', 'l', 'l', 'c', 'r', 'r', 'l', 'r', 'l', 'l'],
  );
}

function twinsSection(report: Report): string | null {
  const twins = report.properties.filter((r) => r.kind === 'twin');
  if (twins.length === 0) return null;
  const claimIds = new Set(report.properties.filter((r) => r.kind !== 'twin').map((r) => r.claimId));
  const rows = twins.map((t) => [
    t.claimId,
    t.twinOf === undefined ? '—' : claimIds.has(t.twinOf) ? t.twinOf : `${t.twinOf} (no record)`,
    t.twinDescription ?? '—',
    String(configs(t).length),
    nRange(configs(t)),
    estimateCell(t),
    twinVerdictText(t),
  ]);
  return table(['Twin', 'Twin of', 'Deliberately wrong', 'Configs', 'n', 'Estimate [CI] vs prediction', 'Result'], rows, [
    'l',
    'l',
    'l',
    'r',
    'r',
    'l',
    'l',
  ]);
}

function failuresSection(report: Report): string {
  const parts: string[] = [];
  const failed = report.properties.filter((r) => r.verdict !== 'pass');
  for (const r of failed) {
    parts.push(`### ${r.claimId}${r.kind === 'twin' ? ' (reject twin NOT rejected)' : ''}`);
    parts.push(codeBlock(r.failure ?? '(no failure message recorded)'));
    parts.push('Replay:');
    parts.push(codeBlock(r.replay ?? '(no replay line recorded)', 'sh'));
  }
  const crashed = report.header.tests.crashedFiles ?? [];
  if (crashed.length > 0) {
    parts.push('### Test files that crashed (no test result, possibly no records)');
    for (const c of crashed) {
      parts.push(`- ${inlineCode(c.file)}`);
      parts.push(codeBlock(c.message || '(no message)'));
    }
  }
  const failing = report.header.tests.failingTests ?? [];
  if (failing.length > 0) {
    parts.push('### Failing jest tests');
    parts.push(failing.map((t) => `- ${inlineCode(t.file)}: ${t.name}`).join('\n'));
  }
  return parts.length === 0 ? 'None.' : parts.join('\n\n');
}

function propertySection(r: PropertyRecord): string {
  const cs = configs(r);
  const lines: string[] = [`### ${r.claimId} — ${r.title}`, ''];
  const bullet = (label: string, text: string): void => {
    lines.push(`- ${label}: ${text}`);
  };
  bullet('Paper', paperFull(r));
  bullet('Provenance', `${r.provenance} (${PROVENANCE[r.provenance] ?? 'unknown tag'})`);
  if (r.kind === 'twin') bullet('Reject twin of', `${r.twinOf ?? '—'}: ${r.twinDescription ?? '—'}`);
  bullet('Family', r.family);
  bullet('Statement', r.statement);
  if (r.test !== undefined) bullet('Test', `${r.test.name}: ${r.test.method} (${r.test.sides})`);
  bullet('α', `${formatAlpha(r.alpha)} over ${plural(cs.length, 'assertion')}`);
  if (r.seeds !== undefined) bullet('Seeds', `master ${r.seeds.master}, property ${r.seeds.property}`);
  if (r.engine !== undefined) bullet('Engine', r.engine.backend);
  bullet('Duration', formatDuration(r.durationMs));
  bullet('Verdict', r.kind === 'twin' ? twinVerdictText(r) : claimVerdictText(r));
  if (r.figures !== undefined) bullet('Figure data', `${Object.keys(r.figures).join(', ')} (in report.json)`);
  lines.push('');
  if (cs.length > 0) {
    const rows = cs.map((c, i) => {
      const rel = relativeDeviation(c);
      const outcomes = Object.entries(c.outcomes ?? {})
        .map(([k, v]) => `${k}=${formatCount(v)}`)
        .join(', ');
      return [
        String(i + 1),
        inlineCode(canonicalJson(c.config)),
        String(c.seed),
        formatCount(c.n),
        formatNumber(c.estimate),
        formatInterval(c.interval),
        c.interval === undefined ? '—' : formatLevel(c.interval.level),
        formatNumber(c.prediction),
        rel === null ? '—' : formatPercent(rel, true),
        formatAlpha(c.alpha),
        c.pValue === undefined ? '—' : formatNumber(c.pValue),
        minDetectableText(c),
        configVerdictText(r, c),
        outcomes === '' ? '—' : outcomes,
        formatDuration(c.durationMs),
      ];
    });
    lines.push(
      table(
        ['#', 'Config', 'Seed', 'n', 'Estimate', 'CI', 'Level', 'Prediction', 'Rel. dev.', 'α', 'p', 'Min detectable', 'Verdict', 'Outcomes', 'Time'],
        rows,
        ['r', 'l', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l', 'r'],
      ),
    );
    const notes = cs.flatMap((c, i) => (c.notes ?? []).map((n) => `- cfg ${i + 1}: ${n}`));
    if (notes.length > 0) lines.push('', 'Notes:', '', ...notes);
    lines.push('');
  }
  lines.push('Replay:', '', codeBlock(r.replay ?? '(no replay line recorded)', 'sh'));
  return lines.join('\n');
}

/** Paper value vs ours, with the verdict: settings the claims do not assert (findings included). */
function reproductionSection(rows: ReproductionRow[]): string {
  const cell = (x: unknown): string => String(x).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const ours = (o: unknown): string => (o === undefined ? '—' : cell(JSON.stringify(o, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(4)) : v))));
  return [
    'Headline values and settings the suite reruns without asserting them: the paper\'s statement, ours, and a verdict (reproduced / not reproduced / not comparable). A "not reproduced" row is a result, not a failure.',
    '',
    '| claim | setting | paper | ours | verdict | why |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.claim)} | ${cell(r.setting)} | ${cell(r.paper)} | ${ours(r.ours)} | **${r.verdict}** | ${cell(r.why ?? '')} |`),
  ].join('\n');
}

export function renderMarkdown(report: Report): string {
  const sections: string[] = [
    `# theorycheck report — ${report.header.runId}`,
    headerSection(report),
    '## How to read',
    HOW_TO_READ,
    '## Claims',
    claimsSection(report),
  ];
  const twins = twinsSection(report);
  if (twins !== null) sections.push('## Reject twins', twins);
  if (report.reproductions && report.reproductions.length > 0) sections.push('## Reproduction rows', reproductionSection(report.reproductions));
  sections.push('## Failures', failuresSection(report));
  if (report.properties.length > 0) {
    sections.push('## Properties in detail', ...report.properties.map(propertySection));
  }
  return `${sections.join('\n\n')}\n`;
}

/** Writes `<dir>/report.md` and returns its path. */
export function writeMarkdownReport(report: Report, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, MARKDOWN_FILE);
  fs.writeFileSync(file, renderMarkdown(report));
  return file;
}
