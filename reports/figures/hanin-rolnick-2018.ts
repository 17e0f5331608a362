/**
 * Paper figures of hanin-rolnick-2018's claims, by claim id (see types.ts), from the records'
 * `figures` data (properties/hanin-rolnick-2018/*-experiment.ts document it):
 * - FM1 (fully connected, He / LeCun / truncated normal / c/fan-in): the mean normalized squared length
 *   E[M_d]/M_0 against depth per configuration (`perConfig[].lengthVsDepth`), and for the mean-length
 *   claim Fig. 1(a)'s comparison by initialization at width 32 (`lengthVsDepthByInit`): the mean, and
 *   the mean and spread of log(M_d/M_0);
 * - FM1 log-length: E[log(M_d/M_0)] against depth (`perConfig[].logLengthVsDepth`);
 * - FM2: E[M_d²]/M_0² against β = Σ 1/n_j over four width profiles with the exact value and exp(5β)
 *   (`secondMomentVsBeta`);
 * - convolutional and residual networks: the same against the layer or residual module
 *   (`perConfig[].lengthVsDepth`, `perConfig[].secondMomentVsDepth`).
 * Measured points carry ±2 standard-error bars; dashed lines are the theory.
 */
import { finite, isRecord, records, seriesSpec, shortNumber, widthsLabel, type Row, type SeriesOptions, type SeriesRow } from './chart';
import type { FigureBuilder, FigureSpec } from './types';
import type { PropertyRecord } from '../schema';

const TWO_SE = 'bars ±2 standard errors over the networks';

/** A short description of a configuration for a legend: init law and variance, then the architecture. */
export function describeConfig(config: unknown): string {
  if (!isRecord(config)) return '';
  const parts: string[] = [];
  const init = isRecord(config.init) ? config.init : undefined;
  if (init !== undefined) {
    const variance = isRecord(init.variance) ? init.variance : {};
    const scale = typeof variance.preset === 'string' ? variance.preset : finite(variance.scale) !== null ? `${Number((variance.scale as number).toPrecision(4))}/fan-in` : '';
    parts.push([typeof init.law === 'string' ? init.law : '', scale].filter((s) => s !== '').join(' '));
  }
  const widths = widthsLabel(config.widths);
  if (widths !== null) parts.push(`widths ${widths}`);
  const channels = widthsLabel(config.channels);
  if (channels !== null) parts.push(`channels ${channels}${finite(config.kernel) !== null ? `, kernel ${config.kernel}` : ''}`);
  if (finite(config.width) !== null) parts.push(`width ${config.width}`);
  const schedule = isRecord(config.schedule) ? config.schedule : undefined;
  if (schedule !== undefined) {
    const eta = finite(schedule.eta) ?? finite(schedule.eta1);
    const ratio = finite(schedule.ratio);
    parts.push(`${String(schedule.kind ?? 'η')} η${eta === null ? '' : ` ${shortNumber(eta)}`}${ratio === null ? '' : ` ×${shortNumber(ratio)}`}, ${String(schedule.modules ?? '?')} modules`);
  }
  return parts.filter((s) => s !== '').join(', ');
}

/** Series rows of a depth profile: x from `xKey`, measured mean ± 2 se, prediction. */
function profileRows(series: string, rows: Row[], keys: { x: string; mean: string; se: string }): SeriesRow[] {
  return rows.map((r) => {
    const mean = finite(r[keys.mean]);
    const se = finite(r[keys.se]);
    return {
      series,
      x: finite(r[keys.x]),
      y: mean,
      low: mean !== null && se !== null ? mean - 2 * se : null,
      high: mean !== null && se !== null ? mean + 2 * se : null,
      predicted: finite(r.prediction),
    };
  });
}

function figure(id: string, title: string, caption: string, rows: SeriesRow[], options: SeriesOptions): FigureSpec[] {
  const built = seriesSpec(rows, options);
  if (built === null) return [];
  return [{ id, title, caption: built.log ? `${caption} Logarithmic y axis.` : caption, spec: built.spec }];
}

