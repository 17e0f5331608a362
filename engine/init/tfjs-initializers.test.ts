import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../backend';
import { AUDIT_CONV_KERNEL, sampleTfjsKernel, TFJS_INITIALIZER_NAMES, TFJS_INITIALIZERS, tfjsInitializer, tfjsLayerDefault, TRUNCATED_AT_2_MU4, TRUNCATED_AT_2_VARIANCE } from './tfjs-initializers';

beforeAll(async () => {
  await initEngine();
});


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

  it('sampled vs declared: the variance (uniform laws and orthogonal sample what they declare; tfjs "normal" is a normal truncated at ±2σ without rescaling, × 0.7737) and the law\'s normalized fourth moment E[w⁴]/E[w²]² (3 normal, 9/5 uniform, 2.3655 truncated at ±2σ, 3n/(n + 2) Haar-orthogonal)', () => {
    const n = 128;
    const truncated: readonly string[] = ['heNormal', 'leCunNormal', 'glorotNormal', 'varianceScaling'];
    for (const name of TFJS_INITIALIZER_NAMES) {
      let s2 = 0;
      let s4 = 0;
      for (let k = 0; k < 8; k++)
        for (const w of sampleTfjsKernel(TFJS_INITIALIZERS[name].make(100 + k), n, n)) {
          s2 += w * w;
          s4 += w ** 4;
        }
      const N = 8 * n * n;
      // 131 072 weights: the variance ratio's sd is ≈ 0.004 (normal) or 0.0025 (uniform), tolerance 0.02 ≥ 5 sd;
      // μ̃4's sd is ≤ 0.03 for these light-tailed laws (≈ 0.01 uniform), tolerance 0.1.
      const ratio = s2 / N / TFJS_INITIALIZERS[name].declaredVariance(n, n);
      expect([name, Math.abs(ratio - (truncated.includes(name) ? TRUNCATED_AT_2_VARIANCE : 1)) < 0.02]).toEqual([name, true]);
      expect([name, Math.abs(s4 / N / (s2 / N) ** 2 - TFJS_INITIALIZERS[name].sampledMu4(n, n)) < 0.1]).toEqual([name, true]);
    }
    // Truncation at ±2σ: no |w| beyond 2·√(2/n) for heNormal.
    const w = sampleTfjsKernel(TFJS_INITIALIZERS.heNormal.make(3), n, n);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(2 * Math.sqrt(2 / n) * (1 + 1e-6));
  });

  it('the dense and conv1d defaults are read from the layers\' own configs (tfjs: glorotNormal, i.e. VarianceScaling fanAvg normal) and re-created seeded', () => {
    const dense = tfjsLayerDefault('dense');
    expect(dense.config).toEqual({ scale: 1, mode: 'fanAvg', distribution: 'normal' });
    expect(dense.sampledMu4(30, 10)).toBe(TRUNCATED_AT_2_MU4);
    expect(dense.declaredVariance(30, 10)).toBeCloseTo(2 / 40, 12);
    expect(Array.from(dense.sample(5, 3, 4))).toEqual(Array.from(dense.sample(5, 3, 4)));
    const conv = tfjsLayerDefault('conv1d');
    expect(conv.kernelSize).toBe(AUDIT_CONV_KERNEL);
    // fan-in k·C_in, fan-out k·C_out: variance 2/(k·(C_in + C_out)).
    expect(conv.declaredVariance(8, 8)).toBeCloseTo(2 / (AUDIT_CONV_KERNEL * 16), 12);
    expect(conv.sample(9, 8, 8)).toHaveLength(AUDIT_CONV_KERNEL * 64);
    let s2 = 0;
    for (let k = 0; k < 16; k++) for (const v of conv.sample(10 + k, 8, 8)) s2 += v * v;
    // 4096 weights of a normal truncated at ±2σ (Var(w²)/E[w²]² = μ̃4 − 1 = 1.37): the ratio's sd is 0.018; tolerance 0.1.
    expect(Math.abs(s2 / 4096 / (conv.declaredVariance(8, 8) * TRUNCATED_AT_2_VARIANCE) - 1)).toBeLessThan(0.1);
  });

  it('bad input names the parameter; unknown initializers list the audited ones', () => {
    expect(() => sampleTfjsKernel(TFJS_INITIALIZERS.heNormal.make(1), 0, 3)).toThrow('fanIn must be an integer ≥ 1; got 0');
    expect(() => tfjsInitializer('heNormale')).toThrow(/unknown tfjs initializer "heNormale"; the audited ones are: heNormal, heUniform/);
  });
});
