import { analyzeOrientations, angleHistogram, completeLinkage, heatmap, inputWeights, leadingEigenvectorOrder, meanAbsCosine, similarityMatrix } from './orientations';
import { initialStageEnd, stageCheckpoints, stageEndSoFar, validateStageRule } from './initial-stage';
import { COMMON_INIT, describeInitScale, initStd, sampleSmallInit, validateInitScale } from './small-init';
import { RandomStream } from '../random/stream';
import type { DenseLayer64 } from '../train/params';

/** A 1-D layer whose neurons j have (w_j, b_j) = r_j (cos θ_j, sin θ_j). */
function layer1d(thetasDeg: number[], radii?: number[]): DenseLayer64 {
  const w = thetasDeg.map((t, j) => (radii?.[j] ?? 1) * Math.cos((t * Math.PI) / 180));
  const b = thetasDeg.map((t, j) => (radii?.[j] ?? 1) * Math.sin((t * Math.PI) / 180));
  return { fanIn: 1, fanOut: w.length, weights: Float64Array.from(w), biases: Float64Array.from(b) };
}

const rules = { negligibleFraction: 0.2, cosineThreshold: 0.9 };

describe('analyzeOrientations', () => {
  it('counts orientations and lines: two opposite tight clusters are 2 orientations on 1 line; four directions on two lines', () => {
    const a = analyzeOrientations(layer1d([40, 42, 45, 220, 223]), rules);
    expect([a.orientations, a.lines]).toEqual([2, 1]);
    expect(a.score).toBe(1);
    const b = analyzeOrientations(layer1d([0, 3, 180, 182, 90, 92, 270, 268]), rules);
    expect([b.orientations, b.lines]).toEqual([4, 2]);
  });

  it('filters negligible neurons by c·max |u|, and bounds every cluster\'s diameter by arccos τ (complete linkage, no chaining)', () => {
    const a = analyzeOrientations(layer1d([0, 5, 120], [1, 1, 0.1]), rules);
    expect(a.kept).toEqual([0, 1]);
    expect(a.orientations).toBe(1);
    // A chain 0°, 15°, 30°, 45°: single linkage would give 1 cluster; diameters ≤ 25.8° give 2.
    expect(analyzeOrientations(layer1d([0, 15, 30, 45]), rules).orientations).toBe(2);
  });

  it('complete linkage is independent of the neurons\' order (distinct similarities; ties are broken by index)', () => {
    const thetas = [0, 7, 19, 36, 52, 101, 171, 203];
    const s = new RandomStream(4);
    const perm = [...thetas].sort(() => s.nextFloat64() - 0.5);
    expect(analyzeOrientations(layer1d(perm), rules).orientations).toBe(analyzeOrientations(layer1d(thetas), rules).orientations);
  });

  it('general d: rows include the bias; labels group parallel rows', () => {
    const layer: DenseLayer64 = { fanIn: 2, fanOut: 3, weights: Float64Array.of(1, 0, 2, 0, 0, 1), biases: Float64Array.of(0, 0, 0) };
    expect(inputWeights(layer).map((u) => Array.from(u))).toEqual([[1, 0, 0], [2, 0, 0], [0, 1, 0]]);
    expect(Array.from(completeLinkage(similarityMatrix([Float64Array.of(1, 0), Float64Array.of(1, 0), Float64Array.of(0, 1)]), 3, 0.9))).toEqual([0, 0, 1]);
  });

  it('rejects bad rules and an all-zero layer with messages naming the parameter', () => {
    expect(() => analyzeOrientations(layer1d([0]), { negligibleFraction: 0, cosineThreshold: 0.9 })).toThrow('rules.negligibleFraction must be a number in (0, 1); got 0');
    expect(() => analyzeOrientations(layer1d([0]), { negligibleFraction: 0.2, cosineThreshold: 1.5 })).toThrow('rules.cosineThreshold must be a number in (0, 1); got 1.5');
    expect(() => analyzeOrientations({ fanIn: 1, fanOut: 1, weights: Float64Array.of(0), biases: Float64Array.of(0) }, rules)).toThrow('every input weight of the layer is zero');
  });
});

