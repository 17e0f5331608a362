/**
 * Paper figures of Hanin & Rolnick 2019 ("Deep ReLU networks have surprisingly few activation
 * patterns", NeurIPS, and the ICML companion "Complexity of linear regions in deep networks"), by claim
 * id (see types.ts): region partitions of 2-D slices drawn as polygons, region counts against depth,
 * #neurons and training, and measured counts against the bounds. Each builder reads its claim's
 * `figures` data (documented in the claim's property file) and the record's per-configuration results;
 * a missing or malformed field drops the figure (or the row), never throws.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ConfigResult, PropertyRecord } from '../schema';
import { finite, isRecord, records, scaleOver, shortNumber, valueRange, type Row } from './chart';
import type { FigureBuilder, FigureSpec } from './types';

/** A finite number, else undefined (so that `??` and optional fields apply). */
const num = (x: unknown): number | undefined => finite(x) ?? undefined;
/** The value at `path` in nested objects, else undefined. */
const at = (x: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (isRecord(o) ? o[k] : undefined), x);
/** The per-configuration figure data (`figures.perConfig`), in the order of the record's configurations. */
const perConfig = (r: PropertyRecord): Row[] => records(r.figures?.perConfig);

/** A log scale over the positive values, padded (vega's nice domain would round out to whole decades). */
function logScale(values: number[]): Row {
  const range = valueRange(values, true);
  return range ? scaleOver(range, true) : { type: 'log' };
}

/** An integer axis showing exactly the design points (depths, …). */
const integerAxis = (values: number[]): Row => ({ values: [...new Set(values)].sort((a, b) => a - b), format: 'd' });

/** A figure of `record` with id `<claim id>.<slug>`; its spec is plain JSON built here (the tests compile and draw every one). */
function figure(record: PropertyRecord, slug: string, title: string, caption: string, spec: Row): FigureSpec {
  return { id: `${record.claimId}.${slug}`, title, caption, spec: spec as unknown as TopLevelSpec };
}

/** The record's test result for a configuration (matched by its JSON), for the test's interval. */
function resultFor(record: PropertyRecord, config: unknown): ConfigResult | undefined {
  const key = JSON.stringify(config);
  return record.configs.find((c) => JSON.stringify(c.config) === key);
}

/** The test's interval ends, a missing (one-sided, infinite) end replaced by the estimate. */
function intervalEnds(result: ConfigResult | undefined): { lo: number; hi: number } | undefined {
  if (!result || num(result.estimate) === undefined) return undefined;
  return { lo: num(result.interval?.lower) ?? result.estimate, hi: num(result.interval?.upper) ?? result.estimate };
}

// ---------------------------------------------------------------------------------------------
// Region partitions

/** Regions whose drawn area is below this (px²) are left out: invisible, and they would only grow the SVG. */
const MIN_DRAWN_AREA = 0.1;

type Ring = [number, number][];
type Box = [number, number, number, number];

