/**
 * Training runs for the trainability claims: `nets` networks drawn by `draw`, their trainability for
 * the task at initialization on its inputs (the task's minimal width, engine/measure/neuron-states.ts), then trained together on
 * the task (the engine's trainer component; the ensemble's nets are independent) with success
 * recorded per network. Everything runs on the given engine parts: a fault's training activation
 * (e.g. leaky ReLU) applies to training while trainability keeps the definition (z ≤ 0 on all
 * inputs), so a leaky engine lets "dead" networks learn; a substituted trainer decides success itself.
 * Each run reports its networks' fingerprints (of their initial first layer, engine/random/fingerprint.ts)
 * for the harness's independence check.
 */
import { initEngine } from '../../engine/backend';
import { RandomStream } from '../../engine/random/stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import { toPwlNet64 } from '../../engine/train/export';
import { sampleDenseParams, type DenseParams64 } from '../../engine/train/params';
import type { SamplingParts } from '../../engine/geometry/net64';
import { trainableFor } from '../../engine/measure/neuron-states';
import { DEFAULT_COMPONENTS, type EngineComponents } from '../../engine/components';
import { minimalWidth, targetVariance, taskData, type TrainingTask } from '../../theorems/shin-karniadakis-2020/task';
import { proportionWithCi, type ProportionWithCi } from '../harness/figure-data';
import { heSpec } from './death-experiment';

/** The engine parts a training experiment runs on (a whole `EngineComponents` value works). */
type TrainingParts = Pick<EngineComponents, 'activeRule' | 'permanence' | 'trainActivation' | 'train' | 'netStream'>;

/** A deep-net task of the trainability claims: `target` on 20 equally spaced inputs, Adam lr 1e-3 for `steps`, threshold 1e-3. */
export const deepTask = (target: 'abs' | 'sin3', steps: number): TrainingTask => ({ target, points: 20, steps, lr: 1e-3, lossBelow: 1e-3 });

/** As {@link deepTask} with success at a training loss ≤ 10⁻³·Var(y) (far below the best constant's loss Var(y)). */
export function strictTask(target: 'abs' | 'sin3', steps: number, lr: number): TrainingTask {
  const t = { ...deepTask(target, steps), lr };
  return { ...t, lossBelow: 1e-3 * targetVariance(t) };
}

/** A draw of He networks [...widths, 1] (zero or N(0, s_b²) biases) with the engine `parts` (default: the engine's). */
export const he =
  (c: { widths: number[]; biasStd: number }, parts?: SamplingParts) =>
  (stream: RandomStream): DenseParams64 =>
    sampleDenseParams(heSpec([...c.widths, 1], c.biasStd), stream, parts);

interface TrainabilityRuns {
  trainable: Float64Array;
  success: Float64Array;
  finalLoss: Float64Array;
  /** One fingerprint per network, of its initial parameters. */
  fingerprints: Float64Array;
}

/** One arm of a comparison: `nets` networks drawn by `draw`, network e from the engine's netStream(seed, 'net', e). */
export interface Arm {
  seed: number;
  draw: (stream: RandomStream, inputs: Float64Array) => DenseParams64;
}

export async function trainabilityRuns(
  task: TrainingTask,
  nets: number,
  seed: number,
  draw: (stream: RandomStream, inputs: Float64Array) => DenseParams64,
  parts: TrainingParts = DEFAULT_COMPONENTS,
): Promise<TrainabilityRuns> {
  return (await trainabilityArms(task, nets, [{ seed, draw }], parts))[0];
}

/**
 * Several arms of the same architecture trained in one ensemble (the engine's nets are independent,
 * so each net's trajectory is the one it would follow alone; one call costs about what one arm does).
 * Every arm's networks come from its own seed: the results per arm do not depend on the others.
 */
export async function trainabilityArms(task: TrainingTask, nets: number, arms: readonly Arm[], parts: TrainingParts = DEFAULT_COMPONENTS): Promise<TrainabilityRuns[]> {
  const data = taskData(task);
  const params = arms.flatMap((arm) => Array.from({ length: nets }, (_, e) => arm.draw(new RandomStream(parts.netStream(arm.seed, 'net', e)), data.inputs)));
  const all = await trainParams(task, data, params, parts);
  return arms.map((_, a) => {
    const part = (x: Float64Array): Float64Array => x.slice(a * nets, (a + 1) * nets);
    return { trainable: part(all.trainable), success: part(all.success), finalLoss: part(all.finalLoss), fingerprints: part(all.fingerprints) };
  });
}

async function trainParams(task: TrainingTask, data: ReturnType<typeof taskData>, params: DenseParams64[], parts: TrainingParts): Promise<TrainabilityRuns> {
  await initEngine();
  const m = minimalWidth(task.target);
  const trainable = Float64Array.from(params, (p) => (trainableFor(toPwlNet64(p, 0), data.inputs, m, parts.activeRule, parts.permanence) ? 1 : 0));
  const fingerprints = Float64Array.from(params, firstLayerFingerprint);
  const activation = parts.trainActivation({ kind: 'relu' });
  const result = await parts.train({ params, activation, data, optimizer: { kind: 'adam', lr: task.lr }, steps: task.steps, success: { lossBelow: task.lossBelow, stopWhenAllSucceeded: true } });
  return { trainable, success: Float64Array.from(result.successStep!, (t) => (t >= 0 ? 1 : 0)), finalLoss: result.finalLoss, fingerprints };
}

const ones = (x: Float64Array): number => x.reduce((a, b) => a + b, 0);

/** Trainability and success rates of runs with 95% Wilson intervals (figure data and reports). */
export function ratesWithCi(r: TrainabilityRuns): { trainability: ProportionWithCi; success: ProportionWithCi } {
  const ci = (x: Float64Array): ProportionWithCi => proportionWithCi(ones(x), x.length);
  return { trainability: ci(r.trainable), success: ci(r.success) };
}

/** Rates for the outcomes (numbers): trainability, success, the violations of success ⇒ trainable and the trainable runs that failed (the discordant pairs). */
export function summarize(r: TrainabilityRuns): Record<string, number> {
  let violations = 0;
  let trainableFailed = 0;
  for (let e = 0; e < r.success.length; e++) {
    if (r.success[e] === 1 && r.trainable[e] === 0) violations++;
    if (r.success[e] === 0 && r.trainable[e] === 1) trainableFailed++;
  }
  return { n: r.success.length, trainability: ones(r.trainable) / r.success.length, success: ones(r.success) / r.success.length, violations, trainableFailed };
}
