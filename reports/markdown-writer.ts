/**
 * `report.md`: the human-readable report. Plain Markdown (GitHub-flavoured tables), readable as text.
 *
 * Layout: header table, "Failures" (message + replay line; before anything else, so a red run is
 * read from the top), "How to read", a table of the papers, then one section per paper (in
 * {@link byPaper}'s order): its claims table (one row per claim, worst configuration shown with its
 * decision rule, twins' verdicts), its reproduction rows, and one detail section per claim (the
 * per-configuration table, the notes, the replay line, then its reject twins in one table).
 *
 * Every estimate is shown next to the claim's decision rule (`= 1.000`, `≤ 0.2500`, `shown < 0`,
 * `exponent within ± 0.1500 of 1.000`, `Binomial(4, ½)`, `A ⇒ B`, …), with the relative deviation
 * only where it means something (an `equals` rule with a nonzero value and a CI away from 0) and the
 * slack to the bound for bounds. To keep the file readable (the gate's is ≈ 235 KB), free-form data
 * stays in report.json: figures, the independence checks' notes, a rejected twin's calibration notes,
 * seeds and durations per configuration; configurations print compactly ({@link configText}), what
 * every configuration shares is stated once, and notes differing only in numbers merge ({@link mergeNotes}).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  codeBlock,
  formatAlpha,
  formatCount,
  formatDuration,
  formatInterval,
  formatLevel,
  formatNumber,
  formatPercent,
  formatSigned,
  impliedRange,
  inlineCode,
  PROPORTION,
  table,
  type QuantityRange,
} from './format';
import type { Citation, ConfigResult, EngineInfo, PropertyRecord, Provenance, Relation, Report, ReproductionRow, Sides } from './schema';
import { byPaper, twinName, twinsOf } from './group';

export const MARKDOWN_FILE = 'report.md';

const PROVENANCE: Record<Provenance, string> = {
  P: 'paper text',
  S: 'secondary source',
  R: 'recalled, unverified',
  D: 'derived',
};

// ---------------------------------------------------------------------------------------------
// Decision rules (exported for tests)

/**
 * The relation a configuration was tested against: its recorded `relation`, or (records before
 * schema 1.2.0) one read off the test's sides: two-sided → `= prediction`, `'lower'` (an interval
 * [L, ∞), consistent while L ≤ prediction) → `≤ prediction`, `'upper'` ((−∞, U]) → `≥ prediction`.
 */
export function effectiveRelation(c: Pick<ConfigResult, 'relation' | 'prediction'>, sides?: Sides): Relation {
  if (c.relation !== undefined) return c.relation;
  if (sides === 'lower') return { kind: 'atMost', value: c.prediction };
  if (sides === 'upper') return { kind: 'atLeast', value: c.prediction };
  return { kind: 'equals', value: c.prediction };
}

const smallestEffect = (e: number | undefined): string => (e === undefined ? '' : `, smallest effect ${formatNumber(e)}`);

const probability = (p: number): string => (p === 0.5 ? '½' : formatNumber(p));

/** The decision rule in a few symbols: `= 1.000`, `≤ 0.2500`, `shown < 0`, `Binomial(12, ½)`, `A ⇒ B`, … */
export function decisionRule(r: Relation): string {
  const v = formatNumber(r.value);
  switch (r.kind) {
    case 'equals':
      return `= ${v}`;
    case 'atMost':
      return `≤ ${v}`;
    case 'atLeast':
      return r.sequential ? `≥ ${v} (sequential, against ${formatNumber(r.sequential.alternative)})` : `≥ ${v}`;
    case 'within':
      return r.axis === 'log'
        ? `exponent within ± ${formatNumber(r.resolution)} of ${v}`
        : `log-slope within ± ${formatNumber(r.resolution)} of ${v} (factor ×/÷ ${formatNumber(Math.exp(r.resolution))} of ${formatNumber(Math.exp(r.value))} per unit of x)`;
    case 'shownBelow':
      return `shown < ${v}${smallestEffect(r.minEffect)}`;
    case 'shownIncreasing':
      return `${r.value === 0 ? 'shown increasing' : `shown increasing (slope > ${v})`}${smallestEffect(r.minEffect)}`;
    case 'nonDecreasing':
      return r.value === 0 ? 'non-decreasing' : `non-decreasing (steps against ${v})`;
    case 'shownStepsIncrease':
      return `${r.value === 0 ? 'every step shown to rise' : `every step shown to rise (above ${v})`}${smallestEffect(r.minEffect)}`;
    case 'distributed':
      return `Binomial(${r.trials}, ${probability(r.p)})`;
    case 'implication':
      return `${r.antecedent} ⇒ ${r.consequent}`;
    default:
      return `vs ${v}`;
  }
}

/**
 * Where the estimate stands with respect to the rule, in words, or null when that says nothing
 * useful: the relative deviation (`+1.200%`) for `equals` with a nonzero value; the slack to a bound
 * (`0.05000 below the bound`); inside or outside a `within` band. Demonstrations (`shown…`), laws and
 * implications get none: their interval and verdict say it.
 */
