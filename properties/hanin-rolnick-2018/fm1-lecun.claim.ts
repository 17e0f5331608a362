/**
 * HR2018.FM1.lecun: LeCun initialization (1/fan-in, Gaussian or uniform) gives E[M_d]/M_0 = 2^−d.
 * Domain and sizing: fm1-experiment.ts. Twin at depth 6, width 48: leaky ReLU of slope 0.3
 * (1.09⁶ = 1.68× the prediction).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { fm1Lecun } from '../../theorems/hanin-rolnick-2018/fm1-lecun';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import type { VarianceSpec } from '../../theorems/_internals/initialization';
import { cfg, fm1Configs, fm1Experiment, FM1_FAMILY, LEAKY_FACTOR } from './fm1-experiment';
import { closedFormWorld } from '../harness/worlds';

/** `nets`: base number of networks per configuration (scaled by netsFor). */
const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { nets: { gate: 3000, full: 20000 } } } satisfies ClaimDesign;

claimProperty<LengthConfig>({
  theorem: fm1Lecun,
  family: FM1_FAMILY,
  file: __filename,
  configs: fm1Configs({ laws: ['gaussian', 'uniform'], variance: fc.constant<VarianceSpec>({ preset: 'lecun' }), maxDepth: 6 }),
  design: DESIGN,
  experiment: (config, ctx) => fm1Experiment(fm1Lecun, config, ctx, byProfile(DESIGN.sizes.nets)),
  twins: [
    {
      name: 'leaky-relu-0.3',
      fault: getFault('leaky-relu-0.3'),
      config: cfg([8, 48, 48, 48, 48, 48, 48], 'uniform', { preset: 'lecun' }),
      world: (c) => closedFormWorld((LEAKY_FACTOR / 2) ** (c.widths.length - 1), '((1 + 0.3²)/2)^{d} (LeCun variance 1/fan-in)', { sd: 0.013052, n: 3249 }),
    },
  ],
});
