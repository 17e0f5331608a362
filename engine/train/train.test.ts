import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../backend';
import { RandomStream } from '../random/stream';
import { he } from '../init/initializer';
import { sampleDenseParams, type DenseParams64 } from './params';
import { mseLoss64 } from './evaluate64';
import { activation64, activationDerivative64, type TrainActivation } from './activations';
import { chooseTrainStrategy, trainEnsemble, type TrainData, type TrainOptions } from './train';

beforeAll(async () => {
  await initEngine();
});

const sample = (widths: number[], nets: number, seed: number, biasStd = 0.1): DenseParams64[] => {
  const s = new RandomStream(seed);
  const init = { ...he(), bias: biasStd > 0 ? { law: 'gaussian' as const, std: biasStd } : { law: 'zero' as const } };
  return Array.from({ length: nets }, () => sampleDenseParams({ widths, init, activation: { kind: 'relu' } }, s));
};

/** y = |x| on n points of [−1, 1] (1-D). */
const absData = (n: number): TrainData => {
  const inputs = Float64Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  return { inputs, targets: inputs.map(Math.abs) };
};

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

const paramsDiff = (a: DenseParams64, b: DenseParams64): number =>
  Math.max(...a.layers.map((l, i) => Math.max(maxAbsDiff(l.weights, b.layers[i].weights), maxAbsDiff(l.biases, b.layers[i].biases))));

describe('trainEnsemble: learning', () => {
  it.each(['batched', 'loop'] as const)('%s: the loss decreases on a 1-D regression (|x|), for every activation family', async (strategy) => {
    const acts: TrainActivation[] = [{ kind: 'relu' }, { kind: 'tanh' }, { kind: 'xtanh' }, { kind: 'softplus' }];
    for (const activation of acts) {
      const r = await trainEnsemble({ params: sample([1, 16, 16, 1], 3, 1), activation, data: absData(32), optimizer: { kind: 'adam', lr: 1e-2 }, steps: 150, checkpoints: [0], strategy });
      for (let e = 0; e < 3; e++) expect(r.finalLoss[e]).toBeLessThan(0.3 * r.checkpoints[0].loss[e]);
      expect(r.strategy).toBe(strategy);
    }
  });

  it('reaches a success threshold and stops early when every net has succeeded', async () => {
    const r = await trainEnsemble({
      params: sample([1, 16, 16, 1], 4, 2),
      activation: { kind: 'relu' },
      data: absData(32),
      optimizer: { kind: 'adam', lr: 1e-2 },
      steps: 2000,
      success: { lossBelow: 0.01, stopWhenAllSucceeded: true },
      lossEvery: 10,
    });
    const steps = [...r.successStep!];
    expect(steps.every((s) => s > 0)).toBe(true);
    expect(r.stepsRun).toBe(Math.max(...steps));
    expect(r.stepsRun).toBeLessThan(2000);
    // The last net to succeed is below the threshold at the stop (the others were once; Adam's loss is not monotone).
    expect(r.finalLoss[steps.indexOf(r.stepsRun)]).toBeLessThan(0.01);
    // History: every 10 steps plus the last step run; the success step is the first below threshold.
    expect(r.history![0].step).toBe(0);
    expect(r.history![r.history!.length - 1].step).toBe(r.stepsRun);
    for (const h of r.history!) for (let e = 0; e < 4; e++) if (h.step < steps[e]) expect(h.loss[e]).toBeGreaterThanOrEqual(0.01);
  });
});

