/**
 * Randomized asymmetric initialization (RAI) of Lu, Shin, Su & Karniadakis (2020), as described by
 * two independent third-party implementations that cite arXiv 1903.06733 (docs/claims.md §1.5, [S]):
 * for every neuron j of every layer, V_j = (W_j, b_j) ∈ ℝ^{fan_in + 1} has i.i.d. N(0, σ²/fan_in)
 * entries with σ = 0.6007, except one entry, chosen uniformly among the fan_in + 1 (weights and
 * bias alike), which is replaced by a draw from Beta(2, 1) (positive, mean 2/3, E X² = 1/2).
 * Every layer, the read-out included, is drawn this way. The mutant `rai-without-positive-entry`
 * skips the replacement (a symmetric init labelled RAI), for a reject twin.
 */
import { RandomStream } from '../random/stream';
import { validateWidths } from '../network/architecture';
import type { DenseLayer64, DenseParams64 } from '../train/params';

export const RAI_SIGMA = 0.6007;

/** Beta(2, 1) by inversion: F(x) = x², so X = √U. */
export const betaTwoOne = (stream: RandomStream): number => Math.sqrt(stream.nextFloat64());

/** One network [n_0, …, n_L] under RAI. */
export interface RaiOptions {
  /** Draw the positive Beta(2, 1) entry per neuron (default true; false gives the symmetric N(0, σ²/fan-in) part alone). */
  positiveEntry?: boolean;
}

/** Component: one network's parameters under RAI (default {@link sampleRaiParams}). */
export type RaiSampler = (widths: readonly number[], stream: RandomStream) => DenseParams64;

export function sampleRaiParams(widths: readonly number[], stream: RandomStream, options: RaiOptions = {}): DenseParams64 {
  validateWidths(widths);
  const layers: DenseLayer64[] = [];
  for (let l = 1; l < widths.length; l++) {
    const fanIn = widths[l - 1];
    const fanOut = widths[l];
    const weights = new Float64Array(fanIn * fanOut);
    const biases = new Float64Array(fanOut);
    const std = RAI_SIGMA / Math.sqrt(fanIn);
    stream.fillNormal(weights, std);
    stream.fillNormal(biases, std);
    if (options.positiveEntry ?? true) {
      for (let j = 0; j < fanOut; j++) {
        const k = stream.nextInt(fanIn + 1);
        const v = betaTwoOne(stream);
        if (k < fanIn) weights[j * fanIn + k] = v;
        else biases[j] = v;
      }
    }
    layers.push({ fanIn, fanOut, weights, biases });
  }
  return { inputDim: widths[0], layers };
}
