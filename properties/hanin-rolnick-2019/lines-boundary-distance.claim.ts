/**
 * HR2019.Lines.boundary-distance: at fixed depth, the exponent of E[distance along ±u from a point
 * to the nearest breakpoint] in the number of neurons N lies within −1 ± 0.15.
 *
 * Domain (property choices): n_in 2–3, depth 1–3, widths w, 2w, 4w with w in 8–16, s_b log-uniform
 * in [1e-3, 0.5], point in [−1.5, 1.5]^d with ‖x‖ ≥ 0.3, and a line that is not nearly radial: its
 * augmented distance from the origin g (lines-one-layer.ts) is ≥ ‖x‖/2. Near-homogeneous nets (small
 * s_b) put every first-layer boundary of a radial line at the origin, so there the nearest boundary
 * stays at the origin's distance until N ≫ ‖x‖/g (the collapse of HR2019's zero-bias case), not a
 * 1/N law; 800 networks per width. Reject twin: an inverse-square law.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { fromGroups, untilGroupTrusted } from '../checks/log-slope';
import { integer, logUniform } from '../harness/arbitraries';
import { deriveSeed } from '../../engine/random/seed';
import { within } from '../../theorems/relation';
import { boundaryDistance, RESOLUTION, type DistanceSweepConfig } from '../../theorems/hanin-rolnick-2019/lines-boundary-distance';
import { cauchyParameters } from '../../theorems/hanin-rolnick-2019/lines-one-layer';
import { boundaryDistances, pointAndDirection } from './line-experiment';
import { pinnedGroupsWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { netsPerWidth: { gate: 1000, full: 3000 }, maxNetsPerWidth: { gate: 16000, full: 48000 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<DistanceSweepConfig> = fc.noBias(
  integer(2, 3).chain((d) =>
    fc
      .record({
        inputDim: fc.constant(d),
        depth: integer(1, 3),
        widths: integer(8, 16).map((w) => [w, 2 * w, 4 * w]),
        biasStd: logUniform(1e-3, 0.5),
        pd: pointAndDirection(d),
      })
      .map(({ pd, ...rest }) => ({ ...rest, point: pd.x0, direction: pd.u }))
      .filter((c) => {
        const norm = Math.hypot(...c.point);
        const { g } = cauchyParameters({ inputDim: c.inputDim, widths: [1], weightScale: 2, biasStd: c.biasStd, segment: { x0: c.point, u: c.direction, length: 1 } });
        return norm >= 0.3 && g >= norm / 2;
      }),
  ),
);

claimProperty<DistanceSweepConfig>({
  theorem: boundaryDistance,
  family: 'hanin-rolnick-2019/lines',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    const samples = c.widths.map((w) => ({
      x: w * c.depth,
      sample: untilGroupTrusted(
        byProfile(DESIGN.sizes.netsPerWidth),
        byProfile(DESIGN.sizes.maxNetsPerWidth),
        (n) => boundaryDistances({ inputDim: c.inputDim, widths: Array<number>(c.depth).fill(w), weightScale: 2, biasStd: c.biasStd }, c.point, c.direction, n, deriveSeed(ctx.seed, 'width', w), ctx.components),
        (s) => s.distances,
      ),
    }));
    return {
      ...fromGroups(samples.map((s) => ({ x: s.x, units: s.sample.distances }))),
      fingerprints: Float64Array.from(samples.flatMap((s) => [...s.sample.fingerprints])),
    };
  },
  twins: [
    {
      name: 'inverse-square',
      description: 'a prediction that the distance scales like 1/N² (exponent −2)',
      wrongPrediction: () => within(-2, RESOLUTION, 'log'),
      config: { inputDim: 2, depth: 2, widths: [8, 16, 32], biasStd: 0.01, point: [0.6, -0.8], direction: [0.6, 0.8] },
      world: () => pinnedGroupsWorld({ slope: -1.009, se: 0.038, means: [0.113646, 0.0547192, 0.0279985], sds: [0.12613, 0.057518, 0.027631] }, -2),
    },
  ],
});
