/**
 * Configurations of the dying-ReLU claims: a fully connected ReLU network [n_0, n_1, …, n_d]
 * (hidden widths; the read-out plays no role in neuron states), weights i.i.d. N(0, c/fan-in) (He:
 * c = 2), biases zero or i.i.d. N(0, s_b²); their validation, and the exact at-a-point formulas the
 * death claims share.
 */

export interface DeathNetConfig {
  /** [n_0, n_1, …, n_d]: input width and hidden widths. */
  widths: number[];
  /** Bias std s_b; 0 = zero biases. */
  biasStd: number;
  /** The input x (length n_0), for the claims at a point. */
  x: number[];
}

export function deathNetProblem(c: { widths: number[]; biasStd: number }): string | undefined {
  if (!Array.isArray(c.widths) || c.widths.length < 2) return `widths must be [n_0, n_1, …] with at least one hidden layer; got ${JSON.stringify(c.widths)}`;
  const bad = c.widths.findIndex((w) => !Number.isInteger(w) || w < 1 || w > 4096);
  if (bad >= 0) return `widths[${bad}] must be an integer in [1, 4096]; got ${c.widths[bad]}`;
  if (!(Number.isFinite(c.biasStd) && c.biasStd >= 0 && c.biasStd <= 100)) return `biasStd (s_b) must be in [0, 100] (0: zero biases); got ${c.biasStd}`;
  return undefined;
}

export function pointProblem(x: unknown, n0: number): string | undefined {
  if (!Array.isArray(x) || x.length !== n0 || !x.every((v) => Number.isFinite(v))) return `x must be ${n0} finite numbers; got ${JSON.stringify(x)}`;
  if (x.every((v) => v === 0)) return 'x must be non-zero (at x = 0 with zero biases every pre-activation is 0)';
  return undefined;
}

export { throwIf } from '../types';

/** ∏_l (1 − 2^{−n_l}) over the hidden widths: the probability that no hidden layer is all-zero at x. */
export const aliveProbability = (hidden: readonly number[]): number => hidden.reduce((p, n) => p * (1 - 2 ** -n), 1);

/** 1 − ∏_l (1 − 2^{−n_l}): the probability that some hidden layer is all-zero at x (born dead at x; born-dead-at-point.ts). */
export const bornDeadProbability = (hidden: readonly number[]): number => 1 - aliveProbability(hidden);
