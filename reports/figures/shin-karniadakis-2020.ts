/**
 * Paper figures of shin-karniadakis-2020's claims (Shin & Karniadakis 2020, SK2020, and Lu, Shin, Su &
 * Karniadakis 2020, LSSK2020), by claim id (see types.ts):
 * - born dead (LSSK2020.BornDead.*): the probability that a network is born dead against its number
 *   of hidden layers, one colour per hidden width, measured with its interval against the theory —
 *   from the full profile's sweep (`figures.bornDeadVsDepth`) when present, else from the claim's own
 *   configurations (their estimates, intervals and predictions);
 * - success against trainability (SK2020.Trainability.upper-bound / necessary / success-when-wide /
 *   over-specification, SK2020.DDI.success-vs-he): each arm's success rate against its trainability
 *   with 95% Wilson intervals on both axes, under the diagonal success = trainability;
 * - trainability against width (SK2020.Trainability.width-trend, `perConfig[].trainabilityVsWidth`);
 * - the over-parameterization transition (SK2020.Trainability.over-parameterization-necessary,
 *   `figures.transition`): success rate, and the final loss against the exact loss floor, against the
 *   number of parameters.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ALLOWED_FILL, finite, isRecord, pair, records, seriesSpec, type Row, type SeriesOptions, type SeriesRow } from './chart';
import type { FigureBuilder, FigureSpec } from './types';
import type { PropertyRecord } from '../schema';

function figure(id: string, title: string, caption: string, rows: SeriesRow[], options: SeriesOptions): FigureSpec[] {
  const built = seriesSpec(rows, options);
  if (built === null) return [];
  return [{ id, title, caption: built.log ? `${caption} Logarithmic y axis.` : caption, spec: built.spec }];
}

const PROBABILITY: [number, number] = [0, 1];

/** The hidden layers' width when they share one (`N = 3`), else `mixed widths`. */
function hiddenWidth(widths: unknown): string {
  if (!Array.isArray(widths) || widths.length < 2) return 'widths unknown';
  const hidden = widths.slice(1);
  return hidden.every((w) => w === hidden[0]) ? `N = ${String(hidden[0])}` : 'mixed widths';
}

/** Born dead against depth: the full-profile sweep when recorded, else the claim's configurations. */
function bornDead(kind: 'probability' | 'upper bound' | 'lower bound'): FigureBuilder {
  return (record) => {
    const sweep = isRecord(record.figures?.bornDeadVsDepth) ? record.figures.bornDeadVsDepth : undefined;
    const yTitle = 'P(the network is born dead)';
    const xTitle = 'number of hidden layers L';
    if (sweep !== undefined) {
      const rows = records(sweep.rows).map((r) => ({ series: `N = ${String(r.width)}`, x: finite(r.hiddenLayers), y: finite(r.measured), predicted: finite(r.exact) }));
      return figure(
        `${record.claimId}.born-dead-vs-depth`,
        'Probability that a ReLU network is born dead against its depth, by width (Lu, Shin, Su & Karniadakis 2020)',
        `${typeof sweep.init === 'string' ? sweep.init : 'He initialization'}; born dead = some hidden layer is all zero at the input. Dots: the measured fraction of networks; dashed: 1 − ∏_l (1 − 2^{−N_l}). At any fixed width the probability tends to 1 as the network deepens; wider layers delay it.`,
        rows,
        { xTitle, yTitle, seriesTitle: 'hidden width', yRange: PROBABILITY },
      );
    }
    const rows: SeriesRow[] = (Array.isArray(record.configs) ? record.configs : []).filter(isRecord).map((c) => {
      const config = isRecord(c.config) ? c.config : {};
      const widths = config.widths;
      return {
        series: hiddenWidth(widths),
        x: Array.isArray(widths) ? widths.length - 1 : null,
        y: finite(c.estimate),
        low: finite(c.interval?.lower) ?? 0,
        high: finite(c.interval?.upper) ?? 1,
        predicted: finite(c.prediction),
      };
    });
    const where = kind === 'probability' ? 'at one input x' : 'on a whole input interval [a, c]';
    const theory =
      kind === 'probability'
        ? 'dashed: the exact probability 1 − ∏_l (1 − 2^{−N_l}), joined across the configurations of each width'
        : `short horizontal marks: the theory's ${kind} for that configuration (which the measured probability must ${kind === 'upper bound' ? 'not exceed' : 'reach'})`;
    return figure(
      `${record.claimId}.born-dead-vs-depth`,
      `Probability that a ReLU network is born dead ${where} against its depth (Lu, Shin, Su & Karniadakis 2020), the tested configurations`,
      `Born dead = some hidden layer is all zero ${where}. Each configuration of the claim at its number of hidden layers, coloured by hidden width: dots are the measured fractions with their confidence intervals at level 1 − α; ${theory}. At a fixed width the probability rises towards 1 with depth.`,
      rows,
      { xTitle, yTitle, seriesTitle: 'hidden width', yRange: PROBABILITY, predictedAs: kind === 'probability' ? 'line' : 'mark' },
    );
  };
}

