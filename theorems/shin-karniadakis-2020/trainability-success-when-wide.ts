/**
 * Over-specification is sufficient for success (Shin & Karniadakis 2020, abstract:
 * "over-parameterization is both necessary and sufficient for minimizing the training loss"; v1: a
 * network is "over-specified" when its representational power is more than the task needs): well above
 * the task's minimal width, training succeeds with probability near 1. Stated level (fixed before any
 * data, as the statistics issue suggests): at 5× the minimal width (width 10 for m = 2) the success
 * rate is at least 0.9 — tested one-sided and exact (Clopper–Pearson), so a rate shown below 0.9 rejects.
 *
 * Why it is expected: trainability at width 10 is ≥ 0.99 at every depth ≤ 10 (SK2020.Trainability.lower-bound),
 * and a trainable over-specified network trained long enough reaches the loss threshold. The step
 * budget is part of the claim's setting (task.ts); the full profile trains 3× longer.
 *
 * Verification. [P] abstract (sufficiency); the width, the level 0.9 and the tasks are this suite's.
 */
import { type Theorem } from '../types';
import { atLeast } from '../relation';
import { citeSK } from './paper';
import { throwIf } from './config';
import { TRAINING_HYPOTHESES, minimalWidth, trainabilityProblem, uniformWidthProblem, type TrainabilityConfig } from './task';

const ID = 'SK2020.Trainability.success-when-wide';

/** The stated success level at 5× the minimal width. */
export const SUCCESS_LEVEL_WHEN_WIDE = 0.9;
/** How far above the minimal width "wide" is. */
export const WIDE_FACTOR = 5;

export const trainabilitySuccessWhenWide: Theorem<TrainabilityConfig> = {
  id: ID,
  title: `Over-specification suffices: at ${WIDE_FACTOR}× the task's minimal width, P(success) ≥ ${SUCCESS_LEVEL_WHEN_WIDE}`,
  paper: citeSK('abstract ("over-parameterization is both necessary and sufficient for minimizing the training loss"); v1 abstract ("over-specified")'),
  provenance: 'P',
  statement: `Hidden layers of width ${WIDE_FACTOR}·m (m the task's minimal width), He weights with zero biases: P(training loss ≤ 10⁻³·Var(y) within the step budget) ≥ ${SUCCESS_LEVEL_WHEN_WIDE}.`,
  hypotheses: [...TRAINING_HYPOTHESES, `hidden layers of one width ${WIDE_FACTOR}·m; zero biases (the standard He initialization)`],
  verification: `[P] abstract; the level ${SUCCESS_LEVEL_WHEN_WIDE}, the width and the tasks are this suite's (stated before any data).`,
  unit: { kind: 'binary', description: 'one training run: 1 if it succeeded' },
  domain(c) {
    const wide = WIDE_FACTOR * minimalWidth(c.target);
    throwIf(
      ID,
      trainabilityProblem(c) ??
        uniformWidthProblem(c) ??
        (c.widths[1] === wide ? undefined : `the hidden width must be ${WIDE_FACTOR}× the task's minimal width, ${wide}; got ${c.widths[1]}`) ??
        (c.biasStd === 0 ? undefined : `biasStd must be 0 (the standard He initialization); got ${c.biasStd}`),
    );
    return c;
  },
  predict: () => atLeast(SUCCESS_LEVEL_WHEN_WIDE),
};
