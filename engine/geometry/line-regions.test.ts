import { RandomStream } from '../random/stream';
import { activationPattern, sampleNet64, type PwlNet64 } from './net64';
import { lineRegions, nearestBreakpointDistance } from './line-regions';
import { sphericalLength } from './spherical-length';
import type { NetworkSpec } from '../network/spec';

const spec = (widths: number[], biasStd: number): NetworkSpec => ({
  widths,
  init: { law: 'gaussian', variance: { preset: 'he' }, bias: biasStd > 0 ? { law: 'gaussian', std: biasStd } : { law: 'zero' } },
  activation: { kind: 'relu' },
});

const unitVector = (s: RandomStream, d: number): Float64Array => {
  const v = new Float64Array(d);
  s.fillNormal(v, 1);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('lineRegions (exact, float64)', () => {
  test('one hidden layer: every neuron breaks exactly once on the whole line (count = N)', () => {
    const s = new RandomStream(11);
    for (const d of [1, 2, 5]) {
      for (const N of [1, 7, 64]) {
        const net = sampleNet64(spec([d, N], 0.5), s);
        const x0 = new Float64Array(d);
        s.fillNormal(x0, 1);
        const r = lineRegions(net, { x0, u: unitVector(s, d), t0: -Infinity, t1: Infinity });
        expect(r.breakpoints.length).toBe(N);
        expect(r.regions).toBe(N + 1);
      }
    }
  });

  test('agrees with dense sampling of activation patterns (never fewer, equal on a fine grid)', () => {
    const s = new RandomStream(12);
    for (let trial = 0; trial < 12; trial++) {
      const widths = trial % 2 === 0 ? [2, 6, 6] : [2, 5, 4, 5];
      const net = sampleNet64(spec(widths, 0.3), s);
      const x0 = new Float64Array(2);
      s.fillNormal(x0, 1);
      const u = unitVector(s, 2);
      const seg = { x0, u, t0: 0, t1: 2 };
      const exact = lineRegions(net, seg, { patterns: true });
      // Grid patterns: count changes between consecutive grid points.
      const G = 20000;
      const x = new Float64Array(2);
      const patAt = (t: number): string => {
        x[0] = x0[0] + t * u[0];
        x[1] = x0[1] + t * u[1];
        return activationPattern(net, x);
      };
      let changes = 0;
      let prev = patAt(0);
      for (let g = 1; g <= G; g++) {
        const p = patAt((2 * g) / G);
        if (p !== prev) changes++;
        prev = p;
      }
      expect(exact.breakpoints.length).toBeGreaterThanOrEqual(changes);
      // Every exact piece wider than the grid step is seen by the grid, and its pattern is the
      // pattern at its midpoint.
      const ends = [0, ...exact.breakpoints, 2];
      const minGap = Math.min(...ends.slice(1).map((e, k) => e - ends[k]));
      if (minGap > (4 * 2) / G) expect(changes).toBe(exact.breakpoints.length);
      exact.patterns!.forEach((pat, k) => expect(Array.from(pat).join('')).toBe(patAt(0.5 * (ends[k] + ends[k + 1]))));
      // Adjacent pieces differ.
      for (let k = 1; k < exact.patterns!.length; k++) expect(Array.from(exact.patterns![k]).join('')).not.toBe(Array.from(exact.patterns![k - 1]).join(''));
    }
  });

  test('layer breakpoints add up; a 1-layer spherical length is the Cauchy arctan law', () => {
    const s = new RandomStream(13);
    const net = sampleNet64(spec([3, 10, 10, 10], 0.2), s);
    const r = lineRegions(net, { x0: [0.3, -0.2, 0.9], u: [0, 0.6, 0.8], t0: 0, t1: 3 });
    expect(r.layerBreakpoints.reduce((a, b) => a + b, 0)).toBe(r.breakpoints.length);
    // Λ_0 for x(t) = x0 + t·u augmented with c: arctan((T + m)/g) − arctan(m/g), g² = ‖x0‖² − m² + c².
    const x0 = [0.3, -0.2, 0.9];
    const u = [0, 0.6, 0.8];
    const c = 0.7;
    let lambda = 0;
    lineRegions(net, { x0, u, t0: 0, t1: 3 }, { inspect: (inp) => (inp.layer === 0 ? (lambda = sphericalLength(inp, c)) : undefined) });
    const m = x0[1] * u[1] + x0[2] * u[2];
    const g = Math.sqrt(x0.reduce((a, v) => a + v * v, 0) - m * m + c * c);
    expect(lambda).toBeCloseTo(Math.atan((3 + m) / g) - Math.atan(m / g), 12);
  });

  test('zero biases: a line through the origin has all its breakpoints at the origin (collapse)', () => {
    const s = new RandomStream(14);
    for (const widths of [[2, 16], [2, 8, 8, 8], [4, 12, 12]]) {
      const net = sampleNet64(spec(widths, 0), s);
      const d = widths[0];
      const u = unitVector(s, d);
      const x0 = u.map((v) => -v); // x(t) = (t − 1)·u: the origin at t = 1 exactly
      const r = lineRegions(net, { x0, u, t0: 0, t1: 2 });
      expect(Array.from(r.breakpoints)).toEqual([1]);
    }
  });

  test('nearest breakpoint distance', () => {
    expect(nearestBreakpointDistance(Float64Array.of(-2, 0.5, 3), 0)).toBe(0.5);
    expect(nearestBreakpointDistance(new Float64Array(0), 0)).toBe(Infinity);
  });

  test('bad input names the parameter', () => {
    const net: PwlNet64 = sampleNet64(spec([2, 4], 0.1), new RandomStream(1));
    expect(() => lineRegions(net, { x0: [0], u: [1, 0], t0: 0, t1: 1 })).toThrow(/segment.x0 must have the net's input dimension 2/);
    expect(() => lineRegions(net, { x0: [0, 0], u: [0, 0], t0: 0, t1: 1 })).toThrow(/segment.u must be a non-zero direction/);
    expect(() => lineRegions(net, { x0: [0, NaN], u: [1, 0], t0: 0, t1: 1 })).toThrow(/segment.x0\[1\] must be finite/);
    expect(() => lineRegions(net, { x0: [0, 0], u: [1, 0], t0: 1, t1: 1 })).toThrow(/t0 < t1/);
    expect(() => lineRegions({ ...net, layers: [{ ...net.layers[0], slope: 2 }] }, { x0: [0, 0], u: [1, 0], t0: 0, t1: 1 })).toThrow(/slope must be in \[0, 1\]/);
    expect(() => sphericalLength({ layer: 0, pieces: 1, width: 1, ends: Float64Array.of(0, 1), A: Float64Array.of(1), B: Float64Array.of(1) }, 0)).toThrow(/c \(the bias-to-weight std ratio/);
  });
});
