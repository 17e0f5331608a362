import { test as propTest, fc } from '@fast-check/jest';
import { initEngine } from '../backend';
import { he } from '../init/initializer';
import { measureLengths, STATUS_DEAD, STATUS_NONFINITE, type LengthExperiment } from './lengths';

const x = new Float32Array([1, -2, 0.5, 3]);
const experiment = (over: Partial<LengthExperiment> = {}): LengthExperiment => ({
  network: { widths: [4, 16, 16, 16], init: he(), activation: { kind: 'relu' } },
  inputs: x,
  nets: 50,
  seed: 9,
  ...over,
});

beforeAll(async () => {
  await initEngine();
});

describe('measureLengths: bad input is a clear error naming the parameter', () => {
  it.each([
    [{ widths: [4, 0, 8] }, 'widths[1] must be an integer in [1, 100000]; got 0'],
    [{ widths: [4, -3] }, 'widths[1] must be an integer in [1, 100000]; got -3'],
    [{ widths: [4] }, 'widths must list the input width and at least one layer width (depth ≥ 1)'],
    [{ init: { law: 'gaussian', variance: { scale: Number.NaN }, bias: { law: 'zero' } } }, 'init.variance.scale must be a finite number in (0, 1000000]; got NaN'],
    [{ init: { law: 'gaussian', variance: { scale: -2 }, bias: { law: 'zero' } } }, 'init.variance.scale must be a finite number in (0, 1000000]; got -2'],
    [{ init: { law: 'cauchy', variance: { preset: 'he' }, bias: { law: 'zero' } } }, 'init.law must be one of gaussian, uniform, truncated-normal; got "cauchy"'],
    [{ init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'gaussian', std: -1 } } }, 'init.bias.std must be a finite number ≥ 0; got -1'],
    [{ activation: { kind: 'leaky-relu', slope: 2 } }, 'activation.slope must be a number in [0, 1); got 2'],
  ])('%j', async (network, message) => {
    const base = experiment().network;
    await expect(measureLengths(experiment({ network: { ...base, ...(network as object) } }))).rejects.toThrow(message);
  });

  it('rejects a zero input, a non-finite input and a bad ensemble size', async () => {
    await expect(measureLengths(experiment({ inputs: new Float32Array(4) }))).rejects.toThrow('inputs[0] is the zero vector');
    await expect(measureLengths(experiment({ inputs: new Float32Array([1, Number.NaN, 0, 0]) }))).rejects.toThrow('inputs[0][1] must be finite; got NaN');
    await expect(measureLengths(experiment({ inputs: new Float32Array(3) }))).rejects.toThrow('inputs must be a non-empty Float32Array of B × 4 values; got length 3');
    await expect(measureLengths(experiment({ nets: 0 }))).rejects.toThrow('nets must be an integer ≥ 1; got 0');
  });

  propTest.prop([fc.integer({ min: -5, max: 0 }), fc.integer({ min: 1, max: 5 })], { numRuns: 10 })(
    'any non-positive width anywhere is rejected',
    async (bad, position) => {
      const widths = [3, 8, 8, 8, 8, 8];
      widths[position] = bad;
      await expect(measureLengths(experiment({ network: { widths, init: he(), activation: { kind: 'relu' } } }))).rejects.toThrow(`widths[${position}]`);
    },
  );
});

describe('measureLengths: determinism and strategies', () => {
  it('the same seed gives identical traces; another seed does not', async () => {
    const a = await measureLengths(experiment());
    const b = await measureLengths(experiment());
    const c = await measureLengths(experiment({ seed: 10 }));
    expect(Array.from(a.logM)).toEqual(Array.from(b.logM));
    expect(Array.from(a.logM)).not.toEqual(Array.from(c.logM));
  });

  it('a network does not depend on how many others run beside it', async () => {
    const few = await measureLengths(experiment({ nets: 3 }));
    const many = await measureLengths(experiment({ nets: 50 }));
    expect(Array.from(few.logM)).toEqual(Array.from(many.logM.subarray(0, few.logM.length)));
  });

  it('batched and per-network matMul strategies agree to float32 rounding', async () => {
    const a = await measureLengths(experiment({ strategy: 'batched' }));
    const b = await measureLengths(experiment({ strategy: 'loop' }));
    expect(a.strategies).toEqual(['batched', 'batched', 'batched']);
    expect(b.strategies).toEqual(['loop', 'loop', 'loop']);
    for (let k = 0; k < a.logM.length; k++) expect(Math.abs(a.logM[k] - b.logM[k])).toBeLessThan(1e-4);
  });
});

describe('measureLengths: depth is measured in log space, failures are reported', () => {
  it('c = 16 at depth 100 neither overflows nor turns into zeros (log M_100 ≈ 100·log 8)', async () => {
    const widths = [4, ...Array<number>(100).fill(64)];
    const t = await measureLengths(experiment({ network: { widths, init: { law: 'gaussian', variance: { scale: 16 }, bias: { law: 'zero' } }, activation: { kind: 'relu' } }, nets: 20 }));
    expect(t.outcomes).toEqual({ ok: 20, dead: 0, nonfinite: 0 });
    for (let e = 0; e < 20; e++) {
      const logRatio = t.logM[e * 101 + 100] - t.logM[e * 101];
      // log E[M_100/M_0] = 100 log 8 = 207.9; log-normal spread at width 64 is a few units.
      expect(logRatio).toBeGreaterThan(170);
      expect(logRatio).toBeLessThan(215);
    }
  });

  it('c = 0.1 at depth 100 underflows float32 by 10^−200 but is still measured', async () => {
    const widths = [4, ...Array<number>(100).fill(64)];
    const t = await measureLengths(experiment({ network: { widths, init: { law: 'gaussian', variance: { scale: 0.1 }, bias: { law: 'zero' } }, activation: { kind: 'relu' } }, nets: 20 }));
    expect(t.outcomes.ok).toBe(20);
    const logRatio = t.logM[100] - t.logM[0];
    expect(logRatio / Math.LN10).toBeLessThan(-120);
  });

  it('width-1 layers die (an all-zero layer) and are reported as dead, with log M = −∞', async () => {
    const t = await measureLengths(experiment({ network: { widths: [4, 1, 1, 1, 1], init: he(), activation: { kind: 'relu' } }, nets: 200 }));
    expect(t.outcomes.dead).toBeGreaterThan(100); // P(dead) = 1 − 2^−4 = 0.94
    const u = t.status.findIndex((s) => s === STATUS_DEAD);
    expect(t.logM[u * 5 + 4]).toBe(-Infinity);
  });

  it('a NaN or infinite weight is reported as a non-finite outcome, never silently', async () => {
    const t = await measureLengths(experiment({ parts: { variance: () => Infinity }, nets: 5 }));
    expect(t.outcomes.nonfinite).toBe(5);
    expect(t.status.every((s) => s === STATUS_NONFINITE)).toBe(true);
  });
});
