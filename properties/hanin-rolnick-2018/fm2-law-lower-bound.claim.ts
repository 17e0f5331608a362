/**
 * HR2018.FM2.law-lower-bound: for uniform and truncated-normal weights,
 * E[M_d²]/M_0² ≥ ∏ (c_j/2)²(1 + min(5, 2μ̃4 − 1)/n_j) (one-sided). Domain: depth ≤ 3, β ≤ 0.15;
 * sizing: fm2-experiment.ts.
 */
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { atLeast } from '../../theorems/relation';
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
  theorem: fm2LawLowerBound,
  family: FM2_FAMILY,
  file: __filename,
  configs: lawConfigs,
  design: DESIGN,
  experiment: (config, ctx) => secondMomentExperiment(config, ctx, weightBudgetOf(DESIGN.sizes)),
  twins: [
    {
      name: 'beta-off-by-one-layer',
      description: 'the lower bound counts one layer too many (an extra factor 1 + min(5, 2μ̃4−1)/n_1)',
      wrongPrediction: (c) => atLeast(fm2LawLowerBound.predict(c).value * (1 + Math.min(5, lawConstant(c)) / c.widths[1])),
      // n_0 = 1: ρ(x) = 1 and one layer, so the true value equals the lower bound (1 + 2.6/8) exactly.
      config: cfg([1, 8], 'uniform'),
      world: (c) => closedFormWorld(fm2LawLowerBound.predict(c).value, 'the lower bound, attained exactly for n_0 = 1 and one layer', { sd: 1.0054, n: 40000 }),
    },
  ],
});