export function ruleMargin(estimate: number, r: Relation, interval?: { lower: number | null; upper: number | null }): string | null {
  if (!Number.isFinite(estimate)) return null;
  const side = (d: number): string => (d === 0 ? 'at the bound' : `${formatNumber(Math.abs(d))} ${d < 0 ? 'below' : 'above'} the bound`);
  switch (r.kind) {
    case 'equals': {
      if (!Number.isFinite(r.value) || r.value === 0) return null;
      // An interval around 0 makes a ratio to the value meaningless (−249% for 0.026 against −0.017): the difference instead.
      const lower = interval?.lower ?? -Infinity;
      const upper = interval?.upper ?? Infinity;
      if (interval !== undefined && lower <= 0 && upper >= 0) return `off by ${formatSigned(estimate - r.value)}`;
      return formatPercent(estimate / r.value - 1, true);
    }
    case 'atMost':
    case 'atLeast':
      return Number.isFinite(r.value) ? side(estimate - r.value) : null;
    case 'within': {
      const distance = Math.abs(estimate - r.value) - r.resolution;
      return distance <= 0 ? 'inside the band' : `${formatNumber(distance)} outside the band`;
    }
    default:
      return null;
  }
}

/** The rule with its margin: `= 1.000 (+1.200%)`, `≤ 0.2500 (0.05000 below the bound)`, `shown < 0`. */
export function ruleText(c: Pick<ConfigResult, 'relation' | 'prediction' | 'estimate'> & { interval?: ConfigResult['interval'] }, sides?: Sides): string {
  const r = effectiveRelation(c, sides);
  const margin = ruleMargin(c.estimate, r, c.interval);
  const rule = decisionRule(r);
  if (margin === null) return rule;
  // `≥ 0.9000 (sequential, against 0.7500; 0.04500 above the bound)`: one pair of parentheses.
  return rule.endsWith(')') ? `${rule.slice(0, -1)}; ${margin})` : `${rule} (${margin})`;
}

// ---------------------------------------------------------------------------------------------
// Per-configuration helpers (exported for tests)

const DEMONSTRATIONS: ReadonlySet<Relation['kind']> = new Set(['shownBelow', 'shownIncreasing', 'shownStepsIncrease']);

/**
 * How close a configuration comes to contradicting its rule, in units of its interval's half-width
 * on the relevant side (> 1 roughly means "outside"):
 * - a value or a bound: |estimate − target| / half-width on the target's side, where the target is
 *   the rule's value (the prediction; the nearest edge of the band for `within`, 0 inside it); an estimate on the
 *   allowed side of a bound faces an open bound and scores 0;
 * - a demonstration (`shown…`): half-width / |estimate − value|, large when the bound barely clears
 *   the value (or does not).
 * Open bounds (null) give 0.
 */
export function deviationScore(c: ConfigResult, sides?: Sides): number {
  const r = effectiveRelation(c, sides);
  let target = r.value;
  if (r.kind === 'within') {
    target = Math.min(Math.max(c.estimate, r.value - r.resolution), r.value + r.resolution);
  }
  const dev = c.estimate - target;
  if (DEMONSTRATIONS.has(r.kind)) {
    // The bound that must clear the value is the one on the value's side of the estimate.
    if (!Number.isFinite(dev)) return Number.isNaN(dev) ? 0 : Infinity;
    if (dev === 0) return Infinity;
    const edge = target > c.estimate ? c.interval?.upper : c.interval?.lower;
    if (edge === null || edge === undefined || !Number.isFinite(edge)) return Infinity;
    return Math.abs(edge - c.estimate) / Math.abs(dev);
  }
  if (!Number.isFinite(dev)) return Number.isNaN(dev) ? 0 : Infinity;
  if (dev === 0) return 0;
  const bound = target > c.estimate ? c.interval?.upper : c.interval?.lower;
  if (bound === null || bound === undefined || !Number.isFinite(bound)) return 0;
  const halfWidth = Math.abs(bound - c.estimate);
  return halfWidth === 0 ? Infinity : Math.abs(dev) / halfWidth;
}

/** Index of the worst configuration: rejected ones first, then by {@link deviationScore}; −1 if none. */
export function worstConfigIndex(configs: ConfigResult[], sides?: Sides): number {
  let best = -1;
  let bestKey: [number, number] = [-1, -1];
  configs.forEach((c, i) => {
    const key: [number, number] = [c.verdict === 'rejected' ? 1 : 0, deviationScore(c, sides)];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = i;
      bestKey = key;
    }
  });
  return best;
}

/**
 * The range a property's quantity lives in, as far as the record tells: a probability ([0, 1]) or a
 * difference of two ([−1, 1]) by the test's name or an implication's relation; else a probability
 * when {@link impliedRange} says so for every configuration (one notation per property); else
 * undefined (unbounded).
 */
function quantityRange(r: PropertyRecord): QuantityRange | undefined {
  const cs = configs(r);
  const name = r.test?.name ?? '';
  if (cs.some((c) => c.relation?.kind === 'implication') || /^(P\(unit = 1\)|mean of \[0, 1\] units) (equals|is at most|is at least) the prediction/.test(name)) return PROPORTION;
  if (/^(P\(unit = 1\) − P\(reference unit = 1\)|p\(units\) − p\(reference\)|P\(unit = 1\) ≤ P\(reference unit = 1\))/.test(name)) return [-1, 1];
  return cs.length > 0 && cs.every((c) => c.interval !== undefined && impliedRange(c.estimate, c.interval) === PROPORTION) ? PROPORTION : undefined;
}

