/**
 * What the four FM1 claims share (HR2018.FM1.mean-length, he-critical, truncated-normal, lecun, one
 * property file each): the configuration domain, the per-configuration number of networks, the
 * experiment and the reviewer figure of Fig. 1(a).
 *
 * Configuration domain (a property choice, for power and calibration, not a hypothesis): hidden widths 16–64,
 * depth ≤ 6 and β = Σ_j 1/n_j ≤ 0.25, so that E[M_d²]/E[M_d]² ≤ e^{5β} ≤ 3.5 (docs/claims.md §2.3):
 * the per-network coefficient of variation stays ≤ 1.9; the number of networks (3000 to 12000 at the
 * gate) is planned from the exact CV of each configuration ({@link netsFor}, from the claim design's
 * base `nets`), which keeps the smallest detectable relative deviation ≲ 13% at 99% power even at
 * α_i ~ 1e-6. Figure data: mean and spread of log(M_j/M_0) at every depth j, per configuration
 * (report.json → figures.perConfig).
 */
import fc from 'fast-check';
import { deriveSeed } from '../../engine/random/seed';
import type { Theorem } from '../../theorems/types';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import { beta, type LawName, type PresetName, type VarianceSpec } from '../../theorems/_internals/initialization';
import { integer, uniform } from '../harness/arbitraries';
import type { Experiment, ExperimentContext } from '../harness/types';
import { depthProfile, lengthExperiment, untilCalibrated } from './length-experiment';

export const FM1_FAMILY = 'hanin-rolnick-2018/fm1';
const MAX_BETA = 0.25;

/** E[leaky(y)²] / E[relu(y)²] for symmetric y: 1 + slope² (the leaky-relu-0.3 fault's factor per layer). */
export const LEAKY_FACTOR = 1 + 0.3 ** 2;

export const cfg = (widths: number[], law: LawName, variance: VarianceSpec): LengthConfig => ({ widths, init: { law, variance, bias: { law: 'zero' } } });

/**
 * The FM1 claims at depth (log-length, truncated-normal-at-depth): depth d ∈ [30, 100], every hidden
 * layer of width ⌈d/β⌉ with β ∈ [1, 2] (widths 15–100 grow with depth, so the log length's variance ≈ 5β
 * stays bounded), n_0 ∈ [1, 32], the given law and presets.
 */
export function deepFm1Configs(law: LawName, presets: readonly PresetName[]): fc.Arbitrary<LengthConfig> {
  return fc
    .record({ n0: integer(1, 32), depth: integer(30, 100), beta: uniform(1, 2), preset: fc.constantFrom(...presets) })
    .map(({ n0, depth, beta, preset }) => cfg([n0, ...Array<number>(depth).fill(Math.ceil(depth / beta))], law, { preset }));
}

/** Configurations: n_0 ∈ [1, 32], 1 to `maxDepth` hidden widths in [16, 64], β ≤ 0.25, the given laws and variances. */
export function fm1Configs(opts: { laws: LawName[]; variance: fc.Arbitrary<VarianceSpec>; maxDepth: number }): fc.Arbitrary<LengthConfig> {
  return fc
    .record({
      n0: fc.integer({ min: 1, max: 32 }),
      hidden: fc.array(fc.integer({ min: 16, max: 64 }), { minLength: 1, maxLength: opts.maxDepth }),
      law: fc.constantFrom(...opts.laws),
      variance: opts.variance,
    })
    .map(({ n0, hidden, law, variance }) => ({ widths: [n0, ...hidden], init: { law, variance, bias: { law: 'zero' as const } } }))
    .filter((c) => beta(c.widths) <= MAX_BETA);
}

/**
 * Networks for a configuration, planned from the exact Gaussian-law CV² = ∏(1 + 5/n_j) − 1 of the
 * unit (docs/claims.md §2.3): the base count up to CV² = 0.75, proportionally more beyond, so that the
 * Edgeworth correction (∝ skewness²/n) stays small for the heavier profiles. Capped at 4× the base.
 */
function netsFor(widths: readonly number[], base: number): number {
  const cv2 = widths.slice(1).reduce((p, n) => p * (1 + 5 / n), 1) - 1;
  return Math.round(base * Math.min(4, Math.max(1, cv2 / 0.75)));
}

/**
 * The FM1 experiment: `netsFor(widths, baseNets)` networks — 4× as many once when the mean check
 * cannot vouch for its rate on them (untilCalibrated with the claim's own check) — and figure data
 * against the claim's prediction at every depth.
 */
export async function fm1Experiment(theorem: Theorem<LengthConfig>, config: LengthConfig, ctx: ExperimentContext, baseNets: number): Promise<Experiment> {
  const nets = netsFor(config.widths, baseNets);
  const { trace, experiment } = await untilCalibrated(nets, 4 * nets, (n) => lengthExperiment(config, { seed: ctx.seed, nets: n, parts: ctx.components }).then((r) => ({ ...r, units: r.experiment.units })), ctx.vouched);
  const predictAt = (j: number): number => theorem.predict({ ...config, widths: config.widths.slice(0, j + 1) }).value;
  return { ...experiment, figures: { lengthVsDepth: depthProfile(trace, predictAt) } };
}

/**
 * Reviewer figure (Hanin & Rolnick 2018, Fig. 1(a)): mean and spread of log(M_j/M_0) against depth j
 * at width 32 for He, LeCun, TF's truncated normal and 3/fan-in, with the FM1 prediction per depth
 * (default engine).
 */
export async function depthSweep(theorem: Theorem<LengthConfig>, seed: number, sizes: { depth: number; nets: number }): Promise<Record<string, unknown>> {
  const widths = [8, ...Array<number>(sizes.depth).fill(32)];
  const inits: [string, LawName, VarianceSpec][] = [
    ['He (2/fan-in)', 'gaussian', { preset: 'he' }],
    ['LeCun (1/fan-in)', 'gaussian', { preset: 'lecun' }],
    ['truncated normal, He std, uncorrected', 'truncated-normal', { preset: 'he' }],
    ['3/fan-in', 'gaussian', { scale: 3 }],
  ];
  const series = [];
  for (const [label, law, variance] of inits) {
    const config = cfg(widths, law, variance);
    const { trace } = await lengthExperiment(config, { seed: deriveSeed(seed, label), nets: sizes.nets });
    series.push({ init: label, config, rows: depthProfile(trace, (j) => theorem.predict({ ...config, widths: widths.slice(0, j + 1) }).value) });
  }
  return { lengthVsDepthByInit: series };
}
