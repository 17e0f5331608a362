/** The HTML report: self-contained, escaped, figures drawn per claim, failures first, reproduction rows per paper, figure errors collected. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIGURES_DIR, HTML_FILE, renderHtmlReport, writeHtmlReport, type HtmlRendering } from './html-writer';
import { renderSvg } from './figures/svg';
import { PAPER_FIGURES, type FigureBuilder } from './figures/index';
import { FIXTURE_CLAIM_ID, fixtureClaim, fixtureFailingClaim, fixtureTwin } from './test-fixtures';
import type { PropertyRecord, Report, ReproductionRow } from './schema';

const PAPER = 'fixture-2018';
const HOSTILE = '<script>alert("x")</script> & \'quoted\'';
const ONE_SIDED_ID = 'FIX2018.FM1.one-sided';

function report(properties: PropertyRecord[], reproductions: ReproductionRow[] = []): Report {
  return {
    header: {
      schemaVersion: '1.4.0',
      runId: 'test-run',
      startedAt: '2026-01-01T00:00:00.000Z',
      wallTimeMs: 1234,
      masterSeed: 20181203,
      freshSeed: false,
      profile: 'gate',
      gitCommit: 'abc123',
      engines: [{ backend: 'cpu', versions: { node: '20' }, fallback: 'wasm: failed to start', why: 'tfjs-node is not installed' } as Report['header']['engines'][number]],
      alphaBudget: { total: 1e-3, allocated: 5e-4, assertions: 10, actual: 3e-4, unbounded: 0, calibrationWarnings: 0 },
      tests: { passed: 3, failed: 1, skipped: 0 },
    },
    properties,
    reproductions,
  };
}

/** A one-sided (atLeast) claim whose lower bounds are open: null as read back from report.json, and −∞. */
function oneSidedClaim(): PropertyRecord {
  const base = fixtureClaim();
  const relation = { kind: 'atLeast' as const, value: 0.9 };
  return fixtureClaim({
    claimId: ONE_SIDED_ID,
    paperKey: PAPER,
    configs: [
      { ...base.configs[0], estimate: 0.97, interval: { lower: null as unknown as number, upper: 0.99, level: 0.99 }, prediction: 0.9, relation },
      { ...base.configs[1], estimate: 0.95, interval: { lower: -Infinity, upper: 0.98, level: 0.99 }, prediction: 0.9, relation },
    ],
  });
}

const hostileClaim = (): PropertyRecord =>
  fixtureClaim({
    claimId: 'FIX2018.FM1.hostile',
    paperKey: PAPER,
    title: HOSTILE,
    statement: `${HOSTILE} statement`,
    configs: fixtureClaim().configs.map((c, i) => ({ ...c, config: { activation: i === 0 ? '<b>bold</b>' : 'tanh' } })),
  });

const ROWS: ReproductionRow[] = [
  { claim: FIXTURE_CLAIM_ID, setting: 'depth 95', paper: 'factor ½', ours: { factor: 0.4796 }, verdict: 'reproduced', why: 'within the interval' },
  { claim: 'LSSK2020 collapse (He)', setting: 'width 2, depth 10', paper: '> 90% collapse', ours: { rate: 0.96875 }, verdict: 'not reproduced' },
];

const withPaper = (r: PropertyRecord): PropertyRecord => ({ ...r, paperKey: PAPER });
const claims = [withPaper(fixtureClaim()), withPaper(fixtureTwin()), withPaper(fixtureFailingClaim()), oneSidedClaim(), hostileClaim()];

let rendering: HtmlRendering;
beforeAll(async () => {
  rendering = await renderHtmlReport(report(claims, ROWS));
});

/** The HTML of the element with this id (to its closing tag, assuming no nesting of the same tag). */
function element(html: string, tag: string, id: string): string {
  const at = html.indexOf(` id="${id}"`);
  const start = html.lastIndexOf(`<${tag} `, at);
  if (at < 0 || start < 0 || html.slice(start, at).includes('>')) throw new Error(`no <${tag} id="${id}">`);
  return html.slice(start, html.indexOf(`</${tag}>`, start));
}

