/**
 * Validation of the exact 2-D region counter (plane-regions.ts), each check computed independently
 * of the polygon splitting:
 * - one hidden layer: count = 1 + #lines crossing the domain + #pairwise intersections inside it;
 * - zero biases: 2N regions for one layer; for deep nets (positively homogeneous, so regions are
 *   cones from the origin) the count equals the number of breakpoints on the square's boundary
 *   loop, counted by the 1-D counter (line-regions.ts);
 * - dense grids: every grid point lies in exactly one exact polygon and has its pattern, every grid
 *   pattern is an exact region's, and every region the grid misses is certified by its centroid;
 * - areas sum to the domain's area; the pattern at every region's centroid is the region's;
 * - tolerance rules: exact degeneracies make no slivers, real regions down to 1e-9 of the domain
 *   survive, results are invariant to rescaling a ReLU layer;
 * - bad input is rejected with the parameter's name.
 */
import { RandomStream } from '../random/stream';
import { activationPattern, sampleNet64, type PwlNet64 } from './net64';
import { lineRegions } from './line-regions';
import type { NetworkSpec } from '../network/spec';
import type { Activation } from '../network/activation';
import {
  AREA_TOL,
  planeRegions,
  planeThroughPoints,
  polygonArea,
  polygonCentroid,
  slicePoint,
  squareSlice,
  VERTEX_TOL,
  type PlaneRegion,
  type PlaneSlice,
} from './plane-regions';

const spec = (widths: number[], biasStd: number, activation: Activation = { kind: 'relu' }): NetworkSpec => ({
  widths,
  init: { law: 'gaussian', variance: { preset: 'he' }, bias: biasStd > 0 ? { law: 'gaussian', std: biasStd } : { law: 'zero' } },
  activation,
});

const patternString = (p: Uint8Array): string => Array.from(p).join('');

/** A one-layer net with the given lines w·x + b (input dimension 2). */
function lineNet(lines: [number, number, number][]): PwlNet64 {
  const weights = new Float64Array(lines.flatMap(([w0, w1]) => [w0, w1]));
  const biases = Float64Array.from(lines.map((l) => l[2]));
  return { inputDim: 2, layers: [{ fanIn: 2, fanOut: lines.length, weights, biases, slope: 0 }] };
}

/** Pattern of every neuron at x as an integer (≤ 52 neurons), for fast grid scans. */
function patternCode(net: PwlNet64, x: Float64Array, scratch: Float64Array[]): number {
  let code = 0;
  let h: Float64Array = x;
  net.layers.forEach((l, li) => {
    const out = scratch[li];
    for (let j = 0; j < l.fanOut; j++) {
      let z = l.biases[j];
      for (let i = 0; i < l.fanIn; i++) z += l.weights[j * l.fanIn + i] * h[i];
      code = code * 2 + (z > 0 ? 1 : 0);
      out[j] = z > 0 ? z : l.slope * z;
    }
    h = out;
  });
  return code;
}

const codeOf = (p: Uint8Array): number => p.reduce((c, b) => c * 2 + b, 0);

/** Signed distance from (s, t) to the boundary of a CCW convex polygon (> 0 inside). */
function insideMargin(xy: Float64Array, s: number, t: number): number {
  const n = xy.length >> 1;
  let m = Infinity;
  for (let i = 0; i < n; i++) {
    const k = (i + 1) % n;
    const es = xy[2 * k] - xy[2 * i];
    const et = xy[2 * k + 1] - xy[2 * i + 1];
    const cross = es * (t - xy[2 * i + 1]) - et * (s - xy[2 * i]);
    m = Math.min(m, cross / Math.hypot(es, et));
  }
  return m;
}

function expectConvexCCW(r: PlaneRegion): void {
  const xy = r.vertices;
  const n = xy.length >> 1;
  expect(n).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < n; i++) {
    const p = (i + n - 1) % n;
    const q = (i + 1) % n;
    const cross = (xy[2 * i] - xy[2 * p]) * (xy[2 * q + 1] - xy[2 * i + 1]) - (xy[2 * i + 1] - xy[2 * p + 1]) * (xy[2 * q] - xy[2 * i]);
    expect(cross).toBeGreaterThanOrEqual(-1e-20);
  }
  expect(polygonArea(xy)).toBeGreaterThan(0);
}

