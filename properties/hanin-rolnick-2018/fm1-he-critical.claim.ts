/**
 * HR2018.FM1.he-critical: He initialization (2/fan-in, Gaussian or uniform) keeps E[M_d]/M_0 = 1 at
 * every depth. Domain and sizing: fm1-experiment.ts. Twins at depth 6, width 48: He drawn at
 * 1.8/fan-in (0.9⁶ = 0.53) and leaky ReLU of slope 0.3 (1.09⁶ = 1.68).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { fm1HeCritical } from '../../theorems/hanin-rolnick-2018/fm1-he-critical';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import type { VarianceSpec } from '../../theorems/_internals/initialization';
import { cfg, fm1Configs, fm1Experiment, FM1_FAMILY, LEAKY_FACTOR } from './fm1-experiment';
import { closedFormWorld } from '../harness/worlds';

/** `nets`: base number of networks per configuration (scaled by netsFor). */
const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { nets: { gate: 3000, full: 20000 } } } satisfies ClaimDesign;

claimProperty<LengthConfig>({
  theorem: fm1HeCritical,
  family: FM1_FAMILY,
  file: __filename,
  configs: fm1Configs({ laws: ['gaussian', 'uniform'], variance: fc.constant<VarianceSpec>({ preset: 'he' }), maxDepth: 6 }),
  design: DESIGN,
  experiment: (config, ctx) => fm1Experiment(fm1HeCritical, config, ctx, byProfile(DESIGN.sizes.nets)),
  twins: [
    {
      name: 'he-variance-1.8',
      fault: getFault('he-variance-1.8'),
      config: cfg([8, 48, 48, 48, 48, 48, 48], 'gaussian', { preset: 'he' }),
      world: (c) => closedFormWorld(0.9 ** (c.widths.length - 1), '0.9^{d} (variance 1.8/fan-in: gain 0.9 per layer)', { sd: 0.35305, n: 3249 }),
    },
    {
      name: 'leaky-relu-0.3',
      fault: getFault('leaky-relu-0.3'),
      config: cfg([8, 48, 48, 48, 48, 48, 48], 'gaussian', { preset: 'he' }),
      world: (c) => closedFormWorld(LEAKY_FACTOR ** (c.widths.length - 1), '(1 + 0.3²)^{d} (leaky ReLU keeps 0.3² of the negative half)', { sd: 0.82459, n: 3249 }),
    },
  ],
});
