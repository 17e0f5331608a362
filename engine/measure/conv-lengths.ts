/**
 * Activation lengths of an ensemble of independent 1-D convolutional networks, carried in log space.
 *
 * Architecture: sequence length T, channels C_0 (input), C_1, …, C_d, odd kernel size k, stride 1,
 * zero biases, **circular padding** (periodic boundary). With h = (k − 1)/2, layer j computes
 *
 *     z_j[c_out, t] = σ( Σ_{c_in, s} W_j[c_out, c_in, s] · z_{j−1}[c_in, (t + s − h) mod T] ),
 *
 * σ = ReLU unless a mutant replaces it. Weights are i.i.d. from the initializer's law with the
 * variance rule resolved at fan-in C_{j−1}·k and fan-out C_j·k (the convolutional convention of
 * Keras/PyTorch). The engine records, per (network, input) unit and layer, log M_j with
 * M_j = ‖z_j‖² / (C_j · T); see `log-space.ts` for the renormalisation and the outcome classes.
 *
 * Layouts. An input is T·C_0 values, time major and channel minor ([T, C]). Network e's weights of
 * layer j are sampled, after those of layer j − 1, from `new RandomStream(netStream(seed, 'net', e))`
 * (the engine component; default `deriveSeed(seed, 'net', e)`) into a row-major [k·C_in, C_out]
 * matrix w, with W[c_out, c_in, s] = w[(s·C_in + c_in)·C_out + c_out].
 *
 * Implementation: im2col with the circular wrap done in JS ({@link circularIm2col}: row (e, b, t)
 * holds the patch around t, [E, B·T, k·C]), then one {@link ensembleMatMul} per layer, the activation
 * and the shared renormalisation (per (network, input), over all T·C_j activations).
 */
import * as tf from '@tensorflow/tfjs';
import { RandomStream } from '../random/stream';
import { netSeed } from '../random/net-stream';
import { fingerprint } from '../random/fingerprint';
import { sampleLaw, sampleLawEach, type WeightLaw } from '../init/laws';
import type { SamplingParts } from '../geometry/net64';
import { nominalVariance, validateInitScheme, type InitScheme } from '../init/initializer';
import { applyActivation, relu, validateActivation, type Activation } from '../network/activation';
import { MAX_DEPTH, MAX_WIDTH } from '../network/architecture';
import { chooseStrategy, ensembleMatMul, type MatMulStrategy } from '../network/ensemble-matmul';
import { initEngine } from '../backend';
import { classifyUnits, normalizeInputs, renormalize, storeLayers, validateNets, type LogLengthTrace } from './log-space';

export { lengthRatio, STATUS_DEAD, STATUS_NONFINITE, STATUS_OK, type LogLengthTrace } from './log-space';

/** Largest sequence length accepted. */
export const MAX_LENGTH = 100_000;
/** A chunk of networks keeps its weights, and its im2col activations, under this many floats. */
export const MAX_CHUNK_FLOATS = 4_000_000;

export interface ConvNetworkSpec {
  /** [C_0, C_1, …, C_d]: input channels, then the channels of every layer (depth d ≥ 1). */
  channels: readonly number[];
  /** Kernel size k: odd, 1 ≤ k ≤ T. */
  kernel: number;
  /** Sequence length T (constant through the network: stride 1, circular padding). */
  length: number;
  /** Weight law and variance rule; the bias law must be zero. */
  init: InitScheme;
  /** Activation of every layer (default ReLU). */
  activation?: Activation;
}

export interface ConvLengthExperiment extends ConvNetworkSpec {
  /** Fixed inputs, B × (T·C_0) values, each laid out [T, C_0] (time major, channel minor). */
  inputs: Float32Array;
  /** Number of independent networks. */
  nets: number;
  /** Seed of the experiment; network e draws from `netStream(seed, 'net', e)` (the component; default `deriveSeed(seed, 'net', e)`). */
  seed: number;
  /** Components substituted for the engine's defaults (engine/components.ts); biases are not used. */
  parts?: SamplingParts;
  strategy?: MatMulStrategy | 'auto';
}

export interface ResolvedConvLayer {
  cIn: number;
  cOut: number;
  /** C_in · k and C_out · k: the fans the variance rule was resolved with. */
  fanIn: number;
  fanOut: number;
  law: WeightLaw;
  /** Nominal std of the weights (see init/laws.ts for what it means per law). */
  weightStd: number;
}

