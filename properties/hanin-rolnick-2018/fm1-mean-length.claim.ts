/**
 * HR2018.FM1.mean-length: E[M_d]/M_0 = ∏ c_j/2 for any symmetric law and any variance scale c
 * (presets He, LeCun, Glorot or c ∈ [0.5, 4]). Domain, sizing and figures: fm1-experiment.ts.
 * Twin: leaky ReLU of slope 0.3 at depth 6 (1.09⁶ = 1.68× the prediction).
 */
import fc from 'fast-check';
import { uniform } from '../harness/arbitraries';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { fm1MeanLength } from '../../theorems/hanin-rolnick-2018/fm1-mean-length';
import { meanLengthRatio, type LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import type { VarianceSpec } from '../../theorems/_internals/initialization';
import { cfg, depthSweep, fm1Configs, fm1Experiment, FM1_FAMILY, LEAKY_FACTOR } from './fm1-experiment';
import { closedFormWorld } from '../harness/worlds';

/** `nets`: base number of networks per configuration (scaled by netsFor); `figure*`: the depth sweep of Fig. 1(a). */
const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { nets: { gate: 3000, full: 20000 }, figureDepth: { gate: 30, full: 60 }, figureNets: { gate: 300, full: 5000 } },
} satisfies ClaimDesign;

claimProperty<LengthConfig>({
  theorem: fm1MeanLength,
  family: FM1_FAMILY,
  file: __filename,
  configs: fm1Configs({
    laws: ['gaussian', 'uniform', 'truncated-normal'],
    variance: fc.oneof(
      fc.constantFrom<VarianceSpec>({ preset: 'he' }, { preset: 'lecun' }, { preset: 'glorot' }),
      uniform(0.5, 4).map((c): VarianceSpec => ({ scale: Math.round(c * 1000) / 1000 })),
    ),
    maxDepth: 6,
  }),
  design: DESIGN,
  experiment: (config, ctx) => fm1Experiment(fm1MeanLength, config, ctx, byProfile(DESIGN.sizes.nets)),
  figures: ({ seed }) => depthSweep(fm1MeanLength, seed, { depth: byProfile(DESIGN.sizes.figureDepth), nets: byProfile(DESIGN.sizes.figureNets) }),
  twins: [
    {
      name: 'leaky-relu-0.3',
      fault: getFault('leaky-relu-0.3'),
      config: cfg([8, 32, 32, 32, 32, 32, 32], 'gaussian', { scale: 1.5 }),
      world: (c) => closedFormWorld(meanLengthRatio(c) * LEAKY_FACTOR ** (c.widths.length - 1), 'E[M_d]/M_0 × (1 + 0.3²)^{d}', { sd: 0.21628, n: 5558 }),
    },
  ],
});
