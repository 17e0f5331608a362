/**
 * The claim registry: one row per claim of the suite — its id, its paper, its theorem file, its
 * property file and its share of the suite's false-failure budget. The budget reads the shares from
 * here (properties/budget.ts), the reports group claims by `paper`, and `registry.test.ts` checks that
 * every row has its theorem and property and every property is registered. Adding a claim adds a row.
 */
export interface PaperEntry {
  /** Folder name under theorems/ and properties/. */
  key: string;
  /** Short citation for tables. */
  cite: string;
}

export const PAPERS: readonly PaperEntry[] = [
  { key: 'hanin-rolnick-2018', cite: 'Hanin & Rolnick (2018), How to Start Training' },
  { key: 'hanin-rolnick-2019', cite: 'Hanin & Rolnick (2019), Deep ReLU Networks Have Surprisingly Few Activation Patterns' },
  { key: 'shin-karniadakis-2020', cite: 'Shin & Karniadakis (2020), Trainability of ReLU Networks; Lu, Shin, Su & Karniadakis (2020), Dying ReLU' },
  { key: 'zhou-2022', cite: 'Zhou, Zhou, Luo, Zhang & Xu (2022), Towards Understanding the Condensation of Neural Networks at Initial Training' },
];

export interface ClaimEntry {
  id: string;
  /** A key of {@link PAPERS}. */
  paper: string;
  /** File name (without extension) of the theorem, theorems/<paper>/<name>.ts, and of the property, properties/<paper>/<name>.claim.ts. */
  name: string;
  /** Share of the suite's α (fractions of the budget; with the unit-test shares of budget.ts they sum to ≤ 1). */
  share: number;
}

const claim = (paper: string, name: string, id: string, share: number): ClaimEntry => ({ id, paper, name, share });
const HR18 = 'hanin-rolnick-2018';
const HR19 = 'hanin-rolnick-2019';
const SK = 'shin-karniadakis-2020';
const ZH = 'zhou-2022';

