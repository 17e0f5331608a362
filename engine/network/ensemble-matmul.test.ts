/**
 * The ensemble forward product: the strategy rule (shapes and path only) and the two strategies'
 * agreement (float32 summation order only).
 */
import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../backend';
import { RandomStream } from '../random/stream';
import { chooseStrategy, ensembleMatMul, LOOP_MIN_FLOPS } from './ensemble-matmul';

beforeAll(async () => {
  await initEngine();
});

describe('chooseStrategy', () => {
  it('on the wasm path: loop from LOOP_MIN_FLOPS flops per network and layer, batched below', () => {
    const width = Math.ceil(Math.sqrt(LOOP_MIN_FLOPS / 2));
    expect(chooseStrategy(1, width, width, 'auto', false)).toBe('loop');
    expect(chooseStrategy(1, 8, 8, 'auto', false)).toBe('batched');
  });

  it('with the native batched matMul: always batched; an explicit request always wins', () => {
    expect(chooseStrategy(128, 64, 64, 'auto', true)).toBe('batched');
    expect(chooseStrategy(128, 64, 64, 'loop', true)).toBe('loop');
    expect(chooseStrategy(1, 8, 8, 'loop', false)).toBe('loop');
  });
});

it('both strategies give the same products (≤ 1e-5 of the largest entry), shared and per-network inputs', () => {
  const [E, B, n, m] = [12, 5, 16, 9];
  const s = new RandomStream(4);
  const w = new Float32Array(E * n * m);
  s.fillNormal(w);
  const xs = new Float32Array(E * B * n);
  s.fillNormal(xs);
  for (const h of [tf.tensor3d(xs.subarray(0, B * n), [1, B, n]), tf.tensor3d(xs, [E, B, n])]) {
    const [a, b] = (['batched', 'loop'] as const).map((k) => ensembleMatMul(h, w, [E, n, m], k));
    const [x, y] = [a.dataSync(), b.dataSync()];
    expect(a.shape).toEqual([E, B, m]);
    let d = 0;
    let top = 0;
    for (let i = 0; i < x.length; i++) {
      d = Math.max(d, Math.abs(x[i] - y[i]));
      top = Math.max(top, Math.abs(x[i]));
    }
    expect(d).toBeLessThanOrEqual(1e-5 * top);
    tf.dispose([a, b, h]);
  }
});
