/**
 * The 1-D regression tasks of the trainability claims (Shin & Karniadakis 2020 and Lu et al. 2020
 * use 1-D targets with deep narrow nets; their exact settings could not be read, docs/claims.md §1.4):
 * P equally spaced inputs on [−1, 1], targets f(x) with f = |x| (exactly representable by a width-2
 * ReLU net: ReLU(x) + ReLU(−x)) or sin(3x); full-batch Adam with learning rate `lr` and MSE loss;
 * **success** = the training MSE falls below `lossBelow` at some step ≤ `steps`. The threshold must be
 * below the targets' variance, the loss of the best constant, so that a network constant on the
 * data (born dead) can never succeed.
 *
 * Definitions shared by the trainability claims, as implemented (engine/measure/neuron-states.ts; the
 * paper's abstract: "a network is trainable if the number of permanently dead neurons is sufficiently
 * small for a learning task"; its exact rule could not be read): each task has a **minimal width** m
 * (below), and a network is **trainable** for the task iff every hidden layer keeps at least m neurons
 * that are not permanently dead on the training inputs. Permanently dead [D, structural]: a first-layer
 * neuron inactive on every training input (its inputs are the fixed data: its weights never get a
 * gradient), and every neuron of a network with a hidden layer dead on all the training inputs (every
 * gradient below and in that layer is exactly 0 and nothing above varies with the input). A dead
 * neuron of a deeper layer of a network that is not born dead is only tentatively dead: earlier
 * layers keep training and can revive it.
 */
import { deathNetProblem } from './config';

const TARGETS = ['abs', 'sin3'] as const;
type Target = (typeof TARGETS)[number];

const targetFunction = (t: Target): ((x: number) => number) => (t === 'abs' ? Math.abs : (x: number) => Math.sin(3 * x));

/**
 * The task's minimal width: the fewest neurons per hidden layer with which a deep ReLU network of
 * uniform width solves it [D]. Both targets need m = 2: a network whose hidden layers have one
 * neuron each is a composition of monotone maps of x, hence monotone, and |x| and sin 3x are not
 * monotone on the grid (the best monotone fit leaves a loss of order Var(y), far above the success
 * threshold); width 2 = n_0 + 1 suffices for deep ReLU networks to approximate any continuous
 * function of one variable (Hanin & Sellke 2017, minimal width d_in + 1), and |x| = ReLU(x) + ReLU(−x)
 * is exact at width 2.
 */
export function minimalWidth(target: Target): number {
  return { abs: 2, sin3: 2 }[target];
}

export interface TrainingTask {
  target: Target;
  points: number;
  steps: number;
  lr: number;
  lossBelow: number;
}

/** P equally spaced inputs on [−1, 1]: the training inputs of every task with P points. */
export const taskInputs = (points: number): Float64Array => Float64Array.from({ length: points }, (_, i) => -1 + (2 * i) / (points - 1));

export function taskData(t: TrainingTask): { inputs: Float64Array; targets: Float64Array } {
  const inputs = taskInputs(t.points);
  return { inputs, targets: inputs.map(targetFunction(t.target)) };
}

/** Variance of the targets on the grid: the MSE of the best constant network. */
export function targetVariance(t: TrainingTask): number {
  const { targets } = taskData(t);
  const m = targets.reduce((a, b) => a + b, 0) / targets.length;
  return targets.reduce((a, y) => a + (y - m) ** 2, 0) / targets.length;
}

export function taskProblem(t: TrainingTask): string | undefined {
  if (!(TARGETS as readonly string[]).includes(t.target)) return `target must be one of ${TARGETS.join(', ')}; got "${t.target}"`;
  if (!Number.isInteger(t.points) || t.points < 2 || t.points > 10_000) return `points must be an integer in [2, 10000]; got ${t.points}`;
  if (!Number.isInteger(t.steps) || t.steps < 1 || t.steps > 1_000_000) return `steps must be an integer in [1, 1e6]; got ${t.steps}`;
  if (!(Number.isFinite(t.lr) && t.lr > 0 && t.lr <= 1)) return `lr must be in (0, 1]; got ${t.lr}`;
  if (!(Number.isFinite(t.lossBelow) && t.lossBelow > 0 && t.lossBelow < targetVariance(t))) {
    return `lossBelow must be in (0, Var(targets) = ${targetVariance(t).toPrecision(4)}) so that a constant network cannot succeed; got ${t.lossBelow}`;
  }
  return undefined;
}

/** A trained network [1, n_1, …, n_d] (scalar read-out added) on a task. */
export interface TrainabilityConfig extends TrainingTask {
  /** [1, n_1, …, n_d]: hidden widths (a scalar read-out is added). */
  widths: number[];
  biasStd: number;
}

/** The hypotheses of the trainability claims. */
export const TRAINING_HYPOTHESES: readonly string[] = [
  '1-D input, hidden ReLU layers, scalar linear read-out; He Gaussian weights, zero or N(0, s_b²) biases',
  'full-batch Adam on MSE over P equally spaced inputs of [−1, 1] (task.ts); success = MSE < threshold < Var(targets) within the step budget',
  'trainable = every hidden layer keeps at least the task\'s minimal width (2: minimalWidth) of neurons not permanently dead on the training inputs at initialization (file header)',
];

/** The hidden widths must be equal: the task's minimal width is a uniform-width notion. */
export function uniformWidthProblem(c: { widths: number[] }): string | undefined {
  const hidden = c.widths.slice(1);
  return hidden.every((w) => w === hidden[0]) ? undefined : `the hidden widths must be equal (the task's minimal width is a uniform-width notion); got ${JSON.stringify(hidden)}`;
}

export function trainabilityProblem(c: TrainabilityConfig): string | undefined {
  return deathNetProblem(c) ?? (c.widths[0] !== 1 ? `the input must be 1-D; got n_0 = ${c.widths[0]}` : undefined) ?? taskProblem(c);
}
