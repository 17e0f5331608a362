import { OutOfDomainError } from '../types';
import { atMost, equals, within } from '../relation';
import type { LineNetConfig } from './line-config';
import { fittedT, neuronPairs } from './plane-config';
import { cauchyParameters, oneLayerBreakpoints, oneLayerLaw } from './lines-one-layer';
import { augmentedCoordinate, kacRiceLines, kacRicePrediction } from './lines-kac-rice';
import { breakpointBound, breakpointBoundTheorem } from './lines-bound';
import { linearInNeurons } from './lines-linear-in-neurons';
import { depthIndependent } from './lines-depth-independent';
import { boundaryDistance } from './lines-boundary-distance';
import { planeNeuronsSquared } from './plane-neurons-squared';
import { planeDepthIndependent } from './plane-depth-independent';
import { trainedDepthIndependent } from './training-depth-independent';
import { trainedNeuronsSquared } from './training-neurons-squared';

const segment = { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 };
const line = (widths: number[], biasStd = 0.3, weightScale = 2): LineNetConfig => ({ inputDim: 2, widths, weightScale, biasStd, segment });
const square = { center: [0.3, -0.2], halfSide: 1 };
const task = { points: 32, steps: 300, checkpoint: 300, biasStd: 0.001 };

describe('HR2019 line claims', () => {
  it('one layer: an equality on continuous units, the Cauchy law', () => {
    const c = line([64]);
    const { m, g } = cauchyParameters(c);
    expect(m).toBeCloseTo(0.6 * 0.6 - 0.8 * 0.8, 15);
    const law = oneLayerLaw.predict(c);
    expect(law.kind).toBe('equals');
    expect(law.value).toBeCloseTo((64 / Math.PI) * (Math.atan((2 + m) / g) - Math.atan(m / g)), 12);
    expect(oneLayerLaw.unit.kind).toBe('continuous');
    expect(() => oneLayerLaw.domain(line([8, 8]))).toThrow(OutOfDomainError);
  });

  it('Kac–Rice: a zero paired difference; the per-network prediction reduces to the one-layer law', () => {
    const c = line([40], 0.3, 1.5);
    expect(kacRiceLines.predict(c)).toEqual(equals(0));
    expect(kacRiceLines.unit.kind).toBe('paired');
    // One layer: Λ_0 of the augmented segment (x0 + t·u, s_b/s_w) is arctan((T+m)/g) − arctan(m/g) with g² = ‖x0⊥‖² + (s_b/s_w)².
    const { m, g } = cauchyParameters(c);
    expect(g).toBeCloseTo(Math.hypot(Math.sqrt(1 - m * m), augmentedCoordinate(c, c.inputDim)), 14); // ‖x0‖ = 1
    const lambda0 = Math.atan((segment.length + m) / g) - Math.atan(m / g);
    expect(kacRicePrediction([{ width: 40, sphericalLength: lambda0 }])).toBeCloseTo(oneLayerBreakpoints(c), 12);
    expect(kacRicePrediction([{ width: 3, sphericalLength: Math.PI }, { width: 5, sphericalLength: Math.PI / 5 }])).toBeCloseTo(4, 14);
  });

  it('the ICML bound: at most T·√(2/n_in)·N/(s_b√(2π)), above the exact one-layer mean, He only', () => {
    const c = line([16, 16], 0.5);
    const bound = breakpointBoundTheorem.predict(c);
    expect(bound.kind).toBe('atMost');
    expect(bound.value).toBeCloseTo((2 * Math.sqrt(2 / 2) * 32) / (0.5 * Math.sqrt(2 * Math.PI)), 12);
    expect(breakpointBound(line([32], 0.5))).toBeGreaterThan(oneLayerBreakpoints(line([32], 0.5)));
    expect(breakpointBound(c, 5)).toBeCloseTo(breakpointBound(c) / 10, 12);
    expect(() => breakpointBoundTheorem.domain(line([8], 0.5, 1))).toThrow(OutOfDomainError);
  });

  it('growth laws: exponents and slopes within a resolution, on groups', () => {
    expect(linearInNeurons.predict({ inputDim: 2, depth: 2, widths: [8, 16, 32], weightScale: 2, biasStd: 0.01, segment })).toEqual(within(1, 0.15, 'log'));
    expect(depthIndependent.predict({ inputDim: 2, neurons: 48, depths: [1, 2, 3, 4, 6], biasStd: 0.01, segment })).toEqual(atMost(0.1));
    expect(boundaryDistance.predict({ inputDim: 2, depth: 2, widths: [8, 16, 32], biasStd: 0.01, point: [0.6, -0.8], direction: [0.6, 0.8] })).toEqual(within(-1, 0.15, 'log'));
    for (const t of [linearInNeurons, depthIndependent, boundaryDistance]) expect(t.unit.kind).toBe('groups');
    expect(() => depthIndependent.domain({ inputDim: 2, neurons: 48, depths: [1, 5], biasStd: 0.01, segment })).toThrow(OutOfDomainError);
    // The paper's high-dimensional setting only: a 2-D input is a reproduction row, not the claim's domain.
    expect(() => depthIndependent.domain({ inputDim: 2, neurons: 48, depths: [1, 2], biasStd: 0.01, segment })).toThrow(/inputDim must be ≥ 8/);
  });
});

describe('HR2019 plane and training claims', () => {
  it('growth laws on groups: N² in pairs of neurons, flat in depth', () => {
    expect(planeNeuronsSquared.predict({ depth: 2, widths: [8, 16, 32], biasStd: 0.01, square })).toEqual(within(1, 0.125, 'log'));
    const slice = { inputDim: 8, points: [Array<number>(8).fill(0), [1, ...Array<number>(7).fill(0)], [0, 1, ...Array<number>(6).fill(0)]] };
    expect(planeDepthIndependent.predict({ neurons: 24, depths: [1, 2, 3, 4], biasStd: 0.01, slice })).toEqual(atMost(0.1));
    expect(() => planeDepthIndependent.domain({ neurons: 24, depths: [1, 2], biasStd: 0.01, slice: { inputDim: 2, points: [[0, 0], [1, 0], [0, 1]] } })).toThrow(/inputDim must be ≥ 8/);
    expect(() => planeDepthIndependent.domain({ neurons: 24, depths: [1, 2], biasStd: 0.01, slice: { ...slice, points: [slice.points[0], slice.points[1], slice.points[1].map((x) => 2 * x)] } })).toThrow(/collinear/);
    expect(trainedNeuronsSquared.predict({ depth: 1, widths: [8, 16, 32], ...task })).toEqual(within(1, 0.125, 'log'));
    expect(trainedDepthIndependent.predict({ neurons: 24, depths: [1, 2, 3, 4], ...task })).toEqual(within(0, 0.1, 'linear'));
    for (const t of [planeNeuronsSquared, planeDepthIndependent, trainedNeuronsSquared, trainedDepthIndependent]) expect(t.unit.kind).toBe('groups');
    expect(() => trainedDepthIndependent.domain({ neurons: 24, depths: [1, 2, 3, 4], ...task, checkpoint: 301 })).toThrow(OutOfDomainError);
  });

  it('C(N, 2) and the fitted constant T̂', () => {
    expect(neuronPairs(4)).toBe(6);
    expect(fittedT(4608, 1, 96)).toBeCloseTo(1, 14);
  });
});
