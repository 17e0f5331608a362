/**
 * HR2018.FM1.log-length: at depths 30–100, the mean log activation length of Gaussian ReLU networks
 * equals its exact value (theorems/hanin-rolnick-2018/fm1-log-length.ts) — within O(Σ 1/n_j) of 0 for
 * He (FM1 avoided at depth), −d·log 2 + O(Σ 1/n_j) for LeCun (the exponential decay).
 *
 * Domain (property choices): depth d ∈ [30, 100], every hidden layer of width ⌈d/β⌉ with
 * β = Σ_j 1/n_j ∈ [1, 2] (widths 15–100 grow with depth so that β, hence the unit's variance ≈ 5β,
 * stays bounded), n_0 ∈ [1, 32], He or LeCun. One fixed input per
 * network (the law of M_d/M_0 does not depend on x for Gaussian weights). 400 networks per
 * configuration: the unit log(M_d/M_0) is a sum of d independent light-tailed terms, and n ≥ 300 is
 * where the mean check's calibration is validated. Reject twin: He exact in layers 1–6 and 2% too
 * wide beyond (fault he-drifts-past-depth-6), which every FM1 claim at depth ≤ 6 passes; its exact
 * alternative is the same formula with c_j = 2.04 for j > 6.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer, uniform } from '../harness/arbitraries';
import { DRIFT_FACTOR, DRIFT_FROM_LAYER, getFault } from '../faults/catalog';
import { fm1LogLength, logFactorMoments, logLengthMoments } from '../../theorems/hanin-rolnick-2018/fm1-log-length';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import type { PresetName } from '../../theorems/_internals/initialization';
import type { World } from '../harness/types';
import { traceExperiment } from './length-experiment';
import { liveLogRatios, oneInputTrace } from './log-length-experiment';
import { cfg, FM1_FAMILY } from './fm1-experiment';

const DESIGN = { configs: { gate: 4, full: 12 }, sizes: { nets: { gate: 400, full: 2000 } } } as const satisfies ClaimDesign;

const configs: fc.Arbitrary<LengthConfig> = fc
  .record({ n0: integer(1, 32), depth: integer(30, 100), beta: uniform(1, 2), preset: fc.constantFrom<PresetName>('he', 'lecun') })
  .map(({ n0, depth, beta, preset }) => cfg([n0, ...Array<number>(depth).fill(Math.ceil(depth / beta))], 'gaussian', { preset }));

/** The twin's world: the exact law with He's c_j = 2 in layers 1–6 and 2·1.02 beyond (the variance does not depend on c). */
function driftWorld(c: LengthConfig): World {
  const layers = c.widths.slice(1).map((n, k) => logFactorMoments(k + 1 > DRIFT_FROM_LAYER ? 2 * DRIFT_FACTOR : 2, n));
  const value = layers.reduce((s, f) => s + f.mean, 0);
  const sd = Math.sqrt(layers.reduce((s, f) => s + f.variance, 0));
  return { value, sd, source: `closed form: Σ_j (log(c_j/n_j) + log 2 + E[ψ(K_j/2) | K_j ≥ 1]) with c_j = 2 for j ≤ ${DRIFT_FROM_LAYER}, ${2 * DRIFT_FACTOR} beyond; sd exact (√Σ Var_j)` };
}

claimProperty<LengthConfig>({
  theorem: fm1LogLength,
  family: FM1_FAMILY,
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(config, ctx) {
    const trace = await oneInputTrace(config, ctx.seed, byProfile(DESIGN.sizes.nets), ctx.components);
    const units = liveLogRatios(trace);
    // Figure data: mean log(M_j/M_0) of the networks alive at depth d against the exact value at every tenth depth.
    const rows = [];
    for (let j = 10; j <= trace.depth; j += 10) {
      const logs = liveLogRatios(trace, j);
      rows.push({ depth: j, meanLogRatio: logs.reduce((a, b) => a + b, 0) / Math.max(1, logs.length), exact: logLengthMoments({ ...config, widths: config.widths.slice(0, j + 1) }).mean });
    }
    return { ...traceExperiment(trace, units, { deadAtX: trace.outcomes.dead }), figures: { logLengthVsDepth: rows } };
  },
  twins: [
    {
      name: 'he-drifts-past-depth-6',
      fault: getFault('he-drifts-past-depth-6'),
      config: cfg([8, ...Array<number>(70).fill(70)], 'gaussian', { preset: 'he' }),
      world: driftWorld,
    },
  ],
});
