/**
 * Exact activation regions along a line segment, in float64.
 *
 * On the segment x(t) = x0 + t·u, t ∈ [t0, t1] (either end may be infinite), every pre-activation
 * is piecewise linear in t. Walk the layers: on each current piece the layer's input is an affine
 * map h(t) = A + B·t, so every neuron's pre-activation is z_j(t) = a_j + b_j·t; split the piece at
 * every root t* = −a_j/b_j strictly inside it, and carry h = σ(z) (affine again on each sub-piece)
 * to the next layer. The result is exact up to float64 rounding of the roots: the breakpoints
 * (where some neuron's sign changes), the activation pattern of every piece, and the number of
 * activation regions the segment crosses.
 *
 * Why pieces = regions: given a pattern A, every pre-activation is an affine function of x on the
 * set where the pattern is A, so the activation region R(A) is an intersection of half-spaces —
 * convex — and a line meets it in one interval. Adjacent pieces differ in at least one sign by
 * construction, hence #regions crossed = #pieces = #breakpoints + 1.
 *
 * Tolerance rule (stated, not tuned): roots closer than ROOT_TOL·max(1, |t|) to a piece's end or to
 * each other are one breakpoint. This merges only coincident crossings — e.g. every first-layer
 * neuron of a zero-bias net crossing at the origin, which float64 computes to within a few ulps —
 * and would merge two genuine breakpoints only if they were within ~1e-12 of each other (probability
 * ≈ (#neurons)²·1e-12 per segment for continuous weights).
 *
 * Convention: a neuron is active iff z > 0 (z = 0 counts as inactive), as in `net64.ts`.
 */
import { neuronCount, validateNet64, type PwlNet64 } from './net64';

export const ROOT_TOL = 1e-12;

export interface Segment {
  x0: ArrayLike<number>;
  /** Direction (not necessarily unit: lengths are |t1 − t0|·‖u‖). */
  u: ArrayLike<number>;
  t0: number;
  t1: number;
}

export interface LineRegions {
  /** Sorted breakpoints t strictly inside (t0, t1). */
  breakpoints: Float64Array;
  /** Number of activation regions the segment crosses (= breakpoints.length + 1). */
  regions: number;
  /** Breakpoints contributed by each layer (zeros of its neurons), summing to breakpoints.length. */
  layerBreakpoints: Int32Array;
  /** Activation pattern (0/1 per neuron, layer by layer) of every piece, when asked for. */
  patterns?: Uint8Array[];
}

/**
 * The input of layer `layer` on the segment: pieces (ends[k], ends[k+1]), k < pieces, on which the
 * layer's input is h(t) = A_k + B_k·t, with A_k = A[k·width … (k+1)·width) (likewise B). Layer 0's
 * input is x(t) itself.
 */
export interface LayerInput {
  layer: number;
  pieces: number;
  width: number;
  ends: Float64Array;
  A: Float64Array;
  B: Float64Array;
}

export interface LineOptions {
  /** Keep every piece's activation pattern (memory: pieces × #neurons bytes). */
  patterns?: boolean;
  /** Called with every layer's input pieces before the layer splits them. */
  inspect?: (input: LayerInput) => void;
}

function validateSegment(net: PwlNet64, seg: Segment): void {
  const n = net.inputDim;
  if (seg.x0.length !== n) throw new Error(`segment.x0 must have the net's input dimension ${n}; got ${seg.x0.length}`);
  if (seg.u.length !== n) throw new Error(`segment.u must have the net's input dimension ${n}; got ${seg.u.length}`);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(seg.x0[i])) throw new Error(`segment.x0[${i}] must be finite; got ${seg.x0[i]}`);
    if (!Number.isFinite(seg.u[i])) throw new Error(`segment.u[${i}] must be finite; got ${seg.u[i]}`);
    norm += seg.u[i] * seg.u[i];
  }
  if (!(norm > 0)) throw new Error('segment.u must be a non-zero direction');
  if (Number.isNaN(seg.t0) || Number.isNaN(seg.t1) || !(seg.t0 < seg.t1)) {
    throw new Error(`segment needs t0 < t1 (either may be infinite); got t0 = ${seg.t0}, t1 = ${seg.t1}`);
  }
}

/** A point of (lo, hi) at which to read signs (finite even for unbounded pieces). */
export function interior(lo: number, hi: number): number {
  if (Number.isFinite(lo) && Number.isFinite(hi)) return 0.5 * (lo + hi);
  if (Number.isFinite(lo)) return lo + Math.max(1, Math.abs(lo));
  if (Number.isFinite(hi)) return hi - Math.max(1, Math.abs(hi));
  return 0;
}

const close = (a: number, b: number): boolean =>
  Number.isFinite(a) && Number.isFinite(b) ? Math.abs(a - b) <= ROOT_TOL * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;

