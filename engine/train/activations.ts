/**
 * Activations for training, as plain data: each has a tfjs implementation and a float64 scalar
 * version with its derivative, for analysis code and for checks against hand-computed gradients.
 * relu, leaky-relu, sigmoid and softplus are tfjs kernels differentiated by tfjs' autograd; tanh,
 * x·tanh x and x²·tanh x are custom-gradient ops built on {@link fastTanh} (wasm's Tanh kernel is
 * scalar and ~7× slower). activations.test.ts checks every value and derivative against the float64
 * versions.
 *
 * | kind         | σ(x)                      | σ'(x)                                  |
 * |--------------|---------------------------|----------------------------------------|
 * | `relu`       | max(x, 0)                 | 1 for x > 0, else 0 (tfjs: 0 at x = 0) |
 * | `leaky-relu` | x for x > 0, else slope·x | 1 for x > 0, else slope                |
 * | `linear`     | x                         | 1                                      |
 * | `tanh`       | tanh x                    | 1 − tanh² x                            |
 * | `sigmoid`    | 1 / (1 + e^(−x))          | σ(x)(1 − σ(x))                         |
 * | `softplus`   | log(1 + e^x)              | sigmoid(x)                             |
 * | `xtanh`      | x·tanh x                  | tanh x + x(1 − tanh² x)                |
 * | `x2tanh`     | x²·tanh x                 | 2x·tanh x + x²(1 − tanh² x)            |
 *
 * The piecewise-linear subset (`relu`, `leaky-relu`, `linear`) is engine/network/activation.ts'
 * {@link Activation} type, reused unchanged, so a training activation of that subset can be passed
 * wherever the rest of the engine expects an `Activation`.
 */
import * as tf from '@tensorflow/tfjs';
import { applyActivation, type Activation } from '../network/activation';

export type SmoothActivation = { kind: 'tanh' } | { kind: 'sigmoid' } | { kind: 'softplus' } | { kind: 'xtanh' } | { kind: 'x2tanh' };

export type TrainActivation = Activation | SmoothActivation;

export const TRAIN_ACTIVATION_KINDS = ['relu', 'leaky-relu', 'linear', 'tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh'] as const;
export type TrainActivationKind = (typeof TRAIN_ACTIVATION_KINDS)[number];

export function validateTrainActivation(a: TrainActivation, parameter = 'activation'): TrainActivation {
  if (a === null || typeof a !== 'object') throw new Error(`${parameter} must be an object { kind, … }; got ${String(a)}`);
  const kind = (a as { kind: unknown }).kind;
  if (!(TRAIN_ACTIVATION_KINDS as readonly unknown[]).includes(kind)) {
    throw new Error(`${parameter}.kind must be one of ${TRAIN_ACTIVATION_KINDS.join(', ')}; got "${String(kind)}"`);
  }
  if (a.kind === 'leaky-relu' && !(Number.isFinite(a.slope) && a.slope >= 0 && a.slope < 1)) {
    throw new Error(`${parameter}.slope must be a number in [0, 1); got ${a.slope}`);
  }
  return a;
}

/** Human-readable name, e.g. `leaky-relu(0.1)`. */
export function activationName(a: TrainActivation): string {
  return a.kind === 'leaky-relu' ? `leaky-relu(${a.slope})` : a.kind;
}

/** True for the piecewise-linear activations (those a {@link import('../geometry/net64').PwlNet64} can hold). */
export function isPiecewiseLinear(a: TrainActivation): a is Activation {
  return a.kind === 'relu' || a.kind === 'leaky-relu' || a.kind === 'linear';
}

