/**
 * HR2018.ResNet.mean-length: E[M_L]/M_0 = ∏(1 + η_l²) over constant, geometric and harmonic η
 * schedules with S = Σ η_l² ≤ 3. Domain, sizing (from the exact moments of the unit) and figures:
 * residual-experiment.ts.
 */
import { claimProperty, type ClaimDesign, type Twin } from '../harness/claim-property';
import { byProfile } from '../profile';
import { assertionAlpha } from '../budget';
import { getFault } from '../faults/catalog';
import { equals } from '../../theorems/relation';
import { resnetMeanLength } from '../../theorems/hanin-rolnick-2018/resnet-mean-length';
import { resnetMeanRatio, scheduled, type ResNetConfig } from '../../theorems/hanin-rolnick-2018/residual';
import { resnetConfigs, resnetExperiment, RESNET_FAMILY, SMALL_ETA, unscaled, type Sizing } from './residual-experiment';
import { closedFormWorld } from '../harness/worlds';

/** Networks per configuration: enough to detect `targetDeviation` (relative) at 99% power and α_i, within [minNets, maxNets] (residual-experiment.ts, netsFor). */
const DESIGN = {
  configs: { gate: 5, full: 12 },
  sizes: { targetDeviation: { gate: 0.12, full: 0.07 }, minNets: { gate: 1000, full: 4000 }, maxNets: { gate: 10000, full: 40000 } },
} satisfies ClaimDesign;

const TWINS: Twin<ResNetConfig>[] = [
  {
    name: 'residual-scale-ignored',
    fault: getFault('residual-scale-ignored'),
    config: SMALL_ETA,
    world: (c) => closedFormWorld(resnetMeanRatio(unscaled(c)), 'the mean ratio with η_l = 1 (the scale ignored)', { sd: 0.72301, n: 1000 }),
  },
  {
    name: 'eta-scales-the-variance',
    description: 'the prediction ∏(1 + η_l) of the other parameterization (η_l as the module\'s variance contribution, docs/claims.md §2.4) for modules whose OUTPUT is scaled by η_l',
    wrongPrediction: (c) => equals(c.etas.reduce((p, eta) => p * (1 + eta), 1)),
    config: scheduled(16, { kind: 'constant', eta: 0.5, modules: 3 }),
    world: (c) => closedFormWorld(resnetMeanRatio(c), 'the correct prediction', { sd: 0.46959, n: 1000 }),
  },
];

const sizing = (): Sizing => ({
  target: byProfile(DESIGN.sizes.targetDeviation),
  min: byProfile(DESIGN.sizes.minNets),
  max: byProfile(DESIGN.sizes.maxNets),
  alpha: assertionAlpha(resnetMeanLength.id, byProfile(DESIGN.configs) + TWINS.length),
});

claimProperty<ResNetConfig>({
  theorem: resnetMeanLength,
  family: RESNET_FAMILY,
  file: __filename,
  configs: resnetConfigs(1),
  design: DESIGN,
  experiment: (config, ctx) => resnetExperiment(resnetMeanLength, 1, config, ctx, sizing()),
  twins: TWINS,
});
