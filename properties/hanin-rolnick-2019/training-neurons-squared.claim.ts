/**
 * HR2019.Training.neurons-squared: during memorization training, at fixed depth, the exponent of the
 * crossing part of the region count in [−1, 1]², E[#regions − 1 − V_bd/2], in the C(N, 2) pairs of
 * neurons lies within 1 ± 0.125 at the checkpoint.
 *
 * Domain (property choices): widths w, 2w, 4w (w ∈ {6, 8}) at depth 1–2; the task of
 * training-experiment.ts (P ∈ [16, 48] points, 1000 Adam steps — 4000 in the full profile — counted
 * after ¼, ½ or all of them, s_b ∈ [1e-3, 0.05]); 320 networks per width, one configuration per gate
 * run (four in the full profile): as in training-depth-independent.claim.ts, the log-slope check's
 * validated regime (≥ 80 units and |sample skewness| ≤ 0.1·√n per group) needs it — the narrow
 * widths' crossing counts sit near their cap C(N, 2) and are left-skewed (|skewness| up to 1.6).
 * Reject twin: a count linear in N.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fromGroups } from '../checks/log-slope';
import { integer } from '../harness/arbitraries';
import { deriveSeed } from '../../engine/random/seed';
import { within } from '../../theorems/relation';
import { trainedNeuronsSquared, RESOLUTION, type TrainedWidthSweepConfig } from '../../theorems/hanin-rolnick-2019/training-neurons-squared';
import { neuronPairs } from '../../theorems/hanin-rolnick-2019/plane-config';
import { memorizationCounts, memorizationTask, summary } from './training-experiment';
import { pinnedGroupsWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 1, full: 4 },
  shrinks: { gate: 1, full: 3 },
  sizes: { steps: { gate: 1000, full: 4000 }, netsPerWidth: { gate: 320, full: 320 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<TrainedWidthSweepConfig> = fc.record({
  depth: integer(1, 2),
  widths: fc.constantFrom(6, 8).map((w) => [w, 2 * w, 4 * w]),
  ...memorizationTask(byProfile(DESIGN.sizes.steps)),
});

claimProperty<TrainedWidthSweepConfig>({
  theorem: trainedNeuronsSquared,
  family: 'hanin-rolnick-2019/training',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    const runs = await Promise.all(
      c.widths.map(async (w) => ({
        N: w * c.depth,
        counts: await memorizationCounts({
          hidden: Array<number>(c.depth).fill(w),
          biasStd: c.biasStd,
          points: c.points,
          checkpoints: [0, c.checkpoint],
          nets: byProfile(DESIGN.sizes.netsPerWidth),
          seed: deriveSeed(ctx.seed, 'width', w),
          parts: ctx.components,
        }),
      })),
    );
    return {
      ...fromGroups(runs.map((r) => ({ x: neuronPairs(r.N), units: r.counts[r.counts.length - 1].crossings }))),
      fingerprints: Float64Array.from(runs.flatMap((r) => [...r.counts[r.counts.length - 1].fingerprints])),
      figures: { byNeurons: runs.map((r) => ({ neurons: r.N, checkpoints: r.counts.map(summary) })) },
    };
  },
  twins: [
    {
      name: 'linear-in-neurons',
      description: 'a prediction that trained 2-D counts grow like N (the line law applied to a plane: exponent ½ in C(N, 2))',
      wrongPrediction: () => within(0.5, RESOLUTION, 'log'),
      config: { depth: 1, widths: [8, 16, 32], points: 32, steps: 300, checkpoint: 300, biasStd: 0.001 },
      world: () => pinnedGroupsWorld({ slope: 1.017, se: 0.0062, means: [23.6667, 108.417, 450.542], sds: [2.3344, 5.5476, 15.481] }, 0.5),
    },
  ],
});