/** A deterministic scramble of a region's index into one of 20 colours (neighbours rarely share one). */
function shade(i: number): number {
  let h = Math.imul(i ^ (i >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return ((h ^ (h >>> 16)) >>> 0) % 20;
}

/** Flat (x, y) vertex lists as rings; malformed ones become empty rings (their index, hence colour, is kept). */
const rings = (polygons: unknown): Ring[] =>
  (Array.isArray(polygons) ? polygons : []).map((xy: unknown) =>
    Array.isArray(xy) && xy.length >= 6 && xy.length % 2 === 0 && xy.every((v) => num(v) !== undefined) ? Array.from({ length: xy.length / 2 }, (_, k): [number, number] => [xy[2 * k], xy[2 * k + 1]]) : [],
  );

/** A convex polygon clipped to an axis-aligned box (Sutherland–Hodgman, one box side at a time). */
function clip(ring: Ring, [x0, y0, x1, y1]: Box): Ring {
  const sides: [number, number, (p: [number, number]) => number][] = [
    [0, x0, (p) => p[0] - x0],
    [0, x1, (p) => x1 - p[0]],
    [1, y0, (p) => p[1] - y0],
    [1, y1, (p) => y1 - p[1]],
  ];
  return sides.reduce<Ring>((poly, [axis, value, inside]) => {
    const out: Ring = [];
    poly.forEach((p, k) => {
      const q = poly[(k + 1) % poly.length];
      const [a, b] = [inside(p), inside(q)];
      if (a >= 0) out.push(p);
      if ((a >= 0) !== (b >= 0)) {
        const t = a / (a - b);
        const cut: [number, number] = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
        cut[axis] = value;
        out.push(cut);
      }
    });
    return out;
  }, ring);
}

/** The area of a polygon (shoelace formula). */
const area = (ring: Ring): number => Math.abs(ring.reduce((s, [x, y], k) => s + x * ring[(k + 1) % ring.length][1] - ring[(k + 1) % ring.length][0] * y, 0)) / 2;

/**
 * One panel of a partition, `width` px wide: the regions as GeoJSON polygons filled with arbitrary
 * colours, the plane's x to the right and y up, clipped to `view` when given (else the regions' bounding
 * box). Vertices are rounded to the decimals that keep them within ¼ px; regions drawn smaller than
 * MIN_DRAWN_AREA are left out. undefined when nothing is left to draw.
 */
function partitionPanel(polygons: unknown, width: number, title: string, view?: Box): Row | undefined {
  const all = rings(polygons).map((r) => (view && r.length ? clip(r, view) : r));
  const box: Box = view ?? [Infinity, Infinity, -Infinity, -Infinity];
  if (!view) for (const [x, y] of all.flat()) [box[0], box[1], box[2], box[3]] = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  const [x0, y0, x1, y1] = box;
  if (!(x1 > x0 && y1 > y0)) return undefined;
  const height = Math.round(Math.min(1.5 * width, (width * (y1 - y0)) / (x1 - x0)));
  const k = Math.min(width / (x1 - x0), height / (y1 - y0));
  const f = 10 ** Math.max(0, Math.ceil(Math.log10(4 * k)));
  const rows = all.flatMap((ring, i) => {
    if (ring.length < 3 || area(ring) * k * k < MIN_DRAWN_AREA) return [];
    const drawn = ring.map(([x, y]): [number, number] => [Math.round(x * f) / f, Math.round(y * f) / f]);
    return [{ region: i + 1, shade: shade(i), geometry: { type: 'Polygon', coordinates: [[...drawn, drawn[0]]] } }];
  });
  if (rows.length === 0) return undefined;
  return {
    title: { text: title, fontSize: 11 },
    width,
    height,
    data: { values: rows },
    // Identity projection with an explicit scale: the plane's own coordinates, not a map.
    projection: { type: 'identity', reflectY: true, scale: k, translate: [width / 2 - (k * (x0 + x1)) / 2, height / 2 + (k * (y0 + y1)) / 2] },
    mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.15, aria: false },
    encoding: { shape: { field: 'geometry', type: 'geojson' }, color: { field: 'shade', type: 'nominal', scale: { scheme: 'tableau20' }, legend: null } },
  };
}

/** The smallest 1, 2 or 5 × 10^k at least x. */
const niceCeil = (x: number): number => {
  const e = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * e).find((v) => v >= x)!;
};

/**
 * A square around the origin holding most regions, when they crowd there (small biases: the first
 * layer's boundaries pass within ~s_b of the origin): half-side twice the median distance (max norm)
 * of the regions' vertex means from the origin, rounded up to 1, 2 or 5 × 10^k; undefined unless it
 * is at most a fifth of the domain's half-side.
 */
function crowdedOrigin(polygons: unknown, halfSide: number): Box | undefined {
  const d = rings(polygons)
    .filter((r) => r.length > 0)
    .map((r) => Math.max(Math.abs(r.reduce((s, p) => s + p[0], 0) / r.length), Math.abs(r.reduce((s, p) => s + p[1], 0) / r.length)))
    .sort((a, b) => a - b);
  if (d.length === 0 || !(d[d.length >> 1] > 0)) return undefined;
  const h = niceCeil(2 * d[d.length >> 1]);
  return h <= halfSide / 5 ? [-h, -h, h, h] : undefined;
}

/**
 * HR2019.Plane.neurons-squared: one depth-3, width-32 network's partition of the square, and a zoom
 * where its regions crowd (a figure of its own: vega-lite merges sibling views' identity projections
 * whatever their scales).
 */
