/**
 * The Monte Carlo experiment behind the ResNet claims: an ensemble of independent residual networks
 * evaluated on a few fixed inputs, lengths carried in log space by the engine
 * (engine/measure/residual-lengths.ts).
 *
 * Unit of sampling: one network. Its value is the average over the B fixed inputs of (M_L/M_0)^k
 * (k = 1 for the mean claim, k = 2 for the second-moment claim), so units are i.i.d. across networks
 * and their mean estimates E[(M_L/M_0)^k], which the theorems state for every fixed input.
 *
 * Sizing. The number of networks is chosen per configuration from the EXACT moments of the
 * single-input ratio up to order 4k (theorems/hanin-rolnick-2018/resnet-second-moment.ts,
 * `lengthRatioMoment`): enough networks for power against a stated relative deviation, and for the
 * Edgeworth calibration of the heavy-tailed units to stay well inside its range ({@link netsFor}).
 */
import { measureResidualLengths, type ResidualLengthTrace } from '../../engine/measure/residual-lengths';
import type { Mutant } from '../../engine/mutants';
import { lengthRatioMoment } from '../../theorems/hanin-rolnick-2018/resnet-second-moment';
import type { ResNetConfig } from '../../theorems/hanin-rolnick-2018/resnet-mean-length';
import { requiredSampleSizeForMean } from '../stats';
import type { Experiment } from '../harness/types';
import { calibratedAlpha } from '../checks/mean-vs-prediction';
import { fixedInputs, INPUTS_PER_NET, traceExperiment, unitRatios } from './length-experiment';

import { ss } from '../stats/simple-statistics';
import { DETECTION_POWER } from '../checks/detection';

/** The sizing asks the Edgeworth-calibrated α′ to stay ≥ α/CALIBRATION_MARGIN (the check warns below α/5). */
export const CALIBRATION_MARGIN = 2;

export interface UnitShape {
  mean: number;
  cv: number;
  skewness: number;
  excessKurtosis: number;
}

/**
 * Exact mean, coefficient of variation, skewness and excess kurtosis of X = (M_L/M_0)^k for ONE
 * input, from E[X^j] = E[(M_L/M_0)^{jk}], j ≤ 4 (moments up to order 8 of M_L for k = 2).
 */
export function unitShape(config: Pick<ResNetConfig, 'width' | 'etas'>, power: 1 | 2): UnitShape {
  const [m1, m2, m3, m4] = [1, 2, 3, 4].map((j) => lengthRatioMoment(power * j, config));
  const variance = Math.max(0, m2 - m1 * m1);
  if (variance === 0) return { mean: m1, cv: 0, skewness: 0, excessKurtosis: 0 };
  const c3 = m3 - 3 * m1 * m2 + 2 * m1 ** 3;
  const c4 = m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4;
  return { mean: m1, cv: Math.sqrt(variance) / m1, skewness: c3 / variance ** 1.5, excessKurtosis: c4 / (variance * variance) - 3 };
}

export interface Sizing {
  /** Relative deviation to detect with 99% power. */
  target: number;
  /** α of one assertion (the claim's budget split). */
  alpha: number;
  min: number;
  max: number;
}

/**
 * Networks for a configuration, the largest of:
 * - power: the smallest n whose two-sided test at α detects a relative deviation `target` with 99%
 *   power (normal approximation) with the single-input CV — an upper bound on the unit's CV, since
 *   averaging over inputs cannot raise a variance;
 * - calibration: the smallest n (doubling from `min`) at which the Edgeworth-calibrated α′ for the
 *   unit's shape is ≥ α/CALIBRATION_MARGIN. The unit's shape is approximated from the single-input
 *   one as for an average of B independent inputs (skewness/√B, excess kurtosis/B): the fixed inputs
 *   are independent random directions and the measured unit variance is ≈ 1/B of the single-input
 *   one (e.g. CV 0.8 against 1.75 at n = 16, S = 1.5);
 * clamped to [min, max].
 */
export function netsFor(config: Pick<ResNetConfig, 'width' | 'etas'>, power: 1 | 2, sizing: Sizing, inputsPerNet = INPUTS_PER_NET): number {
  const shape = unitShape(config, power);
  if (shape.cv === 0) return sizing.min;
  const forPower = requiredSampleSizeForMean({ shift: sizing.target, sd: shape.cv, alpha: sizing.alpha, power: DETECTION_POWER, sides: 'two-sided', approximation: 'normal' });
  const skew = shape.skewness / Math.sqrt(inputsPerNet);
  const kurt = shape.excessKurtosis / inputsPerNet;
  let forCalibration = sizing.min;
  while (forCalibration < sizing.max && calibratedAlpha(forCalibration, skew, kurt, sizing.alpha) < sizing.alpha / CALIBRATION_MARGIN) forCalibration *= 2;
  return Math.min(sizing.max, Math.max(sizing.min, forPower, forCalibration));
}

export async function residualExperiment(
  config: ResNetConfig,
  opts: { seed: number; nets: number; power: 1 | 2; mutant?: Mutant },
): Promise<{ trace: ResidualLengthTrace; experiment: Experiment }> {
  const trace = await measureResidualLengths({
    width: config.width,
    etas: config.etas,
    inputs: fixedInputs(opts.seed, config.width),
    nets: opts.nets,
    seed: opts.seed,
    ...(opts.mutant ? { mutant: opts.mutant } : {}),
  });
  const experiment = traceExperiment(trace, unitRatios(trace, trace.depth, opts.power));
  return { trace, experiment };
}

/**
 * Reviewer figure data: at every module l, the mean and standard error of the per-network unit
 * (M_l/M_0)^k and the prediction (k = 1: E[M_l]/M_0 vs l; k = 2: E[M_l²]/M_0² vs l).
 */
export function momentProfile(trace: ResidualLengthTrace, power: 1 | 2, predictAt: (modules: number) => number): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let l = 1; l <= trace.depth; l++) {
    const units = Array.from(unitRatios(trace, l, power));
    rows.push({
      module: l,
      mean: ss.mean(units),
      se: ss.sampleStandardDeviation(units) / Math.sqrt(units.length),
      prediction: predictAt(l),
    });
  }
  return rows;
}
