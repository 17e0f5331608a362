/**
 * A seeded random stream: pure-rand's xoroshiro128+ generator plus fast bulk samplers.
 *
 * The 128-bit state is expanded from a uint32 seed with splitmix32, so nearby seeds give unrelated
 * streams. Scalar draws and bulk fills run pure-rand's xoroshiro128+ step inlined (stream.test.ts
 * pins both to pure-rand's sequence): a generator object or a method call per draw costs about as
 * much as the ziggurat itself. The normal sampler's fast loop has an optional native twin
 * (engine/native/normal-fill.cc, installed by initEngine) that draws exactly the same values.
 *
 * Normal variates: Marsaglia & Tsang's ziggurat (J. Stat. Softw. 5(8), 2000) with 128 layers; the
 * layer index comes from the top 7 bits of a draw and the value from the low 25 bits, so they do not
 * share bits (the defect of the original RNOR noted by Doornik, 2005).
 */

// Captured once: inside jest's sandbox every `Math.x` lookup in a hot loop costs ~200 ns.
const { abs, exp, log, sqrt, floor } = Math;

const TWO_POW_M32 = 2.3283064365386963e-10; // 2^-32
const TWO_POW_M53 = 1.1102230246251565e-16; // 2^-53

/** splitmix32 (Steele, Lea & Flood 2014, 32-bit variant): expands a seed into state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

// Ziggurat tables (Marsaglia & Tsang 2000, RNOR with 128 layers, 25-bit signed values).
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_M = 2 ** 24;
const KN = new Int32Array(128);
const WN = new Float64Array(128);
const FN = new Float64Array(128);
(function buildZigguratTables(): void {
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / exp(-0.5 * dn * dn);
  KN[0] = floor((dn / q) * ZIG_M);
  KN[1] = 0;
  WN[0] = q / ZIG_M;
  WN[127] = dn / ZIG_M;
  FN[0] = 1;
  FN[127] = exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = sqrt(-2 * log(ZIG_V / dn + exp(-0.5 * dn * dn)));
    KN[i + 1] = floor((dn / tn) * ZIG_M);
    tn = dn;
    FN[i] = exp(-0.5 * dn * dn);
    WN[i] = dn / ZIG_M;
  }
})();

type Writable = Float32Array | Float64Array;

/** The ziggurat's fast-path tables, for a native implementation of the same loop (engine/native). */
export const ZIGGURAT_TABLES: { readonly KN: Int32Array; readonly WN: Float64Array } = { KN, WN };

/**
 * A native implementation of the normal sampler's fast loop (engine/native/normal-fill.cc), exactly
 * the JavaScript loop's arithmetic:
 * - `fillNormalFast(state, out, offset, length, std, slowIndex, slowDraw)`: from `state` (the
 *   stream's 4 state words, then slot 4 = slow draws recorded so far), fills out[offset .. offset+length) as
 *   {@link RandomStream.fillNormal}'s first pass does, records the draws that miss the fast path into
 *   slowIndex/slowDraw, updates the state and returns the index reached (less than offset + length
 *   when the two arrays are full);
 * - `fillNormalEach(states, out, offset, per, std, slowIndex, slowDraw, first)`: the same for many
 *   streams (5 words each), stream e filling `per` values at offset + e·per; slot 4 of stream e gets
 *   the running count of slow draws; returns the number of streams done (stops when fewer than `per`
 *   slots are left).
 */
export interface NativeNormalSampler {
  fillNormalFast(state: Int32Array, out: Writable, offset: number, length: number, std: number, slowIndex: Int32Array, slowDraw: Int32Array): number;
  fillNormalEach(states: Int32Array, out: Writable, offset: number, per: number, std: number, slowIndex: Int32Array, slowDraw: Int32Array, first: number): number;
}

let nativeSampler: NativeNormalSampler | undefined;

/** The state handed to the native fast loop of one stream (4 words, then its slow-draw count). */
const nativeState = new Int32Array(5);

/**
 * The draws of the current fill that missed the fast path (index, first draw), shared by every stream:
 * fills never nest, and per-stream buffers made constructing an ensemble's 200k streams cost more
 * than sampling them (garbage collection). Grows, never shrinks.
 */
const slow = { index: new Int32Array(256), draw: new Int32Array(256) };

function growSlow(): void {
  const index = new Int32Array(slow.index.length * 2);
  const draw = new Int32Array(slow.draw.length * 2);
  index.set(slow.index);
  draw.set(slow.draw);
  slow.index = index;
  slow.draw = draw;
}

/**
 * Below this many values a fill stays in JavaScript: a native call's fixed cost (≈ 0.2–0.4 µs)
 * exceeds what it saves (measured: `npm run bench`, section 1).
 */
export const NATIVE_FILL_MIN_LENGTH = 32;

/** Installs (or, with undefined, removes) the native fast loop; the values drawn are the same either way. */
export function setNativeNormalSampler(sampler: NativeNormalSampler | undefined): void {
  nativeSampler = sampler;
}

