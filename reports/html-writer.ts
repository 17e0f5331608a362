/**
 * `report.html`: the self-contained HTML report, readable offline in any browser with no script:
 * inline CSS, figures as inline static SVG (rendered here by vega from vega-lite specs,
 * figures/svg.ts), each with its vega-lite spec beside it (collapsed) so that a reviewer can re-plot it.
 *
 * Layout: header (provenance: run, seeds, profile, backend and why, versions, commit, α budget and the
 * actual false-failure rate, tests, wall time); figures that failed to render, if any; failures with
 * their replay lines; contents; how to read; then one section per paper: its claims (failures first
 * in the summary table), each with statement, citation, provenance, test, verdict, reject twins
 * (verdict and design-time power), configurations (collapsed), the claim figure (figures/claim-figure.ts)
 * and the paper figures (figures/index.ts), then the paper's reproduction rows.
 *
 * A figure whose builder throws or whose rendering fails is shown as an error box in its place and
 * listed at the top; {@link renderHtmlReport} returns these errors. A figure without inline data rows,
 * or whose picture has no data mark, is not emitted (the latter is reported as an error).
 * `writeHtmlReport` also writes every figure as `figures/<id>.vl.json` (the spec) and `figures/<id>.svg`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import canonicalJson from 'fast-json-stable-stringify';
import type { TopLevelSpec } from 'vega-lite';
import { formatAlpha, formatCount, formatDuration, formatInterval, formatLevel, formatNumber, formatPercent, stripAnsi } from './format';
import { byPaper, twinName, twinsOf } from './group';
import type { Citation, ConfigResult, EngineInfo, PropertyRecord, Provenance, Relation, Report, ReproductionRow } from './schema';
import { claimFigure } from './figures/claim-figure';
import { paperFigures, type FigureSpec } from './figures/index';
import { completeSpec, renderSvgs } from './figures/svg';

export const HTML_FILE = 'report.html';
/** Subdirectory (of the report's directory) that holds every figure's spec and SVG. */
export const FIGURES_DIR = 'figures';

/** A figure of the report, as rendered: `svg` on success, `error` when it could not be built or drawn. */
export interface RenderedFigure {
  /** The file name stem of the figure (unique within the report). */
  id: string;
  claimId: string;
  /** The claim figure (figures/claim-figure.ts) or a paper figure (figures/index.ts). */
  kind: 'claim' | 'paper';
  title: string;
  caption: string;
  /** The complete spec as rendered (absent when the builder threw). */
  spec?: TopLevelSpec;
  svg?: string;
  error?: string;
}

export interface FigureError {
  id: string;
  claimId: string;
  message: string;
}

export interface HtmlOptions {
  /** Draws a complete spec as SVG, one figure after the other (default: figures/svg.ts' renderSvgs, in parallel; tests substitute a failing one). */
  render?: (spec: TopLevelSpec) => Promise<string>;
}

export interface HtmlRendering {
  html: string;
  figures: RenderedFigure[];
  /** Figures that could not be built or rendered (each also shown as an error box in the page). */
  errors: FigureError[];
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and attribute values. */
const escapeHtml = (text: unknown): string => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A string usable as a file name and an HTML id: `[A-Za-z0-9._~-]`, no leading dot. */
const safeId = (id: string): string => id.replace(/[^A-Za-z0-9._~-]/g, '_').replace(/^\./, '_');

const claimAnchor = (claimId: string): string => `claim-${safeId(claimId)}`;
const paperAnchor = (paper: string): string => `paper-${safeId(paper)}`;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const configsOf = (r: PropertyRecord): ConfigResult[] => (Array.isArray(r.configs) ? r.configs : []);

const PROVENANCE: Record<Provenance, string> = { P: 'paper text', S: 'secondary source', R: 'recalled, unverified', D: 'derived exactly' };

/** Claim-id prefixes of the papers, for reproduction rows whose claim is no record's id. */
const PAPER_OF_PREFIX: Record<string, string> = {
  HR2018: 'hanin-rolnick-2018',
  HR2019: 'hanin-rolnick-2019',
  SK2020: 'shin-karniadakis-2020',
  LSSK2020: 'shin-karniadakis-2020',
  ZZLZX2022: 'zhou-2022',
};

// ---------------------------------------------------------------------------------------------
// Figures

/** Inline data rows of a spec (its data, named datasets, and those of its layers and sub-views); a spec drawing from anything else has none. */
function dataRows(spec: unknown): number {
  if (typeof spec !== 'object' || spec === null) return 0;
  const s = spec as { data?: { values?: unknown }; datasets?: Record<string, unknown>; spec?: unknown; [views: string]: unknown };
  const length = (x: unknown): number => (Array.isArray(x) ? x.length : 0);
  const children = ['layer', 'concat', 'hconcat', 'vconcat'].flatMap((k) => (Array.isArray(s[k]) ? (s[k] as unknown[]) : []));
  return (
    length(s.data?.values) +
    Object.values(s.datasets ?? {}).reduce<number>((n, rows) => n + length(rows), 0) +
    dataRows(s.spec) +
    children.reduce<number>((n, child) => n + dataRows(child), 0)
  );
}

/** True when the SVG draws at least one data mark (not only axes, legends and frame). */
const hasDataMark = (svg: string): boolean => /<g class="mark-[a-z]+ role-mark[^"]*"[^>]*><(path|line|rect|text|g)\b/.test(svg);

