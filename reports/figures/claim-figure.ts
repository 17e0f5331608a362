/**
 * The claim figure: every configuration of a claim, its estimate with its confidence interval against
 * what the theory says, drawn according to the claim's relation:
 * - equals, distributed, implication: the prediction as a black tick; the interval must cover it;
 * - atMost, shownBelow (atLeast, shownIncreasing, nonDecreasing, shownStepsIncrease): the bound as a
 *   black tick with the side the claim allows shaded green below (above) it, and the smallest effect of
 *   interest, when the relation states one, as a thin grey tick;
 * - within: the band value ± resolution in grey around the predicted exponent or slope.
 * One column per configuration along x: the configuration field with the most distinct numeric values
 * (widths give depth and hidden width, etas the number of modules; ties broken by {@link X_PREFERENCE}),
 * else a text field that tells the configurations apart, else the configuration's index. Colour and
 * shape give the configuration's verdict (with a legend only when a configuration was rejected).
 * When every configuration is an `equals` claim with a positive prediction and the predictions span
 * more than a decade, each estimate and interval is divided by its prediction (the tick is then 1):
 * on one absolute axis the intervals would be invisible beside the spread of the predictions.
 * Interval ends that are open (one-sided: null or ±∞) or fall outside the plotted range are clipped to
 * its edge and marked with a triangle; the y axis is logarithmic when every plotted value is positive
 * and they span more than two decades.
 */
import type { ConfigResult, PropertyRecord, Relation } from '../schema';
import {
  ALLOWED_FILL,
  LOG_AXIS,
  BAND_FILL,
  VERDICT_COLORS,
  VERDICT_DOMAIN,
  VERDICT_SHAPES,
  clip,
  finite,
  isRecord,
  scaleOver,
  shortNumber,
  valueRange,
  wantsLog,
  type Layer,
  type Row,
} from './chart';
import type { FigureSpec } from './types';

/** Tie-break between configuration fields with equally many distinct values: earlier wins. */
export const X_PREFERENCE = ['depth', 'width', 'modules', 'beta', 'p', 'neurons', 'n0', 'inputDim', 'biasStd', 'weightScale', 'std', 'gamma', 'd', 'm', 'kernel', 'length', 'points'];

/** Axis titles of the fields derived from arrays. */
const DERIVED_TITLES: Record<string, string> = { depth: 'depth (layers)', width: 'hidden width', modules: 'residual modules' };

/** Which side of the bound a relation allows. */
const ALLOWED_SIDE: Partial<Record<Relation['kind'], 'below' | 'above'>> = {
  atMost: 'below',
  shownBelow: 'below',
  atLeast: 'above',
  shownIncreasing: 'above',
  nonDecreasing: 'above',
  shownStepsIncrease: 'above',
};

const numberArray = (x: unknown): x is number[] => Array.isArray(x) && x.length > 0 && x.every((v) => typeof v === 'number' && Number.isFinite(v));

/**
 * The numeric fields of a configuration: its finite numbers, plus, when the configuration does not
 * state them itself, `depth` (layers: length − 1 of `widths` or `channels`), `width` (the hidden
 * width when all hidden layers share it) and `modules` (length of `etas`).
 */
export function numericFields(config: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(config)) {
    const v = finite(value);
    if (v !== null) out[key] = v;
  }
  const profile = numberArray(config.widths) ? config.widths : numberArray(config.channels) ? config.channels : undefined;
  if (profile !== undefined && profile.length >= 2) {
    out.depth ??= profile.length - 1;
    const hidden = profile.slice(1);
    if (hidden.every((w) => w === hidden[0])) out.width ??= hidden[0];
  }
  if (numberArray(config.etas)) out.modules ??= config.etas.length;
  return out;
}

export interface ConfigAxis {
  /** Axis title. */
  title: string;
  /** One label per configuration (in the configurations' order), unique. */
  labels: string[];
  /** The labels in axis order (by the field's value, then by index). */
  order: string[];
}

const preferenceRank = (key: string): number => {
  const i = X_PREFERENCE.indexOf(key);
  return i < 0 ? X_PREFERENCE.length : i;
};

