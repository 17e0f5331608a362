/**
 * The sweep's table, computed from the reports of its complete runs (pure: no file, no clock).
 *
 * - Per property (claim or reject twin, by `claimId`): in how many runs it failed. A claim fails when
 *   a configuration rejected its prediction; a twin fails when it did not reject its wrong engine.
 * - Family-wise: a run *fails* when jest counted any failure in it (`header.tests.failed > 0`: a
 *   failing claim or twin, or a test file that crashed) or any property's verdict is 'fail'. The
 *   count of failing runs F out of R is Binomial(R, q) with q the suite's actual per-run false-failure
 *   probability, which the header promises to keep ≤ the budget (`alphaBudget.total`). The table gives
 *   the exact two-sided Clopper–Pearson interval for q at level {@link FAMILY_WISE_LEVEL}; the sweep
 *   *contradicts* the budget when the interval's lower bound exceeds it (at most 2.5 % of sweeps do
 *   so when q ≤ budget: Clopper–Pearson's coverage is ≥ its level for every q).
 * - The reports' own accounting: per run the sum of the assertions' actual false-failure rates
 *   (`alphaBudget.actual`, the number q is bounded by) and the calibration warnings.
 *
 * Reference: Clopper & Pearson (1934), "The use of confidence or fiducial limits illustrated in the
 * case of the binomial", Biometrika 26(4):404–413.
 */
import { clopperPearsonInterval } from '../stats';
import type { PropertyRecord, Report } from '../../reports/schema';
import type { SeedRun } from './seed-runs';

/** Level of the family-wise Clopper–Pearson interval. */
export const FAMILY_WISE_LEVEL = 0.95;

export interface PropertyTally {
  claimId: string;
  kind: PropertyRecord['kind'];
  twinOf?: string;
  /** Runs whose report holds this property. */
  runs: number;
  /** Seeds of the runs in which it failed (ascending). */
  failingSeeds: number[];
}

export interface RunRow {
  seed: number;
  passed: number;
  failed: number;
  /** Whether the run counts as a family-wise failure. */
  failedRun: boolean;
  /** Failing properties' ids, then crashed test files (`file (crashed)`). */
  failures: string[];
  /** The report's summed actual false-failure rate, if it printed one. */
  actualRate?: number;
  calibrationWarnings?: number;
  wallTimeMs: number;
  gitCommit: string | null;
}

export interface FamilyWise {
  runs: number;
  failures: number;
  level: number;
  /** Clopper–Pearson interval for the per-run failure probability (null when there is no run). */
  lower: number | null;
  upper: number | null;
  budget: number;
  /** R × budget: the failures the budget allows on average. */
  expectedAtBudget: number;
  /** The interval lies wholly above the budget. */
  aboveBudget: boolean;
  /** Runs without a failure after which the interval's upper bound would reach the budget. */
  runsToBoundBudget: number;
}

export interface SweepSummary {
  profile: string;
  /** Seeds asked for (after sharding), complete and not. */
  seeds: { requested: number[]; complete: number[]; incomplete: number[] };
  familyWise: FamilyWise;
  /** The reports' summed actual rates over the runs that print one (null when none does). */
  actualRate: { mean: number; min: number; max: number; runs: number } | null;
  /** Largest number of calibration warnings in a run (null when no run prints it). */
  maxCalibrationWarnings: number | null;
  properties: PropertyTally[];
  /** Test files that crashed (failed without a failing test), with the seeds where they did. */
  crashedFiles: { file: string; failingSeeds: number[] }[];
  runs: RunRow[];
}

/** Whether a run counts as a family-wise failure (see the module comment). */
export function runFailed(report: Report): boolean {
  return report.header.tests.failed > 0 || report.properties.some((p) => p.verdict !== 'pass');
}

/**
 * Zero-failure runs R after which the two-sided Clopper–Pearson upper bound 1 − ((1 − level)/2)^{1/R}
 * falls to `budget` or below: R = ⌈ln((1 − level)/2) / ln(1 − budget)⌉.
 *
 * @example runsToBound(1e-3, 0.95); // 3688
 */
export function runsToBound(budget: number, level: number): number {
  return Math.ceil(Math.log((1 - level) / 2) / Math.log1p(-budget));
}

