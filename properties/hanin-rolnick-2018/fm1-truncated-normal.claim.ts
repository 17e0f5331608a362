/**
 * HR2018.FM1.truncated-normal: TF's uncorrected truncated normal at the He std gives
 * E[M_d]/M_0 = 0.773741^d. Domain and sizing: fm1-experiment.ts. Twin at depth 6, width 48: He drawn
 * at 1.8/fan-in (0.9⁶ = 0.53× the prediction).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { fm1TruncatedNormal } from '../../theorems/hanin-rolnick-2018/fm1-truncated-normal';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import type { VarianceSpec } from '../../theorems/_internals/initialization';
import { cfg, fm1Configs, fm1Experiment, FM1_FAMILY } from './fm1-experiment';
import { closedFormWorld } from '../harness/worlds';

/** `nets`: base number of networks per configuration (scaled by netsFor). */
const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { nets: { gate: 3000, full: 20000 } } } satisfies ClaimDesign;

claimProperty<LengthConfig>({
  theorem: fm1TruncatedNormal,
  family: FM1_FAMILY,
  file: __filename,
  configs: fm1Configs({ laws: ['truncated-normal'], variance: fc.constant<VarianceSpec>({ preset: 'he' }), maxDepth: 6 }),
  design: DESIGN,
  experiment: (config, ctx) => fm1Experiment(fm1TruncatedNormal, config, ctx, byProfile(DESIGN.sizes.nets)),
  twins: [
    {
      name: 'he-variance-1.8',
      fault: getFault('he-variance-1.8'),
      config: cfg([8, 48, 48, 48, 48, 48, 48], 'truncated-normal', { preset: 'he' }),
      world: (c) => closedFormWorld((0.9 * 0.7737413035499232) ** (c.widths.length - 1), '(0.9 × 0.77374)^{d} (truncation keeps 77.4% of the variance)', { sd: 0.079092, n: 3249 }),
    },
  ],
});
