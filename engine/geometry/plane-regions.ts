/**
 * Exact activation regions in a 2-D slice of input space, in float64 (Hanin & Rolnick 2019 count
 * the activation regions of a ReLU net in 2-D cross-sections of input space).
 *
 * Slice: x(s, t) = origin + s·u + t·v, (s, t) in a convex polygon `domain` (default the unit
 * square [0, 1]²). Every pre-activation is piecewise affine in (s, t).
 *
 * Algorithm (depth-first over layers, so memory is O(depth × pieces of one parent), not O(count)):
 * a region of layer l − 1 is a convex polygon P carrying the affine map of its layer output
 * h_{l−1}(s, t) = A·s + B·t + C (fanIn vectors). Layer l's pre-activations on P are affine,
 * z_j = a_j·s + b_j·t + c_j with (a, b, c) = W·(A, B, C) + (0, 0, bias), computed once per P. P is
 * split sequentially by every neuron's zero line z_j = 0 (clip of a convex polygon by a half-plane,
 * Sutherland–Hodgman style, applied to every current piece), which leaves convex pieces each lying on
 * one side of every line; a piece gets bit j = 1 on the side z_j > 0 and the new map
 * h_l = g ⊙ z with g_j = 1 (active) or the layer's negative slope (inactive), and is recursed into the
 * next layer. Pieces of different parents are never merged: an activation region is defined by the
 * full pattern.
 *
 * Why pieces = regions: on the set where the pattern is A every pre-activation is affine in x, so
 * the activation region R(A) is an intersection of half-spaces — convex — and meets the (convex)
 * domain in one convex polygon. Two final pieces differ in at least one bit (the line that
 * separated them, or an earlier layer's bit), so `count` = the number of activation patterns whose
 * region has positive area in the slice (lower-dimensional sets, e.g. points with some z = 0, are
 * not regions). Convention as in net64.ts: active iff z > 0.
 *
 * Tolerance rules (stated, not tuned; see the constants below):
 * 1. Vertex classification. A vertex v of a piece is *on* line j when
 *      |z_j(v)| ≤ tol_j = VERTEX_TOL·D·‖(a_j, b_j)‖ + ROUND_TOL·(|a_j|·S + |b_j|·T + |c_j|),
 *    D the domain's diameter and S, T the largest |s|, |t| over the domain (all in (s, t) units).
 *    The first term says "v is within VERTEX_TOL·D of the line" — scale-aware: invariant to scaling
 *    z_j by any factor, hence to the positive homogeneity of ReLU layers — and the second covers the
 *    rounding of z_j(v) itself. A piece is split only if it has a vertex strictly above (+tol) and
 *    one strictly below (−tol) the line; on-line vertices go to both halves, and new vertices are
 *    made only on edges joining a strict + and a strict − vertex. So a line through a vertex, or
 *    along an edge, creates no sliver: a piece whose vertices are all ≥ −tol (all ≤ tol) lies wholly
 *    on one side. When every vertex is on the line (a piece thinner than the tolerance, or
 *    z_j ≡ 0 as for a dead neuron with zero bias) the bit is the sign of z_j at the vertex mean,
 *    z > 0 ↦ active, as the pointwise convention says.
 *    Cost of the rule: a genuine line passing within VERTEX_TOL·D (1e-12 of the domain's diameter,
 *    ~10⁴ ulps of unit-scale coordinates) of a vertex is moved onto it, which loses a region only if
 *    that region is thinner than this: the counter resolves features down to ~1e-12·D. Exact
 *    degeneracies (lines through one point, as with zero biases; duplicated neurons; a line along a
 *    domain edge) are resolved as long as float64 places the shared point within that distance.
 * 2. Area floor. After a layer's splits, pieces of area < AREA_TOL × (domain area) are dropped with
 *    their descendants: AREA_TOL = 1e-24 = VERTEX_TOL², i.e. pieces smaller than a square of side
 *    ~VERTEX_TOL·D, below the resolution of rule 1. It is a backstop against rounding junk (by rule 1
 *    every half of a split has a vertex farther than tol from the cut, so zero-area slivers do not
 *    arise); dropped pieces are reported (`droppedPieces`, `droppedArea`) so that a caller can check
 *    that the floor never acted. Areas are computed relative to a vertex of the piece (fan of
 *    triangles), so they are accurate for pieces far smaller than their distance to (s, t) = 0.
 *
 * Measured (bench): depth 3, width 64, He weights, bias std 0.1, square [−½, ½]²: ~1.3·10⁴ regions
 * in ~0.2 s on one core; no piece was dropped and no vertex snapped for Gaussian biases of std
 * 0.1 or 1e-3 (a few snaps at std 1e-6, where features reach 1e-12 of the domain).
 */
