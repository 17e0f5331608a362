/**
 * Monte Carlo over networks for the line claims: sample each network in float64 from the engine's
 * initializer (with the run's mutant), count its breakpoints on a fixed segment exactly, and, for
 * the Kac–Rice claim, compute the per-network prediction Σ_l n_l Λ_{l−1}/π from the same pieces.
 * Network e draws from deriveSeed(seed, 'net', e), so a configuration's units are reproducible.
 */
import fc from 'fast-check';
import { uniform } from '../harness/arbitraries';
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import { sampleNet64, type PwlNet64 } from '../../engine/geometry/net64';
import { lineRegions, nearestBreakpointDistance, type LayerInput } from '../../engine/geometry/line-regions';
import { sphericalLength } from '../../engine/geometry/spherical-length';
import type { NetworkSpec } from '../../engine/network/spec';
import type { WeightLaw } from '../../engine/init/laws';
import type { Mutant } from '../../engine/mutants';
import type { SegmentSpec } from '../../theorems/hanin-rolnick-2019/line-config';

export interface LineNets {
  inputDim: number;
  widths: readonly number[];
  /** c in Var(w) = c/fan-in; 2 is requested as the He preset (so He mutants apply). */
  weightScale: number;
  biasStd: number;
  law?: WeightLaw;
}

export function networkSpec(n: LineNets): NetworkSpec {
  return {
    widths: [n.inputDim, ...n.widths],
    init: { law: n.law ?? 'gaussian', variance: n.weightScale === 2 ? { preset: 'he' } : { scale: n.weightScale }, bias: { law: 'gaussian', std: n.biasStd } },
    activation: { kind: 'relu' },
  };
}

function* networks(n: LineNets, count: number, seed: number, mutant?: Mutant): Generator<PwlNet64> {
  const spec = networkSpec(n);
  for (let e = 0; e < count; e++) yield sampleNet64(spec, new RandomStream(deriveSeed(seed, 'net', e)), mutant);
}

export interface LineCountSample {
  /** Breakpoints on the segment, per network. */
  counts: Float64Array;
  /** Σ_l n_l·Λ_{l−1}/π per network (only when asked for). */
  kacRice?: Float64Array;
}

/** Breakpoint counts of `count` independent networks on the segment [0, T]. */
export function lineCounts(n: LineNets, segment: SegmentSpec, count: number, seed: number, mutant?: Mutant, kacRice = false): LineCountSample {
  const counts = new Float64Array(count);
  const kr = kacRice ? new Float64Array(count) : undefined;
  const seg = { x0: segment.x0, u: segment.u, t0: 0, t1: segment.length };
  let e = 0;
  for (const net of networks(n, count, seed, mutant)) {
    let P = 0;
    const inspect = kr
      ? (input: LayerInput): void => {
          const layer = net.layers[input.layer];
          // The engine's resolved weight std of this layer: recover it from the theorem's law
          // (c/fan-in) — a mutant that changes the variance changes the truth, not this prediction.
          const sw = Math.sqrt(n.weightScale / layer.fanIn);
          P += (layer.fanOut * sphericalLength(input, n.biasStd / sw)) / Math.PI;
        }
      : undefined;
    const r = lineRegions(net, seg, { ...(mutant?.lineCounter ? { fault: mutant.lineCounter } : {}), ...(inspect ? { inspect } : {}) });
    counts[e] = r.breakpoints.length;
    if (kr) kr[e] = P;
    e++;
  }
  return { counts, ...(kr ? { kacRice: kr } : {}) };
}

/** Distance from x along ±u to the nearest breakpoint (whole line), per network. */
export function boundaryDistances(n: LineNets, point: number[], direction: number[], count: number, seed: number, mutant?: Mutant): Float64Array {
  const out = new Float64Array(count);
  let e = 0;
  for (const net of networks(n, count, seed, mutant)) {
    const r = lineRegions(net, { x0: point, u: direction, t0: -Infinity, t1: Infinity }, mutant?.lineCounter ? { fault: mutant.lineCounter } : {});
    out[e++] = nearestBreakpointDistance(r.breakpoints, 0);
  }
  return out;
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** A unit vector from a raw draw (components rounded for readable configurations, then normalised). */
export function unit(raw: number[]): number[] {
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
