/**
 * What the audit runs the theorems against: a *network source*, which draws the hidden ReLU layers of
 * a network (float64, the engine's layout: row j of a [fanOut × fanIn] kernel = neuron j's weights).
 *
 * - An initializer (a tfjs `Initializer`, a function (shape, fanIn, fanOut, seed) → weights, or a
 *   {@link KernelSampler}) draws any architecture, with zero biases: the audit picks the widths.
 * - A `tf.Sequential` factory (seed → model) or a directory of exported weights has its own
 *   architecture: the audit uses it as it is (its Dense ReLU layers; a last linear layer is the
 *   read-out, which the theorems do not involve).
 *
 * A source says what it declares (its variance rule and law, when it has one) so the report can show
 * declared beside measured.
 */
import * as tf from '@tensorflow/tfjs';
import type { Layer64 } from '../../engine/geometry/net64';
import { deriveSeed } from '../../engine/random/seed';
import { sampleTfjsKernel, toEngineLayout, type TfjsInitializer } from '../../engine/init/tfjs-initializers';
/** A weight sampler: one kernel [fanOut × fanIn] (row j = neuron j's weights) per seed. */
export type KernelSampler = (fanIn: number, fanOut: number, seed: number) => Float64Array;

export type SourceKind = 'initializer' | 'model' | 'weights' | 'control';

export interface NetSource {
  label: string;
  kind: SourceKind;
  /** The component's documented rule, in words. */
  declared: string;
  /** fan-in × fan-out → the variance it declares (absent when it declares none). */
  declaredVariance?: (fanIn: number, fanOut: number) => number;
  /** fan-in, fan-out → the declared c = fan-in·Var(w) (default fan-in × declaredVariance). */
  declaredC?: (fanIn: number, fanOut: number) => number;
  /** Set (with the reason) when neurons share weights (a convolution): only FM1 applies. */
  sharedWeights?: string;
  /** Why the sampled variance differs from the declared one (shown only when the measurement differs). */
  cause?: string;
  /** [n_0, …, n_L] for sources with their own architecture; null when the audit chooses (initializers). */
  widths: number[] | null;
  /** How many networks it can draw (Infinity for samplers). */
  draws: number;
  /** Network `index` of the stream `seed`, for `widths` (ignored by fixed architectures). */
  draw: (widths: readonly number[], seed: number, index: number) => Layer64[];
  /** True when every drawn bias is zero (FM1/FM2 and the born-dead formula need it). */
  zeroBiases: boolean;
  notes: string[];
}

const zeros = (n: number): Float64Array => new Float64Array(n);

/** An initializer given as a kernel sampler (engine layout). */
export function samplerSource(label: string, sample: KernelSampler, info: { kind?: SourceKind; declared?: string; declaredVariance?: (fanIn: number, fanOut: number) => number; cause?: string; draws?: number } = {}): NetSource {
  return {
    label,
    kind: info.kind ?? 'initializer',
    declared: info.declared ?? 'not declared',
    declaredVariance: info.declaredVariance,
    cause: info.cause,
    widths: null,
    draws: info.draws ?? Infinity,
    draw: (widths, seed, index) =>
      widths.slice(1).map((fanOut, l) => {
        const fanIn = widths[l];
        const weights = sample(fanIn, fanOut, deriveSeed(seed, 'net', index, 'layer', l));
        if (weights.length !== fanIn * fanOut) throw new Error(`${label}: a kernel of fan-in ${fanIn} and fan-out ${fanOut} must have ${fanIn * fanOut} weights; got ${weights.length}`);
        return { fanIn, fanOut, weights, biases: zeros(fanOut), slope: 0 };
      }),
    zeroBiases: true,
    notes: [],
  };
}

/** A user's weight function: (shape [fanIn, fanOut] as tfjs lays out a Dense kernel, fanIn, fanOut, seed) → weights in that layout. */
export type WeightFunction = (shape: [number, number], fanIn: number, fanOut: number, seed: number) => ArrayLike<number> | tf.Tensor;

/** A weight function (tfjs layout [fanIn, fanOut]) as a kernel sampler. */
export function weightFunctionSampler(fn: WeightFunction): KernelSampler {
  return (fanIn, fanOut, seed) => {
    const raw = fn([fanIn, fanOut], fanIn, fanOut, seed);
    if (raw instanceof tf.Tensor) {
      const values = raw.dataSync();
      raw.dispose();
      return toEngineLayout(values, fanIn, fanOut);
    }
    return toEngineLayout(raw, fanIn, fanOut);
  };
}

/**
 * A tfjs Initializer *instance*. Its seed is fixed at construction, so every call may return the
 * same kernel: that is detected (two draws compared) and refused — pass a factory seed → Initializer instead.
 */