type Built = { kind: RenderedFigure['kind'] } & (FigureSpec | { id: string; title: string; caption: string; error: string });

/** The claim figure and paper figures of a claim; a builder that throws gives an error entry. */
function figuresOf(record: PropertyRecord): Built[] {
  const out: Built[] = [];
  const attempt = (kind: Built['kind'], id: string, title: string, build: () => (FigureSpec | undefined)[]): void => {
    try {
      for (const f of build()) if (f !== undefined && dataRows(f.spec) > 0) out.push({ kind, ...f });
    } catch (error) {
      out.push({ kind, id, title, caption: '', error: `the figure builder threw: ${errorMessage(error)}` });
    }
  };
  attempt('claim', `claim-${safeId(record.claimId)}`, `${record.claimId}: claim figure`, () => [claimFigure(record)]);
  attempt('paper', `${safeId(record.claimId)}.paper`, `${record.claimId}: paper figures`, () => paperFigures(record));
  return out;
}

/** One picture per spec, in order, an Error where it failed: `render` one after the other, else {@link renderSvgs}. */
async function draw(specs: TopLevelSpec[], render: HtmlOptions['render']): Promise<(string | Error)[]> {
  if (render === undefined) return renderSvgs(specs);
  const out: (string | Error)[] = [];
  for (const spec of specs) out.push(await render(spec).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
  return out;
}

/** Builds and renders every claim's figures, in report order; ids made unique. */
async function renderFigures(records: PropertyRecord[], render: HtmlOptions['render']): Promise<RenderedFigure[]> {
  const used = new Set<string>();
  const unique = (id: string): string => {
    const base = safeId(id);
    let candidate = base;
    for (let k = 2; used.has(candidate); k++) candidate = `${base}-${k}`;
    used.add(candidate);
    return candidate;
  };
  const rendered: RenderedFigure[] = [];
  for (const record of records) {
    if (record.kind === 'twin') continue;
    for (const f of figuresOf(record)) {
      const entry: RenderedFigure = { id: unique(f.id), claimId: record.claimId, kind: f.kind, title: f.title, caption: f.caption };
      if ('error' in f) entry.error = f.error;
      else entry.spec = completeSpec(f);
      rendered.push(entry);
    }
  }
  const toDraw = rendered.filter((f) => f.spec !== undefined);
  const pictures = await draw(toDraw.map((f) => f.spec!), render);
  toDraw.forEach((f, i) => {
    const svg = pictures[i];
    if (svg instanceof Error) f.error = `rendering failed: ${svg.message}`;
    else if (hasDataMark(svg)) f.svg = svg;
    else f.error = 'the figure rendered no data mark (every value missing or filtered out)';
  });
  return rendered;
}

/** The SVG for inline use: XML namespaces dropped (HTML does not need them), labelled for screen readers. */
const inlineSvg = (svg: string, title: string): string =>
  svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => `<svg role="img" aria-label="${escapeHtml(title)}"${attrs.replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')}>`);

