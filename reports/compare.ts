/**
 * Two reports side by side: the check an engine change needs. For every property present in both, the
 * verdict change and, per configuration (matched by its generated configuration, else by position),
 * the ratio of the interval half-widths (after ÷ before: > 1 means the change lost precision) and the
 * shift of the estimate in units of the two runs' combined half-width. A property **moved** when its
 * verdict changed or an estimate shifted by more than that combined half-width (two intervals that
 * no longer overlap); half-width ratios are reported, not judged. Reads only the report schema.
 */
import stableStringify from 'fast-json-stable-stringify';
import type { ConfigResult, PropertyRecord, Report } from './schema';

export interface ConfigShift {
  index: number;
  verdict: [ConfigResult['verdict'], ConfigResult['verdict']];
  /** Half-width after ÷ before (null when either interval has no finite end). */
  halfWidthRatio: number | null;
  /** (estimate after − estimate before) ÷ √(h_before² + h_after²) (null without half-widths). */
  shift: number | null;
}

export interface PropertyShift {
  claimId: string;
  kind: PropertyRecord['kind'];
  verdict: [PropertyRecord['verdict'], PropertyRecord['verdict']];
  moved: boolean;
  /** Why it moved, in words (empty when it did not). */
  reasons: string[];
  configs: ConfigShift[];
  /** The largest half-width ratio over the matched configurations (null if none is finite). */
  maxHalfWidthRatio: number | null;
}

export interface Comparison {
  before: { runId: string; gitCommit: string | null; masterSeed: number; profile: string };
  after: { runId: string; gitCommit: string | null; masterSeed: number; profile: string };
  shifts: PropertyShift[];
  /** Property ids only in the second report / only in the first. */
  added: string[];
  removed: string[];
  /** Ids of the properties that moved. */
  moved: string[];
}

/** Half the interval's width; for a one-sided interval, the distance from the estimate to its finite end. */
export function halfWidth(c: Pick<ConfigResult, 'estimate' | 'interval'>): number | null {
  const { lower, upper } = c.interval;
  const lo = lower === null || lower === undefined || !Number.isFinite(lower) ? null : lower;
  const hi = upper === null || upper === undefined || !Number.isFinite(upper) ? null : upper;
  if (lo !== null && hi !== null) return (hi - lo) / 2;
  if (lo !== null) return Math.abs(c.estimate - lo);
  if (hi !== null) return Math.abs(hi - c.estimate);
  return null;
}

function matchConfigs(a: ConfigResult[], b: ConfigResult[]): [ConfigResult, ConfigResult, number][] {
  const byKey = new Map(b.map((c) => [stableStringify(c.config), c]));
  const keyed = a.every((c) => byKey.has(stableStringify(c.config)));
  return keyed ? a.map((c, i) => [c, byKey.get(stableStringify(c.config))!, i]) : a.slice(0, b.length).map((c, i) => [c, b[i], i]);
}

function configShift(a: ConfigResult, b: ConfigResult, index: number): ConfigShift {
  const ha = halfWidth(a);
  const hb = halfWidth(b);
  const both = ha !== null && hb !== null;
  const combined = both ? Math.hypot(ha, hb) : 0;
  return {
    index,
    verdict: [a.verdict, b.verdict],
    halfWidthRatio: both && ha > 0 ? hb / ha : null,
    shift: both && combined > 0 ? (b.estimate - a.estimate) / combined : both && b.estimate === a.estimate ? 0 : null,
  };
}

export function compareReports(before: Report, after: Report): Comparison {
  const afterById = new Map(after.properties.map((p) => [p.claimId, p]));
  const beforeIds = new Set(before.properties.map((p) => p.claimId));
  const shifts: PropertyShift[] = [];
  for (const a of before.properties) {
    const b = afterById.get(a.claimId);
    if (b === undefined) continue;
    const configs = matchConfigs(a.configs ?? [], b.configs ?? []).map(([x, y, i]) => configShift(x, y, i));
    const reasons: string[] = [];
    if (a.verdict !== b.verdict) reasons.push(`verdict ${a.verdict} → ${b.verdict}`);
    for (const c of configs) {
      if (c.verdict[0] !== c.verdict[1]) reasons.push(`configuration ${c.index}: ${c.verdict[0]} → ${c.verdict[1]}`);
      else if (c.shift !== null && Math.abs(c.shift) > 1) reasons.push(`configuration ${c.index}: estimate shifted ${c.shift.toFixed(2)} combined half-widths`);
    }
    const ratios = configs.map((c) => c.halfWidthRatio).filter((r): r is number => r !== null);
    shifts.push({ claimId: a.claimId, kind: a.kind, verdict: [a.verdict, b.verdict], moved: reasons.length > 0, reasons, configs, maxHalfWidthRatio: ratios.length ? Math.max(...ratios) : null });
  }
  const header = (r: Report) => ({ runId: r.header.runId, gitCommit: r.header.gitCommit, masterSeed: r.header.masterSeed, profile: r.header.profile });
  return {
    before: header(before),
    after: header(after),
    shifts,
    added: after.properties.map((p) => p.claimId).filter((id) => !beforeIds.has(id)),
    removed: before.properties.map((p) => p.claimId).filter((id) => !afterById.has(id)),
    moved: shifts.filter((s) => s.moved).map((s) => s.claimId),
  };
}

const ratioText = (r: number | null): string => (r === null ? '—' : r.toFixed(3));

/** Markdown: the moved properties first (with their reasons), then every property's largest half-width ratio. */
export function renderComparison(c: Comparison): string {
  const run = (h: Comparison['before']) => `${h.runId} (commit ${h.gitCommit ?? 'unknown'}, seed ${h.masterSeed}, ${h.profile})`;
  const lines = [`# Comparison`, '', `Before: ${run(c.before)}`, `After: ${run(c.after)}`, ''];
  lines.push(c.moved.length === 0 ? 'No property moved.' : `${c.moved.length} propert${c.moved.length === 1 ? 'y' : 'ies'} moved:`, '');
  for (const s of c.shifts.filter((x) => x.moved)) lines.push(`- \`${s.claimId}\` (${s.kind}): ${s.reasons.join('; ')}`);
  if (c.added.length) lines.push('', `Only after: ${c.added.map((id) => `\`${id}\``).join(', ')}`);
  if (c.removed.length) lines.push('', `Only before: ${c.removed.map((id) => `\`${id}\``).join(', ')}`);
  lines.push('', '| property | kind | verdict | largest half-width ratio (after ÷ before) | moved |', '|---|---|---|---:|---|');
  for (const s of c.shifts) lines.push(`| \`${s.claimId}\` | ${s.kind} | ${s.verdict[0]} → ${s.verdict[1]} | ${ratioText(s.maxHalfWidthRatio)} | ${s.moved ? '**yes**' : 'no'} |`);
  return `${lines.join('\n')}\n`;
}
