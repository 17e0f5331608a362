/**
 * Hanin & Rolnick (2018), failure mode FM2: the second moment (variance) of the activation length.
 *
 *   HR2018.FM2.gaussian            E[M_d²]/M_0² = ∏ g_j²(1 + 5/n_j), linear output (1 + 2/n_d)   two-sided
 *   HR2018.FM2.law-lower-bound     uniform / truncated normal: ≥ ∏ g_j²(1 + min(5, 2μ̃4−1)/n_j)  one-sided
 *   HR2018.FM2.law-upper-bound     uniform / truncated normal: ≤ ∏ g_j²(1 + max(5, 2μ̃4−1)/n_j)  one-sided
 *   HR2018.FM2.same-beta           (depth d, width w) vs (2d, 2w): difference = exact O(d/w²)   two-sample
 *   HR2018.FM2.empirical-variance  E[Var̂_j M_j]/M_0² = (1/d)ΣS_j − (1/d²)Σ(2(d−j)+1)S_j       two-sided
 *
 * Units are per network (mean over its fixed inputs of (M_d/M_0)², or of the empirical variance
 * across layers); their mean estimates the claim's expectation.
 *
 * Power and calibration. The units are fourth moments of M and heavy-tailed: from the exact layer
 * moments E[(2χ²_K/n)^4] (K ~ Bin(n, 1/2)) their coefficient of variation is 0.8 at one layer of
 * width 32, 1.3 at two, 2.1 for [16,16], 3.4 for [16,16,16]. The domain is therefore kept to
 * depth ≤ 3 and β = Σ1/n_j ≤ 0.1 (CV ≲ 1.7) for the exact claims, and the number of networks is set
 * per configuration from a budget of sampled weights (small networks are cheap, so they get many
 * more samples): at 25 M weights per configuration (gate) that is 3 000–40 000 networks, for a relative
 * standard error of ~1–3% and a smallest detectable deviation of ~10–20% of E[M²] at 99% power.
 * The checks run their intervals at the Edgeworth-calibrated level (properties/checks).
 */
import fc from 'fast-check';
import { uniform } from '../harness/arbitraries';
import { claimProperty, type ClaimSpec } from '../harness/claim-property';
import { byProfile } from '../profile';
import { meanAtLeastPrediction, meanAtMostPrediction, meanEqualsPrediction } from '../checks/mean-vs-prediction';
import { differenceEqualsPrediction } from '../checks/difference-equals';
import { getMutant } from '../../engine/mutants';
import { deriveSeed } from '../../engine/random/seed';
import { sampleMoments } from '../stats';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fm1-mean-length';
import { beta, fm2Gaussian, type SecondMomentConfig } from '../../theorems/hanin-rolnick-2018/fm2-gaussian';
import { fm2LawLowerBound, fm2LawUpperBound, lawConstant } from '../../theorems/hanin-rolnick-2018/fm2-law-bounds';
import { fm2EmpiricalVariance, expectedEmpiricalVariance } from '../../theorems/hanin-rolnick-2018/fm2-empirical-variance';
import { fm2SameBeta, secondMomentA, secondMomentB, widthsA, widthsB, type SameBetaConfig } from '../../theorems/hanin-rolnick-2018/fm2-same-beta';
import type { LawName, VarianceSpec } from '../../theorems/_internals/initialization';
import { fixedInputs, lengthExperiment, unitEmpiricalVariances, unitRatios } from './length-experiment';

const FAMILY = 'hanin-rolnick-2018/fm2';
const CONFIGS = { gate: 4, full: 12 } as const;
/** Sampled weights per configuration; the number of networks follows from each network's size. */
const WEIGHT_BUDGET = { gate: 25e6, full: 300e6 } as const;
const NETS = { min: 3000, max: 40000 };

function netsFor(widths: readonly number[], min: number = NETS.min): number {
  const perNet = widths.slice(1).reduce((s, n, k) => s + widths[k] * n, 0);
  return Math.max(min, Math.min(NETS.max, Math.round(byProfile(WEIGHT_BUDGET) / perNet)));
}
/** The empirical variance across layers mixes M_j² of every depth: its units are the heaviest. */
const EMPIRICAL_VARIANCE_MIN_NETS = 20000;

const he: VarianceSpec = { preset: 'he' };
const zero = { law: 'zero' as const };
const cfg = (widths: number[], law: LawName = 'gaussian', variance: VarianceSpec = he, output?: 'linear'): SecondMomentConfig => ({
  widths,
  init: { law, variance, bias: zero },
  ...(output ? { output } : {}),
});

const varianceArb: fc.Arbitrary<VarianceSpec> = fc.oneof(
  fc.constantFrom<VarianceSpec>({ preset: 'he' }, { preset: 'lecun' }, { preset: 'glorot' }),
  uniform(0.5, 4).map((c): VarianceSpec => ({ scale: Math.round(c * 1000) / 1000 })),
);

