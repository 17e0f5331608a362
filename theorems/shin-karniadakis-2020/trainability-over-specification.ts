/**
 * Over-specification (Shin & Karniadakis 2020, abstract: "over-parameterization is both necessary
 * and sufficient for minimizing the training loss"; v1: a network is "over-specified if its
 * representational power is more than needed" and "over-parameterized if the number of parameters is
 * larger than the number of training data"): at the same depth and task, the success rate at the
 * task's minimal width (2) is shown below the rate at an over-specified width (8),
 * p_narrow − p_wide < 0 (two independent samples). Both widths have more parameters than the 20
 * training points (25 and 241 at depth 4), so this is a claim about over-specification, not about
 * over-parameterization in the paper's sense. Trainable and success as defined in task.ts.
 *
 * Verification. [P] abstract statements; [R] the paper's task settings (docs/claims.md §1.4) — the tasks
 * here are this suite's. Measured while designing: deep narrow nets (depth 6, |x|, 3000 Adam steps)
 * He success 0.08 → 1.0 for widths 2 → 10, trainability 0.27 → 1.0.
 */
import { type Theorem } from '../types';
import { shownBelow } from '../relation';
import { citeSK } from './paper';
import { deathNetProblem, throwIf } from './config';
import { TRAINING_HYPOTHESES, taskProblem, type TrainingTask } from './task';

const ID = 'SK2020.Trainability.over-specification';

/**
 * Smallest effect of interest (fixed before any data): over-parameterization is "necessary and
 * sufficient" [P] — wide networks succeed (success → 1) and narrow ones do not ([S] Lu et al.: over
 * 90% of width-2 runs collapse on |x|); we ask for at least 0.7 (e.g. ≥ 0.8 wide against ≤ 0.1 narrow).
 */
export const OVER_SPECIFICATION_MIN_EFFECT = 0.7;

export interface WidthComparisonConfig extends TrainingTask {
  depth: number;
  narrow: number;
  wide: number;
  biasStd: number;
}

export const trainabilityOverSpecification: Theorem<WidthComparisonConfig> = {
  id: ID,
  title: 'Over-specification: the success rate at the minimal width is below the rate at an over-specified width',
  paper: citeSK('abstract ("over-parameterization is both necessary and sufficient for minimizing the training loss")'),
  provenance: 'P',
  statement: 'Same depth and task: P(success | width narrow) − P(success | width wide) < 0 (shown by two samples; miss rate bounded at the smallest effect of interest, a difference of −0.7).',
  hypotheses: TRAINING_HYPOTHESES,
  verification: '[P] abstract; the widths compared and the task are this suite\'s.',
  unit: { kind: 'two-sample-binary', description: 'one training run: 1 if it succeeded; units: networks of the narrow width, reference: networks of the wide width (independent samples)' },
  domain(c) {
    throwIf(
      ID,
      deathNetProblem({ widths: [1, c.narrow, c.wide], biasStd: c.biasStd }) ??
        (c.narrow < c.wide ? undefined : `narrow must be < wide; got ${c.narrow}, ${c.wide}`) ??
        (Number.isInteger(c.depth) && c.depth >= 1 ? undefined : `depth must be an integer ≥ 1; got ${c.depth}`) ??
        taskProblem(c),
    );
    return c;
  },
  predict: () => shownBelow(0, OVER_SPECIFICATION_MIN_EFFECT),
};
