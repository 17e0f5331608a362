/**
 * Adapters for TensorFlow.js's own initializers (tfjs-layers `tf.initializers.*`), so that the suite
 * can audit the initializers users actually call, not only its re-implementations. An adapter draws a
 * dense kernel of shape [fanIn, fanOut] (tfjs' Dense layout) from a freshly constructed, seeded
 * initializer and returns it in float64, row-major [fanOut × fanIn] (the engine's layout: row j holds
 * neuron j's input weights).
 *
 * Seeding: every tfjs-layers initializer accepts `seed` and draws deterministically from it (tested);
 * the audit derives one seed per layer from its own streams.
 *
 * Declared rule: the variance each initializer states in its documentation (tfjs-layers
 * `VarianceScaling`: scale / fan, "normal" or "uniform"). What it *samples* can differ: tfjs' "normal"
 * distribution is `truncatedNormal(0, √scale)` — cut at ±2σ without the rescaling by
 * 1/0.87962566 that Keras applies — so its variance is 0.77374·scale (the variance of a standard
 * normal truncated to [−2, 2]: 1 − 4φ(2)/(2Φ(2) − 1)). The audit measures the sampled variance; the
 * declared one is only the label.
 */
import * as tf from '@tensorflow/tfjs';

/** A tfjs-layers initializer (the type `tf.initializers.*` return; its class is not re-exported by tfjs). */
export type TfjsInitializer = ReturnType<typeof tf.initializers.heNormal>;

export type TfjsInitializerName = 'heNormal' | 'heUniform' | 'leCunNormal' | 'leCunUniform' | 'glorotNormal' | 'glorotUniform' | 'varianceScaling' | 'truncatedNormal' | 'randomNormal' | 'randomUniform' | 'orthogonal';

export interface TfjsInitializerEntry {
  /** A seeded instance (a new one per call: tfjs initializers hold their seed). */
  make: (seed: number) => TfjsInitializer;
  /** The variance the initializer declares for a kernel of this fan-in and fan-out. */
  declaredVariance: (fanIn: number, fanOut: number) => number;
  /** In words, as tfjs-layers documents it. */
  declared: string;
  /** The normalized fourth moment E[w⁴]/E[w²]² of the law it samples (3 normal, 9/5 uniform, 2.3655 normal truncated at ±2σ). */
  sampledMu4: (fanIn: number, fanOut: number) => number;
  /** Why the sampled variance differs from the declared one, when it does. */
  cause?: string;
  /** Measured cost of one 32 × 32 kernel when it is far above the others' (≤ 1.3 ms), so the audit can draw fewer. */
  costPerKernelMs?: number;
}

/** Variance of a standard normal truncated to [−2, 2]: 1 − 4φ(2)/(2Φ(2) − 1) (theorems/_internals/initialization.ts derives it). */
export const TRUNCATED_AT_2_VARIANCE = 0.7737413;
/** Normalized fourth moment E[z⁴]/E[z²]² of a standard normal truncated to [−2, 2], with E[z⁴] = 3 − 2(2³ + 3·2)φ(2)/(2Φ(2) − 1) (theorems/_internals/initialization.ts derives it). */
export const TRUNCATED_AT_2_MU4 = 2.3655367;
const UNIFORM_MU4 = 9 / 5;
const TRUNCATION =
  'tfjs-layers VarianceScaling draws its "normal" distribution as truncatedNormal(0, √(scale/fan)), cut at ±2σ without the 1/0.8796 rescaling Keras applies: it samples 0.7737 of the declared variance';

/**
 * The built-in tfjs-layers initializers a Dense kernel can use, with their documented rules (defaults).
 * Every random one takes a seed. Not here: `zeros`, `ones`, `constant` and `identity`, which are not
 * random (no law to audit; their c is fixed: 0, fan-in, fan-in·value², 1 for identity).
 */
