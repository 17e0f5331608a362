/**
 * The dying-ReLU / trainability theorems as pure functions: predictions against independent oracles
 * (numerical integration, hand-computed products, the claim sheet's Monte Carlo figures) and
 * domains that reject bad configurations with a message naming the parameter.
 */
import { activeOnDataProbability, deathFirstLayerOnData } from './death-first-layer-on-data';
import { deathActiveMeanAtPoint, lastLayerActiveMean } from './death-active-mean-at-point';
import { deathActiveCountAtPoint } from './death-active-count-at-point';
import { bornDeadAtPoint } from './born-dead-at-point';
import { bornDeadDomainBound } from './born-dead-domain-bound';
import { bornDeadDomainLowerBound, deadOnDomainLowerBound, minInformativeDepth } from './born-dead-domain-lower-bound';
import { RAI_MIN_EFFECT, raiBornDeadLower } from './rai-born-dead-lower';
import { ddiNoPermanentlyDead } from './ddi-no-permanently-dead';
import { trainabilityNecessary } from './trainability-necessary';
import { trainabilityUpperBound } from './trainability-upper-bound';
import { trainabilitySuccessWhenWide } from './trainability-success-when-wide';
import { trainabilityLowerBound, trainabilityLowerBoundTheorem } from './trainability-lower-bound';
import { OVER_SPECIFICATION_MIN_EFFECT, trainabilityOverSpecification } from './trainability-over-specification';
import { ddiSuccessVsHe } from './ddi-success-vs-he';
import { trainabilityWidthTrend, WIDTH_TREND_MIN_EFFECT } from './trainability-width-trend';
import { overParameterizationNecessary, parameterCount, pieceFloor } from './over-parameterization-necessary';
import { bornDeadProbability } from './config';
import { targetVariance, taskData } from './task';
import { OutOfDomainError, type Relation, type Theorem, type UnitKind } from '../types';
import { atLeast, atMost, binomialLaw, describeRelation, equals, implication, shownBelow, shownIncreasing } from '../relation';
import { normalCdf } from '../../properties/stats';
import { SELECTABLE } from '../../properties/checks/select';

/** P(w a + b ≤ 0 and w c + b ≤ 0), w ~ N(0, s_w²), b ~ N(0, s_b²), by Simpson quadrature over w with stdlib's Φ (oracle). */
function deadByQuadrature(sw: number, sb: number, a: number, c: number): number {
  const steps = 20_000; // even, so w = 0 (the kink of min) is a node: Simpson stays O(h⁴)
  const lim = 12 * sw;
  const h = (2 * lim) / steps;
  let s = 0;
  for (let i = 0; i <= steps; i++) {
    const w = -lim + i * h;
    const f = (Math.exp(-0.5 * (w / sw) ** 2) / (sw * Math.sqrt(2 * Math.PI))) * normalCdf(Math.min(-w * a, -w * c) / sb);
    s += (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2) * f;
  }
  return (s * h) / 3;
}

const expectOutOfDomain = (fn: () => unknown, message: RegExp): void => {
  expect(fn).toThrow(OutOfDomainError);
  expect(fn).toThrow(message);
};

describe('SK2020.Death.first-layer-on-data', () => {
  it.each([
    [2, 0.5, -1, 1],
    [2, 1, 0.5, 1.5],
    [0.7, 2, -2, -0.3],
    [4, 0.1, -1.9, 1.7],
  ])('P(active) = ½ + φ/(2π) matches quadrature (s_w² = %f, s_b = %f, data in [%f, %f])', (c, sb, a, b) => {
    const p = activeOnDataProbability({ width: 8, weightScale: c, biasStd: sb, data: [a, (a + b) / 2, b] });
    expect(Math.abs(1 - p - deadByQuadrature(Math.sqrt(c), sb, a, b))).toBeLessThan(1e-9);
  });

  it('is ½ for a single data point and depends only on the extremes of the data', () => {
    expect(activeOnDataProbability({ width: 4, weightScale: 2, biasStd: 1, data: [0.3] })).toBeCloseTo(0.5, 15);
    const base = { width: 4, weightScale: 2, biasStd: 1 };
    expect(activeOnDataProbability({ ...base, data: [-1, 0.2, 1] })).toBe(activeOnDataProbability({ ...base, data: [1, -1] }));
  });

  it('rejects bad configurations, naming the parameter', () => {
    const ok = { width: 4, weightScale: 2, biasStd: 1, data: [0, 1] };
    expectOutOfDomain(() => deathFirstLayerOnData.domain({ ...ok, width: 0 }), /width must be an integer ≥ 1; got 0/);
    expectOutOfDomain(() => deathFirstLayerOnData.domain({ ...ok, weightScale: NaN }), /weightScale must be a finite number > 0; got NaN/);
    expectOutOfDomain(() => deathFirstLayerOnData.domain({ ...ok, biasStd: -1 }), /biasStd must be a finite number > 0; got -1/);
    expectOutOfDomain(() => deathFirstLayerOnData.domain({ ...ok, data: [] }), /data must be ≥ 1 finite numbers/);
  });
});

