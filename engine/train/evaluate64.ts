/**
 * Float64 evaluation of a {@link DenseParams64} network in plain JS: outputs and the training loss.
 *
 * The reference for the tfjs trainer (whose loss is float32) and a tool for analysis code, e.g.
 * the loss of exported parameters. The network is the trainer's: hidden layers apply σ, the
 * read-out is linear. The loss is the trainer's MSE: the mean over points and outputs of the
 * squared error, with no ½ factor.
 */
import type { DenseParams64 } from './params';
import { activation64, type TrainActivation } from './activations';

/**
 * Outputs for `inputs` (row-major [n × inputDim]): a Float64Array [n × n_out], row-major.
 */
export function predict64(params: DenseParams64, activation: TrainActivation, inputs: ArrayLike<number>): Float64Array {
  const n0 = params.inputDim;
  if (inputs.length % n0 !== 0) throw new Error(`inputs must hold n × ${n0} values; got length ${inputs.length}`);
  const n = inputs.length / n0;
  const sigma = activation64(activation);
  const L = params.layers.length;
  const nOut = params.layers[L - 1].fanOut;
  const out = new Float64Array(n * nOut);
  let h = new Float64Array(n0);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n0; k++) h[k] = inputs[i * n0 + k];
    let a: Float64Array = h;
    params.layers.forEach((layer, l) => {
      const { fanIn, fanOut, weights: W, biases: b } = layer;
      const z = new Float64Array(fanOut);
      for (let j = 0; j < fanOut; j++) {
        let s = b[j];
        const row = j * fanIn;
        for (let q = 0; q < fanIn; q++) s += W[row + q] * a[q];
        z[j] = l < L - 1 ? sigma(s) : s;
      }
      a = z;
    });
    out.set(a, i * nOut);
    h = new Float64Array(n0);
  }
  return out;
}

/** (1 / (n·n_out)) Σ_i Σ_k (f(x_i)_k − y_ik)², in float64 (no ½ factor). */
export function mseLoss64(params: DenseParams64, activation: TrainActivation, inputs: ArrayLike<number>, targets: ArrayLike<number>): number {
  const y = predict64(params, activation, inputs);
  if (targets.length !== y.length) throw new Error(`targets must hold n × n_out = ${y.length} values; got length ${targets.length}`);
  let s = 0;
  for (let k = 0; k < y.length; k++) s += (y[k] - targets[k]) ** 2;
  return s / y.length;
}
