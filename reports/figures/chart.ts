/**
 * Building blocks shared by the figure builders (claim-figure.ts and the per-paper files): safe
 * reading of free-form figure data (anything may be missing, null or of the wrong type: a reader
 * returns null or [] instead of throwing), the choice between a linear and a log axis and its labels,
 * the plotted value range with the clipping of open or infinite interval ends into it, short number
 * labels, the report's palette, and {@link seriesSpec}: series measured against predicted along x.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LayerSpec } from 'vega-lite/build/src/spec';

/** One layer of a layered vega-lite spec. */
export type Layer = LayerSpec<string>['layer'][number];

export type Row = Record<string, unknown>;

export const isRecord = (x: unknown): x is Row => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `x` when it is a finite number, else null (JSON stores ±∞ and NaN as null). */
export const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** The object elements of `x` when it is an array, else []. */
export const records = (x: unknown): Row[] => (Array.isArray(x) ? x.filter(isRecord) : []);

/** `[lower, upper]` of a two-element array (e.g. `wilson95`), each null when not a finite number. */
export function pair(x: unknown): [number | null, number | null] {
  return Array.isArray(x) ? [finite(x[0]), finite(x[1])] : [null, null];
}

/** Verdict colours and shapes of a configuration (colour-blind safe blue / red, circle / cross). */
export const VERDICT_DOMAIN = ['consistent', 'rejected'];
export const VERDICT_COLORS = ['#2b6cb0', '#c53030'];
export const VERDICT_SHAPES = ['circle', 'cross'];

/** Light fill of the side of a bound that a claim allows, and of a resolution band. */
export const ALLOWED_FILL = '#38a169';
export const BAND_FILL = '#718096';

/** A log axis when every value is positive and they span more than `decades` decades. */
export function wantsLog(values: readonly number[], decades = 2): boolean {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length < 2 || xs.some((v) => v <= 0)) return false;
  const [lo, hi] = extent(xs);
  return hi / lo > 10 ** decades;
}

/** [min, max] of a non-empty array (a loop: figure data can hold more values than a call's arguments). */
function extent(xs: readonly number[]): [number, number] {
  let lo = xs[0];
  let hi = xs[0];
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/**
 * The plotted range [lo, hi] of the finite `values` (positive ones only on a log axis), padded by
 * `pad` of its span on each side (in log space on a log axis); a single value gets a range around
 * it. Null when there is no value to plot.
 */
export function valueRange(values: readonly number[], log: boolean, pad = 0.06): [number, number] | null {
  const xs = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (xs.length === 0) return null;
  const t = log ? Math.log10 : (v: number): number => v;
  const u = log ? (v: number): number => 10 ** v : (v: number): number => v;
  const [min, max] = extent(xs);
  let lo = t(min);
  let hi = t(max);
  if (hi - lo === 0) {
    const half = log ? 0.5 : Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 0.5;
    lo -= half;
    hi += half;
  } else {
    const span = hi - lo;
    lo -= span * pad;
    hi += span * pad;
  }
  return [u(lo), u(hi)];
}

/** `x` clipped into `range`; a missing (null, ±∞) end of an interval becomes the range's edge on `side`. */
export function clip(x: number | null | undefined, range: [number, number], side: 'lower' | 'upper'): number {
  if (x === null || x === undefined || Number.isNaN(x)) return side === 'lower' ? range[0] : range[1];
  return Math.min(range[1], Math.max(range[0], x));
}

/** Labels of a log axis: vega's choice of labelled ticks, written 1e-6 … 1e+6 beyond 0.001 … 10000. */
export const LOG_AXIS = { labelExpr: "datum.label === '' ? '' : datum.value < 1e-3 || datum.value >= 1e4 ? format(datum.value, '.0e') : format(datum.value, '~g')" };

/** A y or x scale over `range` (log or linear), clamped so that nothing is drawn outside it. */
export function scaleOver(range: [number, number], log: boolean): { type: 'log' | 'linear'; domain: [number, number]; nice: false; zero: false; clamp: true } {
  return { type: log ? 'log' : 'linear', domain: range, nice: false, zero: false, clamp: true };
}

/** A number as a short axis or legend label: integers in full, else 3 significant digits (`0.447`, `1.1e-5`). */
export function shortNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const magnitude = Math.abs(x);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6)) return x.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Number(x.toPrecision(3)));
}

/** A short label of a width profile: `5·64·17·17`, or `8·32×30` when the hidden layers share a width. */
export function widthsLabel(widths: unknown): string | null {
  if (!Array.isArray(widths) || widths.length === 0 || !widths.every((w) => typeof w === 'number')) return null;
  const hidden = widths.slice(1) as number[];
  if (hidden.length > 2 && hidden.every((w) => w === hidden[0])) return `${widths[0]}·${hidden[0]}×${hidden.length}`;
  return widths.join('·');
}

