/**
 * Neuron states of a ReLU network at initialization (float64, on the hidden layers of a PwlNet64):
 * the quantities of Shin & Karniadakis (2020) and Lu, Shin, Su & Karniadakis (2020).
 *
 * Definitions as implemented (the papers' own wording could not be read in full; docs/claims.md §1.1):
 * - A neuron is **active** at an input iff its pre-activation z > 0. z = 0 is *inactive*: ReLU(0) = 0
 *   and its gradient is 0 (tfjs' relu gradient is the step x > 0), so such a neuron neither outputs
 *   nor learns. (The mutant `zero-as-active` counts z ≥ 0 instead, for a reject twin.)
 * - On a data set {x_i}, a neuron is **dead** iff it is inactive on every x_i. A dead first-layer
 *   neuron is **permanently dead**: its inputs are the fixed data, so its incoming weights and bias
 *   get zero gradient forever. A dead neuron of a deeper layer is **tentatively dead**: it may revive
 *   when earlier layers change.
 * - A hidden layer whose neurons are all dead on the data makes the network constant on the data
 *   (born dead on the data): every gradient below and inside it vanishes and nothing above can vary
 *   with the input, so the whole network is permanently stuck. The network is **trainable** (at
 *   initialization) iff no hidden layer is dead on the data — the necessary condition used by
 *   SK2020.Trainability.necessary (a network constant on the data cannot fit a non-constant target).
 * - Trainable **for a task** ({@link trainableFor}): every hidden layer keeps at least the task's
 *   minimal width of neurons that are not permanently dead ({@link notPermanentlyDead}).
 */
import { lineRegions } from '../geometry/line-regions';
import type { PwlNet64 } from '../geometry/net64';

/** Component (the neuron-state rule): `positive`: active iff z > 0 (the definition, default); `nonnegative`: z ≥ 0. */
export type ActiveRule = 'positive' | 'nonnegative';

const isActive = (z: number, rule: ActiveRule): boolean => (rule === 'positive' ? z > 0 : z >= 0);

/** Forward pass at one input, calling `visit(layer, j, z)` for every hidden neuron. */
function forward(net: PwlNet64, x: ArrayLike<number>, visit: (layer: number, j: number, z: number) => void): void {
  let h: ArrayLike<number> = x;
  net.layers.forEach((l, li) => {
    const next = new Float64Array(l.fanOut);
    for (let j = 0; j < l.fanOut; j++) {
      let z = l.biases[j];
      for (let i = 0; i < l.fanIn; i++) z += l.weights[j * l.fanIn + i] * h[i];
      visit(li, j, z);
      next[j] = z > 0 ? z : l.slope * z;
    }
    h = next;
  });
}

export interface PointStates {
  /** Active neurons per hidden layer at the input. */
  active: Int32Array;
  /** First hidden layer with no active neuron at the input, −1 if none. */
  firstDeadLayer: number;
}

export function statesAtPoint(net: PwlNet64, x: ArrayLike<number>, rule: ActiveRule = 'positive'): PointStates {
  if (x.length !== net.inputDim) throw new Error(`x must have the net's input dimension ${net.inputDim}; got ${x.length}`);
  const active = new Int32Array(net.layers.length);
  forward(net, x, (l, _j, z) => {
    if (isActive(z, rule)) active[l]++;
  });
  return { active, firstDeadLayer: active.findIndex((a) => a === 0) };
}

export interface DataStates {
  /** Neurons active on at least one data point, per hidden layer. */
  activeOnData: Int32Array;
  /** Dead first-layer neurons (dead on all data): permanently dead. */
  permanentlyDead: number;
  /** Dead neurons of layers ≥ 2: tentatively dead. */
  tentativelyDead: number;
  /** First hidden layer dead on all the data, −1 if none. */
  deadLayer: number;
  /** No hidden layer is dead on the data. */
  trainable: boolean;
}

/** Per hidden layer, 1 for every neuron active on at least one input (`inputs` row-major [n × n_0]). */
export function activeOnDataMask(net: PwlNet64, inputs: ArrayLike<number>, rule: ActiveRule = 'positive'): Uint8Array[] {
  const d = net.inputDim;
  if (inputs.length === 0 || inputs.length % d !== 0) throw new Error(`inputs must hold n × ${d} values (n ≥ 1); got ${inputs.length}`);
  const seen = net.layers.map((l) => new Uint8Array(l.fanOut));
  for (let i = 0; i < inputs.length; i += d) {
    forward(net, Array.prototype.slice.call(inputs, i, i + d) as number[], (l, j, z) => {
      if (isActive(z, rule)) seen[l][j] = 1;
    });
  }
  return seen;
}

