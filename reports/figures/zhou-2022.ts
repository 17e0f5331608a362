/**
 * Paper figures of Zhou, Zhou, Luo, Zhang & Xu 2022 ("Towards understanding the condensation of
 * neural networks at initial training"), by claim id (see types.ts): histograms of the number of
 * condensed orientations (or lines) per run against the 2p bound, each neuron's orientation and
 * amplitude, cosine-similarity heat maps of input weights, the six-layer net's per-layer counts and
 * scores, alignment and condensation scores, and the multiplicities. Each builder reads its claim's
 * `figures` data (documented in the claim's property file) and the record's per-configuration results;
 * a missing or malformed field drops the figure (or the row), never throws.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PropertyRecord } from '../schema';
import { finite, isRecord, records, shortNumber, type Row } from './chart';
import type { FigureBuilder, FigureSpec } from './types';

/** Heat maps larger than this are thinned to this many neurons, evenly spaced in their order. */
const HEATMAP_MAX = 60;

/** The paper's activations: display name and declared multiplicity p (Definition 1; ReLU has none). */
const ACTIVATIONS: Record<string, { name: string; p?: number }> = {
  tanh: { name: 'tanh', p: 1 },
  sigmoid: { name: 'sigmoid', p: 1 },
  softplus: { name: 'softplus', p: 1 },
  xtanh: { name: 'x·tanh x', p: 2 },
  x2tanh: { name: 'x²·tanh x', p: 3 },
  relu: { name: 'ReLU' },
};

/** A finite number, else undefined (so that `??` and optional fields apply). */
const num = (x: unknown): number | undefined => finite(x) ?? undefined;
/** The value at `path` in nested objects, else undefined. */
const at = (x: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (isRecord(o) ? o[k] : undefined), x);
/** The per-configuration figure data (`figures.perConfig`), in the order of the record's configurations. */
const perConfig = (r: PropertyRecord): Row[] => records(r.figures?.perConfig);
/** The paper's name of an activation ("x·tanh x" for xtanh). */
const activationName = (a: unknown): string => (typeof a === 'string' ? (ACTIVATIONS[a]?.name ?? a) : '?');
/** The declared multiplicity p of an activation; undefined for ReLU or an unknown one. */
const multiplicity = (a: unknown): number | undefined => (typeof a === 'string' ? ACTIVATIONS[a]?.p : undefined);
/** "tanh (p = 1)". */
const withP = (a: unknown, p = multiplicity(a)): string => `${activationName(a)}${p !== undefined ? ` (p = ${p})` : ''}`;
/** "1 orientation", "2 orientations", "? orientations". */
const countOf = (n: unknown, noun: string): string => (num(n) !== undefined ? `${n} ${noun}${n === 1 ? '' : 's'}` : `? ${noun}s`);
/** Suffix of the k-th of `count` per-configuration figures (none when there is one). */
const nth = (k: number, count: number): string => (count > 1 ? `-c${k + 1}` : '');

/** A figure of `record` with id `<claim id>.<slug>`; its spec is plain JSON built here (the tests compile and draw every one). */
function figure(record: PropertyRecord, slug: string, title: string, caption: string, spec: Row): FigureSpec {
  return { id: `${record.claimId}.${slug}`, title, caption, spec: spec as unknown as TopLevelSpec };
}

/** A histogram stored as {"value": count}, as numeric pairs (malformed entries left out). */
const histogram = (h: unknown): { k: number; runs: number }[] =>
  isRecord(h)
    ? Object.entries(h)
        .map(([k, v]) => ({ k: Number(k), runs: num(v) ?? NaN }))
        .filter((e) => Number.isFinite(e.k) && e.runs > 0)
    : [];

// ---------------------------------------------------------------------------------------------
// Counts per run against the bound

interface CountPanel {
  /** The panel's header; it should name the bound (the dashed line has no label). */
  label: string;
  /** The bound: 2p orientations, or p lines (undefined: no bound, e.g. ReLU). */
  bound?: number;
  histogram: unknown;
}

/**
 * Bars of runs per count, one panel per configuration (or layer), coloured by where the count lies
 * against the panel's bound (dashed line between bound and bound + 1); `boundName` is "2p" or "p".
 */