export const TFJS_INITIALIZERS: Readonly<Record<TfjsInitializerName, TfjsInitializerEntry>> = {
  heNormal: { make: (seed) => tf.initializers.heNormal({ seed }), declaredVariance: (n) => 2 / n, declared: 'normal, variance 2/fan-in', sampledMu4: () => TRUNCATED_AT_2_MU4, cause: TRUNCATION },
  heUniform: { make: (seed) => tf.initializers.heUniform({ seed }), declaredVariance: (n) => 2 / n, declared: 'uniform on ±√(6/fan-in), variance 2/fan-in', sampledMu4: () => UNIFORM_MU4 },
  leCunNormal: { make: (seed) => tf.initializers.leCunNormal({ seed }), declaredVariance: (n) => 1 / n, declared: 'normal, variance 1/fan-in', sampledMu4: () => TRUNCATED_AT_2_MU4, cause: TRUNCATION },
  leCunUniform: { make: (seed) => tf.initializers.leCunUniform({ seed }), declaredVariance: (n) => 1 / n, declared: 'uniform on ±√(3/fan-in), variance 1/fan-in', sampledMu4: () => UNIFORM_MU4 },
  glorotNormal: { make: (seed) => tf.initializers.glorotNormal({ seed }), declaredVariance: (n, m) => 2 / (n + m), declared: 'normal, variance 2/(fan-in + fan-out) (the default of tf.layers.dense and conv1d)', sampledMu4: () => TRUNCATED_AT_2_MU4, cause: TRUNCATION },
  glorotUniform: { make: (seed) => tf.initializers.glorotUniform({ seed }), declaredVariance: (n, m) => 2 / (n + m), declared: 'uniform, variance 2/(fan-in + fan-out)', sampledMu4: () => UNIFORM_MU4 },
  varianceScaling: { make: (seed) => tf.initializers.varianceScaling({ seed }), declaredVariance: (n) => 1 / n, declared: 'defaults scale 1, fan-in, normal: variance 1/fan-in', sampledMu4: () => TRUNCATED_AT_2_MU4, cause: TRUNCATION },
  truncatedNormal: { make: (seed) => tf.initializers.truncatedNormal({ seed }), declaredVariance: () => 0.05 ** 2 * TRUNCATED_AT_2_VARIANCE, declared: 'truncated normal, stddev 0.05 before truncation at ±2σ', sampledMu4: () => TRUNCATED_AT_2_MU4 },
  randomNormal: { make: (seed) => tf.initializers.randomNormal({ seed }), declaredVariance: () => 0.05 ** 2, declared: 'normal, stddev 0.05', sampledMu4: () => 3 },
  randomUniform: { make: (seed) => tf.initializers.randomUniform({ seed }), declaredVariance: () => 0.1 ** 2 / 12, declared: 'uniform on [−0.05, 0.05]', sampledMu4: () => UNIFORM_MU4 },
  orthogonal: {
    make: (seed) => tf.initializers.orthogonal({ seed }),
    declaredVariance: (n, m) => 1 / Math.max(n, m),
    declared: 'orthogonal (QR of a normal matrix, signs fixed: Haar), gain 1: entries of variance 1/max(fan-in, fan-out), rows dependent',
    // A Haar-orthogonal n × n entry is √n-scaled ~ a coordinate of a uniform point on the sphere: E[w⁴]/E[w²]² = 3n/(n + 2).
    sampledMu4: (n, m) => (3 * Math.max(n, m)) / (Math.max(n, m) + 2),
    costPerKernelMs: 19,
  },
};

export const TFJS_INITIALIZER_NAMES = Object.keys(TFJS_INITIALIZERS) as TfjsInitializerName[];


/**
 * One dense kernel from a tfjs initializer: shape [fanIn, fanOut] in tfjs, returned in the engine's
 * layout [fanOut × fanIn] (row j = neuron j's input weights), float32 values widened to float64.
 */
export function sampleTfjsKernel(init: TfjsInitializer, fanIn: number, fanOut: number): Float64Array {
  if (!(Number.isInteger(fanIn) && fanIn >= 1)) throw new Error(`fanIn must be an integer ≥ 1; got ${fanIn}`);
  if (!(Number.isInteger(fanOut) && fanOut >= 1)) throw new Error(`fanOut must be an integer ≥ 1; got ${fanOut}`);
  return toEngineLayout(tf.tidy(() => init.apply([fanIn, fanOut], 'float32').dataSync()), fanIn, fanOut);
}

