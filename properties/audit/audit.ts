/**
 * The audit: the suite's FM1, FM2, born-dead and region theorems run against a component — a tfjs
 * initializer, a user's weight function or `tf.Sequential` factory, exported weights — predicting from
 * what the component declares and from what it measurably is (fm1-audit.ts, fm2-audit.ts,
 * born-dead-audit.ts, regions-audit.ts state each theorem, its measurement and its verdict rule).
 *
 * Design (fixed before any run; sized so that every tfjs-layers initializer, the layer defaults, the
 * controls and a model factory take ≈ 1 minute on 2 cores — a tfjs initializer call costs 0.1–1 ms):
 * - initializers: one ensemble of `nets` networks of `depth` square layers of width `width` (FM1 at that
 *   depth, g^d printed at 10/50/100; FM2 at depths 1, 2, 4, 8: β = d/width), one ensemble of narrow
 *   networks for the born-dead probability (widths [3, 3 × 10]: P = 1 − (7/8)^10 ≈ 0.737) and the
 *   region counts of `regions`;
 * - a model or a weights directory: its own architecture, `modelNets` draws (at most what it holds),
 *   the same draws for every theorem.
 * Every interval is two-sided at `level` (99.9%).
 */
import type { AuditReport, SubjectAudit } from '../../reports/audit-schema';
import { AUDIT_SCHEMA_VERSION } from '../../reports/audit-schema';
import type { EngineInfo } from '../../theorems/vocabulary';
import type { Layer64 } from '../../engine/geometry/net64';
import { normalQuantile } from '../stats';
import { bornDeadAudit } from './born-dead-audit';
import { measureEnsemble } from './ensemble';
import { fm1Audit } from './fm1-audit';
import { fm2Audit } from './fm2-audit';
import { DEFAULT_REGIONS, regionsAudit, type RegionsDesign } from './regions-audit';
import type { NetSource } from './source';

export type AuditTheorem = 'fm1' | 'fm2' | 'born-dead' | 'regions';
export const AUDIT_THEOREMS: readonly AuditTheorem[] = ['fm1', 'fm2', 'born-dead', 'regions'];

export interface AuditDesign {
  seed: number;
  /** Two-sided level of every interval. */
  level: number;
  width: number;
  depth: number;
  nets: number;
  fm1Depths: number[];
  fm2Depths: number[];
  bornDead: { widths: number[]; nets: number };
  regions: RegionsDesign;
  /** Draws of a model factory or weights directory. */
  modelNets: number;
  theorems: readonly AuditTheorem[];
}

export const DEFAULT_DESIGN: AuditDesign = {
  seed: 20181203,
  level: 0.999,
  width: 32,
  depth: 8,
  nets: 1000,
  fm1Depths: [10, 50, 100],
  fm2Depths: [1, 2, 4, 8],
  bornDead: { widths: [3, ...Array<number>(10).fill(3)], nets: 600 },
  regions: DEFAULT_REGIONS,
  modelNets: 500,
  theorems: AUDIT_THEOREMS,
};

/** Two-sided normal quantile for `level` (0.999 → 3.2905). */
export function zFor(level: number): number {
  if (!(level > 0 && level < 1)) throw new Error(`level must be in (0, 1); got ${level}`);
  return normalQuantile(1 - (1 - level) / 2);
}

/** Keeps a model's draws so that every theorem sees the same networks without rebuilding them. */
function memoized(source: NetSource): NetSource {
  const cache = new Map<string, Layer64[]>();
  return {
    ...source,
    draw: (widths, seed, index) => {
      const key = `${seed}:${index}`;
      let net = cache.get(key);
      if (!net) cache.set(key, (net = source.draw(widths, seed, index)));
      return net;
    },
  };
}

