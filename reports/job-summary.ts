/**
 * A short Markdown summary for a CI job page (GitHub Actions' `$GITHUB_STEP_SUMMARY`): the run's
 * header in one line, then per paper one line per claim — failures first — with its twins' verdicts.
 * The full report stays report.md / report.json; this is what a reviewer reads first.
 */
import type { PropertyRecord, Report } from './schema';
import { byPaper, twinName, twinsOf } from './group';

const mark = (r: PropertyRecord): string => (r.verdict === 'pass' ? '✅' : '❌');

export function renderJobSummary(report: Report): string {
  const h = report.header;
  const engine = h.engines.map((e) => `${e.backend}${e.why ? ` (${e.why})` : e.fallback ? ` (fallback: ${e.fallback})` : ''}`).join(', ');
  const actual = h.alphaBudget.actual !== undefined ? `, actual false-failure rate ${h.alphaBudget.actual.toExponential(2)} ≤ α ${h.alphaBudget.total}` : '';
  const lines = [
    `### theorycheck — ${h.tests.passed} passed, ${h.tests.failed} failed`,
    '',
    `Profile ${h.profile}, seed ${h.masterSeed}, backend ${engine}${actual}${h.reproductions ? `; reproduction rows: ${h.reproductions.reproduced} reproduced, ${h.reproductions.notReproduced} not reproduced, ${h.reproductions.notComparable} not comparable` : ''}.`,
  ];
  for (const [paper, props] of byPaper(report.properties)) {
    const claims = props.filter((p) => p.kind === 'claim').sort((a, b) => Number(a.verdict === 'pass') - Number(b.verdict === 'pass') || a.claimId.localeCompare(b.claimId));
    lines.push('', `**${paper}**`, '');
    for (const c of claims) {
      const twins = twinsOf(props, c.claimId);
      const twinText = twins.length ? ` — twins: ${twins.map((t) => `${mark(t)} ${twinName(t, c.claimId, true)}`).join(', ')}` : '';
      lines.push(`- ${mark(c)} \`${c.claimId}\` ${c.title}${twinText}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