function figureHtml(f: RenderedFigure): string {
  const spec = f.spec === undefined ? '' : `<details class="tc-spec"><summary>vega-lite spec</summary><pre>${escapeHtml(JSON.stringify(f.spec))}</pre></details>`;
  const picture = f.svg !== undefined ? `<div class="tc-svg">${inlineSvg(f.svg, f.title)}</div>` : `<div class="tc-error">Figure not drawn: ${escapeHtml(f.error ?? 'unknown error')}</div>`;
  // The figure as wide as its picture (the caption wraps under it), at most the page's width.
  const width = f.svg === undefined ? null : /^<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"/.exec(f.svg)?.[1];
  const style = width ? ` style="width:${Number(width) + 14}px"` : '';
  return `<figure id="fig-${escapeHtml(f.id)}" class="tc-figure tc-${f.kind}-figure${f.svg === undefined ? ' tc-figure-error' : ''}"${style}>${picture}<figcaption><b>${escapeHtml(f.title)}.</b> ${escapeHtml(f.caption)}</figcaption>${spec}</figure>`;
}

// ---------------------------------------------------------------------------------------------
// Texts

/** A citation; `where` (the section or theorem) left out for a paper's heading. */
function citationHtml(p: Citation | undefined, where = true): string {
  if (p === undefined) return '—';
  const parts = [`${escapeHtml(p.authors)} (${escapeHtml(p.year)}). <cite>${escapeHtml(p.title)}</cite>.`];
  if (p.venue) parts.push(`${escapeHtml(p.venue)}.`);
  if (p.arxiv) parts.push(`arXiv:${escapeHtml(p.arxiv)}.`);
  if (where) parts.push(`Where: ${escapeHtml(p.where)}.`);
  return parts.join(' ');
}

function relationText(r: Relation | undefined): string {
  if (r === undefined) return '—';
  const v = formatNumber(r.value);
  switch (r.kind) {
    case 'equals':
      return `= ${v}`;
    case 'atMost':
      return `≤ ${v}`;
    case 'atLeast':
      return `≥ ${v}${r.sequential ? ` (sequential vs ${formatNumber(r.sequential.alternative)})` : ''}`;
    case 'within':
      return `${v} ± ${formatNumber(r.resolution)} (${r.axis})`;
    case 'shownBelow':
      return `shown < ${v}${r.minEffect === undefined ? '' : ` (effect ≥ ${formatNumber(r.minEffect)})`}`;
    case 'shownIncreasing':
      return `slope shown > ${v}${r.minEffect === undefined ? '' : ` (effect ≥ ${formatNumber(r.minEffect)})`}`;
    case 'nonDecreasing':
      return `steps not below ${v}`;
    case 'shownStepsIncrease':
      return `every step shown to rise above ${v}`;
    case 'distributed':
      return `~ Binomial(${r.trials}, ${formatNumber(r.p)})`;
    case 'implication':
      return `${r.antecedent} ⇒ ${r.consequent}`;
    default:
      return '—';
  }
}

function claimVerdict(r: PropertyRecord): string {
  const cs = configsOf(r);
  const rejected = cs.filter((c) => c.verdict === 'rejected').length;
  const warned = cs.filter((c) => c.calibrationWarning !== undefined).length;
  const warning = warned > 0 ? ` ⚠ calibration warning in ${warned}/${cs.length}` : '';
  if (r.verdict === 'pass') return `pass: consistent in ${cs.length - rejected}/${cs.length} configurations${warning}`;
  return rejected > 0 ? `FAIL: rejected in ${rejected}/${cs.length} configurations${warning}` : `FAIL (see Failures)${warning}`;
}

const badge = (pass: boolean, text?: string): string => `<span class="tc-badge ${pass ? 'tc-pass' : 'tc-fail'}">${escapeHtml(text ?? (pass ? 'pass' : 'FAIL'))}</span>`;

function twinPower(t: PropertyRecord): string {
  const p = configsOf(t).find((c) => c.power !== undefined)?.power;
  if (p === undefined) return 'not computed (no alternative declared)';
  const source = p.source ? ` (${escapeHtml(p.source)})` : '';
  const acceptance = p.acceptance !== undefined ? `; accepts in its own world w.p. ≥ ${formatNumber(p.acceptance)}` : '';
  return `${formatNumber(p.power)} against ${formatNumber(p.alternative)}${source}${acceptance}`;
}

