/**
 * ZZLZX2022.Multiplicity.computed — the multiplicity computed from the engine's σ equals the paper's
 * declared p (exact, one configuration per activation).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { round } from '../harness/figure-data';
import { getFault } from '../faults/catalog';
import { activationMultiplicity, exactTaylorDerivatives, multiplicityNumber } from '../../engine/condensation/multiplicity';
import type { TrainActivation } from '../../engine/train/activations';
import { DECLARED_MULTIPLICITY, PAPER_ACTIVATIONS } from '../../theorems/zhou-2022/paper';
import { multiplicityComputed, type MultiplicityConfig } from '../../theorems/zhou-2022/multiplicity-computed';
import { equals } from '../../theorems/relation';

/** Every activation once (the examples); no sampling. */
const DESIGN: ClaimDesign = { configs: { gate: 6, full: 6 } };

claimProperty<MultiplicityConfig>({
  theorem: multiplicityComputed,
  family: 'zhou-2022/multiplicity-computed',
  file: __filename,
  configs: fc.constantFrom(...PAPER_ACTIVATIONS).map((activation) => ({ activation })),
  examples: PAPER_ACTIVATIONS.map((activation) => ({ activation })),
  design: DESIGN,
  async experiment(c, ctx) {
    const r = activationMultiplicity({ kind: c.activation } as TrainActivation, ctx.components.trainActivation);
    return {
      units: Float64Array.of(multiplicityNumber(r)),
      figures: r.applicable ? { derivativesAtZero: r.derivatives.map((v) => round(v, 8)), errorEstimates: r.errorEstimates.map((v) => Number(v.toPrecision(2))) } : { notApplicable: r.reason },
    };
  },
  twins: [
    {
      name: 'xtanh-declared-1',
      description: 'x·tanh x mis-declared with multiplicity 1 (σ\'(0) = 0 is overlooked)',
      wrongPrediction: () => equals(1),
      config: { activation: 'xtanh' },
      world: () => ({ value: 2, source: 'closed form: x·tanh x = x² − x⁴/3 + …, multiplicity 2' }),
    },
    { name: 'multiplicity-swapped', fault: getFault('multiplicity-swapped'), config: { activation: 'tanh' }, world: () => ({ value: 3, source: 'closed form: the swapped activation is x²·tanh x, multiplicity 3' }) },
  ],
  async figures() {
    return {
      exactDerivativesAtZero: Object.fromEntries((['tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh'] as const).map((k) => [k, exactTaylorDerivatives(k, 5)])),
      declared: DECLARED_MULTIPLICITY,
    };
  },
});