describe('renderHtmlReport', () => {
  test('every claim gets a claim figure whose inline SVG draws marks; twins get none', () => {
    const { html, figures, errors } = rendering;
    expect(errors).toEqual([]);
    for (const r of claims.filter((c) => c.kind === 'claim')) {
      const figure = element(html, 'figure', `fig-claim-${r.claimId}`);
      expect(figure).toMatch(/class="tc-figure tc-claim-figure"/);
      expect(figure).toMatch(/<svg role="img"[^>]* width="\d+" height="\d+"/);
      expect(figure).toMatch(/class="mark-symbol role-mark[^"]*"[^>]*><path/);
      expect(figure).toMatch(/<figcaption><b>/);
      expect(figure).toMatch(/<details class="tc-spec"><summary>vega-lite spec<\/summary><pre>\{/);
      expect(element(html, 'article', `claim-${r.claimId}`)).toContain(`id="fig-claim-${r.claimId}"`);
    }
    expect(figures.filter((f) => f.kind === 'claim').map((f) => f.claimId)).toEqual(claims.filter((c) => c.kind === 'claim').map((c) => c.claimId));
  });

  test('one-sided intervals render, clipped and marked, with no infinity in the picture', () => {
    const figure = element(rendering.html, 'figure', `fig-claim-${ONE_SIDED_ID}`);
    expect(figure).toMatch(/mark-rule role-mark[^"]*"[^>]*><line/);
    expect(figure).toMatch(/marked with a triangle/);
    const svg = figure.slice(figure.indexOf('<svg'), figure.indexOf('</svg>'));
    expect(svg).not.toMatch(/∞|Infinity|NaN/);
  });

  test('all text is escaped, in the page and in the pictures', () => {
    const { html } = rendering;
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(html).not.toContain('<b>bold</b>');
    expect(element(html, 'figure', 'fig-claim-FIX2018.FM1.hostile')).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  test('the page is self-contained: no script, no external URL outside text', () => {
    const { html } = rendering;
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<[^>]*>/g)?.filter((tag) => /https?:\/\//.test(tag))).toEqual([]);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toMatch(/<style>/);
  });

  test('failures come first, with their replay lines, linked to their claim', () => {
    const { html } = rendering;
    const failures = element(html, 'section', 'failures');
    expect(html.indexOf('id="failures"')).toBeLessThan(html.indexOf('class="tc-paper"'));
    expect(failures).toContain(`href="#claim-${fixtureFailingClaim().claimId}"`);
    expect(failures).toContain('prediction 1 outside the 1 − 1e-5 interval');
    expect(failures).toContain('THEORYCHECK_SEED=20181203 npx jest theorems/fix.test.ts -t &#39;lecun&#39;');
    expect(failures).not.toContain(FIXTURE_CLAIM_ID + '"');
  });

  test('the header shows the provenance, the backend and why it ran, and the actual false-failure rate', () => {
    const { html } = rendering;
    expect(html).toContain('tfjs-node is not installed');
    expect(html).toContain('automatic fallback: wasm: failed to start');
    expect(html).toMatch(/Actual false-failure rate \(sum\)<\/th><td>3e-4 ≤ total 1e-3/);
    expect(html).toContain('20181203 — fixed (not fresh)');
  });

  test('twins are listed under their claim with their verdict and design-time power', () => {
    const article = element(rendering.html, 'article', `claim-${FIXTURE_CLAIM_ID}`);
    expect(article).toContain(`id="twin-${fixtureTwin().claimId}"`);
    expect(article).toMatch(/rejected<\/span><\/td><td>1\.000 against 0\.4300/);
  });

  test('reproduction rows sit in a table in their paper\'s section', () => {
    const { html } = rendering;
    const fixture = element(html, 'section', `paper-${PAPER}`);
    expect(fixture).toContain('Reproduction rows');
    expect(fixture).toContain('depth 95');
    const lssk = element(html, 'section', 'paper-shin-karniadakis-2020');
    expect(lssk).toContain('LSSK2020 collapse (He)');
    expect(lssk).toContain('not reproduced');
    expect(fixture).not.toContain('LSSK2020 collapse');
  });
});

describe('figure errors', () => {
  test('a builder that throws or a picture that fails is an error box in place, listed at the top and returned', async () => {
    const throwing = Object.defineProperty(fixtureClaim({ claimId: 'HR2018.FM1.lecun' }), 'figures', {
      get(): never {
        throw new Error('figure data unreadable');
      },
    });
    const failing = (spec: Parameters<typeof renderSvg>[0]): Promise<string> => (JSON.stringify(spec).includes('FIX2018.FM1.mean-length') ? Promise.reject(new Error('vega exploded')) : renderSvg(spec));
    const { html, errors } = await renderHtmlReport(report([fixtureClaim(), throwing]), { render: failing });
    expect(errors).toEqual([
      { id: `claim-${FIXTURE_CLAIM_ID}`, claimId: FIXTURE_CLAIM_ID, message: 'rendering failed: vega exploded' },
      { id: 'HR2018.FM1.lecun.paper', claimId: 'HR2018.FM1.lecun', message: 'the figure builder threw: figure data unreadable' },
    ]);
    expect(element(html, 'section', 'figure-errors')).toContain(`href="#fig-claim-${FIXTURE_CLAIM_ID}"`);
    expect(element(html, 'figure', `fig-claim-${FIXTURE_CLAIM_ID}`)).toContain('<div class="tc-error">Figure not drawn: rendering failed: vega exploded</div>');
    expect(element(html, 'figure', 'fig-claim-HR2018.FM1.lecun')).toContain('<svg');
  });

  test('a paper figure without data rows is skipped, not drawn empty', async () => {
    const registry = PAPER_FIGURES as Record<string, FigureBuilder>;
    registry['FIX2018.FM1.empty'] = () => [{ id: 'empty', title: 'empty', caption: '', spec: { data: { values: [] }, mark: 'point' } }];
    try {
      const { html, figures, errors } = await renderHtmlReport(report([fixtureClaim({ claimId: 'FIX2018.FM1.empty', figures: {} })]));
      expect(figures.map((f) => f.kind)).toEqual(['claim']);
      expect(errors).toEqual([]);
      expect(html).not.toContain('id="fig-empty"');
    } finally {
      delete registry['FIX2018.FM1.empty'];
    }
  });

  test('a claim with nothing to plot gets no figure and no error', async () => {
    const empty = fixtureClaim({ configs: [{ ...fixtureClaim().configs[0], estimate: NaN, prediction: NaN, interval: { lower: null as unknown as number, upper: null as unknown as number, level: 0.99 } }] });
    const { html, figures, errors } = await renderHtmlReport(report([empty]));
    expect([figures, errors]).toEqual([[], []]);
    expect(html).not.toContain('<figure');
  });
});

describe('writeHtmlReport', () => {
  test('writes report.html and every figure as figures/<id>.vl.json and figures/<id>.svg', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'theorycheck-html-'));
    const file = await writeHtmlReport(report([fixtureClaim()]), dir);
    expect(file).toBe(path.join(dir, HTML_FILE));
    expect(fs.readFileSync(file, 'utf8')).toContain(`id="fig-claim-${FIXTURE_CLAIM_ID}"`);
    const stem = path.join(dir, FIGURES_DIR, `claim-${FIXTURE_CLAIM_ID}`);
    expect(JSON.parse(fs.readFileSync(`${stem}.vl.json`, 'utf8'))).toMatchObject({ $schema: expect.stringContaining('vega-lite/v5'), width: 480, height: 300 });
    expect(fs.readFileSync(`${stem}.svg`, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