function neuronsSquaredPartition(record: PropertyRecord): FigureSpec[] {
  const d = record.figures?.partitionDepth3Width32;
  const polygons = at(d, 'polygons');
  const h = num(at(d, 'square', 'halfSide'));
  const c = at(d, 'square', 'center');
  const centre: [number, number] | undefined = Array.isArray(c) && num(c[0]) !== undefined && num(c[1]) !== undefined ? [c[0], c[1]] : undefined;
  const square: Box | undefined = h !== undefined && centre ? [centre[0] - h, centre[1] - h, centre[0] + h, centre[1] + h] : undefined;
  const side = (b: Box) => `[${shortNumber(b[0])}, ${shortNumber(b[2])}] × [${shortNumber(b[1])}, ${shortNumber(b[3])}]`;
  const whole = partitionPanel(polygons, 420, square ? `the square ${side(square)}` : 'the square', square);
  if (!whole) return [];
  const holdsOrigin = square !== undefined && square[0] < 0 && square[2] > 0 && square[1] < 0 && square[3] > 0;
  const zoomBox = holdsOrigin && h !== undefined ? crowdedOrigin(polygons, h) : undefined;
  const zoom = zoomBox && partitionPanel(polygons, 420, `zoom: ${side(zoomBox)}`, zoomBox);
  const regions = num(at(d, 'regions'));
  const domainArea = num(at(d, 'area'));
  const t1 = num(at(d, 'heuristicT1PerUnitArea'));
  const tHat = num(at(d, 'fittedT'));
  const sb = num(at(d, 'biasStd'));
  const net = `One network at initialization (${String(at(d, 'init') ?? 'He Gaussian')} weights${sb !== undefined ? `, bias std s_b = ${shortNumber(sb)}` : ''}), N = 96 neurons, cut into ${regions ?? 'its'} activation regions; each region is one activation pattern, filled with an arbitrary colour (colours repeat; regions smaller than a tenth of a pixel are not drawn). `;
  const theory =
    `The theorem bounds the expected count per unit area by (T·N)²/2, independent of depth; the experiments' normalization T = 1 gives ${shortNumber(t1 ?? 4608)} per unit area` +
    `${t1 !== undefined && domainArea !== undefined ? ` (${shortNumber(t1 * domainArea)} in this square)` : ''}${tHat !== undefined ? `; this network's count corresponds to T̂ = ${shortNumber(tHat)}` : ''}.`;
  return [
    figure(record, 'partition', 'Activation regions of a depth-3, width-32 ReLU network in a square of its 2-D input space', net + theory, whole),
    ...(zoom && zoomBox
      ? [
          figure(
            record,
            'partition-zoom',
            'Activation regions of the same network near the origin',
            `${net}Zoom into ${side(zoomBox)} around the origin, where most of the regions are: with small biases the network is nearly positively homogeneous, so away from the origin its regions are nearly wedges, and the boundaries cross within a few s_b of the origin. ${theory}`,
            zoom,
          ),
        ]
      : []),
  ];
}