export interface ResolvedConvNetwork {
  channels: readonly number[];
  kernel: number;
  length: number;
  layers: ResolvedConvLayer[];
  activation: Activation;
}

export interface ConvLengthTrace extends LogLengthTrace {
  network: ResolvedConvNetwork;
  strategies: MatMulStrategy[];
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/** Validates the architecture; every message names the parameter and its allowed range. */
export function validateConvSpec(spec: ConvNetworkSpec): ConvNetworkSpec {
  const { channels, kernel, length } = spec;
  if (!Array.isArray(channels) || channels.length < 2) {
    throw new Error(`channels must list the input channels and at least one layer's channels [C_0, C_1, …, C_d] (depth ≥ 1); got ${JSON.stringify(channels)}`);
  }
  if (channels.length - 1 > MAX_DEPTH) throw new Error(`channels: depth must be in [1, ${MAX_DEPTH}]; got ${channels.length - 1}`);
  channels.forEach((c, j) => {
    if (!isInt(c) || c < 1 || c > MAX_WIDTH) throw new Error(`channels[${j}] must be an integer in [1, ${MAX_WIDTH}]; got ${c}`);
  });
  if (!isInt(length) || length < 1 || length > MAX_LENGTH) throw new Error(`length (T) must be an integer in [1, ${MAX_LENGTH}]; got ${length}`);
  if (!isInt(kernel) || kernel < 1 || kernel > length || kernel % 2 === 0) {
    throw new Error(`kernel must be an odd integer in [1, length = ${length}]; got ${kernel}`);
  }
  validateInitScheme(spec.init);
  if (spec.init.bias.law !== 'zero') {
    throw new Error(`init.bias.law must be 'zero' for convolutional networks (biases are not implemented); got ${JSON.stringify(spec.init.bias)}`);
  }
  if (spec.activation !== undefined) validateActivation(spec.activation);
  return spec;
}

/** Per-layer resolution, with the components applied exactly as for dense layers (network/spec.ts). */
export function resolveConvNetwork(spec: ConvNetworkSpec, parts: SamplingParts = {}): ResolvedConvNetwork {
  validateConvSpec(spec);
  const { channels, kernel, length, init } = spec;
  const layers: ResolvedConvLayer[] = [];
  for (let j = 1; j < channels.length; j++) {
    const cIn = channels[j - 1];
    const cOut = channels[j];
    const fanIn = cIn * kernel;
    const fanOut = cOut * kernel;
    const variance = (parts.variance ?? nominalVariance)(init.variance, fanIn, fanOut, j);
    layers.push({ cIn, cOut, fanIn, fanOut, law: init.law, weightStd: Math.sqrt(variance) });
  }
  const base = spec.activation ?? relu;
  const activation = parts.activation ? parts.activation(base) : base;
  return { channels, kernel, length, layers, activation };
}

/** im2col indices along time: entry t·k + s is (t + s − (k−1)/2) mod T. */
export function circularPatchIndex(length: number, kernel: number): Int32Array {
  const half = (kernel - 1) / 2;
  const idx = new Int32Array(length * kernel);
  for (let t = 0; t < length; t++) {
    for (let s = 0; s < kernel; s++) idx[t * kernel + s] = (((t + s - half) % length) + length) % length;
  }
  return idx;
}

/**
 * Float64 reference of one layer, straight from the definition (tests only): z is [T, C_in], w is
 * the engine's row-major [k·C_in, C_out] matrix; returns σ(conv) as [T, C_out].
 */
export function convLayerReference(z: ArrayLike<number>, w: ArrayLike<number>, cIn: number, cOut: number, kernel: number, length: number, activation: Activation = relu): Float64Array {
  const half = (kernel - 1) / 2;
  const out = new Float64Array(length * cOut);
  for (let t = 0; t < length; t++) {
    for (let co = 0; co < cOut; co++) {
      let y = 0;
      for (let ci = 0; ci < cIn; ci++) {
        for (let s = 0; s < kernel; s++) {
          const tau = (((t + s - half) % length) + length) % length;
          y += w[(s * cIn + ci) * cOut + co] * z[tau * cIn + ci];
        }
      }
      out[t * cOut + co] = activation.kind === 'linear' ? y : y > 0 ? y : activation.kind === 'relu' ? 0 : activation.slope * y;
    }
  }
  return out;
}

/**
 * im2col with circular wrap, in JS (on wasm a `tf.gather` along time costs ~40 ns per element, this
 * loop ~3): `h` holds `units` sequences [T, C]; row (unit, t) of the result is the patch
 * [z[(t − h') mod T], …, z[(t + h') mod T]] (h' = (k−1)/2), so column s·C + c is z[(t + s − h') mod T, c].
 */
export function circularIm2col(h: Float32Array, units: number, length: number, channels: number, kernel: number, index: Int32Array = circularPatchIndex(length, kernel)): Float32Array {
  const out = new Float32Array(units * length * kernel * channels);
  let d = 0;
  for (let u = 0; u < units; u++) {
    const base = u * length * channels;
    for (let q = 0; q < length * kernel; q++) {
      let p = base + index[q] * channels;
      for (let c = 0; c < channels; c++) out[d++] = h[p++];
    }
  }
  return out;
}

/** Runs the ensemble and returns every unit's log-length trace. */
export async function measureConvLengths(exp: ConvLengthExperiment): Promise<ConvLengthTrace> {
  await initEngine();
  const network = resolveConvNetwork(exp, exp.parts);
  const sample = exp.parts?.sampleWeights ?? sampleLaw;
  const netStream = exp.parts?.netStream ?? netSeed;
  const { channels, kernel, length: T, layers, activation } = network;
  const c0 = channels[0];
  validateNets(exp.nets);
  const { unit: unitInputs, logM0, batch } = normalizeInputs(exp.inputs, c0 * T);
  const depth = layers.length;
  const logM = new Float64Array(exp.nets * batch * (depth + 1));
  const fingerprints = new Float64Array(exp.nets);
  const perNetFloats = Math.max(...layers.map((l) => Math.max(kernel * l.cIn * l.cOut, batch * T * kernel * l.cIn, batch * T * l.cOut)));
  const chunk = Math.max(1, Math.min(exp.nets, Math.floor(MAX_CHUNK_FLOATS / perNetFloats)));
  const rows = batch * T;
  const strategies = layers.map((l) => chooseStrategy(rows, kernel * l.cIn, l.cOut, exp.strategy ?? 'auto'));
  const index = circularPatchIndex(T, kernel);
  const inputCols = circularIm2col(unitInputs, batch, T, c0, kernel, index); // shared by every network

  for (let start = 0; start < exp.nets; start += chunk) {
    const count = Math.min(chunk, exp.nets - start);
    const streams = Array.from({ length: count }, (_, e) => new RandomStream(netStream(exp.seed, 'net', start + e)));
    let cols: Float32Array = inputCols;
    let lead = 1; // the input is shared: one copy of its columns for the whole chunk
    let logS: tf.Tensor2D = tf.tensor2d(Float32Array.from({ length: count * batch }, (_, q) => logM0[q % batch]), [count, batch]);
    const perLayer: tf.Tensor2D[] = [];
    for (let j = 0; j < depth; j++) {
      const layer = layers[j];
      const n = kernel * layer.cIn;
      const per = n * layer.cOut;
      const wBuf = new Float32Array(count * per);
      if (exp.parts?.sampleWeights) streams.forEach((s, e) => sample(s, layer.law, layer.weightStd, wBuf, e * per, per));
      else sampleLawEach(streams, layer.law, layer.weightStd, wBuf, per);
      if (j === 0) for (let e = 0; e < count; e++) fingerprints[start + e] = fingerprint(wBuf, e * per, per);
      const [hNext, logNext] = tf.tidy(() => {
        let h2 = tf.tensor3d(cols, [lead, rows, n]);
        if (lead === 1 && count > 1 && strategies[j] === 'batched') h2 = tf.broadcastTo(h2, [count, rows, n]) as tf.Tensor3D;
        const pre = ensembleMatMul(h2, wBuf, [count, n, layer.cOut], strategies[j]).reshape([count, batch, T, layer.cOut]);
        return renormalize(applyActivation(activation, pre), logS, pre) as [tf.Tensor4D, tf.Tensor2D];
      });
      if (j === 0) logS.dispose(); // later ones are kept in perLayer
      logS = logNext;
      perLayer.push(logNext);
      if (j + 1 < depth) {
        cols = circularIm2col((await hNext.data()) as Float32Array, count * batch, T, layer.cOut, kernel, index);
        lead = count;
      }
      hNext.dispose();
    }
    await storeLayers(perLayer, logM, logM0, start, count);
    perLayer.forEach((t) => t.dispose());
  }

  return { network, nets: exp.nets, inputsPerNet: batch, depth, logM, ...classifyUnits(logM, exp.nets * batch, depth), fingerprints, strategies };
}
