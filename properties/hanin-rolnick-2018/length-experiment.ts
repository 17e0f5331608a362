/**
 * The Monte Carlo experiment behind the activation-length claims: an ensemble of independent
 * networks evaluated on a few fixed inputs, lengths carried in log space by the engine.
 *
 * Unit of sampling: one network. Its value is the average over the B fixed inputs of M_d / M_0,
 * so units are i.i.d. across networks (inputs within one network are not independent) and their
 * mean estimates E[M_d]/M_0, which the theorem states for every fixed input.
 */
import { measureLengths, lengthRatio, STATUS_NONFINITE, type LengthTrace } from '../../engine/measure/lengths';
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import type { NetworkSpec } from '../../engine/network/spec';
import type { Mutant } from '../../engine/mutants';
import type { LengthConfig } from '../../theorems/hanin-rolnick-2018/fm1-mean-length';
import type { Experiment } from '../harness/types';

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

export function networkOf(config: LengthConfig): NetworkSpec {
  return { widths: config.widths, init: config.init, activation: { kind: 'relu' } };
}

/** Per-network mean over inputs of M_j / M_0, for every layer j (index j, j = 0 is 1). */
export function unitRatios(trace: LengthTrace, layer: number): Float64Array {
  const B = trace.inputsPerNet;
  const out = new Float64Array(trace.nets);
  for (let e = 0; e < trace.nets; e++) {
    let s = 0;
    for (let b = 0; b < B; b++) s += lengthRatio(trace, e * B + b, layer);
    out[e] = s / B;
  }
  return out;
}

export async function lengthExperiment(config: LengthConfig, opts: { seed: number; nets: number; mutant?: Mutant }): Promise<{ trace: LengthTrace; experiment: Experiment }> {
  const trace = await measureLengths({
    network: networkOf(config),
    inputs: fixedInputs(opts.seed, config.widths[0]),
    nets: opts.nets,
    seed: opts.seed,
    ...(opts.mutant ? { mutant: opts.mutant } : {}),
  });
  const nonfinite = trace.status.reduce((k, s) => k + (s === STATUS_NONFINITE ? 1 : 0), 0);
  const experiment: Experiment = {
    units: unitRatios(trace, trace.depth),
    outcomes: { ...trace.outcomes, units: trace.nets * trace.inputsPerNet },
    ...(nonfinite > 0 ? { fault: `${nonfinite} of ${trace.status.length} (network, input) pairs produced NaN or +∞ lengths` } : {}),
  };
  return { trace, experiment };
}

/** Reviewer figure data: mean of M_j/M_0 and spread of log(M_j/M_0) at every depth j. */
export function depthProfile(trace: LengthTrace, predictAt: (depth: number) => number): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let j = 1; j <= trace.depth; j++) {
    const ratios = unitRatios(trace, j);
    const n = ratios.length;
    let s = 0;
    let s2 = 0;
    for (const v of ratios) {
      s += v;
      s2 += v * v;
    }
    const mean = s / n;
    const sd = Math.sqrt(Math.max(0, (s2 - n * mean * mean) / (n - 1)));
    let ls = 0;
    let ls2 = 0;
    let finite = 0;
    const stride = trace.depth + 1;
    for (let u = 0; u < trace.status.length; u++) {
      const v = trace.logM[u * stride + j] - trace.logM[u * stride];
      if (Number.isFinite(v)) {
        ls += v;
        ls2 += v * v;
        finite++;
      }
    }
    const meanLog = finite ? ls / finite : null;
    rows.push({
      depth: j,
      meanRatio: mean,
      seRatio: sd / Math.sqrt(n),
      prediction: predictAt(j),
      meanLogRatio: meanLog,
      sdLogRatio: finite > 1 && meanLog !== null ? Math.sqrt(Math.max(0, (ls2 - finite * meanLog * meanLog) / (finite - 1))) : null,
      deadFraction: 1 - finite / trace.status.length,
    });
  }
  return rows;
}
