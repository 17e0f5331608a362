/**
 * The data-dependent initialization succeeds at least as often as He (Shin & Karniadakis 2020,
 * abstract: "a data-dependent initialization method is proposed ... numerical examples are provided
 * to demonstrate the effectiveness"): P(success | He) − P(success | DDI) ≤ 0, in the regime the DDI
 * is for (shallow, over-parameterized, He with N(0, s_b²) biases that kill first-layer neurons).
 * Success as defined in task.ts.
 *
 * Verification. [P] abstract statements; [R] the paper's task settings (docs/claims.md §1.4) — the tasks
 * here are this suite's; [R] DDI's algorithm (docs/claims.md §1.3): ours anchors first-layer hyperplanes
 * at the data (engine/init/data-dependent.ts). Measured while designing: shallow nets with s_b = 1
 * (sin 3x, lr 1e-2): He 0.52 vs DDI 0.73 at width 16.
 */
import { type Theorem } from '../types';
import { atMost } from '../relation';
import { citeSK } from './paper';
import { throwIf } from './config';
import { TRAINING_HYPOTHESES, trainabilityProblem, type TrainabilityConfig } from './task';

const ID = 'SK2020.DDI.success-vs-he';

export const ddiSuccessVsHe: Theorem<TrainabilityConfig> = {
  id: ID,
  title: 'The data-dependent initialization succeeds at least as often as He',
  paper: citeSK('abstract ("a data-dependent initialization method is proposed ... numerical examples are provided to demonstrate the effectiveness"); docs/claims.md §1.3'),
  provenance: 'R',
  statement: 'Same architecture and task: P(success | He) − P(success | DDI) ≤ 0.',
  hypotheses: [...TRAINING_HYPOTHESES, 'DDI: engine/init/data-dependent.ts (first layer anchored at the data; deeper layers as He)'],
  verification: '[P] the DDI is proposed as effective; [R] its algorithm; the claim is tested for this suite\'s DDI in the shallow over-parameterized regime.',
  unit: { kind: 'two-sample-binary', description: 'one training run: 1 if it succeeded; units: He-initialized networks, reference: DDI-initialized networks (independent samples)' },
  domain(c) {
    throwIf(ID, trainabilityProblem(c));
    return c;
  },
  predict: () => atMost(0),
};
