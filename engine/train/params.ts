/**
 * Parameters of a fully connected network as plain float64 data.
 *
 * A {@link DenseParams64} holds every layer of one network, the last one being the read-out: layer
 * l computes z_l = W_l h_{l−1} + b_l, hidden layers apply the training activation σ (see
 * activations.ts; the activation is not part of the parameters), the read-out is linear. Weights
 * are row-major [fanOut × fanIn], the layout of engine/geometry/net64.ts: neuron j's incoming
 * weights are weights[j·fanIn … (j+1)·fanIn).
 *
 * Samplers are deterministic functions of a {@link RandomStream}:
 * - {@link sampleDenseParams}: the engine's initializers (law, variance rule, bias law, components),
 *   resolved by engine/network/spec.ts exactly as for the tfjs ensembles and for sampleNet64. Draws
 *   are taken layer by layer, weights (row-major) then biases (only when the bias law is Gaussian),
 *   so the hidden layers equal `sampleNet64` of the same hidden widths on the same stream.
 * - {@link sampleGaussianParams}: every weight AND every bias i.i.d. N(0, std²) (one std, or one per
 *   layer), the small initialization of condensation experiments (Zhou et al. 2022).
 * Callers may also build parameters themselves (special initializations) and check them with
 * {@link validateDenseParams}.
 */
import { RandomStream } from '../random/stream';
import { sampleLayer64, type SamplingParts } from '../geometry/net64';
import { validateWidths } from '../network/architecture';
import { resolveNetwork, type NetworkSpec } from '../network/spec';

export interface DenseLayer64 {
  fanIn: number;
  fanOut: number;
  /** Row-major [fanOut × fanIn]. */
  weights: Float64Array;
  biases: Float64Array;
}

export interface DenseParams64 {
  inputDim: number;
  /** Hidden layers, then the (linear) read-out. At least one layer. */
  layers: DenseLayer64[];
}

/** [n_0, n_1, …, n_L]: input width, hidden widths, output width. */
export function widthsOf(params: DenseParams64): number[] {
  return [params.inputDim, ...params.layers.map((l) => l.fanOut)];
}


/**
 * Checks shapes and finiteness; returns `params`. Errors name the parameter, e.g.
 * `params[3].layers[1].weights[17] must be finite; got NaN`.
 */
export function validateDenseParams(params: DenseParams64, parameter = 'params'): DenseParams64 {
  if (params === null || typeof params !== 'object') throw new Error(`${parameter} must be a DenseParams64 object; got ${String(params)}`);
  if (!Number.isInteger(params.inputDim) || params.inputDim < 1) throw new Error(`${parameter}.inputDim must be an integer ≥ 1; got ${params.inputDim}`);
  if (!Array.isArray(params.layers) || params.layers.length < 1) throw new Error(`${parameter}.layers must hold at least one layer (the read-out)`);
  let fanIn = params.inputDim;
  params.layers.forEach((l, i) => {
    const p = `${parameter}.layers[${i}]`;
    if (l.fanIn !== fanIn) throw new Error(`${p}.fanIn must equal the previous width ${fanIn}; got ${l.fanIn}`);
    if (!Number.isInteger(l.fanOut) || l.fanOut < 1) throw new Error(`${p}.fanOut must be an integer ≥ 1; got ${l.fanOut}`);
    if (!isFloat64Array(l.weights) || l.weights.length !== l.fanIn * l.fanOut) {
      throw new Error(`${p}.weights must be a Float64Array of fanOut·fanIn = ${l.fanIn * l.fanOut} entries; got ${describe(l.weights)}`);
    }
    if (!isFloat64Array(l.biases) || l.biases.length !== l.fanOut) {
      throw new Error(`${p}.biases must be a Float64Array of fanOut = ${l.fanOut} entries; got ${describe(l.biases)}`);
    }
    for (let k = 0; k < l.weights.length; k++) if (!Number.isFinite(l.weights[k])) throw new Error(`${p}.weights[${k}] must be finite; got ${l.weights[k]}`);
    for (let k = 0; k < l.biases.length; k++) if (!Number.isFinite(l.biases[k])) throw new Error(`${p}.biases[${k}] must be finite; got ${l.biases[k]}`);
    fanIn = l.fanOut;
  });
  return params;
}

/** Realm-independent check (a Float64Array from another realm, e.g. structuredClone in jest, fails `instanceof`). */
function isFloat64Array(x: unknown): x is Float64Array {
  return Object.prototype.toString.call(x) === '[object Float64Array]';
}

function describe(x: unknown): string {
  if (x === null || typeof x !== 'object') return String(x);
  const len = (x as { length?: unknown }).length;
  return `${(x as object).constructor?.name ?? 'object'} of length ${String(len)}`;
}


/**
 * Draws one network from the engine's initializer. `spec.widths` = [n_0, hidden…, n_out] lists
 * every layer including the read-out (which gets the same law and variance rule as the others);
 * `spec.activation` is not used here (pass the training activation to the trainer), except through
 * an activation component, which has no effect on parameters.
 */
export function sampleDenseParams(spec: NetworkSpec, stream: RandomStream, parts: SamplingParts = {}): DenseParams64 {
  const resolved = resolveNetwork(spec, parts);
  const layers = resolved.layers.map((r): DenseLayer64 => sampleLayer64(r, stream, parts));
  return { inputDim: resolved.widths[0], layers };
}

/**
 * Every weight and every bias of every layer i.i.d. N(0, std²); `std` is one number or one per
 * layer (length = number of layers). Draws: layer by layer, weights (row-major) then biases.
 */
export function sampleGaussianParams(widths: readonly number[], std: number | readonly number[], stream: RandomStream): DenseParams64 {
  validateWidths(widths);
  const depth = widths.length - 1;
  const stds = typeof std === 'number' ? new Array<number>(depth).fill(std) : [...std];
  if (stds.length !== depth) throw new Error(`std must be a number or list one value per layer (${depth}); got ${stds.length} values`);
  stds.forEach((s, l) => {
    if (!Number.isFinite(s) || s < 0) throw new Error(`std${typeof std === 'number' ? '' : `[${l}]`} must be a finite number ≥ 0; got ${s}`);
  });
  const layers: DenseLayer64[] = [];
  for (let l = 0; l < depth; l++) {
    const fanIn = widths[l];
    const fanOut = widths[l + 1];
    const weights = new Float64Array(fanIn * fanOut);
    const biases = new Float64Array(fanOut);
    if (stds[l] > 0) {
      stream.fillNormal(weights, stds[l]);
      stream.fillNormal(biases, stds[l]);
    }
    layers.push({ fanIn, fanOut, weights, biases });
  }
  return { inputDim: widths[0], layers };
}