/** A kernel in tfjs' (and Keras') layout [fanIn, fanOut], row-major, as the engine's [fanOut × fanIn] in float64. */
export function toEngineLayout(values: ArrayLike<number>, fanIn: number, fanOut: number): Float64Array {
  const out = new Float64Array(fanIn * fanOut);
  for (let i = 0; i < fanIn; i++) for (let j = 0; j < fanOut; j++) out[j * fanIn + i] = values[i * fanOut + j];
  return out;
}

/** Resolves an initializer name, with an error listing the valid ones. */
export function tfjsInitializer(name: string): TfjsInitializerEntry {
  const entry = (TFJS_INITIALIZERS as Record<string, TfjsInitializerEntry | undefined>)[name];
  if (!entry) throw new Error(`unknown tfjs initializer "${name}"; the audited ones are: ${TFJS_INITIALIZER_NAMES.join(', ')}`);
  return entry;
}

/** Layers whose default kernel initializer the audit reads from tfjs-layers itself. */
export type TfjsLayerName = 'dense' | 'conv1d';

/** Kernel size of the conv1d layer the audit builds (its fan-in is kernelSize · input channels). */
export const AUDIT_CONV_KERNEL = 4;

interface VarianceScalingConfig {
  scale: number;
  mode: 'fanIn' | 'fanOut' | 'fanAvg';
  distribution: 'normal' | 'uniform' | 'truncatedNormal';
}

/**
 * The default kernel initializer of `tf.layers.dense` / `tf.layers.conv1d`, read from a freshly built
 * layer's config (not assumed), as an adapter that re-creates it seeded. For conv1d (kernel size k,
 * C_in input channels) tfjs computes fan-in = k·C_in and fan-out = k·C_out, and `sample` returns the
 * kernel in tfjs' layout [k, C_in, C_out] (row-major), for `fanIn` = C_in and `fanOut` = C_out.
 */
export function tfjsLayerDefault(layer: TfjsLayerName): TfjsInitializerEntry & { config: VarianceScalingConfig; kernelSize: number; sample: (seed: number, fanIn: number, fanOut: number) => Float64Array } {
  const built = layer === 'dense' ? tf.layers.dense({ units: 1 }) : tf.layers.conv1d({ filters: 1, kernelSize: AUDIT_CONV_KERNEL });
  const id = built.getConfig().kernelInitializer as { className: string; config: Partial<VarianceScalingConfig> };
  if (id.className !== 'VarianceScaling') throw new Error(`tf.layers.${layer}'s default kernel initializer is ${id.className}; the audit adapts VarianceScaling only`);
  const config = { scale: id.config.scale ?? 1, mode: id.config.mode ?? 'fanIn', distribution: id.config.distribution ?? 'normal' } as VarianceScalingConfig;
  const k = layer === 'conv1d' ? AUDIT_CONV_KERNEL : 1;
  const fan = (fanIn: number, fanOut: number): number => (config.mode === 'fanIn' ? k * fanIn : config.mode === 'fanOut' ? k * fanOut : (k * fanIn + k * fanOut) / 2);
  const make = (seed: number): TfjsInitializer => tf.initializers.varianceScaling({ ...config, seed });
  return {
    config,
    kernelSize: k,
    make,
    declaredVariance: (fanIn, fanOut) => config.scale / fan(fanIn, fanOut),
    declared: `default of tf.layers.${layer}: VarianceScaling(scale ${config.scale}, ${config.mode}, ${config.distribution})${layer === 'conv1d' ? `; kernel size ${k}: fan-in k·C_in, fan-out k·C_out` : ''}`,
    sampledMu4: () => (config.distribution === 'uniform' ? UNIFORM_MU4 : TRUNCATED_AT_2_MU4),
    cause: config.distribution === 'normal' ? TRUNCATION : undefined,
    sample: (seed, fanIn, fanOut) => {
      if (layer === 'dense') return sampleTfjsKernel(make(seed), fanIn, fanOut);
      return Float64Array.from(tf.tidy(() => make(seed).apply([k, fanIn, fanOut], 'float32').dataSync()));
    },
  };
}
