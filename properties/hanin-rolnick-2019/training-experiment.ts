/**
 * The memorization experiment (theorems/hanin-rolnick-2019/memorization.ts): sample `nets` networks
 * [2, hidden…, 1] from the engine's initializer, give each its own random data set, train them
 * together (engine/train: the ensemble's nets are independent), and count each network's exact
 * regions in [−1, 1]² (and the breakpoints on its boundary) at the checkpoints. Network e's
 * parameters and data draw from deriveSeed(seed, 'net', e).
 */
import { initEngine } from '../../engine/backend';
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import { sampleDenseParams } from '../../engine/train/params';
import { trainEnsemble, type TrainData } from '../../engine/train/train';
import { toPwlNet64 } from '../../engine/train/export';
import { planeRegions, squareSlice } from '../../engine/geometry/plane-regions';
import type { Mutant } from '../../engine/mutants';
import { ADAM_LR, DATA_SQUARE } from '../../theorems/hanin-rolnick-2019/memorization';
import { networkSpec } from './line-experiment';
import { boundaryBreakpoints } from './plane-experiment';

export interface TrainedCounts {
  step: number;
  regions: Float64Array;
  /** Q = #regions − 1 − V_bd/2. */
  crossings: Float64Array;
  /** Training MSE per network at this step. */
  loss: Float64Array;
}

export interface MemorizationRun {
  hidden: readonly number[];
  biasStd: number;
  points: number;
  checkpoints: number[];
  nets: number;
  seed: number;
  mutant?: Mutant;
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
  const spec = networkSpec({ inputDim: 2, widths: [...run.hidden, 1], weightScale: 2, biasStd: run.biasStd });
  const params = [];
  const data: TrainData[] = [];
  for (let e = 0; e < run.nets; e++) {
    const stream = new RandomStream(deriveSeed(run.seed, 'net', e));
    params.push(sampleDenseParams(spec, stream, run.mutant));
    data.push(randomTask(stream, run.points));
  }
  const steps = Math.max(...run.checkpoints);
  const trained = await trainEnsemble({ params, activation: { kind: 'relu' }, data, optimizer: { kind: 'adam', lr: ADAM_LR }, steps, checkpoints: run.checkpoints });
  const slice = squareSlice(DATA_SQUARE.center, DATA_SQUARE.halfSide);
  const square = { center: [...DATA_SQUARE.center], halfSide: DATA_SQUARE.halfSide };
  return trained.checkpoints.map((c) => {
    const regions = new Float64Array(run.nets);
    const crossings = new Float64Array(run.nets);
    c.params.forEach((p, e) => {
      const net = toPwlNet64(p, 0);
      regions[e] = planeRegions(net, slice).count;
      crossings[e] = regions[e] - 1 - boundaryBreakpoints(net, square) / 2;
    });
    return { step: c.step, regions, crossings, loss: c.loss };
  });
}
