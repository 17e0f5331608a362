/**
 * Positively homogeneous activations (σ(a·x) = a·σ(x) for a > 0), the ones whose networks can be
 * evaluated with per-layer renormalisation in log space. A leaky ReLU exists for reject twins.
 */
import * as tf from '@tensorflow/tfjs';

export type Activation = { kind: 'relu' } | { kind: 'leaky-relu'; slope: number } | { kind: 'linear' };

export const relu: Activation = { kind: 'relu' };

export function validateActivation(a: Activation): Activation {
  if (a.kind === 'leaky-relu') {
    if (!Number.isFinite(a.slope) || a.slope < 0 || a.slope >= 1) {
      throw new Error(`activation.slope must be a number in [0, 1); got ${a.slope}`);
    }
  } else if (a.kind !== 'relu' && a.kind !== 'linear') {
    throw new Error(`activation.kind must be 'relu', 'leaky-relu' or 'linear'; got "${(a as { kind: string }).kind}"`);
  }
  return a;
}

export function applyActivation(a: Activation, x: tf.Tensor): tf.Tensor {
  switch (a.kind) {
    case 'relu':
      return tf.relu(x);
    case 'leaky-relu':
      return tf.leakyRelu(x, a.slope);
    case 'linear':
      return x;
  }
}
