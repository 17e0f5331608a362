/** The claim figure's spec: x axis choice, scales, one-sided intervals and the relation's drawing (no rendering here). */
import { claimFigure, configAxis, numericFields } from './claim-figure';
import { fixtureClaim } from '../test-fixtures';
import type { ConfigResult, PropertyRecord, Relation } from '../schema';

const config = (overrides: Partial<ConfigResult>): ConfigResult => ({ ...fixtureClaim().configs[0], ...overrides });

function record(configs: ConfigResult[]): PropertyRecord {
  return fixtureClaim({ configs });
}

/** The spec's inline rows and its layers' mark types. */
function parts(r: PropertyRecord): { rows: Record<string, unknown>[]; marks: string[]; spec: Record<string, unknown> } {
  const f = claimFigure(r);
  if (f === undefined) throw new Error('no figure');
  const spec = f.spec as unknown as { data: { values: Record<string, unknown>[] }; layer: { mark: { type: string } }[] };
  return { rows: spec.data.values, marks: spec.layer.map((l) => l.mark.type), spec: spec as unknown as Record<string, unknown> };
}

const yScaleTypes = (spec: Record<string, unknown>): string[] =>
  (spec.layer as { encoding: { y?: { scale?: { type: string } } } }[]).map((l) => l.encoding.y?.scale?.type ?? '').filter((t) => t !== '');

describe('configAxis', () => {
  test('widths give depth and hidden width; the field with the most distinct values wins, ties by preference', () => {
    expect(numericFields({ widths: [3, 8, 8, 8], biasStd: 0.1 })).toEqual({ biasStd: 0.1, depth: 3, width: 8 });
    const axis = configAxis([{ widths: [1, 4, 4] }, { widths: [1, 5, 5, 5] }, { widths: [1, 6, 6, 6, 6] }]);
    expect(axis.title).toBe('depth (layers)'); // depth and width both have 3 distinct values: depth is preferred
    expect(axis.labels).toEqual(['2', '3', '4']);
  });

  test('repeated values are told apart by the configuration number and sorted by value', () => {
    const axis = configAxis([{ depth: 5 }, { depth: 2 }, { depth: 5 }]);
    expect(axis.labels).toEqual(['5 (#1)', '2', '5 (#3)']);
    expect(axis.order).toEqual(['2', '5 (#1)', '5 (#3)']);
  });

  test('without a varying number: a text field, else the index', () => {
    expect(configAxis([{ activation: 'tanh' }, { activation: 'relu' }]).labels).toEqual(['tanh', 'relu']);
    expect(configAxis([{ std: 1 }, { std: 1 }])).toMatchObject({ title: 'configuration', labels: ['#1', '#2'] });
  });
});

describe('claimFigure', () => {
  test('equals: prediction ticks, interval rules and estimates; linear scale over a narrow range', () => {
    const { rows, marks, spec } = parts(fixtureClaim());
    expect(marks).toEqual(['tick', 'rule', 'point']);
    expect(rows.map((r) => r.verdict)).toEqual(['consistent', 'consistent']);
    expect(yScaleTypes(spec).every((t) => t === 'linear')).toBe(true);
  });

  test('log scale when positive values span more than two decades', () => {
    const atMost: Relation = { kind: 'atMost', value: 0.003 };
    const r = record([config({ estimate: 0.003, interval: { lower: 0.0028, upper: 0.0032, level: 0.99 }, prediction: 0.003, relation: atMost }), config({ estimate: 24, interval: { lower: 23, upper: 25, level: 0.99 }, prediction: 24, relation: { ...atMost, value: 24 } })]);
    expect(yScaleTypes(parts(r).spec).every((t) => t === 'log')).toBe(true);
  });

  test('equals with positive predictions spanning more than a decade: estimate ÷ prediction against 1', () => {
    const r = record([config({ estimate: 0.0031, interval: { lower: 0.0028, upper: 0.0034, level: 0.99 }, prediction: 0.003 }), config({ estimate: 24, interval: { lower: 23, upper: 25, level: 0.99 }, prediction: 25 })]);
    const { rows, spec } = parts(r);
    expect(rows.map((row) => row.prediction)).toEqual([1, 1]);
    expect(rows[0].estimate).toBeCloseTo(0.0031 / 0.003, 12);
    expect(rows[1].ciHigh).toBeCloseTo(1, 12);
    expect(yScaleTypes(spec).every((t) => t === 'linear')).toBe(true);
    expect(claimFigure(r)?.caption).toContain('divided by its configuration');
  });

  test('one-sided intervals (null, ±Infinity) are clipped into the plotted range and marked, with no non-finite value in the data', () => {
    const atMost: Relation = { kind: 'atMost', value: 1 };
    const r = record([
      config({ estimate: 0.5, interval: { lower: 0.45, upper: null as unknown as number, level: 0.99 }, prediction: 1, relation: atMost }),
      config({ estimate: 0.7, interval: { lower: 0.6, upper: Infinity, level: 0.99 }, prediction: 1, relation: atMost }),
    ]);
    const { rows, marks } = parts(r);
    expect(marks).toEqual(['bar', 'tick', 'rule', 'point', 'point']); // allowed side, bound, interval, open-end triangles, estimates
    for (const row of rows) {
      expect(row.openHigh).toBe(true);
      expect(row.openLow).toBe(false);
      expect(Number.isFinite(row.ciHigh)).toBe(true);
      expect(row.allowedTo).toBe(1); // the side below the bound is shaded
    }
    expect(JSON.stringify(rows)).not.toMatch(/Infinity|NaN/);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  test('atLeast shades above the bound; within draws a band; shownBelow adds the smallest effect of interest', () => {
    const above = parts(record([config({ estimate: 0.9, interval: { lower: -Infinity, upper: 0.95, level: 0.99 }, prediction: 0.8, relation: { kind: 'atLeast', value: 0.8 } })])).rows[0];
    expect(above.allowedFrom).toBe(0.8);
    expect(above.openLow).toBe(true);
    const within = parts(record([config({ estimate: 1.02, interval: { lower: 0.95, upper: 1.1, level: 0.99 }, prediction: 1, relation: { kind: 'within', value: 1, resolution: 0.15, axis: 'log' } })]));
    expect(within.marks[0]).toBe('bar');
    expect(within.rows[0]).toMatchObject({ bandLow: 0.85, bandHigh: 1.15 });
    const below = parts(record([config({ estimate: -0.4, interval: { lower: null as unknown as number, upper: -0.3, level: 0.99 }, prediction: 0, relation: { kind: 'shownBelow', value: 0, minEffect: 0.2 } })]));
    expect(below.rows[0].effect).toBe(-0.2);
  });

  test('rejected configurations are marked; nothing to plot gives no figure', () => {
    const r = record([config({}), config({ estimate: 2, interval: { lower: 1.9, upper: 2.1, level: 0.99 }, verdict: 'rejected' })]);
    expect(parts(r).rows.map((row) => row.verdict)).toEqual(['consistent', 'rejected']);
    const empty = record([config({ estimate: NaN, interval: { lower: null as unknown as number, upper: null as unknown as number, level: 0.99 }, prediction: NaN })]);
    expect(claimFigure(empty)).toBeUndefined();
    expect(claimFigure(fixtureClaim({ configs: [] }))).toBeUndefined();
  });
});
