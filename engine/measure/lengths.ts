/**
 * Activation lengths of an ensemble of independent networks, carried in log space.
 *
 * For every network e, input b and layer j the engine records log M_j with
 *   M_j = ‖z_j‖² / n_j   (z_0 = x, z_j = σ(W_j z_{j−1} + b_j)),
 * the "normalized squared length" of Hanin & Rolnick (2018). Activations are renormalised after
 * every layer and the scale is carried as a log, so depth never overflows or underflows float32
 * (without it, He×4 at depth 100 gives exactly 0 on wasm and NaN on cpu, as measured while building the engine).
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
import { netSeed } from '../random/net-stream';
import { fingerprint } from '../random/fingerprint';
import { sampleGaussianBiases, sampleGaussianBiasesEach, sampleLaw, sampleLawEach } from '../init/laws';
import { applyActivation } from '../network/activation';
import { chooseStrategy, ensembleMatMul, type MatMulStrategy } from '../network/ensemble-matmul';
import { resolveNetwork, type NetworkSpec, type ResolvedNetwork } from '../network/spec';
import type { SamplingParts } from '../geometry/net64';
import { initEngine } from '../backend';
import { classifyUnits, normalizeInputs, renormalize, storeLayers, validateNets, type LogLengthTrace } from './log-space';

export { lengthRatio, STATUS_DEAD, STATUS_NONFINITE, STATUS_OK, type LogLengthTrace } from './log-space';

export const MAX_CHUNK_WEIGHTS = 4_000_000;

export interface LengthExperiment {
  network: NetworkSpec;
  /** Fixed inputs, row-major [B × n_0]; shared by every network (the theorem's x is fixed). */
  inputs: Float32Array;
  /** Number of independent networks. */
  nets: number;
  /** Seed of the experiment; network e draws from `netStream(seed, 'net', e)` (the component; default `deriveSeed(seed, 'net', e)`). */
  seed: number;
  /** Components substituted for the engine's defaults (engine/components.ts); its weight and bias samplers apply. */
  parts?: SamplingParts;
  strategy?: MatMulStrategy | 'auto';
}

export interface LengthTrace extends LogLengthTrace {
  network: ResolvedNetwork;
  strategies: MatMulStrategy[];
}

/** Runs the ensemble and returns every unit's log-length trace. */
export async function measureLengths(exp: LengthExperiment): Promise<LengthTrace> {
  await initEngine(); // the backend policy applies to every caller (memoised)
  const network = resolveNetwork(exp.network, exp.parts);
  const sample = exp.parts?.sampleWeights ?? sampleLaw;
  const sampleBiases = exp.parts?.sampleBiases ?? sampleGaussianBiases;
  const netStream = exp.parts?.netStream ?? netSeed;
  const { widths, layers } = network;
  const n0 = widths[0];
  validateNets(exp.nets);
  const { unit: unitInputs, logM0, batch } = normalizeInputs(exp.inputs, n0);
  const depth = layers.length;
  const stride = depth + 1;
  const logM = new Float64Array(exp.nets * batch * stride);
  const fingerprints = new Float64Array(exp.nets);
  const maxLayerWeights = Math.max(...layers.map((l) => l.fanIn * l.fanOut + l.fanOut));
  const chunk = Math.max(1, Math.min(exp.nets, Math.floor(MAX_CHUNK_WEIGHTS / maxLayerWeights)));
  const strategies = layers.map((l) => chooseStrategy(batch, l.fanIn, l.fanOut, exp.strategy ?? 'auto'));

  const x = tf.tensor3d(unitInputs, [1, batch, n0]);
  const reuse = exp.parts?.sampleWeights === undefined && exp.parts?.sampleBiases === undefined;
  const wScratch: Float32Array[] = [];
  const bScratch: Float32Array[] = [];

  for (let start = 0; start < exp.nets; start += chunk) {
    const count = Math.min(chunk, exp.nets - start);
    const streams = Array.from({ length: count }, (_, e) => new RandomStream(netStream(exp.seed, 'net', start + e)));
    let h: tf.Tensor3D = x; // [1, B, n_0]: the first product broadcasts it over the networks (tf.broadcastTo costs ~9 ms per 13k networks)
    let logS: tf.Tensor2D = tf.tensor2d(Float32Array.from({ length: count * batch }, (_, k) => logM0[k % batch]), [count, batch]);
    const perLayer: tf.Tensor2D[] = [];
    layers.forEach((layer, j) => {
      const per = layer.fanIn * layer.fanOut;
      // The engine's samplers write every entry, so their buffers are reused across chunks (a fresh
      // 16 MB buffer per layer and chunk cost more in page faults than its sampling); substituted
      // samplers get fresh zeroed buffers.
      const wBuf = reuse ? (wScratch[j] ??= new Float32Array(chunk * per)).subarray(0, count * per) : new Float32Array(count * per);
      const bBuf = layer.biasStd > 0 ? (reuse ? (bScratch[j] ??= new Float32Array(chunk * layer.fanOut)).subarray(0, count * layer.fanOut) : new Float32Array(count * layer.fanOut)) : undefined;
      // Per network: its weights, then its biases (substituted samplers are called network by network).
      if (exp.parts?.sampleWeights) streams.forEach((s, e) => sample(s, layer.law, layer.weightStd, wBuf, e * per, per));
      else sampleLawEach(streams, layer.law, layer.weightStd, wBuf, per);
      if (bBuf && exp.parts?.sampleBiases) streams.forEach((s, e) => sampleBiases(s, layer.biasStd, bBuf, e * layer.fanOut, layer.fanOut));
      else if (bBuf) sampleGaussianBiasesEach(streams, layer.biasStd, bBuf, layer.fanOut);
      if (j === 0) for (let e = 0; e < count; e++) fingerprints[start + e] = fingerprint(wBuf, e * per, per);
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
          z = applyActivation(layer.activation, pre) as tf.Tensor3D;
          logBase = tf.mul(logR, 2);
        } else {
          z = applyActivation(layer.activation, a) as tf.Tensor3D;
          logBase = logS;
        }
        return renormalize(z, logBase, pre) as [tf.Tensor3D, tf.Tensor2D];
      });
      if (h !== x) h.dispose();
      if (j === 0) logS.dispose(); // later ones are kept in perLayer
      h = hNext;
      logS = logNext;
      perLayer.push(logNext);
    });
    h.dispose();
    await storeLayers(perLayer, logM, logM0, start, count);
    perLayer.forEach((t) => t.dispose());
  }
  x.dispose();

  return { network, nets: exp.nets, inputsPerNet: batch, depth, logM, ...classifyUnits(logM, exp.nets * batch, depth), fingerprints, strategies };
}
