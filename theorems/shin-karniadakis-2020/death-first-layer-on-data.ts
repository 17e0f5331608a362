/**
 * Death of a first-layer neuron on a data set (Shin & Karniadakis 2020, the distribution of active
 * neurons; docs/claims.md §1.2 [D]).
 *
 * A first-layer neuron z(x) = w·x + b is dead on {x_i} iff (w, b)·(x_i, 1) ≤ 0 for every i, i.e. iff
 * (w, b) lies in the polar cone of the augmented data. For 1-D data in [a, c], z is linear in x,
 * so the condition only involves the extreme points a and c. With w ~ N(0, s_w²), b ~ N(0, s_b²)
 * (s_b > 0), write (w, b) = (s_w g₁, s_b g₂) with g isotropic: dead iff g·(s_w a, s_b) ≤ 0 and
 * g·(s_w c, s_b) ≤ 0, the intersection of two half-planes whose normals make the angle φ, so
 *
 *     P(dead) = (π − φ) / (2π),   φ = ∠((s_w a, s_b), (s_w c, s_b)),      P(active) = ½ + φ/(2π).
 *
 * The neurons are independent, so the number active on the data is Binomial(N_1, P(active)); the
 * test pools every neuron of every network (i.i.d. Bernoulli units). With one data point φ = 0:
 * the single-point law ½ (a reject twin shows the data geometry is seen).
 *
 * Verification. [D] derived above (docs/claims.md §1.2 records the same formula for isotropic (w, b);
 * the anisotropic scaling by (s_w, s_b) is derived here). [R] the paper's theorem statement.
 */
import { type Theorem } from '../types';
import { equals } from '../relation';
import { citeSK } from './paper';
import { throwIf } from './config';

const ID = 'SK2020.Death.first-layer-on-data';

export interface FirstLayerDataConfig {
  /** First-layer width N_1. */
  width: number;
  /** Weight variance c (1-D input: Var(w) = c; He: 2). */
  weightScale: number;
  /** s_b > 0. */
  biasStd: number;
  /** 1-D training inputs. */
  data: number[];
}

export function activeOnDataProbability(c: FirstLayerDataConfig): number {
  const sw = Math.sqrt(c.weightScale);
  const a = Math.min(...c.data);
  const b = Math.max(...c.data);
  const phi = Math.abs(Math.atan2(c.biasStd, sw * b) - Math.atan2(c.biasStd, sw * a));
  return 0.5 + phi / (2 * Math.PI);
}

export const deathFirstLayerOnData: Theorem<FirstLayerDataConfig> = {
  id: ID,
  title: 'A first-layer neuron is active on 1-D data in [a, c] with probability ½ + φ/(2π)',
  paper: citeSK('abstract ("the probability distribution of the number of active neurons at initialization"); docs/claims.md §1.2 [D]'),
  provenance: 'D',
  statement: 'w ~ N(0, s_w²), b ~ N(0, s_b²), 1-D data with extremes a < c: P(neuron active on some data point) = ½ + φ/(2π), φ the angle between (s_w a, s_b) and (s_w c, s_b); the number active is Binomial(N_1, that).',
  hypotheses: ['1-D input; first-layer weights i.i.d. N(0, s_w²) and biases i.i.d. N(0, s_b²), s_b > 0', 'active on the data = z > 0 on at least one data point'],
  verification: '[D] derived in the header (polar-cone argument, docs/claims.md §1.2). The paper\'s exact statement could not be read.',
  unit: { kind: 'binary', description: 'one first-layer neuron of one network: 1 if it is active (z > 0) on at least one data point (every neuron of every network pooled)' },
  domain(c) {
    throwIf(
      ID,
      (!Number.isInteger(c.width) || c.width < 1 ? `width must be an integer ≥ 1; got ${c.width}` : undefined) ??
        (!(c.weightScale > 0 && Number.isFinite(c.weightScale)) ? `weightScale must be a finite number > 0; got ${c.weightScale}` : undefined) ??
        (!(c.biasStd > 0 && Number.isFinite(c.biasStd)) ? `biasStd must be a finite number > 0; got ${c.biasStd}` : undefined) ??
        (!Array.isArray(c.data) || c.data.length < 1 || !c.data.every((v) => Number.isFinite(v)) ? `data must be ≥ 1 finite numbers; got ${JSON.stringify(c.data)}` : undefined),
    );
    return c;
  },
  predict: (c) => equals(activeOnDataProbability(c)),
};