/** One point of a measured-against-predicted series: `y` measured with its bar [low, high], `predicted` the theory's value at x. */
export interface SeriesRow {
  series: string;
  x: number | null;
  y?: number | null;
  low?: number | null;
  high?: number | null;
  predicted?: number | null;
}

export interface SeriesOptions {
  xTitle: string;
  yTitle: string;
  seriesTitle: string;
  /** A fixed y range (e.g. [0, 1] for probabilities); else the data's, padded. */
  yRange?: [number, number];
  /** Log y axis; default: {@link wantsLog} of the plotted values. */
  log?: boolean;
  /** A solid line through the measured points of each series. */
  connect?: boolean;
  /** The prediction as a dashed line per series (default; a short horizontal mark where a series has one point) or as a mark at each point. */
  predictedAs?: 'line' | 'mark';
}

/**
 * A layered spec of series measured against predicted along x: measured points (with their bars,
 * clipped into the plotted range) and the prediction, one colour per series in order of appearance.
 * Rows without a finite x, and values that are not finite (or not positive on a log axis), are left
 * out; null when nothing is left to plot.
 */
export function seriesSpec(input: readonly SeriesRow[], o: SeriesOptions): { spec: TopLevelSpec; log: boolean } | null {
  const rows = input.filter((r) => finite(r.x) !== null);
  const values = rows.flatMap((r) => [r.y, r.low, r.high, r.predicted]).map(finite).filter((v): v is number => v !== null);
  const log = o.log ?? wantsLog(values);
  const usable = (v: unknown): number | null => {
    const x = finite(v);
    return x === null || (log && x <= 0) ? null : x;
  };
  const plotted = rows.map((r) => ({ series: r.series, x: r.x, y: usable(r.y), low: usable(r.low), high: usable(r.high), predicted: usable(r.predicted) }));
  if (!plotted.some((r) => r.y !== null || r.predicted !== null)) return null;
  const range = o.yRange ?? valueRange(values, log);
  if (range === null) return null;
  const data = plotted.map((r) => {
    const hasBar = r.y !== null && (r.low !== null || r.high !== null);
    return { ...r, low: hasBar ? clip(r.low ?? r.y, range, 'lower') : null, high: hasBar ? clip(r.high ?? r.y, range, 'upper') : null };
  });
  const seriesOrder = [...new Set(data.map((r) => r.series))];
  const integers = data.every((r) => Number.isInteger(r.x));
  const x = { field: 'x', type: 'quantitative', scale: { zero: false, nice: false, padding: 12 }, axis: { title: o.xTitle, ...(integers ? { tickMinStep: 1, format: 'd' } : {}) } };
  const y = (field: string): Record<string, unknown> => ({ field, type: 'quantitative', scale: scaleOver(range, log), axis: { title: o.yTitle, ...(log ? LOG_AXIS : {}) } });
  const color = { field: 'series', type: 'nominal', sort: seriesOrder, legend: { title: o.seriesTitle } };
  const layers: Layer[] = [];
  // A dashed line needs two points: a series predicted at one x only gets a mark there.
  const predictedPoints = new Map<string, number>();
  for (const r of data) if (r.predicted !== null) predictedPoints.set(r.series, (predictedPoints.get(r.series) ?? 0) + 1);
  const lone = [...predictedPoints].filter(([, n]) => n === 1).map(([s]) => s);
  if (o.predictedAs !== 'mark' && lone.length > 0) {
    layers.push({ transform: [{ filter: { field: 'series', oneOf: lone } }], mark: { type: 'point', shape: 'stroke', size: 220, strokeWidth: 2 }, encoding: { x, y: y('predicted'), color } } as Layer);
  }
  if (data.some((r) => r.predicted !== null)) {
    layers.push(
      o.predictedAs === 'mark'
        ? ({ mark: { type: 'point', shape: 'stroke', size: 220, strokeWidth: 2 }, encoding: { x, y: y('predicted'), color } } as Layer)
        : ({ mark: { type: 'line', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { x, y: y('predicted'), color } } as Layer),
    );
  }
  if (o.connect) layers.push({ transform: [{ filter: 'isValid(datum.y)' }], mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y: y('y'), color } } as Layer);
  if (data.some((r) => r.low !== null)) layers.push({ mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, y: y('low'), y2: { field: 'high' }, color } } as Layer);
  layers.push({ mark: { type: 'point', filled: true, size: 40, opacity: 1 }, encoding: { x, y: y('y'), color } } as Layer);
  return { spec: { data: { values: data }, layer: layers } as TopLevelSpec, log };
}
