/**
 * HR2018.FM2.same-beta: (depth d, width w) against (2d, 2w), same β — E[(M/M_0)²]_A − E[(M/M_0)²]_B
 * equals the exact O(d/w²) difference (two independent ensembles sharing their fixed inputs, Welch
 * interval). Sizing: fm2-experiment.ts (the smaller of the two networks' counts, for both).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { equals } from '../../theorems/relation';
import { fm2SameBeta, secondMomentA, secondMomentB, widthsA, widthsB, type SameBetaConfig } from '../../theorems/hanin-rolnick-2018/fm2-same-beta';
import { fixedInputs, lengthExperiment, unitRatios, untilCalibrated } from './length-experiment';
import { cfg, FM2_FAMILY, netsFor, weightBudgetOf } from './fm2-experiment';
import { closedFormWorld } from '../harness/worlds';

/** Networks per configuration and arm: `weightBudget` sampled weights over one network's, within [minNets, maxNets]. */
const DESIGN = {
  configs: { gate: 4, full: 12 },
  sizes: { weightBudget: { gate: 25e6, full: 300e6 }, minNets: { gate: 3000, full: 3000 }, maxNets: { gate: 40000, full: 40000 } },
} satisfies ClaimDesign;

claimProperty<SameBetaConfig>({
  theorem: fm2SameBeta,
  family: FM2_FAMILY,
  file: __filename,
  configs: fc.record({ n0: fc.integer({ min: 1, max: 16 }), width: fc.integer({ min: 24, max: 64 }), depth: fc.integer({ min: 1, max: 3 }) }),
  design: DESIGN,
  async experiment(config, ctx) {
    const a = widthsA(config);
    const b = widthsB(config);
    const inputs = fixedInputs(ctx.seed, config.n0);
    const sizing = weightBudgetOf(DESIGN.sizes);
    const planned = Math.min(netsFor(a, sizing), netsFor(b, sizing));
    // Both arms 4× larger once when the difference check cannot vouch for its rate (heavy-tailed corners).
    const { A, B, units, reference } = await untilCalibrated(
      planned,
      4 * planned,
      async (nets) => {
        const A = await lengthExperiment(cfg(a), { seed: ctx.seed, nets, inputs, parts: ctx.components });
        const B = await lengthExperiment(cfg(b), { seed: ctx.seed ^ 0x5bd1e995, nets, inputs, parts: ctx.components });
        return { A, B, units: unitRatios(A.trace, A.trace.depth, 2), reference: unitRatios(B.trace, B.trace.depth, 2) };
      },
      ctx.vouched,
    );
    return {
      units,
      reference,
      fingerprints: Float64Array.from([...A.trace.fingerprints, ...B.trace.fingerprints]),
      outcomes: { ...A.experiment.outcomes, deadB: B.trace.outcomes.dead },
      ...(A.experiment.fault || B.experiment.fault ? { fault: [A.experiment.fault, B.experiment.fault].filter(Boolean).join('; ') } : {}),
    };
  },
  twins: [
    {
      name: 'beta-off-by-one-layer',
      description: 'the prediction for the deep network B forgets one of its layers',
      wrongPrediction: (c) => equals(secondMomentA(c) - secondMomentB(c) / (1 + 5 / (2 * c.width))),
      config: { n0: 4, width: 16, depth: 1 },
      world: (c) => closedFormWorld(fm2SameBeta.predict(c).value, 'the correct prediction', { sd: 1.4598, n: 21701 }),
    },
  ],
});
