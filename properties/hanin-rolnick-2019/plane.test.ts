/**
 * Hanin & Rolnick (2019, NeurIPS): activation regions in 2-D slices, counted exactly in float64.
 *
 *   HR2019.Plane.neurons-squared    exponent of the crossing part of the count in C(N, 2) within 1 ± 0.125
 *   HR2019.Plane.depth-independent  slope of log E[#regions] vs depth at fixed N within 0 ± 0.1
 *
 * Domains (property choices): 2-D input, square centred in [−0.75, 0.75]² with half-side in
 * [0.5, 1.5] (so the square sees many boundaries already at N = 8), s_b log-uniform in
 * [1e-3, 0.5]. Figure data: the fitted T̂ per configuration, and the 2-D partition of one depth-3
 * width-32 network (the paper's example, heuristic 96²/2 = 4608 regions per unit area at T = 1).
 */
import fc from 'fast-check';
import { claimProperty } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fitLogSlope, fromGroups, logSlopeWithin } from '../checks/log-slope';
import { sampleMoments } from '../stats';
import { deriveSeed } from '../../engine/random/seed';
import { RandomStream } from '../../engine/random/stream';
import { sampleNet64 } from '../../engine/geometry/net64';
import { planeRegions, squareSlice, slicePoint } from '../../engine/geometry/plane-regions';
import { fittedT, planeNeuronsSquared, neuronPairs, RESOLUTION as SQUARED_RESOLUTION, type PlaneWidthSweepConfig } from '../../theorems/hanin-rolnick-2019/plane-neurons-squared';
import { planeDepthIndependent, RESOLUTION as DEPTH_RESOLUTION, type PlaneDepthSweepConfig } from '../../theorems/hanin-rolnick-2019/plane-depth-independent';
import type { SquareSpec } from '../../theorems/hanin-rolnick-2019/plane-config';
import { integer, logUniform, uniform } from '../harness/arbitraries';
import { networkSpec } from './line-experiment';
import { planeCounts } from './plane-experiment';

const FAMILY = 'hanin-rolnick-2019/plane';
const CONFIGS = { gate: 4, full: 10 } as const;
const nets = (gate: number, full: number): number => byProfile({ gate, full });

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const square: fc.Arbitrary<SquareSpec> = fc.record({
  center: fc.tuple(uniform(-0.75, 0.75), uniform(-0.75, 0.75)).map(([a, b]) => [round(a), round(b)]),
  halfSide: uniform(0.5, 1.5).map(round),
});

// Widths w, 2w, 4w with w in 6–10, depth 1–3: N from 6 to 120; 80 networks per width (the
// crossing count's CV is ≤ 0.3 there, so the exponent's se in C(N, 2) is ≲ 0.02).
const widthConfigs: fc.Arbitrary<PlaneWidthSweepConfig> = fc.record({
  depth: integer(1, 3),
  widths: integer(6, 10).map((w) => [w, 2 * w, 4 * w]),
  biasStd: logUniform(1e-3, 0.5),
  square,
});

claimProperty<PlaneWidthSweepConfig>({
  theorem: planeNeuronsSquared,
  family: FAMILY,
  file: __filename,
  configs: widthConfigs,
  numConfigs: CONFIGS,
  check: logSlopeWithin(SQUARED_RESOLUTION, true),
  async experiment(c, ctx) {
    const area = (2 * c.square.halfSide) ** 2;
    const samples = c.widths.map((w) => ({ w, s: planeCounts(Array<number>(c.depth).fill(w), c.biasStd, c.square, nets(80, 400), deriveSeed(ctx.seed, 'width', w), ctx.mutant) }));
    const groups = samples.map(({ w, s }) => ({ x: neuronPairs(w * c.depth), units: s.crossings }));
    const fitted = samples.map(({ w, s }) => {
      const N = w * c.depth;
      const mean = sampleMoments(s.regions).mean;
      return { neurons: N, meanRegions: mean, regionsPerHalfNSquaredArea: mean / ((N * N) / 2) / area, fittedT: fittedT(mean, area, N) };
    });
    return { ...fromGroups(groups), figures: { fittedT: fitted } };
  },
  twins: [
    {
      name: 'linear-in-neurons',
      description: 'a prediction that the 2-D count grows like N (the line law applied to a plane)',
      wrongPrediction: () => 0.5,
      config: { depth: 2, widths: [8, 16, 32], biasStd: 0.01, square: { center: [0.3, -0.2], halfSide: 1 } },
      wrongValue: () => 1,
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

// Fixed N ∈ {24, 48}, depths 1, 2, 3, 4 (width N/d ≥ 6); 100 networks per depth. Biases in the
// papers' regime, s_b log-uniform in [1e-3, 0.05] (the experiments use s_b = 1e-3 "to prevent
// collapse"); with larger biases the count falls with depth (measured, figure data
// `depthSlopeVsBias`: not a growth, but outside the stated resolution).
const depthConfigs: fc.Arbitrary<PlaneDepthSweepConfig> = fc.record({
  neurons: fc.constantFrom(24, 48),
  depths: fc.constant([1, 2, 3, 4]),
  biasStd: logUniform(1e-3, 0.05),
  square,
});

claimProperty<PlaneDepthSweepConfig>({
  theorem: planeDepthIndependent,
  family: FAMILY,
  file: __filename,
  configs: depthConfigs,
  numConfigs: CONFIGS,
  check: logSlopeWithin(DEPTH_RESOLUTION, false),
  async experiment(c, ctx) {
    const groups = c.depths.map((d) => ({
      x: d,
      units: planeCounts(Array<number>(d).fill(c.neurons / d), c.biasStd, c.square, nets(100, 400), deriveSeed(ctx.seed, 'depth', d), ctx.mutant).regions,
    }));
    return fromGroups(groups);
  },
  twins: [
    {
      name: 'exponential-in-depth',
      description: 'a prediction that the 2-D count grows like 2^depth at fixed N (slope log 2 per layer)',
      wrongPrediction: () => Math.log(2),
      config: { neurons: 24, depths: [1, 2, 3, 4], biasStd: 0.01, square: { center: [0.3, -0.2], halfSide: 1 } },
      wrongValue: () => 0,
    },
  ],
  async figures({ seed }) {
    const sq = { center: [0.3, -0.2], halfSide: 1 };
    const rows = [0.001, 0.01, 0.05, 0.1, 0.3, 1].map((biasStd) => {
      const groups = [1, 2, 3, 4].map((d) => ({ x: d, units: planeCounts(Array<number>(d).fill(24 / d), biasStd, sq, nets(40, 200), deriveSeed(seed, 'bias', biasStd, d)).regions }));
      const fit = fitLogSlope(groups, false);
      return { biasStd, slopePerLayer: fit.slope, se: fit.se, meanRegionsByDepth: fit.groups.map((g) => ({ depth: g.x, mean: g.mean, n: g.n })) };
    });
    return { depthSlopeVsBias: { neurons: 24, square: sq, rows } };
  },
});
