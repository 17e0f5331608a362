/**
 * Activation lengths of an ensemble of independent networks, carried in log space.
 *
 * For every network e, input b and layer j the engine records log M_j with
 *   M_j = ‖z_j‖² / n_j   (z_0 = x, z_j = σ(W_j z_{j−1} + b_j)),
 * the "normalized squared length" of Hanin & Rolnick (2018). Activations are renormalised after
 * every layer and the scale is carried as a log, so depth never overflows or underflows float32
 * (without it, He×4 at depth 100 gives exactly 0 on wasm and NaN on cpu: engine-notes §4).
 *
 * Renormalisation is exact for positively homogeneous σ (ReLU, leaky ReLU, linear): write
 * z_{j−1} = s·h with mean(h²) = 1; then σ(W z + b) = r·σ((s/r)·W h + b/r) for any r > 0, and the
 * engine takes r = s without bias and r = max(s, 1) with bias (so neither s/r nor b/r overflows).
 *
 * Outcomes are measured, never dropped: a layer that is entirely zero gives log M = −∞ (a dead
 * network: a real event of probability ~2^−n_j); a NaN or +∞ anywhere marks the unit `nonfinite`
 * (an engine fault the caller must report).
 */
import * as tf from '@tensorflow/tfjs';
import { RandomStream } from '../random/stream';
import { deriveSeed } from '../random/seed';
import { sampleLaw } from '../init/laws';
import { applyActivation } from '../network/activation';
import { chooseStrategy, ensembleMatMul, type MatMulStrategy } from '../network/ensemble-matmul';
import { resolveNetwork, type NetworkSpec, type ResolvedNetwork } from '../network/spec';
import type { Mutant } from '../mutants';
import { initEngine } from '../backend';

export const MAX_CHUNK_WEIGHTS = 4_000_000;

export interface LengthExperiment {
  network: NetworkSpec;
  /** Fixed inputs, row-major [B × n_0]; shared by every network (the theorem's x is fixed). */
  inputs: Float32Array;
  /** Number of independent networks. */
  nets: number;
  /** Seed of the experiment; network e draws from `deriveSeed(seed, 'net', e)`. */
  seed: number;
  mutant?: Mutant;
  strategy?: MatMulStrategy | 'auto';
}

export type UnitStatus = 'ok' | 'dead' | 'nonfinite';
export const STATUS_OK = 0;
export const STATUS_DEAD = 1;
export const STATUS_NONFINITE = 2;

export interface LengthTrace {
  network: ResolvedNetwork;
  nets: number;
  inputsPerNet: number;
  depth: number;
  /** log M_j for unit (e, b) and layer j at index ((e·B + b)·(d + 1) + j); j = 0 is the input. */
  logM: Float64Array;
  /** Per unit (e, b): STATUS_OK, STATUS_DEAD (some layer all-zero) or STATUS_NONFINITE. */
  status: Uint8Array;
  outcomes: { ok: number; dead: number; nonfinite: number };
  strategies: MatMulStrategy[];
}

function validateExperiment(exp: LengthExperiment, n0: number): number {
  if (!Number.isInteger(exp.nets) || exp.nets < 1) throw new Error(`nets must be an integer ≥ 1; got ${exp.nets}`);
  if (!(exp.inputs instanceof Float32Array) || exp.inputs.length === 0 || exp.inputs.length % n0 !== 0) {
    throw new Error(`inputs must be a non-empty Float32Array of B × n_0 = B × ${n0} values; got length ${exp.inputs?.length}`);
  }
  const batch = exp.inputs.length / n0;
  for (let b = 0; b < batch; b++) {
    let ss = 0;
    for (let i = 0; i < n0; i++) {
      const v = exp.inputs[b * n0 + i];
      if (!Number.isFinite(v)) throw new Error(`inputs[${b}][${i}] must be finite; got ${v}`);
      ss += v * v;
    }
    if (ss === 0) throw new Error(`inputs[${b}] is the zero vector: M_0 = 0, lengths are undefined`);
  }
  return batch;
}