describe('active counts and born dead at a point', () => {
  it('E[active in the last layer] = (N_d/2)∏_{l<d}(1 − 2^{−N_l}) with zero biases, N_d/2 with Gaussian biases', () => {
    // widths [1, 1, 1]: layer 1 alive w.p. ½, then layer 2 active w.p. ½: 1/4.
    expect(lastLayerActiveMean({ widths: [1, 1, 1], biasStd: 0, x: [1] })).toBeCloseTo(0.25, 15);
    expect(lastLayerActiveMean({ widths: [2, 3, 2, 4], biasStd: 0, x: [1, 0] })).toBeCloseTo(2 * (7 / 8) * (3 / 4), 15);
    expect(lastLayerActiveMean({ widths: [2, 3, 2, 4], biasStd: 0.5, x: [1, 0] })).toBe(2);
    // The zero-as-active fault counts the exact zeros after a dead layer as active.
    expect(lastLayerActiveMean({ widths: [1, 1, 1], biasStd: 0, x: [1] }, true)).toBeCloseTo(0.25 + 0.5, 15);
    expect(deathActiveMeanAtPoint.predict({ widths: [1, 2, 2], biasStd: 0, x: [1] })).toEqual({ kind: 'equals', value: expect.closeTo(0.75, 15) });
  });

  it('P(born dead at x) = 1 − ∏(1 − 2^{−N_l}): hand values and the claim sheet’s Monte Carlo (20k nets, L = 10)', () => {
    expect(bornDeadProbability([2, 2, 2])).toBeCloseTo(1 - 0.75 ** 3, 15);
    // docs/claims.md §1.5: N = 2: 0.924; N = 3: 0.699; N = 5: 0.241 (±0.003 at 20k nets), nine hidden layers.
    expect(Math.abs(bornDeadProbability(Array(9).fill(2)) - 0.924)).toBeLessThan(0.01);
    expect(Math.abs(bornDeadProbability(Array(9).fill(3)) - 0.699)).toBeLessThan(0.01);
    expect(Math.abs(bornDeadProbability(Array(9).fill(5)) - 0.241)).toBeLessThan(0.01);
    // Monotone: up in depth, down in width.
    expect(bornDeadProbability([3, 3, 3, 3])).toBeGreaterThan(bornDeadProbability([3, 3, 3]));
    expect(bornDeadProbability([4, 4, 4])).toBeLessThan(bornDeadProbability([3, 3, 3]));
  });

  it('rejects bad configurations, naming the parameter', () => {
    const ok = { widths: [2, 3, 3], biasStd: 0, x: [1, 0] };
    expectOutOfDomain(() => deathActiveCountAtPoint.domain({ ...ok, widths: [2, -3] }), /widths\[1\] must be an integer in \[1, 4096\]; got -3/);
    expectOutOfDomain(() => bornDeadAtPoint.domain({ ...ok, biasStd: NaN }), /biasStd \(s_b\) must be in \[0, 100\]/);
    expectOutOfDomain(() => deathActiveMeanAtPoint.domain({ ...ok, x: [0, 0] }), /x must be non-zero/);
    expectOutOfDomain(() => deathActiveMeanAtPoint.domain({ ...ok, x: [1] }), /x must be 2 finite numbers/);
    expectOutOfDomain(() => raiBornDeadLower.domain({ ...ok, biasStd: 0.5 }), /zero biases/);
    expectOutOfDomain(() => bornDeadDomainBound.domain({ widths: [1, 2], biasStd: 0, interval: [1, 1] }), /interval must be \[a, c\] with finite a < c/);
    expectOutOfDomain(() => bornDeadDomainBound.domain({ widths: [2, 2], biasStd: 0, interval: [0, 1] }), /the input must be 1-D/);
    expectOutOfDomain(() => ddiNoPermanentlyDead.domain({ widths: [1, 4], biasStd: 0.5, points: 0 }), /points must be an integer ≥ 1; got 0/);
  });
});

