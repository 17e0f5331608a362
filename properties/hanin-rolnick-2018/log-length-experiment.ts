/**
 * The log-length experiments of HR2018.FM1.log-length and HR2018.FM2.log-variance: an ensemble of
 * Gaussian networks at one fixed input (the law of M_d/M_0 does not depend on x for Gaussian weights),
 * the networks alive at x kept (their log(M_d/M_0) is the theorems' conditional law; the dead ones are
 * counted), and for the variance claim disjoint blocks of live networks turned into unbiased sample
 * variances.
 */
import { STATUS_OK, type LogLengthTrace } from '../../engine/measure/lengths';
import type { SamplingParts } from '../../engine/geometry/net64';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import { fixedInputs, lengthExperiment } from './length-experiment';
import { sampleMoments } from '../stats';

/** Networks per block (one unit of the variance claim): χ²₃₁/31-shaped units for near-normal logs, skewness ≈ 0.5. */
export const BLOCK = 32;

/** log(M_j/M_0) at layer `layer` (default: the last) of every network alive at x, in network order. */
export function liveLogRatios(trace: LogLengthTrace, layer = trace.depth): Float64Array {
  const stride = trace.depth + 1;
  const out: number[] = [];
  for (let e = 0; e < trace.nets; e++) if (trace.status[e] === STATUS_OK) out.push(trace.logM[e * stride + layer] - trace.logM[e * stride]);
  return Float64Array.from(out);
}

/** Unbiased sample variances over disjoint blocks of `block` consecutive values (a last incomplete block is dropped). */
export function blockVariances(values: Float64Array, block: number): Float64Array {
  if (!(Number.isInteger(block) && block >= 2)) throw new Error(`blockVariances: block must be an integer ≥ 2; got ${block}`);
  return Float64Array.from({ length: Math.floor(values.length / block) }, (_, b) => sampleMoments(values.subarray(b * block, (b + 1) * block)).variance);
}

/** `nets` networks of `config` at one fixed input (from `seed`). */
export async function oneInputTrace(config: LengthConfig, seed: number, nets: number, parts?: SamplingParts): Promise<LogLengthTrace> {
  const { trace } = await lengthExperiment(config, { seed, nets, ...(parts ? { parts } : {}), inputs: fixedInputs(seed, config.widths[0], 1) });
  return trace;
}
