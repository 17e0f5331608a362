/**
 * Born dead at a point (Lu, Shin, Su & Karniadakis 2020; `SK2020.BornDead.at-point`, [D]): with zero
 * biases and the rows of every kernel independent with a symmetric continuous law, the neurons of a
 * layer are independent and each is inactive at x with probability ½ given a non-zero input, so
 *
 *     P(some layer has no active neuron at x) = 1 − ∏_l (1 − 2^{−n_l}),
 *
 * whatever the variance. A component that correlates the rows of a kernel (or is not symmetric)
 * misses it. Measured: the fraction of networks dead at their input, with a Clopper–Pearson interval;
 * keeps when the interval holds the prediction, breaks otherwise.
 */
import type { BornDeadAudit } from '../../reports/audit-schema';
import { clopperPearsonInterval } from '../stats';
import type { EnsembleStats } from './ensemble';

/** 1 − ∏(1 − 2^{−n_l}), computed as −expm1(Σ log1p(−2^{−n_l})) so that wide layers keep their tiny value. */
export const bornDeadProbability = (widths: readonly number[]): number => -Math.expm1(widths.slice(1).reduce((s, n) => s + Math.log1p(-(2 ** -n)), 0));

export function bornDeadAudit(stats: EnsembleStats, o: { level: number; zeroBiases: boolean }): BornDeadAudit {
  const dead = stats.dead.reduce((s, d) => s + d, 0);
  const cp = clopperPearsonInterval(dead, stats.nets, o.level);
  const measured = { estimate: cp.estimate, lower: cp.lower, upper: cp.upper };
  const base = { widths: stats.widths, nets: stats.nets, dead, measured };
  if (!o.zeroBiases) return { ...base, predicted: null, verdict: 'not applicable', reason: 'the biases are not zero: the formula needs zero biases' };
  const predicted = bornDeadProbability(stats.widths);
  return { ...base, predicted, verdict: predicted >= measured.lower && predicted <= measured.upper ? 'keeps' : 'breaks' };
}
