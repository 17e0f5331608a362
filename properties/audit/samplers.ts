/**
 * Kernel samplers the audit runs: the tfjs-layers initializers (engine/init/tfjs-initializers.ts), the
 * suite's own He (engine/init/laws.ts, the engine's `sampleWeights` component at std √(2/fan-in)) and a
 * planted error (the suite's He at c = 2.2, a 10% variance error) — the last two are the audit's own
 * controls, with known answers (gain 1 and 1.1 per layer).
 */
import { RandomStream } from '../../engine/random/stream';
import { sampleLaw } from '../../engine/init/laws';
import { sampleTfjsKernel, TFJS_INITIALIZERS, type TfjsInitializerName } from '../../engine/init/tfjs-initializers';
import type { KernelSampler } from './initializer-audit';

/** The suite's Gaussian sampler at variance c/fan-in. */
export const suiteGaussian =
  (c: number): KernelSampler =>
  (fanIn, fanOut, seed) => {
    const out = new Float64Array(fanIn * fanOut);
    sampleLaw(new RandomStream(seed), 'gaussian', Math.sqrt(c / fanIn), out);
    return out;
  };

/** A tfjs-layers initializer as a kernel sampler (a fresh seeded instance per kernel). */
export const tfjsSampler =
  (name: TfjsInitializerName): KernelSampler =>
  (fanIn, fanOut, seed) =>
    sampleTfjsKernel(TFJS_INITIALIZERS[name].make(seed & 0x7fffffff), fanIn, fanOut);
