import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../backend';
import { RandomStream } from '../random/stream';
import { deriveSeed } from '../random/seed';
import { measureResidualLengths, resolveResidualModules, STATUS_NONFINITE, type ResidualLengthExperiment } from './residual-lengths';

const { abs, exp, log, max, sqrt } = Math;

const x = new Float32Array([1, -2, 0.5, 3, 0.25, -1, 2, -0.5, 1.5, 0.75, -3, 1, 0.1, 2.5, -1.25, 0.6]); // B = 2, n = 8
const experiment = (over: Partial<ResidualLengthExperiment> = {}): ResidualLengthExperiment => ({
  width: 8,
  etas: [0.5, 0.3, 0.2],
  inputs: x,
  nets: 40,
  seed: 9,
  ...over,
});

beforeAll(async () => {
  await initEngine();
});

describe('measureResidualLengths: bad input is a clear error naming the parameter', () => {
  it.each([
    [{ width: 0 }, 'width must be an integer in [1, 100000]; got 0'],
    [{ width: 2.5 }, 'width must be an integer in [1, 100000]; got 2.5'],
    [{ etas: [] }, 'etas must list η_1 … η_L for 1 ≤ L ≤ 10000 modules; got 0 values'],
    [{ etas: [0.5, -0.1] }, 'etas[1] (η_2) must be a finite number ≥ 0; got -0.1'],
    [{ etas: [Number.NaN] }, 'etas[0] (η_1) must be a finite number ≥ 0; got NaN'],
    [{ etas: [Infinity] }, 'etas[0] (η_1) must be a finite number ≥ 0; got Infinity'],
    [{ nets: 0 }, 'nets must be an integer ≥ 1; got 0'],
    [{ nets: 1.5 }, 'nets must be an integer ≥ 1; got 1.5'],
    [{ inputs: new Float32Array(7) }, 'inputs must be a non-empty Float32Array of B × 8 values; got length 7'],
    [{ inputs: new Float32Array(8) }, 'inputs[0] is the zero vector'],
  ])('%j → %s', async (over, message) => {
    await expect(measureResidualLengths(experiment(over as Partial<ResidualLengthExperiment>))).rejects.toThrow(message);
  });
});

describe('measureResidualLengths: determinism', () => {
  it('the same seed gives identical traces; another seed does not', async () => {
    const a = await measureResidualLengths(experiment());
    const b = await measureResidualLengths(experiment());
    const c = await measureResidualLengths(experiment({ seed: 10 }));
    expect(Array.from(a.logM)).toEqual(Array.from(b.logM));
    expect(Array.from(a.logM)).not.toEqual(Array.from(c.logM));
  });

  it('a network does not depend on how many others run beside it', async () => {
    const few = await measureResidualLengths(experiment({ nets: 3 }));
    const many = await measureResidualLengths(experiment({ nets: 40 }));
    expect(Array.from(few.logM)).toEqual(Array.from(many.logM.subarray(0, few.logM.length)));
  });

  it('leaves no tensors behind (chunked, with identity modules)', async () => {
    await measureResidualLengths(experiment());
    const before = tf.memory().numTensors;
    await measureResidualLengths(experiment({ etas: [0.5, 0, 2], nets: 7 }));
    await measureResidualLengths(experiment({ width: 700, inputs: new Float32Array(700).fill(1), etas: [0.3, 0.1], nets: 6 })); // 2 chunks (≤ 4 nets each)
    expect(tf.memory().numTensors).toBe(before);
  });

  it('batched and per-network matMul strategies agree to float32 rounding', async () => {
    const a = await measureResidualLengths(experiment({ strategy: 'batched' }));
    const b = await measureResidualLengths(experiment({ strategy: 'loop' }));
    expect([a.strategy, b.strategy]).toEqual(['batched', 'loop']);
    for (let k = 0; k < a.logM.length; k++) expect(abs(a.logM[k] - b.logM[k])).toBeLessThan(1e-4);
  });
});

/**
 * The engine against a float64 reference computed from the same seeded streams (W1 then W2 per
 * module, row-major [n_in, n_out], h·W): exact up to float32 rounding, no statistics involved.
 */
function reference(exp0: ResidualLengthExperiment, net: number, etas: readonly number[]): number[][] {
  const n = exp0.width;
  const B = exp0.inputs.length / n;
  const s = new RandomStream(deriveSeed(exp0.seed, 'net', net));
  const z = Array.from({ length: B }, (_, b) => Array.from(exp0.inputs.subarray(b * n, (b + 1) * n), Number));
  const logs = z.map((v) => [log(v.reduce((t, a) => t + a * a, 0) / n)]);
  const w1 = new Float32Array(n * n);
  const w2 = new Float32Array(n * n);
  for (const eta of etas) {
    s.fillNormal(w1, sqrt(2 / n));
    s.fillNormal(w2, sqrt(1 / n));
    for (let b = 0; b < B; b++) {
      const h = new Array<number>(n).fill(0);
      for (let j = 0; j < n; j++) {
        let a = 0;
        for (let i = 0; i < n; i++) a += z[b][i] * w1[i * n + j];
        h[j] = max(a, 0);
      }
      for (let j = 0; j < n; j++) {
        let u = 0;
        for (let i = 0; i < n; i++) u += h[i] * w2[i * n + j];
        z[b][j] += eta * u;
      }
      logs[b].push(log(z[b].reduce((t, a) => t + a * a, 0) / n));
    }
  }
  return logs;
}

