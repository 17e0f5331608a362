import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../backend';
import { RandomStream } from '../random/stream';
import { sampleDenseParams } from '../train/params';
import { trainEnsemble } from '../train/train';
import { measureLengths } from '../measure/lengths';
import { loadNativeAddon } from './addon';
import { registerNativeBatchMatMul, restoreWasmBatchMatMul } from './native-matmul';

const loaded = loadNativeAddon();
const withAddon = 'addon' in loaded ? describe : describe.skip;

beforeAll(async () => {
  const engine = await initEngine();
  // initEngine registers the addon on wasm when it is built, and says so.
  if ('addon' in loaded && engine.backend === 'wasm') expect(engine.why).toMatch(/batched matMul: native addon/);
});

/** Runs `fn` on the wasm backend's own BatchMatMul and on the addon's; returns both results. */
async function bothPaths<T>(fn: () => Promise<T>): Promise<[T, T]> {
  restoreWasmBatchMatMul();
  try {
    const wasm = await fn();
    expect(registerNativeBatchMatMul()).toEqual({ registered: true });
    return [wasm, await fn()];
  } finally {
    registerNativeBatchMatMul(); // the engine's default when the addon is built
  }
}

/** max |x − y| relative to max |x| (float32 sums in another order differ by a few ulps of the largest terms). */
const maxRelDiff = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  let d = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    d = Math.max(d, Math.abs(x[i] - y[i]));
    s = Math.max(s, Math.abs(x[i]));
  }
  return d / Math.max(s, 1e-30);
};

withAddon('the native batched matMul (engine/native) against the wasm backend\'s', () => {
  it('gives the same products (float32 summation order only: max difference ≤ 1e-5 of the largest entry) for every transpose, broadcast batch and the shapes the ensembles use', async () => {
    const cases: [number[], number[], boolean, boolean][] = [
      [[64, 100, 16], [64, 16, 16], false, false],
      [[64, 100, 2], [64, 2, 16], false, false],
      [[8, 100, 1000], [8, 1000, 1], false, false],
      [[8, 16, 100], [8, 16, 7], true, false],
      [[8, 100, 1000], [8, 100, 1], true, false], // hᵀ·dz of a scalar read-out (the axpy path)
      [[1, 1, 100], [8, 100, 1000], false, false], // 1ᵀ·dz: bias gradients
      [[1, 100, 1], [8, 100, 1000], true, false], // xᵀ·dz of a 1-D input layer
      [[8, 100, 16], [8, 9, 16], false, true],
      [[3, 16, 5], [3, 11, 16], true, true],
      [[1, 20, 6], [5, 6, 10], false, false],
      [[5, 20, 6], [6, 10], false, false],
      [[2, 3, 4, 5], [2, 3, 5, 6], false, false],
    ];
    for (const [sa, sb, ta, tb] of cases) {
      const a = tf.randomNormal(sa, 0, 1, 'float32', 1);
      const b = tf.randomNormal(sb, 0, 1, 'float32', 2);
      const [x, y] = await bothPaths(async () => {
        const c = tf.matMul(a, b, ta, tb);
        const out = { shape: c.shape, data: await c.data() };
        c.dispose();
        return out;
      });
      expect(y.shape).toEqual(x.shape);
      expect([sa, sb, ta, tb, maxRelDiff(x.data, y.data) <= 1e-5]).toEqual([sa, sb, ta, tb, true]);
      tf.dispose([a, b]);
    }
  });

  it('an FM ensemble measures the same log-lengths on both paths (batched products, 3 layers of float32 rounding: |Δ log M| ≤ 1e-4)', async () => {
    const [x, y] = await bothPaths(async () =>
      (await measureLengths({ network: { widths: [10, 20, 20, 5], init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: 0.1 } }, activation: { kind: 'relu' } }, inputs: new Float32Array(30).map((_, i) => Math.cos(i)), nets: 300, seed: 5, strategy: 'batched' })).logM,
    );
    let worst = 0;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, x[i] === y[i] ? 0 : Math.abs(x[i] - y[i])); // dead units: −∞ on both
    expect(worst).toBeLessThanOrEqual(1e-4);
  });

  it.each([
    ['64 nets 2→16→16→16→1 relu', 64, [2, 16, 16, 16, 1], { kind: 'relu' }],
    ['8 nets 1→1000→1 tanh', 8, [1, 1000, 1], { kind: 'tanh' }],
    ['16 nets 1→8×6→1 relu', 16, [1, 8, 8, 8, 8, 8, 8, 1], { kind: 'relu' }],
  ] as const)('training %s gives the same losses on both paths (Adam, 50 steps: relative difference ≤ 1e-4)', async (_label, nets, widths, activation) => {
    const run = async () => {
      const stream = new RandomStream(7);
      const params = Array.from({ length: nets }, () => sampleDenseParams({ widths: [...widths], init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: 0.1 } }, activation: { kind: 'relu' } }, stream));
      const inputs = new Float32Array(100 * widths[0]);
      stream.fillUniform(inputs, 1);
      const targets = Float32Array.from({ length: 100 }, (_, i) => Math.sin(3 * inputs[widths[0] * i]));
      const r = await trainEnsemble({ params, activation, data: { inputs, targets }, optimizer: { kind: 'adam', lr: 1e-3 }, steps: 50, strategy: 'batched' });
      return r.finalLoss;
    };
    const [x, y] = await bothPaths(run);
    for (let e = 0; e < x.length; e++) expect(Math.abs(x[e] - y[e]) / x[e]).toBeLessThanOrEqual(1e-4);
  });
});

describe('without the addon', () => {
  it('the loader says why and how to build it', () => {
    if ('unavailable' in loaded) expect(loaded.unavailable).toMatch(/npm run build:native/);
    else expect(typeof loaded.addon.batchMatMul).toBe('function');
  });
});