export const CLAIMS: readonly ClaimEntry[] = [
  // Hanin & Rolnick 2018 — 0.34 in all.
  claim(HR18, 'fm1-mean-length', 'HR2018.FM1.mean-length', 0.035),
  claim(HR18, 'fm1-he-critical', 'HR2018.FM1.he-critical', 0.03),
  claim(HR18, 'fm1-truncated-normal', 'HR2018.FM1.truncated-normal', 0.025),
  claim(HR18, 'fm1-lecun', 'HR2018.FM1.lecun', 0.025),
  claim(HR18, 'fm1-log-length', 'HR2018.FM1.log-length', 0.02),
  claim(HR18, 'fm1-truncated-normal-at-depth', 'HR2018.FM1.truncated-normal-at-depth', 0.005),
  claim(HR18, 'fm2-gaussian', 'HR2018.FM2.gaussian', 0.025),
  claim(HR18, 'fm2-law-lower-bound', 'HR2018.FM2.law-lower-bound', 0.015),
  claim(HR18, 'fm2-law-upper-bound', 'HR2018.FM2.law-upper-bound', 0.015),
  claim(HR18, 'fm2-same-beta', 'HR2018.FM2.same-beta', 0.03),
  claim(HR18, 'fm2-empirical-variance', 'HR2018.FM2.empirical-variance', 0.02),
  claim(HR18, 'fm2-log-variance', 'HR2018.FM2.log-variance', 0.02),
  claim(HR18, 'resnet-mean-length', 'HR2018.ResNet.mean-length', 0.025),
  claim(HR18, 'resnet-bounded-second-moment', 'HR2018.ResNet.bounded-second-moment', 0.02),
  claim(HR18, 'conv-mean-length', 'HR2018.Conv.mean-length', 0.03),
  // Hanin & Rolnick 2019 (activation regions) — 0.22.
  claim(HR19, 'lines-one-layer', 'HR2019.Lines.one-layer', 0.025),
  claim(HR19, 'lines-kac-rice', 'HR2019.Lines.kac-rice', 0.025),
  claim(HR19, 'lines-linear-in-neurons', 'HR2019.Lines.linear-in-neurons', 0.02),
  claim(HR19, 'lines-depth-independent', 'HR2019.Lines.depth-independent', 0.02),
  claim(HR19, 'lines-bound', 'HR2019.Lines.bound', 0.015),
  claim(HR19, 'lines-boundary-distance', 'HR2019.Lines.boundary-distance', 0.02),
  claim(HR19, 'plane-neurons-squared', 'HR2019.Plane.neurons-squared', 0.02),
  claim(HR19, 'plane-depth-independent', 'HR2019.Plane.depth-independent', 0.02),
  claim(HR19, 'training-depth-independent', 'HR2019.Training.depth-independent', 0.02),
  claim(HR19, 'training-neurons-squared', 'HR2019.Training.neurons-squared', 0.015),
  claim(HR19, 'plane-one-layer', 'HR2019.Plane.one-layer', 0.01),
  claim(HR19, 'plane-bound', 'HR2019.Plane.bound', 0.01),
  // Shin & Karniadakis 2020 / Lu, Shin, Su & Karniadakis 2020 (dying ReLU, trainability) — 0.24.
  claim(SK, 'death-first-layer-on-data', 'SK2020.Death.first-layer-on-data', 0.02),
  claim(SK, 'death-active-count-at-point', 'SK2020.Death.active-count-at-point', 0.02),
  claim(SK, 'death-active-mean-at-point', 'SK2020.Death.active-mean-at-point', 0.02),
  claim(SK, 'born-dead-at-point', 'LSSK2020.BornDead.at-point', 0.025),
  claim(SK, 'born-dead-domain-bound', 'LSSK2020.BornDead.domain-bound', 0.01),
  claim(SK, 'born-dead-domain-lower-bound', 'LSSK2020.BornDead.domain-lower-bound', 0.005),
  claim(SK, 'rai-born-dead-lower', 'LSSK2020.RAI.born-dead-lower', 0.025),
  claim(SK, 'ddi-no-permanently-dead', 'SK2020.DDI.no-permanently-dead', 0.015),
  claim(SK, 'trainability-necessary', 'SK2020.Trainability.necessary', 0.005),
  claim(SK, 'trainability-success-when-wide', 'SK2020.Trainability.success-when-wide', 0.005),
  claim(SK, 'trainability-upper-bound', 'SK2020.Trainability.upper-bound', 0.005),
  claim(SK, 'trainability-lower-bound', 'SK2020.Trainability.lower-bound', 0.005),
  claim(SK, 'over-parameterization-necessary', 'SK2020.Trainability.over-parameterization-necessary', 0.005),
  claim(SK, 'trainability-over-specification', 'SK2020.Trainability.over-specification', 0.025),
  claim(SK, 'ddi-success-vs-he', 'SK2020.DDI.success-vs-he', 0.03),
  claim(SK, 'trainability-width-trend', 'SK2020.Trainability.width-trend', 0.02),
  // Zhou, Zhou, Luo, Zhang & Xu 2022 (condensation at initial training) — 0.14.
  claim(ZH, 'multiplicity-computed', 'ZZLZX2022.Multiplicity.computed', 0.015),
  claim(ZH, 'alignment-p1', 'ZZLZX2022.Alignment.p1', 0.015),
  claim(ZH, 'orientations-at-most-2p', 'ZZLZX2022.Orientations.at-most-2p', 0.03),
  claim(ZH, 'orientations-monotone-in-p', 'ZZLZX2022.Orientations.monotone-in-p', 0.02),
  claim(ZH, 'orientations-2p-attained', 'ZZLZX2022.Orientations.2p-attained', 0.01),
  claim(ZH, 'orientations-p1-input-d5', 'ZZLZX2022.Orientations.p1-input-d5', 0.01),
  claim(ZH, 'small-init-condensation-score', 'ZZLZX2022.SmallInit.condensation-score', 0.015),
  claim(ZH, 'multilayer-per-layer-multiplicity', 'ZZLZX2022.MultiLayer.per-layer-multiplicity', 0.025),
];

/** The registry row of a claim id; unknown ids are an error naming the registry. */
export function claimEntry(id: string): ClaimEntry {
  const entry = CLAIMS.find((c) => c.id === id);
  if (entry === undefined) throw new Error(`claim "${id}" is not registered in properties/registry.ts; add a row (id, paper, name, α share)`);
  return entry;
}

export const theoremPath = (c: ClaimEntry): string => `theorems/${c.paper}/${c.name}.ts`;
export const propertyPath = (c: ClaimEntry): string => `properties/${c.paper}/${c.name}.claim.ts`;