/** The interval as printed in a table cell: `[0.9500, 1.001]`, `[0.9300, ∞)`, `≤ 0.2100`. */
function intervalText(r: PropertyRecord, c: ConfigResult): string {
  return c.interval === undefined ? '—' : formatInterval(c.interval, quantityRange(r));
}

/** `1.012 [0.9876, 1.037]`, `0.9450 (≤ 0.9630)`. */
function estimateText(r: PropertyRecord, c: ConfigResult): string {
  const ci = intervalText(r, c);
  return `${formatNumber(c.estimate)} ${/^[[(—]/.test(ci) ? ci : `(${ci})`}`;
}

/** Arrays longer than this print their first {@link ARRAY_HEAD} entries and their length (integer arrays — widths, depths — longer than {@link MAX_INTEGER_ARRAY}). */
const MAX_ARRAY = 6;
const MAX_INTEGER_ARRAY = 24;
const ARRAY_HEAD = 3;

/**
 * A configuration in a few characters, keys sorted: `channels=[2,8,12] init={bias={law=zero},law=gaussian} kernel=3`
 * (strings quoted only when they hold other than letters, digits and `_.+-`), non-integers to 4
 * significant digits, long arrays cut (`[0.671,-0.759,2.078,…16]`). The exact configuration is in report.json.
 */
export function configText(config: unknown): string {
  const byKey = (v: Record<string, unknown>): [string, unknown][] =>
    Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const walk = (v: unknown): string => {
    if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(4)));
    if (typeof v === 'string') return /^[A-Za-z0-9_.+-]+$/.test(v) ? v : JSON.stringify(v);
    if (Array.isArray(v)) {
      const limit = v.every((x) => Number.isInteger(x)) ? MAX_INTEGER_ARRAY : MAX_ARRAY;
      const items = v.length > limit ? [...v.slice(0, ARRAY_HEAD).map(walk), `…${v.length}`] : v.map(walk);
      return `[${items.join(',')}]`;
    }
    if (v !== null && typeof v === 'object') return `{${byKey(v as Record<string, unknown>).map(([k, x]) => `${k}=${walk(x)}`).join(',')}}`;
    return JSON.stringify(v) ?? String(v);
  };
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return walk(config);
  const entries = byKey(config as Record<string, unknown>);
  return entries.length === 0 ? '{}' : entries.map(([k, x]) => `${k}=${walk(x)}`).join(' ');
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

const sidesOf = (r: PropertyRecord): Sides | undefined => r.test?.sides;

function citationKey(p: Citation | undefined): string {
  return p === undefined ? '' : `${p.authors}|${p.year}|${p.title}`;
}

function paperFull(p: Citation | undefined): string {
  if (p === undefined) return '—';
  const parts = [`${p.authors} (${p.year}). *${p.title}*.`];
  if (p.venue !== undefined && p.venue !== '') parts.push(`${p.venue}.`);
  if (p.arxiv !== undefined && p.arxiv !== '') parts.push(`arXiv:${p.arxiv}.`);
  return parts.join(' ');
}

/** The worst configuration of a property, with its index (undefined when it has none). */
function worst(r: PropertyRecord): { c: ConfigResult; i: number } | undefined {
  const cs = configs(r);
  const i = worstConfigIndex(cs, sidesOf(r));
  return i < 0 ? undefined : { c: cs[i], i };
}

function worstEstimateCell(r: PropertyRecord): string {
  const w = worst(r);
  if (w === undefined) return '— (no configurations)';
  const n = configs(r).length;
  return n === 1 ? estimateText(r, w.c) : `worst (cfg ${w.i + 1}/${n}): ${estimateText(r, w.c)}`;
}

function worstRuleCell(r: PropertyRecord): string {
  const w = worst(r);
  return w === undefined ? '—' : ruleText(w.c, sidesOf(r));
}

function claimVerdictText(r: PropertyRecord): string {
  const cs = configs(r);
  const rejected = cs.filter((c) => c.verdict === 'rejected').length;
  const warned = cs.filter((c) => c.calibrationWarning !== undefined).length;
  const warning = warned > 0 ? ` ⚠ calibration warning in ${warned}/${cs.length}` : '';
  if (r.verdict === 'pass') return `✅ pass: consistent in ${cs.length - rejected}/${cs.length}${warning}`;
  return rejected > 0 ? `❌ FAIL: rejected in ${rejected}/${cs.length}` : '❌ FAIL: see Failures';
}

function twinPower(r: PropertyRecord): ConfigResult['power'] {
  return configs(r).find((c) => c.power !== undefined)?.power;
}

export function twinVerdictText(r: PropertyRecord): string {
  if (r.verdict !== 'pass') return 'NOT rejected ❌';
  const p = twinPower(r);
  return p === undefined
    ? 'rejected ✅ (power not computed: no alternative declared)'
    : `rejected ✅ (design-time power ${formatNumber(p.power)} against ${formatNumber(p.alternative)}${p.acceptance !== undefined ? `; accepts in its own world w.p. ≥ ${formatNumber(p.acceptance)}` : ''})`;
}

/** A twin's verdict for the claims table: `✅` (rejected) or `NOT rejected ❌`; its power is in the claim's section. */
function twinVerdictShort(r: PropertyRecord): string {
  return r.verdict === 'pass' ? '✅' : 'NOT rejected ❌';
}

