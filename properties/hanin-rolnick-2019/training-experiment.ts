/**
 * The memorization experiment (theorems/hanin-rolnick-2019/memorization.ts): sample `nets` networks
 * [2, hidden…, 1] from the engine's initializer, give each its own random data set, train them
 * together with the engine's trainer (its networks are independent), and count each network's exact
 * regions in [−1, 1]² (and the breakpoints on its boundary) at the checkpoints. Network e's
 * parameters and data draw from the engine's netStream(seed, 'net', e); each checkpoint carries the
 * fingerprints of the networks' initial parameters (of their first layer, engine/random/fingerprint.ts) for the
 * harness's independence check. Also the task's configuration generator and the figure summary shared
 * by the two training claims.
 */
import fc from 'fast-check';
import { initEngine } from '../../engine/backend';
import { DEFAULT_COMPONENTS, type EngineComponents } from '../../engine/components';
import { RandomStream } from '../../engine/random/stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import { activationSlope } from '../../engine/geometry/net64';
import { sampleDenseParams } from '../../engine/train/params';
import type { TrainData } from '../../engine/train/train';
import { isPiecewiseLinear } from '../../engine/train/activations';
import { toPwlNet64 } from '../../engine/train/export';
import { squareSlice } from '../../engine/geometry/plane-regions';
import { ADAM_LR, DATA_SQUARE, type MemorizationTask } from '../../theorems/hanin-rolnick-2019/memorization';
import { integer, logUniform } from '../harness/arbitraries';
import { sampleMoments } from '../stats';
import { networkSpec } from './line-experiment';
import { boundaryBreakpoints } from './plane-experiment';

export interface TrainedCounts {
  step: number;
  regions: Float64Array;
  /** Q = #regions − 1 − V_bd/2. */
  crossings: Float64Array;
  /** Training MSE per network at this step. */
  loss: Float64Array;
  /** One fingerprint per network, of its initial parameters (the same at every checkpoint). */
  fingerprints: Float64Array;
}

export interface MemorizationRun {
  hidden: readonly number[];
  biasStd: number;
  points: number;
  checkpoints: number[];
  nets: number;
  seed: number;
  /** The engine to run on (sampling, trainer, activation); the defaults when absent. */
  parts?: EngineComponents;
}

function randomTask(stream: RandomStream, points: number): TrainData {
  const inputs = new Float64Array(2 * points);
  stream.fillUniform(inputs, 1);
  const targets = new Float64Array(points);
  for (let i = 0; i < points; i++) targets[i] = stream.nextFloat64() < 0.5 ? -1 : 1;
  return { inputs, targets };
}

/** Trains the ensemble to the last checkpoint and counts regions at every checkpoint. */
export async function memorizationCounts(run: MemorizationRun): Promise<TrainedCounts[]> {
  await initEngine();
  const parts = run.parts ?? DEFAULT_COMPONENTS;
  const spec = networkSpec({ inputDim: 2, widths: [...run.hidden, 1], weightScale: 2, biasStd: run.biasStd });
  const params = [];
  const data: TrainData[] = [];
  for (let e = 0; e < run.nets; e++) {
    const stream = new RandomStream(parts.netStream(run.seed, 'net', e));
    params.push(sampleDenseParams(spec, stream, parts));
    data.push(randomTask(stream, run.points));
  }
  const activation = parts.trainActivation({ kind: 'relu' });
  if (!isPiecewiseLinear(activation)) throw new Error(`memorizationCounts: regions need a piecewise-linear activation; the engine runs ${activation.kind}`);
  const steps = Math.max(...run.checkpoints);
  const fingerprints = Float64Array.from(params, firstLayerFingerprint);
  const trained = await parts.train({ params, activation, data, optimizer: { kind: 'adam', lr: ADAM_LR }, steps, checkpoints: run.checkpoints });
  const slice = squareSlice(DATA_SQUARE.center, DATA_SQUARE.halfSide);
  const square = { center: [...DATA_SQUARE.center], halfSide: DATA_SQUARE.halfSide };
  return trained.checkpoints.map((c) => {
    const regions = new Float64Array(run.nets);
    const crossings = new Float64Array(run.nets);
    c.params.forEach((p, e) => {
      const net = toPwlNet64(p, activationSlope(activation));
      regions[e] = parts.countPlane(net, slice).count;
      crossings[e] = regions[e] - 1 - boundaryBreakpoints(net, square) / 2;
    });
    return { step: c.step, regions, crossings, loss: c.loss, fingerprints };
  });
}

/**
 * The task's part of a training claim's configuration: P ∈ [16, 48] training points, a run of
 * `steps` Adam steps with the regions counted after ¼, ½ or all of it (fast-check picks the
 * checkpoint, so several checkpoints are asserted across configurations), s_b at initialization
 * log-uniform in [1e-3, 0.05] (the papers' regime). Spread into an `fc.record` after the claim's own keys.
 */
export const memorizationTask = (steps: number): { [K in keyof MemorizationTask]: fc.Arbitrary<MemorizationTask[K]> } => ({
  points: integer(16, 48),
  steps: fc.constant(steps),
  checkpoint: fc.constantFrom(steps / 4, steps / 2, steps),
  biasStd: logUniform(1e-3, 0.05),
});

const mean = (x: Float64Array): number => sampleMoments(x).mean;

/** Figure summary of one checkpoint: mean regions, crossings and training loss. */
export const summary = (c: TrainedCounts) => ({ step: c.step, meanRegions: mean(c.regions), meanCrossings: mean(c.crossings), meanLoss: mean(c.loss) });