function countHistogram(record: PropertyRecord, slug: string, title: string, caption: string, panels: CountPanel[], unit: string, boundName: string): FigureSpec[] {
  const classes = [`fewer than ${boundName}`, `exactly ${boundName}`, `more than ${boundName}`, 'no bound'];
  const rows = panels.flatMap((p) =>
    histogram(p.histogram).map(({ k, runs }) => ({
      panel: p.label,
      k,
      lo: k - 0.4,
      hi: k + 0.4,
      runs,
      edge: p.bound !== undefined ? p.bound + 0.5 : null,
      versus: p.bound === undefined ? classes[3] : k < p.bound ? classes[0] : k === p.bound ? classes[1] : classes[2],
    })),
  );
  if (rows.length === 0) return [];
  const order = [...new Set(rows.map((r) => r.panel))];
  return [
    figure(record, slug, title, caption, {
      data: { values: rows },
      facet: { field: 'panel', type: 'nominal', sort: order, title: null, header: { labelLimit: 400 } },
      columns: Math.min(order.length, 3),
      spec: {
        width: 220,
        height: 150,
        layer: [
          {
            mark: { type: 'rect' },
            encoding: {
              x: { field: 'lo', type: 'quantitative', axis: { tickMinStep: 1, format: 'd' }, title: `${unit} per run` },
              x2: { field: 'hi' },
              y: { field: 'runs', type: 'quantitative', title: 'runs' },
              color: { field: 'versus', type: 'nominal', scale: { domain: classes, range: ['#9ecae9', '#4c78a8', '#e45756', '#bab0ac'] }, title: `count against the bound` },
              tooltip: [{ field: 'panel' }, { field: 'k', title: unit }, { field: 'runs' }],
            },
          },
          { mark: { type: 'rule', strokeDash: [4, 3], color: 'black' }, encoding: { x: { field: 'edge', type: 'quantitative', aggregate: 'max' } } },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    }),
  ];
}

/** Panels of per-configuration orientation histograms: "tanh (p = 1), std 5e-4". */
function orientationPanels(record: PropertyRecord): CountPanel[] {
  return perConfig(record).map((pc) => {
    const a = at(pc, 'config', 'activation');
    const std = num(at(pc, 'config', 'std'));
    const p = multiplicity(a);
    return { label: `${withP(a)}${std !== undefined ? `, std ${shortNumber(std)}` : ''}${p !== undefined ? `: 2p = ${2 * p}` : ''}`, ...(p !== undefined ? { bound: 2 * p } : {}), histogram: pc.orientations };
  });
}

/** The counted unit of the orientation claims (the x axis: "… per run"). */
const ORIENTATIONS_UNIT = 'condensed orientations';

/** ZZLZX2022.Orientations.at-most-2p / 2p-attained (1-D input) and p1-input-d5 (d = 5). */
function orientationHistograms(setting: string, theory: string): FigureBuilder {
  return (record) =>
    countHistogram(
      record,
      'orientations',
      `Condensed orientations per run at the end of the initial stage (${setting})`,
      `Number of runs (independent small-initialization trainings) against the number of condensed orientations of the hidden neurons' input weights (bias included) at the end of each run's initial stage, one panel per tested configuration (activation with its multiplicity p, initialization std). ${theory}`,
      orientationPanels(record),
      ORIENTATIONS_UNIT,
      '2p',
    );
}

/** The monotone claim's activation of multiplicity p = 1, 2, 3. */
const MONOTONE_ACTIVATIONS = ['tanh', 'xtanh', 'x2tanh'];

/** ZZLZX2022.Orientations.monotone-in-p: the paired counts per p, and the paired changes. */
function monotoneInP(record: PropertyRecord): FigureSpec[] {
  const pName = (p: number) => (MONOTONE_ACTIVATIONS[p - 1] ? activationName(MONOTONE_ACTIVATIONS[p - 1]) : `p = ${p}`);
  return perConfig(record).flatMap((pc, k, all) => {
    const std = num(at(pc, 'config', 'std'));
    const where = std !== undefined ? `std ${shortNumber(std)}` : 'one configuration';
    const byP = at(pc, 'orientationsByP');
    const panels: CountPanel[] = isRecord(byP)
      ? Object.keys(byP)
          .map((key) => Number(key.replace(/^p/, '')))
          .filter((p) => Number.isInteger(p) && p > 0)
          .sort((a, b) => a - b)
          .map((p) => ({ label: `${pName(p)} (p = ${p}): 2p = ${2 * p}`, bound: 2 * p, histogram: byP[`p${p}`] }))
      : [];
    const counts = countHistogram(
      record,
      `orientations${nth(k, all.length)}`,
      'Condensed orientations per run for p = 1, 2, 3 (same initial networks and data)',
      `Each run trains the same initial network on the same data three times, with tanh (p = 1), x·tanh x (p = 2) and x²·tanh x (p = 3) (1-D input, ${where}); bars count runs by the number of condensed orientations at the end of the initial stage. The theory: at most 2p orientations, so the count rises with the activation's multiplicity p.`,
      panels,
      ORIENTATIONS_UNIT,
      '2p',
    );
    const steps = at(pc, 'stepsByP');
    const changes = isRecord(steps)
      ? Object.entries(steps).flatMap(([key, h]) => {
          const m = /^p(\d+)to(\d+)$/.exec(key);
          const step = m ? `${pName(Number(m[1]))} → ${pName(Number(m[2]))}` : key;
          return histogram(h).map(({ k: change, runs }) => ({ step, change, runs, direction: change > 0 ? 'rises' : change < 0 ? 'falls' : 'unchanged' }));
        })
      : [];
    const paired =
      changes.length === 0
        ? []
        : [
            figure(
              record,
              `paired-changes${nth(k, all.length)}`,
              'Change of the orientation count from one multiplicity to the next, per run',
              `For each run (same initial network and data, ${where}) the number of condensed orientations with the next activation minus the number with the previous one. The claim: the count rises at both steps (P(rise) − P(fall) shown positive; the theory's bound 2p grows by 2 per step).`,
              {
                data: { values: changes },
                facet: { field: 'step', type: 'nominal', title: null, header: { labelLimit: 400 } },
                spec: {
                  width: 240,
                  height: 160,
                  mark: { type: 'bar' },
                  encoding: {
                    x: { field: 'change', type: 'ordinal', sort: 'ascending', axis: { labelAngle: 0 }, title: 'change in condensed orientations' },
                    y: { field: 'runs', type: 'quantitative', title: 'runs' },
                    color: { field: 'direction', type: 'nominal', scale: { domain: ['falls', 'unchanged', 'rises'], range: ['#e45756', '#bab0ac', '#4c78a8'] }, title: 'the count' },
                    tooltip: [{ field: 'step' }, { field: 'change' }, { field: 'runs' }],
                  },
                },
              },
            ),
          ];
    return [...counts, ...paired];
  });
}

// ---------------------------------------------------------------------------------------------
// Neurons' orientations and heat maps

/** ZZLZX2022.Orientations.at-most-2p: net 0's neurons as (orientation θ, relative amplitude), per configuration. */
function orientationScatter(record: PropertyRecord): FigureSpec[] {
  const panels: string[] = [];
  let cut: number | undefined;
  const rows = perConfig(record).flatMap((pc) => {
    const net = at(pc, 'net0');
    const a = at(pc, 'config', 'activation');
    const std = num(at(pc, 'config', 'std'));
    const c = num(at(net, 'negligibleFraction'));
    cut ??= c;
    const n = num(at(net, 'orientations'));
    const panel = `${withP(a)}${std !== undefined ? `, std ${shortNumber(std)}` : ''}${n !== undefined ? `: ${countOf(n, 'orientation')}` : ''}`;
    const points = (Array.isArray(at(net, 'neurons')) ? (at(net, 'neurons') as unknown[]) : []).flatMap((xy) => {
      const [theta, amp] = Array.isArray(xy) ? [num(xy[0]), num(xy[1])] : [];
      return theta !== undefined && amp !== undefined ? [{ panel, theta, amplitude: amp, kind: c === undefined || amp >= c ? 'analysed' : 'negligible' }] : [];
    });
    if (points.length > 0) panels.push(panel);
    return points;
  });
  if (rows.length === 0) return [];
  const y = { field: 'amplitude', type: 'quantitative', scale: { domain: [0, 1] }, title: 'amplitude A ÷ largest A' };
  return [
    figure(
      record,
      'orientation-amplitude',
      'Orientation and amplitude of each neuron\'s input weight at the end of the initial stage (1-D input)',
      'One network per tested configuration: each point is a hidden neuron, its input weight (w, b) drawn as the orientation θ = atan2(b, w) and the amplitude A = |(w, b)| relative to the layer\'s largest' +
        (cut !== undefined ? `; neurons below ${shortNumber(cut)} of the largest are negligible (grey, dashed line) and not analysed` : '') +
        '. Condensation: the analysed neurons gather at a few orientations. The theory allows at most 2p of them (the roots of a degree-p polynomial give at most p lines, each two opposite orientations θ and θ ± 180°).',
      {
        data: { values: rows },
        facet: { field: 'panel', type: 'nominal', sort: panels, title: null, header: { labelLimit: 400 } },
        columns: Math.min(panels.length, 3),
        spec: {
          width: 220,
          height: 150,
          layer: [
            {
              mark: { type: 'point', filled: true, size: 22, opacity: 0.8 },
              encoding: {
                x: { field: 'theta', type: 'quantitative', scale: { domain: [-180, 180] }, axis: { values: [-180, -90, 0, 90, 180] }, title: 'orientation θ (degrees)' },
                y,
                color: { field: 'kind', type: 'nominal', scale: { domain: ['analysed', 'negligible'], range: ['#4c78a8', '#bab0ac'] }, title: 'neuron' },
                tooltip: [{ field: 'theta', title: 'θ' }, { field: 'amplitude', title: 'A ÷ max A' }],
              },
            },
            ...(cut !== undefined ? [{ mark: { type: 'rule', strokeDash: [4, 3], color: 'gray' }, encoding: { y: { datum: cut, type: 'quantitative' } } }] : []),
          ],
        },
      },
    ),
  ];
}

interface HeatPanel {
  title: string;
  /** A second title line (the counts, the step). */
  detail: string;
  matrix: unknown;
  /** The analysed neurons the matrix was thinned from, when the claim thinned it. */
  neurons?: number;
}

/** A square matrix of finite numbers, thinned to HEATMAP_MAX rows and columns evenly spaced in its order; undefined when malformed. */
function squareMatrix(m: unknown): { rows: number[][]; n: number } | undefined {
  if (!Array.isArray(m) || m.length === 0 || !m.every((r) => Array.isArray(r) && r.length === m.length && r.every((v) => num(v) !== undefined))) return undefined;
  const n = m.length;
  const keep = n <= HEATMAP_MAX ? [...Array(n).keys()] : Array.from({ length: HEATMAP_MAX }, (_, k) => Math.round((k * (n - 1)) / (HEATMAP_MAX - 1)));
  return { rows: keep.map((i) => keep.map((j) => (m[i] as number[])[j])), n };
}

/**
 * Cosine-similarity heat maps, one panel per matrix: the matrix rows inline (`cos` arrays, flattened
 * by the spec's transforms), red +1 (same orientation), blue −1 (opposite), white 0.
 */
function heatmaps(record: PropertyRecord, slug: string, title: string, caption: string, panels: HeatPanel[]): FigureSpec[] {
  let thinned = false;
  const views = panels.flatMap((p) => {
    const m = squareMatrix(p.matrix);
    if (!m) return [];
    const total = Math.max(p.neurons ?? 0, m.n);
    thinned ||= m.rows.length < total;
    const axis = (t: string) => ({ title: t, labels: false, ticks: false, domain: false });
    return [
      {
        title: { text: p.title, subtitle: m.rows.length < total ? `${p.detail}; ${m.rows.length} of ${total} neurons shown` : p.detail, fontSize: 11 },
        width: 180,
        height: 180,
        // Row i's similarities as one array; flatten + row_number give its column j (both 1-based).
        data: { values: m.rows.map((cos, i) => ({ i: i + 1, cos })) },
        transform: [{ flatten: ['cos'] }, { window: [{ op: 'row_number', as: 'j' }], groupby: ['i'] }],
        mark: { type: 'rect', aria: false },
        encoding: {
          x: { field: 'j', type: 'ordinal', axis: axis('neuron') },
          y: { field: 'i', type: 'ordinal', axis: axis('neuron') },
          color: { field: 'cos', type: 'quantitative', scale: { domain: [-1, 1], scheme: 'redblue', reverse: true }, title: 'cosine similarity' },
        },
      },
    ];
  });
  if (views.length === 0) return [];
  return [
    figure(record, slug, title, `${caption}${thinned ? ' Large matrices are thinned to evenly spaced neurons in their order.' : ''}`, {
      concat: views,
      columns: Math.min(views.length, 3),
      resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } },
    }),
  ];
}

