import { initEngine } from '../backend';
import { he, type InitScheme } from '../init/initializer';
import { sampleLaw } from '../init/laws';
import type { SamplingParts } from '../geometry/net64';
import { RandomStream } from '../random/stream';
import { deriveSeed } from '../random/seed';
import type { Activation } from '../network/activation';
import {
  circularIm2col,
  circularPatchIndex,
  convLayerReference,
  measureConvLengths,
  resolveConvNetwork,
  STATUS_DEAD,
  STATUS_NONFINITE,
  type ConvLengthExperiment,
} from './conv-lengths';
import { measureLengths } from './lengths';

const { abs, exp, log, sqrt } = Math;

/** B inputs of T·C values from a seeded stream (never all-zero). */
function gaussianInputs(seed: number, count: number, features: number): Float32Array {
  const x = new Float32Array(count * features);
  new RandomStream(seed).fillNormal(x);
  return x;
}

const experiment = (over: Partial<ConvLengthExperiment> = {}): ConvLengthExperiment => ({
  channels: [2, 6, 6, 6],
  kernel: 3,
  length: 10,
  init: he(),
  inputs: gaussianInputs(1, 2, 2 * 10),
  nets: 40,
  seed: 9,
  ...over,
});

beforeAll(async () => {
  await initEngine();
});

describe('measureConvLengths: bad input is a clear error naming the parameter', () => {
  it.each(
    (
      [
    [{ channels: [2] }, 'channels must list the input channels and at least one layer'],
    [{ channels: [2, 0, 4] }, 'channels[1] must be an integer in [1, 100000]; got 0'],
    [{ channels: [2, 4, 3.5] }, 'channels[2] must be an integer in [1, 100000]; got 3.5'],
    [{ kernel: 4 }, 'kernel must be an odd integer in [1, length = 10]; got 4'],
    [{ kernel: 0 }, 'kernel must be an odd integer in [1, length = 10]; got 0'],
    [{ kernel: 11 }, 'kernel must be an odd integer in [1, length = 10]; got 11'],
    [{ length: 0 }, 'length (T) must be an integer in [1, 100000]; got 0'],
    [{ length: 2.5 }, 'length (T) must be an integer in [1, 100000]; got 2.5'],
    [{ init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: 0.1 } } }, "init.bias.law must be 'zero' for convolutional networks"],
    [{ init: { law: 'cauchy', variance: { preset: 'he' }, bias: { law: 'zero' } } }, 'init.law must be one of gaussian, uniform, truncated-normal; got "cauchy"'],
    [{ init: { law: 'gaussian', variance: { scale: -1 }, bias: { law: 'zero' } } }, 'init.variance.scale must be a finite number in (0, 1000000]; got -1'],
    [{ activation: { kind: 'leaky-relu', slope: 2 } }, 'activation.slope must be a number in [0, 1); got 2'],
    [{ nets: 0 }, 'nets must be an integer ≥ 1; got 0'],
    [{ inputs: new Float32Array(21) }, 'inputs must be a non-empty Float32Array of B × 20 values; got length 21'],
    [{ inputs: new Float32Array(20) }, 'inputs[0] is the zero vector'],
      ] as [unknown, string][]
    ).map(([over, message]) => [message, over]),
  )('%s', async (message, over) => {
    await expect(measureConvLengths(experiment(over as Partial<ConvLengthExperiment>))).rejects.toThrow(message as string);
  });
});

describe('circular im2col', () => {
  it('row t holds z[(t + s − h) mod T] for s = 0..k−1, wrapping at both ends', () => {
    expect(Array.from(circularPatchIndex(5, 3))).toEqual([4, 0, 1, 0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4, 0]);
    expect(Array.from(circularPatchIndex(3, 3))).toEqual([2, 0, 1, 0, 1, 2, 1, 2, 0]);
    // two units of T = 3, C = 2: value = 10·unit + 2·t + c
    const h = Float32Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 6) + (i % 6));
    const cols = circularIm2col(h, 2, 3, 2, 3);
    expect(Array.from(cols.subarray(0, 6))).toEqual([4, 5, 0, 1, 2, 3]); // unit 0, t = 0: positions 2, 0, 1
    expect(Array.from(cols.subarray(30, 36))).toEqual([12, 13, 14, 15, 10, 11]); // unit 1, t = 2: positions 1, 2, 0
  });
});

