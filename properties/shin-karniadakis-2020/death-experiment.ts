/**
 * Monte Carlo over networks for the dying-ReLU claims at initialization: networks drawn in float64
 * (engine/train/params.ts, engine/init/rai.ts, engine/init/data-dependent.ts, through the run's
 * engine components), neuron states from engine/measure/neuron-states.ts with the run's active rule
 * (a fault may count z = 0 as active). Network e draws from the engine's netStream(seed, 'net', e).
 * Experiments report one fingerprint per network (its first layer, engine/random/fingerprint.ts) for
 * the harness's independence check.
 */
import fc from 'fast-check';
import { RandomStream } from '../../engine/random/stream';
import { netSeed, type NetStreamFn } from '../../engine/random/net-stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import { sampleDenseParams, type DenseParams64 } from '../../engine/train/params';
import { toPwlNet64 } from '../../engine/train/export';
import type { PwlNet64, SamplingParts } from '../../engine/geometry/net64';
import type { NetworkSpec } from '../../engine/network/spec';
import { deadLayerOnInterval, statesAtPoint, type PointStates } from '../../engine/measure/neuron-states';
import type { DeathNetConfig } from '../../theorems/shin-karniadakis-2020/config';
import { integer, logUniform, uniform } from '../harness/arbitraries';
import { round } from '../harness/figure-data';
import type { ExperimentContext } from '../harness/types';

/** He Gaussian weights (c = 2 as the He preset, so He faults apply), zero or N(0, s_b²) biases, ReLU; `widths` includes the read-out. */
export function heSpec(widths: readonly number[], biasStd: number, weightScale = 2): NetworkSpec {
  return {
    widths,
    init: { law: 'gaussian', variance: weightScale === 2 ? { preset: 'he' } : { scale: weightScale }, bias: biasStd > 0 ? { law: 'gaussian', std: biasStd } : { law: 'zero' } },
    activation: { kind: 'relu' },
  };
}

/** `count` networks: `draw(stream)` gives each one's parameters (read-out included); hidden layers as PwlNet64. Network e's stream is `netStream(seed, 'net', e)`. */
export function* nets(count: number, seed: number, draw: (stream: RandomStream, e: number) => DenseParams64, netStream: NetStreamFn = netSeed): Generator<{ e: number; stream: RandomStream; net: PwlNet64 }> {
  for (let e = 0; e < count; e++) {
    const stream = new RandomStream(netStream(seed, 'net', e));
    yield { e, stream, net: toPwlNet64(draw(stream, e), 0) };
  }
}

/**
 * Iterates an ensemble (`nets(…)`, `heNets(…)`) unchanged, appending each network's fingerprint
 * (engine/random/fingerprint.ts) to `into` as it is measured: the independence check sees the
 * networks the units came from, without drawing them twice.
 */
export function* fingerprinting<T extends { net: PwlNet64 }>(ensemble: Iterable<T>, into: number[]): Generator<T> {
  for (const item of ensemble) {
    into.push(firstLayerFingerprint(item.net));
    yield item;
  }
}

/** He networks with hidden widths `widths.slice(1)` and a scalar read-out, drawn with the engine `parts` (default: the engine's). */
export const heNets = (widths: readonly number[], biasStd: number, count: number, seed: number, parts?: SamplingParts, weightScale = 2) =>
  nets(count, seed, (stream) => sampleDenseParams(heSpec([...widths, 1], biasStd, weightScale), stream, parts), parts?.netStream);

/** Uniform draws of `n` points in [−1, 1]^d (row-major). */
export function uniformInputs(stream: RandomStream, n: number, d: number): Float64Array {
  const x = new Float64Array(n * d);
  stream.fillUniform(x, 1);
  return x;
}

/** A non-zero input of dimension d (components in [−1.5, 1.5], norm ≥ 0.1). */
export const point = (d: number): fc.Arbitrary<number[]> => fc.array(uniform(-1.5, 1.5).map((v) => round(v)), { minLength: d, maxLength: d }).filter((x) => Math.hypot(...x) >= 0.1);

/** Zero biases, or N(0, s_b²) with s_b log-uniform in [0.1, 1]. */
export const biasLaw: fc.Arbitrary<number> = fc.oneof(fc.constant(0), logUniform(0.1, 1));

/** Networks [n_0, N × depth] at a point x: n_0 1–4, constant width N and depth in the given ranges, zero or Gaussian biases. */
export const pointConfigs = (minN: number, maxN: number, minDepth: number, maxDepth: number): fc.Arbitrary<DeathNetConfig> =>
  fc
    .record({ n0: integer(1, 4), N: integer(minN, maxN), depth: integer(minDepth, maxDepth), biasStd: biasLaw })
    .chain(({ n0, N, depth, biasStd }) => point(n0).map((x) => ({ widths: [n0, ...Array<number>(depth).fill(N)], biasStd, x })));

/** One unit per He network at the configuration's point: `unit` of its neuron states (the run's engine and active rule), with the networks' fingerprints. */
export function unitsAtPoint(c: DeathNetConfig, count: number, ctx: ExperimentContext, unit: (states: PointStates) => number): { units: Float64Array; fingerprints: Float64Array } {
  const units = new Float64Array(count);
  const fingerprints = new Float64Array(count);
  const rule = ctx.components.activeRule;
  for (const { e, net } of heNets(c.widths, c.biasStd, count, ctx.seed, ctx.components)) {
    units[e] = unit(statesAtPoint(net, c.x, rule));
    fingerprints[e] = firstLayerFingerprint(net);
  }
  return { units, fingerprints };
}

/**
 * Units of the domain claims: `count` He networks (hidden widths `widths.slice(1)`, biases N(0, s_b²)
 * or zero), 1 for each whose some hidden layer is identically zero on `interval` (exact,
 * deadLayerOnInterval), with the networks' fingerprints.
 */
export function deadOnIntervalUnits(
  c: { widths: number[]; biasStd: number; interval: [number, number] },
  count: number,
  seed: number,
  parts: SamplingParts,
): { units: Float64Array; fingerprints: Float64Array } {
  const units = new Float64Array(count);
  const fingerprints: number[] = [];
  for (const { e, net } of fingerprinting(heNets(c.widths, c.biasStd, count, seed, parts), fingerprints)) units[e] = deadLayerOnInterval(net, c.interval[0], c.interval[1]) >= 0 ? 1 : 0;
  return { units, fingerprints: Float64Array.from(fingerprints) };
}