function twinsTable(twins: PropertyRecord[], claimId: string): string {
  const rows = twins.map(
    (t) =>
      `<tr id="twin-${escapeHtml(safeId(t.claimId))}"><td><code>${escapeHtml(twinName(t, claimId, true))}</code></td><td>${escapeHtml(t.twinDescription ?? '—')}</td><td>${badge(t.verdict === 'pass', t.verdict === 'pass' ? 'rejected' : 'NOT rejected')}</td><td>${twinPower(t)}</td></tr>`,
  );
  return `<table class="tc-table"><thead><tr><th>Twin</th><th>Deliberately wrong</th><th>Result</th><th>Design-time power</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function configsTable(r: PropertyRecord): string {
  const cs = configsOf(r);
  if (cs.length === 0) return '<p>No configurations recorded.</p>';
  const rows = cs.map((c, i) => {
    const interval = c.interval === undefined ? '—' : formatInterval(c.interval);
    const verdict = r.kind === 'twin' ? c.verdict === 'rejected' : c.verdict === 'consistent';
    return `<tr><td>${i + 1}</td><td><code class="tc-config">${escapeHtml(canonicalJson(c.config ?? {}))}</code></td><td>${escapeHtml(formatCount(c.n))}</td><td>${escapeHtml(formatNumber(c.estimate))}</td><td>${escapeHtml(interval)}</td><td>${c.interval === undefined ? '—' : escapeHtml(formatLevel(c.interval.level))}</td><td>${escapeHtml(formatNumber(c.prediction))}</td><td>${escapeHtml(relationText(c.relation))}</td><td>${escapeHtml(formatAlpha(c.alpha))}</td><td>${c.pValue === undefined ? '—' : escapeHtml(formatNumber(c.pValue))}</td><td>${badge(verdict, c.verdict)}</td></tr>`;
  });
  const notes = cs.flatMap((c, i) => [...(c.notes ?? []), ...(c.calibrationWarning ? [`⚠ ${c.calibrationWarning}`] : [])].map((n) => `<li>configuration ${i + 1}: ${escapeHtml(n)}</li>`));
  return (
    `<details class="tc-configs"><summary>${plural(cs.length, 'configuration')}</summary><table class="tc-table"><thead><tr><th>#</th><th>Config</th><th>n</th><th>Estimate</th><th>Interval</th><th>Level</th><th>Prediction</th><th>Relation</th><th>α</th><th>p</th><th>Verdict</th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
    `${notes.length > 0 ? `<ul class="tc-notes">${notes.join('')}</ul>` : ''}</details>`
  );
}

function claimArticle(r: PropertyRecord, twins: PropertyRecord[], figures: RenderedFigure[]): string {
  const fact = (term: string, value: string): string => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`;
  const cs = configsOf(r);
  const facts = [
    fact('Statement', escapeHtml(r.statement)),
    fact('Paper', citationHtml(r.paper)),
    fact('Provenance', `${escapeHtml(r.provenance)} (${escapeHtml(PROVENANCE[r.provenance] ?? 'unknown tag')})`),
    fact('Test', r.test === undefined ? '—' : `${escapeHtml(r.test.name)}: ${escapeHtml(r.test.method)} (${escapeHtml(r.test.sides)})`),
    fact('α', `${escapeHtml(formatAlpha(r.alpha))} over ${plural(cs.length, 'assertion')}`),
    fact('Verdict', `${badge(r.verdict === 'pass')} ${escapeHtml(claimVerdict(r))}`),
    ...(r.failure ? [fact('Failure', `<pre>${escapeHtml(stripAnsi(r.failure))}</pre>`)] : []),
    fact('Reject twins', twins.length === 0 ? 'none' : twinsTable(twins, r.claimId)),
    fact('Replay', `<code>${escapeHtml(r.replay ?? '—')}</code>`),
  ];
  return (
    `<article class="tc-claim ${r.verdict === 'pass' ? 'tc-claim-pass' : 'tc-claim-fail'}" id="${claimAnchor(r.claimId)}">` +
    `<h3>${badge(r.verdict === 'pass')} <code>${escapeHtml(r.claimId)}</code> — ${escapeHtml(r.title)}</h3>` +
    `<dl class="tc-facts">${facts.join('')}</dl>${configsTable(r)}` +
    `${figures.length > 0 ? `<div class="tc-figures">${figures.map(figureHtml).join('')}</div>` : ''}</article>`
  );
}

/** Twins whose claim has no record in this report. */
function orphanTwins(twins: PropertyRecord[]): string {
  const rows = twins.map(
    (t) =>
      `<tr id="twin-${escapeHtml(safeId(t.claimId))}"><td><code>${escapeHtml(t.claimId)}</code></td><td>${escapeHtml(t.twinOf ?? '—')}</td><td>${escapeHtml(t.twinDescription ?? '—')}</td><td>${badge(t.verdict === 'pass', t.verdict === 'pass' ? 'rejected' : 'NOT rejected')}</td><td>${twinPower(t)}</td></tr>`,
  );
  return `<h3>Reject twins without their claim's record</h3><table class="tc-table"><thead><tr><th>Twin</th><th>Twin of</th><th>Deliberately wrong</th><th>Result</th><th>Design-time power</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** `ours` of a reproduction row as compact JSON with 4 significant digits. */
const oursText = (ours: unknown): string => (ours === undefined ? '—' : JSON.stringify(ours, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(4)) : v)));

