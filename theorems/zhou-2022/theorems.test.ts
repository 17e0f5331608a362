import { OutOfDomainError } from '../types';
import { atLeast, equals, nonDecreasing, proportionAtLeastSequential, shownBelow, shownStepsIncrease } from '../relation';
import { multiplicityComputed } from './multiplicity-computed';
import { alignmentDirection, alignmentP1, ALIGNMENT_RESOLUTION } from './alignment-p1';
import { AT_MOST_2P_DESIGN, maxOrientations, orientationsAtMost2p, WITHIN_BOUND_SHARE, withinBound } from './orientations-at-most-2p';
import { designPoint, MONOTONE_ACTIVATIONS, MONOTONE_MIN_EFFECT, orientationsMonotoneInP } from './orientations-monotone-in-p';
import { isCondensed, randomPairAbsCosTail, SMALL_INIT_MIN_EFFECT, smallInitCondensation } from './small-init-condensation-score';
import { COMPARED_LAYERS, FIG3_SETTING, FIG3_SNAPSHOT_STEPS, FIG3_STAGE_RULE, layerDesignPoint, multiLayerPerLayer, PER_LAYER_ROW_RULE, SCORE_GAP_MARGIN } from './multilayer-per-layer-multiplicity';
import { ADAM_STAGE_RULE } from './rules';
import { randomDirectionMeanAbsCos } from './paper';

describe('Zhou et al. 2022 theorems: predictions', () => {
  it('declared multiplicities, as exact equalities', () => {
    expect(['tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh', 'relu'].map((activation) => multiplicityComputed.predict({ activation } as never).value)).toEqual([1, 1, 1, 2, 3, 0]);
    expect(multiplicityComputed.predict({ activation: 'xtanh' })).toEqual(equals(2));
    expect(multiplicityComputed.unit.kind).toBe('exact');
  });
  it('alignment threshold, bound share, trend and score-gap relations', () => {
    expect(alignmentP1.predict({ d: 1, m: 30, std: 1e-5 })).toEqual(atLeast(1 - ALIGNMENT_RESOLUTION));
    expect(orientationsAtMost2p.predict({ activation: 'tanh', std: 1e-3 })).toEqual(proportionAtLeastSequential(WITHIN_BOUND_SHARE, AT_MOST_2P_DESIGN));
    expect(smallInitCondensation.predict({ convention: 'variance-power', gamma: 3 })).toEqual(shownBelow(0, SMALL_INIT_MIN_EFFECT));
    expect(multiLayerPerLayer.predict({ std: 0.01 })).toEqual(nonDecreasing(SCORE_GAP_MARGIN));
    expect([alignmentP1, orientationsAtMost2p, orientationsMonotoneInP, smallInitCondensation, multiLayerPerLayer].map((t) => t.unit.kind)).toEqual(['unit-interval', 'binary', 'paired-groups', 'two-sample-binary', 'paired-groups']);
  });
  it('per-run statements: the 2p bound, condensed nets, design points', () => {
    expect((['tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh'] as const).map(maxOrientations)).toEqual([2, 2, 2, 4, 6]);
    expect([withinBound(2, 'tanh'), withinBound(3, 'tanh'), withinBound(4, 'xtanh'), withinBound(5, 'xtanh'), withinBound(6, 'x2tanh'), withinBound(7, 'x2tanh')]).toEqual([true, false, true, false, true, false]);
    expect([isCondensed(0.1), isCondensed(0.0999)]).toEqual([true, false]);
    expect(MONOTONE_ACTIVATIONS.map(designPoint)).toEqual([1, 2, 3]);
    expect([layerDesignPoint(COMPARED_LAYERS.p3), layerDesignPoint(COMPARED_LAYERS.p1)]).toEqual([1 / 3, 1]);
  });
  it('monotone in p: every paired step shown to rise, smallest effect ¾', () => {
    expect(orientationsMonotoneInP.predict({ std: 1e-3 })).toEqual(shownStepsIncrease(0, MONOTONE_MIN_EFFECT));
    expect(MONOTONE_MIN_EFFECT).toBe(0.75); // fixed in the theorem before any run (7 : 1 when every seed moves)
    expect(orientationsMonotoneInP.unit.kind).toBe('paired-groups');
  });
  it('Fig. 3 rows: the two-layer stage rule with its step counts translated by the learning rate, and the verdict rule', () => {
    // Amplitudes unchanged; the 40-step stall window at lr 5e-4 is 500 steps at 4e-5; checkpoints every 100; cap = steps trained.
    expect(FIG3_STAGE_RULE).toEqual({ amplitude: ADAM_STAGE_RULE.amplitude, minGrowthForStall: ADAM_STAGE_RULE.minGrowthForStall, stallGrowth: ADAM_STAGE_RULE.stallGrowth, stallWindow: 500, every: 100, maxSteps: 1400 });
    expect(FIG3_STAGE_RULE.stallWindow % FIG3_STAGE_RULE.every).toBe(0);
    expect(FIG3_STAGE_RULE.maxSteps).toBe(Math.max(...FIG3_SNAPSHOT_STEPS));
    expect(FIG3_STAGE_RULE.maxSteps).toBe(FIG3_SETTING.steps);
    expect(PER_LAYER_ROW_RULE).toEqual({ share: 0.5, level: 0.95, maxCensored: 0.25 });
  });
  it('alignment direction z = Σ_i y_i (x_i, 1)', () => {
    // two points in R^2: x_1 = (1, 2), y_1 = 3; x_2 = (−1, 0.5), y_2 = −2 → z = (3 + 2, 6 − 1, 3 − 2)
    expect(Array.from(alignmentDirection({ inputs: [1, 2, -1, 0.5], targets: [3, -2] }, 2))).toEqual([5, 5, 1]);
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
    bad(() => orientationsAtMost2p.domain({ activation: 'tanh', std: 5e-3 }), 'std (for tanh) must be a number in [0.00025, 0.001]; got 0.005');
    bad(() => orientationsAtMost2p.domain({ activation: 'relu' as never, std: 1e-3 }), 'activation must be one of tanh, xtanh, x2tanh; got "relu"');
    bad(() => orientationsAtMost2p.domain({ activation: 'softplus', std: 1e-3 }), 'activation must be one of tanh, xtanh, x2tanh; got "softplus"');
    bad(() => orientationsMonotoneInP.domain({ std: 0.01 }), 'std must be a number in [0.0005, 0.001]; got 0.01');
    bad(() => smallInitCondensation.domain({ convention: 'variance-power', gamma: 1 }), 'gamma (variance-power) must be a number in [2, 4]; got 1');
    bad(() => smallInitCondensation.domain({ convention: 'std' as never, gamma: 1 }), 'convention must be variance-power or std-power');
    bad(() => multiLayerPerLayer.domain({ std: 0.05 }), 'std must be a number in [0.008, 0.01]; got 0.05');
    expect(orientationsAtMost2p.domain({ activation: 'x2tanh', std: 1e-3 })).toEqual({ activation: 'x2tanh', std: 1e-3 });
  });
});
