/**
 * Over-specification is sufficient for trainability (Shin & Karniadakis 2020, abstract:
 * "over-parameterization is both necessary and sufficient"; v1: a network is "over-specified if its
 * representational power is more than needed"): the trainability of a randomly initialized network
 * tends to 1 as its width grows past the task's minimal width, with an exact lower bound.
 *
 * Lower bound [D]. Trainable for a task of minimal width m (task.ts): every hidden layer keeps ≥ m
 * neurons not permanently dead on the training inputs. Take one training input x* ≠ 0. With weights
 * i.i.d. symmetric continuous and biases zero or i.i.d. symmetric continuous, the number of neurons of
 * layer 1 active at x* is K₁ ~ Binomial(N₁, ½), and given the previous layer, that of layer l is
 * Binomial(N_l, ½) independently of the past whenever the previous layer is not all-zero at x*
 * (born-dead-at-point.ts). If K₁ ≥ m and K_l ≥ 1 for every l ≥ 2, no hidden layer is dead on the
 * data (each has a neuron active at x*), so no neuron is permanently dead beyond the first layer, and
 * the first layer keeps ≥ K₁ ≥ m live neurons; with N_l ≥ m the network is trainable. Hence
 *
 *     P(trainable) ≥ P(Binomial(N₁, ½) ≥ m) · ∏_{l≥2} (1 − 2^{−N_l})  →  1 as the widths grow,
 *
 * for any depth and data set containing a non-zero input. (For m = 1 it is ∏_l (1 − 2^{−N_l}), the
 * probability of not being born dead at x*.)
 *
 * Verification. [P] abstract (sufficiency); [D] the bound above; the tasks are this suite's.
 */
import { type Theorem } from '../types';
import { atLeast } from '../relation';
import { citeSK } from './paper';
import { aliveProbability, deathNetProblem, throwIf } from './config';
import { minimalWidth, uniformWidthProblem } from './task';

const ID = 'SK2020.Trainability.lower-bound';

export interface TrainabilityAtInitConfig {
  /** [1, N, …, N]: input width 1 and the hidden widths. */
  widths: number[];
  biasStd: number;
  target: 'abs' | 'sin3';
  /** P equally spaced training inputs on [−1, 1] (task.ts). */
  points: number;
}

/** P(Binomial(n, ½) ≥ m). */
function binomialHalfAtLeast(n: number, m: number): number {
  let p = 0;
  let c = 1; // C(n, k)
  for (let k = 0; k <= n; k++) {
    if (k >= m) p += c * 2 ** -n;
    c = (c * (n - k)) / (k + 1);
  }
  return p;
}

/** The lower bound P(Binomial(N₁, ½) ≥ m) · ∏_{l≥2} (1 − 2^{−N_l}) on the trainability. */
export function trainabilityLowerBound(hidden: readonly number[], minWidth: number): number {
  return binomialHalfAtLeast(hidden[0], minWidth) * aliveProbability(hidden.slice(1));
}

export const trainabilityLowerBoundTheorem: Theorem<TrainabilityAtInitConfig> = {
  id: ID,
  title: 'Trainability ≥ P(Bin(N₁, ½) ≥ m)·∏_{l≥2}(1 − 2^{−N_l}) → 1 with the width (over-specification suffices)',
  paper: citeSK('abstract ("over-parameterization is both necessary and sufficient"); v1 abstract ("over-specified")'),
  provenance: 'D',
  statement: 'For a task of minimal width m and hidden widths N_l ≥ m: P(trainable at initialization) ≥ P(Binomial(N₁, ½) ≥ m)·∏_{l≥2}(1 − 2^{−N_l}), which tends to 1 as the widths grow.',
  hypotheses: [
    '1-D input, hidden ReLU layers of one width N ≥ m, weights i.i.d. N(0, 2/fan-in), biases zero or i.i.d. N(0, s_b²)',
    'P equally spaced training inputs on [−1, 1] (a non-zero input among them); trainable as in task.ts',
  ],
  verification: '[P] abstract; [D] the bound (file header).',
  unit: { kind: 'binary', description: 'one network at initialization: 1 if it is trainable for the task on the P inputs' },
  domain(c) {
    throwIf(
      ID,
      deathNetProblem(c) ??
        (c.widths[0] === 1 ? undefined : `the input must be 1-D; got n_0 = ${c.widths[0]}`) ??
        uniformWidthProblem(c) ??
        (c.widths[1] >= minimalWidth(c.target) ? undefined : `the width must be ≥ the task's minimal width ${minimalWidth(c.target)}; got ${c.widths[1]}`) ??
        (Number.isInteger(c.points) && c.points >= 2 && c.points <= 10_000 ? undefined : `points must be an integer in [2, 10000]; got ${c.points}`),
    );
    return c;
  },
  predict: (c) => atLeast(trainabilityLowerBound(c.widths.slice(1), minimalWidth(c.target))),
};
