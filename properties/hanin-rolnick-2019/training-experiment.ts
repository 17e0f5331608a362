/**
 * The memorization experiment (theorems/hanin-rolnick-2019/memorization.ts): sample `nets` networks
 * [2, hidden…, 1] from the engine's initializer, give each its own random data set (P points uniform
 * in [−1, 1]², labels ±1), train them together with the engine's trainer (its networks are
 * independent) until every one has memorized (training MSE < 1/P: every label fitted) or the step
 * cap, and count each network's exact regions in [−1, 1]² (and the breakpoints on its boundary) at
 * initialization and at its memorization step — the first checkpoint (a multiple of `every`, or the
 * step where training stopped because every network had memorized) with MSE < 1/P. A network that
 * has not memorized within the cap is left out; more than MAX_UNMEMORIZED_SHARE of them throws
 * {@link PreconditionNotMet}: the configuration fails with "precondition not met: k of n nets did not
 * memorize within S steps", never passes. Training uses the trainer's `retire`: a network stops at its
 * memorization checkpoint, so a group costs the sum of its networks' memorization times.
 *
 * Network e's parameters and data draw from the engine's netStream(seed, 'net', e); the fingerprints
 * of the networks' initial parameters (first layer, engine/random/fingerprint.ts) go to the harness's
 * independence check. Also the figure summary shared by the two training claims.
 */
import { initEngine } from '../../engine/backend';
import { DEFAULT_COMPONENTS, type EngineComponents } from '../../engine/components';
import { RandomStream } from '../../engine/random/stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import { activationSlope } from '../../engine/geometry/net64';
import { sampleDenseParams, type DenseParams64 } from '../../engine/train/params';
import type { TrainData } from '../../engine/train/train';
import { isPiecewiseLinear } from '../../engine/train/activations';
import { predict64 } from '../../engine/train/evaluate64';
import { toPwlNet64 } from '../../engine/train/export';
import { squareSlice } from '../../engine/geometry/plane-regions';
import { ADAM_LR, DATA_SQUARE, MAX_UNMEMORIZED_SHARE, memorizationThreshold, regionBound, type MemorizationTask } from '../../theorems/hanin-rolnick-2019/memorization';
import { GROUP_GROWTH, MAX_SKEW_PER_ROOT_N } from '../checks/log-slope';
import { PreconditionNotMet } from '../harness/run-claim';
import { sampleMoments } from '../stats';
import { networkSpec } from './line-experiment';
import { boundaryBreakpoints } from './plane-experiment';

/** Counts of one network sample at one moment (initialization, or each network's memorization step). */
export interface RegionCounts {
  regions: Float64Array;
  /** Q = #regions − 1 − V_bd/2. */
  crossings: Float64Array;
  /** Training MSE per network. */
  loss: Float64Array;
  /** Step per network (0 at initialization). */
  step: Float64Array;
}

export interface MemorizedSample {
  /** At initialization, the first INIT_COUNTED networks that memorized (figure data). */
  init: RegionCounts;
  memorized: RegionCounts;
  /** Networks whose float64 outputs have every label's sign (a check of the criterion's implication). */
  signsFitted: number;
  /** Networks that did not memorize within the cap (left out of `init` and `memorized`; at most MAX_UNMEMORIZED_SHARE of them). */
  unmemorized: number;
  /** Where training stopped (every network memorized, or the cap). */
  stepsRun: number;
  /** One fingerprint per network, of its initial parameters. */
  fingerprints: Float64Array;
  /** Mean loss and regions at each checkpoint over the networks (figure data: counts vs step and loss). */
  trajectory: { step: number; meanLoss: number; meanRegions?: number; memorized: number }[];
}

export interface MemorizationRun extends MemorizationTask {
  hidden: readonly number[];
  nets: number;
  seed: number;
  /** Count the regions of every network at these checkpoints too (figure data; default none). */
  countAt?: readonly number[];
  /** The engine to run on (sampling, trainer, activation); the defaults when absent. */
  parts?: EngineComponents;
}


/** Networks per group whose regions are also counted at initialization (figure data; counting costs ≈ 5 ms per network). */
export const INIT_COUNTED = 32;

function randomTask(stream: RandomStream, points: number): TrainData {
  const inputs = new Float64Array(2 * points);
  stream.fillUniform(inputs, 1);
  const targets = new Float64Array(points);
  for (let i = 0; i < points; i++) targets[i] = stream.nextFloat64() < 0.5 ? -1 : 1;
  return { inputs, targets };
}