/** The x axis of the claim figure for these configurations (see the file header). */
export function configAxis(configs: readonly Record<string, unknown>[]): ConfigAxis {
  const fields = configs.map(numericFields);
  const shared = Object.keys(fields[0] ?? {}).filter((k) => fields.every((f) => k in f));
  const distinct = (values: unknown[]): number => new Set(values.map((v) => String(v))).size;
  const best = shared
    .map((key) => ({ key, count: distinct(fields.map((f) => f[key])) }))
    .sort((a, b) => b.count - a.count || preferenceRank(a.key) - preferenceRank(b.key) || a.key.localeCompare(b.key))[0];
  if (best !== undefined && (best.count >= 2 || configs.length === 1)) {
    const values = fields.map((f) => f[best.key]);
    return labelled(DERIVED_TITLES[best.key] !== undefined && !(best.key in configs[0]) ? DERIVED_TITLES[best.key] : best.key, values.map((v) => shortNumber(v)), values);
  }
  const texts = Object.keys(configs[0] ?? {})
    .filter((k) => configs.every((c) => typeof c[k] === 'string'))
    .map((key) => ({ key, count: distinct(configs.map((c) => c[key])) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))[0];
  if (texts !== undefined && texts.count >= 2) return labelled(texts.key, configs.map((c) => String(c[texts.key])), configs.map((_, i) => i));
  return labelled('configuration', configs.map((_, i) => `#${i + 1}`), configs.map((_, i) => i));
}

/** Labels made unique by the configuration's number where values repeat, ordered by `sortKeys` then index. */
function labelled(title: string, texts: string[], sortKeys: (number | string)[]): ConfigAxis {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  const labels = texts.map((t, i) => ((counts.get(t) ?? 0) > 1 ? `${t} (#${i + 1})` : t));
  const order = labels
    .map((label, i) => ({ label, i, key: sortKeys[i] }))
    .sort((a, b) => (typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key))) || a.i - b.i)
    .map((e) => e.label);
  return { title, labels, order };
}

/** The claim's relation (stated per configuration; records older than schema 1.2.0 have none: drawn as equals). */
const relationOf = (configs: ConfigResult[]): Relation | undefined => configs.find((c) => isRecord(c.relation))?.relation;

function yTitle(relation: Relation | { kind: 'ratio' } | undefined): string {
  switch (relation?.kind) {
    case 'ratio':
      return 'estimate ÷ prediction';
    case 'shownBelow':
      return 'difference (units − reference)';
    case 'within':
      return relation.axis === 'log' ? 'growth exponent (log–log slope)' : 'slope of log E[unit] per unit of x';
    case 'shownIncreasing':
      return 'trend slope of P(unit = 1) in x';
    case 'implication':
      return 'violation rate: P(antecedent and not consequent)';
    default:
      return 'estimate';
  }
}

function relationText(relation: Relation | { kind: 'ratio' } | undefined): string {
  const effect = (r: { minEffect?: number }, sign: '−' | '+'): string =>
    r.minEffect === undefined ? '' : ` The thin grey tick is the smallest effect of interest (value ${sign} ${shortNumber(r.minEffect)}), where the test's miss rate is bounded.`;
  switch (relation?.kind) {
    case undefined:
    case 'equals':
      return 'The black tick is the prediction; a configuration is consistent when its interval covers it.';
    case 'ratio':
      return "Each estimate and interval is divided by its configuration's prediction (the predictions span more than a decade): the black tick at 1 is the prediction; a configuration is consistent when its interval covers it.";
    case 'distributed':
      return `The black tick is the mean of the predicted Binomial(${relation.trials}, ${shortNumber(relation.p)}) law (the test checks the whole law, the figure its mean).`;
    case 'implication':
      return `The black tick is 0: the claim allows no run with ${relation.antecedent} but not ${relation.consequent}; consistent when the interval reaches 0.`;
    case 'atMost':
      return 'The black tick is the bound and the green side below it is what the claim allows: a configuration is consistent when its interval reaches into it.';
    case 'atLeast':
      return 'The black tick is the bound and the green side above it is what the claim allows: a configuration is consistent when its interval reaches into it.';
    case 'shownBelow':
      return `The black tick is ${shortNumber(relation.value)}; the effect is demonstrated when the whole interval lies in the green side below it.${effect(relation, '−')}`;
    case 'shownIncreasing':
    case 'shownStepsIncrease':
      return `The black tick is ${shortNumber(relation.value)}; the rise is demonstrated when the whole interval lies in the green side above it.${effect(relation, '+')}`;
    case 'nonDecreasing':
      return 'The black tick is the value a step must not typically fall below; the claim allows the green side above it: consistent when the interval reaches into it.';
    case 'within':
      return `The black tick is the predicted ${relation.axis === 'log' ? 'exponent' : 'slope'} and the grey band ± ${shortNumber(relation.resolution)} around it the resolution the growth law is stated to.`;
  }
}