describe('trainEnsemble: independence, determinism, strategies', () => {
  const params = sample([2, 8, 8, 1], 5, 3);
  const s = new RandomStream(4);
  const inputs = new Float64Array(40);
  s.fillUniform(inputs);
  const targets = new Float64Array(20);
  s.fillNormal(targets);
  const perNet: TrainData[] = params.map(() => {
    const x = new Float64Array(40);
    s.fillUniform(x);
    return { inputs: x, targets: x.filter((_, i) => i % 2 === 0).map((v) => Math.sin(3 * v)) };
  });
  const base: Omit<TrainOptions, 'params' | 'data'> = { activation: { kind: 'tanh' }, optimizer: { kind: 'adam', lr: 1e-2 }, steps: 60, checkpoints: [30] };

  it.each(['batched', 'loop'] as const)('%s: a net trained inside the ensemble follows the trajectory it follows alone (shared and per-net data)', async (strategy) => {
    for (const [data, dataOf] of [
      [{ inputs, targets }, () => ({ inputs, targets })],
      [perNet, (e: number) => perNet[e]],
    ] as const) {
      const ens = await trainEnsemble({ ...base, params, data, strategy });
      for (const e of [0, 3]) {
        const alone = await trainEnsemble({ ...base, params: [params[e]], data: dataOf(e), strategy });
        expect(paramsDiff(ens.finalParams[e], alone.finalParams[0])).toBeLessThan(1e-5);
        expect(paramsDiff(ens.checkpoints[0].params[e], alone.checkpoints[0].params[0])).toBeLessThan(1e-5);
        expect(Math.abs(ens.finalLoss[e] - alone.finalLoss[0])).toBeLessThan(1e-5 * (1 + alone.finalLoss[0]));
      }
    }
  });

  it('is deterministic: same params and data give bitwise-identical losses and parameters', async () => {
    const a = await trainEnsemble({ ...base, params, data: { inputs, targets }, lossEvery: 1 });
    const b = await trainEnsemble({ ...base, params, data: { inputs, targets }, lossEvery: 1 });
    expect(b.history).toEqual(a.history);
    expect(b.finalParams).toEqual(a.finalParams);
  });

  it.each(['batched', 'loop'] as const)('%s: retiring nets at checkpoints never changes the others (bit for bit), freezes the retired at their checkpoint, and stops when all are retired', async (strategy) => {
    const params = sample([1, 12, 12, 1], 9, 21);
    const data = Array.from({ length: 9 }, (_, e) => ({ ...absData(16), targets: Float64Array.from(absData(16).targets, (y) => y * (1 + e / 10)) }));
    const base = { params, activation: { kind: 'tanh' } as const, data, optimizer: { kind: 'adam' as const, lr: 1e-2 }, steps: 60, checkpoints: [0, 10, 20, 30, 40, 50, 60], strategy };
    const full = await trainEnsemble(base);
    // Retire nets 0–2 at step 10, 3–5 at step 30 (the trainer drops them from its tensors), never 6–8.
    const retired = await trainEnsemble({ ...base, retire: (s) => (s.step === 10 ? [0, 1, 2] : s.step === 30 ? [3, 4, 5, 3] : []) });
    expect(Array.from(retired.retiredStep)).toEqual([10, 10, 10, 30, 30, 30, -1, -1, -1]);
    expect(Array.from(full.retiredStep)).toEqual(new Array(9).fill(-1));
    expect(retired.stepsRun).toBe(60);
    for (const [k, snap] of retired.checkpoints.entries()) {
      for (let e = 0; e < 9; e++) {
        const at = retired.retiredStep[e] >= 0 && snap.step > retired.retiredStep[e] ? retired.retiredStep[e] / 10 : k;
        expect(paramsDiff(snap.params[e], full.checkpoints[at].params[e])).toBe(0);
        expect(snap.loss[e]).toBe(full.checkpoints[at].loss[e]);
      }
    }
    const all = await trainEnsemble({ ...base, retire: (s) => (s.step === 20 ? [0, 1, 2, 3, 4, 5, 6, 7, 8] : []) });
    expect(all.stepsRun).toBe(20);
    expect(all.checkpoints.map((c) => c.step)).toEqual([0, 10, 20]);
    await expect(trainEnsemble({ ...base, retire: () => [9] })).rejects.toThrow('retire must return net indices in [0, 8]; got 9');
  });

  it('the two strategies agree to float32 tolerance', async () => {
    const a = await trainEnsemble({ ...base, params, data: perNet, strategy: 'batched' });
    const b = await trainEnsemble({ ...base, params, data: perNet, strategy: 'loop' });
    for (let e = 0; e < params.length; e++) expect(paramsDiff(a.finalParams[e], b.finalParams[e])).toBeLessThan(1e-5);
  });

  it('auto picks by shape: batched for small nets, loop for wide hidden-to-hidden layers', () => {
    expect(chooseTrainStrategy([2, 16, 16, 16, 1], 100, false)).toBe('batched');
    expect(chooseTrainStrategy([1, 1000, 1], 100, false)).toBe('batched');
    expect(chooseTrainStrategy([2, 128, 128, 1], 100, false)).toBe('loop');
    expect(chooseTrainStrategy([2, 128, 128, 1], 100, true)).toBe('batched'); // the native batched matMul wins everywhere
  });
});

