/**
 * HR2019.Plane.neurons-squared: in a 2-D slice, at fixed depth, the exponent of the crossing part of
 * the region count, E[#regions − 1 − V_bd/2], in the C(N, 2) pairs of neurons lies within 1 ± 0.125.
 *
 * Domain (property choices): 2-D input, square centred in [−0.75, 0.75]² with half-side in
 * [0.5, 1.5], s_b log-uniform in [1e-3, 0.5]; widths w, 2w, 4w with w in 6–10, depth 1–3: N from 6
 * to 120; 80 networks per width (the crossing count's CV is ≤ 0.3 there, so the exponent's se in
 * C(N, 2) is ≲ 0.02). Reject twin: a count linear in N. Figure data: the fitted T̂ per configuration,
 * and the 2-D partition of one depth-3 width-32 network (the paper's example, heuristic
 * 96²/2 = 4608 regions per unit area at T = 1).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fromGroups, untilGroupTrusted } from '../checks/log-slope';
import { sampleMoments } from '../stats';
import { integer, logUniform } from '../harness/arbitraries';
import { round } from '../harness/figure-data';
import { deriveSeed } from '../../engine/random/seed';
import { RandomStream } from '../../engine/random/stream';
import { sampleNet64 } from '../../engine/geometry/net64';
import { planeRegions, squareSlice, slicePoint } from '../../engine/geometry/plane-regions';
import { within } from '../../theorems/relation';
import { planeNeuronsSquared, RESOLUTION, type PlaneWidthSweepConfig } from '../../theorems/hanin-rolnick-2019/plane-neurons-squared';
import { fittedT, neuronPairs } from '../../theorems/hanin-rolnick-2019/plane-config';
import { networkSpec } from './line-experiment';
import { planeCounts, squareIn } from './plane-experiment';
import { pinnedGroupsWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 4, full: 10 },
  sizes: { netsPerWidth: { gate: 80, full: 400 }, maxNetsPerWidth: { gate: 5120, full: 25600 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<PlaneWidthSweepConfig> = fc.record({
  depth: integer(1, 3),
  widths: integer(6, 10).map((w) => [w, 2 * w, 4 * w]),
  biasStd: logUniform(1e-3, 0.5),
  square: squareIn,
});

claimProperty<PlaneWidthSweepConfig>({
  theorem: planeNeuronsSquared,
  family: 'hanin-rolnick-2019/plane',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    const area = (2 * c.square.halfSide) ** 2;
    const samples = c.widths.map((w) => ({
      w,
      s: untilGroupTrusted(
        byProfile(DESIGN.sizes.netsPerWidth),
        byProfile(DESIGN.sizes.maxNetsPerWidth),
        (n) => planeCounts(Array<number>(c.depth).fill(w), c.biasStd, c.square, n, deriveSeed(ctx.seed, 'width', w), ctx.components),
        (s) => s.crossings,
      ),
    }));
    const groups = samples.map(({ w, s }) => ({ x: neuronPairs(w * c.depth), units: s.crossings }));
    const fitted = samples.map(({ w, s }) => {
      const N = w * c.depth;
      const mean = sampleMoments(s.regions).mean;
      return { neurons: N, meanRegions: mean, regionsPerHalfNSquaredArea: mean / ((N * N) / 2) / area, fittedT: fittedT(mean, area, N) };
    });
    return { ...fromGroups(groups), fingerprints: Float64Array.from(samples.flatMap(({ s }) => [...s.fingerprints])), figures: { fittedT: fitted } };
  },
  twins: [
    {
      name: 'linear-in-neurons',
      description: 'a prediction that the 2-D count grows like N (the line law applied to a plane)',
      wrongPrediction: () => within(0.5, RESOLUTION, 'log'),
      config: { depth: 2, widths: [8, 16, 32], biasStd: 0.01, square: { center: [0.3, -0.2], halfSide: 1 } },
      world: () => pinnedGroupsWorld({ slope: 0.9979, se: 0.0081, means: [117.362, 492.387, 1970.1], sds: [21.973, 75.741, 204.06] }, 0.5),
    },
  ],
  // The paper's example: one depth-3, width-32 network, its partition of the square coloured by region.
  async figures({ seed }) {
    const sq = { center: [0, 0], halfSide: 1 };
    const net = sampleNet64(networkSpec({ inputDim: 2, widths: [32, 32, 32], weightScale: 2, biasStd: 0.01 }), new RandomStream(deriveSeed(seed, 'partition')));
    const slice = squareSlice(sq.center, sq.halfSide);
    const r = planeRegions(net, slice, { keepRegions: true });
    const x = new Float64Array(2);
    const polygons = (r.regions ?? []).map((reg) => {
      const pts: number[] = [];
      for (let i = 0; i < reg.vertices.length; i += 2) {
        slicePoint(slice, reg.vertices[i], reg.vertices[i + 1], x);
        pts.push(round(x[0]), round(x[1]));
      }
      return pts;
    });
    return {
      partitionDepth3Width32: {
        square: sq,
        biasStd: 0.01,
        init: 'He Gaussian',
        regions: r.count,
        area: r.domainArea,
        heuristicT1PerUnitArea: (96 * 96) / 2,
        fittedT: fittedT(r.count, r.domainArea, 96),
        polygons,
      },
    };
  },
});
