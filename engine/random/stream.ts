/**
 * A seeded random stream: pure-rand's xoroshiro128+ generator plus fast bulk samplers.
 *
 * The 128-bit state is expanded from a uint32 seed with splitmix32, so nearby seeds give unrelated
 * streams. Scalar draws go through pure-rand; bulk fills run the same xoroshiro128+ step inlined in
 * the sampling loop (a test pins both to the same sequence) because a method call per draw costs
 * about as much as the ziggurat itself.
 *
 * Normal variates: Marsaglia & Tsang's ziggurat (J. Stat. Softw. 5(8), 2000) with 128 layers; the
 * layer index comes from the top 7 bits of a draw and the value from the low 25 bits, so they do not
 * share bits (the defect of the original RNOR noted by Doornik, 2005).
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

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

export class RandomStream {
  // xoroshiro128+ state in pure-rand's layout [s01, s00, s11, s10].
  private s01: number;
  private s00: number;
  private s11: number;
  private s10: number;

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

  /** One signed 32-bit draw, via pure-rand (reference implementation of the step). */
  nextInt32(): number {
    const g = xoroshiro128plusFromState(this.state());
    const out = g.next();
    [this.s01, this.s00, this.s11, this.s10] = g.getState() as [number, number, number, number];
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
   * Two passes: the first takes the ziggurat's fast path (one 32-bit draw, ~98.8% of variates) in a
   * tight loop and only remembers the rest; the second finishes those with the wedge/tail tests.
   * Keeping the rare branch out of the hot loop halves its cost under V8.
   */
  fillNormal(out: Writable, std = 1, offset = 0, length = out.length - offset): void {
    let s01 = this.s01;
    let s00 = this.s00;
    let s11 = this.s11;
    let s10 = this.s10;
    const end = offset + length;
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
        if (pending === this.slowIndex.length) this.growSlow();
        this.slowIndex[pending] = k;
        this.slowDraw[pending++] = j;
      }
    }
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
    for (let p = 0; p < pending; p++) out[this.slowIndex[p]] = this.slowNormal(this.slowDraw[p]) * std;
  }

  private slowIndex = new Int32Array(256);
  private slowDraw = new Int32Array(256);

  private growSlow(): void {
    const index = new Int32Array(this.slowIndex.length * 2);
    const draw = new Int32Array(this.slowDraw.length * 2);
    index.set(this.slowIndex);
    draw.set(this.slowDraw);
    this.slowIndex = index;
    this.slowDraw = draw;
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