/** The one budget all runs share; throws naming the seeds when they disagree (mixing budgets is meaningless). */
function sharedBudget(runs: readonly SeedRun[]): number {
  const budgets = new Map<number, number[]>();
  for (const r of runs) {
    const b = r.report.header.alphaBudget.total;
    budgets.set(b, [...(budgets.get(b) ?? []), r.seed]);
  }
  if (budgets.size > 1) {
    const list = [...budgets.entries()].map(([b, seeds]) => `${b} (seeds ${seeds.join(', ')})`).join('; ');
    throw new Error(`aggregateSweep: the runs' reports state different budgets (alphaBudget.total): ${list}`);
  }
  return budgets.size === 1 ? [...budgets.keys()][0] : NaN;
}

function familyWise(runs: readonly SeedRun[], failures: number, budget: number): FamilyWise {
  const R = runs.length;
  const ci = R > 0 ? clopperPearsonInterval(failures, R, FAMILY_WISE_LEVEL) : undefined;
  return {
    runs: R,
    failures,
    level: FAMILY_WISE_LEVEL,
    lower: ci ? ci.lower : null,
    upper: ci ? ci.upper : null,
    budget,
    expectedAtBudget: R * budget,
    aboveBudget: ci !== undefined && ci.lower > budget,
    runsToBoundBudget: budget > 0 && budget < 1 ? runsToBound(budget, FAMILY_WISE_LEVEL) : NaN,
  };
}

function runRow(run: SeedRun): RunRow {
  const h = run.report.header;
  const failingProperties = run.report.properties.filter((p) => p.verdict !== 'pass').map((p) => p.claimId);
  const crashed = (h.tests.crashedFiles ?? []).map((c) => `${c.file} (crashed)`);
  return {
    seed: run.seed,
    passed: h.tests.passed,
    failed: h.tests.failed,
    failedRun: runFailed(run.report),
    failures: [...failingProperties.sort(), ...crashed],
    ...(h.alphaBudget.actual !== undefined ? { actualRate: h.alphaBudget.actual } : {}),
    ...(h.alphaBudget.calibrationWarnings !== undefined ? { calibrationWarnings: h.alphaBudget.calibrationWarnings } : {}),
    wallTimeMs: h.wallTimeMs,
    gitCommit: h.gitCommit,
  };
}

/**
 * The sweep's table from its complete runs (any order) and the seeds it asked for.
 * Throws when the runs' reports state different budgets.
 */
export function aggregateSweep(completeRuns: readonly SeedRun[], requested: readonly number[], profile: string): SweepSummary {
  const runs = [...completeRuns].sort((a, b) => a.seed - b.seed);
  const complete = new Set(runs.map((r) => r.seed));
  const budget = sharedBudget(runs);

  const tallies = new Map<string, PropertyTally>();
  const crashed = new Map<string, number[]>();
  for (const run of runs) {
    for (const p of run.report.properties) {
      const t = tallies.get(p.claimId) ?? { claimId: p.claimId, kind: p.kind, ...(p.twinOf !== undefined ? { twinOf: p.twinOf } : {}), runs: 0, failingSeeds: [] };
      t.runs++;
      if (p.verdict !== 'pass') t.failingSeeds.push(run.seed);
      tallies.set(p.claimId, t);
    }
    for (const c of run.report.header.tests.crashedFiles ?? []) crashed.set(c.file, [...(crashed.get(c.file) ?? []), run.seed]);
  }

  const rows = runs.map(runRow);
  const rates = rows.flatMap((r) => (r.actualRate !== undefined ? [r.actualRate] : []));
  const warnings = rows.flatMap((r) => (r.calibrationWarnings !== undefined ? [r.calibrationWarnings] : []));
  return {
    profile,
    seeds: { requested: [...requested], complete: runs.map((r) => r.seed), incomplete: requested.filter((s) => !complete.has(s)) },
    familyWise: familyWise(runs, rows.filter((r) => r.failedRun).length, budget),
    actualRate:
      rates.length > 0
        ? { mean: rates.reduce((s, x) => s + x, 0) / rates.length, min: Math.min(...rates), max: Math.max(...rates), runs: rates.length }
        : null,
    maxCalibrationWarnings: warnings.length > 0 ? Math.max(...warnings) : null,
    properties: [...tallies.values()].sort((a, b) => (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0)),
    crashedFiles: [...crashed.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, failingSeeds]) => ({ file, failingSeeds })),
    runs: rows,
  };
}
