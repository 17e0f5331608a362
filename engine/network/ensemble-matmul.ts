/**
 * The one kernel of an ensemble forward pass: h[e] · W[e] for E independent networks.
 *
 * Two strategies, measured on wasm (engine/bench, shared/engine-notes.md §3):
 * - `batched`: one rank-3 `tf.matMul` [E,B,n]×[E,n,m]. XNNPACK is not used for batch > 1, so it
 *   runs a scalar loop at ~1–2 GFLOP/s, but with a single dispatch.
 * - `loop`: E rank-2 `tf.matMul`s (XNNPACK, ~8–16 GFLOP/s) at ~30 µs of dispatch each.
 * `auto` picks `loop` when one network's product is large enough to amortise the dispatch:
 * 2·B·n·m ≥ {@link LOOP_MIN_FLOPS}. The choice depends only on shapes, never on timing, so results
 * are reproducible (the two strategies can differ in the last float32 bits).
 */
import * as tf from '@tensorflow/tfjs';

export type MatMulStrategy = 'batched' | 'loop';
export const MATMUL_STRATEGIES = ['auto', 'batched', 'loop'] as const;

/** Crossover measured with `npm run bench` on wasm (2 cores, Zen 3): ~7e4 flops per net-layer. */
export const LOOP_MIN_FLOPS = 72_000;

export function chooseStrategy(batch: number, fanIn: number, fanOut: number, requested: MatMulStrategy | 'auto' = 'auto'): MatMulStrategy {
  if (requested !== 'auto') return requested;
  return 2 * batch * fanIn * fanOut >= LOOP_MIN_FLOPS ? 'loop' : 'batched';
}

/** h: [E,B,n] (or [1,B,n], broadcast), w: [E,n,m] → [E,B,m]. */
export function ensembleMatMul(h: tf.Tensor3D, w: tf.Tensor3D, strategy: MatMulStrategy): tf.Tensor3D {
  if (strategy === 'batched') return tf.matMul(h, w);
  return tf.tidy(() => {
    const ws = tf.unstack(w) as tf.Tensor2D[];
    const hs = h.shape[0] === 1 ? ws.map(() => h.squeeze([0]) as tf.Tensor2D) : (tf.unstack(h) as tf.Tensor2D[]);
    return tf.stack(ws.map((wi, e) => tf.matMul(hs[e], wi))) as tf.Tensor3D;
  });
}
