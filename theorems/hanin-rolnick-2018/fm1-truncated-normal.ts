/**
 * A popular initializer that triggers FM1 (Hanin & Rolnick 2018, §2.5/Fig. 1 discussion [S/R]):
 * TF/Keras' truncated normal with the nominal He std √(2/fan-in), cut at ±2 std *without* rescaling,
 * has variance 0.773741·2/fan-in, so E[M_d]/M_0 = 0.773741^d — the mean length vanishes
 * exponentially in depth. 0.773741 = Var(Z | |Z| ≤ 2) for Z ~ N(0,1) (exact, [D]).
 */
import { OutOfDomainError, type Theorem } from '../types';
import { equals } from '../relation';
import { truncatedNormalVariance } from '../_internals/initialization';
import { checkFm1Domain, type LengthConfig } from './fully-connected';
import { cite } from './paper';

export const ID = 'HR2018.FM1.truncated-normal';

export const fm1TruncatedNormal: Theorem<LengthConfig> = {
  id: ID,
  title: 'FM1 triggered: uncorrected truncated-normal He init shrinks E[M_d] by 0.773741 per layer',
  paper: cite('§2.5 / Fig. 1(a): initializations with variance below 2/fan-in make the output length vanish'),
  provenance: 'D',
  statement: 'Truncated normal at ±2 nominal std (He nominal variance 2/fan-in, no correction), zero biases: E[M_d]/M_0 = 0.773741^d.',
  hypotheses: ['as HR2018.FM1.mean-length', 'He preset with law truncated-normal (cut at ±2σ, not rescaled)'],
  verification: '[S] Fig. 1 compares truncated normal with He; [R] that this exact initializer is in the figure; [D] the factor 0.773741 and the product.',
  unit: { kind: 'continuous', description: 'one random network: M_d/M_0 averaged over a few fixed inputs (its mean is E[M_d]/M_0)' },
  domain: (config) => {
    checkFm1Domain(ID, config);
    if (config.init.law !== 'truncated-normal' || !('preset' in config.init.variance) || config.init.variance.preset !== 'he') {
      throw new OutOfDomainError(ID, `law truncated-normal with the He preset is required; got ${JSON.stringify(config.init)}`);
    }
    return config;
  },
  predict: (config) => equals(truncatedNormalVariance(2) ** (config.widths.length - 1)),
};
