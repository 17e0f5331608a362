/**
 * A network's fingerprint: a 53-bit hash of some of its sampled parameters (by convention its first
 * layer's weights, and biases where it has them), returned as an exactly representable float64
 * integer in [0, 2^53). Two networks with the same parameters have the same fingerprint; two networks
 * with different parameters collide only by a hash collision. The harness compares an ensemble's
 * fingerprints to find networks that share their parameters (properties/harness/independence.ts).
 *
 * Construction: every value's float64 bit pattern (two uint32 words) is absorbed into two 32-bit lanes
 * with murmur3's multiply–rotate step and the lanes are finalized with murmur3's fmix32 (Appleby,
 * MurmurHash3, public domain; `mix32` in seed.ts); the result is lane A's 32 bits above lane B's top
 * 21. The hash is not keyed: its collision rate on distinct inputs is the random-function model's
 * 2^−53 per pair, which is what the independence check reports.
 */
import { mix32 } from './seed';

// Captured once: jest's sandbox makes every Math.x lookup slow in hot loops (see stream.ts).
const { imul } = Math;
const F64 = new Float64Array(1);
const WORDS = new Uint32Array(F64.buffer);
const C1 = 0xcc9e2d51; // murmur3 x86_32 constants
const C2 = 0x1b873593;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** One murmur3 block step: absorb word k into lane h. */
function absorb(h: number, k: number): number {
  let x = imul(k, C1);
  x = imul(rotl(x, 15), C2);
  const y = rotl(h ^ x, 13);
  return (imul(y, 5) + 0xe6546b64) | 0;
}

/** The number of fingerprint bits: fingerprints are integers in [0, 2^FINGERPRINT_BITS). */
export const FINGERPRINT_BITS = 53;

/** Fingerprint of `values[offset … offset + length)` (any finite or non-finite numbers; float32 values hash as their float64 widening). */
export function fingerprint(values: ArrayLike<number>, offset = 0, length = values.length - offset): number {
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(length) || length < 1 || offset + length > values.length) {
    throw new Error(`fingerprint: need 0 ≤ offset and 1 ≤ length with offset + length ≤ values.length = ${values.length}; got offset ${offset}, length ${length}`);
  }
  let a = 0x9e3779b9 | 0;
  let b = 0x85ebca6b | 0;
  for (let k = offset; k < offset + length; k++) {
    F64[0] = values[k];
    a = absorb(absorb(a, WORDS[0]), WORDS[1]);
    b = absorb(absorb(b, WORDS[1]), WORDS[0]);
  }
  const hi = mix32((a ^ length) >>> 0);
  const lo = mix32((b ^ hi ^ length) >>> 0);
  return hi * 2 ** 21 + (lo >>> 11);
}

/** Fingerprint of several parameter arrays (e.g. a layer's weights then its biases), as one sequence. */
export function fingerprintOf(...arrays: ArrayLike<number>[]): number {
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const all = new Float64Array(total);
  let o = 0;
  for (const a of arrays) {
    for (let k = 0; k < a.length; k++) all[o + k] = a[k];
    o += a.length;
  }
  return fingerprint(all);
}

/** A network's conventional fingerprint: its first layer's weights, then its biases (any network whose layers hold both). */
export function firstLayerFingerprint(net: { layers: readonly { weights: ArrayLike<number>; biases: ArrayLike<number> }[] }): number {
  if (net.layers.length < 1) throw new Error('firstLayerFingerprint: the network must have at least one layer; got none');
  return fingerprintOf(net.layers[0].weights, net.layers[0].biases);
}