/** Component: the region counter along a segment (default {@link lineRegions}). */
export type LineCounter = (net: PwlNet64, seg: Segment, options?: LineOptions) => LineRegions;

/** Exact activation regions crossed by a segment (see the file header). */
export function lineRegions(net: PwlNet64, seg: Segment, options: LineOptions = {}): LineRegions {
  validateNet64(net);
  validateSegment(net, seg);
  const N = neuronCount(net);
  // Pieces: ends[k] < ends[k+1]; on piece k the current layer's input is A_k + B_k·t (flat arrays).
  let pieces = 1;
  let width = net.inputDim;
  let ends = Float64Array.of(seg.t0, seg.t1);
  let A = Float64Array.from(seg.x0);
  let B = Float64Array.from(seg.u);
  let patterns: Uint8Array[] | undefined = options.patterns ? [new Uint8Array(N)] : undefined;
  let offset = 0;
  const layerBreakpoints = new Int32Array(net.layers.length);
  const roots: number[] = [];
  for (let li = 0; li < net.layers.length; li++) {
    const { fanIn, fanOut, weights: W, biases: b, slope } = net.layers[li];
    options.inspect?.({ layer: li, pieces, width, ends, A, B });
    // Pass 1: pre-activations z_j = a_j + c_j·t on every piece, and the cuts inside each piece.
    const a = new Float64Array(pieces * fanOut);
    const c = new Float64Array(pieces * fanOut);
    const cuts: number[] = [];
    const cutStart = new Int32Array(pieces + 1);
    for (let k = 0; k < pieces; k++) {
      const lo = ends[k];
      const hi = ends[k + 1];
      const base = k * fanIn;
      const out = k * fanOut;
      roots.length = 0;
      for (let j = 0; j < fanOut; j++) {
        let s0 = b[j];
        let s1 = 0;
        const row = j * fanIn;
        for (let i = 0; i < fanIn; i++) {
          const w = W[row + i];
          s0 += w * A[base + i];
          s1 += w * B[base + i];
        }
        a[out + j] = s0;
        c[out + j] = s1;
        if (s1 !== 0) {
          const t = -s0 / s1;
          if (t > lo && t < hi && !close(t, lo) && !close(t, hi)) roots.push(t);
        }
      }
      cutStart[k] = cuts.length;
      if (roots.length > 0) {
        roots.sort((x, y) => x - y);
        let last = NaN;
        for (const t of roots) {
          if (cuts.length === cutStart[k] || !close(t, last)) cuts.push(t);
          last = t;
        }
      }
    }
    cutStart[pieces] = cuts.length;
    layerBreakpoints[li] = cuts.length;
    // Pass 2: the sub-pieces, each with its affine h = σ(z) for the next layer.
    const nextPieces = pieces + cuts.length;
    const nextEnds = new Float64Array(nextPieces + 1);
    const nextA = new Float64Array(nextPieces * fanOut);
    const nextB = new Float64Array(nextPieces * fanOut);
    const nextPatterns: Uint8Array[] | undefined = patterns ? [] : undefined;
    let p = 0;
    nextEnds[0] = ends[0];
    for (let k = 0; k < pieces; k++) {
      const out = k * fanOut;
      let start = ends[k];
      for (let q = cutStart[k]; q <= cutStart[k + 1]; q++) {
        const end = q < cutStart[k + 1] ? cuts[q] : ends[k + 1];
        const tm = interior(start, end);
        const dst = p * fanOut;
        const pat = patterns ? Uint8Array.from(patterns[k]) : undefined;
        for (let j = 0; j < fanOut; j++) {
          const aj = a[out + j];
          const cj = c[out + j];
          const active = aj + cj * tm > 0;
          const g = active ? 1 : slope;
          nextA[dst + j] = g * aj;
          nextB[dst + j] = g * cj;
          if (pat) pat[offset + j] = active ? 1 : 0;
        }
        if (pat && nextPatterns) nextPatterns.push(pat);
        nextEnds[++p] = end;
        start = end;
      }
    }
    pieces = nextPieces;
    width = fanOut;
    ends = nextEnds;
    A = nextA;
    B = nextB;
    patterns = nextPatterns;
    offset += fanOut;
  }
  const breakpoints = ends.slice(1, pieces);
  return { breakpoints, regions: pieces, layerBreakpoints, ...(patterns ? { patterns } : {}) };
}

/**
 * Distance from t = tc to the nearest breakpoint on either side (∞ if none), e.g. the distance
 * from a point to the nearest region boundary along a direction (segment centred at tc).
 */
export function nearestBreakpointDistance(breakpoints: Float64Array, tc: number): number {
  let d = Infinity;
  for (const t of breakpoints) d = Math.min(d, Math.abs(t - tc));
  return d;
}