let generation = 0;

export class RandomStream {
  // xoroshiro128+ state in pure-rand's layout [s01, s00, s11, s10] (32-bit words). Plain fields: an
  // Int32Array per stream made constructing an ensemble's 200k streams cost as much as sampling them.
  private s01 = 0;
  private s00 = 0;
  private s11 = 0;
  private s10 = 0;

  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new Error(`RandomStream seed must be an integer in [0, 4294967295]; got ${seed}`);
    }
    const sm = { s: seed | 0 };
    this.s01 = splitmix32(sm) | 0;
    this.s00 = splitmix32(sm) | 0;
    this.s11 = splitmix32(sm) | 0;
    this.s10 = splitmix32(sm) | 0;
    if ((this.s01 | this.s00 | this.s11 | this.s10) === 0) this.s00 = 1; // all-zero state is absorbing
  }

  /** The state as pure-rand expects it (`xoroshiro128plusFromState`). */
  state(): [number, number, number, number] {
    return [this.s01, this.s00, this.s11, this.s10];
  }

  /**
   * One signed 32-bit draw: pure-rand's XoroShiro128Plus.next, inlined (a generator object per draw
   * costs ~10× the step; stream.test.ts pins the sequence to pure-rand's).
   */
  nextInt32(): number {
    const s01 = this.s01;
    const s00 = this.s00;
    const s11 = this.s11;
    const s10 = this.s10;
    const out = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  /** Uniform on [0, 2^32). */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  nextFloat64(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * TWO_POW_M53;
  }

  /** Uniform integer in [0, n). Rejection sampling, no modulo bias. */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0xffffffff) {
      throw new Error(`nextInt bound must be an integer in [1, 4294967295]; got ${n}`);
    }
    const limit = floor(0x100000000 / n) * n;
    for (;;) {
      const u = this.nextUint32();
      if (u < limit) return u % n;
    }
  }

  /**
   * Fills `out[offset .. offset+length)` with N(0, std²) draws (ziggurat).
   *
   * Two passes: the first takes the ziggurat's fast path (one 32-bit draw, ~97.3% of variates) in a
   * tight loop and only remembers the rest; the second finishes those with the wedge/tail tests.
   * Keeping the rare branch out of the hot loop halves its cost under V8.
   */
  fillNormal(out: Writable, std = 1, offset = 0, length = out.length - offset): void {
    const end = offset + length;
    let pending: number;
    if (nativeSampler !== undefined && length >= NATIVE_FILL_MIN_LENGTH) {
      const st = nativeState;
      st[0] = this.s01;
      st[1] = this.s00;
      st[2] = this.s11;
      st[3] = this.s10;
      st[4] = 0;
      for (let k = offset; (k = nativeSampler.fillNormalFast(st, out, k, end - k, std, slow.index, slow.draw)) < end; ) growSlow();
      pending = st[4];
      this.s01 = st[0];
      this.s00 = st[1];
      this.s11 = st[2];
      this.s10 = st[3];
    } else {
      pending = this.fastLoop(out, std, offset, end);
    }
    for (let p = 0; p < pending; p++) out[slow.index[p]] = this.slowNormal(slow.draw[p]) * std;
  }

  /**
   * For every e < streams.length, fills out[offset + e·per .. offset + (e+1)·per) from streams[e]
   * with N(0, std²) draws: exactly what `streams[e].fillNormal(out, std, offset + e·per, per)` for
   * e = 0, 1, … does (same values, same states afterwards), in one native call when the addon's
   * sampler is installed (the ensembles draw one short layer per network: a call per network would
   * cost more than its draws).
   */
  static fillNormalEach(streams: readonly RandomStream[], out: Writable, std: number, offset: number, per: number): void {
    const count = streams.length;
    if (!(Number.isInteger(per) && per >= 0 && Number.isInteger(offset) && offset >= 0 && offset + per * count <= out.length)) {
      throw new Error(`fillNormalEach: need integers offset ≥ 0 and per ≥ 0 with offset + per·streams (${offset} + ${per}·${count}) ≤ out.length = ${out.length}`);
    }
    if (nativeSampler === undefined || per * count < NATIVE_FILL_MIN_LENGTH || RandomStream.hasRepeats(streams)) {
      // (A stream listed twice must continue from its first fill: the sequential loop does that.)
      for (let e = 0; e < count; e++) streams[e].fillNormal(out, std, offset + e * per, per);
      return;
    }
    const states = new Int32Array(5 * count);
    for (let e = 0; e < count; e++) {
      const st = streams[e];
      const b = 5 * e;
      states[b] = st.s01;
      states[b + 1] = st.s00;
      states[b + 2] = st.s11;
      states[b + 3] = st.s10;
    }
    while (slow.index.length < per) growSlow();
    for (let e = 0; (e = nativeSampler.fillNormalEach(states, out, offset, per, std, slow.index, slow.draw, e)) < count; ) growSlow();
    const slowIndex = slow.index;
    const slowDraw = slow.draw;
    for (let e = 0, p = 0; e < count; e++) {
      const stream = streams[e];
      const b = 5 * e;
      stream.s01 = states[b];
      stream.s00 = states[b + 1];
      stream.s11 = states[b + 2];
      stream.s10 = states[b + 3];
      for (const end = states[5 * e + 4]; p < end; p++) out[slowIndex[p]] = stream.slowNormal(slowDraw[p]) * std;
    }
  }

  /** Marks streams in {@link RandomStream.hasRepeats} (a generation number). */
  private mark = 0;

  /** True when some stream appears twice in the list (one pass, no allocation). */
  private static hasRepeats(streams: readonly RandomStream[]): boolean {
    const g = ++generation;
    for (const s of streams) {
      if (s.mark === g) return true;
      s.mark = g;
    }
    return false;
  }

  /** The fast path over out[offset .. end): writes the fast variates, records the others; returns how many it recorded. */
  private fastLoop(out: Writable, std: number, offset: number, end: number): number {
    let s01 = this.s01;
    let s00 = this.s00;
    let s11 = this.s11;
    let s10 = this.s10;
    let pending = 0;
    for (let k = offset; k < end; k++) {
      // xoroshiro128+ step (identical to pure-rand's XoroShiro128Plus.next)
      const j = (s00 + s10) | 0;
      const a0 = s10 ^ s00;
      const a1 = s11 ^ s01;
      const t00 = s00;
      const t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const iz = j >>> 25;
      const hz = (j << 7) >> 7;
      if ((hz < 0 ? -hz : hz) < KN[iz]) {
        out[k] = hz * WN[iz] * std;
      } else {
        if (pending === slow.index.length) growSlow();
        slow.index[pending] = k;
        slow.draw[pending++] = j;
      }
    }
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
    return pending;
  }

  /** Finishes a variate whose first draw `j` missed the fast path (Marsaglia & Tsang's nfix). */
  private slowNormal(first: number): number {
    let j = first;
    for (;;) {
      const iz = j >>> 25;
      const hz = (j << 7) >> 7;
      if ((hz < 0 ? -hz : hz) < KN[iz]) return hz * WN[iz];
      if (iz === 0) {
        // Tail beyond R (Marsaglia 1964): loop until a tail value is accepted. Restarting the whole
        // ziggurat here instead would under-weight the tail (P(|Z| > 3) came out 1.3% low).
        for (;;) {
          const xx = -log((this.nextUint32() + 0.5) * TWO_POW_M32) / ZIG_R;
          const yy = -log((this.nextUint32() + 0.5) * TWO_POW_M32);
          if (yy + yy >= xx * xx) return hz > 0 ? ZIG_R + xx : -ZIG_R - xx;
        }
      }
      // Wedge of layer iz: accept under the density, otherwise start over with a fresh draw.
      const x = hz * WN[iz];
      const u = (this.nextUint32() + 0.5) * TWO_POW_M32;
      if (FN[iz] + u * (FN[iz - 1] - FN[iz]) < exp(-0.5 * x * x)) return x;
      j = this.nextInt32();
    }
  }

  /** Fills with U(−halfWidth, halfWidth) draws (32 random bits each). */
  fillUniform(out: Writable, halfWidth = 1, offset = 0, length = out.length - offset): void {
    const scale = 2 * halfWidth * TWO_POW_M32;
    const end = offset + length;
    for (let k = offset; k < end; k++) {
      out[k] = ((this.nextUint32() + 0.5) * scale) - halfWidth;
    }
  }

  /**
   * Fills with N(0, std²) conditioned on |x| ≤ bound·std (rejection from the ziggurat).
   * No variance correction: the result has variance std²·Var(Z | |Z| ≤ bound) (0.773741·std² at
   * bound 2), which is what TF/Keras' `truncated_normal` initializers do.
   */
  fillTruncatedNormal(out: Writable, std = 1, bound = 2, offset = 0, length = out.length - offset): void {
    if (!(bound > 0)) throw new Error(`truncation bound must be > 0; got ${bound}`);
    this.fillNormal(out, 1, offset, length);
    const end = offset + length;
    // Redraw the rejected entries in bulk (a call per rejected value costs more than the sampling).
    let rejected: number[] = [];
    for (let k = offset; k < end; k++) {
      if (abs(out[k]) > bound) rejected.push(k);
      else out[k] *= std;
    }
    const spare = new Float32Array(64);
    while (rejected.length > 0) {
      const next: number[] = [];
      let used = spare.length;
      for (const k of rejected) {
        if (used === spare.length) {
          this.fillNormal(spare);
          used = 0;
        }
        const x = spare[used++];
        if (abs(x) > bound) next.push(k);
        else out[k] = x * std;
      }
      rejected = next;
    }
  }
}
