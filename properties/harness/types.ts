/** Contracts between a claim's property file and the harness that runs it. */
import type { IntervalRecord, Sides } from '../../theorems/vocabulary';
import type { EngineComponents } from '../../engine/components';
import type { Fault } from '../faults/catalog';

/** What one Monte Carlo experiment returns: i.i.d. units whose mean estimates the prediction. */
export interface Experiment {
  units: Float64Array;
  /** A second sample for two-sample or paired checks (e.g. another architecture, or a per-unit prediction). */
  reference?: Float64Array;
  /**
   * Independent samples at several design points x (e.g. widths or depths), for trend checks; the
   * experiment's `units` are then all groups' units together (n = total).
   */
  groups?: Group[];
  /** Measured outcome counts (e.g. dead or non-finite networks). */
  outcomes?: Record<string, number>;
  /** An engine fault that invalidates the experiment (e.g. non-finite values): fails the property. */
  fault?: string;
  /** Figure data for reviewers, stored in the record. */
  figures?: Record<string, unknown>;
  /**
   * One fingerprint per independent network the experiment sampled, over all its samples (units,
   * reference, groups): a hash of the network's sampled parameters (engine/random/fingerprint.ts).
   * Networks that deliberately share parameters (a paired design) report one. Two equal fingerprints
   * mean two networks share their parameters: the independence check (harness/independence.ts) fails.
   */
  fingerprints?: Float64Array;
}

export interface Group {
  /** The design point (e.g. #neurons, depth). */
  x: number;
  units: Float64Array;
}

export interface ExperimentContext {
  /** Seed of this configuration's Monte Carlo stream. */
  seed: number;
  /** The engine to run on: the defaults, or with a reject twin's fault (or THEORYCHECK_MUTANT's) substituted. */
  components: EngineComponents;
  /** The fault substituted, if any (for figure labels; experiments use `components`). */
  fault?: Fault;
  /**
   * Whether the check this experiment feeds vouches for its false-failure rate on these units (and
   * reference sample, for two-sample checks) at the assertion's α (no calibration warning). It depends on the units' shape (e.g. their
   * skewness and kurtosis), never on the verdict: experiments that may enlarge a heavy-tailed sample
   * (untilCalibrated) stop as soon as it is true. Absent outside the harness.
   */
  vouched?: (units: Float64Array, reference?: Float64Array) => boolean;
  /**
   * For a sequential check (properties/checks/sequential-proportion.ts): whether its rule has decided
   * on these units (in the order drawn). A sequential experiment draws batches until it is true; the
   * rule, not the experiment, decides where to stop. Absent for fixed-n checks.
   */
  decided?: (units: Float64Array) => boolean;
}

export interface CheckOutcome {
  estimate: number;
  interval: IntervalRecord;
  verdict: 'consistent' | 'rejected';
  pValue?: number;
  /** Smallest relative deviation from the prediction detectable at `power` with this n and α. */
  minDetectable?: { relative: number; power: number };
  notes?: string[];
  /**
   * The check's actual false-failure rate at this n and α (when the prediction is true, at the least
   * favourable point of the null), and how it was bounded: 'exact' (enumeration, exact binomial
   * tails), 'importance-sampling' or 'simulation' (from the exact unit law), 'bound' (a
   * distribution-free inequality), 'edgeworth' (an asymptotic estimate: the weakest, reported as such).
   */
  falseFailure?: FalseFailureRate;
  /**
   * Set when the check cannot vouch for its false-failure rate at this n (e.g. units too heavy-tailed
   * for the Edgeworth calibration). Reported for claims; irrelevant to twins, whose error is a miss.
   */
  calibrationWarning?: string;
}

export interface FalseFailureRate {
  rate: number;
  method: 'exact' | 'importance-sampling' | 'simulation' | 'bound' | 'edgeworth';
  note?: string;
}

/**
 * A world in which the tested quantity has a stated true value, for design-time power (a reject
 * twin's wrong engine or wrong prediction; a demonstration's smallest effect of interest) and for a
 * twin's own-world test. Declared before any data; never estimated from the run it judges.
 */
export interface World {
  /** True value of the quantity the check compares with the prediction (mean, proportion, difference, slope, step). */
  value: number;
  /**
   * Per-sample truths where the check's law needs them, in the order of the check's samples:
   * two-sample checks [units, reference] (e.g. two success probabilities), group checks one per group
   * (a probability per group for 0/1 units, a mean per group otherwise), paired-groups one per step.
   */
  arms?: number[];
  /** Conservative upper bound on one unit's standard deviation (per arm when `arms` is set), for continuous units. */
  sd?: number | number[];
  /** Where the value comes from: a closed form, or the offline run (command and the interval it gave). */
  source: string;
}

/** The planned sample: sizes fixed by the claim's design (one per sample or group) and the design points of group checks. */
export interface Plan {
  /** Sample sizes: [n] one-sample, [n_units, n_reference] two-sample, one per group for group checks. */
  n: number[];
  /** Design points x of group checks (one per group). */
  x?: number[];
  /** Binomial trials of a `distributed` relation's counts. */
  trials?: number;
}

/** A calibrated statistical comparison between units and a prediction. */
export interface Check {
  name: string;
  method: string;
  sides: Sides;
  evaluate(units: Float64Array, prediction: number, alpha: number, reference?: Float64Array, groups?: Group[]): CheckOutcome;
  /**
   * Design-time power: the probability that `evaluate` returns 'rejected' for the prediction when the
   * truth is `world`, at the planned sample sizes and α — computed without data (exact for 0/1 units
   * and counts; for continuous units conservative, from `world.sd` and the smallest nominal level the
   * check's calibration may use). Throws, naming what is missing, when the world lacks what it needs.
   */
  designPower(plan: Plan, prediction: number, world: World, alpha: number): number;
  /**
   * Own-world acceptance: a lower bound on the probability that `evaluate` returns 'consistent' when
   * the truth is `world` and the prediction is `world.value` (i.e. the relation holds with equality at
   * its boundary). A twin whose check has acceptance < 1 − α in its own world could never pass there:
   * it is rejected for every engine and proves nothing.
   */
  acceptance(plan: Plan, world: World, alpha: number): number;
  /** Sequential checks only: whether the stopping rule has decided on these units (see ExperimentContext.decided). */
  decided?(units: Float64Array, prediction: number, alpha: number): boolean;
}
