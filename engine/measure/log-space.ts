/**
 * The log-space bookkeeping shared by every activation-length measurement (fully connected,
 * residual, convolutional): unit-RMS inputs, per-layer renormalisation with the scale carried as a
 * log, detection of non-finite values, and the classification of units.
 *
 * A "unit" is one (network, input) pair; its trace is log M_j for j = 0..d with
 * M_j = ‖z_j‖² / (number of activations of layer j).
 */
import * as tf from '@tensorflow/tfjs';

export const STATUS_OK = 0;
export const STATUS_DEAD = 1;
export const STATUS_NONFINITE = 2;

/** What every length measurement returns. */
export interface LogLengthTrace {
  nets: number;
  inputsPerNet: number;
  depth: number;
  /** log M_j for unit (e, b) and layer j at index ((e·B + b)·(d + 1) + j); j = 0 is the input. */
  logM: Float64Array;
  /** Per unit: STATUS_OK, STATUS_DEAD (some layer all-zero) or STATUS_NONFINITE. */
  status: Uint8Array;
  outcomes: { ok: number; dead: number; nonfinite: number };
  /** Per network: the fingerprint of its first layer's parameters (engine/random/fingerprint.ts), to detect networks that share them. */
  fingerprints: Float64Array;
}

/**
 * Validates B fixed inputs of `features` values each and returns them scaled to unit RMS, with
 * their log M_0 (float64). A zero or non-finite input is a clear error.
 */
export function normalizeInputs(inputs: Float32Array, features: number): { unit: Float32Array; logM0: Float64Array; batch: number } {
  if (!(inputs instanceof Float32Array) || inputs.length === 0 || inputs.length % features !== 0) {
    throw new Error(`inputs must be a non-empty Float32Array of B × ${features} values; got length ${inputs?.length}`);
  }
  const batch = inputs.length / features;
  const unit = new Float32Array(inputs.length);
  const logM0 = new Float64Array(batch);
  for (let b = 0; b < batch; b++) {
    let ss = 0;
    for (let i = 0; i < features; i++) {
      const v = inputs[b * features + i];
      if (!Number.isFinite(v)) throw new Error(`inputs[${b}][${i}] must be finite; got ${v}`);
      ss += v * v;
    }
    if (ss === 0) throw new Error(`inputs[${b}] is the zero vector: M_0 = 0, lengths are undefined`);
    const m0 = ss / features;
    logM0[b] = Math.log(m0);
    for (let i = 0; i < features; i++) unit[b * features + i] = inputs[b * features + i] / Math.sqrt(m0);
  }
  return { unit, logM0, batch };
}

/**
 * Renormalises activations z ([E, B, …]) whose true values are exp(logBase/2)·z: returns z at unit
 * RMS per (network, input) and log M of the true activations. `pre` (the pre-activations) poisons
 * the log with NaN when it holds a non-finite value, so that an overflow that the activation (or
 * wasm's matMul→relu chain) maps to 0 is never taken for a dead unit. Call inside `tf.tidy`.
 */
export function renormalize(z: tf.Tensor, logBase: tf.Tensor2D, pre: tf.Tensor): [tf.Tensor, tf.Tensor2D] {
  const [E, B] = z.shape;
  const flat = z.reshape([E, B, -1]);
  const ms = tf.mean(tf.square(flat), 2) as tf.Tensor2D;
  // 1/√ms on the small [E, B] tensor, then one broadcast multiply: tf.divNoNan on the full
  // activations costs ~100 ms per 10⁶ values on wasm (a composite of div, equal and where).
  const inv = tf.divNoNan(tf.onesLike(ms), tf.sqrt(ms)).reshape([E, B, ...z.shape.slice(2).map(() => 1)]);
  const out = tf.mul(z, inv);
  const poison = tf.mul(tf.sum(tf.abs(pre.reshape([E, B, -1])), 2), 0);
  return [out, tf.add(tf.add(logBase, tf.log(ms)), poison) as tf.Tensor2D];
}

/** Downloads per-layer log tensors ([count, B] each) into rows start.. of a trace's logM. */
export async function storeLayers(perLayer: tf.Tensor2D[], logM: Float64Array, logM0: Float64Array, start: number, count: number): Promise<void> {
  const depth = perLayer.length;
  const batch = logM0.length;
  const stride = depth + 1;
  const stacked = tf.stack(perLayer); // [d, count, B]
  const values = (await stacked.data()) as Float32Array;
  stacked.dispose();
  for (let e = 0; e < count; e++) {
    for (let b = 0; b < batch; b++) {
      const base = ((start + e) * batch + b) * stride;
      logM[base] = logM0[b];
      for (let j = 0; j < depth; j++) logM[base + j + 1] = values[(j * count + e) * batch + b];
    }
  }
}

/** Classifies every unit of a trace: non-finite anywhere, dead (log M = −∞ at some layer), or ok. */
export function classifyUnits(logM: Float64Array, units: number, depth: number): Pick<LogLengthTrace, 'status' | 'outcomes'> {
  const stride = depth + 1;
  const status = new Uint8Array(units);
  const outcomes = { ok: 0, dead: 0, nonfinite: 0 };
  for (let u = 0; u < units; u++) {
    let s = STATUS_OK;
    for (let j = 1; j <= depth; j++) {
      const v = logM[u * stride + j];
      if (Number.isNaN(v) || v === Infinity) {
        s = STATUS_NONFINITE;
        break;
      }
      if (v === -Infinity) s = STATUS_DEAD;
    }
    status[u] = s;
    if (s === STATUS_OK) outcomes.ok++;
    else if (s === STATUS_DEAD) outcomes.dead++;
    else outcomes.nonfinite++;
  }
  return { status, outcomes };
}

/** M_j / M_0 of a unit as a float64 (0 for a dead unit). */
export function lengthRatio(trace: LogLengthTrace, unit: number, layer: number): number {
  const stride = trace.depth + 1;
  return Math.exp(trace.logM[unit * stride + layer] - trace.logM[unit * stride]);
}

export function validateNets(nets: number): void {
  if (!Number.isInteger(nets) || nets < 1) throw new Error(`nets must be an integer ≥ 1; got ${nets}`);
}
