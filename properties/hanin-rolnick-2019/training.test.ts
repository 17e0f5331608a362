/**
 * Hanin & Rolnick (2019, NeurIPS): activation regions during memorization training (random ±1
 * labels on random points of [−1, 1]², Adam lr 1e-3), counted exactly in [−1, 1]².
 *
 *   HR2019.Training.depth-independent  slope of log E[#regions] vs depth at fixed N within 0 ± 0.1
 *   HR2019.Training.neurons-squared    exponent of the crossing part in C(N, 2) within 1 ± 0.125
 *
 * Domain (property choices): N = 24 over depths 1–4 (widths 24, 12, 8, 6) or widths w, 2w, 4w
 * (w ∈ {6, 8}) at depth 1–2; P ∈ [16, 48] training points per network; a run of 1000 Adam steps
 * (gate; 4000 in the full profile) with the regions counted after ¼, ½ or all of it (fast-check
 * picks the checkpoint, so several checkpoints are asserted across configurations); s_b at
 * initialization log-uniform in [1e-3, 0.05] (the papers' regime). 24 networks per group (64 in the
 * full profile): the counts' CV is ≤ 0.3, so the slope's se is ≲ 0.035. The nets do memorize: the
 * training losses at each checkpoint are in the figure data (mean MSE falls from ~1.5 to ~0.35–0.6
 * in 1000 steps and to ~0.01–0.15 in 4000).
 */
import fc from 'fast-check';
import { claimProperty } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fromGroups, logSlopeWithin } from '../checks/log-slope';
import { sampleMoments } from '../stats';
import { deriveSeed } from '../../engine/random/seed';
import { trainedDepthIndependent, RESOLUTION as DEPTH_RESOLUTION, type TrainedDepthSweepConfig } from '../../theorems/hanin-rolnick-2019/training-depth-independent';
import { trainedNeuronsSquared, neuronPairs, RESOLUTION as SQUARED_RESOLUTION, type TrainedWidthSweepConfig } from '../../theorems/hanin-rolnick-2019/training-neurons-squared';
import { integer, logUniform } from '../harness/arbitraries';
import { memorizationCounts, type TrainedCounts } from './training-experiment';

const FAMILY = 'hanin-rolnick-2019/training';
const STEPS = byProfile({ gate: 1000, full: 4000 });
const NETS = byProfile({ gate: 24, full: 64 });

const mean = (x: Float64Array): number => sampleMoments(x).mean;
const summary = (c: TrainedCounts) => ({ step: c.step, meanRegions: mean(c.regions), meanCrossings: mean(c.crossings), meanLoss: mean(c.loss) });

const task = {
  points: integer(16, 48),
  steps: fc.constant(STEPS),
  checkpoint: fc.constantFrom(STEPS / 4, STEPS / 2, STEPS),
  biasStd: logUniform(1e-3, 0.05),
};

const depthConfigs: fc.Arbitrary<TrainedDepthSweepConfig> = fc.record({ neurons: fc.constant(24), depths: fc.constant([1, 2, 3, 4]), ...task });

claimProperty<TrainedDepthSweepConfig>({
  theorem: trainedDepthIndependent,
  family: FAMILY,
  file: __filename,
  configs: depthConfigs,
  numConfigs: { gate: 3, full: 5 },
  maxShrinks: { gate: 1, full: 3 },
  check: logSlopeWithin(DEPTH_RESOLUTION, false),
  async experiment(c, ctx) {
    const runs = await Promise.all(
      c.depths.map(async (d) => ({
        d,
        counts: await memorizationCounts({ hidden: Array<number>(d).fill(c.neurons / d), biasStd: c.biasStd, points: c.points, checkpoints: [0, c.checkpoint], nets: NETS, seed: deriveSeed(ctx.seed, 'depth', d), ...(ctx.mutant ? { mutant: ctx.mutant } : {}) }),
      })),
    );
    const atCheckpoint = (r: (typeof runs)[number]): TrainedCounts => r.counts[r.counts.length - 1];
    return {
      ...fromGroups(runs.map((r) => ({ x: r.d, units: atCheckpoint(r).regions }))),
      figures: { byDepth: runs.map((r) => ({ depth: r.d, checkpoints: r.counts.map(summary) })) },
    };
  },
  twins: [
    {
      name: 'exponential-in-depth',
      description: 'a prediction that trained 2-D counts grow like 2^depth at fixed N (slope log 2 per layer)',
      wrongPrediction: () => Math.log(2),
      config: { neurons: 24, depths: [1, 2, 3, 4], points: 32, steps: 300, checkpoint: 300, biasStd: 0.001 },
      wrongValue: () => 0,
    },
  ],
  // Reviewer figure: counts (and losses) against the training step, per depth.
  async figures({ seed }) {
    const checkpoints = [0, STEPS / 8, STEPS / 4, STEPS / 2, STEPS];
    const rows: { depth: number; width: number; checkpoints: ReturnType<typeof summary>[] }[] = [];
    for (const d of [1, 2, 3, 4]) {
      const counts = await memorizationCounts({ hidden: Array<number>(d).fill(24 / d), biasStd: 0.001, points: 32, checkpoints, nets: byProfile({ gate: 8, full: 48 }), seed: deriveSeed(seed, 'fig', d) });
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
  },
});

const widthConfigs: fc.Arbitrary<TrainedWidthSweepConfig> = fc.record({ depth: integer(1, 2), widths: fc.constantFrom(6, 8).map((w) => [w, 2 * w, 4 * w]), ...task });

claimProperty<TrainedWidthSweepConfig>({
  theorem: trainedNeuronsSquared,
  family: FAMILY,
  file: __filename,
  configs: widthConfigs,
  numConfigs: { gate: 2, full: 4 },
  maxShrinks: { gate: 1, full: 3 },
  check: logSlopeWithin(SQUARED_RESOLUTION, true),
  async experiment(c, ctx) {
    const runs = await Promise.all(
      c.widths.map(async (w) => ({
        N: w * c.depth,
        counts: await memorizationCounts({ hidden: Array<number>(c.depth).fill(w), biasStd: c.biasStd, points: c.points, checkpoints: [0, c.checkpoint], nets: NETS, seed: deriveSeed(ctx.seed, 'width', w), ...(ctx.mutant ? { mutant: ctx.mutant } : {}) }),
      })),
    );
    return {
      ...fromGroups(runs.map((r) => ({ x: neuronPairs(r.N), units: r.counts[r.counts.length - 1].crossings }))),
      figures: { byNeurons: runs.map((r) => ({ neurons: r.N, checkpoints: r.counts.map(summary) })) },
    };
  },
  twins: [
    {
      name: 'linear-in-neurons',
      description: 'a prediction that trained 2-D counts grow like N (the line law applied to a plane: exponent ½ in C(N, 2))',
      wrongPrediction: () => 0.5,
      config: { depth: 1, widths: [8, 16, 32], points: 32, steps: 300, checkpoint: 300, biasStd: 0.001 },
      wrongValue: () => 1,
    },
  ],
});