const HEATMAP_READING =
  'Each panel is the matrix of cosine similarities D(u_i, u_k) between the normalized input weights (bias included) of one network\'s analysed hidden neurons: red blocks are neurons condensed on the same orientation, blue on opposite ones.';

/** ZZLZX2022.Orientations.p1-input-d5: net 0's heat map per configuration (orientation-cluster order). */
function d5Heatmaps(record: PropertyRecord): FigureSpec[] {
  const panels = perConfig(record).map((pc) => {
    const a = at(pc, 'config', 'activation');
    const std = num(at(pc, 'config', 'std'));
    const n = num(at(pc, 'net0', 'orientations'));
    const kept = num(at(pc, 'net0', 'kept'));
    return { title: `${activationName(a)}${std !== undefined ? `, std ${shortNumber(std)}` : ''}`, detail: countOf(n, 'orientation'), matrix: at(pc, 'net0', 'matrix'), ...(kept !== undefined ? { neurons: kept } : {}) };
  });
  return heatmaps(
    record,
    'heatmaps',
    'Condensation at the end of the initial stage, input dimension 5 (Fig. 2 setting)',
    `${HEATMAP_READING} One network per tested configuration (5-50-1, p = 1 activations), neurons ordered by orientation cluster. The theory for p = 1: two opposite orientations, i.e. two red blocks that are blue to each other.`,
    panels,
  );
}