interface RatePoint {
  arm: string;
  setting: string;
  trainability: number | null;
  tLow: number | null;
  tHigh: number | null;
  success: number | null;
  sLow: number | null;
  sHigh: number | null;
}

/** A `{ trainability: {proportion, wilson95}, success: {…} }` object as a point; null when it is not one. */
function ratePoint(x: unknown, arm: string, setting: string): RatePoint | null {
  if (!isRecord(x) || !isRecord(x.trainability) || !isRecord(x.success)) return null;
  const [tLow, tHigh] = pair(x.trainability.wilson95);
  const [sLow, sHigh] = pair(x.success.wilson95);
  return { arm, setting, trainability: finite(x.trainability.proportion), tLow, tHigh, success: finite(x.success.proportion), sLow, sHigh };
}

const ARM_NAMES: Record<string, string> = { he: 'He', ddi: 'DDI (data-dependent)', narrow: 'narrow', wide: 'wide', rai: 'RAI' };

/** Every arm of every configuration (and of the full profile's rates grid) as a point. */
function ratePoints(record: PropertyRecord): RatePoint[] {
  const points: RatePoint[] = [];
  records(record.figures?.perConfig).forEach((entry, i) => {
    const setting = `#${i + 1}`;
    const config = isRecord(entry.config) ? entry.config : {};
    const own = ratePoint(entry, 'as configured', setting);
    if (own !== null) points.push(own);
    for (const [key, value] of Object.entries(entry)) {
      const widthKey = finite(config[key]);
      const arm = `${ARM_NAMES[key] ?? key}${widthKey === null ? '' : ` (width ${widthKey})`}`;
      const p = ratePoint(value, arm, setting);
      if (p !== null) points.push(p);
    }
  });
  const grid = isRecord(record.figures?.ratesVsWidthDepth) ? records(record.figures.ratesVsWidthDepth.rows) : [];
  for (const r of grid) {
    const p = ratePoint(r, ARM_NAMES[String(r.init)] ?? String(r.init), `width ${String(r.width)}, depth ${String(r.depth)}`);
    if (p !== null) points.push(p);
  }
  return points.filter((p) => p.trainability !== null && p.success !== null);
}

const successVsTrainability: FigureBuilder = (record) => {
  const points = ratePoints(record);
  if (points.length === 0) return [];
  const settings = [...new Set(points.map((p) => p.setting))];
  const x = { field: 'trainability', type: 'quantitative', scale: { domain: PROBABILITY, nice: false }, axis: { title: 'trainability: P(trainable at initialization)' } };
  const y = (field: string): Record<string, unknown> => ({ field, type: 'quantitative', scale: { domain: PROBABILITY, nice: false }, axis: { title: 'success rate: P(training loss below the threshold)' } });
  const color = { field: 'arm', type: 'nominal', legend: { title: 'arm' } };
  const shape = { field: 'setting', type: 'nominal', sort: settings, legend: settings.length > 1 ? { title: 'configuration' } : null };
  const diagonal = { values: [{ trainability: 0, bound: 0 }, { trainability: 1, bound: 1 }] };
  const spec = {
    data: { values: points },
    layer: [
      { data: diagonal, mark: { type: 'area', color: ALLOWED_FILL, opacity: 0.12 }, encoding: { x, y: y('bound'), y2: { datum: 0 } } },
      { data: diagonal, mark: { type: 'line', color: 'black', strokeDash: [6, 4] }, encoding: { x, y: y('bound') } },
      { transform: [{ filter: 'isValid(datum.tLow) && isValid(datum.tHigh)' }], mark: { type: 'rule' }, encoding: { x: { ...x, field: 'tLow' }, x2: { field: 'tHigh' }, y: y('success'), color } },
      { transform: [{ filter: 'isValid(datum.sLow) && isValid(datum.sHigh)' }], mark: { type: 'rule' }, encoding: { x, y: y('sLow'), y2: { field: 'sHigh' }, color } },
      { mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: { x, y: y('success'), color, shape } },
    ],
  } as unknown as TopLevelSpec;
  return [
    {
      id: `${record.claimId}.success-vs-trainability`,
      title: 'Training success against trainability (Shin & Karniadakis 2020)',
      caption:
        'Each dot is one set of trained networks: its trainability (the fraction of networks whose every hidden layer keeps enough neurons alive on the data for the task) against its success rate (the fraction whose training loss fell below the threshold), with 95% Wilson intervals on both axes. The paper: trainability is a necessary condition for success, so success ≤ trainability — every dot should lie in the shaded region under the dashed diagonal; the vertical distance to the diagonal is the trainable networks that still failed.',
      spec,
    },
  ];
};