describe('LSSK2020.BornDead.domain-lower-bound', () => {
  it('is 1 − 2·∏(1 − 2^{−N_l}) (hand values), informative from depth 3, 6, 11 at widths 2, 3, 4', () => {
    expect(deadOnDomainLowerBound([2, 2, 2])).toBeCloseTo(1 - 2 * 0.75 ** 3, 15);
    expect([2, 3, 4].map(minInformativeDepth)).toEqual([3, 6, 11]);
    expect(deadOnDomainLowerBound(Array<number>(10).fill(4))).toBeLessThan(0);
    expect(deadOnDomainLowerBound(Array<number>(11).fill(4))).toBeGreaterThan(0);
    expect(() => minInformativeDepth(0)).toThrow(/N must be an integer in \[1, 30\]; got 0/);
  });

  it('rejects a vacuous (non-positive) bound, naming the widths', () => {
    const c = { widths: [1, ...Array<number>(5).fill(4)], biasStd: 0, interval: [-1, 1] as [number, number] };
    expectOutOfDomain(() => bornDeadDomainLowerBound.domain(c), /widths must make the bound informative: 1 − 2·∏\(1 − 2\^\{−N_l\}\) = -0\.4\d+ ≤ 0/);
    expect(bornDeadDomainLowerBound.domain({ ...c, widths: [1, ...Array<number>(11).fill(4)] })).toBeDefined();
  });
});