function widthsArb(opts: { n0: [number, number]; hidden: [number, number]; depth: [number, number]; maxBeta: number }): fc.Arbitrary<number[]> {
  return fc
    .tuple(fc.integer({ min: opts.n0[0], max: opts.n0[1] }), fc.array(fc.integer({ min: opts.hidden[0], max: opts.hidden[1] }), { minLength: opts.depth[0], maxLength: opts.depth[1] }))
    .map(([n0, hidden]) => [n0, ...hidden])
    .filter((w) => beta(w) <= opts.maxBeta);
}

/** A claim on the units (M_d/M_0)² of one ensemble. */
function secondMomentSpec<C extends SecondMomentConfig>(theorem: ClaimSpec<C>['theorem'], configs: fc.Arbitrary<C>, check: ClaimSpec<C>['check'], twins: ClaimSpec<C>['twins'], examples?: C[]): ClaimSpec<C> {
  return {
    ...(examples ? { examples } : {}),
    theorem,
    family: FAMILY,
    file: __filename,
    configs,
    numConfigs: CONFIGS,
    check,
    twins,
    async experiment(config, ctx) {
      const { trace, experiment } = await lengthExperiment(config, { seed: ctx.seed, nets: netsFor(config.widths), ...(ctx.mutant ? { mutant: ctx.mutant } : {}) });
      return { ...experiment, units: unitRatios(trace, trace.depth, 2) };
    },
  };
}

/**
 * Reviewer figure: E[M_d²]/M_0² against β over width profiles of four shapes (constant, increasing,
 * decreasing, alternating; He Gaussian, depth 4), with the exact product and the exp(5β) curve.
 */
const BETA_SWEEP_NETS = { gate: 600, full: 10000 } as const;
function betaProfiles(): { shape: string; widths: number[] }[] {
  const out: { shape: string; widths: number[] }[] = [];
  for (const w of [80, 40, 20, 13]) out.push({ shape: 'constant', widths: [8, w, w, w, w] });
  for (const w of [42, 21, 10]) {
    out.push({ shape: 'increasing', widths: [8, w, 2 * w, 3 * w, 4 * w] });
    out.push({ shape: 'decreasing', widths: [8, 4 * w, 3 * w, 2 * w, w] });
  }
  for (const w of [53, 27, 13]) out.push({ shape: 'alternating', widths: [8, w, 3 * w, w, 3 * w] });
  return out;
}
async function betaSweep({ seed }: { seed: number }): Promise<Record<string, unknown>> {
  const rows = [];
  for (const { shape, widths } of betaProfiles()) {
    const { trace } = await lengthExperiment(cfg(widths), { seed: deriveSeed(seed, widths), nets: byProfile(BETA_SWEEP_NETS) });
    const units = unitRatios(trace, trace.depth, 2);
    const m = sampleMoments(units);
    rows.push({ shape, widths, beta: beta(widths), estimate: m.mean, se: m.sd / Math.sqrt(m.n), exact: fm2Gaussian.predict(cfg(widths)), expFiveBeta: Math.exp(5 * beta(widths)) });
  }
  return { secondMomentVsBeta: rows };
}

// --- HR2018.FM2.gaussian ---------------------------------------------------------------------------
claimProperty({
  figures: betaSweep,
  ...secondMomentSpec(
    fm2Gaussian,
    fc
      .record({
        widths: widthsArb({ n0: [1, 32], hidden: [16, 64], depth: [1, 3], maxBeta: 0.1 }),
        variance: varianceArb,
        output: fc.constantFrom<'relu' | 'linear'>('relu', 'linear'),
      })
      .map(({ widths, variance, output }) => cfg(widths, 'gaussian', variance, output === 'linear' ? 'linear' : undefined)),
    meanEqualsPrediction,
    [
      {
        name: 'beta-off-by-one-layer',
        description: 'the prediction forgets the last layer: β (and the product) computed without the factor 1 + 5/n_d',
        wrongPrediction: (c) => fm2Gaussian.predict(c) / (1 + 5 / c.widths[c.widths.length - 1]),
        config: cfg([8, 32, 12]),
        wrongValue: (c) => fm2Gaussian.predict(c),
      },
      {
        name: 'uniform-as-gaussian',
        mutant: getMutant('uniform-as-gaussian'),
        // One-dimensional input: the first layer sees ρ(x) = 1, where uniform weights give 1 + 2.6/n_1
        // instead of 1 + 5/n_1. The true value is at most (1 + 2.6/4)(1 + 5/32) (least favourable).
        config: cfg([1, 4, 32]),
        wrongValue: () => (1 + 2.6 / 4) * (1 + 5 / 32),
      },
    ],
    // Always one configuration with a one-dimensional input, where the law's fourth moment shows.
    [cfg([1, 16])],
  ),
});

// --- HR2018.FM2.law-lower-bound / law-upper-bound ------------------------------------------------------
const lawConfigs = fc
  .record({
    // One-sided tests carry an O(1/√n) skewness error: a lighter domain than the two-sided claims.
    widths: widthsArb({ n0: [1, 16], hidden: [12, 48], depth: [1, 3], maxBeta: 0.15 }),
    law: fc.constantFrom<LawName>('uniform', 'truncated-normal'),
    variance: varianceArb,
  })
  .map(({ widths, law, variance }) => cfg(widths, law, variance) as LengthConfig);