describe('heat-map order, eigen-decomposition, histograms, alignment', () => {
  it('orders neurons by their component along the leading eigenvector of UᵀU (closed form in 2-D)', () => {
    const u = (x: number, y: number): Float64Array => Float64Array.of(x / Math.hypot(x, y), y / Math.hypot(x, y));
    const units = [u(1, 0), u(1, 1), u(0, 1), u(1, 0.2), u(0.3, 1)];
    // Oracle: for the 2×2 matrix [[a, b], [b, c]] the leading eigenvector is at angle ½·atan2(2b, a − c).
    let a2 = 0;
    let b2 = 0;
    let c2 = 0;
    for (const v of units) {
      a2 += v[0] * v[0];
      b2 += v[0] * v[1];
      c2 += v[1] * v[1];
    }
    const theta = 0.5 * Math.atan2(2 * b2, a2 - c2);
    const comp = units.map((v) => v[0] * Math.cos(theta) + v[1] * Math.sin(theta));
    const expected = comp.map((c, i) => ({ c, i })).sort((p, q) => p.c - q.c).map((r) => r.i);
    expect(leadingEigenvectorOrder(units)).toEqual(expected);
  });

  it('orders two opposite clusters into two contiguous blocks', () => {
    const a = analyzeOrientations(layer1d([40, 220, 41, 221, 42, 222]), rules);
    const order = leadingEigenvectorOrder(a.units);
    const labels = order.map((i) => a.orientationLabels[i]);
    expect(labels.slice(0, 3).every((l) => l === labels[0]) && labels.slice(3).every((l) => l === labels[3])).toBe(true);
    const h = heatmap(a.units);
    expect(h.matrix[0][5]).toBeCloseTo(-1, 2);
  });

  it('angle histogram and mean |cos|', () => {
    const a = analyzeOrientations(layer1d([0, 90]), rules);
    expect(angleHistogram(a.units, 4).counts).toEqual([0, 0, 1, 1]);
    expect(meanAbsCosine(a.units, [1, 0])).toBeCloseTo(0.5, 12);
  });
});

describe('initial-stage rule', () => {
  const rule = { amplitude: 0.2, minGrowthForStall: 2, stallGrowth: 0.02, stallWindow: 40, every: 20, maxSteps: 100 };
  it('ends at the amplitude, at a stall after ≥ 2× growth, or at the cap', () => {
    expect(stageCheckpoints(rule)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(initialStageEnd([0.01, 0.05, 0.1, 0.21, 0.3, 0.4], rule)).toEqual({ step: 60, index: 3, reason: 'amplitude' });
    expect(initialStageEnd([0.01, 0.03, 0.05, 0.05, 0.05, 0.05], rule)).toEqual({ step: 80, index: 4, reason: 'stall' });
    // No stall before 2× growth: a flat start is not the end of the stage.
    expect(initialStageEnd([0.01, 0.01, 0.01, 0.01, 0.01, 0.01], rule)).toEqual({ step: 100, index: 5, reason: 'cap' });
  });
  it('validates its parameters', () => {
    expect(() => validateStageRule({ ...rule, stallWindow: 30 })).toThrow('stageRule.stallWindow must be a positive multiple of every (20); got 30');
    expect(() => initialStageEnd([1, 2], rule)).toThrow('maxNorms must hold one value per checkpoint (6); got 2');
    // Causal: every prefix that decides T* decides the same T*; a prefix before it decides nothing.
    for (const norms of [[0.01, 0.05, 0.1, 0.21, 0.3, 0.4], [0.01, 0.03, 0.05, 0.05, 0.05, 0.05], [0.01, 0.01, 0.01, 0.01, 0.01, 0.01]]) {
      const end = initialStageEnd(norms, rule);
      for (let k = 1; k <= norms.length; k++) {
        const soFar = stageEndSoFar(norms.slice(0, k), rule);
        if (end.reason !== 'cap' && k > end.index) expect(soFar).toEqual(end);
        else expect(soFar).toBeUndefined();
      }
    }
  });
});

describe('small initialization scales', () => {
  it('variance vs std conventions', () => {
    expect(initStd({ kind: 'variance-power', gamma: 2 }, 50)).toBeCloseTo(1 / 50, 15);
    expect(initStd({ kind: 'std-power', gamma: 2 }, 50)).toBeCloseTo(1 / 2500, 15);
    expect(initStd({ kind: 'variance', variance: 0.005 ** 2 }, 50)).toBeCloseTo(0.005, 15);
    expect(describeInitScale({ kind: 'std-power', gamma: 4 }, 50)).toContain('notebook convention');
    expect(() => validateInitScale({ kind: 'variance-power', gamma: 0 })).toThrow('init.gamma must be a number in (0, 8]; got 0');
    expect(() => initStd({ kind: 'std', std: 0.1 }, 0)).toThrow('m (hidden width) must be an integer ≥ 1; got 0');
  });
  it('the std component decides the scale (here: the common init, var = 1/m)', () => {
    const p = sampleSmallInit([1, 400, 1], { kind: 'std', std: 1e-4 }, new RandomStream(1), (_scale, m) => initStd(COMMON_INIT, m));
    const w = p.layers[0].weights;
    const v = w.reduce((s, x) => s + x * x, 0) / w.length;
    expect(v).toBeGreaterThan(0.8 / 400);
    expect(v).toBeLessThan(1.2 / 400);
  });
});