/** ZZLZX2022.Orientations.at-most-2p (full profile): the Fig. 5 runs' heat maps per activation. */
function fig5Heatmaps(record: PropertyRecord): FigureSpec[] {
  const d = record.figures?.fig5PerActivation;
  const panels = records(at(d, 'rows')).map((row) => ({ title: withP(row.activation), detail: `step ${num(at(row, 'net0', 'stageStep')) ?? '?'}`, matrix: at(row, 'net0', 'heatmap') }));
  return heatmaps(
    record,
    'heatmaps-fig5',
    'Condensation at the paper\'s initialization, 1-D input (Fig. 5/6 setting)',
    `${HEATMAP_READING} One network per activation at the paper's std 0.005 (${String(at(d, 'setting') ?? 'Fig. 5 setting')}), neurons in the leading-eigenvector order of the authors' notebook. The theory: at most 2p orientations (p = 1, 2, 3 for tanh, x·tanh x, x²·tanh x).`,
    panels,
  );
}

/** ZZLZX2022.SmallInit.condensation-score (full profile): Fig. 2's heat maps per activation, or tanh's alone. */
function fig2Heatmaps(record: PropertyRecord): FigureSpec[] {
  const per = records(at(record.figures?.fig2PerActivation, 'rows')).map((row) => ({ title: withP(row.activation), detail: countOf(row.lines, 'line'), matrix: row.heatmap }));
  const tanh = record.figures?.fig2Heatmap;
  const panels = per.length > 0 ? per : [{ title: withP('tanh'), detail: countOf(at(tanh, 'lines'), 'line'), matrix: at(tanh, 'heatmap') }];
  return heatmaps(
    record,
    'heatmaps-fig2',
    'Condensation in the Fig. 2 setting at epoch 100, per activation',
    `${HEATMAP_READING} 5-50-1 networks on the Fig. 2 data at the paper's initialization (var 0.005²) and learning rates, epoch 100, neurons in the leading-eigenvector order. The paper reports one line (two opposite orientations) for tanh, sigmoid and softplus, 2 lines for x·tanh x, 3 for x²·tanh x, and for ReLU three orientations, two of them opposite.`,
    panels,
  );
}

