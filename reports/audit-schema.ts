/**
 * The audit's data model (`theorycheck audit`, the public API `theorycheck/audit`): what each audited
 * component — an initializer, a `tf.Sequential` factory, a directory of exported weights — declares,
 * what it measurably is, and which of the suite's claims it keeps or breaks. Written as `audit.json`
 * beside `audit.md` and `audit.html` (reports/audit-writer.ts). Versioned like the report schema.
 */
import type { EngineInfo } from '../theorems/vocabulary';

export const AUDIT_SCHEMA_VERSION = '1.0.0';

/** An estimate with its two-sided interval at `level`. */
export interface Estimate {
  estimate: number;
  lower: number;
  upper: number;
}

export type AuditVerdict = 'keeps' | 'breaks' | 'undetermined' | 'not applicable';

/** FM1 (Hanin & Rolnick 2018): gain per layer g = c/2, c = fan-in·Var(w); E[M_d]/M_0 = ∏ g_l. */
export interface Fm1Audit {
  /** fan-in × the declared variance (undefined when the component declares none). */
  cDeclared?: number;
  /** fan-in × the sampled variance, pooled over layers and draws. */
  c: Estimate;
  gain: Estimate;
  /** Per layer of the audited architecture (models and weight directories; for initializers, one square layer). */
  perLayer: { layer: number; fanIn: number; fanOut: number; c: Estimate }[];
  /** g^d (initializers) or ∏ g_l (fixed architectures) at each depth, from the estimate and the interval's ends. */
  predicted: { depth: number; estimate: number; lower: number; upper: number }[];
  /** E[M_d]/M_0 measured by forward passes at `depth`, and what the measured gains predict for it. */
  measured: { depth: number; nets: number; ratio: Estimate; predicted: Estimate; consistent: boolean };
  /** keeps: the interval of g lies in 1 ± resolution; breaks: it lies outside; else undetermined. */
  verdict: AuditVerdict;
  resolution: number;
  /** Multiply the variance by this to reach c = 2 (He). */
  varianceCorrection: number;
  /** Why the sampled variance differs from the declared one, when it does (e.g. truncation without rescaling). */
  cause?: string;
}

/**
 * FM2 (Hanin & Rolnick 2018; general symmetric laws): a ReLU layer of width n with input v multiplies
 * E[M²]/E[M]² by exactly 1 + (5 + 2(μ̃4 − 3)ρ(v))/n, ρ(v) = Σ v_k⁴/‖v‖⁴ — hence
 * ∏(1 + min(5, 2μ̃4 − 1)/n_j) ≤ E[M_d²]/E[M_d]² ≤ ∏(1 + max(5, 2μ̃4 − 1)/n_j).
 */
export interface Fm2Audit {
  mu4: Estimate;
  /** The FM2 constant range [min(5, 2μ̃4 − 1), max(5, 2μ̃4 − 1)] at the estimate of μ̃4; E[M²]/E[M]² ≤ exp(upper·β). */
  constant: { lower: number; upper: number };
  /**
   * The per-layer identity, tested exactly: F = M_l/M_{l−1} has E[F²]/E[F]² = 1 + (5 + 2(μ̃4 − 3)ρ̄)/n_l
   * with ρ̄ the mean ρ of the layer's inputs (predicted from μ̃4's interval); layer 0 = all layers pooled.
   */
  layers: { layer: number; fanIn: number; fanOut: number; rho: number; predicted: { lower: number; upper: number }; measured: Estimate; nets: number; consistent: boolean }[];
  /** E[M_d²]/E[M_d]² against β = Σ 1/n_j: the theorem's band (from μ̃4's interval) and the measured ratio (shown; its heavy right tail makes the interval approximate). */
  rows: { widths: number[]; beta: number; predictedLower: number; predictedUpper: number; measured: Estimate; nets: number; consistent: boolean }[];
  /** keeps: every layer meets its identity; breaks: one misses it (its weights are not independent and symmetric); not applicable: non-zero biases. */
  verdict: AuditVerdict;
}

/** Born dead at a point (Lu et al. 2020): with zero biases and a symmetric continuous law, P = 1 − ∏_l (1 − 2^{−n_l}). */
export interface BornDeadAudit {
  widths: number[];
  /** The law-free prediction (null when the component's biases are not zero). */
  predicted: number | null;
  nets: number;
  dead: number;
  /** Clopper–Pearson interval of the born-dead probability. */
  measured: Estimate;
  /** Exact two-sided binomial p-value of `dead` under `predicted`. */
  pValue?: number;
  verdict: AuditVerdict;
  reason?: string;
}

/**
 * Regions along a line (Hanin & Rolnick 2019, ICML bound): E[#breakpoints on a segment of length T] ≤
 * T·C_bias·Σ_l n_l·√(c_1/n_0 · ∏_{j=2}^{l} c_j/2), with Gaussian biases of std s_b (C_bias = 1/(s_b√2π)).
 * With c = 2 the bound is depth-free at fixed N; with c ≠ 2 it grows or shrinks geometrically in depth.
 */
export interface RegionsAudit {
  biasStd: number;
  segmentLength: number;
  neurons: number;
  /** bound: at the measured c_l; boundUpper: at their intervals' upper ends (the verdict's, conservative). */
  rows: { depth: number; widths: number[]; bound: number; boundUpper: number; measured: Estimate; nets: number; withinBound: boolean }[];
  /** keeps: every measured mean is consistent with its bound (lower end ≤ boundUpper); breaks: one exceeds it. */
  verdict: AuditVerdict;
  reason?: string;
}

export interface SubjectAudit {
  label: string;
  kind: 'initializer' | 'model' | 'weights' | 'control';
  /** What the component declares (its documented variance rule and law). */
  declared: string;
  /** The architecture audited: hidden widths [n_0, n_1, …, n_L] (fixed for models and weight directories). */
  widths: number[];
  fm1?: Fm1Audit;
  fm2?: Fm2Audit;
  bornDead?: BornDeadAudit;
  regions?: RegionsAudit;
  /** What a component could not be audited for, and why. */
  notes?: string[];
}

export interface AuditReport {
  schemaVersion: string;
  startedAt: string;
  wallTimeMs: number;
  seed: number;
  gitCommit: string | null;
  engine: EngineInfo;
  /** Level of every interval (two-sided). */
  level: number;
  /** The design's sizes, as run. */
  design: Record<string, unknown>;
  subjects: SubjectAudit[];
}
