import { OutOfDomainError } from '../types';
import { multiplicityComputed } from './multiplicity';
import { alignmentP1, ALIGNMENT_RESOLUTION } from './alignment';
import { orientationsAtMost2p, orientationsMonotoneInP, WITHIN_BOUND_SHARE } from './orientations-bound';
import { randomPairAbsCosTail, smallInitCondensation } from './small-init-score';
import { multiLayerPerLayer } from './multilayer';
import { randomDirectionMeanAbsCos } from './paper';

describe('Zhou et al. 2022 theorems: predictions', () => {
  it('declared multiplicities', () => {
    expect(['tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh', 'relu'].map((activation) => multiplicityComputed.predict({ activation } as never))).toEqual([1, 1, 1, 2, 3, 0]);
  });
  it('alignment threshold, bound share and trend predictions', () => {
    expect(alignmentP1.predict({ d: 1, m: 30, std: 1e-5 })).toBe(1 - ALIGNMENT_RESOLUTION);
    expect(orientationsAtMost2p.predict({ activation: 'tanh', std: 1e-3 })).toBe(WITHIN_BOUND_SHARE);
    expect(orientationsMonotoneInP.predict({ std: 1e-3 })).toBe(0);
    expect(smallInitCondensation.predict({ convention: 'variance-power', gamma: 3 })).toBe(0);
  });
  it('random-direction baselines: E|cos| = 2/π, 1/2, 0.3395 in k = 2, 3, 6; P(|cos| ≥ 0.9) = 2 arccos(0.9)/π, 0.1, 0.00575', () => {
    expect(randomDirectionMeanAbsCos(2)).toBeCloseTo(2 / Math.PI, 14);
    expect(randomDirectionMeanAbsCos(3)).toBeCloseTo(0.5, 14);
    expect(randomDirectionMeanAbsCos(6)).toBeCloseTo(16 / (15 * Math.PI), 12); // Γ(3)/(√π Γ(7/2)) = 2/(√π · 15√π/8)
    expect(randomPairAbsCosTail(2, 0.9)).toBeCloseTo((2 * Math.acos(0.9)) / Math.PI, 14);
    expect(randomPairAbsCosTail(3, 0.9)).toBeCloseTo(0.1, 10);
    expect(randomPairAbsCosTail(6, 0.9)).toBeCloseTo(0.005752, 5);
  });
});

describe('Zhou et al. 2022 theorems: domains', () => {
  const bad = (f: () => unknown, text: string) => {
    expect(f).toThrow(OutOfDomainError);
    expect(f).toThrow(text);
  };
  it('name the parameter and its allowed range', () => {
    bad(() => multiplicityComputed.domain({ activation: 'swish' } as never), 'activation must be one of tanh, sigmoid, softplus, xtanh, x2tanh, relu; got "swish"');
    bad(() => alignmentP1.domain({ d: 6, m: 30, std: 1e-5 }), 'd must be an integer in [1, 5]; got 6');
    bad(() => alignmentP1.domain({ d: 2, m: 30, std: 1e-3 }), 'std must be a number in [0.00001, 0.0001]; got 0.001');
    bad(() => orientationsAtMost2p.domain({ activation: 'tanh', std: 5e-3 }), 'std (for tanh) must be a number in [0.0005, 0.001]; got 0.005');
    bad(() => orientationsAtMost2p.domain({ activation: 'relu' as never, std: 1e-3 }), 'activation must be one of tanh, sigmoid, softplus, xtanh, x2tanh; got "relu"');
    bad(() => orientationsMonotoneInP.domain({ std: 0.01 }), 'std must be a number in [0.0005, 0.001]; got 0.01');
    bad(() => smallInitCondensation.domain({ convention: 'variance-power', gamma: 1 }), 'gamma (variance-power) must be a number in [2, 4]; got 1');
    bad(() => smallInitCondensation.domain({ convention: 'std' as never, gamma: 1 }), 'convention must be variance-power or std-power');
    bad(() => multiLayerPerLayer.domain({ std: 0.05 }), 'std must be a number in [0.008, 0.01]; got 0.05');
    expect(orientationsAtMost2p.domain({ activation: 'x2tanh', std: 5e-3 })).toEqual({ activation: 'x2tanh', std: 5e-3 });
  });
});