describe('trainEnsemble: step semantics against float64 references', () => {
  // 2 → 3 → 1, tanh, 3 points.
  const p0: DenseParams64 = {
    inputDim: 2,
    layers: [
      { fanIn: 2, fanOut: 3, weights: new Float64Array([0.5, -0.25, 0.75, 0.125, -0.5, 1]), biases: new Float64Array([0.1, -0.2, 0.05]) },
      { fanIn: 3, fanOut: 1, weights: new Float64Array([1, -0.5, 0.25]), biases: new Float64Array([0.3]) },
    ],
  };
  const x = [0.5, -1, 1, 0.25, -0.75, 0.5];
  const y = [0.2, -0.4, 0.9];
  const act: TrainActivation = { kind: 'tanh' };

  /** Hand-written backprop in float64: ∂L/∂θ for L = (1/n) Σ (f(x_i) − y_i)². */
  function gradient64(p: DenseParams64): DenseParams64 {
    const [h, o] = p.layers;
    const gW1 = new Float64Array(6);
    const gb1 = new Float64Array(3);
    const gW2 = new Float64Array(3);
    const gb2 = new Float64Array(1);
    const sigma = activation64(act);
    const dsigma = activationDerivative64(act);
    const n = y.length;
    for (let i = 0; i < n; i++) {
      const xi = [x[2 * i], x[2 * i + 1]];
      const z = [0, 1, 2].map((j) => h.biases[j] + h.weights[2 * j] * xi[0] + h.weights[2 * j + 1] * xi[1]);
      const a = z.map(sigma);
      const f = o.biases[0] + a.reduce((s, v, j) => s + o.weights[j] * v, 0);
      const df = (2 / n) * (f - y[i]);
      gb2[0] += df;
      for (let j = 0; j < 3; j++) {
        gW2[j] += df * a[j];
        const dz = df * o.weights[j] * dsigma(z[j]);
        gb1[j] += dz;
        gW1[2 * j] += dz * xi[0];
        gW1[2 * j + 1] += dz * xi[1];
      }
    }
    return { inputDim: 2, layers: [{ ...h, weights: gW1, biases: gb1 }, { ...o, weights: gW2, biases: gb2 }] };
  }

  const flat = (p: DenseParams64): number[] => p.layers.flatMap((l) => [...l.weights, ...l.biases]);

  it.each(['batched', 'loop'] as const)('%s: one SGD step equals θ − lr·∇L with the float64 gradient; step-0 loss equals the float64 MSE (no ½)', async (strategy) => {
    const lr = 0.1;
    const r = await trainEnsemble({ params: [p0], activation: act, data: { inputs: x, targets: y }, optimizer: { kind: 'sgd', lr }, steps: 1, checkpoints: [0, 1], strategy });
    expect(r.checkpoints.map((c) => c.step)).toEqual([0, 1]);
    expect(r.checkpoints[0].loss[0]).toBeCloseTo(mseLoss64(p0, act, x, y), 6);
    const g = flat(gradient64(p0));
    const before = flat(p0);
    const after = flat(r.checkpoints[1].params[0]);
    after.forEach((v, k) => expect(Math.abs(v - (before[k] - lr * g[k]))).toBeLessThan(1e-6));
    expect(r.finalLoss[0]).toBeCloseTo(mseLoss64(r.finalParams[0], act, x, y), 6);
  });

  it('Adam: the first step moves every parameter by lr·g/(|g| + ε) ≈ lr·sign(g); bias correction uses the step number', async () => {
    const lr = 1e-3;
    const r = await trainEnsemble({ params: [p0], activation: act, data: { inputs: x, targets: y }, optimizer: { kind: 'adam', lr }, steps: 2, checkpoints: [1, 2] });
    const g = flat(gradient64(p0));
    const before = flat(p0);
    const after1 = flat(r.checkpoints[0].params[0]);
    // Tolerance: half a float32 ulp of the stored parameter (|θ| ≤ 1).
    after1.forEach((v, k) => expect(Math.abs(v - before[k] - (-lr * g[k]) / (Math.abs(g[k]) + 1e-7))).toBeLessThan(1e-7));
    // Second step: m, v from two gradients, corrected by 1 − β^2.
    const g1 = flat(gradient64(r.checkpoints[0].params[0]));
    const after2 = flat(r.checkpoints[1].params[0]);
    after2.forEach((v, k) => {
      const m = (0.9 * 0.1 * g[k] + 0.1 * g1[k]) / (1 - 0.9 ** 2);
      const s = (0.999 * 0.001 * g[k] ** 2 + 0.001 * g1[k] ** 2) / (1 - 0.999 ** 2);
      expect(Math.abs(v - after1[k] - (-lr * m) / (Math.sqrt(s) + 1e-7))).toBeLessThan(2e-7);
    });
  });

  it('checkpoints: step 0 is the float32-rounded initialization; losses pair with the parameters of the same step; continuing SGD from a snapshot reproduces the run bitwise', async () => {
    const params = sample([1, 8, 8, 1], 3, 9);
    const data = absData(16);
    const opt = { kind: 'sgd', lr: 0.05 } as const;
    const r = await trainEnsemble({ params, activation: { kind: 'relu' }, data, optimizer: opt, steps: 7, checkpoints: [7, 0, 3, 3], lossEvery: 1 });
    expect(r.stepsRun).toBe(7);
    expect(r.checkpoints.map((c) => c.step)).toEqual([0, 3, 7]);
    expect(r.checkpoints[0].params[1].layers[0].weights).toEqual(params[1].layers[0].weights.map(Math.fround));
    for (const c of r.checkpoints) {
      expect(c.loss).toEqual(r.history![c.step].loss);
      for (let e = 0; e < 3; e++) expect(c.loss[e]).toBeCloseTo(mseLoss64(c.params[e], { kind: 'relu' }, data.inputs, data.targets), 5);
    }
    expect(r.checkpoints[2].params).toEqual(r.finalParams);
    expect(r.finalLoss).toEqual(r.checkpoints[2].loss);
    const resumed = await trainEnsemble({ params: r.checkpoints[1].params, activation: { kind: 'relu' }, data, optimizer: opt, steps: 4 });
    expect(resumed.finalParams).toEqual(r.finalParams);
    // steps = 0 evaluates the initialization only.
    const zero = await trainEnsemble({ params, activation: { kind: 'relu' }, data, optimizer: opt, steps: 0, checkpoints: [0] });
    expect(zero.stepsRun).toBe(0);
    expect(zero.finalLoss).toEqual(r.checkpoints[0].loss);
  });
});

