/**
 * An example user model for `npx theorycheck audit --model <file>`: a `tf.Sequential` factory
 * (seed → model) of Dense ReLU layers 16 → 64 → 64 → 64 with tfjs' heUniform kernels (c = 2), zero
 * biases and a linear read-out. A module for `--model` exports the factory as `default` or `factory`.
 */
import * as tf from '@tensorflow/tfjs';

export default function factory(seed: number): tf.Sequential {
  const kernel = (k: number) => tf.initializers.heUniform({ seed: seed * 4 + k });
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [16], units: 64, activation: 'relu', kernelInitializer: kernel(0) }),
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: kernel(1) }),
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: kernel(2) }),
      tf.layers.dense({ units: 1, kernelInitializer: kernel(3) }),
    ],
  });
}