/** log M_j (j = 0..d) of network e on input b, evaluated in float64 from the definition. */
function referenceTrace(exp0: ConvLengthExperiment, e: number, b: number, stds: number[], activation: Activation = { kind: 'relu' }): number[] {
  const { channels, kernel, length: T } = exp0;
  const stream = new RandomStream(deriveSeed(exp0.seed, 'net', e));
  let z: ArrayLike<number> = Float64Array.from(exp0.inputs.subarray(b * channels[0] * T, (b + 1) * channels[0] * T));
  const logM = [log(Array.from(z).reduce((s, v) => s + v * v, 0) / (channels[0] * T))];
  for (let j = 1; j < channels.length; j++) {
    const w = new Float32Array(kernel * channels[j - 1] * channels[j]);
    sampleLaw(stream, exp0.init.law, stds[j - 1], w);
    z = convLayerReference(z, w, channels[j - 1], channels[j], kernel, T, activation);
    logM.push(log(Array.from(z).reduce((s, v) => s + v * v, 0) / (channels[j] * T)));
  }
  return logM;
}

describe('measureConvLengths agrees with a direct float64 evaluation of the same networks', () => {
  it.each([
    ['He gaussian, k = 3', experiment({ channels: [2, 3, 5, 4], kernel: 3, length: 7, nets: 4, inputs: gaussianInputs(5, 2, 14) }), undefined],
    ['uniform c = 1.3, k = 5 = T', experiment({ channels: [3, 4, 4], kernel: 5, length: 5, nets: 3, init: { law: 'uniform', variance: { scale: 1.3 }, bias: { law: 'zero' } }, inputs: gaussianInputs(2, 2, 15) }), undefined],
    ['truncated normal Glorot, k = 1', experiment({ channels: [2, 5, 3], kernel: 1, length: 6, nets: 3, init: { law: 'truncated-normal', variance: { preset: 'glorot' }, bias: { law: 'zero' } }, inputs: gaussianInputs(3, 2, 12) }), undefined],
    ['a substituted activation component (leaky ReLU 0.3)', experiment({ channels: [2, 3, 5, 4], kernel: 3, length: 7, nets: 3, inputs: gaussianInputs(6, 2, 14) }), { activation: () => ({ kind: 'leaky-relu', slope: 0.3 }) }],
  ] as [string, ConvLengthExperiment, SamplingParts | undefined][])('%s', async (_name, e0, parts) => {
    const { channels, kernel } = e0;
    const stds = channels.slice(1).map((cOut, j) => {
      const fanIn = channels[j] * kernel;
      const v = e0.init.variance;
      return sqrt('scale' in v ? v.scale / fanIn : v.preset === 'he' ? 2 / fanIn : 2 / (fanIn + cOut * kernel));
    });
    const activation: Activation = parts ? { kind: 'leaky-relu', slope: 0.3 } : { kind: 'relu' };
    for (const strategy of ['batched', 'loop'] as const) {
      const t = await measureConvLengths({ ...e0, strategy, ...(parts ? { parts } : {}) });
      expect(t.outcomes.ok).toBe(e0.nets * 2);
      for (let e = 0; e < e0.nets; e++) {
        for (let b = 0; b < 2; b++) {
          const ref = referenceTrace(e0, e, b, stds, activation);
          const got = Array.from(t.logM.subarray((e * 2 + b) * channels.length, (e * 2 + b + 1) * channels.length));
          ref.forEach((r, j) => expect(abs(got[j] - r)).toBeLessThan(2e-5));
        }
      }
    }
  });
});

describe('kernel 1 is a dense layer applied at every position', () => {
  it('M_j of the conv net is the mean over positions of the dense net’s M_j (same seed, same weights)', async () => {
    const channels = [3, 8, 5, 8];
    const T = 6;
    const x = gaussianInputs(4, 1, T * channels[0]);
    const init: InitScheme = { law: 'uniform', variance: { scale: 1.7 }, bias: { law: 'zero' } };
    const conv = await measureConvLengths({ channels, kernel: 1, length: T, init, inputs: x, nets: 5, seed: 21 });
    // The dense network sees the T positions as T separate inputs of C_0 values.
    const dense = await measureLengths({ network: { widths: channels, init, activation: { kind: 'relu' } }, inputs: x, nets: 5, seed: 21 });
    const d = channels.length - 1;
    for (let e = 0; e < 5; e++) {
      for (let j = 0; j <= d; j++) {
        let mean = 0;
        for (let t = 0; t < T; t++) mean += exp(dense.logM[(e * T + t) * (d + 1) + j]) / T;
        expect(abs(conv.logM[e * (d + 1) + j] - log(mean))).toBeLessThan(2e-5);
      }
    }
  });
});

