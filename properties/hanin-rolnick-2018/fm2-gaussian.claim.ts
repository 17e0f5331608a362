/**
 * HR2018.FM2.gaussian: E[M_d²]/M_0² = ∏ g_j²(1 + 5/n_j), with a linear output layer's factor
 * 1 + 2/n_d, for Gaussian weights of any variance scale. Domain: depth ≤ 3, β ≤ 0.1; sizing and the
 * figure E[M_d²] against β: fm2-experiment.ts.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { getFault } from '../faults/catalog';
import { equals } from '../../theorems/relation';
import { fm2Gaussian, type SecondMomentConfig } from '../../theorems/hanin-rolnick-2018/fm2-gaussian';
import { betaSweep, cfg, FM2_FAMILY, secondMomentExperiment, varianceArb, weightBudgetOf, widthsArb } from './fm2-experiment';
import { closedFormWorld } from '../harness/worlds';

/** Networks per configuration: `weightBudget` sampled weights over one network's, within [minNets, maxNets]; `figureNets` per profile of the β sweep. */
const DESIGN = {
  configs: { gate: 4, full: 12 },
  sizes: {
    weightBudget: { gate: 25e6, full: 300e6 },
    minNets: { gate: 3000, full: 3000 },
    maxNets: { gate: 40000, full: 40000 },
    figureNets: { gate: 600, full: 10000 },
  },
} satisfies ClaimDesign;

claimProperty<SecondMomentConfig>({
  theorem: fm2Gaussian,
  family: FM2_FAMILY,
  file: __filename,
  configs: fc
    .record({
      widths: widthsArb({ n0: [1, 32], hidden: [16, 64], depth: [1, 3], maxBeta: 0.1 }),
      variance: varianceArb,
      output: fc.constantFrom<'relu' | 'linear'>('relu', 'linear'),
    })
    .map(({ widths, variance, output }) => cfg(widths, 'gaussian', variance, output === 'linear' ? 'linear' : undefined)),
  // Always one configuration with a one-dimensional input, where the law's fourth moment shows.
  examples: [cfg([1, 16])],
  design: DESIGN,
  experiment: (config, ctx) => secondMomentExperiment(config, ctx, weightBudgetOf(DESIGN.sizes)),
  figures: ({ seed }) => betaSweep(seed, byProfile(DESIGN.sizes.figureNets)),
  twins: [
    {
      name: 'beta-off-by-one-layer',
      description: 'the prediction forgets the last layer: β (and the product) computed without the factor 1 + 5/n_d',
      wrongPrediction: (c) => equals(fm2Gaussian.predict(c).value / (1 + 5 / c.widths[c.widths.length - 1])),
      config: cfg([8, 32, 12]),
      world: (c) => closedFormWorld(fm2Gaussian.predict(c).value, 'the correct prediction', { sd: 1.9074, n: 39063 }),
    },
    {
      name: 'uniform-as-gaussian',
      fault: getFault('uniform-as-gaussian'),
      // One-dimensional input: the first layer sees ρ(x) = 1, where uniform weights give 1 + 2.6/n_1
      // instead of 1 + 5/n_1. The true value is at most (1 + 2.6/4)(1 + 5/32) (least favourable).
      config: cfg([1, 4, 32]),
      world: () => closedFormWorld((1 + 2.6 / 4) * (1 + 5 / 32), 'at most (1 + 2.6/4)(1 + 5/32) (least favourable)', { sd: 2.2136, n: 40000 }),
    },
  ],
});
