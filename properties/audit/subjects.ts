/**
 * The components the audit knows by name: every tfjs-layers initializer and the default kernel
 * initializers of `tf.layers.dense` and `tf.layers.conv1d` (engine/init/tfjs-initializers.ts — the
 * defaults are read from the layers' own configs), seeded through the audit's streams (every tfjs-layers
 * initializer takes a seed), and the audit's two controls with known answers: the suite's He
 * (c = 2: keeps FM1) and a planted 10% variance error (c = 2.2: gain 1.1 per layer, breaks FM1).
 */
import { RandomStream } from '../../engine/random/stream';
import { sampleLaw } from '../../engine/init/laws';
import { sampleTfjsKernel, tfjsInitializer, tfjsLayerDefault, TFJS_INITIALIZER_NAMES, type TfjsLayerName } from '../../engine/init/tfjs-initializers';
import { samplerSource, type NetSource } from './source';

/** A weight sampler: one kernel [fanOut × fanIn] (row j = neuron j's weights) per seed. */
export type { KernelSampler } from './source';

/** The suite's Gaussian sampler at variance c/fan-in (engine/init/laws.ts). */
export const suiteGaussian = (c: number) => (fanIn: number, fanOut: number, seed: number): Float64Array => {
  const out = new Float64Array(fanIn * fanOut);
  sampleLaw(new RandomStream(seed), 'gaussian', Math.sqrt(c / fanIn), out);
  return out;
};

export function tfjsInitializerSource(name: string): NetSource {
  const entry = tfjsInitializer(name);
  return samplerSource(`tf.initializers.${name}`, (fanIn, fanOut, seed) => sampleTfjsKernel(entry.make(seed & 0x7fffffff), fanIn, fanOut), {
    declared: entry.declared,
    declaredVariance: entry.declaredVariance,
    cause: entry.cause,
    // An initializer far costlier per kernel than the others (orthogonal: a QR per kernel) draws fewer networks.
    draws: entry.costPerKernelMs ? ORTHOGONAL_NETS : undefined,
  });
}

/** Networks drawn for a costly initializer (orthogonal: ≈ 19 ms per 32 × 32 kernel on wasm, 800 kernels ≈ 15 s). */
export const ORTHOGONAL_NETS = 100;

export function tfjsLayerDefaultSource(layer: TfjsLayerName): NetSource {
  const entry = tfjsLayerDefault(layer);
  if (layer === 'dense') {
    return samplerSource('tf.layers.dense default', (fanIn, fanOut, seed) => entry.sample(seed & 0x7fffffff, fanIn, fanOut), {
      declared: entry.declared,
      declaredVariance: entry.declaredVariance,
      cause: entry.cause,
    });
  }
  // conv1d: a layer over P = k positions (circular padding) and C channels is the dense map of its
  // unrolled (block-circulant) matrix, of size P·C; with P = k every kernel weight appears once per
  // output position, so the dense view's c = fan-in·mean(w²) is the conv's k·C·Var(w) and its μ̃4 the kernel's.
  const k = entry.kernelSize;
  const source = samplerSource(
    'tf.layers.conv1d default',
    (fanIn, fanOut, seed) => {
      if (fanIn !== fanOut || fanIn % k !== 0) throw new Error(`the conv1d audit needs square layers whose width is a multiple of the kernel size ${k}; got ${fanIn} → ${fanOut}`);
      const C = fanIn / k;
      const P = k;
      const W = entry.sample(seed & 0x7fffffff, C, C); // [k, C, C]
      const out = new Float64Array(fanIn * fanOut);
      for (let p = 0; p < P; p++)
        for (let t = 0; t < k; t++) {
          const q = (p + t) % P;
          for (let i = 0; i < C; i++) for (let j = 0; j < C; j++) out[(p * C + j) * fanIn + q * C + i] = W[(t * C + i) * C + j];
        }
      return out;
    },
    { declared: entry.declared, cause: entry.cause },
  );
  source.declaredC = (fanIn) => fanIn * entry.declaredVariance(fanIn / k, fanIn / k);
  source.sharedWeights = `a conv1d layer (kernel size ${k}, circular padding over ${k} positions) is audited through its unrolled dense matrix: FM1 holds for it with c = k·C_in·Var(w) (Hanin & Rolnick 2018, conv nets); FM2, the born-dead formula and the region bound assume independent neurons, which weight sharing breaks, so they are not applicable`;
  return source;
}

export const CONTROLS = {
  he: (): NetSource => samplerSource('control: suite He', suiteGaussian(2), { kind: 'control', declared: 'normal, variance 2/fan-in', declaredVariance: (n) => 2 / n }),
  planted: (): NetSource => samplerSource('control: He × 1.1', suiteGaussian(2.2), { kind: 'control', declared: 'planted error: normal, variance 2.2/fan-in', declaredVariance: (n) => 2.2 / n }),
};

/** Every tfjs-layers initializer, the dense and conv1d defaults, and the two controls. */
export function builtInSources(names: readonly string[] = TFJS_INITIALIZER_NAMES, controls = true): NetSource[] {
  return [
    ...names.map(tfjsInitializerSource),
    ...(names === TFJS_INITIALIZER_NAMES ? [tfjsLayerDefaultSource('dense'), tfjsLayerDefaultSource('conv1d')] : []),
    ...(controls ? [CONTROLS.he(), CONTROLS.planted()] : []),
  ];
}
