/**
 * HR2019.Training.neurons-squared: networks trained until they have memorized random ±1 labels of P
 * random points of [−1, 1]² (Adam lr 1e-3, MSE < 1/P: every label fitted), at fixed depth: the
 * exponent of the crossing part of the region count at memorization, E[#regions − 1 − V_bd/2], in the
 * C(N, 2) pairs of neurons lies within 1 ± 0.125.
 *
 * Design (property choices; the task tuned for memorization only — training-depth-independent.claim.ts
 * gives the scratch numbers): gate depth 4, widths 12, 18, 27 (N = 48, 72, 108; width ≥ 12 because
 * narrower deep nets do not memorize reliably), P = 8, cap 4000 steps, checkpoints every 50; full
 * depths 3–4, widths 16, 32, 64, P = 16, cap 10 000 (untested at that size). s_b log-uniform in
 * [1e-3, 0.05]. 96 networks per width, redrawn 4× larger while |sample skewness| > 0.1·√n, up to 384.
 * More than 2% of a group unmemorized within the cap fails the configuration ("precondition not met").
 * Reject twin: a count linear in N.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fromGroups } from '../checks/log-slope';
import { logUniform } from '../harness/arbitraries';
import { deriveSeed } from '../../engine/random/seed';
import { within } from '../../theorems/relation';
import { trainedNeuronsSquared, RESOLUTION, type TrainedWidthSweepConfig } from '../../theorems/hanin-rolnick-2019/training-neurons-squared';
import { neuronPairs } from '../../theorems/hanin-rolnick-2019/plane-config';
import { summary, trustedMemorizedCounts } from './training-experiment';
import { pinnedGroupsWorld } from '../harness/worlds';

const PIN = 'npx tsx properties/hanin-rolnick-2019/training.pin.ts (crossings at memorization, depth 4, widths 12/18/27, 96 networks each, seeds 712/718/727; slope in log C(N, 2) by least squares on the log means, se by the delta method)';

const DESIGN = {
  configs: { gate: 1, full: 3 },
  shrinks: { gate: 1, full: 2 },
  sizes: { points: { gate: 8, full: 16 }, steps: { gate: 4000, full: 10_000 }, netsPerWidth: { gate: 96, full: 96 }, maxNetsPerWidth: { gate: 384, full: 1536 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<TrainedWidthSweepConfig> = fc.record({
  depth: byProfile({ gate: fc.constant(4), full: fc.constantFrom(3, 4) }),
  widths: fc.constant(byProfile({ gate: [12, 18, 27], full: [16, 32, 64] })),
  points: fc.constant(byProfile(DESIGN.sizes.points)),
  steps: fc.constant(byProfile(DESIGN.sizes.steps)),
  every: fc.constant(50),
  biasStd: logUniform(1e-3, 0.05),
});

claimProperty<TrainedWidthSweepConfig & { nets?: number }>({
  theorem: trainedNeuronsSquared,
  family: 'hanin-rolnick-2019/training',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    const runs: { N: number; s: Awaited<ReturnType<typeof trustedMemorizedCounts>> }[] = [];
    for (const w of c.widths) {
      const run = { hidden: Array<number>(c.depth).fill(w), biasStd: c.biasStd, points: c.points, steps: c.steps, every: c.every, nets: c.nets ?? byProfile(DESIGN.sizes.netsPerWidth), seed: deriveSeed(ctx.seed, 'width', w), parts: ctx.components };
      runs.push({ N: w * c.depth, s: await trustedMemorizedCounts(run, byProfile(DESIGN.sizes.maxNetsPerWidth), (s) => s.memorized.crossings) });
    }
    return {
      ...fromGroups(runs.map((r) => ({ x: neuronPairs(r.N), units: r.s.memorized.crossings }))),
      fingerprints: Float64Array.from(runs.flatMap((r) => [...r.s.fingerprints])),
      figures: { byNeurons: runs.map((r) => ({ neurons: r.N, ...summary(r.s, r.N) })) },
    };
  },
  twins: [
    {
      name: 'linear-in-neurons',
      description: 'a prediction that 2-D counts at memorization grow like N (the line law applied to a plane: exponent ½ in C(N, 2))',
      wrongPrediction: () => within(0.5, RESOLUTION, 'log'),
      config: { depth: 4, widths: [12, 18, 27], points: 8, steps: 4000, every: 50, biasStd: 0.01 },
      world: () => pinnedGroupsWorld({ slope: 1.036, se: 0.022, means: [877.5, 2088.7, 4770.8], sds: [263.7, 491.3, 921.6], command: PIN }, 0.5),
    },
  ],
});
