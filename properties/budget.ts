/**
 * The suite-wide false-failure budget.
 *
 * SUITE_ALPHA is the probability that a run of the whole suite fails although the engine is correct
 * (with fresh seeds, or after an engine change that reshuffles the random streams; with the default
 * master seed a run is deterministic). It is split below, explicitly, among the claims; a claim
 * splits its share equally among its assertions: one per generated configuration plus one per
 * reject twin (a twin "falsely fails" when it does not reject the wrong engine, so its power must be
 * ≥ 1 − α_i). Shrinking after a failure spends nothing: the run has already failed.
 *
 * Families whose claims are not implemented yet keep their reserved share unspent; the report prints
 * the total actually allocated next to the budget.
 */
export const ALPHA_ENV = 'THEORYCHECK_ALPHA';
export const DEFAULT_SUITE_ALPHA = 1e-3;

export function suiteAlpha(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[ALPHA_ENV];
  if (text === undefined || text === '') return DEFAULT_SUITE_ALPHA;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value >= 0.5) {
    throw new Error(`${ALPHA_ENV} must be a number in (0, 0.5); got "${text}"`);
  }
  return value;
}

/** Share of SUITE_ALPHA per claim id (fractions; their sum must not exceed 1). */
export const CLAIM_SHARES: Readonly<Record<string, number>> = {
  // Hanin & Rolnick 2018 — 0.30 in all.
  'HR2018.FM1.mean-length': 0.04,
  'HR2018.FM1.he-critical': 0.03,
  'HR2018.FM1.truncated-normal': 0.025,
  'HR2018.FM1.lecun': 0.025,
  'HR2018.FM2.gaussian': 0.025,
  'HR2018.FM2.law-lower-bound': 0.015,
  'HR2018.FM2.law-upper-bound': 0.015,
  'HR2018.FM2.same-beta': 0.03,
  'HR2018.FM2.empirical-variance': 0.02,
  'HR2018.ResNet.mean-length': 0.025,
  'HR2018.ResNet.bounded-second-moment': 0.02,
  'HR2018.Conv.mean-length': 0.03,
  // Hanin & Rolnick 2019 (regions) — 0.22 in all.
  'HR2019.Lines.one-layer': 0.025,
  'HR2019.Lines.kac-rice': 0.025,
  'HR2019.Lines.linear-in-neurons': 0.02,
  'HR2019.Lines.depth-independent': 0.02,
  'HR2019.Lines.bound': 0.015,
  'HR2019.Lines.boundary-distance': 0.02,
  'HR2019.Plane.neurons-squared': 0.02,
  'HR2019.Plane.depth-independent': 0.02,
  'HR2019.Training.depth-independent': 0.03,
  'HR2019.Training.neurons-squared': 0.025,
  // Shin & Karniadakis 2020 / Lu, Shin, Su & Karniadakis 2020 (dying ReLU, trainability) — 0.24.
  'SK2020.Death.first-layer-on-data': 0.02,
  'SK2020.Death.active-count-at-point': 0.02,
  'SK2020.Death.active-mean-at-point': 0.02,
  'LSSK2020.BornDead.at-point': 0.025,
  'LSSK2020.BornDead.domain-bound': 0.015,
  'LSSK2020.RAI.born-dead-lower': 0.025,
  'SK2020.DDI.no-permanently-dead': 0.015,
  'SK2020.Trainability.necessary': 0.02,
  'SK2020.Trainability.over-parameterization': 0.03,
  'SK2020.DDI.success-vs-he': 0.03,
  'SK2020.Trainability.width-trend': 0.02,
  // Spent by unit tests, not by report rows: the samplers' DKW and variance checks
  // (engine/random/samplers.test.ts), the residual engine's one-module mean check (α = 1e-6) and the
  // statistical core's calibration-by-simulation tests.
  'engine.sampler': 0.02,
  'stats.calibration': 0.02,
  // Zhou, Zhou, Luo, Zhang & Xu 2022 (condensation at initial training) — 0.14.
  'ZZLZX2022.Multiplicity.computed': 0.015,
  'ZZLZX2022.Alignment.p1': 0.025,
  'ZZLZX2022.Orientations.at-most-2p': 0.03,
  'ZZLZX2022.Orientations.monotone-in-p': 0.02,
  'ZZLZX2022.SmallInit.condensation-score': 0.025,
  'ZZLZX2022.MultiLayer.per-layer-multiplicity': 0.025,
};

export const RESERVED_SHARE = 0;

/** α of a claim (its share of the suite budget). Unknown ids are a programming error. */
export function claimAlpha(claimId: string, env: NodeJS.ProcessEnv = process.env): number {
  const share = CLAIM_SHARES[claimId];
  if (share === undefined) {
    throw new Error(`no α share for "${claimId}" in properties/budget.ts CLAIM_SHARES; add one (the shares must sum to ≤ 1)`);
  }
  return share * suiteAlpha(env);
}

/** α of each of a claim's `assertions` tests (Bonferroni split of the claim's share). */
export function assertionAlpha(claimId: string, assertions: number, env: NodeJS.ProcessEnv = process.env): number {
  if (!Number.isInteger(assertions) || assertions < 1) throw new Error(`assertions must be an integer ≥ 1; got ${assertions}`);
  return claimAlpha(claimId, env) / assertions;
}