// ---------------------------------------------------------------------------------------------
// The six-layer residual net (Fig. 3)

/** "layer 1: x²·tanh x (p = 3)" for a per-layer entry of the six-layer net. */
const layerLabel = (l: Row): string => `layer ${num(l.layer) ?? '?'}: ${withP(l.activation, num(l.p) ?? multiplicity(l.activation))}`;

/** ZZLZX2022.MultiLayer.per-layer-multiplicity: heat maps, line histograms, lines against the step, and scores, per configuration. */
function multiLayer(record: PropertyRecord): FigureSpec[] {
  const configs = perConfig(record).filter((pc) => records(pc.perLayer).length > 0 || records(pc.heatmapsNet0).length > 0);
  return configs.flatMap((pc, k) => {
    const suffix = nth(k, configs.length);
    const setting = typeof pc.setting === 'string' ? pc.setting : 'the Fig. 3 net';
    const layers = records(pc.perLayer);
    const labels = layers.map(layerLabel);
    const out: FigureSpec[] = [];
    out.push(
      ...heatmaps(
        record,
        `heatmaps${suffix}`,
        'Condensation in each layer of the six-layer net (Fig. 3)',
        `${HEATMAP_READING} One network (${setting}) at the paper's snapshot step of each layer, neurons in the leading-eigenvector order. The paper's run shows 3, 2, 1, 1, 1 lines in layers 1–5: at most p_l lines (2p_l orientations) in a layer whose activation has multiplicity p_l.`,
        records(pc.heatmapsNet0).map((h) => ({ title: layerLabel(h), detail: countOf(h.lines, 'line'), matrix: h.matrix })),
      ),
    );
    out.push(
      ...countHistogram(
        record,
        `lines${suffix}`,
        'Condensed lines per network in each layer of the six-layer net',
        `Networks (${setting}) counted by the number of condensed lines (orientations up to sign) in each layer at the paper's snapshot step. The theory: at most p_l lines in a layer of multiplicity p_l (dashed line).`,
        layers.map((l, i) => ({ label: `${labels[i]}, step ${num(l.step) ?? '?'}`, ...(num(l.p) !== undefined ? { bound: num(l.p) } : {}), histogram: l.linesHistogram })),
        'condensed lines',
        'p',
      ),
    );
    const steps = records(pc.linesVsStep).flatMap((s) => {
      const step = num(s.step);
      const lines = Array.isArray(s.meanLines) ? s.meanLines : [];
      return step === undefined ? [] : lines.flatMap((v, l) => (num(v) !== undefined ? [{ step, layer: labels[l] ?? `layer ${l + 1}`, lines: v as number }] : []));
    });
    if (steps.length > 0) {
      out.push(
        figure(record, `lines-vs-step${suffix}`, 'Condensed lines per layer during training (six-layer net)', `Mean number of condensed lines over the networks (${setting}) in each layer against the training step. Condensation shows as a fall from the layer's width to a few lines; the theory bounds the end of the initial stage at p_l lines.`, {
          width: 420,
          height: 280,
          data: { values: steps },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'step', type: 'quantitative', title: 'training step (Adam)' },
            y: { field: 'lines', type: 'quantitative', title: 'condensed lines (mean over networks)' },
            color: { field: 'layer', type: 'nominal', sort: labels, title: 'layer (activation, p)' },
            tooltip: [{ field: 'layer' }, { field: 'step' }, { field: 'lines', format: '.2f' }],
          },
        }),
      );
    }
    const scores = layers.flatMap((l, i) => (num(l.meanScore) !== undefined ? [{ layer: labels[i], score: num(l.meanScore), step: num(l.step), lines: num(l.meanLines) }] : []));
    const gap = num(pc.paperScoreGap);
    if (scores.length > 0) {
      out.push(
        figure(record, `scores${suffix}`, 'Condensation score per layer (six-layer net)', `Mean condensation score (the share of pairs of analysed neurons with |cosine| ≥ the threshold) per layer at its snapshot step (${setting}). The claim: the sigmoid layer (p = 1) is more condensed than the x²·tanh x layer (p = 3) of the same networks by at least 1/3${gap !== undefined ? ` (the paper's run: ${shortNumber(gap)})` : ''}.`, {
          width: 360,
          height: 240,
          data: { values: scores },
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'layer', type: 'nominal', sort: labels, axis: { labelAngle: -30, labelLimit: 200 }, title: null },
            y: { field: 'score', type: 'quantitative', scale: { domain: [0, 1] }, title: 'condensation score (mean)' },
            tooltip: [{ field: 'layer' }, { field: 'score', format: '.3f' }, { field: 'step' }, { field: 'lines', title: 'mean lines' }],
          },
        }),
      );
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Alignment, scores and multiplicities

