/**
 * Monte Carlo over networks for the line claims: sample each network in float64 from the engine's
 * initializer (on the run's components), count its breakpoints on a fixed segment with the engine's
 * line counter (`countLine`), and, for the Kac–Rice claim, measure the spherical length Λ_{l−1} of
 * every layer's augmented input on the same pieces and turn them into the per-network prediction
 * Σ_l n_l Λ_{l−1}/π with the theorem's formula (theorems/hanin-rolnick-2019/lines-kac-rice.ts).
 * Network e draws from the engine's netStream(seed, 'net', e), so a configuration's units are reproducible.
 * Every sample comes with one fingerprint per network (its first layer's weights and biases,
 * engine/random/fingerprint.ts) for the harness's independence check.
 */
import fc from 'fast-check';
import { uniform } from '../harness/arbitraries';
import { round } from '../harness/figure-data';
import { RandomStream } from '../../engine/random/stream';
import { netSeed } from '../../engine/random/net-stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import { sampleNet64, type PwlNet64, type SamplingParts } from '../../engine/geometry/net64';
import { lineRegions, nearestBreakpointDistance, type LayerInput } from '../../engine/geometry/line-regions';
import { sphericalLength } from '../../engine/geometry/spherical-length';
import type { EngineComponents } from '../../engine/components';
import type { NetworkSpec } from '../../engine/network/spec';
import type { SegmentSpec } from '../../theorems/hanin-rolnick-2019/line-config';
import { augmentedCoordinate, kacRicePrediction, type LayerLength } from '../../theorems/hanin-rolnick-2019/lines-kac-rice';

/** The engine parts a line experiment uses (sampling and the line counter); the defaults where absent. */
export type LineParts = Partial<EngineComponents>;

export interface LineNets {
  inputDim: number;
  widths: readonly number[];
  /** c in Var(w) = c/fan-in; 2 is requested as the He preset (so He faults apply). */
  weightScale: number;
  biasStd: number;
}

export function networkSpec(n: LineNets): NetworkSpec {
  return {
    widths: [n.inputDim, ...n.widths],
    init: { law: 'gaussian', variance: n.weightScale === 2 ? { preset: 'he' } : { scale: n.weightScale }, bias: { law: 'gaussian', std: n.biasStd } },
    activation: { kind: 'relu' },
  };
}

function* networks(n: LineNets, count: number, seed: number, parts: SamplingParts): Generator<PwlNet64> {
  const spec = networkSpec(n);
  for (let e = 0; e < count; e++) yield sampleNet64(spec, new RandomStream((parts.netStream ?? netSeed)(seed, 'net', e)), parts);
}

export interface LineCountSample {
  /** Breakpoints on the segment, per network. */
  counts: Float64Array;
  /** One fingerprint per network (its first layer, `firstLayerFingerprint`). */
  fingerprints: Float64Array;
  /** Σ_l n_l·Λ_{l−1}/π per network (only when asked for). */
  kacRice?: Float64Array;
}

/** Breakpoint counts of `count` independent networks on the segment [0, T]. */
export function lineCounts(n: LineNets, segment: SegmentSpec, count: number, seed: number, parts: LineParts = {}, kacRice = false): LineCountSample {
  const countLine = parts.countLine ?? lineRegions;
  const counts = new Float64Array(count);
  const fingerprints = new Float64Array(count);
  const kr = kacRice ? new Float64Array(count) : undefined;
  const seg = { x0: segment.x0, u: segment.u, t0: 0, t1: segment.length };
  let e = 0;
  for (const net of networks(n, count, seed, parts)) {
    const lengths: LayerLength[] = [];
    // Λ_{l−1} is measured on the augmented input (h_{l−1}, s_b/s_w,l), with s_w,l the theorem's law
    // (c/fan-in): a fault that changes the variance changes the truth, not this prediction.
    const inspect = kr
      ? (input: LayerInput): void => {
          const layer = net.layers[input.layer];
          lengths.push({ width: layer.fanOut, sphericalLength: sphericalLength(input, augmentedCoordinate(n, layer.fanIn)) });
        }
      : undefined;
    counts[e] = countLine(net, seg, inspect ? { inspect } : {}).breakpoints.length;
    fingerprints[e] = firstLayerFingerprint(net);
    if (kr) kr[e] = kacRicePrediction(lengths);
    e++;
  }
  return { counts, fingerprints, ...(kr ? { kacRice: kr } : {}) };
}

/** The experiment of a count sample: its counts as the units, with its networks' fingerprints. */
export const countsExperiment = (s: LineCountSample): { units: Float64Array; fingerprints: Float64Array } => ({ units: s.counts, fingerprints: s.fingerprints });

/** Distance from x along ±u to the nearest breakpoint (whole line), per network, with the networks' fingerprints. */
export function boundaryDistances(n: LineNets, point: number[], direction: number[], count: number, seed: number, parts: LineParts = {}): { distances: Float64Array; fingerprints: Float64Array } {
  const countLine = parts.countLine ?? lineRegions;
  const distances = new Float64Array(count);
  const fingerprints = new Float64Array(count);
  let e = 0;
  for (const net of networks(n, count, seed, parts)) {
    distances[e] = nearestBreakpointDistance(countLine(net, { x0: point, u: direction, t0: -Infinity, t1: Infinity }).breakpoints, 0);
    fingerprints[e++] = firstLayerFingerprint(net);
  }
  return { distances, fingerprints };
}

/** A unit vector from a raw draw (components rounded for readable configurations, then normalised). */
function unit(raw: number[]): number[] {
  const v = raw.map((x) => round(x));
  const norm = Math.hypot(...v);
  return norm > 1e-3 ? v.map((x) => x / norm) : [1, ...v.slice(1).map(() => 0)];
}

/** A point and a unit direction in dimension d (point components in [−1.5, 1.5]). */
export const pointAndDirection = (d: number): fc.Arbitrary<{ x0: number[]; u: number[] }> =>
  fc.record({
    x0: fc.array(uniform(-1.5, 1.5), { minLength: d, maxLength: d }).map((v) => v.map((x) => round(x))),
    u: fc.array(uniform(-1, 1), { minLength: d, maxLength: d }).filter((v) => Math.hypot(...v) > 0.2).map(unit),
  });

/** A segment in dimension d with length in [minT, maxT]. */
export const segmentIn = (d: number, minT: number, maxT: number): fc.Arbitrary<SegmentSpec> =>
  fc.record({ pd: pointAndDirection(d), length: uniform(minT, maxT).map((t) => round(t, 3)) }).map(({ pd, length }) => ({ ...pd, length }));