claimProperty(
  secondMomentSpec(fm2LawLowerBound, lawConfigs, meanAtLeastPrediction, [
    {
      name: 'beta-off-by-one-layer',
      description: 'the lower bound counts one layer too many (an extra factor 1 + min(5, 2μ̃4−1)/n_1)',
      wrongPrediction: (c) => fm2LawLowerBound.predict(c) * (1 + Math.min(5, lawConstant(c)) / c.widths[1]),
      // n_0 = 1: ρ(x) = 1 and one layer, so the true value equals the lower bound (1 + 2.6/8) exactly.
      config: cfg([1, 8], 'uniform'),
      wrongValue: (c) => fm2LawLowerBound.predict(c),
    },
  ]),
);

claimProperty(
  secondMomentSpec(fm2LawUpperBound, lawConfigs, meanAtMostPrediction, [
    {
      name: 'beta-off-by-one-layer',
      description: 'the upper bound forgets the last layer (its factor 1 + max(5, 2μ̃4−1)/n_d)',
      wrongPrediction: (c) => fm2LawUpperBound.predict(c) / (1 + Math.max(5, lawConstant(c)) / c.widths[c.widths.length - 1]),
      config: cfg([64, 48, 8], 'uniform'),
      // Least favourable: the true value is at least the lower bound.
      wrongValue: (c) => fm2LawLowerBound.predict(c),
    },
  ]),
);

// --- HR2018.FM2.same-beta ------------------------------------------------------------------------------
const sameBetaSpec: ClaimSpec<SameBetaConfig> = {
  theorem: fm2SameBeta,
  family: FAMILY,
  file: __filename,
  configs: fc.record({ n0: fc.integer({ min: 1, max: 16 }), width: fc.integer({ min: 24, max: 64 }), depth: fc.integer({ min: 1, max: 3 }) }),
  numConfigs: CONFIGS,
  check: differenceEqualsPrediction,
  twins: [
    {
      name: 'beta-off-by-one-layer',
      description: 'the prediction for the deep network B forgets one of its layers',
      wrongPrediction: (c) => secondMomentA(c) - secondMomentB(c) / (1 + 5 / (2 * c.width)),
      config: { n0: 4, width: 16, depth: 1 },
      wrongValue: (c) => fm2SameBeta.predict(c),
    },
  ],
  async experiment(config, ctx) {
    const a = widthsA(config);
    const b = widthsB(config);
    const inputs = fixedInputs(ctx.seed, config.n0);
    const nets = Math.min(netsFor(a), netsFor(b));
    const mutant = ctx.mutant ? { mutant: ctx.mutant } : {};
    const A = await lengthExperiment(cfg(a), { seed: ctx.seed, nets, inputs, ...mutant });
    const B = await lengthExperiment(cfg(b), { seed: ctx.seed ^ 0x5bd1e995, nets, inputs, ...mutant });
    return {
      units: unitRatios(A.trace, A.trace.depth, 2),
      reference: unitRatios(B.trace, B.trace.depth, 2),
      outcomes: { ...A.experiment.outcomes, deadB: B.trace.outcomes.dead },
      ...(A.experiment.fault || B.experiment.fault ? { fault: [A.experiment.fault, B.experiment.fault].filter(Boolean).join('; ') } : {}),
    };
  },
};
claimProperty(sameBetaSpec);

// --- HR2018.FM2.empirical-variance ---------------------------------------------------------------------
claimProperty({
  theorem: fm2EmpiricalVariance,
  family: FAMILY,
  file: __filename,
  configs: widthsArb({ n0: [1, 32], hidden: [32, 64], depth: [2, 3], maxBeta: 0.08 }).map((w) => cfg(w) as LengthConfig),
  numConfigs: CONFIGS,
  check: meanEqualsPrediction,
  twins: [
    {
      name: 'widths-misread',
      description: 'the prediction reads every hidden width as twice its value (β halved)',
      wrongPrediction: (c) => expectedEmpiricalVariance([c.widths[0], ...c.widths.slice(1).map((n) => 2 * n)]),
      config: cfg([8, 24, 24, 24]),
      wrongValue: (c) => fm2EmpiricalVariance.predict(c),
    },
    {
      name: 'leaky-relu-0.3',
      mutant: getMutant('leaky-relu-0.3'),
      config: cfg([8, 24, 24, 24]),
    },
  ],
  async experiment(config, ctx) {
    const nets = netsFor(config.widths, EMPIRICAL_VARIANCE_MIN_NETS);
    const { trace, experiment } = await lengthExperiment(config, { seed: ctx.seed, nets, ...(ctx.mutant ? { mutant: ctx.mutant } : {}) });
    return { ...experiment, units: unitEmpiricalVariances(trace) };
  },
});
