/**
 * Multiplicity of the paper's activations (Definition 1), computed = declared.
 */
import { equals } from '../relation';
import type { Theorem } from '../types';
import { activationProblem, citeZhou, DECLARED_MULTIPLICITY, throwIf, type PaperActivation } from './paper';

const ID = 'ZZLZX2022.Multiplicity.computed';

export interface MultiplicityConfig {
  activation: PaperActivation;
}

export const multiplicityComputed: Theorem<MultiplicityConfig> = {
  id: ID,
  title: 'The multiplicity computed from σ\'s derivatives at 0 equals the paper\'s declared value',
  paper: citeZhou('Definition 1 and the examples after it [P: sub]; docs/claims.md §4.1'),
  provenance: 'P',
  statement:
    'σ has multiplicity p iff σ^(k)(0) = 0 for k = 1…p−1 and σ^(p)(0) ≠ 0. Declared: tanh, sigmoid, softplus p = 1; x·tanh x p = 2; x²·tanh x p = 3; ReLU: the definition does not apply (encoded p = 0).',
  hypotheses: ['activation one of tanh, sigmoid, softplus, xtanh, x2tanh, relu', 'p computed from the engine\'s float64 σ by Richardson-extrapolated central differences at 0, zero iff |R_k| ≤ 1e-5 (engine/condensation/multiplicity.ts); a jump of σ\' at 0 means "not applicable"'],
  verification:
    '[P] declared values from the paper\'s text; [D] exact derivatives (tanh: 1, 0, −2; sigmoid: ¼, 0, −⅛; x tanh: 0, 2; x² tanh: 0, 0, 6) are checked against the power series in engine/condensation/multiplicity.test.ts. The test is exact (no sampling): any mismatch fails.',
  unit: { kind: 'exact', description: 'the multiplicity p computed from the float64 σ the engine runs for the activation (0 = not applicable); one value per activation' },
  domain(c) {
    throwIf(ID, activationProblem(c.activation));
    return c;
  },
  predict: (c) => equals(DECLARED_MULTIPLICITY[c.activation]),
};
