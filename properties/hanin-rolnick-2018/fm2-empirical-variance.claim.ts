/**
 * HR2018.FM2.empirical-variance: E[Var̂_j M_j]/M_0² = (1/d)ΣS_j − (1/d²)Σ(2(d−j)+1)S_j for He
 * Gaussian networks. Domain: depth 2–3, hidden widths 32–64, β ≤ 0.08. The units mix M_j² of every
 * depth and are the heaviest of the FM2 claims: at least 20 000 networks (fm2-experiment.ts).
 */
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { getFault } from '../faults/catalog';
import { equals } from '../../theorems/relation';
import { expectedEmpiricalVariance, fm2EmpiricalVariance } from '../../theorems/hanin-rolnick-2018/fm2-empirical-variance';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import { lengthExperiment, unitEmpiricalVariances, untilCalibrated } from './length-experiment';
import { cfg, FM2_FAMILY, netsFor, weightBudgetOf, widthsArb } from './fm2-experiment';
import { closedFormWorld, pinnedWorld } from '../harness/worlds';

/** Networks per configuration: `weightBudget` sampled weights over one network's, within [minNets, maxNets]. */
const DESIGN = {
  configs: { gate: 4, full: 12 },
  sizes: { weightBudget: { gate: 25e6, full: 300e6 }, minNets: { gate: 20000, full: 20000 }, maxNets: { gate: 40000, full: 40000 } },
} satisfies ClaimDesign;

claimProperty<LengthConfig>({
  theorem: fm2EmpiricalVariance,
  family: FM2_FAMILY,
  file: __filename,
  configs: widthsArb({ n0: [1, 32], hidden: [32, 64], depth: [2, 3], maxBeta: 0.08 }).map((w) => cfg(w) as LengthConfig),
  design: DESIGN,
  async experiment(config, ctx) {
    const nets = netsFor(config.widths, weightBudgetOf(DESIGN.sizes));
    // 4× as many networks once when the mean check cannot vouch for its rate (heavy-tailed corners).
    return untilCalibrated(nets, 4 * nets, async (n) => {
      const { trace, experiment } = await lengthExperiment(config, { seed: ctx.seed, nets: n, parts: ctx.components });
      return { ...experiment, units: unitEmpiricalVariances(trace) };
    }, ctx.vouched);
  },
  twins: [
    {
      name: 'widths-misread',
      description: 'the prediction reads every hidden width as twice its value (β halved)',
      wrongPrediction: (c) => equals(expectedEmpiricalVariance([c.widths[0], ...c.widths.slice(1).map((n) => 2 * n)])),
      config: cfg([8, 24, 24, 24]),
      world: (c) => closedFormWorld(fm2EmpiricalVariance.predict(c).value, 'the correct prediction (the engine is right; the prediction is wrong)', { sd: 0.20613, n: 20000 }),
    },
    {
      name: 'leaky-relu-0.3',
      fault: getFault('leaky-relu-0.3'),
      config: cfg([8, 24, 24, 24]),
      world: (c) => pinnedWorld({ estimate: 0.1618, sd: 0.26537, n: 20000 }, fm2EmpiricalVariance.predict(c).value),
    },
  ],
});
