/**
 * HR2019.Plane.depth-independent: in a 2-D slice, at a fixed number of neurons N, the slope of
 * log E[#regions] against depth lies within 0 ± 0.1.
 *
 * Domain (property choices): N ∈ {24, 48}, depths 1, 2, 3, 4 (width N/d ≥ 6); square centred in
 * [−0.75, 0.75]² with half-side in [0.5, 1.5]; 400 networks per depth and 1600 at depth 1 — the
 * log-slope check vouches for its rate only when every group's |sample skewness| ≤ 0.1·√n
 * (log-slope.ts), and the one-layer counts sit near their cap 1 + N + C(N, 2) with a long left tail
 * (sample skewness −1.1 to −3.2 measured; 100 per depth gave calibration warnings). Biases in the papers' regime,
 * s_b log-uniform in [1e-3, 0.05] (the experiments use s_b = 1e-3 "to prevent collapse"); with
 * larger biases the count falls with depth (measured, figure data `depthSlopeVsBias`: not a growth,
 * but outside the stated resolution). Reject twin: a 2^depth growth.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fitLogSlope, fromGroups, untilGroupTrusted } from '../checks/log-slope';
import { logUniform } from '../harness/arbitraries';
import { deriveSeed } from '../../engine/random/seed';
import { within } from '../../theorems/relation';
import { planeDepthIndependent, RESOLUTION, type PlaneDepthSweepConfig } from '../../theorems/hanin-rolnick-2019/plane-depth-independent';
import { planeCounts, squareIn } from './plane-experiment';
import { pinnedGroupsWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 4, full: 10 },
  sizes: { netsPerDepth: { gate: 400, full: 400 }, maxNetsPerDepth: { gate: 25600, full: 25600 }, figureNets: { gate: 40, full: 200 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<PlaneDepthSweepConfig> = fc.record({
  neurons: fc.constantFrom(24, 48),
  depths: fc.constant([1, 2, 3, 4]),
  biasStd: logUniform(1e-3, 0.05),
  square: squareIn,
});

claimProperty<PlaneDepthSweepConfig>({
  theorem: planeDepthIndependent,
  family: 'hanin-rolnick-2019/plane',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    const samples = c.depths.map((d) =>
      untilGroupTrusted(
        byProfile(DESIGN.sizes.netsPerDepth),
        byProfile(DESIGN.sizes.maxNetsPerDepth),
        (n) => planeCounts(Array<number>(d).fill(c.neurons / d), c.biasStd, c.square, n, deriveSeed(ctx.seed, 'depth', d), ctx.components),
        (s) => s.regions,
      ),
    );
    return {
      ...fromGroups(samples.map((s, k) => ({ x: c.depths[k], units: s.regions }))),
      fingerprints: Float64Array.from(samples.flatMap((s) => [...s.fingerprints])),
    };
  },
  twins: [
    {
      name: 'exponential-in-depth',
      description: 'a prediction that the 2-D count grows like 2^depth at fixed N (slope log 2 per layer)',
      wrongPrediction: () => within(Math.log(2), RESOLUTION, 'linear'),
      config: { neurons: 24, depths: [1, 2, 3, 4], biasStd: 0.01, square: { center: [0.3, -0.2], halfSide: 1 } },
      world: () => pinnedGroupsWorld({ slope: -0.03403, se: 0.0071, means: [298.73, 295.25, 278.01, 259.76], sds: [1.5625, 41.031, 67.556, 86.37] }, Math.log(2)),
    },
  ],
  async figures({ seed }) {
    const sq = { center: [0.3, -0.2], halfSide: 1 };
    const rows = [0.001, 0.01, 0.05, 0.1, 0.3, 1].map((biasStd) => {
      const groups = [1, 2, 3, 4].map((d) => ({ x: d, units: planeCounts(Array<number>(d).fill(24 / d), biasStd, sq, byProfile(DESIGN.sizes.figureNets), deriveSeed(seed, 'bias', biasStd, d)).regions }));
      const fit = fitLogSlope(groups, false);
      return { biasStd, slopePerLayer: fit.slope, se: fit.se, meanRegionsByDepth: fit.groups.map((g) => ({ depth: g.x, mean: g.mean, n: g.n })) };
    });
    return { depthSlopeVsBias: { neurons: 24, square: sq, rows } };
  },
});
