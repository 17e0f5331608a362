/**
 * What the FM2 claims share (HR2018.FM2.gaussian, law-lower-bound, law-upper-bound, same-beta,
 * empirical-variance; one property file each): configuration arbitraries, the per-configuration
 * number of networks, the second-moment experiment and the reviewer figure E[M_d²] against β.
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
import { byProfile, type ByProfile } from '../profile';
import { deriveSeed } from '../../engine/random/seed';
import { sampleMoments } from '../stats';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import { fm2Gaussian, type SecondMomentConfig } from '../../theorems/hanin-rolnick-2018/fm2-gaussian';
import { beta, type LawName, type VarianceSpec } from '../../theorems/_internals/initialization';
import type { Experiment, ExperimentContext } from '../harness/types';
import { lengthExperiment, unitRatios, untilCalibrated } from './length-experiment';

export const FM2_FAMILY = 'hanin-rolnick-2018/fm2';

/** The sizing of a second-moment claim: sampled weights per configuration, and the clamp on the number of networks. */
interface WeightBudget {
  weightBudget: number;
  minNets: number;
  maxNets: number;
}

/** The sizing of a claim design's `sizes` under the run's profile. */
export const weightBudgetOf = (sizes: Record<keyof WeightBudget, ByProfile<number>>): WeightBudget => ({
  weightBudget: byProfile(sizes.weightBudget),
  minNets: byProfile(sizes.minNets),
  maxNets: byProfile(sizes.maxNets),
});

/** Networks for a configuration: the weight budget over the weights of one network, within [minNets, maxNets]. */
export function netsFor(widths: readonly number[], sizing: WeightBudget): number {
  const perNet = widths.slice(1).reduce((s, n, k) => s + widths[k] * n, 0);
  return Math.max(sizing.minNets, Math.min(sizing.maxNets, Math.round(sizing.weightBudget / perNet)));
}

const he: VarianceSpec = { preset: 'he' };
const zero = { law: 'zero' as const };
export const cfg = (widths: number[], law: LawName = 'gaussian', variance: VarianceSpec = he, output?: 'linear'): SecondMomentConfig => ({
  widths,
  init: { law, variance, bias: zero },
  ...(output ? { output } : {}),
});

/** Variance rules: the presets, or c ∈ [0.5, 4] (3 decimals). */
export const varianceArb: fc.Arbitrary<VarianceSpec> = fc.oneof(
  fc.constantFrom<VarianceSpec>({ preset: 'he' }, { preset: 'lecun' }, { preset: 'glorot' }),
  uniform(0.5, 4).map((c): VarianceSpec => ({ scale: Math.round(c * 1000) / 1000 })),
);

export function widthsArb(opts: { n0: [number, number]; hidden: [number, number]; depth: [number, number]; maxBeta: number }): fc.Arbitrary<number[]> {
  return fc
    .tuple(fc.integer({ min: opts.n0[0], max: opts.n0[1] }), fc.array(fc.integer({ min: opts.hidden[0], max: opts.hidden[1] }), { minLength: opts.depth[0], maxLength: opts.depth[1] }))
    .map(([n0, hidden]) => [n0, ...hidden])
    .filter((w) => beta(w) <= opts.maxBeta);
}

/** The general-law bounds' configurations (uniform or truncated normal). */
export const lawConfigs: fc.Arbitrary<LengthConfig> = fc
  .record({
    // One-sided tests carry an O(1/√n) skewness error: a lighter domain than the two-sided claims.
    widths: widthsArb({ n0: [1, 16], hidden: [12, 48], depth: [1, 3], maxBeta: 0.15 }),
    law: fc.constantFrom<LawName>('uniform', 'truncated-normal'),
    variance: varianceArb,
  })
  .map(({ widths, law, variance }) => cfg(widths, law, variance) as LengthConfig);

/** The units (M_d/M_0)² of one ensemble of `netsFor(widths, sizing)` networks. */
export async function secondMomentExperiment(config: SecondMomentConfig, ctx: ExperimentContext, sizing: WeightBudget): Promise<Experiment> {
  return untilCalibrated(netsFor(config.widths, sizing), sizing.maxNets, async (nets) => {
    const { trace, experiment } = await lengthExperiment(config, { seed: ctx.seed, nets, parts: ctx.components });
    return { ...experiment, units: unitRatios(trace, trace.depth, 2) };
  }, ctx.vouched);
}

/**
 * Reviewer figure: E[M_d²]/M_0² against β over width profiles of four shapes (constant, increasing,
 * decreasing, alternating; He Gaussian, depth 4), with the exact product and the exp(5β) curve
 * (default engine).
 */
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
export async function betaSweep(seed: number, nets: number): Promise<Record<string, unknown>> {
  const rows = [];
  for (const { shape, widths } of betaProfiles()) {
    const { trace } = await lengthExperiment(cfg(widths), { seed: deriveSeed(seed, widths), nets });
    const units = unitRatios(trace, trace.depth, 2);
    const m = sampleMoments(units);
    rows.push({ shape, widths, beta: beta(widths), estimate: m.mean, se: m.sd / Math.sqrt(m.n), exact: fm2Gaussian.predict(cfg(widths)).value, expFiveBeta: Math.exp(5 * beta(widths)) });
  }
  return { secondMomentVsBeta: rows };
}