/** A configuration's verdict: `✅` when it went as it must (a claim consistent, a twin rejected), else `❌ rejected` / `❌ consistent`. */
function configVerdictText(r: PropertyRecord, c: ConfigResult): string {
  if (r.kind === 'twin') return c.verdict === 'rejected' ? '✅ rejected' : '❌ consistent';
  return c.verdict === 'consistent' ? '✅' : '❌ rejected';
}

function enginesText(engines: EngineInfo[]): { backends: string; versions: string } {
  if (engines.length === 0) return { backends: '— (no records)', versions: '—' };
  const versionList = (e: EngineInfo): string =>
    Object.entries(e.versions ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || '—';
  const backends = [
    ...new Set(engines.map((e) => (e.fallback ? `${e.backend} ⚠ automatic fallback (${e.fallback})` : e.why ? `${e.backend} (${e.why})` : e.backend))),
  ].join(', ');
  const lists = [...new Set(engines.map(versionList))];
  const versions = lists.length === 1 ? lists[0] : engines.map((e) => `${e.backend}: ${versionList(e)}`).join('; ');
  return { backends, versions };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Notes of the independence check (properties/harness/independence.ts): summarised, never listed. */
const isIndependenceNote = (note: string): boolean => note.startsWith('independence ');

/** The notes of one configuration (or twin) under the label they are listed with. */
export interface LabelledNotes {
  label: string;
  notes: string[];
}

/** A claim's note printed on its own is cut after this many characters, a twin's after {@link MAX_TWIN_NOTE} (the whole note is in report.json). */
const MAX_NOTE = 600;
const MAX_TWIN_NOTE = 140;

/** Notes differing in more numbers than this are not merged (one line each). */
const MAX_VARYING = 5;

const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;

function capNote(note: string, max: number): string {
  if (note.length <= max) return note;
  const cut = note.lastIndexOf(' ', max);
  return `${note.slice(0, cut > max / 2 ? cut : max)} … (whole note in report.json)`;
}

/**
 * Notes as bullet lines, merged across labels: notes that differ only in their numbers (the same
 * remark on several configurations) print once, each differing number as its values in label order
 * separated by ` / ` (`skewness 1.15 / 0.28, …`), under the joined labels (`joinLabels`) — unless
 * more than {@link MAX_VARYING} numbers differ or a differing number touches a `/` of the text. Other
 * notes print one per label, as they are (cut at `maxNote` characters).
 */
export function mergeNotes(items: LabelledNotes[], joinLabels: (labels: string[]) => string = (ls) => ls.join(', '), maxNote = MAX_NOTE): string[] {
  interface Group {
    parts: string[];
    labels: string[];
    notes: string[];
    numbers: string[][];
  }
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const item of items) {
    const seen = new Map<string, number>();
    for (const note of item.notes) {
      const skeleton = note.replace(NUMBER, '\u0000');
      const k = seen.get(skeleton) ?? 0;
      seen.set(skeleton, k + 1);
      const key = `${skeleton}\u0001${k}`;
      let g = byKey.get(key);
      if (g === undefined) {
        g = { parts: skeleton.split('\u0000'), labels: [], notes: [], numbers: [] };
        byKey.set(key, g);
        groups.push(g);
      }
      g.labels.push(item.label);
      g.notes.push(note);
      g.numbers.push(note.match(NUMBER) ?? []);
    }
  }
  return groups.flatMap((g) => {
    const varying = g.parts.slice(1).map((_, j) => new Set(g.numbers.map((ns) => ns[j])).size > 1);
    const slashed = varying.some((v, j) => v && (g.parts[j].endsWith('/') || g.parts[j + 1].startsWith('/')));
    if (g.labels.length === 1 || slashed || varying.filter(Boolean).length > MAX_VARYING) return g.labels.map((l, i) => `- ${joinLabels([l])}: ${capNote(g.notes[i], maxNote)}`);
    let text = g.parts[0];
    for (let j = 1; j < g.parts.length; j++) {
      const values = g.numbers.map((ns) => ns[j - 1]);
      text += (new Set(values).size === 1 ? values[0] : values.join(' / ')) + g.parts[j];
    }
    return `- ${joinLabels(g.labels)}: ${text}`;
  });
}

/** `cfg 1–5`, `cfg 1, 3, 4` from configuration numbers (as text) in order. */
function cfgLabels(labels: string[]): string {
  const ns = labels.map(Number);
  const consecutive = ns.every((n, i) => i === 0 || n === ns[i - 1] + 1);
  return consecutive && ns.length > 2 ? `cfg ${ns[0]}–${ns[ns.length - 1]}` : `cfg ${labels.join(', ')}`;
}

/** A property's remarks per configuration (the independence checks' notes apart), labelled by `label`. */
function remarks(r: PropertyRecord, label: (i: number) => string, skip: (c: ConfigResult, note: string) => boolean = () => false): LabelledNotes[] {
  return configs(r).map((c, i) => ({ label: label(i), notes: (c.notes ?? []).filter((n) => !isIndependenceNote(n) && !skip(c, n)) }));
}

/**
 * The independence checks of some properties' configurations in one line, or null: a recorded
 * configuration passed its check (a failed one throws), so their notes stay in report.json.
 */
function independenceLine(records: PropertyRecord[], who = ''): string | null {
  const cs = records.flatMap(configs);
  const checked = cs.filter((c) => c.independence !== undefined || (c.notes ?? []).some(isIndependenceNote));
  if (checked.length === 0) return null;
  const tests = cs.reduce((sum, c) => sum + (c.notes ?? []).filter(isIndependenceNote).length, 0);
  const rate = checked.reduce((sum, c) => sum + (c.independence?.rate ?? 0), 0);
  const rateText = checked.some((c) => c.independence !== undefined) ? ` (false-failure rate ≤ ${formatAlpha(rate)})` : '';
  return `- ${who}independence of the units: ${plural(tests, 'test')} on ${plural(checked.length, 'configuration')} passed${rateText}`;
}

// ---------------------------------------------------------------------------------------------
// Sections

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
  '**estimate** is the measured quantity and **CI** its confidence interval at level 1 − α: `[lower, upper]`,',
  'or one-sided `[lower, ∞)` / `(−∞, upper]`, written `≥ lower` / `≤ upper` for a probability or a difference',
  'of two (a bound past the range of the quantity says nothing and is not printed).',
  '',
  'The **rule** is the claim\'s decision rule, the relation the estimate is tested against, with the',
  'prediction in it: `= v` (the true value equals v), `≤ v` / `≥ v` (a bound), `shown < v`, `shown',
  'increasing`, `every step shown to rise` (an effect that must be demonstrated: the interval has to clear',
  'v), `exponent within ± r of v` (a growth law on a log-log axis; `log-slope within ± r of v` on a linear',
  'one), `non-decreasing`, `Binomial(N, p)` (the whole law of a count) or `A ⇒ B` (no run has A without B).',
  'In parentheses after the rule: for `= v` the relative deviation estimate/v − 1 (the difference, "off by",',
  'when the CI contains 0, and nothing when v = 0); for a bound the slack ("0.05000 below the bound"); for a',
  'band whether the estimate lies inside it. A bound\'s or a demonstration\'s distance is never a relative',
  'deviation. The **verdict** of a configuration is ✅ (*consistent*: its interval is compatible with the',
  'rule, or demonstrates it) or ❌ *rejected*; a claim passes (✅) only if every configuration is consistent.',
  '',
  'The α of each test is its share of the suite-wide false-failure budget (header: total / allocated / number',
  'of assertions), so a correct engine makes the whole suite fail with probability at most the total. A',
  '**reject twin** re-runs a claim\'s test against something deliberately wrong (a mutant engine or a wrong',
  'prediction): it must be *rejected*. Each twin declares its alternative (the true value its test faces,',
  'from a closed form or a pinned offline run) and its power against it is computed at design time from the',
  'planned n (≥ 1 − α, else the run stops with a design error); it must also be able to pass where its own',
  'relation holds ("own world"). "NOT rejected ❌" counts as a failure. **Min detectable** is the smallest',
  'relative deviation |true/prediction − 1| that the test detects with at least 99% power at its n and α (the',
  'power is in the column header, or after the @).',
  '',
  'Failures come first. Then one section per paper: its claims table (a row shows the claim\'s **worst**',
  'configuration: rejected ones first, then the one closest to contradicting its rule relative to its CI),',
  'its reproduction rows, and per claim its configurations, notes, replay line and reject twins.',
  'Configurations print as `key=value` with numbers to 4 significant digits and long arrays cut; what all',
  'configurations share (α, outcome counts) is stated once. Notes that differ only in numbers are merged,',
  'the values per configuration in order separated by " / ". Provenance: P paper text, S secondary source,',
  'R recalled (unverified), D derived. Replay lines re-run one property with the same seeds. Exact',
  'configurations, seeds, durations, figure data, the independence checks\' and the twins\' calibration notes',
  'are in report.json.',
].join('\n');

