/**
 * Piecewise-linear networks in float64, for exact geometry (breakpoints, activation regions).
 *
 * tfjs computes in float32 only, and a float32 sign test changes the region count of about 1 net in
 * 50 (measured while building the engine), so region counting runs on float64 copies of the weights: either sampled
 * here from the engine's initializer (same laws, same variance rules, same mutants) or exported from
 * a trained tfjs network (float32 → float64 is exact).
 *
 * A {@link PwlNet64} is the stack of hidden layers only: the (linear) read-out does not create
 * activation regions. Layer l computes z_l = W_l h_{l−1} + b_l (pre-activations) and
 * h_l = σ_l(z_l) with σ_l(t) = t for t > 0 and slope_l·t otherwise (ReLU: slope 0; leaky ReLU;
 * linear: slope 1). A neuron's sign convention: active iff z > 0, so z = 0 counts as inactive.
 */
import { RandomStream } from '../random/stream';
import { sampleGaussianBiases, sampleLaw, type BiasSampler, type WeightSampler } from '../init/laws';
import { resolveNetwork, type NetworkParts, type NetworkSpec, type ResolvedLayer } from '../network/spec';
import type { Activation } from '../network/activation';
import type { NetStreamFn } from '../random/net-stream';

export interface Layer64 {
  fanIn: number;
  fanOut: number;
  /** Row-major [fanOut × fanIn]: neuron j's incoming weights are weights[j·fanIn … (j+1)·fanIn). */
  weights: Float64Array;
  biases: Float64Array;
  /** Negative-side slope of the activation: 0 for ReLU, a ∈ (0, 1) for a leaky ReLU, 1 for linear. */
  slope: number;
}

export interface PwlNet64 {
  inputDim: number;
  layers: Layer64[];
}

export function activationSlope(a: Activation): number {
  switch (a.kind) {
    case 'relu':
      return 0;
    case 'leaky-relu':
      return a.slope;
    case 'linear':
      return 1;
  }
}

/** Total number of hidden neurons (the paper's #neurons). */
export const neuronCount = (net: PwlNet64): number => net.layers.reduce((s, l) => s + l.fanOut, 0);

export function validateNet64(net: PwlNet64, parameter = 'net'): PwlNet64 {
  if (!Number.isInteger(net.inputDim) || net.inputDim < 1) throw new Error(`${parameter}.inputDim must be an integer ≥ 1; got ${net.inputDim}`);
  if (!Array.isArray(net.layers) || net.layers.length < 1) throw new Error(`${parameter}.layers must hold at least one layer`);
  let fanIn = net.inputDim;
  net.layers.forEach((l, i) => {
    const p = `${parameter}.layers[${i}]`;
    if (l.fanIn !== fanIn) throw new Error(`${p}.fanIn must equal the previous width ${fanIn}; got ${l.fanIn}`);
    if (!Number.isInteger(l.fanOut) || l.fanOut < 1) throw new Error(`${p}.fanOut must be an integer ≥ 1; got ${l.fanOut}`);
    if (l.weights.length !== l.fanIn * l.fanOut) throw new Error(`${p}.weights must have fanIn·fanOut = ${l.fanIn * l.fanOut} entries; got ${l.weights.length}`);
    if (l.biases.length !== l.fanOut) throw new Error(`${p}.biases must have fanOut = ${l.fanOut} entries; got ${l.biases.length}`);
    if (!(l.slope >= 0 && l.slope <= 1)) throw new Error(`${p}.slope must be in [0, 1]; got ${l.slope}`);
    for (const v of l.weights) if (!Number.isFinite(v)) throw new Error(`${p}.weights must be finite`);
    for (const v of l.biases) if (!Number.isFinite(v)) throw new Error(`${p}.biases must be finite`);
    fanIn = l.fanOut;
  });
  return net;
}

/** The components sampling a network uses: its resolution's plus the weight and bias samplers. */
export interface SamplingParts extends NetworkParts {
  sampleWeights?: WeightSampler;
  sampleBiases?: BiasSampler;
  /** The seed of network i of an ensemble (engine/random/net-stream.ts), for the ensemble samplers. */
  netStream?: NetStreamFn;
}

/**
 * Draws one network's hidden layers in float64 from the engine's initializer (laws, variance rules,
 * bias law and components exactly as the tfjs engine resolves them). `spec.widths` = [n_0, n_1, …, n_d]
 * lists hidden layers only; every layer uses `spec.activation`.
 */
export function sampleNet64(spec: NetworkSpec, stream: RandomStream, parts: SamplingParts = {}): PwlNet64 {
  const resolved = resolveNetwork(spec, parts);
  const layers = resolved.layers.map((r): Layer64 => ({ ...sampleLayer64(r, stream, parts), slope: activationSlope(r.activation) }));
  return { inputDim: resolved.widths[0], layers };
}

/** One resolved layer's weights (row-major [fanOut × fanIn]) and biases, drawn in float64. */
export function sampleLayer64(r: ResolvedLayer, stream: RandomStream, parts: SamplingParts = {}): { fanIn: number; fanOut: number; weights: Float64Array; biases: Float64Array } {
  const weights = new Float64Array(r.fanIn * r.fanOut);
  (parts.sampleWeights ?? sampleLaw)(stream, r.law, r.weightStd, weights);
  const biases = new Float64Array(r.fanOut);
  (parts.sampleBiases ?? sampleGaussianBiases)(stream, r.biasStd, biases);
  return { fanIn: r.fanIn, fanOut: r.fanOut, weights, biases };
}

/**
 * Pre-activations of every layer at a point x (float64), written into `out[l]` (length fanOut of
 * layer l); returns `out`. Allocates `out` when not given.
 */
export function preActivations(net: PwlNet64, x: ArrayLike<number>, out?: Float64Array[]): Float64Array[] {
  const zs = out ?? net.layers.map((l) => new Float64Array(l.fanOut));
  let h: ArrayLike<number> = x;
  let hBuf: Float64Array | undefined;
  net.layers.forEach((l, li) => {
    const z = zs[li];
    const { weights: W, biases: b, fanIn } = l;
    for (let j = 0; j < l.fanOut; j++) {
      let s = b[j];
      const row = j * fanIn;
      for (let i = 0; i < fanIn; i++) s += W[row + i] * h[i];
      z[j] = s;
    }
    hBuf = new Float64Array(l.fanOut);
    for (let j = 0; j < l.fanOut; j++) hBuf[j] = z[j] > 0 ? z[j] : l.slope * z[j];
    h = hBuf;
  });
  return zs;
}

/** The activation pattern at x as a string of '0'/'1' (neuron order: layer by layer), for hashing. */
export function activationPattern(net: PwlNet64, x: ArrayLike<number>): string {
  const zs = preActivations(net, x);
  let s = '';
  for (const z of zs) for (let j = 0; j < z.length; j++) s += z[j] > 0 ? '1' : '0';
  return s;
}
