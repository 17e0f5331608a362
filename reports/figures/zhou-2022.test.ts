/** Zhou et al. 2022's paper figures: built from small synthetic records shaped like the gate's (and the full profile's), robust to odd data, and drawn. */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { FIGURES } from './zhou-2022';
import { completeSpec, renderSvg } from './svg';
import { fixtureClaim } from '../test-fixtures';
import type { ConfigResult, PropertyRecord } from '../schema';
import type { FigureSpec } from './types';

type Row = Record<string, unknown>;

const record = (claimId: string, figures?: Row, configs?: ConfigResult[]): PropertyRecord => fixtureClaim({ claimId, figures, ...(configs ? { configs } : {}) });
const result = (config: Row, estimate: number, prediction: number): ConfigResult => ({ ...fixtureClaim().configs[0], config, estimate, prediction, interval: { lower: null as unknown as number, upper: 1, level: 0.99999 } });
/** A similarity matrix of `n` neurons in `k` equal opposite-or-orthogonal clusters (±1 within / across the first two). */
const blocks = (n: number, k: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (Math.floor((i * k) / n) === Math.floor((j * k) / n) ? 1 : Math.floor((i * k) / n) + Math.floor((j * k) / n) === 1 ? -1 : 0)));
const fig5 = (activation: string, orientations: Row) => ({
  config: { activation, std: 5e-4 },
  orientations,
  lines: { '1': 196 },
  withinBound: { x: 196, n: 200, proportion: 0.98, wilson95: [0.95, 0.99] },
  stageEnd: { stall: 200 },
  net0: { stageStep: 140, orientations: 2, lines: 1, negligibleFraction: 0.2, neurons: [[0.5, 1], [-179.5, 0.98], [12, 0.01], [3, 'x']] },
});
const layer = (l: number, activation: string, p: number) => ({ layer: l, activation, p, step: 900, meanLines: 2, meanOrientations: 3, meanScore: 1 / p, linesHistogram: { '1': 5, [String(p + 1)]: 3 }, withinBound: { x: 5, n: 8, proportion: 0.6, wilson95: [0.3, 0.9] } });

