/**
 * The fault catalog: deliberately wrong engines for reject twins. Every fault is the substitution of
 * one engine component (engine/components.ts) — a wrong variance rule, a counter that drops pieces, a
 * trainer with a wrong success criterion — described in words. The engine knows nothing of faults;
 * `THEORYCHECK_MUTANT=<name>` runs every claim against one of these, and the claims it breaks must fail.
 */
import { initStd, COMMON_INIT } from '../../engine/condensation/small-init';
import { meanAbsCosine } from '../../engine/condensation/orientations';
import { DEFAULT_COMPONENTS, withComponents, type EngineComponents } from '../../engine/components';
import { interior, lineRegions, type LineCounter } from '../../engine/geometry/line-regions';
import type { PwlNet64 } from '../../engine/geometry/net64';
import { planeRegions, type PlaneCounter } from '../../engine/geometry/plane-regions';
import { sampleGaussianBiases, sampleLaw } from '../../engine/init/laws';
import { sampleRaiParams } from '../../engine/init/rai';
import { DDI_EPSILON } from '../../engine/init/data-dependent';
import { sampleDenseParams } from '../../engine/train/params';
import type { TrainActivation } from '../../engine/train/activations';

export interface Fault {
  name: string;
  /** What is wrong, in words. */
  description: string;
  /** The substituted component(s). */
  components: Partial<EngineComponents>;
}

/** The he-drifts-past-depth-6 fault: layers beyond DRIFT_FROM_LAYER get DRIFT_FACTOR × the He variance. */
export const DRIFT_FROM_LAYER = 6;
export const DRIFT_FACTOR = 1.02;

const isHe = (rule: Parameters<EngineComponents['variance']>[0]): boolean => 'preset' in rule && rule.preset === 'he';

/** Read-out y = Σ_j (−1)^j h_j of the last layer at x (the output-sign-changes counter's network output). */
function readout(net: PwlNet64, x: Float64Array): number {
  let h: Float64Array = x;
  for (const { fanIn, fanOut, weights: W, biases: b, slope } of net.layers) {
    const next = new Float64Array(fanOut);
    for (let j = 0; j < fanOut; j++) {
      let s = b[j];
      for (let i = 0; i < fanIn; i++) s += W[j * fanIn + i] * h[i];
      next[j] = s > 0 ? s : slope * s;
    }
    h = next;
  }
  let y = 0;
  for (let j = 0; j < h.length; j++) y += (j % 2 === 0 ? 1 : -1) * h[j];
  return y;
}

/** A counter that reports the sign changes of the network output instead of activation-region breakpoints. */
const countOutputSignChanges: LineCounter = (net, seg, options = {}) => {
  const exact = lineRegions(net, seg, options);
  const ends = [seg.t0, ...exact.breakpoints, seg.t1];
  const x = new Float64Array(net.inputDim);
  const signs: number[] = [];
  const changes: number[] = [];
  for (let k = 0; k + 1 < ends.length; k++) {
    const t = interior(ends[k], ends[k + 1]);
    for (let i = 0; i < x.length; i++) x[i] = seg.x0[i] + t * seg.u[i];
    const s = Math.sign(readout(net, x));
    if (signs.length > 0 && s !== 0 && signs[signs.length - 1] !== 0 && s !== signs[signs.length - 1]) changes.push(ends[k]);
    if (s !== 0) signs.push(s);
  }
  const layerBreakpoints = new Int32Array(net.layers.length);
  layerBreakpoints[net.layers.length - 1] = changes.length;
  return { breakpoints: Float64Array.from(changes), regions: changes.length + 1, layerBreakpoints };
};

/** A counter that splits pieces only at first-layer zero crossings (deeper layers' breakpoints dropped). */
const countFirstLayerOnly: LineCounter = (net, seg, options = {}) => {
  lineRegions(net, seg, { ...(options.inspect ? { inspect: options.inspect } : {}) }); // every layer's input, as the exact counter sees it
  const first = lineRegions({ inputDim: net.inputDim, layers: net.layers.slice(0, 1) }, seg);
  const layerBreakpoints = new Int32Array(net.layers.length);
  layerBreakpoints[0] = first.layerBreakpoints[0];
  return { breakpoints: first.breakpoints, regions: first.regions, layerBreakpoints };
};

/** A line counter that reports every breakpoint twice (each region after the first counted twice: 2·regions − 1). */
const countLineTwice: LineCounter = (net, seg, options = {}) => {
  const exact = lineRegions(net, seg, options);
  const twice = new Float64Array(2 * exact.breakpoints.length);
  exact.breakpoints.forEach((t, k) => twice.set([t, t], 2 * k));
  return { breakpoints: twice, regions: 2 * exact.regions - 1, layerBreakpoints: exact.layerBreakpoints.map((b) => 2 * b) };
};