/** σ applied elementwise to a tensor (differentiable by tfjs' autograd). */
export function applyTrainActivation(a: TrainActivation, x: tf.Tensor): tf.Tensor {
  if (isPiecewiseLinear(a)) return applyActivation(a, x);
  switch (a.kind) {
    case 'tanh':
      return tanhOp(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'softplus':
      return tf.softplus(x);
    case 'xtanh':
      return xtanhOp(x);
    case 'x2tanh':
      return x2tanhOp(x);
  }
}

// tanh on wasm: the Tanh kernel is scalar (17 ms for 8·10⁵ values) while Elu is vectorised and
// accurate near 0 (it evaluates expm1): with E = expm1(−2|x|) = elu(−2|x|) ∈ (−1, 0],
// tanh|x| = −E / (2 + E), and the sign comes from step(x) (tf.sign and tf.less are slow kernels on
// wasm, ~4–5 ms). Nine vectorised ops, ~2.5 ms: ~7× faster than tf.tanh, and within ~3 ulp of
// Math.tanh over 1e-6 ≤ |x| ≤ 20 (activations.test.ts), including tiny pre-activations.
/** tanh x (values only, not differentiable by itself: used inside the custom gradients below). */
export function fastTanh(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const e = tf.elu(tf.mul(tf.abs(x), -2));
    const minusSign = tf.add(tf.mul(tf.step(x), -2), 1); // −1 for x > 0, +1 for x ≤ 0
    return tf.div(tf.mul(e, minusSign), tf.add(e, 2));
  });
}

/** tanh with dσ = dy·(1 − t²). */
const tanhOp = tf.customGrad((x, save) => {
  const t = fastTanh(x as tf.Tensor);
  (save as tf.GradSaveFunc)([t]);
  return { value: t, gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => tf.mul(dy, tf.sub(1, tf.square(s))) };
}) as (x: tf.Tensor) => tf.Tensor;

/** x·tanh x with dσ = dy·(t + x(1 − t²)). */
const xtanhOp = tf.customGrad((x, save) => {
  const t = fastTanh(x as tf.Tensor);
  (save as tf.GradSaveFunc)([x as tf.Tensor, t]);
  return {
    value: tf.mul(x as tf.Tensor, t),
    gradFunc: (dy: tf.Tensor, [xs, s]: tf.Tensor[]) => tf.mul(dy, tf.add(s, tf.mul(xs, tf.sub(1, tf.square(s))))),
  };
}) as (x: tf.Tensor) => tf.Tensor;

/** x²·tanh x with dσ = dy·x·(2t + x(1 − t²)). */
const x2tanhOp = tf.customGrad((x, save) => {
  const t = fastTanh(x as tf.Tensor);
  (save as tf.GradSaveFunc)([x as tf.Tensor, t]);
  return {
    value: tf.mul(tf.square(x as tf.Tensor), t),
    gradFunc: (dy: tf.Tensor, [xs, s]: tf.Tensor[]) => tf.mul(tf.mul(dy, xs), tf.add(tf.mul(s, 2), tf.mul(xs, tf.sub(1, tf.square(s))))),
  };
}) as (x: tf.Tensor) => tf.Tensor;

const { tanh, exp, log1p, abs, max } = Math;

/** Numerically stable log(1 + e^x). */
function softplus64(x: number): number {
  return max(x, 0) + log1p(exp(-abs(x)));
}

function sigmoid64(x: number): number {
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}

/** σ as a float64 scalar function. */
export function activation64(a: TrainActivation): (x: number) => number {
  switch (a.kind) {
    case 'relu':
      return (x) => (x > 0 ? x : 0);
    case 'leaky-relu': {
      const s = a.slope;
      return (x) => (x > 0 ? x : s * x);
    }
    case 'linear':
      return (x) => x;
    case 'tanh':
      return tanh;
    case 'sigmoid':
      return sigmoid64;
    case 'softplus':
      return softplus64;
    case 'xtanh':
      return (x) => x * tanh(x);
    case 'x2tanh':
      return (x) => x * x * tanh(x);
  }
}

/** σ' as a float64 scalar function (for the kinks of relu / leaky-relu, the value tfjs uses at 0: the left slope). */
export function activationDerivative64(a: TrainActivation): (x: number) => number {
  switch (a.kind) {
    case 'relu':
      return (x) => (x > 0 ? 1 : 0);
    case 'leaky-relu': {
      const s = a.slope;
      return (x) => (x > 0 ? 1 : s);
    }
    case 'linear':
      return () => 1;
    case 'tanh':
      return (x) => {
        const t = tanh(x);
        return 1 - t * t;
      };
    case 'sigmoid':
      return (x) => {
        const s = sigmoid64(x);
        return s * (1 - s);
      };
    case 'softplus':
      return sigmoid64;
    case 'xtanh':
      return (x) => {
        const t = tanh(x);
        return t + x * (1 - t * t);
      };
    case 'x2tanh':
      return (x) => {
        const t = tanh(x);
        return 2 * x * t + x * x * (1 - t * t);
      };
  }
}
