/**
 * HR2019.Training.depth-independent: during memorization training (random ±1 labels on random points
 * of [−1, 1]², Adam lr 1e-3), at a fixed number of neurons, the slope of log E[#regions in [−1, 1]²]
 * against depth lies within 0 ± 0.1 at the checkpoint.
 *
 * Domain (property choices): N = 24 over depths 1–4 (widths 24, 12, 8, 6); the task of
 * training-experiment.ts (P ∈ [16, 48] points, a run of 1000 Adam steps — 4000 in the full profile —
 * counted after ¼, ½ or all of it, s_b ∈ [1e-3, 0.05]). 320 networks per depth, one configuration
 * per gate run (five in the full profile): the log-slope check vouches for its false-failure rate only
 * for groups of ≥ 80 units with |sample skewness| ≤ 0.1·√n (log-slope.ts); at 24 per depth (the
 * former design) importance sampling gave ≈ 3α, and at 80 the trained counts' sample skewness (up
 * to 1.6 in magnitude) exceeded 0.1·√80 = 0.89, so each group has 320 (0.1·√320 = 1.79; measured
 * |skewness| ≤ 1.3). Fresh configurations come from fresh seeds. The nets do memorize: the
 * training losses at each checkpoint are in the figure data (mean MSE falls from ~1.5 to ~0.35–0.6
 * in 1000 steps and to ~0.01–0.15 in 4000). Reject twin: a 2^depth growth.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile, fullProfileFigures } from '../profile';
import { fromGroups } from '../checks/log-slope';
import { deriveSeed } from '../../engine/random/seed';
import { within } from '../../theorems/relation';
import { trainedDepthIndependent, RESOLUTION, type TrainedDepthSweepConfig } from '../../theorems/hanin-rolnick-2019/training-depth-independent';
import { memorizationCounts, memorizationTask, summary, type TrainedCounts } from './training-experiment';
import { pinnedGroupsWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 1, full: 5 },
  shrinks: { gate: 1, full: 3 },
  sizes: { steps: { gate: 1000, full: 4000 }, netsPerDepth: { gate: 320, full: 320 }, figureNets: { gate: 8, full: 48 } },
} as const satisfies ClaimDesign;

const STEPS = byProfile(DESIGN.sizes.steps);

const configs: fc.Arbitrary<TrainedDepthSweepConfig> = fc.record({ neurons: fc.constant(24), depths: fc.constant([1, 2, 3, 4]), ...memorizationTask(STEPS) });

claimProperty<TrainedDepthSweepConfig>({
  theorem: trainedDepthIndependent,
  family: 'hanin-rolnick-2019/training',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    const runs = await Promise.all(
      c.depths.map(async (d) => ({
        d,
        counts: await memorizationCounts({
          hidden: Array<number>(d).fill(c.neurons / d),
          biasStd: c.biasStd,
          points: c.points,
          checkpoints: [0, c.checkpoint],
          nets: byProfile(DESIGN.sizes.netsPerDepth),
          seed: deriveSeed(ctx.seed, 'depth', d),
          parts: ctx.components,
        }),
      })),
    );
    const atCheckpoint = (r: (typeof runs)[number]): TrainedCounts => r.counts[r.counts.length - 1];
    return {
      ...fromGroups(runs.map((r) => ({ x: r.d, units: atCheckpoint(r).regions }))),
      fingerprints: Float64Array.from(runs.flatMap((r) => [...atCheckpoint(r).fingerprints])),
      figures: { byDepth: runs.map((r) => ({ depth: r.d, checkpoints: r.counts.map(summary) })) },
    };
  },
  twins: [
    {
      name: 'exponential-in-depth',
      description: 'a prediction that trained 2-D counts grow like 2^depth at fixed N (slope log 2 per layer)',
      wrongPrediction: () => within(Math.log(2), RESOLUTION, 'linear'),
      config: { neurons: 24, depths: [1, 2, 3, 4], points: 32, steps: 300, checkpoint: 300, biasStd: 0.001 },
      world: () => pinnedGroupsWorld({ slope: -0.02588, se: 0.013, means: [278.833, 265.583, 271.0, 255.917], sds: [9.3235, 55.64, 62.129, 64.1] }, Math.log(2)),
    },
  ],
  // Reviewer figure: counts (and losses) against the training step, per depth.
  figures: fullProfileFigures(async ({ seed }) => {
    const checkpoints = [0, STEPS / 8, STEPS / 4, STEPS / 2, STEPS];
    const rows: { depth: number; width: number; checkpoints: ReturnType<typeof summary>[] }[] = [];
    for (const d of [1, 2, 3, 4]) {
      const counts = await memorizationCounts({ hidden: Array<number>(d).fill(24 / d), biasStd: 0.001, points: 32, checkpoints, nets: byProfile(DESIGN.sizes.figureNets), seed: deriveSeed(seed, 'fig', d) });
      rows.push({ depth: d, width: 24 / d, checkpoints: counts.map(summary) });
    }
    // Least-squares slope of log(mean count) against depth, per checkpoint (descriptive).
    const slopes = checkpoints.map((step, k) => {
      const ys = rows.map((r) => Math.log(r.checkpoints[k].meanRegions));
      const xbar = 2.5;
      const ybar = ys.reduce((a, b) => a + b, 0) / ys.length;
      return { step, depthSlopeOfMeans: ys.reduce((a, y, i) => a + (i + 1 - xbar) * (y - ybar), 0) / 5 };
    });
    return { regionsVsTrainingStep: { neurons: 24, points: 32, optimizer: 'Adam lr 1e-3', square: '[-1, 1]^2', rows, depthSlopeOfMeans: slopes } };
  }),
});