function failuresSection(report: Report): string {
  const parts: string[] = [];
  const failed = byPaper(report.properties).flatMap(([, records]) => records.filter((r) => r.verdict !== 'pass'));
  for (const r of failed) {
    parts.push(`### ${r.claimId}${r.kind === 'twin' ? ' (reject twin NOT rejected)' : ''}`);
    const w = r.kind === 'twin' ? undefined : worst(r);
    if (w !== undefined && w.c.verdict === 'rejected') {
      parts.push(`Worst configuration (cfg ${w.i + 1}/${configs(r).length}): ${inlineCode(configText(w.c.config))}: ${estimateText(r, w.c)}, rule ${ruleText(w.c, sidesOf(r))}.`);
    }
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

/** One paper's records and reproduction rows. */
interface PaperGroup {
  key: string;
  records: PropertyRecord[];
  reproductions: ReproductionRow[];
}

/** The claim id's family prefix (`HR2018` of `HR2018.FM1.mean-length~he-1.8`). */
const idPrefix = (id: string): string => /^[A-Za-z0-9]*/.exec(id)?.[0] ?? '';

/**
 * The report's papers in {@link byPaper}'s order, each with its reproduction rows: a row belongs to the
 * paper of the record with its claim id, else to the paper whose records share the id's prefix; rows
 * of neither are returned apart.
 */
function paperGroups(report: Report): { papers: PaperGroup[]; unmatched: ReproductionRow[] } {
  const papers: PaperGroup[] = byPaper(report.properties).map(([key, records]) => ({ key, records, reproductions: [] }));
  const byId = new Map<string, PaperGroup>();
  const byPrefix = new Map<string, PaperGroup>();
  for (const p of papers) {
    for (const r of p.records) {
      byId.set(r.claimId, p);
      const prefix = idPrefix(r.claimId);
      if (prefix !== '' && !byPrefix.has(prefix)) byPrefix.set(prefix, p);
    }
  }
  const unmatched: ReproductionRow[] = [];
  for (const row of report.reproductions ?? []) {
    const p = byId.get(row.claim) ?? byId.get(row.claim.split('~')[0]) ?? byPrefix.get(idPrefix(row.claim));
    if (p === undefined) unmatched.push(row);
    else p.reproductions.push(row);
  }
  return { papers, unmatched };
}

/** The citation most of a paper's records carry. */
function mainCitation(records: PropertyRecord[]): Citation | undefined {
  const counts = new Map<string, { n: number; paper: Citation }>();
  for (const r of records) {
    if (r.paper === undefined) continue;
    const k = citationKey(r.paper);
    counts.set(k, { n: (counts.get(k)?.n ?? 0) + 1, paper: counts.get(k)?.paper ?? r.paper });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.paper;
}

function paperTitle(group: PaperGroup): string {
  const p = mainCitation(group.records);
  if (group.key === 'unknown') return p === undefined ? 'Records without a paper' : `${p.authors} ${p.year} (records without a paper key)`;
  return p === undefined ? group.key : `${p.authors} ${p.year}: ${p.title} (${group.key})`;
}

function papersTable(papers: PaperGroup[]): string {
  const rows = papers.map((p) => {
    const claims = p.records.filter((r) => r.kind !== 'twin');
    const twins = p.records.filter((r) => r.kind === 'twin');
    const failed = claims.filter((r) => r.verdict !== 'pass').length;
    const missed = twins.filter((r) => r.verdict !== 'pass').length;
    const repro = p.reproductions.filter((r) => r.verdict === 'reproduced').length;
    return [
      paperTitle(p),
      `${claims.length - failed}/${claims.length}${failed > 0 ? ` ❌ ${failed} failed` : ''}`,
      `${twins.length - missed}/${twins.length}${missed > 0 ? ` ❌ ${missed} not rejected` : ''}`,
      p.reproductions.length === 0 ? '—' : `${repro}/${p.reproductions.length} reproduced`,
    ];
  });
  return table(['Paper', 'Claims passed', 'Twins rejected', 'Reproduction rows'], rows, ['l', 'r', 'r', 'r']);
}

function claimsTable(group: PaperGroup, all: PropertyRecord[]): string {
  const claims = group.records.filter((r) => r.kind !== 'twin');
  if (claims.length === 0) return '_No claim records for this paper._';
  const rows = claims.map((r) => {
    const twins = twinsOf(all, r.claimId);
    const twinText = twins.length === 0 ? '—' : twins.map((t) => `${twinName(t, r.claimId)} ${twinVerdictShort(t)}`).join(', ');
    return [r.claimId, r.title, r.provenance, String(configs(r).length), nRange(configs(r)), worstEstimateCell(r), worstRuleCell(r), claimVerdictText(r), twinText];
  });
  return table(['Claim', 'Title', 'Prov.', 'Configs', 'n', 'Estimate [CI]', 'Rule', 'Verdict', 'Twins'], rows, ['l', 'l', 'c', 'r', 'r', 'l', 'l', 'l', 'l']);
}

/** The longest a reproduction row's `ours` prints before it is cut (the whole value is in report.json). */
const MAX_OURS = 160;

/** A free-form value in a few words: numbers to 4 significant digits, cut at {@link MAX_OURS} characters. */
function compactValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value.length > MAX_OURS ? `${value.slice(0, MAX_OURS)}… (report.json)` : value;
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(4)) : v)) ?? String(value);
  return text.length > MAX_OURS ? `${text.slice(0, MAX_OURS)}… (report.json)` : text;
}