const records: Record<string, PropertyRecord> = {
  'ZZLZX2022.Alignment.p1': record(
    'ZZLZX2022.Alignment.p1',
    {
      perConfig: [{ config: { d: 2, m: 60, std: 1.12e-5 }, randomDirectionBaseline: 0.5, meanAbsCosCentredZ: 0.81, stageSteps: [360, 100], kept: [44, 35], init: 'N(0, …)' }],
      alignmentByActivationAndOptimizer: { setting: '…', rows: [{ activation: 'sigmoid', optimizer: 'gd', readout: 'no bias', meanAbsCosZ: 0.97 }, { activation: 'tanh', optimizer: 'adam', readout: 'no bias', meanAbsCosZc: 0.9, meanAbsCosSignZ: 0.95 }] },
    },
    [result({ d: 2, m: 60, std: 1.12e-5 }, 0.999, 0.95)],
  ),
  'ZZLZX2022.MultiLayer.per-layer-multiplicity': record('ZZLZX2022.MultiLayer.per-layer-multiplicity', {
    perConfig: [
      {
        config: { std: 0.01 },
        setting: 'residual 3-18-…',
        paperScoreGap: 0.7059,
        perLayer: [layer(1, 'x2tanh', 3), layer(3, 'sigmoid', 1)],
        linesVsStep: [0, 100].map((step) => ({ step, meanLines: [18 - step / 10, 18 - step / 20], meanMaxNorm: [0.03, 0.05] })),
        heatmapsNet0: [{ layer: 1, activation: 'x2tanh', lines: 3, orientations: 3, kept: 6, matrix: blocks(6, 3) }, { layer: 3, activation: 'sigmoid', lines: 1, orientations: 1, kept: 4, matrix: blocks(4, 1) }],
      },
    ],
  }),
  'ZZLZX2022.Multiplicity.computed': record('ZZLZX2022.Multiplicity.computed', {
    perConfig: [{ config: { activation: 'tanh' }, derivativesAtZero: [1], errorEstimates: [2e-5] }],
    exactDerivativesAtZero: { xtanh: [0, 0, 2, 0, -8], tanh: [0, 1, 0, -2, 0], sigmoid: [0.5, 0.25, 0, -0.125] },
    declared: { tanh: 1, sigmoid: 1, xtanh: 2 },
  }),
  'ZZLZX2022.Orientations.2p-attained': record('ZZLZX2022.Orientations.2p-attained', { perConfig: [{ config: { activation: 'xtanh', std: 1e-3 }, orientations: { '2': 5, '3': 1, '4': 58 } }] }),
  'ZZLZX2022.Orientations.at-most-2p': record('ZZLZX2022.Orientations.at-most-2p', {
    perConfig: [fig5('tanh', { '2': 196, '3': 1, '11': 3 }), fig5('x2tanh', { '4': 86, '6': 89 })],
    fig5PerActivation: { setting: '1-100-1 …', rows: [{ activation: 'tanh', orientations: { '2': 60 }, net0: { stageStep: 200, angleHistogram: { binDegrees: 10, counts: [] }, heatmap: blocks(70, 2) } }] },
  }),
  'ZZLZX2022.Orientations.monotone-in-p': record('ZZLZX2022.Orientations.monotone-in-p', {
    perConfig: [{ config: { std: 5.23e-4 }, orientationsByP: { p1: { '2': 108 }, p2: { '2': 22, '4': 86 }, p3: { '4': 55, '6': 53 } }, stepsByP: { p1to2: { '0': 22, '2': 86 }, p2to3: { '-1': 2, '0': 30, '2': 76 } } }],
  }),
  'ZZLZX2022.Orientations.p1-input-d5': record('ZZLZX2022.Orientations.p1-input-d5', {
    perConfig: [{ config: { activation: 'sigmoid', std: 5e-4 }, orientations: { '1': 182, '2': 12, '5': 1 }, withinTwo: { x: 194, n: 200, proportion: 0.97, wilson95: [0.94, 0.99] }, net0: { stageStep: 120, orientations: 1, lines: 1, kept: 5, order: 'orientation cluster', matrix: blocks(5, 1) } }],
  }),
  'ZZLZX2022.SmallInit.condensation-score': record('ZZLZX2022.SmallInit.condensation-score', {
    perConfig: [{ config: { convention: 'std-power', gamma: 1 }, init: 'N(0, …)', meanScoreSmall: 0.6457, meanScoreCommon: 0.0086, linesSmall: { '6': 5 } }],
    scoreVsGamma: [1, 3].map((gamma) => ({ gamma, variance: 50 ** -gamma, meanScore: gamma / 3, lines: { '2': 8 } })),
    fig2PerActivation: { setting: '…', rows: [{ activation: 'relu', lr: 1e-3, lines: 2, orientations: 3, kept: 4, heatmap: blocks(4, 2) }] },
  }),
};

const built = (claimId: string): FigureSpec[] => FIGURES[claimId](records[claimId]);
const spec = (f: FigureSpec): Row => f.spec as unknown as Row;
const values = (s: Row): Row[] => (s.data as { values: Row[] }).values;
const byId = (claimId: string, slug: string): FigureSpec => built(claimId).find((f) => f.id === `${claimId}.${slug}`)!;

/** Every view has an explicit width and height (layers inherit their parent's; composites size their children). */
function sized(s: Row): boolean {
  for (const key of ['concat', 'hconcat', 'vconcat'] as const) if (Array.isArray(s[key])) return (s[key] as Row[]).every(sized);
  if (s.facet) return sized(s.spec as Row);
  return typeof s.width === 'number' && typeof s.height === 'number';
}

