/**
 * HR2019.Lines.one-layer: the exact depth-1 law of the breakpoints on a segment (Cauchy breakpoints),
 * E[#breakpoints] = (N/π)[arctan((T+m)/g) − arctan(m/g)], two-sided.
 *
 * Domain (property choices for power, not hypotheses): n_in 1–5, N 4–128, c He or in [0.5, 4], s_b
 * in [0.05, 2], T in [0.2, 4], and an expected count ≥ 1 (so n = 3000 networks resolve ≲ 10%). The
 * segment is a fast-check draw (point in [−1.5, 1.5]^d, unit direction, length), so a failure shrinks
 * to a concrete segment. Reject twins: the law with s_b and s_w swapped; a counter that reports the
 * output's sign changes.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { integer, logUniform, uniform } from '../harness/arbitraries';
import { equals } from '../../theorems/relation';
import { oneLayerBreakpoints, oneLayerLaw } from '../../theorems/hanin-rolnick-2019/lines-one-layer';
import type { LineNetConfig } from '../../theorems/hanin-rolnick-2019/line-config';
import { countsExperiment, lineCounts, segmentIn } from './line-experiment';
import { closedFormWorld, pinnedWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { nets: { gate: 3000, full: 10000 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<LineNetConfig> = fc.noBias(
  fc
    .integer({ min: 1, max: 5 })
    .chain((d) =>
      fc.record({
        inputDim: fc.constant(d),
        widths: integer(4, 128).map((w) => [w]),
        weightScale: fc.oneof(fc.constant(2), uniform(0.5, 4).map((c) => Math.round(c * 100) / 100)),
        biasStd: logUniform(0.05, 2),
        segment: segmentIn(d, 0.2, 4),
      }),
    )
    .filter((c) => oneLayerBreakpoints(c) >= 1),
);

const TWIN_CONFIG: LineNetConfig = { inputDim: 2, widths: [64], weightScale: 2, biasStd: 0.3, segment: { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 } };

claimProperty<LineNetConfig>({
  theorem: oneLayerLaw,
  family: 'hanin-rolnick-2019/lines',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    return countsExperiment(lineCounts(c, c.segment, byProfile(DESIGN.sizes.nets), ctx.seed, ctx.components));
  },
  twins: [
    {
      name: 'sb-sw-swapped',
      description: 'the one-layer law with s_b and s_w swapped (g² = ‖x0‖² − m² + s_w²/s_b²)',
      wrongPrediction: (c) => equals(oneLayerBreakpoints(c, true)),
      config: TWIN_CONFIG,
      world: (c) => closedFormWorld(oneLayerBreakpoints(c), 'the exact one-layer law (the engine is right; the prediction swaps s_b and s_w)', { sd: 3.975, n: 3000 }),
    },
    { name: 'count-output-sign-changes', fault: getFault('count-output-sign-changes'), config: TWIN_CONFIG, world: (c) => pinnedWorld({ estimate: 0.49667, sd: 0.57163, n: 3000 }, oneLayerBreakpoints(c)) },
  ],
});
