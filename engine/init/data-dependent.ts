/**
 * A data-dependent initialization (DDI) with the property Shin & Karniadakis's DDI is meant to have.
 *
 * The paper's exact algorithm could not be read (docs/claims.md §1.3: "do NOT implement this as the
 * paper's DDI"); this is *an* initialization with the stated property, not the paper's. First layer:
 * every neuron j draws a Gaussian direction w_j ~ N(0, (2/n_0) I) (He scale), picks a training input
 * x_k uniformly, and anchors its hyperplane just beside it:
 *
 *     b_j = −w_j·x_k + ε·‖w_j‖·D,   D = the data's diameter (1 when all inputs coincide),
 *
 * so z_j(x_k) = ε‖w_j‖D > 0: every first-layer neuron is active on at least one training input,
 * i.e. no first-layer neuron is born (permanently) dead, whatever the data. Deeper layers and the
 * read-out use the engine's initializer as given by `spec` (e.g. He with Gaussian biases).
 */
import { RandomStream } from '../random/stream';
import { resolveNetwork, type NetworkSpec } from '../network/spec';
import { sampleLayer64, type SamplingParts } from '../geometry/net64';
import type { DenseLayer64, DenseParams64 } from '../train/params';

/** Offset of the anchored hyperplane from its training input, as a fraction of the data's diameter. */
export const DDI_EPSILON = 0.01;

function diameter(inputs: ArrayLike<number>, d: number): number {
  let best = 0;
  for (let i = 0; i < inputs.length; i += d) {
    for (let k = i + d; k < inputs.length; k += d) {
      let s = 0;
      for (let q = 0; q < d; q++) s += (inputs[i + q] - inputs[k + q]) ** 2;
      best = Math.max(best, s);
    }
  }
  return best > 0 ? Math.sqrt(best) : 1;
}

/** One network under the data-dependent initialization; `inputs` row-major [n × n_0]. */
/** Component: one network's parameters under the data-dependent initialization (default {@link sampleDataDependentParams}). */
export type DdiSampler = (spec: NetworkSpec, inputs: ArrayLike<number>, stream: RandomStream, parts?: SamplingParts) => DenseParams64;

export function sampleDataDependentParams(spec: NetworkSpec, inputs: ArrayLike<number>, stream: RandomStream, parts: SamplingParts = {}, epsilon = DDI_EPSILON): DenseParams64 {
  const resolved = resolveNetwork(spec, parts);
  const n0 = resolved.widths[0];
  if (inputs.length === 0 || inputs.length % n0 !== 0) throw new Error(`inputs must hold n × n_0 = n × ${n0} values (n ≥ 1); got ${inputs.length}`);
  if (!(Number.isFinite(epsilon) && epsilon > 0)) throw new Error(`epsilon must be a finite number > 0; got ${epsilon}`);
  const n = inputs.length / n0;
  const D = diameter(inputs, n0);
  const first = resolved.layers[0];
  const weights = new Float64Array(first.fanIn * first.fanOut);
  stream.fillNormal(weights, Math.sqrt(2 / n0));
  const biases = new Float64Array(first.fanOut);
  for (let j = 0; j < first.fanOut; j++) {
    const k = stream.nextInt(n);
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < n0; i++) {
      const w = weights[j * n0 + i];
      dot += w * inputs[k * n0 + i];
      norm += w * w;
    }
    biases[j] = -dot + epsilon * Math.sqrt(norm) * D;
  }
  const layers: DenseLayer64[] = [{ fanIn: first.fanIn, fanOut: first.fanOut, weights, biases }, ...resolved.layers.slice(1).map((r) => sampleLayer64(r, stream, parts))];
  return { inputDim: n0, layers };
}