describe('zhou-2022 paper figures', () => {
  test('each claim gets its figures, with stable file-safe ids unique in the report', () => {
    const ids = Object.keys(records).flatMap((c) => built(c).map((f) => f.id));
    expect(ids).toEqual([
      'ZZLZX2022.Alignment.p1.alignment',
      'ZZLZX2022.Alignment.p1.alignment-variants',
      'ZZLZX2022.MultiLayer.per-layer-multiplicity.heatmaps',
      'ZZLZX2022.MultiLayer.per-layer-multiplicity.lines',
      'ZZLZX2022.MultiLayer.per-layer-multiplicity.lines-vs-step',
      'ZZLZX2022.MultiLayer.per-layer-multiplicity.scores',
      'ZZLZX2022.Multiplicity.computed.derivatives',
      'ZZLZX2022.Orientations.2p-attained.orientations',
      'ZZLZX2022.Orientations.at-most-2p.orientations',
      'ZZLZX2022.Orientations.at-most-2p.orientation-amplitude',
      'ZZLZX2022.Orientations.at-most-2p.heatmaps-fig5',
      'ZZLZX2022.Orientations.monotone-in-p.orientations',
      'ZZLZX2022.Orientations.monotone-in-p.paired-changes',
      'ZZLZX2022.Orientations.p1-input-d5.orientations',
      'ZZLZX2022.Orientations.p1-input-d5.heatmaps',
      'ZZLZX2022.SmallInit.condensation-score.score-small-vs-common',
      'ZZLZX2022.SmallInit.condensation-score.score-vs-gamma',
      'ZZLZX2022.SmallInit.condensation-score.heatmaps-fig2',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(Object.keys(FIGURES).sort()).toEqual(Object.keys(records).sort());
  });

  test('orientation histograms: runs per count, placed against the 2p bound of each activation', () => {
    const rows = values(spec(byId('ZZLZX2022.Orientations.at-most-2p', 'orientations')));
    expect(rows.map((r) => [r.panel, r.k, r.runs, r.versus, r.edge])).toEqual([
      ['tanh (p = 1), std 5e-4: 2p = 2', 2, 196, 'exactly 2p', 2.5],
      ['tanh (p = 1), std 5e-4: 2p = 2', 3, 1, 'more than 2p', 2.5],
      ['tanh (p = 1), std 5e-4: 2p = 2', 11, 3, 'more than 2p', 2.5],
      ['x²·tanh x (p = 3), std 5e-4: 2p = 6', 4, 86, 'fewer than 2p', 6.5],
      ['x²·tanh x (p = 3), std 5e-4: 2p = 6', 6, 89, 'exactly 2p', 6.5],
    ]);
    const lines = values(spec(byId('ZZLZX2022.MultiLayer.per-layer-multiplicity', 'lines')));
    expect(lines.map((r) => [r.panel, r.k, r.versus])).toEqual([
      ['layer 1: x²·tanh x (p = 3), step 900', 1, 'fewer than p'],
      ['layer 1: x²·tanh x (p = 3), step 900', 4, 'more than p'],
      ['layer 3: sigmoid (p = 1), step 900', 1, 'exactly p'],
      ['layer 3: sigmoid (p = 1), step 900', 2, 'more than p'],
    ]);
    const changes = values(spec(byId('ZZLZX2022.Orientations.monotone-in-p', 'paired-changes')));
    expect(changes.filter((r) => r.step === 'x·tanh x → x²·tanh x').map((r) => [r.change, r.direction])).toEqual([
      [0, 'unchanged'],
      [2, 'rises'],
      [-1, 'falls'],
    ]);
  });

  test('orientation and amplitude of each neuron, negligible ones told apart', () => {
    const rows = values(spec(byId('ZZLZX2022.Orientations.at-most-2p', 'orientation-amplitude')));
    expect(rows.filter((r) => r.panel === 'tanh (p = 1), std 5e-4: 2 orientations').map((r) => [r.theta, r.amplitude, r.kind])).toEqual([
      [0.5, 1, 'analysed'],
      [-179.5, 0.98, 'analysed'],
      [12, 0.01, 'negligible'],
    ]);
  });

  test('heat maps: row i, column j of the matrix (1-based), large ones thinned evenly', async () => {
    const matrix = [
      [1, 0.5, -1],
      [0.25, 1, 0],
      [-0.75, 0.125, 1],
    ];
    const f = FIGURES['ZZLZX2022.Orientations.p1-input-d5'](record('ZZLZX2022.Orientations.p1-input-d5', { perConfig: [{ config: { activation: 'tanh', std: 5e-4 }, net0: { orientations: 2, matrix } }] }))[0];
    const vg = compile(completeSpec(f)).spec;
    const view = new vega.View(vega.parse(vg), { renderer: 'none' });
    await view.runAsync();
    const cells = (vg.data ?? []).flatMap((d) => (view.data(d.name) as Row[]).filter((c) => typeof c.j === 'number' && typeof c.cos === 'number'));
    expect(cells.map((c) => [c.i, c.j, c.cos]).sort()).toEqual(matrix.flatMap((row, i) => row.map((v, j) => [i + 1, j + 1, v])).sort());
    view.finalize();
    const fig5 = spec(byId('ZZLZX2022.Orientations.at-most-2p', 'heatmaps-fig5')).concat as Row[];
    expect(fig5[0].title).toEqual({ text: 'tanh (p = 1)', subtitle: 'step 200; 60 of 70 neurons shown', fontSize: 11 });
    expect(values(fig5[0])).toHaveLength(60);
    // A matrix the claim already thinned (net0.kept analysed neurons) says so too.
    const thinned = FIGURES['ZZLZX2022.Orientations.p1-input-d5'](record('ZZLZX2022.Orientations.p1-input-d5', { perConfig: [{ config: { activation: 'tanh', std: 5e-4 }, net0: { orientations: 2, kept: 50, matrix: blocks(4, 2) } }] }))[0];
    expect((spec(thinned).concat as Row[])[0].title).toEqual({ text: 'tanh, std 5e-4', subtitle: '2 orientations; 4 of 50 neurons shown', fontSize: 11 });
    expect(thinned.caption).toMatch(/thinned to evenly spaced neurons/);
  });

  test('alignment against the claim\'s threshold, with the centred direction and a random direction', () => {
    const [figure] = built('ZZLZX2022.Alignment.p1');
    const [points, threshold] = spec(figure).layer as Row[];
    expect(values(points).map((r) => [r.measure, r.value])).toEqual([
      ['|cos(u, z)|: asserted', 0.999],
      ['|cos(u, z_c)|: centred z', 0.81],
      ['a random direction', 0.5],
    ]);
    expect(values(threshold)).toEqual([{ value: 0.95 }]);
  });

  test('the multiplicity is the first non-zero derivative after σ(0)', () => {
    const rows = values(spec(byId('ZZLZX2022.Multiplicity.computed', 'derivatives')));
    const first = rows.filter((r) => r.kind === 'first non-zero: the multiplicity').map((r) => [r.activation, r.k]);
    expect(first).toEqual([
      ['x·tanh x (declared p = 2)', 2],
      ['tanh (declared p = 1)', 1],
      ['sigmoid (declared p = 1)', 1],
    ]);
  });

  test('missing or malformed figure data gives no figure, never an exception', () => {
    const odd: (Row | undefined)[] = [
      undefined,
      {},
      { perConfig: 'x', exactDerivativesAtZero: 3, scoreVsGamma: { gamma: 1 }, fig5PerActivation: { rows: [{ net0: { heatmap: [[1, 2], [3]] } }] } },
      { perConfig: [null, 4, { config: null, orientations: { a: 'b' }, net0: { neurons: 'x', matrix: [[1, 2]] }, perLayer: [{ linesHistogram: null }], orientationsByP: { px: {} }, stepsByP: null }], fig2Heatmap: { heatmap: 'x' } },
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