/** Per-configuration profiles stored under `perConfig[].<key>` (one series per configuration). */
function perConfigProfile(
  record: PropertyRecord,
  key: string,
  keys: { x: string; mean: string; se: string },
  text: { name: string; title: string; caption: string; xTitle: string; yTitle: string },
): FigureSpec[] {
  const rows = records(record.figures?.perConfig).flatMap((entry, i) => {
    const label = describeConfig(entry.config);
    return profileRows(`#${i + 1}${label === '' ? '' : ` ${label}`}`, records(entry[key]), keys);
  });
  return figure(`${record.claimId}.${text.name}`, text.title, text.caption, rows, { xTitle: text.xTitle, yTitle: text.yTitle, seriesTitle: 'configuration' });
}

const DEPTH_KEYS = { x: 'depth', mean: 'meanRatio', se: 'seRatio' };

const fm1Profiles: FigureBuilder = (record) =>
  perConfigProfile(record, 'lengthVsDepth', DEPTH_KEYS, {
    name: 'length-vs-depth',
    title: 'Mean squared length of the activations against depth, per tested configuration',
    caption: `Dots: the measured mean of M_d/M_0 (M_d = ‖z_d‖²/n_d, the normalized squared length at layer d) over the networks of each configuration, ${TWO_SE}; dashed: the FM1 prediction at every depth. The configurations are the ones the claim tested (numbered as in its table).`,
    xTitle: 'depth d (layer)',
    yTitle: 'E[M_d] / M_0',
  });

/** Fig. 1(a): E[M_d]/M_0 and the spread of log(M_d/M_0) against depth, by initialization (mean-length claim). */
function byInitialization(record: PropertyRecord): FigureSpec[] {
  const series = records(record.figures?.lengthVsDepthByInit).map((entry, i) => ({ name: typeof entry.init === 'string' ? entry.init : `init ${i + 1}`, rows: records(entry.rows), widths: widthsLabel(isRecord(entry.config) ? entry.config.widths : undefined) }));
  if (series.length === 0) return [];
  const widths = series[0].widths === null ? '' : ` (widths ${series[0].widths})`;
  const mean = figure(
    `${record.claimId}.length-vs-depth-by-init`,
    'Mean squared length of the activations against depth, by initialization (Hanin & Rolnick 2018, Fig. 1(a))',
    `One network shape${widths}, four weight initializations. Dots: the measured mean of M_d/M_0 over the networks, ${TWO_SE}; dashed: the FM1 prediction. He's 2/fan-in keeps the mean length constant; below it (LeCun, the uncorrected truncated normal) it decays and above it (3/fan-in) it grows exponentially in depth.`,
    series.flatMap((s) => profileRows(s.name, s.rows, DEPTH_KEYS)),
    { xTitle: 'depth d (layer)', yTitle: 'E[M_d] / M_0 (mean normalized squared length)', seriesTitle: 'initialization' },
  );
  const spread = figure(
    `${record.claimId}.log-length-spread-by-init`,
    'Mean and spread of log(M_d/M_0) against depth, by initialization (Hanin & Rolnick 2018, Fig. 1(a))',
    `The same networks${widths}: dots are the mean of log(M_d/M_0) over the networks, bars ± one standard deviation across networks (not an error bar of the mean). The spread grows with depth for every initialization: a single deep network's length drifts away from the mean even where the mean is preserved.`,
    series.flatMap((s) =>
      s.rows.map((r) => {
        const m = finite(r.meanLogRatio);
        const sd = finite(r.sdLogRatio);
        return { series: s.name, x: finite(r.depth), y: m, low: m !== null && sd !== null ? m - sd : null, high: m !== null && sd !== null ? m + sd : null };
      }),
    ),
    { xTitle: 'depth d (layer)', yTitle: 'log(M_d / M_0): mean ± sd across networks', seriesTitle: 'initialization', log: false },
  );
  return [...mean, ...spread];
}

const logLength: FigureBuilder = (record) => {
  const rows = records(record.figures?.perConfig).flatMap((entry, i) => {
    const label = describeConfig(entry.config);
    return records(entry.logLengthVsDepth).map((r) => ({ series: `#${i + 1}${label === '' ? '' : ` ${label}`}`, x: finite(r.depth), y: finite(r.meanLogRatio), predicted: finite(r.exact) }));
  });
  return figure(
    `${record.claimId}.log-length-vs-depth`,
    'Mean log-length of the activations against depth, per tested configuration',
    'Dots: the measured mean of log(M_d/M_0) over the networks alive at depth d, every tenth layer; dashed: the exact value. A straight line is a constant per-layer factor: log ½ per layer at LeCun\'s 1/fan-in, up to the O(1/n) correction of the log.',
    rows,
    { xTitle: 'depth d (layer)', yTitle: 'E[log(M_d / M_0)]', seriesTitle: 'configuration', log: false },
  );
};