describe('measureResidualLengths: exact against a float64 reference', () => {
  it('every log M_l of the first networks matches the reference to float32 rounding', async () => {
    const e0 = experiment({ nets: 5 });
    const t = await measureResidualLengths(e0);
    for (let e = 0; e < 5; e++) {
      const ref = reference(e0, e, e0.etas);
      for (let b = 0; b < 2; b++) {
        for (let l = 0; l <= 3; l++) expect(abs(t.logM[(e * 2 + b) * 4 + l] - ref[b][l])).toBeLessThan(2e-5);
      }
    }
  });

  it('η = 0 modules are the identity: M_l = M_0 exactly', async () => {
    const t = await measureResidualLengths(experiment({ etas: [0, 0, 0, 0] }));
    for (let u = 0; u < t.status.length; u++) {
      for (let l = 1; l <= 4; l++) expect(t.logM[u * 5 + l]).toBe(t.logM[u * 5]);
    }
  });

  it('a zero module leaves the others unchanged (its weights are still drawn)', async () => {
    const e0 = experiment({ etas: [0.5, 0, 0.2], nets: 3 });
    const t = await measureResidualLengths(e0);
    const ref = reference(e0, 2, [0.5, 0, 0.2]);
    expect(abs(t.logM[(2 * 2 + 1) * 4 + 3] - ref[1][3])).toBeLessThan(2e-5);
  });

  it('a residual-scale component of 1 runs every module at η = 1; the variance and activation components reach W1, W2 and σ', async () => {
    const e0 = experiment({ nets: 2, parts: { residualScale: () => 1 } });
    const t = await measureResidualLengths(e0);
    expect(t.modules.map((m) => m.eta)).toEqual([1, 1, 1]);
    const ref = reference(e0, 1, [1, 1, 1]);
    expect(abs(t.logM[(1 * 2 + 0) * 4 + 3] - ref[0][3])).toBeLessThan(2e-5);
    const heavy = resolveResidualModules(8, [0.5], { variance: (rule, fanIn) => ('preset' in rule && rule.preset === 'he' ? 1.8 / fanIn : 1 / fanIn) })[0];
    expect(heavy.std1 ** 2).toBeCloseTo(1.8 / 8, 12);
    expect(heavy.std2 ** 2).toBeCloseTo(1 / 8, 12);
    expect(resolveResidualModules(8, [0.5], { activation: () => ({ kind: 'leaky-relu', slope: 0.3 }) })[0].activation).toEqual({ kind: 'leaky-relu', slope: 0.3 });
  });
});

describe('measureResidualLengths: depth is measured in log space, failures are reported', () => {
  it('200 modules at η = 1 neither overflow nor turn into zeros (log(M_200/M_0) ≈ 200·log 2)', async () => {
    const t = await measureResidualLengths(experiment({ width: 32, inputs: new Float32Array(32).fill(1), etas: Array<number>(200).fill(1), nets: 10 }));
    expect(t.outcomes).toEqual({ ok: 10, dead: 0, nonfinite: 0 });
    for (let e = 0; e < 10; e++) {
      const logRatio = t.logM[e * 201 + 200] - t.logM[e * 201];
      // log E[M_200/M_0] = 200 log 2 = 138.6 (float32 overflows at log 88.7); E log R per module is
      // below log 2 by ~Var(log R)/2 ≈ 0.05 at n = 32, and log M_200 spreads by ~√200·0.3 ≈ 4.
      expect(Number.isFinite(logRatio)).toBe(true);
      expect(logRatio).toBeGreaterThan(100);
      expect(logRatio).toBeLessThan(150);
    }
  });

  it('a huge η (1e30: ‖η u‖ overflows float32) is still measured, log M_1 ≈ log M_0 + 2 log η', async () => {
    const t = await measureResidualLengths(experiment({ etas: [1e30], nets: 10 }));
    expect(t.outcomes.ok).toBe(20);
    for (let u = 0; u < 20; u++) {
      const r = t.logM[u * 2 + 1] - t.logM[u * 2] - 2 * log(1e30);
      expect(abs(r)).toBeLessThan(5); // log(‖u‖²/‖z‖²): a χ²-type ratio, never e^±5 at n = 8
    }
  });

  it('a NaN or infinite weight is reported as a non-finite outcome, never silently', async () => {
    const t = await measureResidualLengths(experiment({ parts: { variance: () => Infinity }, nets: 5 }));
    expect(t.outcomes.nonfinite).toBe(10);
    expect(t.status.every((s) => s === STATUS_NONFINITE)).toBe(true);
  });

  it('mean of M_1/M_0 over 4000 networks matches 1 + η² (α = 1e-6 z-test)', async () => {
    // One module, n = 8, η = 0.8: E R = 1.64 and E R² = 1 + 2η² + 4η²/n + η⁴(1 + 5/n)(1 + 2/n)
    // = 3.432, so sd(R) = √(3.432 − 1.64²) = 0.8616; one input per network → i.i.d. R, se = 0.0136.
    const nets = 4000;
    const t = await measureResidualLengths(experiment({ inputs: x.subarray(0, 8), etas: [0.8], nets }));
    let s = 0;
    for (let e = 0; e < nets; e++) s += exp(t.logM[e * 2 + 1] - t.logM[e * 2]);
    expect(abs(s / nets - 1.64)).toBeLessThan(4.89 * (0.8616 / sqrt(nets)));
  });
});
