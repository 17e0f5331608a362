/**
 * HR2019.Lines.kac-rice: in deep nets, E[#breakpoints − Σ_l n_l Λ_{l−1}/π] = 0, paired per network
 * (the reference is the theorem's kacRicePrediction of the spherical lengths measured on the same
 * network), two-sided.
 *
 * Domain (property choices): n_in 1–4, depth 2–5, widths 4–32 (varying per layer), c He or in
 * [1, 3], s_b in [0.05, 1], T in [0.5, 4]; n = 1500 networks (paired differences have sd ≲ 6 for
 * these sizes, resolving ≲ 5% of the count). Reject twins: a counter that skips deeper layers;
 * uniform weights (not isotropic).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { integer, logUniform, uniform } from '../harness/arbitraries';
import { kacRiceLines } from '../../theorems/hanin-rolnick-2019/lines-kac-rice';
import type { LineNetConfig } from '../../theorems/hanin-rolnick-2019/line-config';
import { lineCounts, segmentIn } from './line-experiment';
import { pinnedWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { nets: { gate: 1500, full: 6000 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<LineNetConfig> = fc.noBias(
  integer(1, 4).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      widths: fc.array(integer(4, 32), { minLength: 2, maxLength: 5 }),
      weightScale: fc.oneof(fc.constant(2), uniform(1, 3).map((c) => Math.round(c * 100) / 100)),
      biasStd: logUniform(0.05, 1),
      segment: segmentIn(d, 0.5, 4),
    }),
  ),
);

claimProperty<LineNetConfig>({
  theorem: kacRiceLines,
  family: 'hanin-rolnick-2019/lines',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    const s = lineCounts(c, c.segment, byProfile(DESIGN.sizes.nets), ctx.seed, ctx.components, true);
    return { units: s.counts, reference: s.kacRice!, fingerprints: s.fingerprints };
  },
  twins: [
    {
      name: 'count-first-layer-only',
      fault: getFault('count-first-layer-only'),
      config: { inputDim: 2, widths: [16, 16, 16], weightScale: 2, biasStd: 0.1, segment: { x0: [0.6, -0.8], u: [0.6, 0.8], length: 3 } },
      world: () => pinnedWorld({ estimate: -15.148, sd: 3.3266, n: 1500 }, 0),
    },
    {
      name: 'uniform-as-gaussian',
      fault: getFault('uniform-as-gaussian'),
      // 1-D input: a uniform (w, b) is far from isotropic, and the (wide) first layer shows it. At widths
      // [32, 32] the effect is −0.25 (sd 1.36): a power of only ≈ 0.03 at the pinned 99.9% end.
      config: { inputDim: 1, widths: [64, 16], weightScale: 2, biasStd: 0.1, segment: { x0: [0.6], u: [1], length: 1.8 } },
      world: () => ({
        ...pinnedWorld({ estimate: -0.4897, sd: 1.3676, n: 64000 }, 0),
        source: 'pinned: −0.4897 (sd 1.368, n = 64000 networks, seed 20261203, `lineCounts(config, segment, 64000, 20261203, componentsOf(getFault(\'uniform-as-gaussian\')), true)`); value at the 99.9% end nearest 0, sd × 1.1',
      }),
    },
  ],
});
