/**
 * The Monte Carlo experiment behind the activation-length claims: an ensemble of independent
 * networks evaluated on a few fixed inputs, lengths carried in log space by the engine.
 *
 * Unit of sampling: one network. Its value is the average over the B fixed inputs of M_d / M_0,
 * so units are i.i.d. across networks (inputs within one network are not independent) and their
 * mean estimates E[M_d]/M_0, which the theorem states for every fixed input.
 */
import { measureLengths } from '../../engine/measure/lengths';
import { lengthRatio, type LogLengthTrace } from '../../engine/measure/log-space';
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import type { NetworkSpec } from '../../engine/network/spec';
import type { SamplingParts } from '../../engine/geometry/net64';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fully-connected';
import type { Experiment } from '../harness/types';
import { ss } from '../stats/simple-statistics';
import { edgeworthCalibration, sampleMoments } from '../stats';

export const INPUTS_PER_NET = 4;

/** B fixed inputs: Gaussian directions with norms spread over two orders of magnitude. */
export function fixedInputs(seed: number, n0: number, count = INPUTS_PER_NET): Float32Array {
  const stream = new RandomStream(deriveSeed(seed, 'inputs'));
  const x = new Float32Array(count * n0);
  stream.fillNormal(x);
  for (let b = 0; b < count; b++) {
    const scale = Math.exp(4 * stream.nextFloat64() - 2);
    for (let i = 0; i < n0; i++) x[b * n0 + i] *= scale;
  }
  return x;
}

function networkOf(config: LengthConfig & { output?: 'relu' | 'linear' }): NetworkSpec {
  return {
    widths: config.widths,
    init: config.init,
    activation: { kind: 'relu' },
    ...(config.output === 'linear' ? { outputActivation: { kind: 'linear' as const } } : {}),
  };
}

/** Per-network mean over inputs of (M_j / M_0)^power (power 1: the FM1 unit; 2: the FM2 unit). */
export function unitRatios(trace: LogLengthTrace, layer: number, power = 1): Float64Array {
  const B = trace.inputsPerNet;
  const out = new Float64Array(trace.nets);
  for (let e = 0; e < trace.nets; e++) {
    let s = 0;
    for (let b = 0; b < B; b++) s += lengthRatio(trace, e * B + b, layer) ** power;
    out[e] = s / B;
  }
  return out;
}

/**
 * The level at which the sizing asks the Edgeworth calibration to be trusted: the smallest α_i of the
 * length claims is ≈ 4·10⁻⁶, and a calibration trusted at a smaller α is trusted at a larger one (the
 * correction factor shrinks as α grows).
 */
const SIZING_ALPHA = 1e-6;

/** Whether the mean check's Edgeworth calibration is trusted for these units (two-sided and both one-sided forms). */
export function calibrationTrusted(units: Float64Array): boolean {
  const m = sampleMoments(units);
  return (['two-sided', 'upper', 'lower'] as const).every((sides) => edgeworthCalibration(m.n, m.skewness, m.excessKurtosis, SIZING_ALPHA, sides).trusted);
}

/**
 * Runs an experiment with `nets` networks and, while the mean check could not vouch for its rate on
 * the units (heavy tails: deep, narrow configurations give excess kurtosis ≈ 50), reruns it with 4×
 * as many (the same first networks plus new ones, seeds are per network) up to `maxNets`. `vouched`
 * is the harness's test of the claim's own check at its α (ExperimentContext.vouched; default
 * {@link calibrationTrusted}); either reads only the sample's skewness and kurtosis, never its mean
 * or the prediction.
 */
export async function untilCalibrated<T extends { units: Float64Array; reference?: Float64Array }>(
  nets: number,
  maxNets: number,
  run: (nets: number) => Promise<T>,
  vouched: (units: Float64Array, reference?: Float64Array) => boolean = calibrationTrusted,
): Promise<T> {
  for (let n = nets; ; n = Math.min(maxNets, 4 * n)) {
    const result = await run(n);
    if (n >= maxNets || vouched(result.units, result.reference)) return result;
  }
}

/** Per-network mean over inputs of the empirical variance across layers 1..d of M_j / M_0. */
export function unitEmpiricalVariances(trace: LogLengthTrace): Float64Array {
  const B = trace.inputsPerNet;
  const d = trace.depth;
  const out = new Float64Array(trace.nets);
  for (let e = 0; e < trace.nets; e++) {
    let acc = 0;
    for (let b = 0; b < B; b++) {
      let s = 0;
      let s2 = 0;
      for (let j = 1; j <= d; j++) {
        const m = lengthRatio(trace, e * B + b, j);
        s += m;
        s2 += m * m;
      }
      acc += s2 / d - (s / d) ** 2;
    }
    out[e] = acc / B;
  }
  return out;
}

export async function lengthExperiment(
  config: LengthConfig & { output?: 'relu' | 'linear' },
  opts: { seed: number; nets: number; parts?: SamplingParts; inputs?: Float32Array },
): Promise<{ trace: LogLengthTrace; experiment: Experiment }> {
  const trace = await measureLengths({
    network: networkOf(config),
    inputs: opts.inputs ?? fixedInputs(opts.seed, config.widths[0]),
    nets: opts.nets,
    seed: opts.seed,
    ...(opts.parts ? { parts: opts.parts } : {}),
  });
  return { trace, experiment: traceExperiment(trace, unitRatios(trace, trace.depth)) };
}

/** An experiment from a length trace: the units, the measured outcomes, and a fault on any NaN/+∞. */
export function traceExperiment(trace: LogLengthTrace, units: Float64Array, outcomes: Record<string, number> = {}): Experiment {
  const nonfinite = trace.outcomes.nonfinite;
  return {
    units,
    fingerprints: trace.fingerprints,
    outcomes: { ...trace.outcomes, units: trace.nets * trace.inputsPerNet, ...outcomes },
    ...(nonfinite > 0 ? { fault: `${nonfinite} of ${trace.status.length} (network, input) pairs produced NaN or +∞ lengths` } : {}),
  };
}

/** Reviewer figure data: mean of M_j/M_0 and spread of log(M_j/M_0) at every depth j. */
export function depthProfile(trace: LogLengthTrace, predictAt: (depth: number) => number): Record<string, unknown>[] {
  const stride = trace.depth + 1;
  const rows: Record<string, unknown>[] = [];
  for (let j = 1; j <= trace.depth; j++) {
    const ratios = Array.from(unitRatios(trace, j));
    const logs: number[] = [];
    for (let u = 0; u < trace.status.length; u++) {
      const v = trace.logM[u * stride + j] - trace.logM[u * stride];
      if (Number.isFinite(v)) logs.push(v); // dead units (log 0 = −∞) are counted apart
    }
    rows.push({
      depth: j,
      meanRatio: ss.mean(ratios),
      seRatio: ss.sampleStandardDeviation(ratios) / Math.sqrt(ratios.length),
      prediction: predictAt(j),
      meanLogRatio: logs.length ? ss.mean(logs) : null,
      sdLogRatio: logs.length > 1 ? ss.sampleStandardDeviation(logs) : null,
      deadFraction: 1 - logs.length / trace.status.length,
    });
  }
  return rows;
}
