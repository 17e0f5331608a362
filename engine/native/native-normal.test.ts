/**
 * The native fast loop of the normal sampler draws exactly what the JavaScript loop draws: the same
 * values (bit for bit, float32 and float64 outputs) and the same stream state afterwards, for short
 * and long fills, at offsets, with the slow-draw buffers growing mid-fill. Skipped when the addon is
 * not built (the JavaScript loop is then the only path).
 */
import { RandomStream } from '../random/stream';
import { sampleLaw, sampleLawEach } from '../init/laws';
import { measureLengths } from '../measure/lengths';
import { initEngine } from '../backend';
import { loadNativeAddon } from './addon';
import { registerNativeNormalFill, removeNativeNormalFill } from './native-normal';

const loaded = loadNativeAddon();
const withAddon = 'addon' in loaded ? describe : describe.skip;

/** Runs `draw` on a fresh stream of `seed` with the JavaScript loop, then with the native one. */
function bothPaths<T>(seed: number, draw: (s: RandomStream) => T): [[T, number[]], [T, number[]]] {
  const run = (): [T, number[]] => {
    const s = new RandomStream(seed);
    const out = draw(s);
    return [out, [s.nextInt32(), s.nextInt32()]]; // the state after the fill, through its next draws
  };
  removeNativeNormalFill();
  try {
    const js = run();
    expect(registerNativeNormalFill()).toEqual({ registered: true });
    return [js, run()];
  } finally {
    registerNativeNormalFill();
  }
}

withAddon('native normal fill', () => {
  test.each([
    [1, 31, 0, 'float32'],
    [2, 32, 0, 'float32'],
    [3, 1000, 17, 'float32'],
    [4, 1000, 5, 'float64'],
    [5, 2_000_000, 3, 'float32'], // ≈ 24 000 slow draws: the 256-entry buffers grow mid-fill
  ] as const)('seed %i, %i values at offset %i (%s): same values and state', (seed, length, offset, type) => {
    const [[js, jsNext], [nat, natNext]] = bothPaths(seed, (s) => {
      const out = type === 'float32' ? new Float32Array(offset + length + 3) : new Float64Array(offset + length + 3);
      s.fillNormal(out, 1.7, offset, length);
      return out;
    });
    expect(Buffer.from(nat.buffer).equals(Buffer.from(js.buffer))).toBe(true);
    expect(natNext).toEqual(jsNext);
  });

  test('every law the samplers use, over many short fills (the ensembles\' pattern)', () => {
    const [[js, jsNext], [nat, natNext]] = bothPaths(9, (s) => {
      const out = new Float32Array(40 * 250);
      for (let e = 0; e < 40; e++) for (const law of ['gaussian', 'truncated-normal', 'uniform'] as const) sampleLaw(s, law, 0.3, out, e * 250 + (law === 'gaussian' ? 0 : law === 'uniform' ? 50 : 100), 50 + e);
      return out;
    });
    expect(Buffer.from(nat.buffer).equals(Buffer.from(js.buffer))).toBe(true);
    expect(natNext).toEqual(jsNext);
  });

  test('many streams in one call (fillNormalEach) = stream by stream, including a stream listed twice', () => {
    const draw = (): [Float32Array, number[]] => {
      const streams = Array.from({ length: 300 }, (_, e) => new RandomStream(1000 + e));
      const out = new Float32Array(7 + 301 * 37);
      sampleLawEach(streams, 'gaussian', 0.6, out, 37, 7);
      sampleLawEach([...streams, streams[4]], 'gaussian', 0.6, out, 37, 7); // duplicate: the sequential fallback
      return [out, streams.map((s) => s.nextInt32())];
    };
    removeNativeNormalFill();
    const js = draw();
    registerNativeNormalFill();
    const nat = draw();
    expect(Buffer.from(nat[0].buffer).equals(Buffer.from(js[0].buffer))).toBe(true);
    expect(nat[1]).toEqual(js[1]);
  });

  test('an FM ensemble measures the same log-lengths on both paths', async () => {
    await initEngine();
    const run = () => measureLengths({ network: { widths: [10, 20, 20, 5], init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: 0.1 } }, activation: { kind: 'relu' } }, inputs: new Float32Array(20).map((_, i) => Math.sin(i + 1)), nets: 500, seed: 3 });
    removeNativeNormalFill();
    const js = await run();
    registerNativeNormalFill();
    const nat = await run();
    expect(Array.from(nat.logM)).toEqual(Array.from(js.logM));
    expect(Array.from(nat.fingerprints)).toEqual(Array.from(js.fingerprints));
  });

  test('bad arguments are errors, not silent writes', () => {
    const addon = 'addon' in loaded ? loaded.addon : undefined;
    expect(() => addon!.fillNormalFast(new Int32Array(5), new Float32Array(4), 2, 3, 1, new Int32Array(8), new Int32Array(8))).toThrow(/bad arrays or range/);
    expect(() => addon!.fillNormalFast(new Int32Array(4), new Float32Array(4), 0, 4, 1, new Int32Array(8), new Int32Array(8))).toThrow(/bad arrays or range/);
  });
});