describe('planeRegions: one hidden layer', () => {
  /** 1 + #crossing lines + #intersections strictly inside, for lines z = a·s + b·t + c on a convex domain. */
  function arrangementCount(lines: [number, number, number][], domain: Float64Array): number {
    const m = domain.length / 2;
    const inside = (s: number, t: number): boolean => {
      for (let i = 0; i < m; i++) {
        const k = (i + 1) % m;
        const cross = (domain[2 * k] - domain[2 * i]) * (t - domain[2 * i + 1]) - (domain[2 * k + 1] - domain[2 * i + 1]) * (s - domain[2 * i]);
        if (cross <= 0) return false;
      }
      return true;
    };
    let crossing = 0;
    for (const [a, b, c] of lines) {
      let pos = false;
      let neg = false;
      for (let i = 0; i < m; i++) {
        const z = a * domain[2 * i] + b * domain[2 * i + 1] + c;
        if (z > 0) pos = true;
        else neg = true;
      }
      if (pos && neg) crossing++;
    }
    let points = 0;
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const [a1, b1, c1] = lines[i];
        const [a2, b2, c2] = lines[j];
        const det = a1 * b2 - a2 * b1;
        const s = (b1 * c2 - b2 * c1) / det;
        const t = (a2 * c1 - a1 * c2) / det;
        if (inside(s, t)) points++;
      }
    }
    return 1 + crossing + points;
  }

  test('count = 1 + crossing lines + interior intersection points (square, input dim 2)', () => {
    for (const [width, biasStd] of [[3, 0.5], [8, 0.5], [20, 0.3], [40, 1]] as const) {
      for (let seed = 1; seed <= 5; seed++) {
        const net = sampleNet64(spec([2, width], biasStd), new RandomStream(1000 * width + seed));
        const slice = squareSlice([0.1, -0.2], 0.8);
        const { weights: W, biases: b } = net.layers[0];
        // In (s, t): x = origin + s·u + t·v.
        const lines: [number, number, number][] = [];
        for (let j = 0; j < width; j++) {
          const w0 = W[2 * j];
          const w1 = W[2 * j + 1];
          lines.push([w0 * 1.6, w1 * 1.6, w0 * (0.1 - 0.8) + w1 * (-0.2 - 0.8) + b[j]]);
        }
        const r = planeRegions(net, slice);
        expect(r.count).toBe(arrangementCount(lines, Float64Array.of(0, 0, 1, 0, 1, 1, 0, 1)));
        expect(r.snappedVertices).toBe(0);
        expect(r.droppedPieces).toBe(0);
      }
    }
  });

  test('same on a triangle through three points of a 5-D input space', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const rs = new RandomStream(77 + seed);
      const pts = [0, 1, 2].map(() => {
        const p = new Float64Array(5);
        rs.fillNormal(p);
        return p;
      });
      const slice = planeThroughPoints(pts[0], pts[1], pts[2]);
      const net = sampleNet64(spec([5, 25], 0.5), rs);
      const { weights: W, biases: b } = net.layers[0];
      const lines: [number, number, number][] = [];
      for (let j = 0; j < 25; j++) {
        let a = 0;
        let bb = 0;
        let c = b[j];
        for (let i = 0; i < 5; i++) {
          a += W[5 * j + i] * (pts[1][i] - pts[0][i]);
          bb += W[5 * j + i] * (pts[2][i] - pts[0][i]);
          c += W[5 * j + i] * pts[0][i];
        }
        lines.push([a, bb, c]);
      }
      const r = planeRegions(net, slice);
      expect(r.count).toBe(arrangementCount(lines, Float64Array.of(0, 0, 1, 0, 0, 1)));
      // Triangle area in input space = ½·sqrt(det Gram(u, v)).
      expect(r.domainArea).toBeCloseTo(0.5 * r.areaScale, 12);
      expect(Math.abs(r.totalArea - r.domainArea)).toBeLessThanOrEqual(1e-9 * r.domainArea);
    }
  });

  test('zero biases, origin inside the square: exactly 2N regions (all lines through one point)', () => {
    for (const N of [1, 2, 5, 16, 64, 200]) {
      const net = sampleNet64(spec([2, N], 0), new RandomStream(500 + N));
      for (const center of [[0, 0], [0.3, -0.2], [-0.45, 0.1]]) {
        const r = planeRegions(net, squareSlice(center, 0.5));
        expect(r.count).toBe(2 * N);
        expect(r.droppedPieces).toBe(0);
        if (N >= 3) expect(r.snappedVertices).toBeGreaterThan(0); // rule 1 resolved the common point
      }
      // Origin outside the square (0.5 away): the N lines through it cross it in a fan of N + 1 regions at most.
      const outside = planeRegions(net, squareSlice([2, 0.3], 0.5));
      expect(outside.count).toBeLessThanOrEqual(N + 1);
    }
  });
});