import { neuronCount, validateNet64, type PwlNet64 } from './net64';

// Captured once: inside jest's sandbox every `Math.x` lookup in a hot loop is slow.
const { abs, sqrt, max } = Math;

/** Rule 1: on-line distance, as a fraction of the domain's diameter. */
export const VERTEX_TOL = 1e-12;
/** Rule 1: relative rounding allowance of z(v) = a·s + b·t + c (64 ulps). */
export const ROUND_TOL = 64 * 2 ** -52;
/** Rule 2: pieces below this fraction of the domain's area are dropped (= VERTEX_TOL²). */
export const AREA_TOL = 1e-24;

/** The unit square [0, 1]² as a counter-clockwise (s, t) polygon. */
export const UNIT_SQUARE: Readonly<Float64Array> = Float64Array.of(0, 0, 1, 0, 1, 1, 0, 1);

/**
 * A 2-D slice of input space: the points x(s, t) = origin + s·u + t·v for (s, t) in the convex
 * polygon `domain` (flat (s, t) pairs, either orientation; default the unit square [0, 1]²).
 */
export interface PlaneSlice {
  origin: ArrayLike<number>;
  u: ArrayLike<number>;
  v: ArrayLike<number>;
  domain?: ArrayLike<number>;
}

/**
 * The axis-aligned square [c₀ − h, c₀ + h] × [c₁ − h, c₁ + h] of a 2-D input space: origin at its
 * lower-left corner, u = (2h, 0), v = (0, 2h), domain the unit square (so areas are (2h)²·(s,t)-area).
 */
export function squareSlice(center: ArrayLike<number>, halfSide: number): PlaneSlice {
  if (center.length !== 2) throw new Error(`squareSlice: center must have 2 coordinates (input dimension 2); got ${center.length}`);
  if (!Number.isFinite(center[0]) || !Number.isFinite(center[1])) throw new Error('squareSlice: center must be finite');
  if (!(halfSide > 0 && Number.isFinite(halfSide))) throw new Error(`squareSlice: halfSide must be finite and > 0; got ${halfSide}`);
  return {
    origin: Float64Array.of(center[0] - halfSide, center[1] - halfSide),
    u: Float64Array.of(2 * halfSide, 0),
    v: Float64Array.of(0, 2 * halfSide),
  };
}

/**
 * The plane through three input points: origin a, u = b − a, v = c − a. `shape` 'triangle'
 * (default) is the triangle abc itself, (s, t) ∈ {s, t ≥ 0, s + t ≤ 1}; 'parallelogram' is
 * a + [0, 1]·u + [0, 1]·v (the triangle abc and its reflection through the midpoint of bc).
 */
export function planeThroughPoints(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  c: ArrayLike<number>,
  shape: 'triangle' | 'parallelogram' = 'triangle',
): PlaneSlice {
  if (b.length !== a.length || c.length !== a.length) {
    throw new Error(`planeThroughPoints: a, b, c must have the same dimension; got ${a.length}, ${b.length}, ${c.length}`);
  }
  const n = a.length;
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    u[i] = b[i] - a[i];
    v[i] = c[i] - a[i];
  }
  if (shape !== 'triangle' && shape !== 'parallelogram') throw new Error(`planeThroughPoints: shape must be 'triangle' or 'parallelogram'; got ${String(shape)}`);
  const domain = shape === 'triangle' ? Float64Array.of(0, 0, 1, 0, 0, 1) : UNIT_SQUARE.slice();
  return { origin: Float64Array.from(a), u, v, domain };
}

/** The input point x(s, t) = origin + s·u + t·v of a slice (written into `out` when given). */
export function slicePoint(slice: PlaneSlice, s: number, t: number, out?: Float64Array): Float64Array {
  const n = slice.origin.length;
  const x = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = slice.origin[i] + s * slice.u[i] + t * slice.v[i];
  return x;
}

/** Signed area of a polygon given as flat (s, t) pairs (> 0 for counter-clockwise). */
export function polygonArea(xy: ArrayLike<number>): number {
  const n = xy.length >> 1;
  // Fan of triangles from the first vertex: accurate for small polygons far from (0, 0).
  const s0 = xy[0];
  const t0 = xy[1];
  let a2 = 0;
  for (let i = 1; i + 1 < n; i++) a2 += (xy[2 * i] - s0) * (xy[2 * i + 3] - t0) - (xy[2 * i + 2] - s0) * (xy[2 * i + 1] - t0);
  return 0.5 * a2;
}