/** HR2019.Plane.depth-independent: one network per depth at the same N in the same 2-D slice. */
function partitionsByDepth(record: PropertyRecord): FigureSpec[] {
  const d = record.figures?.partitionsByDepth;
  const rows = records(at(d, 'rows')).filter((row) => num(row.depth) !== undefined);
  // One view box for every panel: vega-lite merges the panels' projections into one.
  const vertices = rows.flatMap((row) => rings(row.polygons).flat());
  const box: Box = [Math.min(...vertices.map((v) => v[0])), Math.min(...vertices.map((v) => v[1])), Math.max(...vertices.map((v) => v[0])), Math.max(...vertices.map((v) => v[1]))];
  const panels = rows.flatMap((row) => {
    const panel = partitionPanel(row.polygons, 220, `depth ${num(row.depth)}, width ${shortNumber(num(row.width) ?? 0)}: ${num(row.regions) ?? '?'} regions`, box);
    return panel ? [panel] : [];
  });
  if (panels.length === 0) return [];
  const n = num(at(d, 'neurons'));
  const sb = num(at(d, 'biasStd'));
  const dim = num(at(d, 'inputDim'));
  return [
    figure(
      record,
      'partitions-by-depth',
      'Activation regions of networks of different depths with the same number of neurons, in one 2-D cross-section',
      `Each panel is one network at initialization (${String(at(d, 'init') ?? 'He Gaussian')} weights${sb !== undefined ? `, s_b = ${shortNumber(sb)}` : ''}) with ${n !== undefined ? `N = ${n}` : 'the same number of'} neurons split evenly over its hidden layers, ` +
        `cut into activation regions in the triangle through three data-like points of a ${dim !== undefined ? `${dim}-D` : 'high-dimensional'} input space (drawn in an orthonormal frame of that plane; colours are arbitrary). ` +
        'The theory predicts that the expected count does not grow with depth at a fixed N (about (T·N)²/2 per unit area at any depth); single networks scatter around that mean.',
      // One row ('flush': the geoshapes' bounds would otherwise widen the gaps).
      { hconcat: panels, bounds: 'flush', spacing: 16 },
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Counts against depth, #neurons and training

/** HR2019.Plane.neurons-squared: regions per unit area against N, one line per configuration, with N²/2 (T = 1). */
function regionsVsNeurons(record: PropertyRecord): FigureSpec[] {
  const rows = perConfig(record).flatMap((pc) => {
    const h = num(at(pc, 'config', 'square', 'halfSide'));
    const depth = num(at(pc, 'config', 'depth'));
    const sb = num(at(pc, 'config', 'biasStd'));
    if (h === undefined) return [];
    const series = `depth ${depth ?? '?'}, s_b = ${sb !== undefined ? shortNumber(sb) : '?'}`;
    return records(pc.fittedT).flatMap((f) => {
      const N = num(f.neurons);
      const mean = num(f.meanRegions);
      return N !== undefined && mean !== undefined && mean > 0 ? [{ series, neurons: N, perArea: mean / (2 * h) ** 2, fittedT: num(f.fittedT) }] : [];
    });
  });
  if (rows.length === 0) return [];
  const ns = rows.map((r) => r.neurons);
  const ref = [Math.min(...ns), Math.max(...ns)].map((N) => ({ neurons: N, perArea: (N * N) / 2 }));
  const x = { field: 'neurons', type: 'quantitative', scale: logScale(ns), title: 'number of neurons N' };
  const y = { field: 'perArea', type: 'quantitative', scale: logScale([...rows.map((r) => r.perArea), ...ref.map((r) => r.perArea)]), title: 'regions per unit area (mean over networks)' };
  return [
    figure(
      record,
      'regions-vs-neurons',
      'Regions per unit area against the number of neurons, at fixed depth',
      'Mean number of activation regions per unit area of a square of a 2-D input space, for widths w, 2w, 4w at fixed depth (one line per generated configuration; log–log axes). ' +
        'The theorem predicts growth like N² (slope 2, parallel to the dashed line) whatever the depth, below (T·N)²/2 per unit area; the dashed line is N²/2, the experiments\' normalization T = 1.',
      {
        width: 420,
        height: 300,
        layer: [
          { data: { values: rows }, mark: { type: 'line', point: true }, encoding: { x, y, color: { field: 'series', type: 'nominal', title: 'configuration' }, tooltip: [{ field: 'series' }, { field: 'neurons' }, { field: 'perArea', format: '.4g' }, { field: 'fittedT', title: 'T̂', format: '.3f' }] } },
          { data: { values: ref }, mark: { type: 'line', strokeDash: [6, 4] }, encoding: { x, y, color: { datum: 'N²/2 (T = 1)' } } },
        ],
      },
    ),
  ];
}

/** HR2019.Plane.depth-independent: mean regions in the slice against depth, one line per bias scale. */
function regionsVsDepth(record: PropertyRecord): FigureSpec[] {
  const d = record.figures?.depthSlopeVsBias;
  const rows = records(at(d, 'rows')).flatMap((row) => {
    const sb = num(row.biasStd);
    const slope = num(row.slopePerLayer);
    const se = num(row.se);
    if (sb === undefined) return [];
    const series = `s_b = ${shortNumber(sb)}${slope !== undefined ? ` (slope ${slope.toFixed(2)}${se !== undefined ? ` ± ${se.toFixed(2)}` : ''})` : ''}`;
    return records(row.meanRegionsByDepth).flatMap((g) => {
      const depth = num(g.depth);
      const mean = num(g.mean);
      return depth !== undefined && mean !== undefined && mean > 0 ? [{ series, biasStd: sb, depth, mean, n: num(g.n) }] : [];
    });
  });
  if (rows.length === 0) return [];
  const n = num(at(d, 'neurons'));
  const dim = num(at(d, 'slice', 'inputDim'));
  return [
    figure(
      record,
      'regions-vs-depth',
      'Regions in a 2-D cross-section against depth, at a fixed number of neurons',
      `Mean number of activation regions in the triangle through three data-like points of a ${dim !== undefined ? `${dim}-D` : 'high-dimensional'} input space, ${n !== undefined ? `N = ${n} neurons` : 'a fixed number of neurons'} split evenly over 1–4 hidden layers, one line per bias scale s_b (legend: the fitted slope of log E[#regions] per layer ± its standard error). ` +
        'The theory predicts no growth with depth (the claim asserts a slope ≤ 0.1 per layer); an exponential growth in depth would rise by a factor 2 per layer.',
      {
        width: 420,
        height: 300,
        data: { values: rows },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'depth', type: 'quantitative', axis: integerAxis(rows.map((r) => r.depth)), title: 'depth (hidden layers)' },
          y: { field: 'mean', type: 'quantitative', scale: logScale(rows.map((r) => r.mean)), title: 'regions in the cross-section (mean)' },
          color: { field: 'series', type: 'nominal', sort: { field: 'biasStd' }, title: 'bias std (depth slope per layer)' },
          tooltip: [{ field: 'series' }, { field: 'depth' }, { field: 'mean', format: '.1f' }, { field: 'n', title: 'networks' }],
        },
      },
    ),
  ];
}

/** HR2019.Lines.depth-independent: breakpoints per unit length per neuron against depth, one line per width. */
function perLengthPerNeuron(record: PropertyRecord): FigureSpec[] {
  const d = record.figures?.regionsPerLengthPerNeuronVsDepth;
  const rows = records(at(d, 'rows')).flatMap((row) => {
    const [width, depth, y, se] = [num(row.width), num(row.depth), num(row.perLengthPerNeuron), num(row.se)];
    return width !== undefined && depth !== undefined && y !== undefined ? [{ width: `width ${width}`, w: width, depth, y, lo: y - 1.96 * (se ?? 0), hi: y + 1.96 * (se ?? 0), n: num(row.n) }] : [];
  });
  if (rows.length === 0) return [];
  const dim = num(at(d, 'inputDim'));
  const sb = num(at(d, 'biasStd'));
  const x = { field: 'depth', type: 'quantitative', axis: integerAxis(rows.map((r) => r.depth)), title: 'depth (hidden layers)' };
  const color = { field: 'width', type: 'nominal', sort: { field: 'w' }, title: 'layer width' };
  return [
    figure(
      record,
      'per-length-per-neuron',
      'Regions along a line, per unit length and per neuron, against depth',
      `Mean number of breakpoints (region boundaries crossed) on the segment between two data-like points of a ${dim !== undefined ? `${dim}-D` : 'high-dimensional'} input space, divided by the segment's length and by the number of neurons N = width × depth, for networks at initialization (${String(at(d, 'init') ?? 'He Gaussian')}${sb !== undefined ? `, s_b = ${shortNumber(sb)}` : ''}); bars are 95% intervals. ` +
        'The ICML theorem bounds the count per unit length by C_grad·C_bias·N, with no depth in it: the curves should be flat in depth (and close across widths), not grow exponentially.',
      {
        width: 420,
        height: 300,
        data: { values: rows },
        layer: [
          { mark: { type: 'line', point: true }, encoding: { x, y: { field: 'y', type: 'quantitative', scale: { zero: false }, title: 'breakpoints per unit length per neuron' }, color, tooltip: [{ field: 'width' }, { field: 'depth' }, { field: 'y', title: 'per length per neuron', format: '.4f' }, { field: 'n', title: 'networks' }] } },
          { mark: { type: 'rule' }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color } },
        ],
      },
    ),
  ];
}