describe('planeRegions: deep nets', () => {
  test('zero biases (cones from the origin): count = breakpoints on the boundary loop (1-D counter)', () => {
    for (const [widths, seeds] of [[[2, 8, 8, 8], 6], [[2, 16, 16, 16], 4], [[2, 64, 64, 64], 2]] as const) {
      for (let seed = 1; seed <= seeds; seed++) {
        const net = sampleNet64(spec([...widths], 0), new RandomStream(9000 + seed));
        const h = 0.7;
        const c = [0.13, -0.21]; // origin inside, not at the centre
        const r = planeRegions(net, squareSlice(c, h));
        // Boundary loop: 4 edges; a corner is a breakpoint with probability 0.
        const corners = [[c[0] - h, c[1] - h], [c[0] + h, c[1] - h], [c[0] + h, c[1] + h], [c[0] - h, c[1] + h]];
        let breaks = 0;
        for (let i = 0; i < 4; i++) {
          const p = corners[i];
          const q = corners[(i + 1) % 4];
          breaks += lineRegions(net, { x0: p, u: [q[0] - p[0], q[1] - p[1]], t0: 0, t1: 1 }).breakpoints.length;
        }
        expect(r.count).toBe(breaks);
        expect(r.droppedPieces).toBe(0);
      }
    }
  });

  test('dense grid vs exact regions (depth 2–3, width 4–8, ReLU and leaky ReLU)', () => {
    const G = 300; // grid points per side, at cell centres of the (s, t) unit square
    const cases: [number[], number, Activation, number][] = [
      [[2, 4, 4], 0.3, { kind: 'relu' }, 1],
      [[2, 6, 6], 0.5, { kind: 'relu' }, 2],
      [[2, 8, 8], 0.2, { kind: 'relu' }, 3],
      [[2, 4, 4, 4], 0.3, { kind: 'relu' }, 4],
      [[2, 6, 6, 6], 0.5, { kind: 'leaky-relu', slope: 0.2 }, 5],
      [[2, 8, 8, 8], 0.3, { kind: 'relu' }, 6],
      [[3, 8, 5, 7], 0.5, { kind: 'relu' }, 7],
    ];
    let totalMissed = 0;
    let total = 0;
    for (const [widths, biasStd, act, seed] of cases) {
      const rs = new RandomStream(31 + seed);
      const net = sampleNet64(spec(widths, biasStd, act), rs);
      const slice: PlaneSlice =
        widths[0] === 2 ? squareSlice([0, 0], 1) : { origin: [-1, 0.5, 0.2], u: [2, 0.3, -0.4], v: [0.1, 1.8, 0.6], domain: [0, 0, 1, 0, 1, 1, 0, 1] };
      const r = planeRegions(net, slice, { keepRegions: true });
      const regions = r.regions!;
      expect(regions).toHaveLength(r.count);
      expect(r.layerCounts[r.layerCounts.length - 1]).toBe(r.count);
      // (a) exact patterns are distinct.
      const codes = regions.map((g) => codeOf(g.pattern));
      expect(new Set(codes).size).toBe(r.count);
      // Grid patterns.
      const scratch = net.layers.map((l) => new Float64Array(l.fanOut));
      const x = new Float64Array(net.inputDim);
      const grid = new Float64Array(G * G);
      const gridCodes = new Set<number>();
      for (let a = 0; a < G; a++) {
        for (let b = 0; b < G; b++) {
          const code = patternCode(net, slicePoint(slice, (a + 0.5) / G, (b + 0.5) / G, x), scratch);
          grid[a * G + b] = code;
          gridCodes.add(code);
        }
      }
      // (b) every grid pattern is an exact region's pattern.
      const exact = new Set(codes);
      expect([...gridCodes].filter((code) => !exact.has(code))).toEqual([]);
      // (c) every grid point lies in exactly one polygon (margin 1e-9), which has its pattern.
      const hits = new Int32Array(G * G);
      let missed = 0;
      let wrongPattern = 0;
      regions.forEach((g, k) => {
        expectConvexCCW(g);
        const xy = g.vertices;
        let sLo = Infinity;
        let sHi = -Infinity;
        let tLo = Infinity;
        let tHi = -Infinity;
        for (let i = 0; i < xy.length; i += 2) {
          sLo = Math.min(sLo, xy[i]);
          sHi = Math.max(sHi, xy[i]);
          tLo = Math.min(tLo, xy[i + 1]);
          tHi = Math.max(tHi, xy[i + 1]);
        }
        let inside = 0;
        for (let a = Math.max(0, Math.floor(sLo * G - 0.5)); a <= Math.min(G - 1, Math.ceil(sHi * G - 0.5)); a++) {
          for (let b = Math.max(0, Math.floor(tLo * G - 0.5)); b <= Math.min(G - 1, Math.ceil(tHi * G - 0.5)); b++) {
            const m = insideMargin(xy, (a + 0.5) / G, (b + 0.5) / G);
            if (m > 1e-9) {
              inside++;
              hits[a * G + b]++;
              if (grid[a * G + b] !== codes[k]) wrongPattern++;
            } else if (m > -1e-9) {
              hits[a * G + b] += 1000; // on a boundary within 1e-9: not expected for these seeds
            }
          }
        }
        // (d) a region the grid misses is certified by the pattern at its centroid.
        if (inside === 0) {
          missed++;
          const [cs, ct] = polygonCentroid(xy);
          expect(activationPattern(net, slicePoint(slice, cs, ct))).toBe(patternString(g.pattern));
          expect(gridCodes.has(codes[k])).toBe(false);
        }
      });
      expect(wrongPattern).toBe(0);
      expect(hits.filter((h) => h !== 1).length).toBe(0);
      // So count = distinct grid patterns + certified missed regions.
      expect(r.count).toBe(gridCodes.size + missed);
      totalMissed += missed;
      total += r.count;
    }
    // On a 300 × 300 grid only small regions may be missed.
    expect(totalMissed).toBeLessThanOrEqual(0.05 * total);
  });

  test('areas sum to the domain area and every centroid has its region\'s pattern', () => {
    const cases: [number[], number, Activation, number][] = [
      [[2, 16, 16, 16], 0.1, { kind: 'relu' }, 1],
      [[2, 16, 16, 16], 1e-3, { kind: 'relu' }, 2],
      [[2, 12, 12, 12, 12], 0.3, { kind: 'leaky-relu', slope: 0.1 }, 3],
      [[2, 10, 10], 0.2, { kind: 'linear' }, 4],
      [[2, 64, 64, 64], 0.1, { kind: 'relu' }, 5],
    ];
    for (const [widths, biasStd, act, seed] of cases) {
      const net = sampleNet64(spec(widths, biasStd, act), new RandomStream(4242 + seed));
      const slice = squareSlice([0, 0], 0.5);
      const r = planeRegions(net, slice, { keepRegions: true });
      expect(r.domainArea).toBeCloseTo(1, 14);
      expect(Math.abs(r.totalArea - r.domainArea)).toBeLessThanOrEqual(1e-9 * r.domainArea);
      expect(r.droppedPieces).toBe(0);
      let sum = 0;
      const x = new Float64Array(2);
      for (const g of r.regions!) {
        sum += g.area;
        expect(g.area).toBeCloseTo(polygonArea(g.vertices) * r.areaScale, 15);
        const [cs, ct] = polygonCentroid(g.vertices);
        expect(activationPattern(net, slicePoint(slice, cs, ct, x))).toBe(patternString(g.pattern));
      }
      expect(sum).toBeCloseTo(r.totalArea, 12);
      // A linear activation still splits by pattern: 1 + lines + points for the first layer and more after.
      if (act.kind === 'linear') expect(r.count).toBeGreaterThan(r.layerCounts[0]);
    }
  });
});

