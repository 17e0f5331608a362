/**
 * The 1-D regression tasks of the trainability claims (Shin & Karniadakis 2020 and Lu et al. 2020
 * use 1-D targets with deep narrow nets; their exact settings could not be read, claims.md §1.4):
 * P equally spaced inputs on [−1, 1], targets f(x) with f = |x| (exactly representable by a width-2
 * ReLU net: ReLU(x) + ReLU(−x)) or sin(3x); full-batch Adam with learning rate `lr` and MSE loss;
 * **success** = the training MSE falls below `lossBelow` at some step ≤ `steps`. The threshold must be
 * below the targets' variance, the loss of the best constant, so that a network constant on the
 * data (born dead) can never succeed.
 */
export const TARGETS = ['abs', 'sin3'] as const;
export type Target = (typeof TARGETS)[number];

export const targetFunction = (t: Target): ((x: number) => number) => (t === 'abs' ? Math.abs : (x: number) => Math.sin(3 * x));

export interface TrainingTask {
  target: Target;
  points: number;
  steps: number;
  lr: number;
  lossBelow: number;
}

export function taskData(t: TrainingTask): { inputs: Float64Array; targets: Float64Array } {
  const inputs = Float64Array.from({ length: t.points }, (_, i) => -1 + (2 * i) / (t.points - 1));
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
