/** Hanin & Rolnick 2019's paper figures: built from small synthetic records shaped like the gate's, robust to odd data, and drawn. */
import { FIGURES } from './hanin-rolnick-2019';
import { completeSpec, renderSvg } from './svg';
import { fixtureClaim } from '../test-fixtures';
import type { ConfigResult, PropertyRecord } from '../schema';
import type { FigureSpec } from './types';

type Row = Record<string, unknown>;

const record = (claimId: string, figures?: Row, configs?: ConfigResult[]): PropertyRecord => fixtureClaim({ claimId, figures, ...(configs ? { configs } : {}) });
const result = (config: Row, estimate: number, interval: [number | null, number | null]): ConfigResult => ({
  ...fixtureClaim().configs[0],
  config,
  estimate,
  interval: { lower: interval[0] as number, upper: interval[1] as number, level: 0.9999 },
});
/** Flat (x, y) vertices of the axis-aligned square [x0, x0 + s] × [y0, y0 + s]. */
const square = (x0: number, y0: number, s: number): number[] => [x0, y0, x0 + s, y0, x0 + s, y0 + s, x0, y0 + s];
/** A partition crowded at the origin, as with small biases: 4 big squares of [−1, 1]² and 400 tiny ones in [−0.01, 0.01]². */
const crowded = [
  ...[-1, 0].flatMap((x) => [-1, 0].map((y) => square(x, y, 1))),
  ...Array.from({ length: 400 }, (_, k) => square(-0.01 + 0.001 * (k % 20), -0.01 + 0.001 * Math.floor(k / 20), 0.001)),
];

const lineConfig = (inputDim: number, depth: number, biasStd: number) => ({ inputDim, widths: Array<number>(depth).fill(8), weightScale: 2, biasStd, segment: { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 } });
const planeConfig = (kind: 'square' | 'triangle', depth: number, biasStd: number) => ({ widths: Array<number>(depth).fill(4), biasStd, domain: { kind } });
const oneLayerConfig = (neurons: number) => ({ neurons, biasStd: 0.3, square: { center: [0, 0], halfSide: 1 } });
const summary = (step: number, regions: number) => ({ meanStep: step, maxStep: 2 * step, meanLoss: step ? 0.07 : 1.9, meanRegions: regions, meanCrossings: regions - 60, regionsOverBound: regions / 10368 });

