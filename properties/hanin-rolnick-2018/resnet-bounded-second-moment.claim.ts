/**
 * HR2018.ResNet.bounded-second-moment: E[M_L²]/M_0² = ∏(1 + 2η_l² + 4η_l²/n + η_l⁴(1 + 5/n)(1 + 2/n))
 * over constant, geometric and harmonic η schedules with S = Σ η_l² ≤ 1.5 (and a bounded excess
 * kurtosis of the unit). Domain, sizing (from the exact moments of the unit) and figures:
 * residual-experiment.ts.
 */
import { claimProperty, type ClaimDesign, type Twin } from '../harness/claim-property';
import { byProfile } from '../profile';
import { assertionAlpha } from '../budget';
import { getFault } from '../faults/catalog';
import { equals } from '../../theorems/relation';
import { resnetBoundedSecondMoment } from '../../theorems/hanin-rolnick-2018/resnet-bounded-second-moment';
import { lengthRatioMoment, resnetMeanRatio, scheduled, type ResNetConfig } from '../../theorems/hanin-rolnick-2018/residual';
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
    world: (c) => closedFormWorld(lengthRatioMoment(2, unscaled(c)), 'the second moment with η_l = 1 (the scale ignored)', { sd: 7.3391, n: 1000 }),
  },
  {
    name: 'no-finite-width-fluctuations',
    description: 'the infinite-width second moment ∏(1 + η_l²)² = E[M_L]²/M_0² (M_L deterministic: the 4η²/n and η⁴ finite-width terms dropped)',
    wrongPrediction: (c) => equals(resnetMeanRatio(c) ** 2),
    config: scheduled(32, { kind: 'constant', eta: 0.866, modules: 2 }),
    world: (c) => closedFormWorld(resnetBoundedSecondMoment.predict(c).value, 'the correct prediction', { sd: 5.0843, n: 4000 }),
  },
];

const sizing = (): Sizing => ({
  target: byProfile(DESIGN.sizes.targetDeviation),
  min: byProfile(DESIGN.sizes.minNets),
  max: byProfile(DESIGN.sizes.maxNets),
  alpha: assertionAlpha(resnetBoundedSecondMoment.id, byProfile(DESIGN.configs) + TWINS.length),
});

claimProperty<ResNetConfig>({
  theorem: resnetBoundedSecondMoment,
  family: RESNET_FAMILY,
  file: __filename,
  configs: resnetConfigs(2),
  design: DESIGN,
  experiment: (config, ctx) => resnetExperiment(resnetBoundedSecondMoment, 2, config, ctx, sizing()),
  twins: TWINS,
});
