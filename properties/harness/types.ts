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
}

export interface CheckOutcome {
  estimate: number;
  interval: IntervalRecord;
  verdict: 'consistent' | 'rejected';
  pValue?: number;
  /** Smallest relative deviation from the prediction detectable at `power` with this n and α. */
  minDetectable?: { relative: number; power: number };
  /** Power against a stated alternative (reject twins). */
  powerAgainst?: (alternative: number) => number;
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

/** A calibrated statistical comparison between units and a prediction. */
export interface Check {
  name: string;
  method: string;
  sides: Sides;
  evaluate(units: Float64Array, prediction: number, alpha: number, reference?: Float64Array, groups?: Group[]): CheckOutcome;
}
