/**
 * The audit's reports (`theorycheck audit`, reports/audit-schema.ts): audit.json as written by the
 * audit, audit.md (a summary table fit for a CI job summary, then per component its details) and
 * audit.html (one self-contained page: the same tables and four figures drawn as static SVG by vega,
 * each with its vega-lite spec beside it, also kept as figures/<id>.vl.json and figures/<id>.svg).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { AUDIT_SCHEMA_VERSION, type AuditReport, type AuditVerdict, type Estimate, type SubjectAudit } from './audit-schema';
import { seriesSpec, type SeriesRow } from './figures/chart';
import { formatNumber } from './format';
import { completeSpec, renderSvgs } from './figures/svg';
import type { FigureSpec } from './figures/types';

const fmt = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : formatNumber(x));
const est = (e: Estimate | undefined): string => (e ? `${fmt(e.estimate)} [${fmt(e.lower)}, ${fmt(e.upper)}]` : '—');
const mark = (v: AuditVerdict | undefined): string => (v === undefined ? '—' : v === 'keeps' ? `✅ ${v}` : v === 'breaks' ? `❌ ${v}` : v);
const pct = (level: number): string => `${+(level * 100).toFixed(3)}%`;

/** The summary table: one row per component. */
export function auditSummaryRows(report: AuditReport): string[][] {
  return report.subjects.map((s) => {
    const f = s.fm1;
    const bd = s.bornDead;
    return [
      s.label,
      s.declared,
      f ? est(f.c) : '—',
      f ? est(f.gain) : '—',
      f ? `${est(f.measured.ratio)} vs ${est(f.measured.predicted)} (depth ${f.measured.depth})` : '—',
      f ? f.predicted.map((p) => fmt(p.estimate)).join(' / ') : '—',
      mark(f?.verdict),
      s.fm2 ? `${est(s.fm2.mu4)}; ${fmt(s.fm2.constant.lower)}–${fmt(s.fm2.constant.upper)}` : '—',
      mark(s.fm2?.verdict),
      bd ? `${bd.dead}/${bd.nets} ${est(bd.measured)} vs ${fmt(bd.predicted)}` : '—',
      mark(bd?.verdict),
      mark(s.regions?.verdict),
      f ? fmt(f.varianceCorrection) : '—',
    ];
  });
}

function summaryHeader(report: AuditReport): string[] {
  const depths = report.subjects.find((s) => s.fm1)?.fm1?.predicted.map((p) => p.depth).join(' / ') ?? '10 / 50 / 100';
  return ['component', 'declared', 'c = fan-in·Var(w)', 'gain per layer', 'E[M_d]/M_0 measured vs ∏ g_l', `g^d at ${depths}`, 'FM1', 'μ̃4; FM2 constant', 'FM2', 'born dead: measured vs predicted', 'born dead', 'regions', 'variance × to fix'];
}

const engineLine = (r: AuditReport): string => (r.engine.fallback ? `${r.engine.backend} ⚠ automatic fallback (${r.engine.fallback})` : r.engine.why ? `${r.engine.backend} (${r.engine.why})` : r.engine.backend);

function provenance(r: AuditReport): string[] {
  return [
    `seed ${r.seed}`,
    `commit ${r.gitCommit ?? 'unknown'}`,
    `backend ${engineLine(r)}`,
    `intervals two-sided at ${pct(r.level)}`,
    `started ${r.startedAt}, ${(r.wallTimeMs / 1000).toFixed(1)} s`,
    `design ${JSON.stringify(r.design)}`,
  ];
}