describe('planeRegions: tolerance rules', () => {
  test('rescaling a ReLU layer (positive homogeneity) changes nothing', () => {
    const net = sampleNet64(spec([2, 12, 12, 12], 0.2), new RandomStream(808));
    const base = planeRegions(net, squareSlice([0, 0], 1), { keepRegions: true });
    for (const k of [1e-9, 1e9]) {
      const scaled: PwlNet64 = {
        inputDim: 2,
        layers: net.layers.map((l, i) =>
          i === 1 ? { ...l, weights: l.weights.map((w) => w * k), biases: l.biases.map((b) => b * k) } : i === 2 ? { ...l, weights: l.weights.map((w) => w / k) } : l,
        ),
      };
      const r = planeRegions(scaled, squareSlice([0, 0], 1), { keepRegions: true });
      expect(r.count).toBe(base.count);
      const a = base.regions!.map((g) => patternString(g.pattern)).sort();
      const b = r.regions!.map((g) => patternString(g.pattern)).sort();
      expect(b).toEqual(a);
    }
  });

  test('duplicated neurons (a line along an edge) add no region and no sliver', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const net = sampleNet64(spec([2, 10, 10], 0.3), new RandomStream(60 + seed));
      const base = planeRegions(net, squareSlice([0, 0], 1));
      // Duplicate neurons 0 and 3 of layer 0 (and the matching input columns of layer 1, weight 0).
      const l0 = net.layers[0];
      const l1 = net.layers[1];
      const dup = [0, 3];
      const fanOut = l0.fanOut + dup.length;
      const w0 = new Float64Array(fanOut * 2);
      w0.set(l0.weights);
      const b0 = new Float64Array(fanOut);
      b0.set(l0.biases);
      dup.forEach((j, k) => {
        w0[2 * (l0.fanOut + k)] = l0.weights[2 * j];
        w0[2 * (l0.fanOut + k) + 1] = l0.weights[2 * j + 1];
        b0[l0.fanOut + k] = l0.biases[j];
      });
      const w1 = new Float64Array(l1.fanOut * fanOut);
      for (let j = 0; j < l1.fanOut; j++) for (let i = 0; i < l0.fanOut; i++) w1[j * fanOut + i] = l1.weights[j * l0.fanOut + i];
      const twin: PwlNet64 = {
        inputDim: 2,
        layers: [
          { fanIn: 2, fanOut, weights: w0, biases: b0, slope: 0 },
          { fanIn: fanOut, fanOut: l1.fanOut, weights: w1, biases: l1.biases, slope: 0 },
        ],
      };
      const r = planeRegions(twin, squareSlice([0, 0], 1));
      expect(r.count).toBe(base.count);
      expect(r.droppedPieces).toBe(0);
      expect(r.snappedVertices).toBeGreaterThan(0);
    }
  });

  test('lines along a domain edge or through a corner add nothing; a diagonal splits in two', () => {
    const slice = squareSlice([0, 0], 1); // [−1, 1]²
    expect(planeRegions(lineNet([[1, 0, 1]]), slice).count).toBe(1); // x = −1: the left edge
    expect(planeRegions(lineNet([[0, 1, -1]]), slice).count).toBe(1); // y = 1: the top edge
    expect(planeRegions(lineNet([[1, 1, 2]]), slice).count).toBe(1); // touches the corner (−1, −1)
    expect(planeRegions(lineNet([[1, -1, 0]]), slice).count).toBe(2); // the diagonal
    expect(planeRegions(lineNet([[1, -1, 0], [1, 1, 0]]), slice).count).toBe(4); // both diagonals
    // Edge + diagonal + generic line: 1 + 2 lines + 1 crossing.
    const r = planeRegions(lineNet([[1, 0, 1], [1, -1, 0], [0.3, 1, 0.2]]), slice);
    expect(r.count).toBe(4);
    expect(r.droppedPieces).toBe(0);
  });

  test('small real regions survive down to the stated resolution', () => {
    // Three lines bounding a triangle of side ~ε around (0.2, 0.3) in [−1, 1]² (diameter 2√2):
    // 1 + 3 lines + 3 crossings = 7 regions while ε ≫ VERTEX_TOL·D.
    const tri = (eps: number): [number, number, number][] => {
      const [cx, cy] = [0.2, 0.3];
      return [0, 1, 2].map((k) => {
        const th = 0.4 + (2 * Math.PI * k) / 3;
        const n = [Math.cos(th), Math.sin(th)];
        return [n[0], n[1], -(n[0] * cx + n[1] * cy) + eps] as [number, number, number];
      });
    };
    const slice = squareSlice([0, 0], 1);
    for (const eps of [1e-3, 1e-6, 1e-9, 1e-10]) {
      const r = planeRegions(lineNet(tri(eps)), slice, { keepRegions: true });
      expect(r.count).toBe(7);
      const smallest = Math.min(...r.regions!.map((g) => g.area));
      expect(Math.abs(smallest / (3 * Math.sqrt(3) * eps * eps) - 1)).toBeLessThan(1e-4); // equilateral, inradius ε
      expect(smallest).toBeGreaterThan(AREA_TOL * r.domainArea);
    }
    // Below the resolution (ε ≪ VERTEX_TOL·D ≈ 2.8e-12) the three lines meet in one point: 6 regions.
    expect(VERTEX_TOL).toBe(1e-12);
    expect(planeRegions(lineNet(tri(1e-15)), slice).count).toBe(6);
  });
});