/** Area centroid of a non-degenerate polygon given as flat (s, t) pairs. */
export function polygonCentroid(xy: ArrayLike<number>): [number, number] {
  const n = xy.length >> 1;
  // Relative to the first vertex, for accuracy on small polygons far from the (s, t) origin.
  const s0 = xy[0];
  const t0 = xy[1];
  let a2 = 0;
  let cs = 0;
  let ct = 0;
  for (let i = 1; i + 1 < n; i++) {
    const s1 = xy[2 * i] - s0;
    const t1 = xy[2 * i + 1] - t0;
    const s2 = xy[2 * i + 2] - s0;
    const t2 = xy[2 * i + 3] - t0;
    const cross = s1 * t2 - s2 * t1;
    a2 += cross;
    cs += cross * (s1 + s2);
    ct += cross * (t1 + t2);
  }
  return [s0 + cs / (3 * a2), t0 + ct / (3 * a2)];
}

export interface PlaneRegion {
  /** The region's polygon in slice coordinates: flat (s, t) pairs, convex, counter-clockwise. */
  vertices: Float64Array;
  /** Activation pattern: one 0/1 per neuron, layer by layer (net64.ts order). */
  pattern: Uint8Array;
  /** Area in input-space units ((s, t)-area × `areaScale`). */
  area: number;
}

export interface PlaneRegionsOptions {
  /** Keep every region's polygon and pattern (memory: count × (#neurons + ~80) bytes); default false. */
  keepRegions?: boolean;
}

export interface PlaneRegions {
  /** Number of activation regions with positive area in the slice. */
  count: number;
  /** Sum of the regions' areas, input-space units (equals `domainArea` up to rounding and dropped pieces). */
  totalArea: number;
  /** Area of the slice's domain in input-space units. */
  domainArea: number;
  /** sqrt(det Gram(u, v)): input-space area per unit (s, t)-area. */
  areaScale: number;
  /** layerCounts[l] = regions of the net truncated after layer l (the last entry is `count`). */
  layerCounts: Int32Array;
  /** Vertex–line evaluations decided by tolerance rule 1 (|z| ≤ tol); 0 for generic nets. */
  snappedVertices: number;
  /** Pieces dropped by the area floor (rule 2), at any layer, and their total input-space area. */
  droppedPieces: number;
  droppedArea: number;
  /** The regions, when `keepRegions` was set. */
  regions?: PlaneRegion[];
}

interface ResolvedSlice {
  origin: Float64Array;
  u: Float64Array;
  v: Float64Array;
  /** Counter-clockwise (s, t) polygon. */
  domain: Float64Array;
  areaScale: number;
  /** (s, t)-area of the domain. */
  stArea: number;
  diameter: number;
  sMax: number;
  tMax: number;
}