function reproductionTable(rows: ReproductionRow[]): string {
  const verdictClass = (v: string): string => (v === 'reproduced' ? 'tc-pass' : v === 'not reproduced' ? 'tc-fail' : 'tc-neutral');
  const body = rows.map(
    (r) =>
      `<tr><td><code>${escapeHtml(r.claim)}</code></td><td>${escapeHtml(r.setting)}</td><td>${escapeHtml(r.paper)}</td><td><code class="tc-config">${escapeHtml(oursText(r.ours))}</code></td><td><span class="tc-badge ${verdictClass(r.verdict)}">${escapeHtml(r.verdict)}</span></td><td>${escapeHtml(r.why ?? '')}</td></tr>`,
  );
  return (
    '<h3>Reproduction rows</h3><p>Headline values and settings the suite reruns without asserting them: the paper\'s statement, ours, and a verdict. A "not reproduced" row is a result, not a failure.</p>' +
    `<table class="tc-table tc-repro"><thead><tr><th>Claim</th><th>Setting</th><th>Paper</th><th>Ours</th><th>Verdict</th><th>Why</th></tr></thead><tbody>${body.join('')}</tbody></table>`
  );
}

/** The paper key of a reproduction row: its claim's record, else a record sharing its id prefix, else the prefix table. */
function paperOfRow(row: ReproductionRow, records: PropertyRecord[]): string {
  const claim = String(row.claim ?? '');
  const exact = records.find((r) => r.claimId === claim && r.paperKey !== undefined);
  if (exact?.paperKey !== undefined) return exact.paperKey;
  const prefix = claim.split(/[.\s]/)[0];
  return records.find((r) => r.claimId.startsWith(`${prefix}.`) && r.paperKey !== undefined)?.paperKey ?? PAPER_OF_PREFIX[prefix] ?? 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Sections

function engineText(e: EngineInfo): string {
  const why = (e as { why?: unknown }).why;
  const parts = [escapeHtml(e.backend)];
  if (typeof why === 'string' && why !== '') parts.push(`— ${escapeHtml(why)}`);
  if (e.fallback) parts.push(`<span class="tc-warn">⚠ automatic fallback: ${escapeHtml(e.fallback)}</span>`);
  return parts.join(' ');
}

const versionsText = (e: EngineInfo): string =>
  Object.entries(e.versions ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '—';

function headerSection(report: Report): string {
  const h = report.header;
  const claims = report.properties.filter((r) => r.kind !== 'twin');
  const twins = report.properties.filter((r) => r.kind === 'twin');
  const b = h.alphaBudget;
  const warn = (text: string): string => `<span class="tc-warn">${escapeHtml(text)}</span>`;
  const share = b.total > 0 ? ` (${formatPercent(b.allocated / b.total)} of the total)` : '';
  const versionLists = [...new Set(h.engines.map(versionsText))];
  const crashed = h.tests.crashedFiles?.length ?? 0;
  const rows: [string, string][] = [
    ['Run id', `${escapeHtml(h.runId)} (schema ${escapeHtml(h.schemaVersion)}), started ${escapeHtml(h.startedAt)}`],
    ['Master seed', `${escapeHtml(h.masterSeed)} — ${h.freshSeed ? 'fresh: drawn for this run; replay with THEORYCHECK_SEED' : 'fixed (not fresh)'}`],
    ['Profile', escapeHtml(h.profile)],
    ['Backend', h.engines.length === 0 ? '— (no records)' : h.engines.map(engineText).join('<br>')],
    ['Versions', versionLists.length <= 1 ? escapeHtml(versionLists[0] ?? '—') : h.engines.map((e) => `${escapeHtml(e.backend)}: ${escapeHtml(versionsText(e))}`).join('<br>')],
    ['Git commit', escapeHtml(h.gitCommit ?? '— (not a git repository)')],
    [
      'α budget',
      `total ${escapeHtml(formatAlpha(b.total))}; allocated ${escapeHtml(formatAlpha(b.allocated))}${escapeHtml(share)} over ${plural(b.assertions, 'assertion')}${b.allocated > b.total * (1 + 1e-9) ? ` ${warn('⚠ OVER BUDGET')}` : ''}`,
    ],
    ...(b.actual !== undefined
      ? ([
          [
            'Actual false-failure rate (sum)',
            `${escapeHtml(formatAlpha(b.actual))}${b.actual > b.total * (1 + 1e-9) ? ` ${warn('⚠ ABOVE THE BUDGET')}` : ` ≤ total ${escapeHtml(formatAlpha(b.total))}`}; ${b.unbounded ?? 0} of ${b.assertions} assertions without a bound (counted at their nominal α)`,
          ],
          ['Calibration warnings', (b.calibrationWarnings ?? 0) > 0 ? warn(`⚠ ${b.calibrationWarnings} (must be 0 in the gate and full profiles)`) : '0'],
        ] as [string, string][])
      : []),
    ['Tests (jest)', `${h.tests.passed} passed, ${h.tests.failed} failed, ${h.tests.skipped} skipped${crashed > 0 ? ` ${warn(`(incl. ${plural(crashed, 'test file')} that crashed)`)}` : ''}`],
    [
      'Properties',
      `${plural(claims.length, 'claim')} (${claims.filter((r) => r.verdict === 'pass').length} pass, ${claims.filter((r) => r.verdict !== 'pass').length} fail); ` +
        `${plural(twins.length, 'reject twin')} (${twins.filter((r) => r.verdict === 'pass').length} rejected, ${twins.filter((r) => r.verdict !== 'pass').length} not)`,
    ],
    ...(h.reproductions
      ? ([['Reproduction rows', `${h.reproductions.total}: ${h.reproductions.reproduced} reproduced, ${h.reproductions.notReproduced} not reproduced, ${h.reproductions.notComparable} not comparable`]] as [string, string][])
      : []),
    ['Wall time', escapeHtml(formatDuration(h.wallTimeMs))],
  ];
  return `<header><h1>theorycheck report — ${escapeHtml(h.runId)}</h1><table class="tc-table tc-header"><tbody>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table></header>`;
}

function errorsSection(errors: FigureError[]): string {
  if (errors.length === 0) return '';
  const items = errors.map((e) => `<li><a href="#fig-${escapeHtml(e.id)}">${escapeHtml(e.id)}</a> (${escapeHtml(e.claimId)}): ${escapeHtml(e.message)}</li>`);
  return `<section class="tc-errors" id="figure-errors"><h2>⚠ ${plural(errors.length, 'figure')} could not be drawn</h2><ul>${items.join('')}</ul></section>`;
}

function failuresSection(report: Report): string {
  const failed = report.properties.filter((r) => r.verdict !== 'pass');
  const items = failed.map((r) => {
    const anchor = r.kind === 'twin' ? `twin-${safeId(r.claimId)}` : claimAnchor(r.claimId);
    const what = r.kind === 'twin' ? 'reject twin NOT rejected' : 'claim failed';
    return `<li><a href="#${escapeHtml(anchor)}"><code>${escapeHtml(r.claimId)}</code></a> — ${what}: ${escapeHtml(r.title)}<pre>${escapeHtml(stripAnsi(r.failure ?? '(no failure message recorded)'))}</pre>Replay: <pre>${escapeHtml(r.replay ?? '(no replay line recorded)')}</pre></li>`;
  });
  const crashed = (report.header.tests.crashedFiles ?? []).map((c) => `<li>Test file crashed (no test result, possibly no records): <code>${escapeHtml(c.file)}</code><pre>${escapeHtml(stripAnsi(c.message || '(no message)'))}</pre></li>`);
  const failing = (report.header.tests.failingTests ?? []).map((t) => `<li>Failing jest test: <code>${escapeHtml(t.file)}</code>: ${escapeHtml(t.name)}</li>`);
  const all = [...items, ...crashed, ...failing];
  return `<section id="failures" class="${all.length > 0 ? 'tc-failures' : ''}"><h2>Failures</h2>${all.length === 0 ? '<p>None: every claim passed and every reject twin rejected its wrong engine.</p>' : `<ol>${all.join('')}</ol>`}</section>`;
}

const HOW_TO_READ =
  'Each claim from a paper is a statistical test on the engine. For every generated configuration a Monte Carlo experiment runs on n independent units: the estimate is the measured quantity, the interval its confidence interval at level 1 − α, and the prediction the value (or bound) the claim states. A configuration is consistent when its interval is compatible with the prediction on the side the claim allows, and a claim passes only if every configuration is consistent. The α of each test is its share of the suite-wide false-failure budget (header), so a correct engine makes the whole suite fail with probability at most the total. A reject twin re-runs a claim\'s test against something deliberately wrong and must be rejected; its power against the wrong value is computed before the run. Provenance: P paper text, S secondary source, R recalled (unverified), D derived. Every figure keeps its vega-lite spec (data inlined) under "vega-lite spec", to re-plot it elsewhere.';

function paperSection(paper: string, records: PropertyRecord[], all: PropertyRecord[], rows: ReproductionRow[], figures: Map<string, RenderedFigure[]>): string {
  const claims = records.filter((r) => r.kind !== 'twin');
  const claimIds = new Set(all.filter((r) => r.kind !== 'twin').map((r) => r.claimId));
  const orphans = records.filter((r) => r.kind === 'twin' && (r.twinOf === undefined || !claimIds.has(r.twinOf)));
  const citations = [...new Map(claims.filter((r) => r.paper !== undefined).map((r) => [r.paper.title, r.paper])).values()];
  const sorted = [...claims].sort((a, b) => Number(a.verdict === 'pass') - Number(b.verdict === 'pass'));
  const summary = sorted.map((r) => {
    const twins = twinsOf(all, r.claimId);
    const twinText = twins.map((t) => `${badge(t.verdict === 'pass', t.verdict === 'pass' ? 'rejected' : 'NOT rejected')} ${escapeHtml(twinName(t, r.claimId, true))}`).join(' ');
    return `<tr><td>${badge(r.verdict === 'pass')}</td><td><a href="#${claimAnchor(r.claimId)}"><code>${escapeHtml(r.claimId)}</code></a></td><td>${escapeHtml(r.title)}</td><td>${twinText || '—'}</td></tr>`;
  });
  return (
    `<section class="tc-paper" id="${paperAnchor(paper)}"><h2>${escapeHtml(paper)}</h2>` +
    `${citations.map((c) => `<p class="tc-cite">${citationHtml(c, false)}</p>`).join('')}` +
    `${claims.length > 0 ? `<table class="tc-table"><thead><tr><th>Verdict</th><th>Claim</th><th>Title</th><th>Reject twins</th></tr></thead><tbody>${summary.join('')}</tbody></table>` : ''}` +
    claims.map((r) => claimArticle(r, twinsOf(all, r.claimId), figures.get(r.claimId) ?? [])).join('') +
    `${orphans.length > 0 ? orphanTwins(orphans) : ''}${rows.length > 0 ? reproductionTable(rows) : ''}</section>`
  );
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1a202c;margin:0 auto;max-width:1200px;padding:0 16px 48px}
h1{font-size:22px;margin:18px 0 10px}h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid #cbd5e0}h3{font-size:15px;margin:18px 0 6px}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}pre{white-space:pre-wrap;word-break:break-word;background:#f7fafc;border:1px solid #e2e8f0;padding:6px 8px;margin:4px 0;max-height:420px;overflow:auto}
.tc-table{border-collapse:collapse;margin:6px 0;font-size:13px}.tc-table th,.tc-table td{border:1px solid #e2e8f0;padding:3px 6px;vertical-align:top;text-align:left}.tc-table thead th{background:#edf2f7}
.tc-header th{background:#f7fafc;white-space:nowrap}.tc-config{word-break:break-all}
.tc-badge{display:inline-block;border-radius:3px;padding:0 5px;font-size:12px;font-weight:600;color:#fff}.tc-pass{background:#2f855a}.tc-fail{background:#c53030}.tc-neutral{background:#718096}
.tc-warn{color:#c05621;font-weight:600}
.tc-claim{border:1px solid #e2e8f0;border-left:4px solid #2f855a;border-radius:4px;padding:4px 14px 10px;margin:14px 0}.tc-claim-fail{border-left-color:#c53030;background:#fff5f5}
.tc-facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}.tc-facts dt{font-weight:600;color:#4a5568}.tc-facts dd{margin:0}
.tc-figures{display:flex;flex-wrap:wrap;gap:16px;margin-top:10px}
.tc-figure{margin:0;max-width:100%;box-sizing:border-box;border:1px solid #edf2f7;border-radius:4px;padding:6px}.tc-svg svg{max-width:100%;height:auto;display:block}
.tc-figure figcaption{font-size:13px;color:#2d3748;margin-top:4px}.tc-spec summary,.tc-configs summary{cursor:pointer;color:#2b6cb0;font-size:13px}
.tc-error,.tc-errors{border:2px solid #c53030;background:#fff5f5;color:#742a2a;padding:10px;border-radius:4px}
.tc-failures{border:2px solid #c53030;border-radius:4px;padding:0 12px 8px;background:#fff5f5}
.tc-cite{color:#4a5568;margin:2px 0}nav ul{columns:2;margin:4px 0}
`;

// ---------------------------------------------------------------------------------------------
// Entry points

/** The HTML of a report, its rendered figures and the figures that could not be drawn. */
export async function renderHtmlReport(report: Report, options: HtmlOptions = {}): Promise<HtmlRendering> {
  const records = Array.isArray(report.properties) ? report.properties : [];
  const figures = await renderFigures(records, options.render);
  const byClaim = new Map<string, RenderedFigure[]>();
  for (const f of figures) byClaim.set(f.claimId, [...(byClaim.get(f.claimId) ?? []), f]);
  const errors: FigureError[] = figures.filter((f) => f.error !== undefined).map((f) => ({ id: f.id, claimId: f.claimId, message: f.error ?? '' }));

  const rowsByPaper = new Map<string, ReproductionRow[]>();
  for (const row of report.reproductions ?? []) {
    const key = paperOfRow(row, records);
    rowsByPaper.set(key, [...(rowsByPaper.get(key) ?? []), row]);
  }
  const groups = new Map(byPaper(records));
  const papers = [...new Set([...groups.keys(), ...rowsByPaper.keys()])].sort((a, b) => a.localeCompare(b));
  const contents = papers.map((p) => {
    const claims = (groups.get(p) ?? []).filter((r) => r.kind !== 'twin');
    const failed = claims.filter((r) => r.verdict !== 'pass').length;
    return `<li><a href="#${paperAnchor(p)}">${escapeHtml(p)}</a>: ${plural(claims.length, 'claim')}${failed > 0 ? ` <span class="tc-warn">(${failed} failed)</span>` : ''}</li>`;
  });

  const html = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>theorycheck report — ${escapeHtml(report.header.runId)}</title><style>${STYLE}</style></head><body>`,
    headerSection(report),
    errorsSection(errors),
    failuresSection(report),
    `<nav><h2>Contents</h2><ul>${contents.join('')}</ul></nav>`,
    `<section id="how-to-read"><h2>How to read</h2><p>${escapeHtml(HOW_TO_READ)}</p></section>`,
    ...papers.map((p) => paperSection(p, groups.get(p) ?? [], records, rowsByPaper.get(p) ?? [], byClaim)),
    '</body></html>',
    '',
  ].join('\n');
  return { html, figures, errors };
}

/** The HTML of a report (see {@link renderHtmlReport} for its figure errors). */
export async function renderHtml(report: Report): Promise<string> {
  return (await renderHtmlReport(report)).html;
}

/** Writes a rendering: `<dir>/report.html`, and `<dir>/figures/<id>.vl.json` and `<id>.svg` per figure; returns the HTML's path. */
export function writeHtmlRendering(rendering: HtmlRendering, dir: string): string {
  const figuresDir = path.join(dir, FIGURES_DIR);
  fs.mkdirSync(figuresDir, { recursive: true });
  for (const f of rendering.figures) {
    if (f.spec !== undefined) fs.writeFileSync(path.join(figuresDir, `${f.id}.vl.json`), `${JSON.stringify(f.spec, null, 2)}\n`);
    if (f.svg !== undefined) fs.writeFileSync(path.join(figuresDir, `${f.id}.svg`), f.svg);
  }
  const file = path.join(dir, HTML_FILE);
  fs.writeFileSync(file, rendering.html);
  return file;
}

/** Renders and writes the HTML report into `dir` (see {@link writeHtmlRendering}); returns the HTML's path. */
export async function writeHtmlReport(report: Report, dir: string): Promise<string> {
  return writeHtmlRendering(await renderHtmlReport(report), dir);
}