describe('planeRegions: bad input', () => {
  const net = sampleNet64(spec([2, 4], 0.1), new RandomStream(1));
  const ok = squareSlice([0, 0], 1);

  test('slice errors name the parameter and the allowed range', () => {
    expect(() => planeRegions(net, { ...ok, origin: [0, 0, 0] })).toThrow(/slice\.origin must have the net's input dimension 2; got 3/);
    expect(() => planeRegions(net, { ...ok, u: [1] })).toThrow(/slice\.u must have the net's input dimension 2/);
    expect(() => planeRegions(net, { ...ok, origin: [0, NaN] })).toThrow(/slice\.origin\[1\] must be finite/);
    expect(() => planeRegions(net, { ...ok, v: [Infinity, 0] })).toThrow(/slice\.v\[0\] must be finite/);
    expect(() => planeRegions(net, { ...ok, u: [0, 0] })).toThrow(/slice\.u and slice\.v must be non-zero/);
    expect(() => planeRegions(net, { ...ok, u: [1, 2], v: [2, 4] })).toThrow(/linearly independent/);
    expect(() => planeRegions(net, { ...ok, u: [1, 2], v: [1, 2 + 1e-9] })).toThrow(/linearly independent/);
    expect(() => planeRegions(net, { ...ok, domain: [0, 0, 1, 0] })).toThrow(/slice\.domain must be a flat list of ≥ 3/);
    expect(() => planeRegions(net, { ...ok, domain: [0, 0, 1, 0, 1] })).toThrow(/slice\.domain must be a flat list/);
    expect(() => planeRegions(net, { ...ok, domain: [0, 0, 1, 0, 2, 0] })).toThrow(/slice\.domain must have positive area/);
    expect(() => planeRegions(net, { ...ok, domain: [0, 0, 2, 0, 1, 0.2, 1, 2, 0, 2] })).toThrow(/slice\.domain must be a convex polygon/);
    expect(() => planeRegions(net, { ...ok, domain: [0, 0, 1, 0, 1, 0, 0, 1] })).toThrow(/distinct consecutive vertices/);
    expect(() => planeRegions(net, { ...ok, domain: [0, 0, 1, NaN, 0, 1] })).toThrow(/slice\.domain\[3\] must be finite/);
  });

  test('helpers and the net are validated', () => {
    expect(() => squareSlice([0, 0, 0], 1)).toThrow(/center must have 2 coordinates/);
    expect(() => squareSlice([0, 0], 0)).toThrow(/halfSide must be finite and > 0/);
    expect(() => squareSlice([0, NaN], 1)).toThrow(/center must be finite/);
    expect(() => planeThroughPoints([0, 0], [1, 0], [0, 1, 2])).toThrow(/same dimension/);
    expect(() => planeRegions(net, planeThroughPoints([0, 0], [1, 1], [2, 2]))).toThrow(/linearly independent/);
    const oneD = sampleNet64(spec([1, 3], 0.1), new RandomStream(2));
    expect(() => planeRegions(oneD, { origin: [0], u: [1], v: [2] })).toThrow(/input dimension ≥ 2/);
    const bad: PwlNet64 = { inputDim: 2, layers: [{ ...net.layers[0], slope: 2 }] };
    expect(() => planeRegions(bad, ok)).toThrow(/net\.layers\[0\]\.slope must be in \[0, 1\]/);
  });

  test('a clockwise domain is accepted (re-oriented) and gives the same regions', () => {
    const n2 = sampleNet64(spec([2, 8, 8], 0.3), new RandomStream(12));
    const ccw = planeRegions(n2, { ...ok, domain: [0, 0, 1, 0, 1, 1, 0, 1] });
    const cw = planeRegions(n2, { ...ok, domain: [0, 1, 1, 1, 1, 0, 0, 0] });
    expect(cw.count).toBe(ccw.count);
    expect(cw.totalArea).toBeCloseTo(4, 12);
    const par = planeRegions(n2, planeThroughPoints([-1, -1], [1, -1], [-1, 1], 'parallelogram'));
    expect(par.count).toBe(planeRegions(n2, ok).count);
  });
});
