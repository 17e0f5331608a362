/**
 * FM1 (Hanin & Rolnick 2018, `HR2018.FM1.mean-length`, [D]): in a ReLU network with zero biases and
 * independent weights of any symmetric law, E[M_l] = (c_l/2)·E[M_{l−1}] with c_l = fan-in·Var(w_l),
 * so E[M_d]/M_0 = ∏ g_l with the gain per layer g_l = c_l/2. FM1 is avoided iff g = 1 (c = 2).
 *
 * Measured: c per kernel (fan-in × its mean squared weight; the laws are centred), averaged over
 * kernels — pooled over all layers for an initializer (square layers, one law), per layer for a fixed
 * architecture — and E[M_d]/M_0 by forward passes, against ∏ g_l from the measured gains.
 *
 * Verdict (the resolution is fixed before any run: |g − 1| ≤ 0.01 keeps the mean length within
 * ×[0.37, 2.7] over 100 layers): keeps when every gain's interval lies in 1 ± resolution, breaks when
 * one lies outside it, else undetermined.
 */
import type { Fm1Audit } from '../../reports/audit-schema';
import type { EnsembleStats } from './ensemble';
import { concat, meanInterval, overlaps, scale } from './interval';

export const FM1_RESOLUTION = 0.01;

export interface Fm1Options {
  z: number;
  /** Pool the layers (one law, square layers: an initializer) or keep them apart (a fixed architecture). */
  pooled: boolean;
  depths: number[];
  resolution?: number;
  /** fan-in × the declared variance, when the component declares one. */
  cDeclared?: number;
  cause?: string;
}

export function fm1Audit(stats: EnsembleStats, o: Fm1Options): Fm1Audit {
  const resolution = o.resolution ?? FM1_RESOLUTION;
  const { widths } = stats;
  // c per kernel = fan-in × its mean squared weight.
  const cs = stats.m2.map((m2, l) => m2.map((v) => widths[l] * v));
  const perLayer = cs.map((c, l) => ({ layer: l + 1, fanIn: widths[l], fanOut: widths[l + 1], c: meanInterval(c, o.z) }));
  const c = meanInterval(concat(cs), o.z);
  const gain = scale(c, 0.5);
  const gains = o.pooled ? perLayer.map(() => gain) : perLayer.map((p) => scale(p.c, 0.5));
  const inside = (g: { lower: number; upper: number }): boolean => g.lower >= 1 - resolution && g.upper <= 1 + resolution;
  const outside = (g: { lower: number; upper: number }): boolean => g.upper < 1 - resolution || g.lower > 1 + resolution;
  const verdict = gains.every(inside) ? 'keeps' : gains.some(outside) ? 'breaks' : 'undetermined';
  // ∏ g_l over the ensemble's layers, and the geometric-mean gain extrapolated to the printed depths.
  const prod = (pick: (g: { estimate: number; lower: number; upper: number }) => number): number => gains.reduce((p, g) => p * Math.max(0, pick(g)), 1);
  const L = gains.length;
  const geo = (pick: (g: { estimate: number; lower: number; upper: number }) => number): number => prod(pick) ** (1 / L);
  const ratio = meanInterval(stats.ratio[L - 1], o.z);
  const predicted = { estimate: prod((g) => g.estimate), lower: prod((g) => g.lower), upper: prod((g) => g.upper) };
  const cDeclared = o.cDeclared;
  let cause: string | undefined;
  if (cDeclared !== undefined && !overlaps(c, cDeclared, cDeclared)) cause = o.cause ?? `it samples c = ${c.estimate.toPrecision(4)}, not the declared ${cDeclared.toPrecision(4)}`;
  else if (verdict === 'breaks' && cDeclared !== undefined) cause = `its declared rule: c = fan-in·Var(w) = ${cDeclared.toPrecision(4)} ≠ 2`;
  return {
    cDeclared,
    c,
    gain,
    perLayer,
    predicted: o.depths.map((depth) => ({ depth, estimate: geo((g) => g.estimate) ** depth, lower: geo((g) => g.lower) ** depth, upper: geo((g) => g.upper) ** depth })),
    measured: { depth: L, nets: stats.nets, ratio, predicted, consistent: overlaps(ratio, predicted.lower, predicted.upper) },
    verdict,
    resolution,
    varianceCorrection: 2 / c.estimate,
    cause,
  };
}
