/**
 * HR2019.Lines.depth-independent: at a fixed number of neurons N, the slope of log E[#breakpoints on
 * a segment] against depth lies within 0 ± 0.1.
 *
 * Domain (property choices): N ∈ {48, 96}, depths {1, 2, 3, 4, 6} (width N/d ≥ 8), n_in 2–4, s_b
 * log-uniform in [1e-3, 0.5], T in [0.5, 3]; 400 networks per depth. Reject twin: a 2^depth growth.
 * Figure data: breakpoints per unit length / #neurons against depth, several widths.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fromGroups, untilGroupTrusted } from '../checks/log-slope';
import { sampleMoments } from '../stats';
import { integer, logUniform } from '../harness/arbitraries';
import { deriveSeed } from '../../engine/random/seed';
import { within } from '../../theorems/relation';
import { depthIndependent, RESOLUTION, type DepthSweepConfig } from '../../theorems/hanin-rolnick-2019/lines-depth-independent';
import { lineCounts, segmentIn } from './line-experiment';
import { pinnedGroupsWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { netsPerDepth: { gate: 600, full: 2000 }, maxNetsPerDepth: { gate: 9600, full: 32000 }, figureNets: { gate: 100, full: 1000 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<DepthSweepConfig> = fc.noBias(
  integer(2, 4).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      neurons: fc.constantFrom(48, 96),
      depths: fc.constant([1, 2, 3, 4, 6]),
      biasStd: logUniform(1e-3, 0.5),
      segment: segmentIn(d, 0.5, 3),
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
      config: { inputDim: 2, neurons: 48, depths: [1, 2, 3, 4, 6], biasStd: 0.01, segment: { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 } },
      world: () => pinnedGroupsWorld({ slope: -0.002078, se: 0.0049, means: [20.63, 20.72, 20.3925, 21.3375, 19.68], sds: [3.4739, 4.8611, 6.4926, 9.2112, 12.464] }, Math.log(2)),
    },
  ],
  // Reviewer figure: breakpoints per unit length / #neurons against depth, several widths.
  async figures({ seed }) {
    const segment = { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 };
    const rows: Record<string, unknown>[] = [];
    for (const width of [8, 16, 32]) {
      for (const depth of [1, 2, 3, 4, 6, 8]) {
        const counts = lineCounts({ inputDim: 2, widths: Array<number>(depth).fill(width), weightScale: 2, biasStd: 1e-3 }, segment, byProfile(DESIGN.sizes.figureNets), deriveSeed(seed, 'fig', width, depth)).counts;
        const m = sampleMoments(counts);
        const N = width * depth;
        rows.push({ width, depth, neurons: N, perLengthPerNeuron: m.mean / (segment.length * N), se: Math.sqrt(m.variance / m.n) / (segment.length * N), n: m.n });
      }
    }
    return { regionsPerLengthPerNeuronVsDepth: { segment, biasStd: 1e-3, init: 'He Gaussian', rows } };
  },
});
