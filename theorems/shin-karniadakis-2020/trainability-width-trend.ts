/**
 * Trainability rises with width (Shin & Karniadakis 2020, abstract: "over-parameterization is both
 * necessary and sufficient"; trainability is studied through "the probability distribution of the
 * number of active neurons at initialization"): at a fixed depth and data set, the probability that
 * a randomly initialized network is trainable (no hidden layer dead on all the training inputs,
 * engine/measure/neuron-states.ts) rises with the width, from low values for under-parameterized
 * (narrow) networks toward 1.
 *
 * Test: independent groups of networks at widths w₁ < … < w_k (same depth, He Gaussian weights,
 * zero or N(0, s_b²) biases, P equally spaced inputs of [−1, 1] as in task.ts), trainability
 * measured exactly in float64 per network; the least-squares trend slope of the 0/1 trainability on
 * the width is shown above 0 (properties/checks/proportion-trend-shown.ts). The rates per width are
 * reported (toward 1: the widest group's rate is in the notes and figures); no rate is asserted.
 *
 * Verification. [P] abstract (direction); [R] the paper's own trainability bounds. The lower bound
 * P(trainable) ≥ ∏_l (1 − 2^{−n_l}) (a dead layer on the data is dead at every training input, so in
 * particular at one of them; born-dead-at-point.ts) is [D] and also rises to 1 with the width, which is why
 * the rise is expected; measured while designing: depth 6, 20 inputs: 0.27 (width 2) → 1.0 (width 10).
 */
import { type Theorem } from '../types';
import { shownIncreasing } from '../relation';
import { citeSK } from './paper';
import { deathNetProblem, throwIf } from './config';

const ID = 'SK2020.Trainability.width-trend';

/**
 * Smallest effect of interest (fixed before any data), per neuron of width: trainability rises from
 * low values at under-parameterized widths toward 1 [P: "necessary and sufficient"]; over the
 * domain's widths 2–10 we ask for a rise of at least 0.4, i.e. a slope of 0.05 per neuron.
 */
export const WIDTH_TREND_MIN_EFFECT = 0.05;

export interface WidthTrendConfig {
  /** Number of hidden layers (all of the same width within a group). */
  depth: number;
  /** The widths compared, increasing. */
  widths: number[];
  biasStd: number;
  /** P equally spaced training inputs on [−1, 1]. */
  points: number;
}

export const trainabilityWidthTrend: Theorem<WidthTrendConfig> = {
  id: ID,
  title: 'Trainability at initialization rises with the width (narrow, under-parameterized networks are often untrainable)',
  paper: citeSK('abstract ("over-parameterization is both necessary and sufficient"; trainability via "the probability distribution of the number of active neurons at initialization")'),
  provenance: 'P',
  statement: 'At a fixed depth and data set, P(trainable at initialization) rises with the width: the trend slope of trainability on the width is > 0 (demonstrated; miss rate bounded at the smallest effect of interest, a slope of 0.05 per neuron).',
  hypotheses: [
    '1-D input, d hidden ReLU layers of equal width w, He Gaussian weights, zero or N(0, s_b²) biases',
    'trainable = no hidden layer dead (z ≤ 0) on all the P training inputs (equally spaced on [−1, 1])',
  ],
  verification: '[P] abstract (direction only); [D] the lower bound ∏(1 − 2^{−w}) rising to 1; the depths, widths and data are this suite\'s.',
  unit: { kind: 'groups-binary', description: 'one network at one of the widths compared: 1 if it is trainable at initialization on the P inputs; one group of networks per width' },
  domain(c) {
    throwIf(
      ID,
      (Number.isInteger(c.depth) && c.depth >= 1 && c.depth <= 64 ? undefined : `depth must be an integer in [1, 64]; got ${c.depth}`) ??
        (Array.isArray(c.widths) && c.widths.length >= 2 && c.widths.every((w, i) => i === 0 || w > c.widths[i - 1])
          ? undefined
          : `widths must be ≥ 2 increasing widths; got ${JSON.stringify(c.widths)}`) ??
        deathNetProblem({ widths: [1, ...c.widths], biasStd: c.biasStd }) ??
        (Number.isInteger(c.points) && c.points >= 2 && c.points <= 10_000 ? undefined : `points must be an integer in [2, 10000]; got ${c.points}`),
    );
    return c;
  },
  /** The slope to exceed: 0 ("rises"). */
  predict: () => shownIncreasing(0, WIDTH_TREND_MIN_EFFECT),
};