function details(s: SubjectAudit): { title: string; lines: string[]; tables: { caption: string; header: string[]; rows: string[][] }[] } {
  const lines: string[] = [`${s.kind}; declared: ${s.declared}; widths [${s.widths.join(', ')}]`];
  if (s.fm1?.cause) lines.push(`FM1 cause: ${s.fm1.cause}`);
  if (s.fm1) lines.push(`FM1 ${s.fm1.verdict} (resolution |g − 1| ≤ ${s.fm1.resolution}); variance × ${fmt(s.fm1.varianceCorrection)} reaches c = 2${s.fm1.cDeclared !== undefined ? `; declared c = ${fmt(s.fm1.cDeclared)}` : ''}`);
  if (s.bornDead?.reason) lines.push(`born dead: ${s.bornDead.reason}`);
  if (s.regions?.reason) lines.push(`regions: ${s.regions.reason}`);
  for (const n of s.notes ?? []) lines.push(`note: ${n}`);
  const tables = [];
  if (s.fm1 && s.fm1.perLayer.length > 1 && s.kind !== 'initializer' && s.kind !== 'control') {
    tables.push({ caption: 'FM1 per layer', header: ['layer', 'fan-in → fan-out', 'c'], rows: s.fm1.perLayer.map((p) => [String(p.layer), `${p.fanIn} → ${p.fanOut}`, est(p.c)]) });
  }
  if (s.fm2 && s.fm2.layers.length > 0) {
    tables.push({
      caption: 'FM2 per-layer identity E[F²]/E[F]² = 1 + (5 + 2(μ̃4 − 3)ρ̄)/n (the verdict)',
      header: ['layer', 'n', 'ρ̄', 'predicted', 'measured', 'nets', 'consistent'],
      rows: s.fm2.layers.map((l) => [l.layer === 0 ? 'all (pooled)' : String(l.layer), String(l.fanOut), fmt(l.rho), `[${fmt(l.predicted.lower)}, ${fmt(l.predicted.upper)}]`, est(l.measured), String(l.nets), l.consistent ? 'yes' : 'no']),
    });
  }
  if (s.fm2 && s.fm2.rows.length > 0) {
    tables.push({
      caption: 'FM2 against β: E[M_d²]/E[M_d]² in the band ∏(1 + min(5, 2μ̃4 − 1)/n_j) … ∏(1 + max(5, 2μ̃4 − 1)/n_j) (shown; heavy-tailed)',
      header: ['depth', 'β', 'band', 'measured', 'nets', 'in band'],
      rows: s.fm2.rows.map((r) => [String(r.widths.length - 1), fmt(r.beta), `[${fmt(r.predictedLower)}, ${fmt(r.predictedUpper)}]`, est(r.measured), String(r.nets), r.consistent ? 'yes' : 'no']),
    });
  }
  if (s.regions) {
    tables.push({
      caption: `Breakpoints on a segment of length ${s.regions.segmentLength} (Gaussian biases, std ${s.regions.biasStd}) against the bound`,
      header: ['depth', 'widths', 'bound at c', 'bound at c\'s upper ends', 'measured mean', 'nets', 'within bound'],
      rows: s.regions.rows.map((r) => [String(r.depth), r.widths.join('-'), fmt(r.bound), fmt(r.boundUpper), est(r.measured), String(r.nets), r.withinBound ? 'yes' : 'no']),
    });
  }
  return { title: s.label, lines, tables };
}

const mdRow = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
const mdTable = (header: string[], rows: string[][]): string => [mdRow(header), mdRow(header.map(() => '---')), ...rows.map(mdRow)].join('\n');

/** The summary table alone (what the CLI prints and a CI job summary shows). */
export function renderAuditSummary(report: AuditReport): string {
  return mdTable(summaryHeader(report), auditSummaryRows(report));
}

export function renderAuditMarkdown(report: AuditReport): string {
  const out = ['# theorycheck audit', '', provenance(report).map((l) => `- ${l}`).join('\n'), '', renderAuditSummary(report), ''];
  for (const s of report.subjects) {
    const d = details(s);
    out.push(`## ${d.title}`, '', ...d.lines.map((l) => `- ${l}`), '');
    for (const t of d.tables) out.push(`**${t.caption}**`, '', mdTable(t.header, t.rows), '');
  }
  return out.join('\n');
}

/** Twenty distinct colours: an audit has a dozen components. */
const PALETTE = { range: { category: { scheme: 'tableau20' } }, axis: { labelLimit: 240 } };
const withPalette = (spec: TopLevelSpec): TopLevelSpec => ({ ...spec, config: PALETTE }) as TopLevelSpec;