describe('trainEnsemble: non-finite outcomes and memory', () => {
  it.each(['batched', 'loop'] as const)('%s: a net whose loss overflows is frozen and flagged; the others train as if alone', async (strategy) => {
    const params = sample([1, 8, 8, 1], 3, 11);
    const exploding = structuredClone(params[1]);
    exploding.layers[2].weights.fill(1e25);
    const data = absData(16);
    const opt = { activation: { kind: 'relu' } as const, data, optimizer: { kind: 'adam', lr: 1e-2 } as const, steps: 20, strategy };
    const r = await trainEnsemble({ ...opt, params: [params[0], exploding, params[2]], success: { lossBelow: 1e-9, stopWhenAllSucceeded: true } });
    expect([...r.divergedStep]).toEqual([-1, 0, -1]);
    expect(r.finalLoss[1]).toBe(Infinity);
    expect(r.finalParams[1].layers[2].weights.every((w) => w === Math.fround(1e25))).toBe(true);
    expect(r.stepsRun).toBe(20);
    const alone = await trainEnsemble({ ...opt, params: [params[2]] });
    expect(paramsDiff(r.finalParams[2], alone.finalParams[0])).toBeLessThan(1e-5);
  });

  it('leaves no tensor behind (numTensors unchanged after training, also after a failed call)', async () => {
    const before = tf.memory().numTensors;
    for (const strategy of ['batched', 'loop'] as const) {
      await trainEnsemble({ params: sample([2, 8, 1], 4, 1), activation: { kind: 'xtanh' }, data: { inputs: [0, 1, 1, 0, 0.5, 0.5], targets: [1, 0, 0.3] }, optimizer: { kind: 'adam', lr: 1e-3 }, steps: 30, checkpoints: [10], strategy });
    }
    await expect(trainEnsemble({ params: sample([2, 8, 1], 1, 1), activation: { kind: 'relu' }, data: { inputs: [0, 1], targets: [1] }, optimizer: { kind: 'sgd', lr: -1 }, steps: 3 })).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('trainEnsemble: bad input is a clear error naming the parameter and range', () => {
  const ok = (): TrainOptions => ({ params: sample([2, 4, 1], 2, 1), activation: { kind: 'relu' }, data: { inputs: [0, 1, 1, 0], targets: [1, 0] }, optimizer: { kind: 'adam', lr: 1e-3 }, steps: 5 });
  it.each([
    ['negative lr', { optimizer: { kind: 'sgd', lr: -0.1 } }, 'optimizer.lr must be a finite number > 0; got -0.1'],
    ['NaN lr', { optimizer: { kind: 'adam', lr: Number.NaN } }, 'optimizer.lr must be a finite number > 0; got NaN'],
    ['unknown optimizer', { optimizer: { kind: 'rmsprop', lr: 0.1 } }, `optimizer.kind must be 'adam' or 'sgd'; got "rmsprop"`],
    ['beta1', { optimizer: { kind: 'adam', lr: 0.1, beta1: 1 } }, 'optimizer.beta1 must be a number in [0, 1); got 1'],
    ['epsilon', { optimizer: { kind: 'adam', lr: 0.1, epsilon: 0 } }, 'optimizer.epsilon must be a finite number > 0; got 0'],
    ['unknown activation', { activation: { kind: 'swish' } }, 'activation.kind must be one of relu, leaky-relu, linear, tanh, sigmoid, softplus, xtanh, x2tanh; got "swish"'],
    ['NaN input', { data: { inputs: [0, Number.NaN, 1, 0], targets: [1, 0] } }, 'data.inputs[1] must be finite; got NaN'],
    ['NaN target', { data: { inputs: [0, 1, 1, 0], targets: [1, Infinity] } }, 'data.targets[1] must be finite; got Infinity'],
    ['inputs shape', { data: { inputs: [0, 1, 1], targets: [1, 0] } }, 'data.inputs must hold n × n_0 = n × 2 values (n ≥ 1); got length 3'],
    ['targets shape', { data: { inputs: [0, 1, 1, 0], targets: [1] } }, 'data.targets must hold n × n_out = 2 × 1 = 2 values; got length 1'],
    ['per-net data count', { data: [{ inputs: [0, 1], targets: [1] }] }, 'data must be one data set or one per net (2); got 1 data sets'],
    ['per-net point count', { data: [{ inputs: [0, 1], targets: [1] }, { inputs: [0, 1, 1, 1], targets: [1, 2] }] }, 'data[1] must have as many points as data[0] (1); got 2'],
    ['steps', { steps: 2.5 }, 'steps must be an integer in [0, 10000000]; got 2.5'],
    ['checkpoint', { checkpoints: [0, 6] }, 'checkpoints must be integers in [0, steps] = [0, 5]; got 6'],
    ['success', { success: { lossBelow: -1 } }, 'success.lossBelow must be a finite number > 0; got -1'],
    ['lossEvery', { lossEvery: 0 }, 'lossEvery must be an integer ≥ 1; got 0'],
    ['strategy', { strategy: 'gpu' }, `strategy must be 'auto', 'batched' or 'loop'; got "gpu"`],
    ['no nets', { params: [] }, 'params must be a non-empty array of DenseParams64 (one per net); got an empty array'],
  ])('%s', async (_label, over, message) => {
    await expect(trainEnsemble({ ...ok(), ...(over as Partial<TrainOptions>) })).rejects.toThrow(message);
  });

  it('architecture mismatch and non-finite parameters', async () => {
    await expect(trainEnsemble({ ...ok(), params: [...sample([2, 4, 1], 1, 1), ...sample([2, 5, 1], 1, 1)] })).rejects.toThrow(
      'params[1] must have the architecture of params[0] (widths [2, 4, 1]); got [2, 5, 1]',
    );
    const bad = sample([2, 4, 1], 2, 1);
    bad[1].layers[0].weights[3] = Number.NaN;
    await expect(trainEnsemble({ ...ok(), params: bad })).rejects.toThrow('params[1].layers[0].weights[3] must be finite; got NaN');
  });
});

/** Float64 forward pass: hidden layer l applies acts[l], plus h_{l−1} when skip[l]; linear read-out. */
function residualLoss64(p: DenseParams64, acts: readonly TrainActivation[], skip: readonly boolean[], x: readonly number[], y: readonly number[]): number {
  const n0 = p.inputDim;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    let h = x.slice(i * n0, (i + 1) * n0);
    p.layers.forEach((layer, l) => {
      const z = Array.from({ length: layer.fanOut }, (_, j) => layer.biases[j] + h.reduce((a, v, q) => a + layer.weights[j * layer.fanIn + q] * v, 0));
      h = l < p.layers.length - 1 ? z.map((v, j) => activation64(acts[l])(v) + (skip[l] ? h[j] : 0)) : z;
    });
    s += (h[0] - y[i]) ** 2;
  }
  return s / y.length;
}

describe('trainEnsemble: one activation per hidden layer', () => {
  const mixedLoss64 = (p: DenseParams64, acts: readonly TrainActivation[], x: readonly number[], y: readonly number[]): number =>
    residualLoss64(p, acts, acts.map(() => false), x, y);
  const x = [0.5, -1, 1, 0.25, -0.75, 0.5];
  const y = [0.2, -0.4, 0.9];
  const acts: TrainActivation[] = [{ kind: 'x2tanh' }, { kind: 'sigmoid' }, { kind: 'tanh' }];

  it.each(['batched', 'loop'] as const)('%s: a list applies acts[l] in hidden layer l (float64 loss at steps 0 and 3); a uniform list equals the single activation bitwise', async (strategy) => {
    const params = sample([2, 4, 3, 3, 1], 2, 21, 0.3);
    const r = await trainEnsemble({ params, activation: acts, data: { inputs: x, targets: y }, optimizer: { kind: 'adam', lr: 1e-2 }, steps: 3, checkpoints: [0, 3], strategy });
    for (const c of r.checkpoints) for (let e = 0; e < 2; e++) expect(c.loss[e]).toBeCloseTo(mixedLoss64(c.params[e], acts, x, y), 5);
    const single = await trainEnsemble({ params, activation: { kind: 'tanh' }, data: { inputs: x, targets: y }, optimizer: { kind: 'adam', lr: 1e-2 }, steps: 3, strategy });
    const list = await trainEnsemble({ params, activation: [{ kind: 'tanh' }, { kind: 'tanh' }, { kind: 'tanh' }], data: { inputs: x, targets: y }, optimizer: { kind: 'adam', lr: 1e-2 }, steps: 3, strategy });
    expect(list.finalLoss).toEqual(single.finalLoss);
    expect(list.finalParams).toEqual(single.finalParams);
  });

  it('a list of the wrong length, or with an unknown activation, is an error naming the parameter', async () => {
    const params = sample([2, 4, 3, 1], 1, 22);
    const base = { params, data: { inputs: x, targets: y }, optimizer: { kind: 'sgd', lr: 0.1 } as const, steps: 1 };
    await expect(trainEnsemble({ ...base, activation: [{ kind: 'tanh' }] })).rejects.toThrow('activation must be one activation or a list of one per hidden layer (2); got a list of 1');
    await expect(trainEnsemble({ ...base, activation: [{ kind: 'tanh' }, { kind: 'swish' } as unknown as TrainActivation] })).rejects.toThrow('activation[1].kind must be one of');
  });
});

describe('trainEnsemble: residual hidden layers and a fixed read-out bias', () => {
  /** Central-difference gradient of the float64 loss (float64 reference for one SGD step). */
  function numericGradient(p: DenseParams64, loss: (q: DenseParams64) => number): number[] {
    const g: number[] = [];
    const h = 1e-6;
    p.layers.forEach((layer, l) => {
      for (const key of ['weights', 'biases'] as const) {
        for (let k = 0; k < layer[key].length; k++) {
          const up = structuredClone(p);
          const down = structuredClone(p);
          up.layers[l][key][k] += h;
          down.layers[l][key][k] -= h;
          g.push((loss(up) - loss(down)) / (2 * h));
        }
      }
    });
    return g;
  }
  const flat = (p: DenseParams64): number[] => p.layers.flatMap((l) => [...l.weights, ...l.biases]);
  const x = [0.5, -1, 1, 0.25, -0.75, 0.5];
  const y = [0.2, -0.4, 0.9];
  const acts: TrainActivation[] = [{ kind: 'x2tanh' }, { kind: 'sigmoid' }, { kind: 'tanh' }];
  const skip = [false, true, true];

  it.each(['batched', 'loop'] as const)('%s: residual: true adds h_{l−1} in every hidden layer after the first (float64 loss at steps 0 and 3; one SGD step = θ − lr·∇L64)', async (strategy) => {
    const params = sample([2, 4, 4, 4, 1], 2, 31, 0.3);
    const r = await trainEnsemble({ params, activation: acts, residual: true, data: { inputs: x, targets: y }, optimizer: { kind: 'adam', lr: 1e-2 }, steps: 3, checkpoints: [0, 3], strategy });
    for (const c of r.checkpoints) for (let e = 0; e < 2; e++) expect(c.loss[e]).toBeCloseTo(residualLoss64(c.params[e], acts, skip, x, y), 5);
    // The skip changes the function: the plain net's loss differs.
    expect(Math.abs(residualLoss64(r.checkpoints[0].params[0], acts, [false, false, false], x, y) - r.checkpoints[0].loss[0])).toBeGreaterThan(1e-3);
    const lr = 0.05;
    const p0 = r.checkpoints[0].params[0];
    const sgd = await trainEnsemble({ params: [p0], activation: acts, residual: [false, true, true], data: { inputs: x, targets: y }, optimizer: { kind: 'sgd', lr }, steps: 1, strategy });
    const g = numericGradient(p0, (q) => residualLoss64(q, acts, skip, x, y));
    const before = flat(p0);
    flat(sgd.finalParams[0]).forEach((v, k) => expect(Math.abs(v - (before[k] - lr * g[k]))).toBeLessThan(2e-6));
  });

  it('residual nets in an ensemble train as if alone, and the two strategies agree; a list with one skip equals the float64 pass', async () => {
    const params = sample([3, 5, 5, 5, 1], 4, 32, 0.2);
    const data = { inputs: [0.1, -0.5, 0.9, 1, 0.3, -0.2, -0.7, 0.4, 0.6, 0.2, 0.2, -0.9], targets: [0.5, -0.3, 0.1, 0.8] };
    const opt = { activation: acts, residual: true, data, optimizer: { kind: 'adam', lr: 5e-3 } as const, steps: 25 };
    const batched = await trainEnsemble({ ...opt, params, strategy: 'batched' });
    const loop = await trainEnsemble({ ...opt, params, strategy: 'loop' });
    const alone = await trainEnsemble({ ...opt, params: [params[2]], strategy: 'batched' });
    for (let e = 0; e < 4; e++) expect(paramsDiff(batched.finalParams[e], loop.finalParams[e])).toBeLessThan(1e-5);
    expect(paramsDiff(batched.finalParams[2], alone.finalParams[0])).toBeLessThan(1e-5);
    const one = await trainEnsemble({ ...opt, residual: [false, false, true], params, steps: 0, checkpoints: [0] });
    expect(one.checkpoints[0].loss[1]).toBeCloseTo(residualLoss64(one.checkpoints[0].params[1], acts, [false, false, true], data.inputs, data.targets), 5);
    // residual: false and omitted are the plain net, bitwise.
    const off = await trainEnsemble({ ...opt, residual: false, params, steps: 5 });
    const plain = await trainEnsemble({ activation: acts, data, optimizer: opt.optimizer, params, steps: 5 });
    expect(off.finalParams).toEqual(plain.finalParams);
  });

  it.each(['batched', 'loop'] as const)('%s: readoutBias: false keeps the read-out bias at its initial value and trains the rest as with a trained bias at step 1', async (strategy) => {
    const params = sample([2, 4, 4, 1], 2, 33, 0.3);
    params[1].layers[2].biases[0] = 0;
    const base = { params, activation: { kind: 'tanh' } as const, data: { inputs: x, targets: y }, optimizer: { kind: 'adam', lr: 1e-2 } as const, steps: 10, checkpoints: [1], strategy };
    const fixed = await trainEnsemble({ ...base, readoutBias: false });
    const free = await trainEnsemble(base);
    for (let e = 0; e < 2; e++) {
      expect(fixed.finalParams[e].layers[2].biases[0]).toBe(Math.fround(params[e].layers[2].biases[0]));
      expect(free.finalParams[e].layers[2].biases[0]).not.toBe(Math.fround(params[e].layers[2].biases[0]));
      // The first update of every other parameter uses the same gradient (θ_0 is shared).
      const a = fixed.checkpoints[0].params[e];
      const b = free.checkpoints[0].params[e];
      expect(a.layers[2].biases[0]).toBe(Math.fround(params[e].layers[2].biases[0]));
      expect(paramsDiff({ ...a, layers: a.layers.slice(0, 2) }, { ...b, layers: b.layers.slice(0, 2) })).toBe(0);
      expect(a.layers[2].weights).toEqual(b.layers[2].weights);
    }
  });

  it('a residual layer with fan-in ≠ fan-out, a list of the wrong length or a non-boolean flag is an error naming the parameter', async () => {
    const base = { params: sample([2, 4, 3, 3, 1], 1, 34), activation: { kind: 'tanh' } as const, data: { inputs: x, targets: y }, optimizer: { kind: 'sgd', lr: 0.1 } as const, steps: 1 };
    await expect(trainEnsemble({ ...base, residual: true })).rejects.toThrow('residual: hidden layer 2 has fan-in 4 ≠ fan-out 3; a residual layer needs fan-in = fan-out');
    await expect(trainEnsemble({ ...base, residual: [true, false, false] })).rejects.toThrow('residual[0]: hidden layer 1 has fan-in 2 ≠ fan-out 4; a residual layer needs fan-in = fan-out');
    await expect(trainEnsemble({ ...base, residual: [false, true] })).rejects.toThrow('residual must be a boolean or a list of one flag per hidden layer (3); got a list of 2');
    await expect(trainEnsemble({ ...base, residual: [false, 1, false] as unknown as boolean[] })).rejects.toThrow('residual[1] must be a boolean; got 1');
    await expect(trainEnsemble({ ...base, residual: 'yes' as unknown as boolean })).rejects.toThrow('residual must be a boolean or a list of one flag per hidden layer (3); got "yes"');
    await expect(trainEnsemble({ ...base, readoutBias: 0 as unknown as boolean })).rejects.toThrow('readoutBias must be a boolean; got 0');
    // Only layer 3 (3 → 3) residual is fine.
    await expect(trainEnsemble({ ...base, residual: [false, false, true] })).resolves.toBeDefined();
  });
});
