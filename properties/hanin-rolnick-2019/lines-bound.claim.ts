/**
 * HR2019.Lines.bound: the ICML bound E[#breakpoints on a segment] ≤ T·√(2/n_in)·N/(s_b√(2π)) under He
 * initialisation, one-sided.
 *
 * Domain (property choices): n_in 1–4, depth 1–4, width 4–32, s_b in [0.3, 2] (where the bound is
 * within a small factor of the truth), T in [0.5, 3]; 1000 networks. Reject twin: a bound 10× too
 * small (C_bias of a bias std 10× larger).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer, logUniform } from '../harness/arbitraries';
import { atMost } from '../../theorems/relation';
import { breakpointBound, breakpointBoundTheorem } from '../../theorems/hanin-rolnick-2019/lines-bound';
import { oneLayerBreakpoints } from '../../theorems/hanin-rolnick-2019/lines-one-layer';
import type { LineNetConfig } from '../../theorems/hanin-rolnick-2019/line-config';
import { countsExperiment, lineCounts, segmentIn } from './line-experiment';
import { closedFormWorld } from '../harness/worlds';

const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { nets: { gate: 1000, full: 4000 } },
} as const satisfies ClaimDesign;

const configs: fc.Arbitrary<LineNetConfig> = fc.noBias(
  integer(1, 4).chain((d) =>
    fc.record({
      inputDim: fc.constant(d),
      widths: integer(1, 4).chain((depth) => fc.array(integer(4, 32), { minLength: depth, maxLength: depth })),
      weightScale: fc.constant(2),
      biasStd: logUniform(0.3, 2),
      segment: segmentIn(d, 0.5, 3),
    }),
  ),
);

claimProperty<LineNetConfig>({
  theorem: breakpointBoundTheorem,
  family: 'hanin-rolnick-2019/lines',
  file: __filename,
  configs,
  design: DESIGN,
  async experiment(c, ctx) {
    return countsExperiment(lineCounts(c, c.segment, byProfile(DESIGN.sizes.nets), ctx.seed, ctx.components));
  },
  twins: [
    {
      name: 'c-bias-10x-too-small',
      description: 'the bound computed with C_bias of a bias std 10× larger than the engine uses (a bound 10× too small)',
      wrongPrediction: (c) => atMost(breakpointBound(c, 10 * c.biasStd)),
      config: { inputDim: 2, widths: [32], weightScale: 2, biasStd: 0.5, segment: { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 } },
      world: (c) => closedFormWorld(oneLayerBreakpoints(c), 'the exact one-layer law (the engine is right; the bound is 10× too small)', { sd: 2.7332, n: 1000 }),
    },
  ],
});