/** ZZLZX2022.Alignment.p1: per configuration the mean |cos(u_j, z)| (the claim), |cos(u_j, z_c)| and a random direction's. */
function alignment(record: PropertyRecord): FigureSpec[] {
  const measures = ['|cos(u, z)|: asserted', '|cos(u, z_c)|: centred z', 'a random direction'];
  const rows = perConfig(record).flatMap((pc) => {
    const c = pc.config;
    const std = num(at(c, 'std'));
    const label = `d = ${num(at(c, 'd')) ?? '?'}, m = ${num(at(c, 'm')) ?? '?'}, std ${std !== undefined ? shortNumber(std) : '?'}`;
    const result = record.configs.find((r) => JSON.stringify(r.config) === JSON.stringify(c));
    const values: [string, number | undefined][] = [
      [measures[0], num(result?.estimate)],
      [measures[1], num(pc.meanAbsCosCentredZ)],
      [measures[2], num(pc.randomDirectionBaseline)],
    ];
    return values.flatMap(([measure, value]) => (value !== undefined ? [{ config: label, measure, value, prediction: num(result?.prediction) }] : []));
  });
  const threshold = rows.map((r) => r.prediction).find((p) => p !== undefined);
  const out: FigureSpec[] = [];
  if (rows.length > 0) {
    const x = { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: 'mean |cosine| over analysed neurons' };
    out.push(
      figure(
        record,
        'alignment',
        'Alignment of the input weights with z = Σ_i y_i (x_i, 1) at the end of the initial stage (p = 1)',
        'Per tested configuration (input dimension d, width m, init std; tanh, gradient descent, no read-out bias): the mean over networks of the mean |cos(u_j, z)| between the analysed neurons\' input weights and the data direction z (the claim), the same against the centred z_c = Σ_i (y_i − ȳ)(x_i, 1), and the expected value for a random direction. ' +
          `The theory: with tiny initialization every non-negligible input weight aligns with ±z${threshold !== undefined ? ` (the claim asserts ≥ ${shortNumber(threshold)}, solid line)` : ''}.`,
        {
          width: 420,
          height: Math.max(120, 40 * new Set(rows.map((r) => r.config)).size),
          layer: [
            { data: { values: rows }, mark: { type: 'point', filled: true, size: 80 }, encoding: { x, y: { field: 'config', type: 'nominal', title: null, axis: { labelLimit: 300 } }, color: { field: 'measure', type: 'nominal', scale: { domain: measures }, title: 'mean |cos| against' }, shape: { field: 'measure', type: 'nominal', scale: { domain: measures } }, tooltip: [{ field: 'config' }, { field: 'measure' }, { field: 'value', format: '.4f' }] } },
            ...(threshold !== undefined ? [{ data: { values: [{ value: threshold }] }, mark: { type: 'rule' }, encoding: { x } }] : []),
          ],
        },
      ),
    );
  }
  const full = records(at(record.figures?.alignmentByActivationAndOptimizer, 'rows')).flatMap((row) => {
    const label = `${activationName(row.activation)}, ${String(row.optimizer ?? '?')}, read-out ${String(row.readout ?? '?')}`;
    const fields: [string, string][] = [
      ['meanAbsCosZ', 'z'],
      ['meanAbsCosZc', 'z_c (centred)'],
      ['meanAbsCosSignZ', 'sign(z_c)'],
      ['meanAbsCosRawZ', 'z (raw)'],
    ];
    return fields.flatMap(([f, against]) => (num(row[f]) !== undefined ? [{ run: label, against, value: num(row[f]) }] : []));
  });
  if (full.length > 0) {
    out.push(
      figure(record, 'alignment-variants', 'Alignment beyond the claim: σ(0) ≠ 0, a trained read-out bias, and Adam', 'Mean |cos| between the analysed input weights and several data directions, for runs outside the asserted setting (measured, not asserted): sigmoid and softplus under gradient descent, tanh with a trained read-out bias, and the paper\'s Adam at var 0.005². 1 is perfect alignment.', {
        width: 420,
        height: Math.max(120, 40 * new Set(full.map((r) => r.run)).size),
        data: { values: full },
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          x: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: 'mean |cosine| over analysed neurons' },
          y: { field: 'run', type: 'nominal', title: null, axis: { labelLimit: 300 } },
          color: { field: 'against', type: 'nominal', title: 'direction' },
          tooltip: [{ field: 'run' }, { field: 'against' }, { field: 'value', format: '.4f' }],
        },
      }),
    );
  }
  return out;
}