/** Paper value vs ours, with the verdict: settings the claims do not assert (findings included). */
function reproductionTable(rows: ReproductionRow[]): string {
  return table(
    ['Claim', 'Setting', 'Paper', 'Ours', 'Verdict', 'Why'],
    rows.map((r) => [r.claim, r.setting, r.paper, compactValue(r.ours), `**${r.verdict}**`, r.why ?? '']),
  );
}

const REPRODUCTION_INTRO =
  'Headline values and settings the suite reruns without asserting them: the paper\'s statement, ours, and a verdict (reproduced / not reproduced / not comparable). A "not reproduced" row is a result, not a failure.';

/** `ok=100, overflow=0`, leaving out the keys in `omit`. */
function outcomesText(c: ConfigResult, omit: ReadonlySet<string> = new Set()): string {
  const text = Object.entries(c.outcomes ?? {})
    .filter(([k]) => !omit.has(k))
    .map(([k, v]) => `${k}=${formatCount(v)}`)
    .join(', ');
  return text === '' ? '—' : text;
}

/** The outcome counts every configuration (of two or more) reports with the same value, e.g. `dead=0`. */
function sharedOutcomes(cs: ConfigResult[]): [string, number][] {
  if (cs.length < 2) return [];
  return Object.entries(cs[0].outcomes ?? {}).filter(([k, v]) => cs.every((c) => c.outcomes !== undefined && c.outcomes[k] === v));
}

/** The one value every configuration shares (by text), or undefined when they differ or there are none. */
function shared(cs: ConfigResult[], text: (c: ConfigResult) => string): string | undefined {
  const values = new Set(cs.map(text));
  return values.size === 1 ? [...values][0] : undefined;
}

