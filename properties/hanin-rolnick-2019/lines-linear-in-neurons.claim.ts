/**
 * HR2019.Lines.linear-in-neurons: at fixed depth, the growth exponent of E[#breakpoints on a
 * segment] in the number of neurons N lies within 1 ± 0.15.
 *
 * Domain (property choices): n_in 2–4, depth 1–4, widths w, 2w, 4w with w in 6–16, s_b log-uniform
 * in [1e-3, 0.5] (ICML used s_b = 1e-3), T in [0.5, 3]; 600 networks per width. Reject twin: a
 * quadratic growth in N.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fromGroups, untilGroupTrusted } from '../checks/log-slope';
import { integer, logUniform } from '../harness/arbitraries';
import { deriveSeed } from '../../engine/random/seed';
import { within } from '../../theorems/relation';
import { linearInNeurons, RESOLUTION, type WidthSweepConfig } from '../../theorems/hanin-rolnick-2019/lines-linear-in-neurons';
import { lineCounts, segmentIn } from './line-experiment';
import { pinnedGroupsWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { netsPerWidth: { gate: 600, full: 2000 }, maxNetsPerWidth: { gate: 9600, full: 32000 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<WidthSweepConfig> = fc.noBias(
  integer(2, 4).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      depth: integer(1, 4),
      widths: integer(6, 16).map((w) => [w, 2 * w, 4 * w]),
      weightScale: fc.constant(2),
      biasStd: logUniform(1e-3, 0.5),
      segment: segmentIn(d, 0.5, 3),
    }),
  ),
);

claimProperty<WidthSweepConfig>({
  theorem: linearInNeurons,
  family: 'hanin-rolnick-2019/lines',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    const samples = c.widths.map((w) =>
      untilGroupTrusted(
        byProfile(DESIGN.sizes.netsPerWidth),
        byProfile(DESIGN.sizes.maxNetsPerWidth),
        (n) => lineCounts({ ...c, widths: Array<number>(c.depth).fill(w) }, c.segment, n, deriveSeed(ctx.seed, 'width', w), ctx.components),
        (s) => s.counts,
      ),
    );
    return {
      ...fromGroups(samples.map((s, k) => ({ x: c.widths[k] * c.depth, units: s.counts }))),
      fingerprints: Float64Array.from(samples.flatMap((s) => [...s.fingerprints])),
    };
  },
  twins: [
    {
      name: 'quadratic-in-neurons',
      description: 'a prediction that the count grows like N² (the 2-D slice law applied to a line)',
      wrongPrediction: () => within(2, RESOLUTION, 'log'),
      config: { inputDim: 2, depth: 2, widths: [8, 16, 32], weightScale: 2, biasStd: 0.01, segment: { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 } },
      world: () => pinnedGroupsWorld({ slope: 0.9919, se: 0.013, means: [6.89, 13.755, 27.2933], sds: [2.894, 4.0755, 5.4937] }, 2),
    },
  ],
});