describe('measureConvLengths: determinism, chunking and strategies', () => {
  it('the same seed gives identical traces; another seed does not', async () => {
    const a = await measureConvLengths(experiment());
    const b = await measureConvLengths(experiment());
    const c = await measureConvLengths(experiment({ seed: 10 }));
    expect(Array.from(a.logM)).toEqual(Array.from(b.logM));
    expect(Array.from(a.logM)).not.toEqual(Array.from(c.logM));
  });

  it('a network does not depend on how many others run beside it', async () => {
    const few = await measureConvLengths(experiment({ nets: 3 }));
    const many = await measureConvLengths(experiment({ nets: 40 }));
    expect(Array.from(few.logM)).toEqual(Array.from(many.logM.subarray(0, few.logM.length)));
  });

  it('batched and per-network matMul strategies agree to float32 rounding', async () => {
    const a = await measureConvLengths(experiment({ strategy: 'batched' }));
    const b = await measureConvLengths(experiment({ strategy: 'loop' }));
    expect(a.strategies).toEqual(['batched', 'batched', 'batched']);
    expect(b.strategies).toEqual(['loop', 'loop', 'loop']);
    for (let k = 0; k < a.logM.length; k++) expect(abs(a.logM[k] - b.logM[k])).toBeLessThan(1e-4);
  });
});

describe('measureConvLengths: components resolve like dense layers, with conv fans', () => {
  it('the variance component sees the conv fans (C_in·k, C_out·k); the activation component replaces σ', () => {
    const spec = { channels: [4, 16, 8], kernel: 3, length: 8, init: he() };
    expect(resolveConvNetwork(spec).layers.map((l) => l.weightStd ** 2)).toEqual([2 / 12, 2 / 48].map((v) => sqrt(v) ** 2));
    const fanOut = (_rule: unknown, _fanIn: number, out: number): number => 2 / out;
    expect(resolveConvNetwork(spec, { variance: fanOut }).layers.map((l) => [l.fanIn, l.fanOut, l.weightStd ** 2])).toEqual([
      [12, 48, sqrt(2 / 48) ** 2],
      [48, 24, sqrt(2 / 24) ** 2],
    ]);
    expect(resolveConvNetwork(spec, { activation: () => ({ kind: 'leaky-relu', slope: 0.3 }) }).activation).toEqual({ kind: 'leaky-relu', slope: 0.3 });
  });
});

describe('measureConvLengths: depth is measured in log space, failures are reported', () => {
  it('He at depth 60 neither overflows nor dies; c = 16 at depth 60 is 60·log 8 up in log space', async () => {
    const channels = [2, ...Array<number>(60).fill(8)];
    const h = await measureConvLengths(experiment({ channels, nets: 10 }));
    expect(h.outcomes).toEqual({ ok: 20, dead: 0, nonfinite: 0 });
    const big = await measureConvLengths(experiment({ channels, nets: 10, init: { law: 'gaussian', variance: { scale: 16 }, bias: { law: 'zero' } } }));
    expect(big.outcomes).toEqual({ ok: 20, dead: 0, nonfinite: 0 });
    for (let u = 0; u < 20; u++) {
      expect(abs(h.logM[u * 61 + 60] - h.logM[u * 61])).toBeLessThan(25); // log-normal spread, mean 0
      const logRatio = big.logM[u * 61 + 60] - big.logM[u * 61]; // log E = 60 log 8 = 124.8
      expect(logRatio).toBeGreaterThan(90);
      expect(logRatio).toBeLessThan(130);
    }
  });

  it('a single positive channel with kernel 1 dies half the time per layer: dead units have log M = −∞', async () => {
    const t = await measureConvLengths(experiment({ channels: [1, 1, 1, 1], kernel: 1, length: 5, inputs: Float32Array.from([1, 2, 3, 4, 5]), nets: 200 }));
    expect(t.outcomes.dead).toBeGreaterThan(150); // P(dead) = 1 − 2^−3 = 0.875
    const u = t.status.findIndex((s) => s === STATUS_DEAD);
    expect(t.logM[u * 4 + 3]).toBe(-Infinity);
  });

  it('an infinite weight is reported as a non-finite outcome, never silently', async () => {
    const t = await measureConvLengths(experiment({ parts: { variance: () => Infinity }, nets: 5 }));
    expect(t.outcomes.nonfinite).toBe(10);
    expect(t.status.every((s) => s === STATUS_NONFINITE)).toBe(true);
  });
});