/** A plane counter that counts every region after the first twice (2·regions − 1). */
const countPlaneTwice: PlaneCounter = (net, slice, options = {}) => {
  const exact = planeRegions(net, slice, options);
  return { ...exact, count: 2 * exact.count - 1, layerCounts: exact.layerCounts.map((c) => 2 * c - 1) };
};

/**
 * A plane counter whose counts grow like 2^{depth−1}: the exact count × 2^{L−1} for a net of L hidden
 * layers (and layer l's truncated count × 2^{l−1}) — the world of the classical bound exponential in
 * depth, faithful at depth 1.
 */
const countPlaneExponentialInDepth: PlaneCounter = (net, slice, options = {}) => {
  const exact = planeRegions(net, slice, options);
  return { ...exact, count: exact.count * 2 ** (net.layers.length - 1), layerCounts: exact.layerCounts.map((c, l) => c * 2 ** l) };
};

/** The width every layer works at under the `width-capped-at-2` fault (the narrow width of the trainability claims). */
const CAPPED_WIDTH = 2;

/** Bias of a switched-off neuron under `width-capped-at-2`: z ≈ −10⁹ < 0 at any input a network of this suite sees (|w·h| ≪ 10⁹), so ReLU and its gradient are 0. */
const SWITCHED_OFF_BIAS = -1e9;

/**
 * The DDI with every first-layer hyperplane moved past the data: the engine's DDI is drawn, then
 * b_j = −max_k w_j·x_k − ε‖w_j‖ (ε = DDI_EPSILON), so z_j(x_k) ≤ −ε‖w_j‖ < 0 on every training input:
 * every first-layer neuron is dead on the data, its gradient is 0 and the network's output is
 * constant on the data (a run can only fit the targets' mean).
 */
const ddiPastTheData: EngineComponents['ddi'] = (spec, inputs, stream, parts) => {
  const params = DEFAULT_COMPONENTS.ddi(spec, inputs, stream, parts);
  const { fanIn, fanOut, weights, biases } = params.layers[0];
  for (let j = 0; j < fanOut; j++) {
    let top = -Infinity;
    let norm = 0;
    for (let i = 0; i < fanIn; i++) norm += weights[j * fanIn + i] ** 2;
    for (let k = 0; k < inputs.length; k += fanIn) {
      let dot = 0;
      for (let i = 0; i < fanIn; i++) dot += weights[j * fanIn + i] * inputs[k + i];
      top = Math.max(top, dot);
    }
    biases[j] = -top - DDI_EPSILON * Math.sqrt(norm);
  }
  return params;
};

const swap = (a: TrainActivation, x: TrainActivation['kind'], y: TrainActivation['kind']): TrainActivation =>
  a.kind === x ? ({ kind: y } as TrainActivation) : a.kind === y ? ({ kind: x } as TrainActivation) : a;