const records: Record<string, PropertyRecord> = {
  'HR2019.Lines.bound': record(
    'HR2019.Lines.bound',
    { perConfig: [{ config: lineConfig(2, 8, 0.001), depth: 8, neurons: 64, bound: 1e5, meanBreakpoints: 55.7, tightness: 5.6e-4, n: 1000 }, { config: lineConfig(4, 3, 1), depth: 3, neurons: 24, bound: 90, meanBreakpoints: 23.7, tightness: 0.26, n: 1000 }] },
    [result(lineConfig(2, 8, 0.001), 55.7, [51.8, null]), result(lineConfig(4, 3, 1), 23.7, [22, null])],
  ),
  'HR2019.Lines.depth-independent': record('HR2019.Lines.depth-independent', {
    regionsPerLengthPerNeuronVsDepth: { inputDim: 16, biasStd: 0.001, init: 'He Gaussian', rows: [8, 16].flatMap((width) => [1, 2, 4].map((depth) => ({ width, depth, neurons: width * depth, perLengthPerNeuron: 0.08 + 0.001 * depth, se: 0.003, n: 100 }))) },
  }),
  'HR2019.Plane.bound': record(
    'HR2019.Plane.bound',
    { perConfig: [{ config: planeConfig('square', 8, 0.03), neurons: 32, depth: 8, area: 4, bound: 2048, meanRegions: 168.7, tightness: 0.082, fittedT: 0.29, n: 400 }, { config: { ...planeConfig('triangle', 2, 0.001), domain: { kind: 'triangle', slice: { inputDim: 16 } } }, neurons: 8, depth: 2, area: 7.1, bound: 227, meanRegions: 6, tightness: 0.026, fittedT: 0.16, n: 1600 }] },
    [result(planeConfig('square', 8, 0.03), 168.7, [147.3, null])],
  ),
  'HR2019.Plane.depth-independent': record('HR2019.Plane.depth-independent', {
    depthSlopeVsBias: { neurons: 24, slice: { inputDim: 16 }, rows: [0.001, 1].map((biasStd) => ({ biasStd, slopePerLayer: biasStd === 1 ? -0.25 : -0.02, se: 0.04, meanRegionsByDepth: [1, 2, 3, 4].map((depth) => ({ depth, mean: 80 * Math.exp((biasStd === 1 ? -0.25 : -0.02) * depth), n: 40 })) })) },
    partitionsByDepth: { neurons: 24, biasStd: 0.01, inputDim: 16, init: 'He Gaussian', rows: [1, 2].map((depth) => ({ depth, width: 24 / depth, regions: 3, area: 9.3, polygons: [[0, 0, 2, 0, 1, 1], [2, 0, 4, 0, 3, 1], [1, 1, 3, 1, 2, 4]] })) },
  }),
  'HR2019.Plane.neurons-squared': record('HR2019.Plane.neurons-squared', {
    perConfig: [{ config: { depth: 3, widths: [9, 18, 36], biasStd: 0.0257, square: { center: [0.3, -0.4], halfSide: 1 } }, fittedT: [27, 54, 108].map((neurons) => ({ neurons, meanRegions: 0.06 * neurons * neurons, regionsPerHalfNSquaredArea: 0.03, fittedT: 0.17 })) }],
    partitionDepth3Width32: { square: { center: [0, 0], halfSide: 1 }, biasStd: 0.01, init: 'He Gaussian', regions: crowded.length, area: 4, heuristicT1PerUnitArea: 4608, fittedT: 0.49, polygons: crowded },
  }),
  'HR2019.Plane.one-layer': record(
    'HR2019.Plane.one-layer',
    { perConfig: [10, 40].map((neurons) => ({ config: oneLayerConfig(neurons), p1: 0.9, p2: 0.5, law: 1 + 0.9 * neurons + 0.25 * neurons * (neurons - 1), meanRegions: 1 + 0.9 * neurons + 0.25 * neurons * (neurons - 1) + 1, n: 400 })) },
    [10, 40].map((neurons) => result(oneLayerConfig(neurons), 30, [28, 32])),
  ),
  'HR2019.Training.depth-independent': record('HR2019.Training.depth-independent', {
    perConfig: [
      {
        config: { neurons: 72, depths: [3, 6], points: 8, steps: 4000, every: 50, biasStd: 0.0248 },
        regionsAtMemorization: [3, 6].map((depth) => ({ depth, width: 72 / depth, nets: 32, bound: 10368, init: summary(0, 2500), memorized: summary(240, 2200), signsFitted: 128, stepsRun: 2400, trajectory: [0, 50, 100].map((step) => ({ step, meanLoss: 1.8 / (1 + step / 10), memorized: step })) })),
      },
    ],
  }),
  'HR2019.Training.neurons-squared': record('HR2019.Training.neurons-squared', {
    perConfig: [{ config: { depth: 4, widths: [12, 18, 27], points: 8, steps: 4000, every: 50, biasStd: 0.00926 }, byNeurons: [48, 72, 108].map((neurons) => ({ neurons, nets: 32, bound: 2 * neurons * neurons, init: summary(0, 0.5 * neurons * neurons), memorized: summary(200, 0.42 * neurons * neurons), signsFitted: 96, stepsRun: 1100 })) }],
  }),
};

const built = (claimId: string): FigureSpec[] => FIGURES[claimId](records[claimId]);
const spec = (f: FigureSpec): Row => f.spec as unknown as Row;
const values = (s: Row): Row[] => ((s.data as { values: Row[] }).values ?? []) as Row[];

/** Every view has an explicit width and height (layers inherit their parent's; composites size their children). */
function sized(s: Row): boolean {
  for (const key of ['concat', 'hconcat', 'vconcat'] as const) if (Array.isArray(s[key])) return (s[key] as Row[]).every(sized);
  if (s.facet) return sized(s.spec as Row);
  return typeof s.width === 'number' && typeof s.height === 'number';
}