/** The smallest effect of interest line of a relation, when it states one. */
function effectLine(relation: Relation | undefined): number | null {
  if (relation === undefined || !('minEffect' in relation) || relation.minEffect === undefined) return null;
  return relation.kind === 'shownBelow' ? relation.value - relation.minEffect : relation.value + relation.minEffect;
}

const slug = (id: string): string => id.replace(/[^A-Za-z0-9._~-]/g, '_');

/** The claim figure of a record, or undefined when no configuration has a number to plot. */
export function claimFigure(record: PropertyRecord): FigureSpec | undefined {
  const configs = (Array.isArray(record.configs) ? record.configs : []).filter(isRecord) as ConfigResult[];
  if (configs.length === 0) return undefined;
  const relation = relationOf(configs);
  const side = relation === undefined ? undefined : ALLOWED_SIDE[relation.kind];
  const axis = configAxis(configs.map((c) => (isRecord(c.config) ? c.config : {})));
  const effect = effectLine(relation);

  const raw = configs.map((c) => {
    const rel = isRecord(c.relation) ? c.relation : relation;
    const prediction = finite(c.prediction) ?? finite(rel?.value);
    const band = rel?.kind === 'within' && prediction !== null ? [prediction - rel.resolution, prediction + rel.resolution] : null;
    const interval = isRecord(c.interval) ? c.interval : undefined;
    return { c, kind: rel?.kind ?? 'equals', estimate: finite(c.estimate), interval: interval !== undefined, lower: finite(interval?.lower), upper: finite(interval?.upper), prediction, band };
  });
  const predictions = raw.map((p) => p.prediction);
  const relative =
    raw.length >= 2 &&
    raw.every((p) => p.kind === 'equals') &&
    predictions.every((v): v is number => v !== null && v > 0) &&
    Math.max(...(predictions as number[])) / Math.min(...(predictions as number[])) > 10;
  const over = (v: number | null, by: number | null): number | null => (v === null || by === null ? v : v / by);
  const shown: Relation | { kind: 'ratio' } | undefined = relative ? { kind: 'ratio' } : relation;
  const parts = relative ? raw.map((p) => ({ ...p, estimate: over(p.estimate, p.prediction), lower: over(p.lower, p.prediction), upper: over(p.upper, p.prediction), prediction: 1 })) : raw;
  const values = parts.flatMap((p) => [p.estimate, p.lower, p.upper, p.prediction, ...(p.band ?? []), ...(effect === null ? [] : [effect])]).filter((v): v is number => v !== null);
  const log = wantsLog(values);
  const range = valueRange(values, log);
  if (range === null) return undefined;

  const rows: Row[] = parts.map((p, i) => {
    // An interval is drawn when recorded and not wholly missing; a missing end of it is open.
    const bar = p.interval && (p.lower !== null || p.upper !== null || p.estimate !== null);
    const openLow = bar && (p.lower === null || p.lower < range[0]);
    const openHigh = bar && (p.upper === null || p.upper > range[1]);
    const bound = p.prediction === null ? null : clip(p.prediction, range, 'lower');
    return {
      configuration: i + 1,
      label: axis.labels[i],
      verdict: p.c.verdict === 'rejected' ? 'rejected' : 'consistent',
      estimate: p.estimate,
      ciLow: bar ? clip(p.lower, range, 'lower') : null,
      ciHigh: bar ? clip(p.upper, range, 'upper') : null,
      openLow,
      openHigh,
      prediction: p.prediction,
      allowedFrom: side === undefined || bound === null ? null : side === 'below' ? range[0] : bound,
      allowedTo: side === undefined || bound === null ? null : side === 'below' ? bound : range[1],
      bandLow: p.band === null ? null : clip(p.band[0], range, 'lower'),
      bandHigh: p.band === null ? null : clip(p.band[1], range, 'upper'),
      effect,
      n: p.c.n,
    };
  });

  const x = {
    field: 'label',
    type: 'ordinal' as const,
    sort: axis.order,
    scale: { type: 'band' as const, paddingInner: 0.45, paddingOuter: 0.2 },
    axis: { title: axis.title, labelAngle: axis.order.length > 8 || axis.order.some((l) => l.length > 9) ? -35 : 0 },
  };
  const y = (field: string, title?: string): Record<string, unknown> => ({
    field,
    type: 'quantitative',
    scale: scaleOver(range, log),
    ...(title === undefined ? {} : { axis: { title, ...(log ? LOG_AXIS : {}) } }),
  });
  // A legend only where a configuration was rejected (it costs a third of the rendering time); else the caption says it.
  const rejected = rows.some((r) => r.verdict === 'rejected');
  const verdictLegend = { field: 'verdict', type: 'nominal' as const, legend: rejected ? { title: 'verdict' } : null };
  const color = { ...verdictLegend, scale: { domain: VERDICT_DOMAIN, range: VERDICT_COLORS } };
  const shape = { ...verdictLegend, scale: { domain: VERDICT_DOMAIN, range: VERDICT_SHAPES } };

  const layers: Layer[] = [];
  if (side !== undefined) layers.push({ mark: { type: 'bar', color: ALLOWED_FILL, opacity: 0.15 }, encoding: { x, y: y('allowedFrom', yTitle(shown)), y2: { field: 'allowedTo' } } } as Layer);
  if (rows.some((r) => r.bandLow !== null)) layers.push({ mark: { type: 'bar', color: BAND_FILL, opacity: 0.2 }, encoding: { x, y: y('bandLow', yTitle(shown)), y2: { field: 'bandHigh' } } } as Layer);
  if (effect !== null) layers.push({ mark: { type: 'tick', color: '#718096', thickness: 1 }, encoding: { x, y: y('effect', yTitle(shown)) } } as Layer);
  layers.push(
    { mark: { type: 'tick', color: 'black', thickness: 2 }, encoding: { x, y: y('prediction', yTitle(shown)) } } as Layer,
    { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: y('ciLow', yTitle(shown)), y2: { field: 'ciHigh' }, color } } as Layer,
  );
  const openHigh = rows.some((r) => r.openHigh);
  const openLow = rows.some((r) => r.openLow);
  if (openHigh) layers.push({ transform: [{ filter: 'datum.openHigh' }], mark: { type: 'point', shape: 'triangle-up', filled: true, size: 60 }, encoding: { x, y: y('ciHigh'), color } } as Layer);
  if (openLow) layers.push({ transform: [{ filter: 'datum.openLow' }], mark: { type: 'point', shape: 'triangle-down', filled: true, size: 60 }, encoding: { x, y: y('ciLow'), color } } as Layer);
  layers.push({ mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: { x, y: y('estimate', yTitle(shown)), color, shape } } as Layer);

  const caption = [
    `One column per configuration (x: ${axis.title}): the dot is the estimate, the vertical bar its confidence interval at level 1 − α; ${rejected ? "colour and shape give the configuration's verdict" : 'blue: every configuration is consistent'}.`,
    relationText(shown),
    openHigh || openLow ? 'Open (one-sided) interval ends, and ends beyond the plotted range, are drawn to its edge and marked with a triangle.' : '',
    log ? 'Logarithmic y axis.' : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  return {
    id: `claim-${slug(record.claimId)}`,
    title: `${record.claimId}: estimate per configuration against the ${side === undefined ? 'prediction' : 'bound'}`,
    caption,
    spec: { data: { values: rows }, layer: layers },
  };
}
