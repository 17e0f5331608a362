/**
 * FM1 avoided by He initialization (Hanin & Rolnick 2018, abstract): with variance 2/fan-in the mean
 * length is preserved at every depth, E[M_j]/M_0 = 1 for all j — whatever the symmetric law
 * (Gaussian or uniform) and the width profile. Corollary of HR2018.FM1.mean-length with c_j = 2.
 */
import { OutOfDomainError, type Theorem } from '../types';
import { equals } from '../relation';
import { checkFm1Domain, meanLengthRatio, type LengthConfig } from './fully-connected';
import { cite } from './paper';

export const ID = 'HR2018.FM1.he-critical';

export const fm1HeCritical: Theorem<LengthConfig> = {
  id: ID,
  title: 'FM1 avoided: He initialization (variance 2/fan-in) keeps E[M_d] = M_0 at every depth',
  paper: cite('abstract ("initializing weights from a symmetric distribution with variance 2/fan-in"); §1 conclusions'),
  provenance: 'D',
  statement: 'With Var(W_ab^(j)) = 2/n_{j−1} and zero biases, E[M_d]/M_0 = 1 for every depth d and width profile.',
  hypotheses: ['as HR2018.FM1.mean-length', 'He preset (2/fan-in) with a law whose variance equals its nominal variance (gaussian or uniform)'],
  verification: '[P] abstract statement; [D] value 1 from the exact product formula.',
  unit: { kind: 'continuous', description: 'one random network: M_d/M_0 averaged over a few fixed inputs (its mean is E[M_d]/M_0)' },
  domain: (config) => {
    checkFm1Domain(ID, config);
    if (!('preset' in config.init.variance) || config.init.variance.preset !== 'he') {
      throw new OutOfDomainError(ID, `the He preset is required; got ${JSON.stringify(config.init.variance)}`);
    }
    if (config.init.law === 'truncated-normal') {
      throw new OutOfDomainError(ID, 'the uncorrected truncated normal has variance 0.7737·2/fan-in, not 2/fan-in (see HR2018.FM1.truncated-normal)');
    }
    return config;
  },
  predict: (config) => equals(meanLengthRatio(config)),
};