function check(design: AuditDesign): void {
  const int = (name: string, v: number, min: number): void => {
    if (!(Number.isInteger(v) && v >= min)) throw new Error(`${name} must be an integer ≥ ${min}; got ${v}`);
  };
  int('width', design.width, 2);
  int('depth', design.depth, 1);
  int('nets', design.nets, 10);
  int('modelNets', design.modelNets, 10);
  for (const t of design.theorems) if (!AUDIT_THEOREMS.includes(t)) throw new Error(`theorems must be among ${AUDIT_THEOREMS.join(', ')}; got "${t}"`);
}

/** Audits one source against the chosen theorems. */
export function auditSource(raw: NetSource, design: AuditDesign = DEFAULT_DESIGN): SubjectAudit {
  check(design);
  const z = zFor(design.level);
  const fixed = raw.widths !== null;
  const source = fixed && raw.kind === 'model' ? memoized(raw) : raw;
  const widths = raw.widths ?? Array<number>(design.depth + 1).fill(design.width);
  const nets = Math.min(fixed ? design.modelNets : design.nets, raw.draws);
  const seed = design.seed;
  const wants = (t: AuditTheorem): boolean => design.theorems.includes(t) && (t === 'fm1' || raw.sharedWeights === undefined);
  const out: SubjectAudit = { label: raw.label, kind: raw.kind, declared: raw.declared, widths, notes: [...raw.notes, ...(raw.sharedWeights ? [raw.sharedWeights] : [])] };
  if (!fixed && raw.draws < design.nets) out.notes!.push(`${raw.draws} networks instead of ${design.nets}: its kernels are costly to draw (e.g. a QR per kernel)`);
  const stats = wants('fm1') || wants('fm2') || (fixed && wants('born-dead')) ? measureEnsemble(source, widths, nets, seed) : undefined;
  if (stats && wants('fm1')) {
    const n = widths[0];
    const cDeclared = fixed ? undefined : raw.declaredC ? raw.declaredC(n, widths[1]) : raw.declaredVariance ? n * raw.declaredVariance(n, widths[1]) : undefined;
    out.fm1 = fm1Audit(stats, { z, pooled: !fixed, depths: design.fm1Depths, cDeclared, cause: raw.cause });
    if (!raw.zeroBiases) out.notes!.push('non-zero biases: FM1\'s product law needs zero biases, so E[M_d]/M_0 is shown against ∏ g_l for reference only');
  }
  if (stats && wants('fm2')) out.fm2 = fm2Audit(stats, { z, pooled: !fixed, depths: fixed ? [widths.length - 1] : design.fm2Depths, zeroBiases: raw.zeroBiases, zPerLayer: zFor(1 - (1 - design.level) / (widths.length - 1)) });
  if (wants('born-dead')) {
    const s = fixed ? stats! : measureEnsemble(source, design.bornDead.widths, Math.min(design.bornDead.nets, raw.draws), seed + 1);
    out.bornDead = bornDeadAudit(s, { level: design.level, zeroBiases: raw.zeroBiases });
  }
  if (wants('regions')) out.regions = regionsAudit(source, { ...design.regions, nets: Math.min(design.regions.nets, nets) }, seed, z);
  if (out.notes!.length === 0) delete out.notes;
  return out;
}

export interface RunAuditOptions {
  design?: Partial<AuditDesign>;
  engine: EngineInfo;
  gitCommit?: string | null;
  /** Called after each subject (progress). */
  onSubject?: (audit: SubjectAudit, index: number, total: number) => void;
}

/** Audits every source and returns the report (reports/audit-writer.ts renders it). */
export function runAudit(sources: NetSource[], o: RunAuditOptions): AuditReport {
  const design = { ...DEFAULT_DESIGN, ...o.design };
  check(design);
  const started = Date.now();
  const subjects = sources.map((s, i) => {
    const a = auditSource(s, design);
    o.onSubject?.(a, i, sources.length);
    return a;
  });
  return {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    startedAt: new Date(started).toISOString(),
    wallTimeMs: Date.now() - started,
    seed: design.seed,
    gitCommit: o.gitCommit ?? null,
    engine: o.engine,
    level: design.level,
    design: { ...design },
    subjects,
  };
}