/** Trains the ensemble until every network has memorized (or the cap) and counts regions at init and at memorization. */
export async function memorizedCounts(run: MemorizationRun): Promise<MemorizedSample> {
  await initEngine();
  const parts = run.parts ?? DEFAULT_COMPONENTS;
  const spec = networkSpec({ inputDim: 2, widths: [...run.hidden, 1], weightScale: 2, biasStd: run.biasStd });
  const params: DenseParams64[] = [];
  const data: TrainData[] = [];
  for (let e = 0; e < run.nets; e++) {
    const stream = new RandomStream(parts.netStream(run.seed, 'net', e));
    params.push(sampleDenseParams(spec, stream, parts));
    data.push(randomTask(stream, run.points));
  }
  const activation = parts.trainActivation({ kind: 'relu' });
  if (!isPiecewiseLinear(activation)) throw new Error(`memorizedCounts: regions need a piecewise-linear activation; the engine runs ${activation.kind}`);
  const threshold = memorizationThreshold(run.points);
  const checkpoints: number[] = [];
  for (let t = 0; t <= run.steps; t += run.every) checkpoints.push(t);
  // A network stops training (the trainer's `retire`) at its memorization point: the first checkpoint
  // after 0 with MSE < 1/P. Training ends when every network has memorized, or at the cap.
  const trained = await parts.train({
    params,
    activation,
    data,
    optimizer: { kind: 'adam', lr: ADAM_LR },
    steps: run.steps,
    checkpoints,
    retire: (snap) => (snap.step === 0 ? [] : params.flatMap((_, e) => (snap.loss[e] < threshold ? [e] : []))),
  });
  const at = params.map((_, e) => (trained.retiredStep[e] >= 0 ? trained.checkpoints[trained.retiredStep[e] / run.every] : undefined));
  const failed = at.filter((c) => c === undefined).length;
  if (failed > MAX_UNMEMORIZED_SHARE * run.nets) throw new PreconditionNotMet(failed, run.nets, `${failed} of ${run.nets} nets did not memorize within ${run.steps} steps (more than ${100 * MAX_UNMEMORIZED_SHARE}%; training MSE < 1/P = ${threshold.toPrecision(3)}; architecture [2, ${run.hidden.join(', ')}, 1], P = ${run.points})`);
  const kept = params.flatMap((_, e) => (at[e] ? [e] : []));
  const slope = activationSlope(activation);
  const slice = squareSlice(DATA_SQUARE.center, DATA_SQUARE.halfSide);
  const square = { center: [...DATA_SQUARE.center], halfSide: DATA_SQUARE.halfSide };
  const count = (p: DenseParams64[], loss: ArrayLike<number>, step: (e: number) => number): RegionCounts => {
    const out: RegionCounts = { regions: new Float64Array(p.length), crossings: new Float64Array(p.length), loss: Float64Array.from(loss), step: new Float64Array(p.length) };
    p.forEach((q, e) => {
      const net = toPwlNet64(q, slope);
      out.regions[e] = parts.countPlane(net, slice).count;
      out.crossings[e] = out.regions[e] - 1 - boundaryBreakpoints(net, square) / 2;
      out.step[e] = step(e);
    });
    return out;
  };
  // The claim is about the networks that memorized (all but at most MAX_UNMEMORIZED_SHARE of them).
  // Initial counts are figure data (count ÷ bound at initialization): the first INIT_COUNTED networks.
  const initNets = kept.slice(0, INIT_COUNTED);
  const init = count(initNets.map((e) => params[e]), initNets.map((e) => trained.checkpoints[0].loss[e]), () => 0);
  const memParams = kept.map((e) => at[e]!.params[e]);
  const memorized = count(memParams, kept.map((e) => at[e]!.loss[e]), (k) => at[kept[k]]!.step);
  let signsFitted = 0;
  memParams.forEach((p, k) => {
    const d = data[kept[k]];
    const y = predict64(p, activation, d.inputs);
    if (y.every((v, i) => Math.sign(v) === d.targets[i])) signsFitted++;
  });
  const countAt = new Set(run.countAt ?? []);
  const trajectory = trained.checkpoints.map((c) => ({
    step: c.step,
    meanLoss: sampleMoments(c.loss).mean,
    memorized: at.filter((m) => m !== undefined && m.step <= c.step).length,
    ...(countAt.has(c.step) ? { meanRegions: sampleMoments(count(c.params, c.loss, () => c.step).regions).mean } : {}),
  }));
  return { init, memorized, signsFitted, unmemorized: failed, stepsRun: trained.stepsRun, fingerprints: Float64Array.from(kept, (e) => firstLayerFingerprint(params[e])), trajectory };
}

/**
 * {@link memorizedCounts} with the log-slope check's skewness rule (properties/checks/log-slope.ts,
 * `untilGroupTrusted`): while the memorization counts' |sample skewness| exceeds 0.1·√n, the group is
 * redrawn 4× larger (the same first networks), up to `maxNets`. Reads only the sample's skewness.
 */
export async function trustedMemorizedCounts(run: MemorizationRun, maxNets: number, units: (s: MemorizedSample) => Float64Array): Promise<MemorizedSample> {
  for (let size = run.nets; ; size = Math.min(maxNets, GROUP_GROWTH * size)) {
    const sample = await memorizedCounts({ ...run, nets: size });
    const u = units(sample);
    if (size >= maxNets || Math.abs(sampleMoments(u).skewness) <= MAX_SKEW_PER_ROOT_N * Math.sqrt(u.length)) return sample;
  }
}

const mean = (x: Float64Array): number => sampleMoments(x).mean;

/** Figure summary of one group: counts, crossings, losses and steps at initialization and at memorization, and count ÷ bound. */
export function summary(s: MemorizedSample, neurons: number) {
  const bound = regionBound(neurons);
  const at = (c: RegionCounts) => ({ meanStep: mean(c.step), maxStep: Math.max(...c.step), meanLoss: mean(c.loss), meanRegions: mean(c.regions), meanCrossings: mean(c.crossings), regionsOverBound: mean(c.regions) / bound });
  return { nets: s.init.regions.length, bound, init: at(s.init), memorized: at(s.memorized), signsFitted: s.signsFitted, stepsRun: s.stepsRun };
}