const alphaOf = (c: ConfigResult): string => formatAlpha(c.alpha);
const detectPowerOf = (c: ConfigResult): string => (c.minDetectable === undefined ? '—' : formatLevel(c.minDetectable.power));

/**
 * One row per configuration. What every row shares is folded: α into the property's α line, the
 * power of "Min detectable" into its header, outcome counts of equal value into the "Outcomes" line.
 * Seeds and durations of single configurations are in report.json (the replay line re-derives the seeds).
 */
function configTable(r: PropertyRecord): string {
  const cs = configs(r);
  const sameAlpha = shared(cs, alphaOf) !== undefined;
  const common = new Set(sharedOutcomes(cs).map(([k]) => k));
  const outcomes = cs.some((c) => outcomesText(c, common) !== '—');
  const power = shared(cs.filter((c) => c.minDetectable !== undefined), detectPowerOf);
  const columns: { header: string; align: 'l' | 'r'; value: (c: ConfigResult, i: number) => string }[] = [
    { header: '#', align: 'r', value: (_c, i) => String(i + 1) },
    { header: 'Config', align: 'l', value: (c) => inlineCode(configText(c.config)) },
    { header: 'n', align: 'r', value: (c) => formatCount(c.n) },
    { header: 'Estimate', align: 'r', value: (c) => formatNumber(c.estimate) },
    { header: 'CI', align: 'l', value: (c) => intervalText(r, c) },
    { header: 'Level', align: 'r', value: (c) => (c.interval === undefined ? '—' : formatLevel(c.interval.level)) },
    { header: 'Rule', align: 'l', value: (c) => ruleText(c, sidesOf(r)) },
    ...(sameAlpha ? [] : [{ header: 'α', align: 'r' as const, value: alphaOf }]),
    { header: 'p', align: 'r', value: (c) => (c.pValue === undefined ? '—' : formatNumber(c.pValue)) },
    power === undefined
      ? { header: 'Min detectable', align: 'r', value: minDetectableText }
      : { header: `Min detectable (${power} power)`, align: 'r', value: (c) => (c.minDetectable === undefined ? '—' : formatPercent(c.minDetectable.relative)) },
    { header: 'Verdict', align: 'l', value: (c) => configVerdictText(r, c) },
    ...(outcomes ? [{ header: 'Outcomes', align: 'l' as const, value: (c: ConfigResult) => outcomesText(c, common) }] : []),
  ];
  return table(
    columns.map((col) => col.header),
    cs.map((c, i) => columns.map((col) => col.value(c, i))),
    columns.map((col) => col.align),
  );
}

/** A test's method without the decision rule the harness appends (a twin's rule differs with its prediction). */
const withoutRule = (method: string): string => method.replace(/; decision rule: .*$/s, '');

/** A twin's "own world" note, already in its power column (`own world ≥ …`). */
const isOwnWorldNote = (c: ConfigResult, note: string): boolean => c.power?.acceptance !== undefined && note.startsWith('own world');

/** The reject twins of a claim: one row per twin configuration, then their notes and replay lines. */
function twinsBlock(claim: PropertyRecord, twins: PropertyRecord[]): string[] {
  const lines: string[] = [];
  const name = (t: PropertyRecord): string => twinName(t, claim.claimId);
  const rows = twins.flatMap((t) => {
    const cs = configs(t);
    const wrong = [t.title !== claim.title ? t.title : '', t.twinDescription ?? ''].filter((s) => s !== '').join(': ') || '—';
    if (cs.length === 0) return [[name(t), wrong, '—', '—', '— (no configurations)', '—', '—', '—', twinVerdictText(t)]];
    return cs.map((c, i) => [
      cs.length === 1 ? name(t) : `${name(t)} cfg ${i + 1}/${cs.length}`,
      i === 0 ? wrong : '〃',
      inlineCode(configText(c.config)),
      formatCount(c.n),
      estimateText(t, c),
      ruleText(c, sidesOf(t)),
      c.pValue === undefined ? '—' : formatNumber(c.pValue),
      c.power === undefined ? '—' : `${formatNumber(c.power.power)} against ${formatNumber(c.power.alternative)}${c.power.acceptance !== undefined ? `; own world ≥ ${formatNumber(c.power.acceptance)}` : ''}`,
      configVerdictText(t, c),
    ]);
  });
  lines.push(table(['Twin', 'Deliberately wrong', 'Config', 'n', 'Estimate [CI]', 'Rule', 'p', 'Power (alternative; own world)', 'Verdict'], rows, ['l', 'l', 'l', 'r', 'l', 'l', 'r', 'l', 'l']));
  const notes: string[] = [];
  for (const t of twins) {
    if (t.statement !== claim.statement) notes.push(`- ${name(t)}: statement: ${t.statement}`);
    if (t.test !== undefined && (t.test.name !== claim.test?.name || withoutRule(t.test.method) !== withoutRule(claim.test?.method ?? ''))) notes.push(`- ${name(t)}: test: ${t.test.name}: ${t.test.method} (${t.test.sides})`);
  }
  // A rejected twin's notes: its alternative and any warning (the rest — the test's calibration, counts — is in report.json); all of them when it was not rejected.
  const kept = (t: PropertyRecord) => (c: ConfigResult, note: string): boolean => t.verdict !== 'pass' || (!isOwnWorldNote(c, note) && /^alternative|warning/i.test(note));
  const items = twins.flatMap((t) => remarks(t, (i) => (configs(t).length === 1 ? name(t) : `${name(t)} cfg ${i + 1}`), (c, note) => !kept(t)(c, note)));
  notes.push(...mergeNotes(items, undefined, MAX_TWIN_NOTE));
  const independence = independenceLine(twins, 'twins: ');
  if (independence !== null) notes.push(independence);
  if (notes.length > 0) lines.push('', 'Twin notes:', '', ...notes);
  lines.push('', 'Replay (twins):', '', codeBlock(twins.map((t) => t.replay ?? `# ${t.claimId}: no replay line recorded`).join('\n'), 'sh'));
  return lines;
}

