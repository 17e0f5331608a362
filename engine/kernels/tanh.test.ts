import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../backend';
import { tanh64, TANH_TAYLOR, useFastTanh } from './tanh';
import { RandomStream } from '../random/stream';
import { sampleSmallInit } from '../condensation/small-init';
import { trainEnsemble } from '../train/train';

/** Distance in float32 ulps between two float32 values of the same sign. */
function ulps(a: number, b: number): number {
  const buf = new Float32Array([a, b]);
  const bits = new Int32Array(buf.buffer);
  return Math.abs(bits[0] - bits[1]);
}

describe('fast Tanh kernel (wasm)', () => {
  it('tanh64 rounds to within 1 float32 ulp of Math.tanh on a dense grid, at the branch point and at the extremes; odd; NaN stays NaN', () => {
    let worst = 0;
    for (let i = -200000; i <= 200000; i++) {
      const x = Math.fround(i * 5e-5 * (1 + Math.abs(i) / 20000)); // dense near 0, out to |x| ≈ 110
      const d = ulps(Math.fround(tanh64(x)), Math.fround(Math.tanh(x)));
      worst = Math.max(worst, d);
    }
    for (const x of [0.5, Math.fround(0.5 - 2 ** -25), 1e-30, -1e-30, 5e-324, 9.01, 19.99, 20, 1e4]) expect(ulps(Math.fround(tanh64(x)), Math.fround(Math.tanh(x)))).toBeLessThanOrEqual(1);
    expect(worst).toBeLessThanOrEqual(1);
    expect(tanh64(-0.3)).toBe(-tanh64(0.3));
    expect(tanh64(NaN)).toBeNaN();
    expect(tanh64(Infinity)).toBe(1);
    expect(TANH_TAYLOR.reduce((s, c) => s + c * 0.1 ** (2 * TANH_TAYLOR.indexOf(c) + 1), 0)).toBeCloseTo(Math.tanh(0.1), 15);
  });

  it('the registered kernel computes tanh64 rounded to float32; switching kernels changes a training run only by float32 rounding', async () => {
    const engine = await initEngine();
    if (engine.backend !== 'wasm') return; // the kernel exists for wasm only
    expect(engine.fastPaths?.[0]).toMatch(/^Tanh \(wasm\)/);
    const xs = Float32Array.from({ length: 1000 }, (_, i) => (i - 500) / 37);
    const fast = tf.tidy(() => tf.tanh(tf.tensor1d(xs)).dataSync());
    fast.forEach((v, i) => expect(v).toBe(Math.fround(tanh64(xs[i]))));
    const s = new RandomStream(3);
    const params = Array.from({ length: 4 }, () => sampleSmallInit([1, 50, 1], { kind: 'std', std: 1e-3 }, s));
    const data = { inputs: Float64Array.from({ length: 40 }, (_, i) => -1 + (2.5 * i) / 39), targets: Float64Array.from({ length: 40 }, (_, i) => Math.sin(3 * (-1 + (2.5 * i) / 39))) };
    const run = () => trainEnsemble({ params, activation: { kind: 'tanh' }, data, optimizer: { kind: 'adam', lr: 5e-4, epsilon: 1e-8 }, steps: 200 });
    const a = await run();
    useFastTanh(false);
    try {
      const b = await run();
      for (let e = 0; e < 4; e++) {
        a.finalParams[e].layers.forEach((l, k) => {
          const w = b.finalParams[e].layers[k].weights;
          l.weights.forEach((v, j) => expect(Math.abs(v - w[j])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(w[j]))));
        });
        expect(Math.abs(a.finalLoss[e] - b.finalLoss[e])).toBeLessThanOrEqual(1e-5 * b.finalLoss[e]);
      }
    } finally {
      useFastTanh(true);
    }
  });
});
