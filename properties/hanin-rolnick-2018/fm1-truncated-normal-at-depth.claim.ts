/**
 * HR2018.FM1.truncated-normal-at-depth: at depths 30–100 the mean log activation length under TF's
 * uncorrected truncated normal is at most d·log 0.773741 − log P(alive) (Jensen's bound, theorem file):
 * the exponential decay of FM1, asserted one-sided where the exact law of HR2018.FM1.log-length does
 * not apply (the weights are not Gaussian).
 *
 * Domain (property choices, as HR2018.FM1.log-length): depth d ∈ [30, 100], every hidden layer of width
 * ⌈d/β⌉ with β ∈ [1, 2] (so the log length's variance ≈ 5β stays bounded), n_0 ∈ [1, 32]; one fixed
 * input per configuration; 400 networks (the unit is a light-tailed sum of d independent-given-the-past
 * terms, and n ≥ 300 is where the mean check's calibration is validated). The outcomes report the
 * slack (bound − mean, the Jensen gap). Reject twin: truncation-ignored (plain Gaussian at the nominal
 * He std): its mean log length is HR2018.FM1.log-length's exact value with c = 2, O(β) below 0 and far
 * above the bound — an FM1 the engine would hide.
 */
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { fm1TruncatedNormalAtDepth, logLengthUpperBound } from '../../theorems/hanin-rolnick-2018/fm1-truncated-normal-at-depth';
import { logLengthMoments } from '../../theorems/hanin-rolnick-2018/fm1-log-length';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import type { World } from '../harness/types';
import { traceExperiment } from './length-experiment';
import { liveLogRatios, oneInputTrace } from './log-length-experiment';
import { cfg, deepFm1Configs, FM1_FAMILY } from './fm1-experiment';

const DESIGN = { configs: { gate: 2, full: 8 }, sizes: { nets: { gate: 400, full: 2000 } } } as const satisfies ClaimDesign;

const configs = deepFm1Configs('truncated-normal', ['he']);

/** The twin's world: Gaussian He weights, whose log length has the exact law of HR2018.FM1.log-length. */
function gaussianHeWorld(c: LengthConfig): World {
  const m = logLengthMoments({ ...c, init: { ...c.init, law: 'gaussian' } });
  return { value: m.mean, sd: Math.sqrt(m.variance), source: 'closed form (HR2018.FM1.log-length): Σ_j (log(2/n_j) + log 2 + E[ψ(K_j/2) | K_j ≥ 1]) for Gaussian He weights; sd exact (√Σ Var_j)' };
}

claimProperty<LengthConfig>({
  theorem: fm1TruncatedNormalAtDepth,
  family: FM1_FAMILY,
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(config, ctx) {
    const trace = await oneInputTrace(config, ctx.seed, byProfile(DESIGN.sizes.nets), ctx.components);
    const units = liveLogRatios(trace); // log(M_d/M_0) of the networks alive at x
    const mean = units.reduce((a, b) => a + b, 0) / Math.max(1, units.length);
    const bound = logLengthUpperBound(config);
    return traceExperiment(trace, units, { deadAtX: trace.outcomes.dead, bound, meanLogRatio: mean, jensenSlack: bound - mean, perLayerDecay: Math.exp(mean / (config.widths.length - 1)) });
  },
  twins: [
    {
      name: 'truncation-ignored',
      fault: getFault('truncation-ignored'),
      config: cfg([8, ...Array<number>(40).fill(30)], 'truncated-normal', { preset: 'he' }),
      world: gaussianHeWorld,
    },
  ],
});