function propertySection(r: PropertyRecord, sectionPaper: Citation | undefined, twins: PropertyRecord[]): string {
  const cs = configs(r);
  const lines: string[] = [`### ${r.claimId} — ${r.title}`, ''];
  const bullet = (label: string, text: string): void => {
    lines.push(`- ${label}: ${text}`);
  };
  if (r.paper !== undefined && citationKey(r.paper) !== citationKey(sectionPaper)) bullet('Paper', paperFull(r.paper));
  if (r.paper !== undefined) bullet('Where', r.paper.where);
  bullet('Provenance', `${r.provenance} (${PROVENANCE[r.provenance] ?? 'unknown tag'})`);
  if (r.kind === 'twin') bullet('Reject twin of', `${r.twinOf ?? '—'} (no record of it in this run): ${r.twinDescription ?? '—'}`);
  bullet('Statement', r.statement);
  if (r.test !== undefined) bullet('Test', `${r.test.name}: ${withoutRule(r.test.method)} (${r.test.sides})`);
  const each = shared(cs, alphaOf);
  const run = [`${formatAlpha(r.alpha)} over ${plural(cs.length, 'assertion')}${each !== undefined && cs.length > 1 ? ` (${each} each)` : ''}`];
  if (r.seeds !== undefined) run.push(`seeds: master ${r.seeds.master}, property ${r.seeds.property}`);
  if (r.engine !== undefined) run.push(`engine ${r.engine.backend}`);
  run.push(formatDuration(r.durationMs));
  bullet('α', run.join(' · '));
  bullet('Verdict', r.kind === 'twin' ? twinVerdictText(r) : claimVerdictText(r));
  const common = sharedOutcomes(cs);
  if (common.length > 0) bullet('Outcomes', `${common.map(([k, v]) => `${k}=${formatCount(v)}`).join(', ')} in every configuration`);
  if (r.figures !== undefined) bullet('Figure data', `${Object.keys(r.figures).join(', ')} (in report.json)`);
  lines.push('');
  if (cs.length > 0) {
    lines.push(configTable(r));
    const notes = mergeNotes(remarks(r, (i) => String(i + 1)), cfgLabels);
    const independence = independenceLine([r]);
    if (independence !== null) notes.push(independence);
    if (notes.length > 0) lines.push('', 'Notes:', '', ...notes);
    lines.push('');
  }
  lines.push('Replay:', '', codeBlock(r.replay ?? '(no replay line recorded)', 'sh'));
  if (twins.length > 0) lines.push('', `Reject twins of ${r.claimId}:`, '', ...twinsBlock(r, twins));
  return lines.join('\n');
}

function paperSection(group: PaperGroup, all: PropertyRecord[]): string[] {
  const citation = mainCitation(group.records);
  const claims = group.records.filter((r) => r.kind !== 'twin');
  const claimIds = new Set(all.filter((r) => r.kind !== 'twin').map((r) => r.claimId));
  const orphans = group.records.filter((r) => r.kind === 'twin' && (r.twinOf === undefined || !claimIds.has(r.twinOf)));
  const parts = [`## ${paperTitle(group)}`];
  if (citation !== undefined) parts.push(paperFull(citation));
  parts.push('### Claims', claimsTable(group, all));
  if (group.reproductions.length > 0) parts.push('### Reproduction rows', REPRODUCTION_INTRO, reproductionTable(group.reproductions));
  parts.push(...claims.map((r) => propertySection(r, citation, twinsOf(all, r.claimId))));
  if (orphans.length > 0) parts.push('### Reject twins without a claim record', ...orphans.map((t) => propertySection(t, citation, [])));
  return parts;
}

export function renderMarkdown(report: Report): string {
  const { papers, unmatched } = paperGroups(report);
  const sections: string[] = [`# theorycheck report — ${report.header.runId}`, headerSection(report), '## Failures', failuresSection(report), '## How to read', HOW_TO_READ];
  if (report.properties.length === 0) sections.push('## Papers', '_No claim records were written in this run._');
  else sections.push('## Papers', papersTable(papers));
  for (const group of papers) sections.push(...paperSection(group, report.properties));
  if (unmatched.length > 0) sections.push('## Reproduction rows of no paper in this run', REPRODUCTION_INTRO, reproductionTable(unmatched));
  return `${sections.join('\n\n')}\n`;
}

/** Writes `<dir>/report.md` and returns its path. */
export function writeMarkdownReport(report: Report, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, MARKDOWN_FILE);
  fs.writeFileSync(file, renderMarkdown(report));
  return file;
}