const FAULTS: readonly Fault[] = [
  {
    name: 'he-variance-1.8',
    description: 'the He initializer draws weights of variance 1.8/fan-in (labelled He, i.e. 2/fan-in)',
    components: { variance: (rule, fanIn, fanOut) => (isHe(rule) ? 1.8 / fanIn : DEFAULT_COMPONENTS.variance(rule, fanIn, fanOut)) },
  },
  {
    name: 'he-drifts-past-depth-6',
    description: `the He initializer is exact in layers 1–${DRIFT_FROM_LAYER} and draws variance ${2 * DRIFT_FACTOR}/fan-in (2% too wide) in every deeper layer: E[M_d]/M_0 = ${DRIFT_FACTOR}^(d − ${DRIFT_FROM_LAYER}), an FM1 failure invisible at depth ≤ ${DRIFT_FROM_LAYER}`,
    components: { variance: (rule, fanIn, fanOut, layer) => (isHe(rule) && layer !== undefined && layer > DRIFT_FROM_LAYER ? (2 * DRIFT_FACTOR) / fanIn : DEFAULT_COMPONENTS.variance(rule, fanIn, fanOut, layer)) },
  },
  {
    name: 'neurons-in-identical-pairs',
    description:
      'the weight sampler writes every draw twice (each second weight repeats the one before): in a dense layer stored fan-in × fan-out with an even fan-out, neuron 2k + 1 is a copy of neuron 2k — each weight keeps its law, so E[M_d] is unchanged, but every layer has half as many independent neurons (FM2\'s variance as at half the width)',
    components: {
      sampleWeights: (stream, law, std, out, offset = 0, length = out.length - offset) => {
        sampleLaw(stream, law, std, out, offset, length);
        for (let m = offset + 1; m < offset + length; m += 2) out[m] = out[m - 1];
      },
    },
  },
  {
    name: 'he-fan-out',
    description: 'the He initializer computes its variance from the fan-out (2/fan-out; for convolutions: output channels × kernel size)',
    components: { variance: (rule, fanIn, fanOut) => (isHe(rule) ? 2 / fanOut : DEFAULT_COMPONENTS.variance(rule, fanIn, fanOut)) },
  },
  {
    name: 'uniform-as-gaussian',
    description: 'the engine draws uniform weights (same variance) when Gaussian weights are asked for',
    components: { sampleWeights: (stream, law, std, out, offset, length) => sampleLaw(stream, law === 'gaussian' ? 'uniform' : law, std, out, offset, length) },
  },
  {
    name: 'truncation-ignored',
    description: 'the engine draws plain Gaussian weights at the nominal std when the truncated normal is asked for (no cut at ±2σ): the variance is the nominal 2/fan-in, not 0.773741 of it, so FM1 does not appear',
    components: { sampleWeights: (stream, law, std, out, offset, length) => sampleLaw(stream, law === 'truncated-normal' ? 'gaussian' : law, std, out, offset, length) },
  },
  {
    name: 'residual-scale-ignored',
    description: 'residual modules are added unscaled (η_l treated as 1)',
    components: { residualScale: () => 1 },
  },
  {
    name: 'count-output-sign-changes',
    description: 'the line counter reports the sign changes of the network output (read-out Σ_j (−1)^j h_j) instead of the activation-region breakpoints',
    components: { countLine: countOutputSignChanges },
  },
  {
    name: 'count-first-layer-only',
    description: 'the line counter splits pieces only at first-layer zero crossings (deeper layers merged)',
    components: { countLine: countFirstLayerOnly },
  },
  {
    name: 'double-counting',
    description: 'the region counters count every region after the first twice (along a segment every breakpoint is reported twice; in a 2-D slice 2·#regions − 1): counts too high by a factor ≈ 2 at any depth',
    components: { countLine: countLineTwice, countPlane: countPlaneTwice },
  },
  {
    name: 'regions-exponential-in-depth',
    description: 'the 2-D region counter reports the exact count × 2^{depth−1} (counts growing exponentially in depth, as the classical upper bound allows; exact at depth 1)',
    components: { countPlane: countPlaneExponentialInDepth },
  },
  {
    name: 'zero-as-active',
    description: 'the neuron-state counter counts a pre-activation of exactly 0 as active (ReLU(0) = 0 and its gradient is 0: it is dead)',
    components: { activeRule: 'nonnegative' },
  },
  {
    name: 'tentative-as-permanent',
    description: 'the death rule counts every neuron dead on the data at initialization as permanently dead (a dead neuron of a deeper layer revives when earlier layers train)',
    components: { permanence: 'all-dead' },
  },
  {
    name: 'positive-biases',
    description: 'the engine draws the Gaussian biases as |N(0, s_b²)| (asymmetric) when symmetric biases are asked for',
    components: {
      sampleBiases: (stream, std, out, offset = 0, length = out.length - offset) => {
        sampleGaussianBiases(stream, std, out, offset, length);
        for (let j = offset; j < offset + length; j++) out[j] = Math.abs(out[j]);
      },
    },
  },
  {
    name: 'rai-without-positive-entry',
    description: 'the randomized asymmetric initialization skips its positive Beta(2, 1) entry (a symmetric N(0, σ²/fan-in) init labelled RAI)',
    components: { rai: (widths, stream) => sampleRaiParams(widths, stream, { positiveEntry: false }) },
  },
  {
    name: 'ddi-unanchored',
    description: 'the data-dependent initialization leaves the first layer at the plain initializer (hyperplanes not anchored at the data)',
    components: { ddi: (spec, _inputs, stream, parts) => sampleDenseParams(spec, stream, parts) },
  },
  {
    name: 'ddi-past-the-data',
    description:
      'the data-dependent initialization anchors every first-layer hyperplane on the wrong side of the data — past the input furthest along w_j (b_j = −max_k w_j·x_k − ε‖w_j‖) instead of beside one input: every first-layer neuron is dead on the training data, a DDI worse than He',
    components: { ddi: ddiPastTheData },
  },
  {
    name: 'width-capped-at-2',
    description:
      'the engine lets only the first 2 neurons of every layer work, whatever width is asked: the others get a bias of −10⁹ (never active, zero gradient) and the He variance is computed for 2 working inputs (2/min(fan-in, 2)) — a network of any width is a width-2 He network plus inert parameters',
    components: {
      variance: (rule, fanIn, fanOut) => (isHe(rule) ? 2 / Math.min(fanIn, CAPPED_WIDTH) : DEFAULT_COMPONENTS.variance(rule, fanIn, fanOut)),
      sampleBiases: (stream, std, out, offset = 0, length = out.length - offset) => {
        sampleGaussianBiases(stream, std, out, offset, length);
        for (let j = offset + CAPPED_WIDTH; j < offset + length; j++) out[j] = SWITCHED_OFF_BIAS;
      },
    },
  },
  {
    name: 'success-when-loss-halved',
    description:
      "the trainer counts a run as successful when its loss fell below half its initial value instead of below the threshold (a born-dead net still halves its loss by fitting the read-out bias to the targets' mean)",
    components: {
      train: async (options) => {
        const { success, ...rest } = options;
        const result = await DEFAULT_COMPONENTS.train({ ...rest, checkpoints: [0, ...(rest.checkpoints ?? [])] });
        if (!success) return result;
        const initial = result.checkpoints[0].loss;
        return { ...result, successStep: Int32Array.from(result.finalLoss, (l, e) => (l < initial[e] / 2 ? options.steps : -1)) };
      },
    },
  },
  {
    name: 'never-memorizes',
    description: "the trainer runs Adam at 1/1000 of the requested learning rate (lr 1e-3 becomes 1e-6): over a few thousand steps no parameter moves by more than ≈ 1e-2, so no network memorizes its labels",
    components: {
      train: (options) => DEFAULT_COMPONENTS.train({ ...options, optimizer: { ...options.optimizer, lr: options.optimizer.lr / 1000 } }),
    },
  },
  {
    name: 'multiplicity-swapped',
    description: 'the engine runs x²·tanh x where tanh is asked and tanh where x²·tanh x is asked (activations of multiplicity 1 and 3 mixed up)',
    components: { trainActivation: (a) => swap(a, 'tanh', 'x2tanh') },
  },
  {
    name: 'activation-ignored',
    description: 'the trainer ignores the requested activation and runs x·tanh x for tanh, x·tanh x and x²·tanh x alike: the three paired runs of a seed are the same run (equal counts, no increase)',
    components: { trainActivation: () => ({ kind: 'xtanh' }) },
  },
  {
    name: 'multiplicity-plus-one',
    description: 'the engine runs an activation of multiplicity one higher than declared: x·tanh x where tanh is asked (p = 2 for a declared 1) and x²·tanh x where x·tanh x is asked (3 for a declared 2)',
    components: { trainActivation: (a) => (a.kind === 'tanh' ? { kind: 'xtanh' } : a.kind === 'xtanh' ? { kind: 'x2tanh' } : a) },
  },
  {
    name: 'sigmoid-x2tanh-swapped',
    description: 'the engine runs x²·tanh x where sigmoid is asked and sigmoid where x²·tanh x is asked (activations of multiplicity 1 and 3 mixed up)',
    components: { trainActivation: (a) => swap(a, 'sigmoid', 'x2tanh') },
  },
  {
    name: 'small-init-as-common',
    description: 'a small initialization (var = m^−γ, γ > 1, or an explicit small variance) is drawn as the common one, var = 1/m',
    components: { smallInitStd: (_scale, m) => initStd(COMMON_INIT, m) },
  },
  {
    name: 'alignment-random-direction',
    description: 'the alignment analysis measures |cos| against an isotropic random direction instead of z = Σ_i y_i (x_i, 1)',
    components: {
      alignment: (units, direction, stream) => {
        const random = new Float64Array(direction.length);
        stream.fillNormal(random, 1);
        return meanAbsCosine(units, random);
      },
    },
  },
  {
    name: 'shared-network-seeds',
    description: 'the per-network seed derivation gives networks i and i^1 of an ensemble the same stream (every network duplicated: the effective n is halved)',
    components: { netStream: (seed, label, index) => DEFAULT_COMPONENTS.netStream(seed, label, index - (index % 2)) },
  },
  {
    name: 'leaky-relu-0.3',
    description: 'every ReLU is replaced by a leaky ReLU of slope 0.3',
    components: {
      activation: (a) => (a.kind === 'relu' ? { kind: 'leaky-relu', slope: 0.3 } : a),
      trainActivation: (a) => (a.kind === 'relu' ? { kind: 'leaky-relu', slope: 0.3 } : a),
    },
  },
];

export const FAULT_NAMES: readonly string[] = FAULTS.map((f) => f.name);

export function getFault(name: string): Fault {
  const f = FAULTS.find((x) => x.name === name);
  if (f === undefined) throw new Error(`unknown fault "${name}" (THEORYCHECK_MUTANT); valid: ${FAULT_NAMES.join(', ')}`);
  return f;
}

/** The engine a fault runs on (the defaults when there is none). */
export const componentsOf = (fault?: Fault): EngineComponents => withComponents(fault?.components ?? {});
