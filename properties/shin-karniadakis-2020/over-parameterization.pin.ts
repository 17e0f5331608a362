/**
 * Training runs of SK2020.Trainability.over-parameterization-necessary (one hidden layer, random
 * targets per run) and the offline run that pins its twin's world:
 * `npx tsx properties/shin-karniadakis-2020/over-parameterization.pin.ts` trains 512 runs at the twin's
 * configuration under success-when-loss-halved (seed 1) and prints the count to paste into
 * over-parameterization-necessary.claim.ts. The gate's runs use other seeds.
 */
import { initEngine } from '../../engine/backend';
import { RandomStream } from '../../engine/random/stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import { deriveSeed } from '../../engine/random/seed';
import { DEFAULT_COMPONENTS, type EngineComponents } from '../../engine/components';
import { componentsOf, getFault } from '../faults/catalog';
import { wilsonInterval } from '../stats';
import { ss } from '../stats/simple-statistics';
import { taskInputs } from '../../theorems/shin-karniadakis-2020/task';
import { parameterCount, pieceFloor, type OverParameterizationConfig } from '../../theorems/shin-karniadakis-2020/over-parameterization-necessary';
import { he } from './training-experiment';

export const OVER_PARAMETERIZATION_PIN_COMMAND = 'npx tsx properties/shin-karniadakis-2020/over-parameterization.pin.ts';

/** A run "beats" the floor when its loss falls below (1 − FLOOR_MARGIN)·F (float32 error in the loss ≈ 10⁻⁶). */
export const FLOOR_MARGIN = 1e-4;

/** Adam's learning rate in these runs (the claim holds for any optimizer; this one gets closest to the floor among 5e-3, 0.02, 0.05 at 1000 steps). */
export const OVER_PARAMETERIZATION_LR = 0.02;

/** The twin's configuration: width 6 on 20 points (P = 19 < 20), gate steps. */
export const OVER_PARAMETERIZATION_TWIN: OverParameterizationConfig = { width: 6, points: 20, steps: 1000, lr: OVER_PARAMETERIZATION_LR };

type Parts = Pick<EngineComponents, 'train' | 'netStream' | 'trainActivation'>;

const { fround, sqrt } = Math;
/** Population variance of the targets: the MSE of the best constant fit. */
const variance = (y: Float64Array): number => ss.variance(Array.from(y));

/** Noise std of the targets sin(3x) + N(0, NOISE_STD²). */
export const NOISE_STD = 0.1;

/** Run e's network and targets from netStream(seed, 'net', e): He weights, zero biases; targets sin(3x) + N(0, NOISE_STD²), times `scale(targets)`, rounded to float32. */
function drawRuns(width: number, points: number, runs: number, seed: number, parts: Parts, scale: (inputs: Float64Array, y: Float64Array) => number) {
  const inputs = taskInputs(points).map(fround);
  return Array.from({ length: runs }, (_, e) => {
    const stream = new RandomStream(parts.netStream(seed, 'net', e));
    const params = he({ widths: [1, width], biasStd: 0 }, parts)(stream);
    const raw = new Float64Array(points);
    stream.fillNormal(raw, NOISE_STD);
    for (let i = 0; i < points; i++) raw[i] += Math.sin(3 * inputs[i]);
    const s = scale(inputs, raw);
    return { params, data: { inputs, targets: raw.map((v) => fround(v * s)) } };
  });
}

/**
 * The claim's runs, trained together; each data set's floor F_{N+1} is computed in float64 on the
 * float32 values the engine trains on, and a run's unit is 1 if its loss fell below (1 − margin)·min_e F_e
 * at some step (the trainer takes one threshold for all runs: the smallest floor, so a unit of 1 is
 * always a violation of the run's own floor).
 */
export async function floorRuns(c: OverParameterizationConfig, runs: number, seed: number, parts: Parts = DEFAULT_COMPONENTS) {
  await initEngine();
  const pieces = c.width + 1;
  const drawn = drawRuns(c.width, c.points, runs, seed, parts, () => 1);
  const floors = drawn.map((d) => pieceFloor(d.data.inputs, d.data.targets, pieces));
  const lossBelow = (1 - FLOOR_MARGIN) * Math.min(...floors);
  const result = await parts.train({
    params: drawn.map((d) => d.params),
    activation: parts.trainActivation({ kind: 'relu' }),
    data: drawn.map((d) => d.data),
    optimizer: { kind: 'adam', lr: c.lr },
    steps: c.steps,
    success: { lossBelow },
  });
  const paperSuccesses = drawn.filter((d, e) => result.finalLoss[e] <= 1e-3 * variance(d.data.targets)).length;
  return {
    belowFloor: Float64Array.from(result.successStep!, (t) => (t >= 0 ? 1 : 0)),
    fingerprints: Float64Array.from(drawn, (d) => firstLayerFingerprint(d.params)),
    paperSuccesses,
    medianLossOverFloor: ss.median(Array.from(result.finalLoss, (l, e) => l / floors[e])),
    floorRange: [Math.min(...floors), Math.max(...floors)] as [number, number],
  };
}

/** One transition row: `runs` runs of width N on n points, targets standardized (Var = 1), success at MSE ≤ 10⁻³. */
export async function transitionRow(width: number, points: number, runs: number, steps: number, seed: number, parts: Parts = DEFAULT_COMPONENTS) {
  await initEngine();
  const drawn = drawRuns(width, points, runs, seed, parts, (_, y) => 1 / sqrt(variance(y)));
  const result = await parts.train({
    params: drawn.map((d) => d.params),
    activation: parts.trainActivation({ kind: 'relu' }),
    data: drawn.map((d) => d.data),
    optimizer: { kind: 'adam', lr: OVER_PARAMETERIZATION_LR },
    steps,
    success: { lossBelow: 1e-3, stopWhenAllSucceeded: true },
  });
  const successes = result.successStep!.reduce((a, t) => a + (t >= 0 ? 1 : 0), 0);
  const ci = wilsonInterval(successes, runs, 0.95);
  const floors = drawn.map((d) => pieceFloor(d.data.inputs, d.data.targets, width + 1) / variance(d.data.targets));
  return {
    width,
    parameters: parameterCount(width),
    runs,
    successes,
    wilson95: [ci.lower, ci.upper] as [number, number],
    meanFloorOverVar: floors.reduce((a, b) => a + b, 0) / runs,
    medianFinalLoss: ss.median([...result.finalLoss]),
  };
}

async function main(): Promise<void> {
  const parts = componentsOf(getFault('success-when-loss-halved'));
  const r = await floorRuns(OVER_PARAMETERIZATION_TWIN, 512, deriveSeed(1, 'over-parameterization-pin'), parts);
  console.log(JSON.stringify({ twin: 'success-when-loss-halved', n: 512, belowFloor: r.belowFloor.reduce((a, b) => a + b, 0), paperSuccesses: r.paperSuccesses, medianLossOverFloor: r.medianLossOverFloor }));
  if (process.argv[2] === 'transition') {
    for (const w of [3, 6, 9, 13, 20, 40]) console.log(JSON.stringify(await transitionRow(w, 20, 64, Number(process.argv[3] ?? 2000), deriveSeed(1, 'transition-pin', w))));
  }
}

if (require.main === module) void main();