interface TrainingPoint {
  moment: string;
  step: number;
  regions: number;
  loss?: number;
}

/** HR2019.Training.*: a group's mean count at initialization and at memorization, at the (mean) step it was taken. */
function trainingPoints(group: Row): TrainingPoint[] {
  return (['init', 'memorized'] as const).flatMap((moment) => {
    const s = group[moment];
    const regions = num(at(s, 'meanRegions'));
    const step = num(at(s, 'meanStep'));
    return regions !== undefined && step !== undefined ? [{ moment: moment === 'init' ? 'at initialization' : 'at memorization', step, regions, loss: num(at(s, 'meanLoss')) }] : [];
  });
}

/** "neurons = 72, points = 8, s_b = 0.0248": the configuration's fields `keys` that are numbers. */
const configLabel = (c: unknown, keys: string[]): string =>
  keys.flatMap((k) => (num(at(c, k)) !== undefined ? [`${k === 'biasStd' ? 's_b' : k} = ${shortNumber(num(at(c, k))!)}`] : [])).join(', ');

/** Suffix of the k-th of `count` per-configuration figures (none when there is one). */
const nth = (k: number, count: number): string => (count > 1 ? `-c${k + 1}` : '');

/** HR2019.Training.depth-independent: regions at initialization and at memorization against the step, per depth; and the loss. */
function trainingDepth(record: PropertyRecord): FigureSpec[] {
  const configs = perConfig(record).filter((pc) => records(pc.regionsAtMemorization).length > 0);
  return configs.flatMap((pc, k) => {
    const groups = records(pc.regionsAtMemorization);
    const label = configLabel(pc.config, ['neurons', 'points', 'biasStd']);
    const counts = groups.flatMap((g) => (num(g.depth) !== undefined ? trainingPoints(g).map((p) => ({ ...p, series: `depth ${num(g.depth)}, width ${shortNumber(num(g.width) ?? 0)}` })) : []));
    const bound = groups.map((g) => num(g.bound)).find((b) => b !== undefined);
    const losses = groups.flatMap((g) =>
      records(g.trajectory).flatMap((t) => {
        const [step, loss] = [num(t.step), num(t.meanLoss)];
        return num(g.depth) !== undefined && step !== undefined && loss !== undefined && loss > 0 ? [{ series: `depth ${num(g.depth)}`, step, loss, memorized: num(t.memorized) }] : [];
      }),
    );
    const P = num(at(pc.config, 'points'));
    const out: FigureSpec[] = [];
    if (counts.length > 0) {
      const x = { field: 'step', type: 'quantitative', title: 'training step (mean step at memorization)' };
      const y = { field: 'regions', type: 'quantitative', title: 'regions in [−1, 1]² (mean over networks)' };
      out.push(
        figure(
          record,
          `regions-during-training${nth(k, configs.length)}`,
          'Regions in the input square at initialization and at memorization, per depth',
          `Networks with the same number of neurons (${label}) at several depths, trained with Adam until they memorize random ±1 labels; the mean number of activation regions in [−1, 1]² at initialization (step 0) and at each network's memorization step (plotted at the mean step). ` +
            `The theory: the count stays of the order of the depth-independent bound N²/2·area${bound !== undefined ? ` (T = 1: ${shortNumber(bound)}, dashed)` : ''} during training too, and does not grow with depth.`,
          {
            width: 420,
            height: 300,
            layer: [
              { data: { values: counts }, mark: { type: 'line', point: true }, encoding: { x, y: { ...y, scale: { zero: true } }, color: { field: 'series', type: 'nominal', title: 'architecture' }, tooltip: [{ field: 'series' }, { field: 'moment' }, { field: 'step', format: '.0f' }, { field: 'regions', format: '.0f' }, { field: 'loss', title: 'mean loss', format: '.3f' }] } },
              ...(bound !== undefined ? [{ data: { values: [{ regions: bound }] }, mark: { type: 'rule', strokeDash: [6, 4] }, encoding: { y, color: { datum: 'bound N²/2·area (T = 1)' } } }] : []),
            ],
          },
        ),
      );
    }
    if (losses.length > 0) {
      const y = { field: 'loss', type: 'quantitative', scale: logScale([...losses.map((r) => r.loss), ...(P !== undefined && P > 0 ? [1 / P] : [])]), title: 'training MSE (mean over networks still training)' };
      out.push(
        figure(
          record,
          `memorization-loss${nth(k, configs.length)}`,
          'Training loss during memorization, per depth',
          `Mean training MSE against the step for the networks of the regions figure (${label}); a network stops at the first checkpoint with MSE < 1/P, where it has memorized every label. ` +
            'This shows that the counts "at memorization" are taken on networks that fit their random labels.',
          {
            width: 420,
            height: 260,
            layer: [
              { data: { values: losses }, mark: { type: 'line' }, encoding: { x: { field: 'step', type: 'quantitative', title: 'training step' }, y, color: { field: 'series', type: 'nominal', title: 'depth' }, tooltip: [{ field: 'series' }, { field: 'step' }, { field: 'loss', format: '.3g' }, { field: 'memorized', title: 'networks memorized' }] } },
              ...(P !== undefined && P > 0 ? [{ data: { values: [{ loss: 1 / P }] }, mark: { type: 'rule', strokeDash: [6, 4] }, encoding: { y, color: { datum: `memorized: MSE < 1/P = ${shortNumber(1 / P)}` } } }] : []),
            ],
          },
        ),
      );
    }
    return out;
  });
}