describe('trainability', () => {
  it('task data: equally spaced inputs on [−1, 1]; Var(targets) is the best constant fit', () => {
    const t = { target: 'abs' as const, points: 5, steps: 10, lr: 1e-3, lossBelow: 1e-3 };
    const { inputs, targets } = taskData(t);
    expect([...inputs]).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect([...targets]).toEqual([1, 0.5, 0, 0.5, 1]);
    expect(targetVariance(t)).toBeCloseTo(0.5 - 0.36, 12); // E y² − (E y)²
  });

  it('rejects bad configurations, naming the parameter', () => {
    const task = { target: 'abs' as const, points: 20, steps: 100, lr: 1e-3, lossBelow: 1e-3 };
    expectOutOfDomain(() => trainabilityNecessary.domain({ widths: [2, 4], biasStd: 0, ...task }), /the input must be 1-D; got n_0 = 2/);
    expectOutOfDomain(() => trainabilityNecessary.domain({ widths: [1, 4], biasStd: 0, ...task, lossBelow: 1 }), /lossBelow must be in \(0, Var\(targets\)/);
    expectOutOfDomain(() => trainabilityNecessary.domain({ widths: [1, 4], biasStd: 0, ...task, lr: 0 }), /lr must be in \(0, 1\]; got 0/);
    expectOutOfDomain(() => trainabilityNecessary.domain({ widths: [1, 4, 3], biasStd: 0, ...task }), /hidden widths must be equal/);
    expectOutOfDomain(() => trainabilityNecessary.domain({ widths: [1, 4, 4], biasStd: 0.5, ...task }), /biasStd must be 0/);
    expectOutOfDomain(() => trainabilityLowerBoundTheorem.domain({ widths: [1, 1, 1], biasStd: 0, target: 'abs', points: 20 }), /minimal width 2; got 1/);
    // m = 1 is the not-born-dead-at-a-point probability; wide nets approach 1.
    expect(trainabilityLowerBound([2, 2, 2], 1)).toBeCloseTo(0.75 ** 3, 15);
    expect(trainabilityLowerBound(Array<number>(10).fill(10), 2)).toBeGreaterThan(0.98);
    expectOutOfDomain(() => trainabilitySuccessWhenWide.domain({ widths: [1, 8, 8], biasStd: 0, ...task }), /must be 5× the task's minimal width, 10; got 8/);
    expectOutOfDomain(() => trainabilityUpperBound.domain({ widths: [1, 4, 3], biasStd: 0.5, ...task }), /hidden widths must be equal/);
    expectOutOfDomain(() => ddiSuccessVsHe.domain({ widths: [1, 4], biasStd: 0, ...task, target: 'cos' as never }), /target must be one of abs, sin3; got "cos"/);
    expectOutOfDomain(() => trainabilityOverSpecification.domain({ depth: 4, narrow: 8, wide: 2, biasStd: 0, ...task }), /narrow must be < wide; got 8, 2/);
    expectOutOfDomain(() => trainabilityWidthTrend.domain({ depth: 4, widths: [4, 2], biasStd: 0, points: 20 }), /widths must be ≥ 2 increasing widths/);
    expectOutOfDomain(() => trainabilityWidthTrend.domain({ depth: 0, widths: [2, 4], biasStd: 0, points: 20 }), /depth must be an integer in \[1, 64\]; got 0/);
    expectOutOfDomain(() => trainabilityWidthTrend.domain({ depth: 4, widths: [2, 4], biasStd: 0, points: 1 }), /points must be an integer in \[2, 10000\]; got 1/);
  });
});

describe('SK2020.Trainability.over-parameterization-necessary: the piece floor', () => {
  /** Oracle: the least residual over every partition into ≤ k runs (2^(n−1) cut sets), each run's line fitted by the normal equations. */
  function bruteForce(xs: number[], ys: number[], k: number): number {
    const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
    const x = order.map((i) => xs[i]);
    const y = order.map((i) => ys[i]);
    const n = x.length;
    const lineResidual = (lo: number, hi: number): number => {
      const m = hi - lo;
      if (m <= 2) return 0;
      let sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (let i = lo; i < hi; i++) { sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; sxy += x[i] * y[i]; }
      const slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
      const icept = (sy - slope * sx) / m;
      let r = 0;
      for (let i = lo; i < hi; i++) r += (y[i] - icept - slope * x[i]) ** 2;
      return r;
    };
    let best = Infinity;
    for (let mask = 0; mask < 2 ** (n - 1); mask++) {
      const cuts = [0];
      for (let b = 0; b < n - 1; b++) if (mask & (1 << b)) cuts.push(b + 1);
      if (cuts.length > k) continue;
      cuts.push(n);
      let r = 0;
      for (let g = 0; g + 1 < cuts.length; g++) r += lineResidual(cuts[g], cuts[g + 1]);
      best = Math.min(best, r);
    }
    return best / n;
  }

  it('equals brute force over partitions (unsorted inputs, k = 1 … 5)', () => {
    const xs = [0.9, -0.7, 0.1, -0.2, 0.5, -1, 0.33, 0.72, -0.45, 0.05, 0.61];
    const ys = [0.3, -1.2, 0.8, 0.1, -0.5, 1.7, 0.2, -0.9, 0.4, -0.3, 1.1];
    for (let k = 1; k <= 5; k++) expect(pieceFloor(xs, ys, k)).toBeCloseTo(bruteForce(xs, ys, k), 12);
  });

  it('is the line residual for k = 1, zero once every group can hold ≤ 2 points, and positive below that', () => {
    expect(pieceFloor([0, 1, 2], [0, 1, 0], 1)).toBeCloseTo(((1 / 3) ** 2 * 2 + (2 / 3) ** 2) / 3, 14);
    const xs = [-1, -0.5, 0, 0.5, 1, 1.5];
    const ys = [0.2, -1, 0.7, 0.1, -0.4, 0.9];
    expect(pieceFloor(xs, ys, 3)).toBe(0);
    expect(pieceFloor(xs, ys, 2)).toBeGreaterThan(0);
    expect(() => pieceFloor([1, 2], [1], 1)).toThrow(/inputs and targets must have the same length/);
    expect(() => pieceFloor([1, 2], [1, 2], 0)).toThrow(/pieces must be an integer ≥ 1; got 0/);
  });

  it('counts P = 3N + 1 and asks for fewer parameters than points, naming the parameter', () => {
    expect(parameterCount(6)).toBe(19);
    const c = { width: 6, points: 20, steps: 100, lr: 5e-3 };
    expect(overParameterizationNecessary.domain(c)).toBe(c);
    expectOutOfDomain(() => overParameterizationNecessary.domain({ ...c, width: 7 }), /width must be an integer ≥ 1 with 3·width \+ 1 < points .*width ≤ 6\); got 7/);
    expectOutOfDomain(() => overParameterizationNecessary.domain({ ...c, points: 4 }), /points must be an integer in \[5, 200\]; got 4/);
    expectOutOfDomain(() => overParameterizationNecessary.domain({ ...c, lr: 2 }), /lr must be in \(0, 1\]; got 2/);
  });
});

describe('relations and units', () => {
  const point = { widths: [1, 3, 3, 3], biasStd: 0, x: [0.5] };
  const task = { target: 'abs' as const, points: 20, steps: 100, lr: 1e-3, lossBelow: 1e-3 };
  const bornDead3 = 1 - (7 / 8) ** 3;
  const cases: [Theorem<unknown>, unknown, Relation, UnitKind][] = [
    [deathFirstLayerOnData, { width: 8, weightScale: 2, biasStd: 1, data: [0.3] }, equals(0.5), 'binary'],
    [deathActiveCountAtPoint, point, binomialLaw(3, 0.5), 'counts'],
    [deathActiveMeanAtPoint, { ...point, biasStd: 0.5 }, equals(1.5), 'continuous'],
    [bornDeadAtPoint, point, equals(bornDead3), 'binary'],
    [bornDeadDomainBound, { widths: [1, 3, 3, 3], biasStd: 0, interval: [-1, 1] }, atMost(bornDead3), 'binary'],
    [raiBornDeadLower, point, shownBelow(0, RAI_MIN_EFFECT), 'two-sample-binary'],
    [ddiNoPermanentlyDead, { widths: [1, 8], biasStd: 0.5, points: 5 }, equals(0), 'binary'],
    [trainabilityNecessary, { widths: [1, 4], biasStd: 0, ...task }, implication('success', 'trainable for the task at initialization'), 'binary'],
    [trainabilityUpperBound, { widths: [1, 4, 4], biasStd: 0.5, ...task }, atMost(0), 'paired-binary'],
    [trainabilitySuccessWhenWide, { widths: [1, 10, 10], biasStd: 0, ...task }, atLeast(0.9), 'binary'],
    [trainabilityLowerBoundTheorem, { widths: [1, 3, 3, 3], biasStd: 0, target: 'abs', points: 20 }, atLeast(0.5 * (7 / 8) ** 2), 'binary'],
    [trainabilityOverSpecification, { depth: 4, narrow: 2, wide: 8, biasStd: 0, ...task }, shownBelow(0, OVER_SPECIFICATION_MIN_EFFECT), 'two-sample-binary'],
    [ddiSuccessVsHe, { widths: [1, 16], biasStd: 1, ...task }, atMost(0), 'two-sample-binary'],
    [trainabilityWidthTrend, { depth: 4, widths: [2, 4], biasStd: 0, points: 20 }, shownIncreasing(0, WIDTH_TREND_MIN_EFFECT), 'groups-binary'],
    [overParameterizationNecessary, { width: 4, points: 20, steps: 100, lr: 5e-3 }, implication('a training run', 'its loss stays ≥ the piece floor F_{N+1}(x, y)'), 'binary'],
  ];

  it.each(cases.map(([t, ...rest]) => [t.id, t, ...rest] as const))('%s: the prediction with its relation, on units the relation has a check for', (_id, theorem, config, relation, unit) => {
    const predicted = theorem.predict(theorem.domain(config));
    expect(predicted).toEqual({ ...relation, value: expect.closeTo(relation.value, 14) });
    expect(theorem.unit.kind).toBe(unit);
    expect(SELECTABLE).toContain(`${relation.kind}/${unit}`);
  });
});

describe('demonstrations carry their smallest effect of interest', () => {
  it('is stated, validated and rendered', () => {
    expect(raiBornDeadLower.predict({ widths: [1, 3, 3, 3, 3, 3, 3], biasStd: 0, x: [0.5] })).toEqual({ kind: 'shownBelow', value: 0, minEffect: RAI_MIN_EFFECT });
    expect(describeRelation(shownIncreasing(0, WIDTH_TREND_MIN_EFFECT))).toBe('shown increasing (trend slope > 0; smallest effect of interest 0.05)');
    expect(() => shownBelow(0, 0)).toThrow(/shownBelow\(minEffect\) \(the smallest effect of interest\) must be a finite number > 0/);
    expect(() => shownIncreasing(0, NaN)).toThrow(/shownIncreasing\(minEffect\)/);
  });
});