/** Runs the ensemble and returns every unit's log-length trace. */
export async function measureLengths(exp: LengthExperiment): Promise<LengthTrace> {
  await initEngine(); // the backend policy applies to every caller (memoised)
  const network = resolveNetwork(exp.network, exp.mutant);
  const { widths, layers, activation } = network;
  const n0 = widths[0];
  const batch = validateExperiment(exp, n0);
  const depth = layers.length;
  const stride = depth + 1;
  const logM = new Float64Array(exp.nets * batch * stride);
  const maxLayerWeights = Math.max(...layers.map((l) => l.fanIn * l.fanOut + l.fanOut));
  const chunk = Math.max(1, Math.min(exp.nets, Math.floor(MAX_CHUNK_WEIGHTS / maxLayerWeights)));
  const strategies = layers.map((l) => chooseStrategy(batch, l.fanIn, l.fanOut, exp.strategy ?? 'auto'));

  // Input lengths (float64) and the unit-RMS inputs.
  const unitInputs = new Float32Array(exp.inputs.length);
  const logM0 = new Float64Array(batch);
  for (let b = 0; b < batch; b++) {
    let ss = 0;
    for (let i = 0; i < n0; i++) ss += exp.inputs[b * n0 + i] ** 2;
    const m0 = ss / n0;
    logM0[b] = Math.log(m0);
    for (let i = 0; i < n0; i++) unitInputs[b * n0 + i] = exp.inputs[b * n0 + i] / Math.sqrt(m0);
  }
  const x = tf.tensor3d(unitInputs, [1, batch, n0]);

  for (let start = 0; start < exp.nets; start += chunk) {
    const count = Math.min(chunk, exp.nets - start);
    const streams = Array.from({ length: count }, (_, e) => new RandomStream(deriveSeed(exp.seed, 'net', start + e)));
    let h: tf.Tensor3D = tf.broadcastTo(x, [count, batch, n0]) as tf.Tensor3D;
    let logS: tf.Tensor2D = tf.tensor2d(Float32Array.from({ length: count * batch }, (_, k) => logM0[k % batch]), [count, batch]);
    const perLayer: tf.Tensor2D[] = [];
    layers.forEach((layer, j) => {
      const per = layer.fanIn * layer.fanOut;
      const wBuf = new Float32Array(count * per);
      const bBuf = layer.biasStd > 0 ? new Float32Array(count * layer.fanOut) : undefined;
      streams.forEach((s, e) => {
        sampleLaw(s, layer.law, layer.weightStd, wBuf, e * per, per);
        if (bBuf) s.fillNormal(bBuf, layer.biasStd, e * layer.fanOut, layer.fanOut);
      });
      const [hNext, logNext] = tf.tidy(() => {
        const a = ensembleMatMul(h, wBuf, [count, layer.fanIn, layer.fanOut], strategies[j]);
        let z: tf.Tensor3D;
        let logBase: tf.Tensor2D;
        let pre: tf.Tensor3D = a;
        if (bBuf) {
          const halfLogS = tf.mul(logS, 0.5);
          const logR = tf.maximum(halfLogS, 0);
          const sr = tf.exp(tf.sub(halfLogS, logR)).expandDims(2);
          const ib = tf.exp(tf.neg(logR)).expandDims(2);
          const bias = tf.tensor3d(bBuf, [count, 1, layer.fanOut]);
          pre = tf.add(tf.mul(a, sr), tf.mul(bias, ib));
          z = applyActivation(activation, pre) as tf.Tensor3D;
          logBase = tf.mul(logR, 2);
        } else {
          z = applyActivation(activation, a) as tf.Tensor3D;
          logBase = logS;
        }
        const ms = tf.mean(tf.square(z), 2) as tf.Tensor2D;
        const hOut = tf.divNoNan(z, tf.sqrt(ms).expandDims(2)) as tf.Tensor3D;
        // An overflowing or NaN pre-activation must not pass for a dead unit (ReLU maps −∞ to 0, and
        // wasm's matMul→relu chain maps overflow to 0): 0·Σ|pre| is NaN exactly when pre is not finite.
        const poison = tf.mul(tf.sum(tf.abs(pre), 2), 0);
        return [hOut, tf.add(tf.add(logBase, tf.log(ms)), poison) as tf.Tensor2D];
      });
      h.dispose();
      if (j === 0) logS.dispose(); // later ones are kept in perLayer
      h = hNext;
      logS = logNext;
      perLayer.push(logNext);
    });
    h.dispose();
    const stacked = tf.stack(perLayer); // [d, count, B]
    const values = (await stacked.data()) as Float32Array;
    stacked.dispose();
    perLayer.forEach((t) => t.dispose());
    for (let e = 0; e < count; e++) {
      for (let b = 0; b < batch; b++) {
        const base = ((start + e) * batch + b) * stride;
        logM[base] = logM0[b];
        for (let j = 0; j < depth; j++) logM[base + j + 1] = values[(j * count + e) * batch + b];
      }
    }
  }
  x.dispose();

  const status = new Uint8Array(exp.nets * batch);
  const outcomes = { ok: 0, dead: 0, nonfinite: 0 };
  for (let u = 0; u < status.length; u++) {
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
  return { network, nets: exp.nets, inputsPerNet: batch, depth, logM, status, outcomes, strategies };
}

/** M_j / M_0 of unit (e, b) as a float64 (0 for a dead unit). */
export function lengthRatio(trace: LengthTrace, unit: number, layer: number): number {
  const stride = trace.depth + 1;
  return Math.exp(trace.logM[unit * stride + layer] - trace.logM[unit * stride]);
}
