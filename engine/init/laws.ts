/**
 * Weight laws: symmetric distributions, each parameterised by its *nominal* standard deviation s
 * (the std the initializer asks for). Only the Gaussian and uniform laws have variance s²; the
 * truncated normal keeps TF/Keras' convention of truncating N(0, s²) at ±2s *without* rescaling,
 * so its variance is 0.773741·s². The engine only samples; predictions live in `theorems/`.
 */
import { RandomStream } from '../random/stream';

export const WEIGHT_LAWS = ['gaussian', 'uniform', 'truncated-normal'] as const;
export type WeightLaw = (typeof WEIGHT_LAWS)[number];

export function parseWeightLaw(name: string, parameter = 'law'): WeightLaw {
  if ((WEIGHT_LAWS as readonly string[]).includes(name)) return name as WeightLaw;
  throw new Error(`${parameter} must be one of ${WEIGHT_LAWS.join(', ')}; got "${name}"`);
}

/** Truncation point of the truncated normal, in units of the nominal std (TF's default). */
export const TRUNCATION_BOUND = 2;

/** Component: fills `out[offset .. offset+length)` with i.i.d. draws of `law` at nominal std `std` (default {@link sampleLaw}). */
export type WeightSampler = (stream: RandomStream, law: WeightLaw, std: number, out: Float32Array | Float64Array, offset?: number, length?: number) => void;
/** Component: fills `out[offset .. offset+length)` with biases of nominal std `std` (std 0: no bias; default {@link sampleGaussianBiases}). */
export type BiasSampler = (stream: RandomStream, std: number, out: Float32Array | Float64Array, offset?: number, length?: number) => void;

/** The engine's bias law: i.i.d. N(0, std²); nothing is drawn when std = 0 (zero biases). */
export const sampleGaussianBiases: BiasSampler = (stream, std, out, offset = 0, length = out.length - offset) => {
  if (std > 0) stream.fillNormal(out, std, offset, length);
};

/** Fills `out[offset .. offset+length)` with i.i.d. draws of `law` at nominal std `std`. */
export function sampleLaw(
  stream: RandomStream,
  law: WeightLaw,
  std: number,
  out: Float32Array | Float64Array,
  offset = 0,
  length = out.length - offset,
): void {
  switch (law) {
    case 'gaussian':
      stream.fillNormal(out, std, offset, length);
      return;
    case 'uniform':
      stream.fillUniform(out, Math.sqrt(3) * std, offset, length);
      return;
    case 'truncated-normal':
      stream.fillTruncatedNormal(out, std, TRUNCATION_BOUND, offset, length);
      return;
  }
}

/**
 * {@link sampleLaw} for every stream of an ensemble: streams[e] fills out[offset + e·per … + per),
 * with exactly the values and final states of calling sampleLaw stream by stream (the Gaussian law
 * in one native call when the engine's addon is installed: RandomStream.fillNormalEach).
 */
export function sampleLawEach(streams: readonly RandomStream[], law: WeightLaw, std: number, out: Float32Array | Float64Array, per: number, offset = 0): void {
  if (law === 'gaussian') RandomStream.fillNormalEach(streams, out, std, offset, per);
  else streams.forEach((s, e) => sampleLaw(s, law, std, out, offset + e * per, per));
}

/** {@link sampleGaussianBiases} for every stream of an ensemble (as {@link sampleLawEach}). */
export function sampleGaussianBiasesEach(streams: readonly RandomStream[], std: number, out: Float32Array | Float64Array, per: number, offset = 0): void {
  if (std > 0) RandomStream.fillNormalEach(streams, out, std, offset, per);
}
