/**
 * Monte Carlo over networks for the 2-D claims: exact region counts in a square of a 2-D input
 * space (engine/geometry/plane-regions.ts) and the breakpoints on its four edges
 * (engine/geometry/line-regions.ts), per network. Network e draws from the engine's netStream(seed, 'net', e),
 * on the run's sampling components, and its regions are counted by the run's `countPlane` component
 * (default the exact counter; a fault substitutes it). The edges' breakpoints use the exact line
 * counter: they are part of the exact counter's Euler decomposition, not a second count. Every
 * sample comes with one fingerprint per network (of its first layer, engine/random/fingerprint.ts) for the
 * harness's independence check.
 */
import fc from 'fast-check';
import { uniform } from '../harness/arbitraries';
import { round } from '../harness/figure-data';
import { RandomStream } from '../../engine/random/stream';
import { netSeed } from '../../engine/random/net-stream';
import { lineRegions } from '../../engine/geometry/line-regions';
import { planeRegions, planeThroughPoints, squareSlice, type PlaneCounter } from '../../engine/geometry/plane-regions';
import { sampleNet64, type PwlNet64, type SamplingParts } from '../../engine/geometry/net64';
import type { SquareSpec, TriangleSlice } from '../../theorems/hanin-rolnick-2019/plane-config';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import { networkSpec, type LineNets } from './line-experiment';

/** Breakpoints on the square's boundary (its four edges, corners excluded a.s.). */
export function boundaryBreakpoints(net: PwlNet64, sq: SquareSpec): number {
  const [cx, cy] = sq.center;
  const h = sq.halfSide;
  const corners = [
    [cx - h, cy - h],
    [cx + h, cy - h],
    [cx + h, cy + h],
    [cx - h, cy + h],
  ];
  let total = 0;
  for (let k = 0; k < 4; k++) {
    const a = corners[k];
    const b = corners[(k + 1) % 4];
    total += lineRegions(net, { x0: a, u: [(b[0] - a[0]) / (2 * h), (b[1] - a[1]) / (2 * h)], t0: 0, t1: 2 * h }).breakpoints.length;
  }
  return total;
}

export interface PlaneSample {
  regions: Float64Array;
  /** Q = #regions − 1 − V_bd/2 (interior crossings plus closed loops). */
  crossings: Float64Array;
  /** One fingerprint per network (its first layer, engine/random/fingerprint.ts `firstLayerFingerprint`). */
  fingerprints: Float64Array;
}

/** The parts a 2-D experiment uses: sampling, and the region counter (`countPlane`, default the exact one). */
export type PlaneParts = SamplingParts & { countPlane?: PlaneCounter };

/** The networks of the 2-D claims: input dimension 2, He Gaussian weights, N(0, s_b²) biases, ReLU. */
const planeNets = (widths: readonly number[], biasStd: number): LineNets => ({ inputDim: 2, widths, weightScale: 2, biasStd });

export function planeCounts(widths: readonly number[], biasStd: number, sq: SquareSpec, count: number, seed: number, parts: PlaneParts = {}): PlaneSample {
  const countPlane = parts.countPlane ?? planeRegions;
  const spec = networkSpec(planeNets(widths, biasStd));
  const slice = squareSlice(sq.center, sq.halfSide);
  const regions = new Float64Array(count);
  const crossings = new Float64Array(count);
  const fingerprints = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const net = sampleNet64(spec, new RandomStream((parts.netStream ?? netSeed)(seed, 'net', e)), parts);
    const R = countPlane(net, slice).count;
    regions[e] = R;
    crossings[e] = R - 1 - boundaryBreakpoints(net, sq) / 2;
    fingerprints[e] = firstLayerFingerprint(net);
  }
  return { regions, crossings, fingerprints };
}


/**
 * Exact region counts in a 2-D cross-section of an n_in-dimensional input space (the triangle through
 * the slice's three points), per network: He Gaussian weights, N(0, s_b²) biases.
 */
export function sliceCounts(widths: readonly number[], biasStd: number, slice: TriangleSlice, count: number, seed: number, parts: PlaneParts = {}): { regions: Float64Array; fingerprints: Float64Array } {
  const countPlane = parts.countPlane ?? planeRegions;
  const spec = networkSpec({ inputDim: slice.inputDim, widths, weightScale: 2, biasStd });
  const [a, b, c] = slice.points;
  const plane = planeThroughPoints(a, b, c);
  const regions = new Float64Array(count);
  const fingerprints = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const net = sampleNet64(spec, new RandomStream((parts.netStream ?? netSeed)(seed, 'net', e)), parts);
    regions[e] = countPlane(net, plane).count;
    fingerprints[e] = firstLayerFingerprint(net);
  }
  return { regions, fingerprints };
}

/** Three data-like points of R^{n_in}: coordinates i.i.d. N(0, 1) from a drawn seed, rounded to 3 decimals (printed in replay lines). */
export const triangleIn = (inputDim: number): fc.Arbitrary<TriangleSlice> =>
  fc.integer({ min: 0, max: 0x7fffffff }).map((seed) => ({ inputDim, points: fixedPoints(inputDim, 3, seed) }));

/** `count` data-like points of R^d: i.i.d. N(0, 1) coordinates from `seed`, rounded to 3 decimals. */
export function fixedPoints(d: number, count: number, seed: number): number[][] {
  const stream = new RandomStream(seed);
  return Array.from({ length: count }, () => {
    const p = new Float64Array(d);
    stream.fillNormal(p);
    return Array.from(p, (x) => round(x, 3));
  });
}

/** A square of the 2-D input space: centre in [−0.75, 0.75]², half-side in [0.5, 1.5] (so it sees many boundaries already at N = 8). */
export const squareIn: fc.Arbitrary<SquareSpec> = fc.record({
  center: fc.tuple(uniform(-0.75, 0.75), uniform(-0.75, 0.75)).map(([a, b]) => [round(a), round(b)]),
  halfSide: uniform(0.5, 1.5).map((h) => round(h)),
});