export function initializerInstanceSampler(init: { apply: (shape: number[], dtype?: tf.DataType) => tf.Tensor }, label: string): KernelSampler {
  const a = tf.tidy(() => init.apply([4, 4], 'float32').dataSync());
  const b = tf.tidy(() => init.apply([4, 4], 'float32').dataSync());
  if (a.every((v, i) => v === b[i])) {
    throw new Error(`${label}: this Initializer instance returns the same kernel on every call (its seed is fixed), so its draws are not independent; pass a factory (seed) => Initializer instead`);
  }
  return (fanIn, fanOut) => sampleTfjsKernel(init as TfjsInitializer, fanIn, fanOut);
}

/** The layers of a model as the audit reads them. */
function denseLayers(model: tf.LayersModel, label: string): Layer64[] {
  const dense = model.layers.filter((l) => l.getWeights().length > 0);
  const out: Layer64[] = [];
  dense.forEach((layer, i) => {
    const name = layer.getClassName();
    if (name !== 'Dense') throw new Error(`${label}: layer ${i} (${layer.name}) is a ${name}; a model factory must build Dense layers only (audit convolutions through their initializer)`);
    const activation = (layer.getConfig() as { activation?: string }).activation ?? 'linear';
    const last = i === dense.length - 1;
    if (activation !== 'relu') {
      if (last) return; // the read-out
      throw new Error(`${label}: hidden layer ${i} (${layer.name}) has activation "${activation}"; the theorems audited are for ReLU networks (a linear last layer is allowed as the read-out)`);
    }
    const [kernel, bias] = layer.getWeights();
    const [fanIn, fanOut] = kernel.shape;
    out.push({ fanIn, fanOut, weights: toEngineLayout(kernel.dataSync(), fanIn, fanOut), biases: bias ? Float64Array.from(bias.dataSync()) : zeros(fanOut), slope: 0 });
  });
  if (out.length === 0) throw new Error(`${label}: the model has no Dense ReLU layer to audit`);
  return out;
}

export type ModelFactory = (seed: number) => tf.LayersModel;

/**
 * A `tf.Sequential` (or any LayersModel) factory: draw k builds the model with seed derived from the
 * audit's stream, reads its Dense ReLU layers and disposes it. Checked once: the factory must honour
 * its seed (the same seed gives the same weights — otherwise the audit is not reproducible, noted) and
 * different seeds must give different weights (else refused: the draws would not be independent).
 */
export function modelSource(factory: ModelFactory, label = 'tf.Sequential factory', declared = 'a user model'): NetSource {
  const read = (seed: number): Layer64[] => {
    const model = factory(seed >>> 1);
    try {
      return denseLayers(model, label);
    } finally {
      model.dispose();
    }
  };
  const first = read(1);
  const again = read(1);
  const other = read(2);
  const same = (x: Layer64[], y: Layer64[]): boolean => x.every((l, i) => l.weights.every((v, j) => v === y[i].weights[j]));
  if (same(first, other)) throw new Error(`${label}: seeds 1 and 2 build identical weights; the factory must draw its weights from its seed (e.g. kernelInitializer: tf.initializers.heNormal({ seed }))`);
  const notes: string[] = [];
  if (!same(first, again)) notes.push('not reproducible: the factory ignores its seed (tfjs draws from an unseeded generator), so this audit cannot be replayed exactly');
  const widths = [first[0].fanIn, ...first.map((l) => l.fanOut)];
  return {
    label,
    kind: 'model',
    declared,
    widths,
    draws: Infinity,
    draw: (_widths, seed, index) => read(deriveSeed(seed, 'model', index)),
    zeroBiases: first.every((l) => l.biases.every((b) => b === 0)),
    notes,
  };
}

/** Pre-drawn networks (e.g. a directory of exported weights): draw k is the k-th network. */
export function fixedSource(label: string, nets: Layer64[][], info: { kind?: SourceKind; declared?: string; notes?: string[] } = {}): NetSource {
  if (nets.length === 0) throw new Error(`${label}: no networks to audit`);
  const first = nets[0];
  const widths = [first[0].fanIn, ...first.map((l) => l.fanOut)];
  nets.forEach((net, k) => {
    const w = [net[0].fanIn, ...net.map((l) => l.fanOut)];
    if (w.join() !== widths.join()) throw new Error(`${label}: network ${k} has widths [${w}] but network 0 has [${widths}]`);
  });
  return {
    label,
    kind: info.kind ?? 'weights',
    declared: info.declared ?? 'exported weights',
    widths,
    draws: nets.length,
    draw: (_widths, _seed, index) => {
      if (index >= nets.length) throw new Error(`${label}: only ${nets.length} networks; asked for network ${index}`);
      return nets[index];
    },
    zeroBiases: nets.every((net) => net.every((l) => l.biases.every((b) => b === 0))),
    notes: [...(info.notes ?? [])],
  };
}