const widthTrend: FigureBuilder = (record) => {
  const rows = records(record.figures?.perConfig).flatMap((entry, i) => {
    const config = isRecord(entry.config) ? entry.config : {};
    const series = `#${i + 1}${finite(config.depth) !== null ? ` depth ${String(config.depth)}` : ''}${finite(config.points) !== null ? `, ${String(config.points)} points` : ''}`;
    return records(entry.trainabilityVsWidth).map((r) => ({ series, x: finite(r.width), y: finite(r.trainability) }));
  });
  return figure(
    `${record.claimId}.trainability-vs-width`,
    'Trainability at initialization against the width (Shin & Karniadakis 2020)',
    'Each line is one tested depth and data set: the fraction of networks, at initialization, whose every hidden layer keeps enough neurons alive on the data for the task, against the hidden width. The paper: trainability rises with the width (and tends to 1).',
    rows,
    { xTitle: 'hidden width N', yTitle: 'trainability: P(trainable at initialization)', seriesTitle: 'configuration', yRange: PROBABILITY, connect: true },
  );
};

const transition: FigureBuilder = (record) => {
  const rows = records(record.figures?.transition);
  const parameters = (r: Row): number | null => finite(r.parameters);
  const success = figure(
    `${record.claimId}.success-vs-parameters`,
    'Training success against the number of parameters: the over-parameterization transition (Shin & Karniadakis 2020)',
    'One hidden layer of growing width trained on the same kind of data; each dot is the fraction of runs whose training loss reached 10⁻³·Var(y), with its 95% Wilson interval, against the number of parameters P (the reproduction row gives the number of training points n). The paper: over-parameterization (P > n) is necessary and sufficient for minimizing the training loss.',
    rows.map((r) => {
      const runs = finite(r.runs);
      const successes = finite(r.successes);
      const [low, high] = pair(r.wilson95);
      return { series: 'success rate', x: parameters(r), y: runs !== null && runs > 0 && successes !== null ? successes / runs : null, low, high };
    }),
    { xTitle: 'number of parameters P', yTitle: 'success rate: P(training loss ≤ 10⁻³·Var(y))', seriesTitle: 'measured', yRange: PROBABILITY, connect: true },
  );
  const loss = figure(
    `${record.claimId}.loss-vs-parameters`,
    'Final training loss against the exact loss floor, by number of parameters (Shin & Karniadakis 2020)',
    'Median final training loss of the runs, and the mean of the exact floor no network of that width can go below on its data (targets standardized, so both are relative to Var(y)); a floor of 0 (once the width allows enough linear pieces) cannot be drawn on the log axis and is left out. Training stays above the floor, as the claim asserts for P < n.',
    rows.flatMap((r) => [
      { series: 'median final loss', x: parameters(r), y: finite(r.medianFinalLoss) },
      { series: 'mean loss floor', x: parameters(r), y: finite(r.meanFloorOverVar) },
    ]),
    { xTitle: 'number of parameters P', yTitle: 'training loss / Var(y)', seriesTitle: 'loss', log: true, connect: true },
  );
  return [...success, ...loss];
};

export const FIGURES: Record<string, FigureBuilder> = {
  'LSSK2020.BornDead.at-point': bornDead('probability'),
  'LSSK2020.BornDead.domain-bound': bornDead('upper bound'),
  'LSSK2020.BornDead.domain-lower-bound': bornDead('lower bound'),
  'SK2020.Trainability.upper-bound': successVsTrainability,
  'SK2020.Trainability.necessary': successVsTrainability,
  'SK2020.Trainability.success-when-wide': successVsTrainability,
  'SK2020.Trainability.over-specification': successVsTrainability,
  'SK2020.DDI.success-vs-he': successVsTrainability,
  'SK2020.Trainability.width-trend': widthTrend,
  'SK2020.Trainability.over-parameterization-necessary': transition,
};
