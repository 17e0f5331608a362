/**
 * An optional native batched matMul for the wasm backend: the wasm backend's rank-3 BatchMatMul takes
 * a scalar path (≈ 0.4–2.8 GFLOP/s measured), where the engine's N-API addon (engine/native/addon.ts;
 * batch-matmul.cc, plain loops the compiler vectorizes) reaches 6–22 GFLOP/s on the ensembles'
 * shapes (`npm run bench`). Without it everything runs on the pure-wasm path, which is also the
 * oracle of the equality test (native-matmul.test.ts).
 *
 * `initEngine()` registers it on the wasm backend when the addon loads (option `nativeMatMul: false`
 * turns it off) and says which path runs in the engine's `why` (every report prints it).
 */
import * as tf from '@tensorflow/tfjs';
import { loadNativeAddon } from './addon';

interface WasmBackend {
  makeOutput: (shape: number[], dtype: 'float32') => tf.TensorInfo;
  typedArrayFromHeap: (t: tf.TensorInfo) => Float32Array;
}

/** The wasm backend's own kernel, kept at the first replacement. */
let wasmKernel: tf.KernelConfig | undefined;
/** The registered native kernel function, while it is registered. */
let nativeKernelFunc: tf.KernelFunc | undefined;

/** True when the wasm backend is current and its BatchMatMul is the addon's (callers pick shapes by it). */
export function nativeBatchMatMulActive(): boolean {
  return nativeKernelFunc !== undefined && tf.getBackend() === 'wasm' && tf.getKernel('BatchMatMul', 'wasm')?.kernelFunc === nativeKernelFunc;
}

const size = (shape: readonly number[]): number => shape.reduce((p, n) => p * n, 1);

/**
 * Replaces the wasm backend's BatchMatMul by the addon's (float32, batch dims of a or b broadcast
 * when one of them has batch size 1; other shapes keep the original kernel). Returns what happened.
 */
export function registerNativeBatchMatMul(): { registered: true } | { registered: false; reason: string } {
  if (tf.getBackend() !== 'wasm') return { registered: false, reason: `the backend is ${tf.getBackend()}, not wasm` };
  const loaded = loadNativeAddon();
  if ('unavailable' in loaded) return { registered: false, reason: loaded.unavailable };
  wasmKernel ??= tf.getKernel('BatchMatMul', 'wasm');
  const original = wasmKernel;
  if (!original) return { registered: false, reason: 'the wasm backend has no BatchMatMul kernel' };
  const native = loaded.addon;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    const ra = a.shape.length;
    const rb = b.shape.length;
    const batchA = size(a.shape.slice(0, -2));
    const batchB = size(b.shape.slice(0, -2));
    const sameOuter = batchA === 1 || batchB === 1 || a.shape.slice(0, -2).join() === b.shape.slice(0, -2).join();
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || !sameOuter) return original.kernelFunc(args) as tf.TensorInfo;
    const outer = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
    const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
    const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
    const kb = transposeB ? b.shape[rb - 1] : b.shape[rb - 2];
    const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
    if (k !== kb) throw new Error(`Error in matMul: inner shapes (${k}) and (${kb}) of Tensors with shapes ${a.shape} and ${b.shape} and transposeA=${transposeA} and transposeB=${transposeB} must match.`);
    const backend = args.backend as unknown as WasmBackend;
    const out = backend.makeOutput([...outer, m, n], 'float32');
    // Views after makeOutput: growing the wasm memory detaches earlier views.
    native.batchMatMul(backend.typedArrayFromHeap(a), backend.typedArrayFromHeap(b), backend.typedArrayFromHeap(out), batchA, batchB, m, k, n, transposeA, transposeB);
    return out;
  };
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
  nativeKernelFunc = kernelFunc;
  return { registered: true };
}

/** Puts the wasm backend's own BatchMatMul back (tests compare both paths); false when it was never replaced. */
export function restoreWasmBatchMatMul(): boolean {
  if (!wasmKernel) return false;
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel(wasmKernel);
  nativeKernelFunc = undefined;
  return true;
}
