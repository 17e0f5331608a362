/**
 * The one kernel of an ensemble forward pass: h[e] · W[e] for E independent networks.
 *
 * Two strategies, measured on wasm (engine/bench; README "Engine figures"):
 * - `batched`: one rank-3 `tf.matMul` [E,B,n]×[E,n,m]. XNNPACK is not used for batch > 1, so on
 *   the pure wasm path it runs a scalar loop at ~1–2 GFLOP/s, but with a single dispatch; the native
 *   addon's kernel (engine/native) runs it at ~5–21 GFLOP/s.
 * - `loop`: E rank-2 `tf.matMul`s (XNNPACK, ~8–16 GFLOP/s) at ~30 µs of dispatch each.
 * `auto` picks `batched` when the native batched matMul is active (engine/native: it is faster than
 * the loop at every shape), else `loop` when one network's product is large enough to amortise the
 * dispatch: 2·B·n·m ≥ {@link LOOP_MIN_FLOPS}. The choice depends only on shapes and the path, never
 * on timing, so results are reproducible (the two strategies can differ in the last float32 bits).
 */
import * as tf from '@tensorflow/tfjs';
import { nativeBatchMatMulActive } from '../native/native-matmul';

export type MatMulStrategy = 'batched' | 'loop';

/** Crossover measured with `npm run bench` on wasm (2 cores, Zen 3): ~7e4 flops per net-layer. */
export const LOOP_MIN_FLOPS = 72_000;

export function chooseStrategy(batch: number, fanIn: number, fanOut: number, requested: MatMulStrategy | 'auto' = 'auto', native = nativeBatchMatMulActive()): MatMulStrategy {
  if (requested !== 'auto') return requested;
  // The native batched matMul (engine/native) beats the per-network loop at every shape measured
  // (bench section 2: 1.8× at 256 nets × 128 inputs × width 64, 2.7–11× with 1–64 inputs).
  if (native) return 'batched';
  return 2 * batch * fanIn * fanOut >= LOOP_MIN_FLOPS ? 'loop' : 'batched';
}

/**
 * h: [E,B,n] (or [1,B,n], broadcast) times the E weight matrices stored row-major in `w`
 * ([E,n,m]) → [E,B,m]. The loop strategy builds its per-network operands from JS buffers
 * (`tf.unstack`/`tf.split` of a rank-3 tensor cost ~2 ms per slice on wasm, 100× the matMul).
 */
export function ensembleMatMul(h: tf.Tensor3D, w: Float32Array, shape: readonly [number, number, number], strategy: MatMulStrategy): tf.Tensor3D {
  const [E, n, m] = shape;
  if (w.length !== E * n * m) throw new Error(`ensembleMatMul: weights hold ${w.length} values, shape [${shape.join(', ')}] needs ${E * n * m}`);
  if (strategy === 'batched') {
    return tf.tidy(() => tf.matMul(h, tf.tensor3d(w, [E, n, m])));
  }
  const B = h.shape[1];
  const hData = h.shape[0] === 1 ? undefined : (h.dataSync() as Float32Array);
  return tf.tidy(() => {
    const shared = hData === undefined ? (h.reshape([B, n]) as tf.Tensor2D) : undefined;
    const outs: tf.Tensor2D[] = [];
    for (let e = 0; e < E; e++) {
      const he = shared ?? tf.tensor2d(hData!.subarray(e * B * n, (e + 1) * B * n), [B, n]);
      outs.push(tf.matMul(he, tf.tensor2d(w.subarray(e * n * m, (e + 1) * n * m), [n, m])));
    }
    return tf.stack(outs) as tf.Tensor3D;
  });
}