/** The audit's figures (a figure is left out when no component has what it draws). */
export function auditFigureSpecs(report: AuditReport): FigureSpec[] {
  const figures: FigureSpec[] = [];
  const withFm1 = report.subjects.filter((s) => s.fm1);
  if (withFm1.length > 0) {
    const data = withFm1.map((s) => ({ component: s.label, gain: s.fm1!.gain.estimate, low: s.fm1!.gain.lower, high: s.fm1!.gain.upper, verdict: s.fm1!.verdict }));
    const r = withFm1[0].fm1!.resolution;
    figures.push({
      id: 'audit-gain',
      title: 'FM1: gain per layer g = c/2',
      caption: `Each component's measured gain per layer with its ${pct(report.level)} interval; FM1 is avoided at g = 1 (the band is 1 ± ${r}). Log scale.`,
      spec: {
        height: Math.max(120, 22 * data.length),
        data: { values: data },
        layer: [
          { mark: { type: 'rule', strokeDash: [4, 3], color: '#38a169' }, encoding: { x: { datum: 1, type: 'quantitative' } } },
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y: { field: 'component', type: 'nominal', sort: null, title: null }, x: { field: 'low', type: 'quantitative', scale: { type: 'log' }, title: 'gain per layer' }, x2: { field: 'high' }, color: { field: 'verdict', type: 'nominal', scale: { domain: ['keeps', 'breaks', 'undetermined'], range: ['#2b6cb0', '#c53030', '#718096'] } } } },
          { mark: { type: 'point', filled: true, size: 50 }, encoding: { y: { field: 'component', type: 'nominal', sort: null }, x: { field: 'gain', type: 'quantitative' }, color: { field: 'verdict', type: 'nominal' } } },
        ],
        config: PALETTE,
      } as unknown as TopLevelSpec,
    });
    const rows: SeriesRow[] = withFm1.flatMap((s) => s.fm1!.predicted.map((p) => ({ series: s.label, x: p.depth, y: p.estimate, low: p.lower, high: p.upper })));
    const depth = seriesSpec(rows, { xTitle: 'depth d', yTitle: 'E[M_d]/M_0 = g^d', seriesTitle: 'component', connect: true, log: true });
    if (depth) figures.push({ id: 'audit-fm1-depth', title: 'FM1: the mean squared length at depth', caption: 'g^d from each measured gain (its interval\'s ends as bars) at the printed depths: a gain off 1 by a few percent moves the mean length by decades.', spec: withPalette(depth.spec) });
  }
  const identity = report.subjects.flatMap((s) => (s.fm2?.layers ?? []).map((l) => ({ component: l.layer === 0 ? s.label : `${s.label} (layer ${l.layer})`, y: l.measured.estimate, low: l.measured.lower, high: l.measured.upper, lo: l.predicted.lower, hi: l.predicted.upper, verdict: l.consistent ? 'keeps' : 'breaks' })));
  if (identity.length > 0) {
    const y = { field: 'component', type: 'nominal', sort: null, title: null };
    figures.push({
      id: 'audit-fm2',
      title: 'FM2: the per-layer identity E[F²]/E[F]² = 1 + (5 + 2(μ̃4 − 3)ρ̄)/n',
      caption: `F = M_l/M_{l−1}; grey: the prediction from the measured μ̃4 and ρ̄; dot and bar: measured with its ${pct(report.level)} interval. A miss means dependent or asymmetric weights.`,
      spec: {
        height: Math.max(120, 22 * identity.length),
        data: { values: identity },
        layer: [
          { mark: { type: 'rule', strokeWidth: 9, opacity: 0.35, color: '#718096' }, encoding: { y, x: { field: 'lo', type: 'quantitative', scale: { zero: false }, title: 'E[F²]/E[F]²' }, x2: { field: 'hi' } } },
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, color: { field: 'verdict', type: 'nominal', scale: { domain: ['keeps', 'breaks'], range: ['#2b6cb0', '#c53030'] } } } },
          { mark: { type: 'point', filled: true, size: 50 }, encoding: { y, x: { field: 'y', type: 'quantitative' }, color: { field: 'verdict', type: 'nominal' } } },
        ],
        config: PALETTE,
      } as unknown as TopLevelSpec,
    });
  }
  // Against β: one component per law (μ̃4 to 0.1): the band depends on the law and the widths only.
  const seen = new Set<string>();
  const withFm2 = report.subjects.filter((s) => {
    if (!s.fm2 || s.fm2.rows.length === 0) return false;
    const key = `${s.fm2.mu4.estimate.toFixed(1)}:${s.widths.join('-')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (withFm2.length > 0) {
    const data = withFm2.flatMap((s) => s.fm2!.rows.map((r) => ({ component: `${s.label} (μ̃4 ${s.fm2!.mu4.estimate.toFixed(2)})`, beta: r.beta, y: r.measured.estimate, low: r.measured.lower, high: r.measured.upper, lo: r.predictedLower, hi: r.predictedUpper })));
    const x = { field: 'beta', type: 'quantitative', title: 'β = Σ 1/n_j' };
    const color = { field: 'component', type: 'nominal', sort: null, title: 'law of' };
    figures.push({
      id: 'audit-fm2-beta',
      title: 'FM2: E[M_d²]/E[M_d]² against β',
      caption: 'One component per law: the measured ratio (bars: its interval, approximate — the statistic is heavy-tailed) and the band FM2 predicts from the measured μ̃4 (shaded; zero width for Gaussian weights).',
      spec: {
        data: { values: data },
        layer: [
          { mark: { type: 'area', opacity: 0.2 }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: 'E[M²]/E[M]²', scale: { zero: false } }, y2: { field: 'hi' }, color: { ...color, legend: null } } },
          { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color } },
          { mark: { type: 'point', filled: true, size: 40 }, encoding: { x, y: { field: 'y', type: 'quantitative' }, color } },
        ],
        config: PALETTE,
      } as unknown as TopLevelSpec,
    });
  }
  const withRegions = report.subjects.filter((s) => s.regions && s.regions.rows.length > 0);
  if (withRegions.length > 0) {
    const rows: SeriesRow[] = withRegions.flatMap((s) => s.regions!.rows.map((r) => ({ series: s.label, x: r.depth, y: r.measured.estimate, low: r.measured.lower, high: r.measured.upper, predicted: r.bound })));
    const spec = seriesSpec(rows, { xTitle: 'depth (same number of neurons)', yTitle: 'breakpoints on the segment', seriesTitle: 'component', log: false });
    if (spec) figures.push({ id: 'audit-regions', title: 'Regions along a line against the bound', caption: 'Mean breakpoints (bars: interval) and the bound (dashed) at the measured c: flat in depth at c = 2, geometric otherwise.', spec: withPalette(spec.spec) });
  }
  return figures;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const htmlTable = (header: string[], rows: string[][]): string =>
  `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td class="${c.startsWith('❌') ? 'breaks' : c.startsWith('✅') ? 'keeps' : ''}">${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

export function renderAuditHtml(report: AuditReport, figures: { id: string; title: string; caption?: string; svg: string; spec: object }[]): string {
  const body = [
    '<h1>theorycheck audit</h1>',
    `<ul class="provenance">${provenance(report).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
    '<h2>Summary</h2>',
    htmlTable(summaryHeader(report), auditSummaryRows(report)),
    '<h2>Figures</h2>',
    ...figures.map((f) => `<figure id="${esc(f.id)}"><figcaption><b>${esc(f.title)}</b>${f.caption ? ` — ${esc(f.caption)}` : ''}</figcaption>${f.svg}<details><summary>vega-lite spec</summary><pre>${esc(JSON.stringify(f.spec, null, 1))}</pre></details></figure>`),
    ...report.subjects.map((s) => {
      const d = details(s);
      return `<section><h2>${esc(d.title)}</h2><ul>${d.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>${d.tables.map((t) => `<h3>${esc(t.caption)}</h3>${htmlTable(t.header, t.rows)}`).join('')}</section>`;
    }),
  ];
  const css = 'body{font-family:Helvetica,Arial,sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse;margin:0.5em 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f4f4f4}td.breaks{background:#fde8e8}td.keeps{background:#e6f4ea}figure{margin:1em 0}pre{font-size:11px;max-height:20em;overflow:auto;background:#f8f8f8}';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>theorycheck audit</title><style>${css}</style></head><body>\n${body.join('\n')}\n</body></html>\n`;
}

/** Writes audit.json, audit.md, audit.html and figures/<id>.{vl.json,svg} into `dir`. */
export async function writeAuditReport(dir: string, report: AuditReport): Promise<{ json: string; markdown: string; html: string; errors: { id: string; message: string }[] }> {
  fs.mkdirSync(path.join(dir, 'figures'), { recursive: true });
  const json = path.join(dir, 'audit.json');
  fs.writeFileSync(json, `${JSON.stringify(report, null, 1)}\n`);
  const markdown = path.join(dir, 'audit.md');
  fs.writeFileSync(markdown, renderAuditMarkdown(report));
  const specs = auditFigureSpecs(report).map((f) => ({ ...f, complete: completeSpec(f) }));
  const svgs = await renderSvgs(specs.map((f) => f.complete));
  const errors: { id: string; message: string }[] = [];
  const drawn = specs.flatMap((f, i) => {
    const svg = svgs[i];
    fs.writeFileSync(path.join(dir, 'figures', `${f.id}.vl.json`), `${JSON.stringify(f.complete, null, 1)}\n`);
    if (svg instanceof Error) {
      errors.push({ id: f.id, message: svg.message });
      return [];
    }
    fs.writeFileSync(path.join(dir, 'figures', `${f.id}.svg`), svg);
    return [{ id: f.id, title: f.title, caption: f.caption, svg, spec: f.complete }];
  });
  const html = path.join(dir, 'audit.html');
  fs.writeFileSync(html, renderAuditHtml(report, drawn));
  return { json, markdown, html, errors };
}

/** Reads an audit.json (or the directory holding one), checking its schema's major version. */
export function readAuditReport(where: string): AuditReport {
  const file = fs.existsSync(where) && fs.statSync(where).isDirectory() ? path.join(where, 'audit.json') : where;
  let report: AuditReport;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8')) as AuditReport;
  } catch (err) {
    throw new Error(`${file}: not a readable audit report (${(err as Error).message})`, { cause: err });
  }
  const major = (v: unknown): string => String(v).split('.')[0];
  if (major(report.schemaVersion) !== major(AUDIT_SCHEMA_VERSION)) throw new Error(`${file}: audit schema ${String(report.schemaVersion)}, this theorycheck reads ${AUDIT_SCHEMA_VERSION}`);
  return report;
}
