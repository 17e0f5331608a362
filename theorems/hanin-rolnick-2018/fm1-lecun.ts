/**
 * FM1 triggered by LeCun-type initialization (Hanin & Rolnick 2018, §2.5 / Fig. 1(a) [S]): variance
 * 1/fan-in halves the mean length at every layer, E[M_d]/M_0 = 2^−d.
 */
import { OutOfDomainError, type Theorem } from '../types';
import { equals } from '../relation';
import { checkFm1Domain, type LengthConfig } from './fully-connected';
import { cite } from './paper';

export const ID = 'HR2018.FM1.lecun';

export const fm1Lecun: Theorem<LengthConfig> = {
  id: ID,
  title: 'FM1 triggered: LeCun initialization (variance 1/fan-in) halves E[M_j] per layer',
  paper: cite('§2.5 / Fig. 1(a): "variance of weights smaller than the critical value of 2/fan-in lead to a dramatic decrease in output length"'),
  provenance: 'D',
  statement: 'With Var(W) = 1/fan-in (gaussian or uniform) and zero biases: E[M_d]/M_0 = 2^−d.',
  hypotheses: ['as HR2018.FM1.mean-length', 'LeCun preset (1/fan-in), law gaussian or uniform'],
  verification: '[S] Fig. 1(a) quote; [D] the value 2^−d from the exact product formula.',
  unit: { kind: 'continuous', description: 'one random network: M_d/M_0 averaged over a few fixed inputs (its mean is E[M_d]/M_0)' },
  domain: (config) => {
    checkFm1Domain(ID, config);
    if (!('preset' in config.init.variance) || config.init.variance.preset !== 'lecun' || config.init.law === 'truncated-normal') {
      throw new OutOfDomainError(ID, `the LeCun preset with a gaussian or uniform law is required; got ${JSON.stringify(config.init)}`);
    }
    return config;
  },
  predict: (config) => equals(2 ** -(config.widths.length - 1)),
};