/** HR2019.Training.neurons-squared: regions at initialization and at memorization against N, with N²/2·area. */
function trainingNeurons(record: PropertyRecord): FigureSpec[] {
  const configs = perConfig(record).filter((pc) => records(pc.byNeurons).length > 0);
  return configs.flatMap((pc, k) => {
    const groups = records(pc.byNeurons).filter((g) => num(g.neurons) !== undefined);
    const rows = groups.flatMap((g) => trainingPoints(g).map((p) => ({ ...p, neurons: num(g.neurons) })));
    if (rows.length === 0) return [];
    const ref = groups.flatMap((g) => (num(g.bound) !== undefined ? [{ neurons: num(g.neurons), regions: num(g.bound) }] : []));
    const x = { field: 'neurons', type: 'quantitative', scale: logScale(rows.map((r) => r.neurons!)), title: 'number of neurons N' };
    const y = { field: 'regions', type: 'quantitative', scale: logScale([...rows.map((r) => r.regions), ...ref.map((r) => r.regions!)]), title: 'regions in [−1, 1]² (mean over networks)' };
    return [
      figure(
        record,
        `regions-vs-neurons${nth(k, configs.length)}`,
        'Regions in the input square against the number of neurons, at initialization and at memorization',
        `Networks of fixed depth and growing width (${configLabel(pc.config, ['depth', 'points', 'biasStd'])}), trained with Adam until they memorize random ±1 labels: mean number of activation regions in [−1, 1]² at initialization and at memorization (log–log axes). ` +
          'The theory predicts growth like N² (slope 2) both at initialization and during training, below the bound N²/2·area of the experiments\' normalization T = 1 (dashed).',
        {
          width: 420,
          height: 300,
          layer: [
            { data: { values: rows }, mark: { type: 'line', point: true }, encoding: { x, y, color: { field: 'moment', type: 'nominal', title: null }, tooltip: [{ field: 'moment' }, { field: 'neurons' }, { field: 'regions', format: '.0f' }, { field: 'step', title: 'mean step', format: '.0f' }] } },
            ...(ref.length > 1 ? [{ data: { values: ref }, mark: { type: 'line', strokeDash: [6, 4] }, encoding: { x, y, color: { datum: 'N²/2·area (T = 1)' } } }] : []),
          ],
        },
      ),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Measured against the bounds and the exact laws

/**
 * HR2019.Lines.bound, HR2019.Plane.bound: per configuration the mean count ÷ the bound (the bound is 1)
 * against s_b, with the test's interval (one-sided: from its lower end up to the estimate).
 */
function tightness(kind: 'lines' | 'plane'): FigureBuilder {
  return (record) => {
    const rows = perConfig(record).flatMap((pc) => {
      const [bound, mean, sb] = [num(pc.bound), num(kind === 'lines' ? pc.meanBreakpoints : pc.meanRegions), num(at(pc, 'config', 'biasStd'))];
      if (bound === undefined || bound <= 0 || mean === undefined || mean <= 0 || sb === undefined) return [];
      const ends = intervalEnds(resultFor(record, pc.config));
      const domain = kind === 'lines' ? `n_in = ${num(at(pc, 'config', 'inputDim')) ?? '?'}` : at(pc, 'config', 'domain', 'kind') === 'triangle' ? `${num(at(pc, 'config', 'domain', 'slice', 'inputDim')) ?? 'n'}-D slice (triangle)` : '2-D input (square)';
      return [{ biasStd: sb, tightness: mean / bound, lo: Math.max((ends?.lo ?? mean) / bound, 1e-9), hi: (ends?.hi ?? mean) / bound, depth: num(pc.depth), neurons: num(pc.neurons), mean, bound, domain, fittedT: num(pc.fittedT) }];
    });
    if (rows.length === 0) return [];
    const x = { field: 'biasStd', type: 'quantitative', scale: logScale(rows.map((r) => r.biasStd)), title: 'bias standard deviation s_b' };
    const scale = logScale([...rows.flatMap((r) => [r.lo, r.hi]), 1]);
    const y = { field: 'tightness', type: 'quantitative', scale, title: kind === 'lines' ? 'mean breakpoints ÷ bound' : 'mean regions ÷ bound' };
    const color = { field: 'depth', type: 'ordinal', scale: { scheme: 'tableau10' }, title: 'depth' };
    const what =
      kind === 'lines'
        ? 'Mean number of breakpoints on a segment divided by the ICML bound T·√(2/n_in)·N/(s_b√(2π)) (He initialization), one point per generated configuration'
        : 'Mean number of regions in a 2-D slice divided by the bound area·N²/2 (Theorem 5 with the experiments\' T = 1), one point per generated configuration';
    return [
      figure(
        record,
        'measured-vs-bound',
        kind === 'lines' ? 'Breakpoints on a segment against the depth-independent bound' : 'Regions in a 2-D slice against the depth-independent bound',
        `${what}, against the bias scale s_b (log axes); bars reach down to the lower end of the test's one-sided interval. ` +
          'The bound holds when every point lies below 1 (the solid line); it has no depth in it. ' +
          (kind === 'lines'
            ? 'It is loose at small s_b: it grows like 1/s_b (through C_bias), while a one-layer count grows only like log(1/s_b).'
            : 'With T = 1 it has no s_b either; the counts are of the order area·N² with a constant below T = 1 (T̂ in the tooltip).'),
        {
          width: 420,
          height: 300,
          layer: [
            { data: { values: rows }, mark: { type: 'rule' }, encoding: { x, y: { field: 'lo', type: 'quantitative', scale }, y2: { field: 'hi' }, color } },
            {
              data: { values: rows },
              mark: { type: 'point', filled: true, size: 60 },
              encoding: {
                x,
                y,
                color,
                shape: { field: 'domain', type: 'nominal', title: kind === 'lines' ? 'input dimension' : 'domain' },
                tooltip: [{ field: 'depth' }, { field: 'neurons' }, { field: 'biasStd', title: 's_b', format: '.3g' }, { field: 'mean', format: '.4g' }, { field: 'bound', format: '.4g' }, { field: 'tightness', format: '.3g' }, ...(kind === 'plane' ? [{ field: 'fittedT', title: 'T̂', format: '.3f' }] : [])],
              },
            },
            { data: { values: [{ tightness: 1, label: 'the bound' }] }, layer: [{ mark: { type: 'rule' }, encoding: { y } }, { mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3 }, encoding: { y, x: { value: 416 }, text: { field: 'label' } } }] },
          ],
        },
      ),
    ];
  };
}

/** HR2019.Plane.one-layer: the mean count against the exact one-layer law 1 + N·p₁ + C(N, 2)·p₂, with the test's interval. */
function oneLayerLaw(record: PropertyRecord): FigureSpec[] {
  const rows = perConfig(record).flatMap((pc) => {
    const [law, mean] = [num(pc.law), num(pc.meanRegions)];
    if (law === undefined || law <= 0 || mean === undefined || mean <= 0) return [];
    const ends = intervalEnds(resultFor(record, pc.config));
    return [{ law, mean, lo: ends?.lo ?? mean, hi: ends?.hi ?? mean, neurons: num(at(pc, 'config', 'neurons')), biasStd: num(at(pc, 'config', 'biasStd')), n: num(pc.n) }];
  });
  if (rows.length === 0) return [];
  const laws = rows.map((r) => r.law);
  const diagonal = [Math.min(...laws), Math.max(...laws)].map((v) => ({ law: v, mean: v }));
  const scale = logScale([...laws, ...rows.flatMap((r) => [r.lo, r.hi])]);
  const x = { field: 'law', type: 'quantitative', scale, title: 'exact one-layer law E[#regions] = 1 + N·p₁ + C(N, 2)·p₂' };
  const y = { field: 'mean', type: 'quantitative', scale, title: 'measured mean #regions' };
  return [
    figure(
      record,
      'measured-vs-law',
      'Regions of a one-layer network in a square: measured against the exact law',
      'One point per generated configuration (N neurons, bias scale s_b, a square of a 2-D input space): the mean count over networks against the exact expectation 1 + N·p₁ + C(N, 2)·p₂ (p₁: a neuron\'s line crosses the square; p₂: two lines meet inside it), with the test\'s interval as a bar. ' +
        'The law is exact: the points should lie on the diagonal.',
      {
        width: 360,
        height: 300,
        layer: [
          { data: { values: diagonal }, mark: { type: 'line', strokeDash: [6, 4], color: 'gray' }, encoding: { x, y } },
          { data: { values: rows }, mark: { type: 'rule' }, encoding: { x, y: { field: 'lo', type: 'quantitative', scale }, y2: { field: 'hi' } } },
          { data: { values: rows }, mark: { type: 'point', filled: true, size: 60 }, encoding: { x, y, color: { field: 'neurons', type: 'quantitative', title: 'neurons N' }, tooltip: [{ field: 'neurons' }, { field: 'biasStd', title: 's_b', format: '.3g' }, { field: 'law', format: '.2f' }, { field: 'mean', format: '.2f' }, { field: 'n', title: 'networks' }] } },
        ],
      },
    ),
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
  'HR2019.Lines.bound': guarded(tightness('lines')),
  'HR2019.Lines.depth-independent': guarded(perLengthPerNeuron),
  'HR2019.Plane.bound': guarded(tightness('plane')),
  'HR2019.Plane.depth-independent': guarded(regionsVsDepth, partitionsByDepth),
  'HR2019.Plane.neurons-squared': guarded(neuronsSquaredPartition, regionsVsNeurons),
  'HR2019.Plane.one-layer': guarded(oneLayerLaw),
  'HR2019.Training.depth-independent': guarded(trainingDepth),
  'HR2019.Training.neurons-squared': guarded(trainingNeurons),
};
