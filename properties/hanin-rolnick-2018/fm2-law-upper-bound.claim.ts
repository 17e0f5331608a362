/**
 * HR2018.FM2.law-upper-bound: for uniform and truncated-normal weights,
 * E[M_d²]/M_0² ≤ ∏ (c_j/2)²(1 + max(5, 2μ̃4 − 1)/n_j) (one-sided). Domain: depth ≤ 3, β ≤ 0.15;
 * sizing: fm2-experiment.ts.
 */
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { atMost } from '../../theorems/relation';
import { fm2LawUpperBound } from '../../theorems/hanin-rolnick-2018/fm2-law-upper-bound';
import { fm2LawLowerBound } from '../../theorems/hanin-rolnick-2018/fm2-law-lower-bound';
import { lawConstant, type LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import { cfg, FM2_FAMILY, lawConfigs, secondMomentExperiment, weightBudgetOf } from './fm2-experiment';
import { closedFormWorld } from '../harness/worlds';

/** Networks per configuration: `weightBudget` sampled weights over one network's, within [minNets, maxNets]. */
const DESIGN = {
  configs: { gate: 4, full: 12 },
  sizes: { weightBudget: { gate: 25e6, full: 300e6 }, minNets: { gate: 3000, full: 3000 }, maxNets: { gate: 40000, full: 40000 } },
} satisfies ClaimDesign;

claimProperty<LengthConfig>({
  theorem: fm2LawUpperBound,
  family: FM2_FAMILY,
  file: __filename,
  configs: lawConfigs,
  design: DESIGN,
  experiment: (config, ctx) => secondMomentExperiment(config, ctx, weightBudgetOf(DESIGN.sizes)),
  twins: [
    {
      name: 'beta-off-by-one-layer',
      fullProfileOnly: 'the gate runs this fault against HR2018.FM2.gaussian and three other FM2 claims',
      description: 'the upper bound forgets the last layer (its factor 1 + max(5, 2μ̃4−1)/n_d)',
      wrongPrediction: (c) => atMost(fm2LawUpperBound.predict(c).value / (1 + Math.max(5, lawConstant(c)) / c.widths[c.widths.length - 1])),
      config: cfg([64, 48, 8], 'uniform'),
      // Least favourable: the true value is at least the lower bound.
      world: (c) => closedFormWorld(fm2LawLowerBound.predict(c).value, 'at least the lower bound (least favourable)', { sd: 2.0233, n: 7234 }),
    },
  ],
});
