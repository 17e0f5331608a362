/**
 * Spherical length of a layer's (augmented) input curve along a segment: the angle swept by
 * ĥ(t)/‖ĥ(t)‖ with ĥ(t) = (h(t), c), h the layer's input (piecewise affine in t, from
 * line-regions.ts) and c > 0 a constant extra coordinate (c = s_b/s_w for Gaussian biases and
 * weights: z = w·h + b = s_w·(g·ĥ) with g standard Gaussian).
 *
 * On a piece where ĥ(t) = P + Q·t is a straight line not through the origin (guaranteed by c > 0),
 * the normalised curve runs monotonically along a great-circle arc, so its length is the angle
 * between the end vectors (for an infinite end, the limit direction ±(Q, 0)). Angles use the stable
 * form 2·atan2(‖p̂ − q̂‖, ‖p̂ + q̂‖).
 */
import type { LayerInput } from './line-regions';

function angleBetween(p: Float64Array, q: Float64Array): number {
  let np = 0;
  let nq = 0;
  for (let i = 0; i < p.length; i++) {
    np += p[i] * p[i];
    nq += q[i] * q[i];
  }
  np = Math.sqrt(np);
  nq = Math.sqrt(nq);
  if (np === 0 || nq === 0) return 0;
  let d = 0;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / np;
    const b = q[i] / nq;
    d += (a - b) ** 2;
    s += (a + b) ** 2;
  }
  return 2 * Math.atan2(Math.sqrt(d), Math.sqrt(s));
}

function pointAt(A: Float64Array, B: Float64Array, base: number, n: number, t: number, c: number): Float64Array {
  const v = new Float64Array(n + 1);
  if (Number.isFinite(t)) {
    for (let i = 0; i < n; i++) v[i] = A[base + i] + B[base + i] * t;
    v[n] = c;
  } else {
    const sgn = t > 0 ? 1 : -1;
    for (let i = 0; i < n; i++) v[i] = sgn * B[base + i];
    v[n] = 0;
  }
  return v;
}

/** Angle swept by (h(t), c)/‖(h(t), c)‖ over all pieces of `input`; c must be > 0. */
export function sphericalLength(input: LayerInput, c: number): number {
  if (!(c > 0 && Number.isFinite(c))) throw new Error(`c (the bias-to-weight std ratio s_b/s_w) must be a finite number > 0; got ${c}`);
  let total = 0;
  const { A, B, ends, width } = input;
  for (let k = 0; k < input.pieces; k++) {
    const base = k * width;
    total += angleBetween(pointAt(A, B, base, width, ends[k], c), pointAt(A, B, base, width, ends[k + 1], c));
  }
  return total;
}