function resolveSlice(net: PwlNet64, slice: PlaneSlice): ResolvedSlice {
  const n = net.inputDim;
  if (n < 2) throw new Error(`planeRegions needs a net with input dimension ≥ 2 (a 2-D slice); got net.inputDim = ${n}`);
  const vec = (name: 'origin' | 'u' | 'v'): Float64Array => {
    const x = slice[name];
    if (!x || typeof x.length !== 'number') throw new Error(`slice.${name} must be an array of numbers`);
    if (x.length !== n) throw new Error(`slice.${name} must have the net's input dimension ${n}; got ${x.length}`);
    const out = Float64Array.from(x);
    for (let i = 0; i < n; i++) if (!Number.isFinite(out[i])) throw new Error(`slice.${name}[${i}] must be finite; got ${x[i]}`);
    return out;
  };
  const origin = vec('origin');
  const u = vec('u');
  const v = vec('v');
  let uu = 0;
  let vv = 0;
  let uv = 0;
  for (let i = 0; i < n; i++) {
    uu += u[i] * u[i];
    vv += v[i] * v[i];
    uv += u[i] * v[i];
  }
  if (!(uu > 0) || !(vv > 0)) throw new Error('slice.u and slice.v must be non-zero');
  if (!Number.isFinite(uu * vv)) throw new Error('slice.u and slice.v are too large (|u|²·|v|² overflows)');
  const gram = uu * vv - uv * uv;
  // Gram determinant = |u|²|v|² sin²(angle): require sin(angle) > 1e-6.
  if (!(gram > 1e-12 * uu * vv)) throw new Error(`slice.u and slice.v must be linearly independent (sin of their angle > 1e-6); got sin² = ${gram / (uu * vv)}`);

  const d = slice.domain ?? UNIT_SQUARE;
  if (typeof d.length !== 'number' || d.length % 2 !== 0 || d.length < 6) {
    throw new Error(`slice.domain must be a flat list of ≥ 3 (s, t) pairs; got length ${d.length}`);
  }
  const m = d.length / 2;
  const domain = Float64Array.from(d);
  for (let i = 0; i < domain.length; i++) if (!Number.isFinite(domain[i])) throw new Error(`slice.domain[${i}] must be finite; got ${d[i]}`);
  let stArea = polygonArea(domain);
  if (stArea < 0) {
    // Clockwise: reverse the vertex order.
    for (let i = 0; i < m >> 1; i++) {
      const k = m - 1 - i;
      const s = domain[2 * i];
      const t = domain[2 * i + 1];
      domain[2 * i] = domain[2 * k];
      domain[2 * i + 1] = domain[2 * k + 1];
      domain[2 * k] = s;
      domain[2 * k + 1] = t;
    }
    stArea = -stArea;
  }
  let diameter = 0;
  let sMax = 0;
  let tMax = 0;
  for (let i = 0; i < m; i++) {
    sMax = max(sMax, abs(domain[2 * i]));
    tMax = max(tMax, abs(domain[2 * i + 1]));
    for (let k = i + 1; k < m; k++) diameter = max(diameter, Math.hypot(domain[2 * i] - domain[2 * k], domain[2 * i + 1] - domain[2 * k + 1]));
  }
  if (!(stArea > 1e-12 * diameter * diameter)) throw new Error(`slice.domain must have positive area; got ${stArea} for diameter ${diameter}`);
  for (let i = 0; i < m; i++) {
    const p = (i + m - 1) % m;
    const q = (i + 1) % m;
    const e1s = domain[2 * i] - domain[2 * p];
    const e1t = domain[2 * i + 1] - domain[2 * p + 1];
    const e2s = domain[2 * q] - domain[2 * i];
    const e2t = domain[2 * q + 1] - domain[2 * i + 1];
    const l1 = Math.hypot(e1s, e1t);
    const l2 = Math.hypot(e2s, e2t);
    if (!(l1 > 1e-12 * diameter)) throw new Error(`slice.domain must have distinct consecutive vertices; vertices ${p} and ${i} coincide`);
    if (e1s * e2t - e1t * e2s < -1e-12 * l1 * l2) throw new Error(`slice.domain must be a convex polygon; it turns the wrong way at vertex ${i}`);
  }
  return { origin, u, v, domain, areaScale: sqrt(gram), stArea, diameter, sMax, tMax };
}

/**
 * Per-layer workspace: the parent's pre-activation coefficients, the pieces of the current parent
 * (vertex pool + per-piece start/length/bits) and the map handed to the next layer.
 */
class Level {
  readonly za: Float64Array;
  readonly zb: Float64Array;
  readonly zc: Float64Array;
  readonly tol: Float64Array;
  /** Next layer's input map h = hA·s + hB·t + hC, nonzero entries listed in idx[0 … nIdx). */
  readonly hA: Float64Array;
  readonly hB: Float64Array;
  readonly hC: Float64Array;
  readonly idx: Int32Array;
  nIdx = 0;
  xy = new Float64Array(256);
  nVerts = 0;
  vStart = new Int32Array(64);
  vLen = new Int32Array(64);
  bits: Uint8Array;
  nPieces = 0;

  constructor(readonly width: number) {
    this.za = new Float64Array(width);
    this.zb = new Float64Array(width);
    this.zc = new Float64Array(width);
    this.tol = new Float64Array(width);
    this.hA = new Float64Array(width);
    this.hB = new Float64Array(width);
    this.hC = new Float64Array(width);
    this.idx = new Int32Array(width);
    this.bits = new Uint8Array(64 * width);
  }

  ensureVerts(extra: number): void {
    const need = 2 * (this.nVerts + extra);
    if (need <= this.xy.length) return;
    const next = new Float64Array(max(need, 2 * this.xy.length));
    next.set(this.xy.subarray(0, 2 * this.nVerts));
    this.xy = next;
  }