/** The two arms of the small-initialization claim, in the order of `meanScoreSmall`, `meanScoreCommon`. */
const ARMS = ['small initialization', 'common initialization (variance 1/m)'];

/** ZZLZX2022.SmallInit.condensation-score: small vs common initialization per configuration; the score against γ; Fig. 2 heat maps. */
function smallInit(record: PropertyRecord): FigureSpec[] {
  const rows = perConfig(record).flatMap((pc) => {
    const gamma = num(at(pc, 'config', 'gamma'));
    const convention = at(pc, 'config', 'convention');
    const label = `γ = ${gamma !== undefined ? shortNumber(gamma) : '?'} (${convention === 'std-power' ? 'std = m^−γ' : convention === 'variance-power' ? 'variance = m^−γ' : String(convention ?? '?')})`;
    return [num(pc.meanScoreSmall), num(pc.meanScoreCommon)].flatMap((score, i) => (score !== undefined ? [{ config: label, arm: ARMS[i], score }] : []));
  });
  const out: FigureSpec[] = [];
  if (rows.length > 0) {
    out.push(
      figure(record, 'score-small-vs-common', 'Condensation score: small against common initialization (Fig. 2 setting)', 'Mean condensation score (share of pairs of analysed neurons with |cosine| ≥ the threshold) of 5-50-1 tanh networks on the Fig. 2 data, at the end of the small-initialization runs\' initial stage, for the small initialization of each tested configuration and for the common one (variance 1/m) at the same steps. The theory: small initialization condenses (score near 1), the common one does not (near 0).', {
        width: 360,
        height: 240,
        data: { values: rows },
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'config', type: 'nominal', title: 'small initialization', axis: { labelAngle: 0, labelLimit: 200 } },
          xOffset: { field: 'arm', type: 'nominal', sort: ARMS },
          y: { field: 'score', type: 'quantitative', scale: { domain: [0, 1] }, title: 'condensation score (mean)' },
          color: { field: 'arm', type: 'nominal', scale: { domain: ARMS, range: ['#4c78a8', '#bab0ac'] }, title: 'initialization' },
          tooltip: [{ field: 'config' }, { field: 'arm' }, { field: 'score', format: '.3f' }],
        },
      }),
    );
  }
  const gamma = (Array.isArray(record.figures?.scoreVsGamma) ? records(record.figures?.scoreVsGamma) : []).flatMap((g) => (num(g.gamma) !== undefined && num(g.meanScore) !== undefined ? [{ gamma: num(g.gamma), score: num(g.meanScore) }] : []));
  if (gamma.length > 0) {
    out.push(
      figure(record, 'score-vs-gamma', 'Condensation score against the initialization exponent γ (variance m^−γ)', 'Mean condensation score of 5-50-1 tanh networks on the Fig. 2 data at the end of the initial stage, initialized with variance m^−γ. The theory (phase diagram): γ = 1 is the common, non-condensed regime; condensation sets in for γ > 1.', {
        width: 360,
        height: 240,
        data: { values: gamma },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'gamma', type: 'quantitative', title: 'γ (variance = m^−γ)' },
          y: { field: 'score', type: 'quantitative', scale: { domain: [0, 1] }, title: 'condensation score (mean)' },
          tooltip: [{ field: 'gamma' }, { field: 'score', format: '.3f' }],
        },
      }),
    );
  }
  return [...out, ...fig2Heatmaps(record)];
}

