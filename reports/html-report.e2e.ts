/**
 * The HTML report in a real browser (Debian's chromium driven by playwright-core, which downloads
 * nothing; .ci/run installs chromium when it is missing): the page opens from a file with no console
 * error and no failed request, every figure is present with a non-empty SVG picture, and screenshots
 * (the page, the first claim figure, the first paper figure) are kept in `reports/out/screenshots/` as
 * the test's artifacts.
 *
 * Which report: the file named by THEORYCHECK_HTML_REPORT (.ci/run points it at the gate run's
 * report.html), else the report of the test fixtures rendered here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { writeHtmlReport } from './html-writer';
import { buildReport } from './build';
import { fixtureClaim, fixtureFailingClaim, fixtureTwin } from './test-fixtures';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, 'out', 'screenshots');
// As root and on a closed network (README "Browser test"): no sandbox, no background connections.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function fixtureReport(): ReturnType<typeof buildReport> {
  return buildReport({
    runId: 'fixture',
    startedAt: new Date(Date.UTC(2026, 0, 1)),
    wallTimeMs: 1000,
    masterSeed: 1,
    freshSeed: false,
    profile: 'gate',
    gitCommit: null,
    alphaTotal: 1e-3,
    records: [fixtureClaim(), fixtureTwin(), fixtureFailingClaim()],
    jest: { numPassedTests: 2, numFailedTests: 1, numPendingTests: 0 },
    rootDir: path.resolve(__dirname, '..'),
  });
}

let browser: Browser;
let file: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  file = process.env.THEORYCHECK_HTML_REPORT ?? (await writeHtmlReport(fixtureReport(), fs.mkdtempSync(path.join(os.tmpdir(), 'theorycheck-html-'))));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

test('the HTML report opens offline with no console error, and every figure is a non-empty picture', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push(`network request: ${r.url()}`);
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  const figures = await page.$$eval('figure.tc-figure', (els) =>
    els.map((el) => {
      const svg = el.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      return {
        id: el.id,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        marks: svg ? svg.querySelectorAll('path, rect, circle, line, polygon, text').length : 0,
        claim: el.classList.contains('tc-claim-figure'),
      };
    }),
  );
  expect(errors).toEqual([]);
  expect(figures.length).toBeGreaterThan(0);
  for (const f of figures) {
    expect({ id: f.id, drawn: f.width > 50 && f.height > 50 && f.marks > 5 }).toEqual({ id: f.id, drawn: true });
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'report.png'), fullPage: false });
  const claim = figures.find((f) => f.claim);
  const paper = figures.find((f) => !f.claim);
  if (claim) await page.locator(`[id="${claim.id}"]`).screenshot({ path: path.join(SHOTS, 'claim-figure.png') });
  if (paper) await page.locator(`[id="${paper.id}"]`).screenshot({ path: path.join(SHOTS, 'paper-figure.png') });
  expect(fs.existsSync(path.join(SHOTS, 'report.png'))).toBe(true);
}, 120_000);