const secondMomentVsBeta: FigureBuilder = (record) => {
  const points = records(record.figures?.secondMomentVsBeta);
  const rows: SeriesRow[] = points.map((r) => {
    const estimate = finite(r.estimate);
    const se = finite(r.se);
    return {
      series: typeof r.shape === 'string' ? `${r.shape} widths` : 'widths',
      x: finite(r.beta),
      y: estimate,
      low: estimate !== null && se !== null ? estimate - 2 * se : null,
      high: estimate !== null && se !== null ? estimate + 2 * se : null,
      predicted: finite(r.exact),
    };
  });
  const curve = points
    .map((r) => ({ series: 'exp(5β) (paper)', x: finite(r.beta), predicted: finite(r.expFiveBeta) }))
    .sort((a, b) => (a.x ?? 0) - (b.x ?? 0));
  return figure(
    `${record.claimId}.second-moment-vs-beta`,
    'Second moment of the squared length against β = Σ 1/n_j, over width profiles (Hanin & Rolnick 2018, FM2)',
    `He Gaussian networks of depth 4 whose hidden widths are constant, increasing, decreasing or alternating. Dots: the measured E[M_d²]/M_0², ${TWO_SE}; dashed per profile: the exact finite-width value (the claim's prediction); the exp(5β) series is the paper's approximation. Profiles of (nearly) equal β have nearly equal values whatever their shape or the order of their widths: the fluctuations are governed by β.`,
    [...rows, ...curve],
    { xTitle: 'β = Σ_j 1/n_j (sum of the reciprocal hidden widths)', yTitle: 'E[M_d²] / M_0²', seriesTitle: 'width profile' },
  );
};

const convProfiles: FigureBuilder = (record) =>
  perConfigProfile(record, 'lengthVsDepth', DEPTH_KEYS, {
    name: 'length-vs-depth',
    title: 'Mean squared length of the activations against depth in convolutional networks, per tested configuration',
    caption: `Dots: the measured mean of M_d/M_0 (squared length per channel and position, normalized) over the networks, ${TWO_SE}; dashed: the FM1 prediction carried over to convolutions (fan-in = input channels × kernel size).`,
    xTitle: 'convolutional layer d',
    yTitle: 'E[M_d] / M_0',
  });

const resnetMean: FigureBuilder = (record) =>
  perConfigProfile(record, 'lengthVsDepth', DEPTH_KEYS, {
    name: 'length-vs-module',
    title: 'Mean squared length against the residual module, per tested η schedule (Hanin & Rolnick 2018, ResNets)',
    caption: `Dots: the measured mean of M_l/M_0 after module l, ${TWO_SE}; dashed: the prediction ∏(1 + η_j²). A summable schedule (geometric η) levels off; a constant η grows with the number of modules.`,
    xTitle: 'residual module l',
    yTitle: 'E[M_l] / M_0',
  });

const resnetSecondMoment: FigureBuilder = (record) =>
  perConfigProfile(record, 'secondMomentVsDepth', { x: 'module', mean: 'mean', se: 'se' }, {
    name: 'second-moment-vs-module',
    title: 'Second moment of the squared length against the residual module, per tested η schedule (Hanin & Rolnick 2018, ResNets)',
    caption: `Dots: the measured E[M_l²]/M_0² after module l, ${TWO_SE}; dashed: the prediction. It stays bounded in depth when Σ η_l² is bounded.`,
    xTitle: 'residual module l',
    yTitle: 'E[M_l²] / M_0²',
  });

export const FIGURES: Record<string, FigureBuilder> = {
  'HR2018.FM1.mean-length': (record) => [...byInitialization(record), ...fm1Profiles(record)],
  'HR2018.FM1.he-critical': fm1Profiles,
  'HR2018.FM1.lecun': fm1Profiles,
  'HR2018.FM1.truncated-normal': fm1Profiles,
  'HR2018.FM1.log-length': logLength,
  'HR2018.FM2.gaussian': secondMomentVsBeta,
  'HR2018.Conv.mean-length': convProfiles,
  'HR2018.ResNet.mean-length': resnetMean,
  'HR2018.ResNet.bounded-second-moment': resnetSecondMoment,
};
