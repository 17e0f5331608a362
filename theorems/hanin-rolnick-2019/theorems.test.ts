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
import { memorizationThreshold, regionBound } from './memorization';
import { lineCrossProbability, lineCrossProbabilityByQuadrature, oneLayerRegions, planeOneLayerLaw, squareCorners, vertexInsideProbability, vertexInsideProbabilityBySolidAngle } from './plane-one-layer';
import { domainArea, planeBound, planeRegionBound, splitNeurons } from './plane-bound';
import { RandomStream } from '../../engine/random/stream';

const segment = { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 };
const line = (widths: number[], biasStd = 0.3, weightScale = 2): LineNetConfig => ({ inputDim: 2, widths, weightScale, biasStd, segment });
const square = { center: [0.3, -0.2], halfSide: 1 };
const task = { points: 32, steps: 300, every: 50, biasStd: 0.01 };

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
    expect(trainedDepthIndependent.predict({ neurons: 24, depths: [1, 2, 3, 4], ...task })).toEqual(atMost(0.1));
    for (const t of [planeNeuronsSquared, planeDepthIndependent, trainedNeuronsSquared, trainedDepthIndependent]) expect(t.unit.kind).toBe('groups');
    expect(() => trainedDepthIndependent.domain({ neurons: 24, depths: [1, 2, 3, 4], ...task, every: 301 })).toThrow(OutOfDomainError);
  });

  it('memorization: MSE < 1/P fits every label; the bound N²/2·area is 2N² in [−1, 1]²', () => {
    expect(memorizationThreshold(16)).toBe(1 / 16);
    // Σ_i (f_i − y_i)² = P·MSE < 1 ⇒ every |f_i − y_i| < 1 ⇒ sign f_i = y_i for y_i = ±1.
    const y = [1, -1, 1, -1];
    const f = [0.6, -0.5, 0.9, -1.4]; // squared errors 0.16, 0.25, 0.01, 0.16: MSE 0.145 < 1/4
    const mse = f.reduce((a, fi, i) => a + (fi - y[i]) ** 2, 0) / y.length;
    expect(mse).toBeLessThan(memorizationThreshold(y.length));
    expect(f.every((fi, i) => Math.sign(fi) === y[i])).toBe(true);
    expect(regionBound(72)).toBe(2 * 72 * 72);
    expect(() => trainedNeuronsSquared.domain({ depth: 4, widths: [12, 18, 27], ...task, every: 0 })).toThrow(OutOfDomainError);
  });

  it('C(N, 2) and the fitted constant T̂', () => {
    expect(neuronPairs(4)).toBe(6);
    expect(fittedT(4608, 1, 96)).toBeCloseTo(1, 14);
  });
});

