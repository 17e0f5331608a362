/**
 * The suite's shared vocabulary: types only, no code. It is the one module of ours that every folder
 * may import (engine/, theorems/, properties/, reports/; enforced by `npm run lint`). Anything with
 * behaviour lives in its folder: relations are built with `theorems/relation.ts`, results are shaped by
 * `reports/schema.ts`.
 */

/** Provenance of a claim's text: [P] paper, [S] secondary source, [R] recalled (unverified), [D] derived exactly. */
export type Provenance = 'P' | 'S' | 'R' | 'D';

export interface Citation {
  authors: string;
  year: number;
  title: string;
  arxiv?: string;
  venue?: string;
  /** Section, theorem or equation the claim comes from. */
  where: string;
}

/** Sidedness of a comparison between an interval and a prediction. */
export type Sides = 'two-sided' | 'lower' | 'upper';

export interface IntervalRecord {
  /** −∞ for a one-sided interval (−∞, U]; JSON has no infinities, so report.json stores null. */
  lower: number;
  /** +∞ for a one-sided interval [L, ∞); stored as null in report.json. */
  upper: number;
  /** Confidence level 1 − α. */
  level: number;
}

/** The engine a record was produced on. */
export interface EngineInfo {
  backend: string;
  /** package name → version, plus `node`. */
  versions: Record<string, string>;
  /** Set when the automatic backend choice fell back (e.g. to the slow `cpu`), with the reasons. */
  fallback?: string;
  /** Why this backend ran: forced, or the automatic choice with each faster backend that could not start and why (e.g. tfjs-node not installed). */
  why?: string;
}

/**
 * What one unit of a claim's experiment is, which (with the relation) selects the statistical check:
 * - `continuous`: one real number per unit (e.g. a network's M_d/M_0);
 * - `unit-interval`: one real number per unit known to lie in [0, 1] (e.g. a mean |cos|), checked with a distribution-free bound;
 * - `binary`: 0/1 per unit (a network born dead, a run that succeeded);
 * - `exact`: a deterministic value, no sampling error (e.g. a computed multiplicity);
 * - `paired`: units with a per-unit reference from the same network (the claim is about their difference);
 * - `two-sample`: two independent samples of real units (units vs reference);
 * - `two-sample-binary`: two independent samples of 0/1 units;
 * - `counts`: non-negative integer counts whose whole law is predicted;
 * - `groups`: independent samples at several design points x (a growth law in x);
 * - `groups-binary`: 0/1 samples at several design points x (a trend in a probability);
 * - `paired-groups`: paired samples at several design points x (unit i of every group from the same seed);
 * - `paired-binary`: 0/1 units with a 0/1 reference measured on the same network (unit i with reference i).
 */
export type UnitKind =
  | 'continuous'
  | 'unit-interval'
  | 'binary'
  | 'exact'
  | 'paired'
  | 'two-sample'
  | 'two-sample-binary'
  | 'counts'
  | 'groups'
  | 'groups-binary'
  | 'paired-groups'
  | 'paired-binary';

/**
 * The relation a claim states between what is measured and its prediction. `value` is always the
 * number the check compares with (for `shownBelow` the difference units − reference; for `within`
 * the growth exponent or per-unit slope; for `distributed` the law's mean).
 */
export type Relation =
  /** E[unit] (or P(unit = 1), or the exact value) equals `value`. */
  | { kind: 'equals'; value: number }
  /** E[unit] ≤ value (a bound). */
  | { kind: 'atMost'; value: number }
  /** E[unit] ≥ value (a bound); for 0/1 units optionally tested sequentially against a stated alternative. */
  | { kind: 'atLeast'; value: number; sequential?: SequentialDesign }
  /** A growth law: the exponent (`axis: 'log'`, log-log) or the slope of log E[unit] per unit of x (`axis: 'linear'`) lies within value ± resolution. */
  | { kind: 'within'; value: number; resolution: number; axis: 'log' | 'linear' }
  /**
   * An effect that exists and is demonstrated: E[unit] − E[reference] < value (usually 0). `minEffect`
   * is the smallest effect of interest, fixed from the paper before any data: the demonstration's miss
   * rate is bounded (and its n planned) where the difference is value − minEffect or below.
   */
  | { kind: 'shownBelow'; value: number; minEffect?: number }
  /** An effect that exists and is demonstrated: P(unit = 1) rises with x (trend slope > value); `minEffect` as for shownBelow (slope value + minEffect). */
  | { kind: 'shownIncreasing'; value: number; minEffect?: number }
  /** Paired steps along x are not typically below value: P(U_{j+1} − U_j < value) ≤ P(U_{j+1} − U_j > value) for consecutive design points (continuous steps: the median step is ≥ value). */
  | { kind: 'nonDecreasing'; value: number }
  /**
   * An effect that exists and is demonstrated along paired design points: every consecutive paired step
   * D_j = U_{j+1} − U_j rises, P(D_j > value) − P(D_j < value) > 0 shown (increases more likely than
   * decreases). `minEffect` is the smallest effect of interest on that sign difference, fixed from the
   * paper before any data: the miss rate is bounded where every step's sign difference is ≥ minEffect.
   */
  | { kind: 'shownStepsIncrease'; value: number; minEffect?: number }
  /** The units' whole law is Binomial(trials, p); `value` = trials·p. */
  | { kind: 'distributed'; law: 'binomial'; trials: number; p: number; value: number }
  /** A per-run implication A ⇒ B: the unit is 1 on a run with A and not B, and P(unit = 1) = 0. */
  | { kind: 'implication'; antecedent: string; consequent: string; value: 0 };

export type RelationKind = Relation['kind'];

/**
 * A sequential design for "P(unit = 1) ≥ value": looks at n = nMin, nMin + batch, …, nMax, stopping
 * at the first decisive look, with power against the stated alternative (< value) computed before the run.
 */
export interface SequentialDesign {
  alternative: number;
  nMin: number;
  batch: number;
  nMax: number;
}