/**
 * Component (the permanence rule): which neurons dead on the data count as **permanently** dead.
 * `structural` (the definition, default): a dead first-layer neuron (its inputs are the fixed data,
 * so its weights and bias never get a gradient), and every neuron of a network with a hidden layer
 * dead on the data (nothing below or inside that layer ever gets a gradient, nothing above varies
 * with the input); a dead neuron of a deeper layer in a network that is not born dead is only
 * tentatively dead — earlier layers keep training and may revive it. `all-dead`: every dead neuron
 * is permanent (a mutant, for a reject twin: tentatively dead neurons do revive).
 */
export type PermanenceRule = 'structural' | 'all-dead';

/**
 * Neurons per hidden layer that are **not** permanently dead on the data under `permanence`
 * (`activeOnData` from {@link statesOnData}, `widths` the hidden widths).
 */
export function notPermanentlyDead(activeOnData: ArrayLike<number>, widths: ArrayLike<number>, permanence: PermanenceRule = 'structural'): Int32Array {
  if (activeOnData.length !== widths.length) throw new Error(`activeOnData and widths must have one entry per hidden layer; got ${activeOnData.length} and ${widths.length}`);
  const counts = Int32Array.from(activeOnData);
  if (permanence === 'all-dead') return counts;
  if (counts.some((c) => c === 0)) return new Int32Array(counts.length);
  for (let l = 1; l < counts.length; l++) counts[l] = widths[l];
  return counts;
}

/**
 * Trainable for a task whose minimal width is `minWidth` (Shin & Karniadakis 2020: "the number of
 * permanently dead neurons is sufficiently small for a learning task"): every hidden layer keeps at
 * least `minWidth` neurons that are not permanently dead on the data `inputs`.
 */
export function trainableFor(net: PwlNet64, inputs: ArrayLike<number>, minWidth: number, rule: ActiveRule = 'positive', permanence: PermanenceRule = 'structural'): boolean {
  if (!(Number.isInteger(minWidth) && minWidth >= 1)) throw new Error(`minWidth must be an integer ≥ 1; got ${minWidth}`);
  const { activeOnData } = statesOnData(net, inputs, rule);
  return notPermanentlyDead(activeOnData, net.layers.map((l) => l.fanOut), permanence).every((c) => c >= minWidth);
}

/** States on a data set: `inputs` row-major [n × n_0]. */
export function statesOnData(net: PwlNet64, inputs: ArrayLike<number>, rule: ActiveRule = 'positive'): DataStates {
  const seen = activeOnDataMask(net, inputs, rule);
  const activeOnData = Int32Array.from(seen.map((s) => s.reduce((a, b) => a + b, 0)));
  const deadLayer = activeOnData.findIndex((a) => a === 0);
  return {
    activeOnData,
    permanentlyDead: net.layers[0].fanOut - activeOnData[0],
    tentativelyDead: net.layers.slice(1).reduce((s, l, k) => s + l.fanOut - activeOnData[k + 1], 0),
    deadLayer,
    trainable: deadLayer < 0,
  };
}

/**
 * Whether some hidden layer is identically zero on the interval [a, c] of a 1-D input (then the
 * network is constant there): exact, from the layer's piecewise-linear input (line-regions.ts) —
 * every pre-activation is ≤ 0 at both ends of every piece, hence on the whole interval.
 */
export function deadLayerOnInterval(net: PwlNet64, a: number, c: number): number {
  if (net.inputDim !== 1) throw new Error(`deadLayerOnInterval needs a 1-D input; got inputDim ${net.inputDim}`);
  if (!(Number.isFinite(a) && Number.isFinite(c) && a < c)) throw new Error(`the interval needs finite a < c; got [${a}, ${c}]`);
  let dead = -1;
  lineRegions(net, { x0: [a], u: [1], t0: 0, t1: c - a }, {
    inspect: ({ layer, pieces, width, ends, A, B }) => {
      if (dead >= 0) return;
      const l = net.layers[layer];
      for (let j = 0; j < l.fanOut; j++) {
        for (let k = 0; k < pieces; k++) {
          for (const t of [ends[k], ends[k + 1]]) {
            let z = l.biases[j];
            for (let i = 0; i < width; i++) z += l.weights[j * width + i] * (A[k * width + i] + B[k * width + i] * t);
            if (z > 0) return;
          }
        }
      }
      dead = layer;
    },
  });
  return dead;
}