/** ZZLZX2022.Multiplicity.computed: σ^(k)(0) per activation, the first non-zero k ≥ 1 being the multiplicity. */
function multiplicities(record: PropertyRecord): FigureSpec[] {
  const exact = record.figures?.exactDerivativesAtZero;
  const declared = record.figures?.declared;
  if (!isRecord(exact)) return [];
  const known = Object.keys(ACTIVATIONS);
  const rows = Object.entries(exact).flatMap(([a, ds]) => {
    const p = num(at(declared, a)) ?? multiplicity(a);
    const values = Array.isArray(ds) ? ds.map(num) : [];
    const first = values.findIndex((v, k) => k >= 1 && v !== undefined && v !== 0);
    const activation = `${activationName(a)}${p !== undefined ? ` (declared p = ${p})` : ''}`;
    const order = known.includes(a) ? known.indexOf(a) : known.length;
    return values.flatMap((v, k) => (v !== undefined ? [{ activation, order, k, value: v, text: shortNumber(v), kind: k === 0 ? 'σ(0) (not counted)' : v === 0 ? 'zero' : k === first ? 'first non-zero: the multiplicity' : 'non-zero' }] : []));
  });
  if (rows.length === 0) return [];
  const kinds = ['σ(0) (not counted)', 'zero', 'first non-zero: the multiplicity', 'non-zero'];
  const x = { field: 'k', type: 'ordinal', axis: { labelAngle: 0 }, title: 'derivative order k of σ^(k)(0)' };
  const y = { field: 'activation', type: 'nominal', sort: { field: 'order' }, title: null, axis: { labelLimit: 300 } };
  return [
    figure(record, 'derivatives', 'Derivatives of the activations at 0 and their multiplicity', 'Exact derivatives σ^(k)(0) of each activation (Definition 1: σ has multiplicity p when σ^(k)(0) = 0 for k = 1 … p − 1 and σ^(p)(0) ≠ 0). The highlighted cell of each row is its multiplicity; the claim checks that the multiplicity computed from the engine\'s σ equals the declared one.', {
      width: 420,
      height: 28 * new Set(rows.map((r) => r.activation)).size,
      data: { values: rows },
      layer: [
        { mark: { type: 'rect', stroke: 'white' }, encoding: { x, y, color: { field: 'kind', type: 'nominal', scale: { domain: kinds, range: ['#eeeeee', '#f7f7f7', '#f58518', '#9ecae9'] }, title: null } } },
        { mark: { type: 'text', fontSize: 10 }, encoding: { x, y, text: { field: 'text' } } },
      ],
    }),
  ];
}

/** A builder that returns [] instead of throwing on data it does not expect. */
const guarded =
  (...builders: FigureBuilder[]): FigureBuilder =>
  (record) =>
    builders.flatMap((build) => {
      try {
        return build(record);
      } catch {
        return [];
      }
    });

export const FIGURES: Record<string, FigureBuilder> = {
  'ZZLZX2022.Alignment.p1': guarded(alignment),
  'ZZLZX2022.MultiLayer.per-layer-multiplicity': guarded(multiLayer),
  'ZZLZX2022.Multiplicity.computed': guarded(multiplicities),
  'ZZLZX2022.Orientations.2p-attained': guarded(
    orientationHistograms('1-D input, Fig. 5/6 setting', 'The theory: at most 2p orientations (p opposite pairs); the claim asserts that exactly 2p, the maximum, is reached in a majority of runs (dark bars).'),
  ),
  'ZZLZX2022.Orientations.at-most-2p': guarded(
    orientationHistograms('1-D input, Fig. 5/6 setting', 'The theory: at most 2p condensed orientations, i.e. at most p lines of two opposite orientations (left of the dashed line); the claim asserts it in at least 90% of runs.'),
    orientationScatter,
    fig5Heatmaps,
  ),
  'ZZLZX2022.Orientations.monotone-in-p': guarded(monotoneInP),
  'ZZLZX2022.Orientations.p1-input-d5': guarded(
    orientationHistograms('input dimension 5, Fig. 2 setting', 'The theory for p = 1 at any input dimension: the input weights align with ±z, i.e. at most two (opposite) orientations (left of the dashed line); the claim asserts it in at least 90% of runs.'),
    d5Heatmaps,
  ),
  'ZZLZX2022.SmallInit.condensation-score': guarded(smallInit),
};
