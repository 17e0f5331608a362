/**
 * The suite-wide false-failure budget.
 *
 * The suite α (settings: THEORYCHECK_ALPHA, default 10⁻³) is the probability that a run of the whole
 * suite fails although the engine is correct (with fresh seeds, or after an engine change that
 * reshuffles the random streams; with the default master seed a run is deterministic). It is split
 * explicitly: each claim's share is in the claim registry (properties/registry.ts), and the unit tests
 * that spend α have theirs below. A claim splits its share equally among its assertions: one per
 * generated configuration plus one per reject twin (a twin "falsely fails" when it does not reject the
 * wrong engine, so its power must be ≥ 1 − α_i). Shrinking after a failure spends nothing: the run
 * has already failed.
 */
import { CLAIMS } from './registry';
import { DEFAULT_SUITE_ALPHA, settings } from './settings';

export { DEFAULT_SUITE_ALPHA };

/**
 * Shares spent by unit tests, not by report rows: the samplers' DKW and variance checks
 * (engine/random/samplers.test.ts and the oracle tests), the residual engine's one-module mean
 * check and the statistical core's calibration-by-simulation tests.
 */
export const UNIT_TEST_SHARES: Readonly<Record<string, number>> = {
  'engine.sampler': 0.02,
  'stats.calibration': 0.02,
  /** The harness's independence check of every configuration's units (properties/harness/independence.ts), split over the configurations it runs on. */
  'harness.independence': 0.02,
};

/** Every share: the registry's claims, then the unit tests'. */
export const ALL_SHARES: Readonly<Record<string, number>> = {
  ...Object.fromEntries(CLAIMS.map((c) => [c.id, c.share])),
  ...UNIT_TEST_SHARES,
};

/** α of a claim or unit-test entry (its share of the suite budget). Unknown ids are a programming error. */
export function claimAlpha(id: string, suiteAlpha: number = settings().alpha): number {
  const share = ALL_SHARES[id];
  if (share === undefined) {
    throw new Error(`no α share for "${id}": register the claim in properties/registry.ts (or a unit-test share in properties/budget.ts)`);
  }
  return share * suiteAlpha;
}

/** α of each of a claim's `assertions` tests (Bonferroni split of the claim's share). */
export function assertionAlpha(id: string, assertions: number, suiteAlpha: number = settings().alpha): number {
  if (!Number.isInteger(assertions) || assertions < 1) throw new Error(`assertions must be an integer ≥ 1; got ${assertions}`);
  return claimAlpha(id, suiteAlpha) / assertions;
}

/** The sum of all shares (≤ 1). */
export const allocatedShare = (): number => Object.values(ALL_SHARES).reduce((a, b) => a + b, 0);
