import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../backend';
import { sampleTfjsKernel, TFJS_INITIALIZER_NAMES, TFJS_INITIALIZERS, tfjsInitializer, TRUNCATED_AT_2_VARIANCE } from './tfjs-initializers';

beforeAll(async () => {
  await initEngine();
});

const meanSquare = (w: Float64Array): number => w.reduce((a, v) => a + v * v, 0) / w.length;

describe('tfjs-layers initializer adapters', () => {
  it('draw deterministically from their seed, in the engine layout [fanOut × fanIn] (row j = neuron j)', () => {
    const a = sampleTfjsKernel(TFJS_INITIALIZERS.heUniform.make(7), 3, 5);
    const b = sampleTfjsKernel(TFJS_INITIALIZERS.heUniform.make(7), 3, 5);
    const c = sampleTfjsKernel(TFJS_INITIALIZERS.heUniform.make(8), 3, 5);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    const raw = tf.tidy(() => TFJS_INITIALIZERS.heUniform.make(7).apply([3, 5], 'float32').dataSync());
    expect(a[4 * 3 + 2]).toBe(raw[2 * 5 + 4]); // neuron 4, input 2
  });

  it('sampled vs declared variance: uniform laws sample what they declare; tfjs "normal" is a normal truncated at ±2σ without rescaling (variance × 0.7737)', () => {
    const n = 128;
    const sampled = (name: (typeof TFJS_INITIALIZER_NAMES)[number]) => {
      let s = 0;
      for (let k = 0; k < 8; k++) s += meanSquare(sampleTfjsKernel(TFJS_INITIALIZERS[name].make(100 + k), n, n));
      return s / 8 / TFJS_INITIALIZERS[name].declaredVariance(n, n);
    };
    // 131 072 weights per initializer: the ratio's sd is ≈ 0.004 (normal) or 0.0025 (uniform); tolerance 0.02 ≥ 5 sd.
    for (const name of ['heUniform', 'leCunUniform', 'glorotUniform', 'randomNormal', 'truncatedNormal'] as const) expect(Math.abs(sampled(name) - 1)).toBeLessThan(0.02);
    for (const name of ['heNormal', 'leCunNormal', 'glorotNormal', 'varianceScaling'] as const) expect(Math.abs(sampled(name) - TRUNCATED_AT_2_VARIANCE)).toBeLessThan(0.02);
    // Truncation at ±2σ: no |w| beyond 2·√(2/n) for heNormal.
    const w = sampleTfjsKernel(TFJS_INITIALIZERS.heNormal.make(3), n, n);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(2 * Math.sqrt(2 / n) * (1 + 1e-6));
  });

  it('bad input names the parameter; unknown initializers list the audited ones', () => {
    expect(() => sampleTfjsKernel(TFJS_INITIALIZERS.heNormal.make(1), 0, 3)).toThrow('fanIn must be an integer ≥ 1; got 0');
    expect(() => tfjsInitializer('heNormale')).toThrow(/unknown tfjs initializer "heNormale"; the audited ones are: heNormal, heUniform/);
  });
});
