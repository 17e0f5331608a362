import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AuditReport } from './audit-schema';
import { auditFigureSpecs, readAuditReport, renderAuditHtml, renderAuditMarkdown, writeAuditReport } from './audit-writer';

/** A real audit's output (heNormal, the conv1d default, the planted control, the example model), kept as a fixture. */
const fixture = (): AuditReport => JSON.parse(fs.readFileSync(path.join(__dirname, 'audit-fixture.json'), 'utf8')) as AuditReport;

describe('the audit report', () => {
  test('Markdown: provenance, one summary row per component with its verdicts, and each component\'s details', () => {
    const md = renderAuditMarkdown(fixture());
    expect(md).toContain('- backend wasm');
    expect(md).toMatch(/\| tf\.initializers\.heNormal \| normal, variance 2\/fan-in \| 1\.5\d+ \[/);
    expect(md).toContain('❌ breaks');
    expect(md).toContain('FM1 cause: tfjs-layers VarianceScaling draws its "normal" distribution as truncatedNormal');
    expect(md).toContain('**FM1 per layer**'); // the model
    expect(md).toMatch(/weight sharing breaks, so they are not applicable/); // conv1d
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| component') && !l.startsWith('| ---'));
    expect(rows.length).toBeGreaterThanOrEqual(4);
  });

  test('figures: the gain, g^d, the FM2 identity, FM2 against β and the regions, each a vega-lite spec with its data inline', () => {
    const ids = auditFigureSpecs(fixture()).map((f) => f.id);
    expect(ids).toEqual(['audit-gain', 'audit-fm1-depth', 'audit-fm2', 'audit-fm2-beta', 'audit-regions']);
    const noFm = { ...fixture(), subjects: fixture().subjects.map((s) => ({ ...s, fm2: undefined, regions: undefined })) };
    expect(auditFigureSpecs(noFm).map((f) => f.id)).toEqual(['audit-gain', 'audit-fm1-depth']);
  });

  test('writes audit.json, audit.md and a self-contained audit.html with every figure drawn; reads it back and refuses another major schema', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-audit-'));
    const out = await writeAuditReport(dir, fixture());
    expect(out.errors).toEqual([]);
    const html = fs.readFileSync(out.html, 'utf8');
    expect(html.match(/<svg/g)?.length).toBe(5);
    expect(html).not.toMatch(/(src|href)="https?:/);
    for (const id of ['audit-gain', 'audit-fm2']) {
      expect(fs.existsSync(path.join(dir, 'figures', `${id}.svg`))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'figures', `${id}.vl.json`))).toBe(true);
    }
    expect(readAuditReport(dir)).toEqual(fixture());
    fs.writeFileSync(path.join(dir, 'audit.json'), JSON.stringify({ ...fixture(), schemaVersion: '9.0.0' }));
    expect(() => readAuditReport(dir)).toThrow(/audit schema 9\.0\.0, this theorycheck reads 1\./);
    expect(renderAuditHtml(fixture(), [])).toContain('<h2>control: He × 1.1</h2>');
  });
});
