/**
 * The Monte Carlo experiment behind HR2018.Conv.mean-length: an ensemble of independent 1-D
 * convolutional networks (circular padding) evaluated on a few fixed input sequences, lengths
 * carried in log space by the engine (`engine/measure/conv-lengths.ts`).
 *
 * Unit of sampling: one network; its value is the average over the B fixed inputs of M_d / M_0
 * (`unitRatios`, as for FM1), so units are i.i.d. and their mean estimates E[M_d]/M_0.
 *
 * Sample size. The spread of a unit is architectural, like FM1's e^{5β}: given z_{j−1} the C_j
 * output channels are independent, each a sum over T positions that share the same C_{j−1}·k
 * weights, so the per-layer factor M_j/M_{j−1} has relative variance κ_j / C_j with κ_j ≈ 0.5–4
 * (measured: small fan-in C_{j−1}·k and short T give the largest; κ_j grows with depth as the
 * activations become correlated along t), and Var(unit)/mean² ≈ ∏_j (1 + κ_j/C_j) − 1
 * ≤ e^{κ·β_C} − 1 with β_C = Σ_j 1/C_j and κ = {@link KAPPA}. `netsFor` sizes each configuration
 * from that bound so that every configuration has about the same power. The bound needs a first
 * layer of fan-in C_0·k ≥ 2: with a single input channel and kernel 1, z_1[c, t] = ReLU(w_c·x_t) has
 * rank ≤ 2 in (c, t) and every later layer behaves as if it had ~2 channels (measured κ ≈ 3.9).
 */
import { measureConvLengths, type ConvLengthTrace } from '../../engine/measure/conv-lengths';
import type { SamplingParts } from '../../engine/geometry/net64';
import type { ConvLengthConfig } from '../../theorems/hanin-rolnick-2018/convolutional';
import type { Experiment } from '../harness/types';
import { fixedInputs, traceExperiment, unitRatios } from './length-experiment';

/** Fixed inputs per network: white Gaussian sequences whose norms differ by up to e² (fixedInputs). */
const CONV_INPUTS_PER_NET = 2;

/**
 * Upper envelope of the measured κ (Var(unit)/mean² = e^{κβ_C} − 1, 4000 networks, B = 2): the
 * largest effective κ over the property's domain was 2.74 (kernel 1, T = 8, channels [2, 10, 10, 10,
 * 10]); typical values are 0.3–2.3 (larger kernels and longer sequences decorrelate the positions).
 */
const KAPPA = 3;

export const channelBeta = (channels: readonly number[]): number => channels.slice(1).reduce((s, c) => s + 1 / c, 0);

/** Bound on a unit's squared coefficient of variation, e^{κ·β_C} − 1. */
const cv2Bound = (config: ConvLengthConfig): number => Math.expm1(KAPPA * channelBeta(config.channels));

/**
 * Networks for a configuration: `perCv2` networks per unit of the CV² bound, within [min, max].
 * The relative deviation detectable at power 0.99 is ≈ (z_{1−α′/2} + z_{0.99})·CV/√n, so a fixed
 * `perCv2` gives every configuration about the same detectable deviation.
 */
export function netsFor(config: ConvLengthConfig, sizing: { perCv2: number; min: number; max: number }): number {
  return Math.min(sizing.max, Math.max(sizing.min, Math.ceil((sizing.perCv2 * cv2Bound(config)) / 100) * 100));
}

function convInputs(seed: number, config: ConvLengthConfig): Float32Array {
  return fixedInputs(seed, config.channels[0] * config.length, CONV_INPUTS_PER_NET);
}

export async function convLengthExperiment(
  config: ConvLengthConfig,
  opts: { seed: number; nets: number; parts?: SamplingParts },
): Promise<{ trace: ConvLengthTrace; experiment: Experiment }> {
  if (config.init.bias.law !== 'zero') throw new Error(`convolutional networks have zero biases; got ${JSON.stringify(config.init.bias)}`);
  const trace = await measureConvLengths({
    channels: config.channels,
    kernel: config.kernel,
    length: config.length,
    init: { law: config.init.law, variance: config.init.variance, bias: { law: 'zero' } },
    inputs: convInputs(opts.seed, config),
    nets: opts.nets,
    seed: opts.seed,
    ...(opts.parts ? { parts: opts.parts } : {}),
  });
  const experiment = traceExperiment(trace, unitRatios(trace, trace.depth), { nets: trace.nets });
  return { trace, experiment };
}
