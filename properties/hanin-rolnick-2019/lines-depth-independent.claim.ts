/**
 * HR2019.Lines.depth-independent: at a fixed number of neurons N, the slope of log E[#breakpoints on
 * a segment] against depth is at most 0.1 (the count does not grow with depth).
 *
 * Domain (property choices, in the paper's setting — theorem file header): input dimension 8 or 16,
 * the segment between two data-like points (coordinates N(0, 1)), N ∈ {48, 96}, depths {1, 2, 3, 4, 6}
 * (width N/d ≥ 8), s_b log-uniform in [1e-3, 1] (all bias scales: counts fall with depth at the larger
 * ones, which the one-sided claim allows); 600 networks per depth, each group redrawn 4× larger while
 * its |sample skewness| > 0.1·√n. Reject twin: a 2^depth growth (pinned by depth-twins.pin.ts).
 * Figure data: breakpoints per unit length / #neurons against depth, several widths. Reproduction row:
 * the 2-D-input corner where the count grows with depth (a near-radial segment at a small bias scale,
 * seed 8 of the K = 30 sweep of 0c8f13e).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fromGroups, untilGroupTrusted } from '../checks/log-slope';
import { sampleMoments } from '../stats';
import { logUniform } from '../harness/arbitraries';
import { deriveSeed } from '../../engine/random/seed';
import { within } from '../../theorems/relation';
import { depthIndependent, RESOLUTION, type DepthSweepConfig } from '../../theorems/hanin-rolnick-2019/lines-depth-independent';
import { lineCounts } from './line-experiment';
import { round } from '../harness/figure-data';
import { DEPTH_PIN_COMMAND, LINES_TWIN_CONFIG } from './depth-twins.pin';
import { fixedPoints } from './plane-experiment';
import { depthReproductionRow } from './depth-reproduction';
import type { SegmentSpec } from '../../theorems/hanin-rolnick-2019/line-config';
import { pinnedGroupsWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { netsPerDepth: { gate: 600, full: 2000 }, maxNetsPerDepth: { gate: 9600, full: 32000 }, figureNets: { gate: 100, full: 1000 }, reproductionNets: { gate: 200, full: 2000 } },
} as const satisfies ClaimDesign;

/** The segment between two data-like points of R^d (coordinates N(0, 1) from a drawn seed). */
const segmentBetweenPoints = (d: number): fc.Arbitrary<SegmentSpec> =>
  fc.integer({ min: 0, max: 0x7fffffff }).map((seed) => {
    const [a, b] = fixedPoints(d, 2, seed);
    const length = Math.hypot(...b.map((x, i) => x - a[i]));
    return { x0: a, u: b.map((x, i) => (x - a[i]) / length), length: round(length, 3) };
  });

const configs: fc.Arbitrary<DepthSweepConfig> = fc.noBias(
  fc.constantFrom(8, 16).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      neurons: fc.constantFrom(48, 96),
      depths: fc.constant([1, 2, 3, 4, 6]),
      biasStd: logUniform(1e-3, 1),
      segment: segmentBetweenPoints(d),
    }),
  ),
);

claimProperty<DepthSweepConfig>({
  theorem: depthIndependent,
  family: 'hanin-rolnick-2019/lines',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    const samples = c.depths.map((d) =>
      untilGroupTrusted(
        byProfile(DESIGN.sizes.netsPerDepth),
        byProfile(DESIGN.sizes.maxNetsPerDepth),
        (n) => lineCounts({ inputDim: c.inputDim, widths: Array<number>(d).fill(c.neurons / d), weightScale: 2, biasStd: c.biasStd }, c.segment, n, deriveSeed(ctx.seed, 'depth', d), ctx.components),
        (s) => s.counts,
      ),
    );
    return {
      ...fromGroups(samples.map((s, k) => ({ x: c.depths[k], units: s.counts }))),
      fingerprints: Float64Array.from(samples.flatMap((s) => [...s.fingerprints])),
    };
  },
  twins: [
    {
      name: 'exponential-in-depth',
      description: 'a prediction that the count grows like 2^depth at fixed N (slope log 2 per layer)',
      wrongPrediction: () => within(Math.log(2), RESOLUTION, 'linear'),
      config: LINES_TWIN_CONFIG,
      world: () => pinnedGroupsWorld({ slope: 0.00014343, se: 0.00189, means: [24.1435, 24.1515, 24.317, 24.1875, 23.936], sds: [3.5101, 5.0393, 6.7201, 8.7486, 13.563], command: DEPTH_PIN_COMMAND }, Math.log(2)),
    },
  ],
  // Reviewer figure: breakpoints per unit length / #neurons against depth, several widths (16-D, the twin's segment).
  async figures({ seed }) {
    const { inputDim, segment } = LINES_TWIN_CONFIG;
    const rows: Record<string, unknown>[] = [];
    for (const width of [8, 16, 32]) {
      for (const depth of [1, 2, 3, 4, 6, 8]) {
        const counts = lineCounts({ inputDim, widths: Array<number>(depth).fill(width), weightScale: 2, biasStd: 1e-3 }, segment, byProfile(DESIGN.sizes.figureNets), deriveSeed(seed, 'fig', width, depth)).counts;
        const m = sampleMoments(counts);
        const N = width * depth;
        rows.push({ width, depth, neurons: N, perLengthPerNeuron: m.mean / (segment.length * N), se: Math.sqrt(m.variance / m.n) / (segment.length * N), n: m.n });
      }
    }
    // The 2-D-input corner: a near-radial segment at a small bias scale (sweep seed 8 of 0c8f13e).
    const u = [1, 0.02].map((x) => x / Math.hypot(1, 0.02));
    const corner = { x0: [1.14, 0.08], u, length: 2.84 };
    const n = byProfile(DESIGN.sizes.reproductionNets);
    const groups = [1, 2, 3, 4, 6].map((d) => ({
      x: d,
      units: lineCounts({ inputDim: 2, widths: Array<number>(d).fill(48 / d), weightScale: 2, biasStd: 0.079 }, corner, n, deriveSeed(seed, 'corner', d)).counts,
    }));
    return {
      regionsPerLengthPerNeuronVsDepth: { segment, inputDim, biasStd: 1e-3, init: 'He Gaussian', rows },
      reproduction: depthReproductionRow({
        claim: 'HR2019.Lines.depth-independent',
        setting: `2-D input space, the near-radial segment x₀ = (1.14, 0.08), u ∝ (1, 0.02), length 2.84; N = 48, s_b = 0.079, depths 1–6, ${n} networks per depth`,
        groups,
        resolution: RESOLUTION,
      }),
    };
  },
});