  /** Appends an empty piece (bits copied from piece `from`, when ≥ 0) and returns its index. */
  addPiece(from: number): number {
    const k = this.nPieces;
    if (k === this.vStart.length) {
      const cap = 2 * k;
      const vs = new Int32Array(cap);
      vs.set(this.vStart);
      this.vStart = vs;
      const vl = new Int32Array(cap);
      vl.set(this.vLen);
      this.vLen = vl;
      const bt = new Uint8Array(cap * this.width);
      bt.set(this.bits);
      this.bits = bt;
    }
    const w = this.width;
    if (from >= 0) this.bits.copyWithin(k * w, from * w, (from + 1) * w);
    this.nPieces = k + 1;
    return k;
  }
}

/** Scratch for one piece's vertex values (grown on demand). */
let zScratch = new Float64Array(64);

/**
 * Exact activation regions of `net` in the 2-D slice (see the file header for the algorithm and
 * the tolerance rules). Areas are in input-space units.
 */
/** A region counter in a 2-D slice (the engine component `countPlane`). */
export type PlaneCounter = (net: PwlNet64, slice: PlaneSlice, options?: PlaneRegionsOptions) => PlaneRegions;

export function planeRegions(net: PwlNet64, slice: PlaneSlice, options: PlaneRegionsOptions = {}): PlaneRegions {
  validateNet64(net);
  const sl = resolveSlice(net, slice);
  const L = net.layers.length;
  const levels = net.layers.map((l) => new Level(l.fanOut));
  const layerCounts = new Int32Array(L);
  const areaMin = AREA_TOL * sl.stArea;
  const current = new Int32Array(L); // the piece being recursed into, per level
  const keep = options.keepRegions === true;
  const regions: PlaneRegion[] | undefined = keep ? [] : undefined;
  const N = neuronCount(net);
  let count = 0;
  let stTotal = 0;
  let snapped = 0;
  let dropped = 0;
  let stDropped = 0;

  // Input map of layer 0: x(s, t) = origin + s·u + t·v.
  const inIdx = new Int32Array(net.inputDim).map((_, i) => i);

  const run = (l: number, pxy: Float64Array, pStart: number, pLen: number, A: Float64Array, B: Float64Array, C: Float64Array, idx: Int32Array, nIdx: number): void => {
    const layer = net.layers[l];
    const { fanIn, fanOut, weights: W, biases: bias, slope } = layer;
    const lv = levels[l];
    const { za, zb, zc, tol } = lv;
    const { diameter: D, sMax, tMax } = sl;
    for (let j = 0; j < fanOut; j++) {
      let sa = 0;
      let sb = 0;
      let sc = bias[j];
      const row = j * fanIn;
      for (let q = 0; q < nIdx; q++) {
        const i = idx[q];
        const w = W[row + i];
        sa += w * A[i];
        sb += w * B[i];
        sc += w * C[i];
      }
      za[j] = sa;
      zb[j] = sb;
      zc[j] = sc;
      tol[j] = VERTEX_TOL * D * sqrt(sa * sa + sb * sb) + ROUND_TOL * (abs(sa) * sMax + abs(sb) * tMax + abs(sc));
    }

    // Start from the parent polygon.
    lv.nPieces = 0;
    lv.nVerts = 0;
    lv.ensureVerts(pLen);
    lv.xy.set(pxy.subarray(2 * pStart, 2 * (pStart + pLen)), 0);
    lv.nVerts = pLen;
    const k0 = lv.addPiece(-1);
    lv.vStart[k0] = 0;
    lv.vLen[k0] = pLen;

    for (let j = 0; j < fanOut; j++) {
      const a = za[j];
      const b = zb[j];
      const c = zc[j];
      const tj = tol[j];
      const K = lv.nPieces;
      for (let k = 0; k < K; k++) {
        const s0 = lv.vStart[k];
        const n = lv.vLen[k];
        if (zScratch.length < n) zScratch = new Float64Array(2 * n);
        const zv = zScratch;
        let xy = lv.xy;
        let hasPos = false;
        let hasNeg = false;
        for (let i = 0; i < n; i++) {
          const p = 2 * (s0 + i);
          const z = a * xy[p] + b * xy[p + 1] + c;
          zv[i] = z;
          if (z > tj) hasPos = true;
          else if (z < -tj) hasNeg = true;
          else snapped++;
        }
        const w = lv.width;
        if (!(hasPos && hasNeg)) {
          let active = hasPos;
          if (!hasPos && !hasNeg) {
            // Every vertex on the line: the sign at the vertex mean decides (z > 0 ↦ active).
            let zm = 0;
            for (let i = 0; i < n; i++) zm += zv[i];
            active = zm / n > 0;
          }
          lv.bits[k * w + j] = active ? 1 : 0;
          continue;
        }
        // Split: positive half (vertices ≥ −tol plus crossings), then negative half (≤ tol plus crossings).
        lv.ensureVerts(2 * n + 4);
        xy = lv.xy;
        const posStart = lv.nVerts;
        let o = 2 * posStart;
        for (let pass = 0; pass < 2; pass++) {
          const sign = pass === 0 ? 1 : -1;
          for (let i = 0; i < n; i++) {
            const zi = zv[i];
            const p = 2 * (s0 + i);
            if (sign * zi >= -tj) {
              xy[o++] = xy[p];
              xy[o++] = xy[p + 1];
            }
            const i1 = i + 1 === n ? 0 : i + 1;
            const zn = zv[i1];
            if ((zi > tj && zn < -tj) || (zi < -tj && zn > tj)) {
              const r = zi / (zi - zn);
              const q = 2 * (s0 + i1);
              xy[o++] = xy[p] + r * (xy[q] - xy[p]);
              xy[o++] = xy[p + 1] + r * (xy[q + 1] - xy[p + 1]);
            }
          }
          if (pass === 0) {
            lv.vStart[k] = posStart;
            lv.vLen[k] = (o >> 1) - posStart;
            lv.nVerts = o >> 1;
          }
        }
        const kn = lv.addPiece(k);
        lv.vStart[kn] = lv.nVerts;
        lv.vLen[kn] = (o >> 1) - lv.nVerts;
        lv.nVerts = o >> 1;
        lv.bits[k * w + j] = 1;
        lv.bits[kn * w + j] = 0;
      }
    }

    const last = l === L - 1;
    const w = lv.width;
    for (let k = 0; k < lv.nPieces; k++) {
      const s0 = lv.vStart[k];
      const n = lv.vLen[k];
      const xy = lv.xy;
      // Shoelace relative to the first vertex (fan of triangles): accurate for tiny pieces.
      const p0 = 2 * s0;
      const sRef = xy[p0];
      const tRef = xy[p0 + 1];
      let a2 = 0;
      for (let i = 2, pe = p0 + 2 * n; p0 + i + 2 < pe; i += 2) {
        a2 += (xy[p0 + i] - sRef) * (xy[p0 + i + 3] - tRef) - (xy[p0 + i + 2] - sRef) * (xy[p0 + i + 1] - tRef);
      }
      const area = 0.5 * a2;
      if (!(area >= areaMin)) {
        dropped++;
        stDropped += max(area, 0);
        continue;
      }
      layerCounts[l]++;
      current[l] = k;
      if (last) {
        count++;
        stTotal += area;
        if (regions) {
          const pattern = new Uint8Array(N);
          let off = 0;
          for (let q = 0; q < L; q++) {
            const wq = levels[q].width;
            pattern.set(levels[q].bits.subarray(current[q] * wq, (current[q] + 1) * wq), off);
            off += wq;
          }
          regions.push({ vertices: xy.slice(2 * s0, 2 * (s0 + n)), pattern, area: area * sl.areaScale });
        }
        continue;
      }
      // The next layer's input map on this piece: h = g ⊙ z, g = 1 (active) or slope.
      const { hA, hB, hC, idx: nIdxArr } = lv;
      let m = 0;
      for (let j = 0; j < w; j++) {
        const g = lv.bits[k * w + j] === 1 ? 1 : slope;
        if (g === 0) continue;
        hA[j] = g * za[j];
        hB[j] = g * zb[j];
        hC[j] = g * zc[j];
        nIdxArr[m++] = j;
      }
      run(l + 1, lv.xy, s0, n, hA, hB, hC, nIdxArr, m);
    }
  };

  run(0, sl.domain, 0, sl.domain.length >> 1, sl.u, sl.v, sl.origin, inIdx, net.inputDim);

  const result: PlaneRegions = {
    count,
    totalArea: stTotal * sl.areaScale,
    domainArea: sl.stArea * sl.areaScale,
    areaScale: sl.areaScale,
    layerCounts,
    snappedVertices: snapped,
    droppedPieces: dropped,
    droppedArea: stDropped * sl.areaScale,
  };
  if (regions) result.regions = regions;
  return result;
}
