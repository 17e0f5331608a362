import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../backend';
import {
  activation64,
  activationDerivative64,
  activationName,
  applyTrainActivation,
  fastTanh,
  isPiecewiseLinear,
  TRAIN_ACTIVATION_KINDS,
  validateTrainActivation,
  type TrainActivation,
} from './activations';

beforeAll(async () => {
  await initEngine();
});

const ALL: TrainActivation[] = [
  { kind: 'relu' },
  { kind: 'leaky-relu', slope: 0.1 },
  { kind: 'linear' },
  { kind: 'tanh' },
  { kind: 'sigmoid' },
  { kind: 'softplus' },
  { kind: 'xtanh' },
  { kind: 'x2tanh' },
];

// Grid avoiding the kink at 0 of the piecewise-linear activations.
const GRID = Array.from({ length: 81 }, (_, i) => -4 + 0.1 * i + 0.0123);

describe('training activations', () => {
  it('lists every kind once', () => {
    expect(ALL.map((a) => a.kind).sort()).toEqual([...TRAIN_ACTIVATION_KINDS].sort());
    expect(ALL.filter(isPiecewiseLinear).map((a) => a.kind)).toEqual(['relu', 'leaky-relu', 'linear']);
    expect(activationName({ kind: 'leaky-relu', slope: 0.2 })).toBe('leaky-relu(0.2)');
  });

  it('bad activations are clear errors naming the parameter', () => {
    expect(() => validateTrainActivation({ kind: 'gelu' } as unknown as TrainActivation)).toThrow(
      'activation.kind must be one of relu, leaky-relu, linear, tanh, sigmoid, softplus, xtanh, x2tanh; got "gelu"',
    );
    expect(() => validateTrainActivation({ kind: 'leaky-relu', slope: 1.5 })).toThrow('activation.slope must be a number in [0, 1); got 1.5');
    expect(() => validateTrainActivation({ kind: 'leaky-relu', slope: Number.NaN })).toThrow('activation.slope must be a number in [0, 1); got NaN');
  });

  it.each(ALL.map((a) => [activationName(a), a] as const))('%s: tfjs values and autograd derivative match the float64 versions', (_name, a) => {
    const f = activation64(a);
    const df = activationDerivative64(a);
    const x = tf.tensor1d(GRID);
    const y = tf.tidy(() => applyTrainActivation(a, x).dataSync());
    const g = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.mul(applyTrainActivation(a, t), 1))(x).dataSync());
    x.dispose();
    GRID.forEach((v, i) => {
      const xv = Math.fround(v);
      expect(Math.abs(y[i] - f(xv))).toBeLessThanOrEqual(2e-6 * Math.max(1, Math.abs(f(xv))));
      expect(Math.abs(g[i] - df(xv))).toBeLessThanOrEqual(2e-5 * Math.max(1, Math.abs(df(xv))));
    });
  });

  it('fastTanh is within a few float32 ulps of Math.tanh, from tiny to saturated inputs', () => {
    const xs: number[] = [0];
    for (let k = -80; k <= 18; k++) for (const m of [1, 1.37, 2.9]) xs.push(m * 2 ** (k / 4), -m * 2 ** (k / 4));
    const xt = tf.tensor1d(xs);
    const xf = xt.dataSync();
    const y = tf.tidy(() => fastTanh(xt).dataSync());
    xt.dispose();
    let worst = 0;
    xs.forEach((_, i) => {
      const exact = Math.tanh(xf[i]);
      worst = Math.max(worst, exact === 0 ? Math.abs(y[i]) : Math.abs(y[i] - exact) / Math.abs(exact));
    });
    expect(worst).toBeLessThan(4e-7);
  });

  it('float64 scalar versions at reference points', () => {
    expect(activation64({ kind: 'softplus' })(0)).toBeCloseTo(Math.LN2, 15);
    expect(activation64({ kind: 'softplus' })(-700) / Math.exp(-700)).toBeCloseTo(1, 12);
    expect(activation64({ kind: 'softplus' })(800)).toBe(800);
    expect(activation64({ kind: 'sigmoid' })(-800)).toBeGreaterThanOrEqual(0);
    expect(activation64({ kind: 'xtanh' })(2)).toBeCloseTo(2 * Math.tanh(2), 15);
    expect(activation64({ kind: 'x2tanh' })(-2)).toBeCloseTo(-4 * Math.tanh(2), 15);
    expect(activationDerivative64({ kind: 'relu' })(0)).toBe(0);
    expect(activationDerivative64({ kind: 'leaky-relu', slope: 0.3 })(-1)).toBe(0.3);
    // Derivatives against central differences.
    for (const a of ALL) {
      const f = activation64(a);
      const df = activationDerivative64(a);
      for (const x of [-1.7, -0.3, 0.4, 2.2]) expect(df(x)).toBeCloseTo((f(x + 1e-6) - f(x - 1e-6)) / 2e-6, 6);
    }
  });
});