describe('hanin-rolnick-2019 paper figures', () => {
  test('each claim gets its figures, with stable file-safe ids unique in the report', () => {
    const ids = Object.keys(records).flatMap((c) => built(c).map((f) => f.id));
    expect(ids).toEqual([
      'HR2019.Lines.bound.measured-vs-bound',
      'HR2019.Lines.depth-independent.per-length-per-neuron',
      'HR2019.Plane.bound.measured-vs-bound',
      'HR2019.Plane.depth-independent.regions-vs-depth',
      'HR2019.Plane.depth-independent.partitions-by-depth',
      'HR2019.Plane.neurons-squared.partition',
      'HR2019.Plane.neurons-squared.partition-zoom',
      'HR2019.Plane.neurons-squared.regions-vs-neurons',
      'HR2019.Plane.one-layer.measured-vs-law',
      'HR2019.Training.depth-independent.regions-during-training',
      'HR2019.Training.depth-independent.memorization-loss',
      'HR2019.Training.neurons-squared.regions-vs-neurons',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(Object.keys(FIGURES).sort()).toEqual(Object.keys(records).sort());
  });

  test('the partition: regions as GeoJSON polygons in the plane\'s coordinates, sub-pixel ones left out, and a zoom where they crowd', () => {
    const [whole, zoom] = built('HR2019.Plane.neurons-squared');
    const rings = (f: FigureSpec) => values(spec(f)).map((r) => (r.geometry as { coordinates: number[][][] }).coordinates[0]);
    // [−1, 1]² at 420 px: the 4 big squares are drawn, the 400 tiny ones (0.001 wide: 0.04 px²) are not.
    expect(rings(whole)).toHaveLength(4);
    expect(rings(whole)[0]).toEqual([[-1, -1], [0, -1], [0, 0], [-1, 0], [-1, -1]]);
    expect(spec(whole).projection).toMatchObject({ type: 'identity', reflectY: true, scale: 210, translate: [210, 210] });
    // The zoom box: twice the median distance of the regions' centres (≈ 0.0055), rounded up to 0.02 — every tiny square, and the big ones clipped to it.
    expect(zoom.caption).toMatch(/\[-0\.02, 0\.02\] × \[-0\.02, 0\.02\]/);
    const zoomed = rings(zoom);
    expect(zoomed).toHaveLength(404);
    const corners = (ring: number[][]) => [...new Set(ring.map((v) => v.join(',')))].sort();
    expect(corners(zoomed[0])).toEqual(['-0.02,-0.02', '-0.02,0', '0,-0.02', '0,0']);
    expect(whole.caption).toMatch(/4608 per unit area \(18432 in this square\); this network's count corresponds to T̂ = 0\.49/);
  });

  test('one view box for every depth\'s partition (vega-lite merges sibling projections)', () => {
    const [, byDepth] = built('HR2019.Plane.depth-independent');
    const panels = spec(byDepth).hconcat as Row[];
    expect(panels.map((p) => (p.title as { text: string }).text)).toEqual(['depth 1, width 24: 3 regions', 'depth 2, width 12: 3 regions']);
    expect(panels[0].projection).toEqual(panels[1].projection);
  });

  test('counts are drawn against their references: N²/2, the bound, 1/P, the exact law', () => {
    const layers = (f: FigureSpec) => spec(f).layer as Row[];
    const [, , regionsVsN] = built('HR2019.Plane.neurons-squared');
    expect(values(layers(regionsVsN)[1])).toEqual([{ neurons: 27, perArea: 364.5 }, { neurons: 108, perArea: 5832 }]);
    const [tightness] = built('HR2019.Lines.bound');
    const points = values(layers(tightness)[1]);
    expect(points.map((p) => [p.tightness, p.lo, p.hi])).toEqual([[55.7 / 1e5, 51.8 / 1e5, 55.7 / 1e5], [23.7 / 90, 22 / 90, 23.7 / 90]]);
    const [, loss] = built('HR2019.Training.depth-independent');
    expect(values(layers(loss)[1])).toEqual([{ loss: 0.125 }]);
    const [training] = built('HR2019.Training.depth-independent');
    expect(values(layers(training)[0]).map((p) => [p.series, p.step, p.regions])).toEqual([
      ['depth 3, width 24', 0, 2500],
      ['depth 3, width 24', 240, 2200],
      ['depth 6, width 12', 0, 2500],
      ['depth 6, width 12', 240, 2200],
    ]);
    // Plane.bound: the configuration without a recorded test result is drawn without its interval.
    const [plane] = built('HR2019.Plane.bound');
    expect(values(layers(plane)[1]).map((p) => p.domain)).toEqual(['2-D input (square)', '16-D slice (triangle)']);
  });

  test('missing or malformed figure data gives no figure, never an exception', () => {
    const odd: (Row | undefined)[] = [
      undefined,
      {},
      { perConfig: 'x', partitionDepth3Width32: { polygons: [[1, 2, 3], 'x', [NaN, 0, 1, 0, 1, 1]] }, depthSlopeVsBias: { rows: [null, { biasStd: 'a' }] }, partitionsByDepth: { rows: [{ depth: 1, polygons: 7 }] } },
      { perConfig: [null, 3, { config: null, fittedT: [{ neurons: 'n' }], regionsAtMemorization: [{ depth: 3, init: null }], byNeurons: [{ neurons: 4 }] }], regionsPerLengthPerNeuronVsDepth: { rows: [{ width: 8 }] } },
    ];
    for (const [claimId, build] of Object.entries(FIGURES)) {
      for (const figures of odd) expect(build(record(claimId, figures))).toEqual([]);
    }
  });

  test('every figure sizes its views, compiles and draws marks', async () => {
    const figures = Object.keys(records).flatMap(built);
    for (const f of figures) {
      expect(sized(spec(f))).toBe(true);
      expect(f.caption.length).toBeGreaterThan(80);
      const svg = await renderSvg(completeSpec(f));
      expect(svg).toMatch(/class="mark-[a-z]+ role-mark[^"]*"[^>]*><(path|text)/);
    }
  });
});