describe('HR2019 2-D one-layer law and the T = 1 bound', () => {
  const squares = [
    { center: [0, 0], halfSide: 1 },
    { center: [0.75, 0.75], halfSide: 0.5 },
    { center: [-0.3, 0.6], halfSide: 0.7 },
    { center: [0.75, -0.2], halfSide: 0.5 },
  ];

  it('p₁ (spherical perimeter) equals the support-function quadrature, and p₂ (inclusion–exclusion) the solid angle, to ≤ 1e-9 at s_b 1e-3–1', () => {
    for (const sq of squares) {
      for (const sb of [1e-3, 0.01, 0.1, 0.3, 1]) {
        expect(Math.abs(lineCrossProbability(sq, sb) - lineCrossProbabilityByQuadrature(sq, sb))).toBeLessThan(1e-9);
        expect(Math.abs(vertexInsideProbability(sq, sb) - vertexInsideProbabilityBySolidAngle(sq, sb))).toBeLessThan(1e-9);
      }
    }
  });

  it('the whole-plane limit: p₁, p₂ → 1 and E[#regions] → 1 + N + C(N, 2); a square far away is never crossed', () => {
    const huge = { center: [0.2, -0.1], halfSide: 1e7 };
    expect(lineCrossProbability(huge, 0.5)).toBeCloseTo(1, 6);
    expect(lineCrossProbabilityByQuadrature(huge, 0.5)).toBeCloseTo(1, 6);
    expect(vertexInsideProbability(huge, 0.5)).toBeCloseTo(1, 6);
    expect(oneLayerRegions({ neurons: 10, biasStd: 0.5, square: huge })).toBeCloseTo(1 + 10 + 45, 3);
    // Quadrant masses: each quadrant holds 1/4 of the meeting points.
    expect(vertexInsideProbability({ center: [5e6, 5e6], halfSide: 5e6 }, 0.3)).toBeCloseTo(0.25, 6);
    expect(lineCrossProbability({ center: [1e6, 0], halfSide: 1 }, 0.3)).toBeLessThan(1e-5);
  });

  it('Monte Carlo of 10⁶ lines and 10⁶ pairs of lines agrees with p₁ and p₂ (within 5 standard errors)', () => {
    const stream = new RandomStream(20190601);
    const M = 1_000_000;
    const g = new Float64Array(6 * 1000);
    for (const [sq, sb] of [[squares[2], 0.3], [squares[3], 0.01]] as const) {
      const corners = squareCorners(sq);
      let crossed = 0;
      let inside = 0;
      for (let done = 0; done < M; done += 1000) {
        stream.fillNormal(g);
        for (let k = 0; k < 1000; k++) {
          const [w1, w2, b1, v1, v2, b2] = [g[6 * k], g[6 * k + 1], sb * g[6 * k + 2], g[6 * k + 3], g[6 * k + 4], sb * g[6 * k + 5]];
          let pos = 0;
          for (const [x, y] of corners) if (w1 * x + w2 * y + b1 > 0) pos++;
          if (pos > 0 && pos < 4) crossed++;
          const det = w1 * v2 - w2 * v1;
          const x = (-b1 * v2 + w2 * b2) / det;
          const y = (-w1 * b2 + v1 * b1) / det;
          if (Math.abs(x - sq.center[0]) <= sq.halfSide && Math.abs(y - sq.center[1]) <= sq.halfSide) inside++;
        }
      }
      const p1 = lineCrossProbability(sq, sb);
      const p2 = vertexInsideProbability(sq, sb);
      expect(Math.abs(crossed / M - p1)).toBeLessThan(5 * Math.sqrt((p1 * (1 - p1)) / M));
      expect(Math.abs(inside / M - p2)).toBeLessThan(5 * Math.sqrt((p2 * (1 - p2)) / M));
    }
  });

  it('the one-layer law is an equality on continuous units; the bound is atMost(area·N²/2) with T = 1', () => {
    const c = { neurons: 16, biasStd: 0.3, square: squares[0] };
    expect(planeOneLayerLaw.predict(c)).toEqual(equals(oneLayerRegions(c)));
    expect(planeOneLayerLaw.unit.kind).toBe('continuous');
    expect(() => planeOneLayerLaw.domain({ ...c, biasStd: 0 })).toThrow(OutOfDomainError);
    const sq = { widths: splitNeurons(24, 8), biasStd: 0.01, domain: { kind: 'square' as const, square: squares[0] } };
    expect(sq.widths).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect(splitNeurons(24, 5)).toEqual([5, 5, 5, 5, 4]);
    expect(planeBound.predict(sq)).toEqual(atMost(4 * 24 * 24 / 2));
    // The paper's example: depth 3, width 32 → 96²/2 = 4608 per unit area.
    const tri = { widths: [32, 32, 32], biasStd: 0.001, domain: { kind: 'triangle' as const, slice: { inputDim: 3, points: [[0, 0, 0], [1, 0, 0], [0, 1, 0]] } } };
    expect(domainArea(tri.domain)).toBeCloseTo(0.5, 14);
    expect(planeRegionBound(tri)).toBeCloseTo(4608 / 2, 9);
    expect(planeBound.unit.kind).toBe('continuous');
    expect(() => planeBound.domain({ ...tri, domain: { kind: 'triangle', slice: { inputDim: 3, points: [[0, 0, 0], [1, 0, 0], [2, 0, 0]] } } })).toThrow(/collinear/);
  });
});
